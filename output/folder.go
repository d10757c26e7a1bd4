// Package output writes the results folder of a run: the manifest that
// reproduces it, the tidy tables, the plots, the network pictures and a
// self-contained HTML report.
//
// A folder is written into a temporary folder next to its target and renamed
// into place at the end (Begin, then Folder.Write, then Folder.Commit), so a
// failed or interrupted run leaves nothing half-written. An existing
// non-empty folder is replaced only when asked to (force); an empty one is
// reused.
//
// Files of a run folder:
//
//	manifest.json      orgnet version, full scenario (TOML), seeds, times, platform, command
//	timeseries.csv     rep, then the columns of sim.MetricNames; one row per replication and tick
//	summary.csv        metric,tick,year,mean,p05,p95 (long format; every metric but tick and year)
//	events.csv         rep,tick,year,type,label: the events that happened in each replication
//	plots/NAME.png|svg orientation, value, trust_legitimacy, partners_persons
//	network.png|svg    the network of the first replication at the end
//	network_yY.png|svg the network at year Y (with snapshot years)
//	report.html        one self-contained page: question, settings, reading, plots
package output

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
)

// ErrExists is returned (wrapped) by Begin for a target that exists and is
// not an empty folder, when force is not set.
var ErrExists = errors.New("exists and is not empty")

// ErrUnwritable is returned (wrapped) by Begin when the target's parent
// cannot be created or written.
var ErrUnwritable = errors.New("cannot be written")

// Folder is a results folder being written.
type Folder struct {
	target string
	tmp    string
	force  bool
	done   bool
}

// Begin checks that target can be written (an absent or empty folder, or
// any existing one with force) and creates a temporary folder next to it.
func Begin(target string, force bool) (*Folder, error) {
	target = filepath.Clean(target)
	if fi, err := os.Stat(target); err == nil {
		if !fi.IsDir() {
			return nil, fmt.Errorf("output folder %s: %w (it is a file)", target, ErrExists)
		}
		entries, err := os.ReadDir(target)
		if err != nil {
			return nil, fmt.Errorf("output folder %s %w: %v", target, ErrUnwritable, err)
		}
		if len(entries) > 0 && !force {
			return nil, fmt.Errorf("output folder %s %w; choose another --out or add --force to replace it", target, ErrExists)
		}
	}
	parent := filepath.Dir(target)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return nil, fmt.Errorf("output folder %s %w: %v", target, ErrUnwritable, unwrapPath(err))
	}
	tmp, err := os.MkdirTemp(parent, "."+filepath.Base(target)+".tmp-")
	if err != nil {
		return nil, fmt.Errorf("output folder %s %w: %v", target, ErrUnwritable, unwrapPath(err))
	}
	if err := os.Chmod(tmp, 0o755); err != nil {
		os.RemoveAll(tmp)
		return nil, fmt.Errorf("output folder %s: %w", target, err)
	}
	return &Folder{target: target, tmp: tmp, force: force}, nil
}

func unwrapPath(err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// Target returns the folder the results end up in.
func (f *Folder) Target() string { return f.target }

// Dir returns the temporary folder files are written to before Commit.
func (f *Folder) Dir() string { return f.tmp }

// Commit moves the finished folder into place, replacing an empty target
// (or, with force, any target).
func (f *Folder) Commit() error {
	if f.done {
		return errors.New("output: folder already committed or aborted")
	}
	var old string
	if fi, err := os.Stat(f.target); err == nil {
		entries, _ := os.ReadDir(f.target)
		if !fi.IsDir() || (len(entries) > 0 && !f.force) {
			return fmt.Errorf("output folder %s %w (it appeared during the run)", f.target, ErrExists)
		}
		old = f.tmp + ".old"
		if err := os.Rename(f.target, old); err != nil {
			return fmt.Errorf("output: moving the old %s aside: %w", f.target, err)
		}
	}
	if err := os.Rename(f.tmp, f.target); err != nil {
		if old != "" {
			os.Rename(old, f.target)
		}
		return fmt.Errorf("output: %w", err)
	}
	f.done = true
	if old != "" {
		if err := os.RemoveAll(old); err != nil {
			return fmt.Errorf("output: removing the old %s: %w", f.target, err)
		}
	}
	return nil
}

// Abort removes the temporary folder; the target is left as it was. It is
// safe to call after Commit (it then does nothing).
func (f *Folder) Abort() {
	if f.done {
		return
	}
	f.done = true
	os.RemoveAll(f.tmp)
}
