// Package output writes the results folder of a run: the manifest that
// reproduces it, the tidy tables, the plots, the network pictures and a
// self-contained HTML report.
//
// A folder is written into a temporary folder next to its target and renamed
// into place at the end (Begin, then Folder.Write, then Folder.Commit), so a
// failed or interrupted run leaves nothing half-written. An existing
// non-empty folder is replaced only when asked to (force), and only when
// orgnet wrote it; an empty one is reused. A killed run's temporary folder
// is removed by the next run into the same place.
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
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// ErrExists is returned (wrapped) by Begin for a target that exists and is
// not an empty folder, when force is not set.
var ErrExists = errors.New("exists and is not empty")

// ErrUnwritable is returned (wrapped) by Begin when the target's parent
// cannot be created or written.
var ErrUnwritable = errors.New("cannot be written")

// Folder is a results folder being written.
type Folder struct {
	target string // Where the results go (a symbolic link resolved).
	shown  string // The target as given, for messages.
	tmp    string
	force  bool
	done   bool
}

// Begin checks that target can be written and creates a temporary folder
// next to it. The target may be absent or an empty folder; with force it may
// also be a folder orgnet wrote (see Wrote), never a folder of other files.
// A target that is a symbolic link to a folder is followed: the folder it
// points to is replaced and the link kept. Temporary folders that runs
// killed before they finished left next to the target are removed first.
func Begin(target string, force bool) (*Folder, error) {
	shown := filepath.Clean(target)
	target = shown
	if real, err := filepath.EvalSymlinks(target); err == nil {
		target = real
	}
	if fi, err := os.Stat(target); err == nil {
		if !fi.IsDir() {
			return nil, fmt.Errorf("output folder %s: %w (it is a file)", shown, ErrExists)
		}
		entries, err := os.ReadDir(target)
		if err != nil {
			return nil, fmt.Errorf("output folder %s %w: %v", shown, ErrUnwritable, err)
		}
		if len(entries) > 0 && !force {
			return nil, fmt.Errorf("output folder %s %w; choose another --out or add --force to replace it", shown, ErrExists)
		}
		if len(entries) > 0 && !Wrote(target) {
			return nil, fmt.Errorf("output folder %s %w: it holds %s, not results of orgnet; --force replaces only an empty folder or one orgnet wrote (with its %s), so choose another --out", shown, ErrExists, listEntries(entries), strings.Join(markers, ", "))
		}
	}
	parent := filepath.Dir(target)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return nil, fmt.Errorf("output folder %s %w: %v", shown, ErrUnwritable, unwrapPath(err))
	}
	cleanTemps(parent, filepath.Base(target))
	tmp, err := os.MkdirTemp(parent, tempPrefix(filepath.Base(target))+strconv.Itoa(os.Getpid())+"-")
	if err != nil {
		return nil, fmt.Errorf("output folder %s %w: %v", shown, ErrUnwritable, unwrapPath(err))
	}
	if err := os.Chmod(tmp, 0o755); err != nil {
		os.RemoveAll(tmp)
		return nil, fmt.Errorf("output folder %s: %w", shown, err)
	}
	return &Folder{target: target, shown: shown, tmp: tmp, force: force}, nil
}

// markers are the files by which Wrote knows a folder orgnet wrote.
var markers = []string{"manifest.json (a run)", "sweep.json (a sweep)", "differences.csv, a.toml and b.toml (a comparison)"}

// Wrote reports whether dir is a folder orgnet wrote: a run's manifest.json
// or a sweep's sweep.json (each naming the orgnet version), or a
// comparison's differences.csv with a.toml and b.toml.
func Wrote(dir string) bool {
	for _, name := range []string{"manifest.json", "sweep.json"} {
		data, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			continue
		}
		var m map[string]json.RawMessage
		if json.Unmarshal(data, &m) == nil && m["orgnet_version"] != nil {
			return true
		}
	}
	for _, name := range []string{"differences.csv", "a.toml", "b.toml"} {
		if fi, err := os.Stat(filepath.Join(dir, name)); err != nil || !fi.Mode().IsRegular() {
			return false
		}
	}
	return true
}

// listEntries names the first few entries of a folder for a message.
func listEntries(entries []os.DirEntry) string {
	var names []string
	for i, e := range entries {
		if i == 3 {
			names = append(names, fmt.Sprintf("and %d more", len(entries)-3))
			break
		}
		n := e.Name()
		if e.IsDir() {
			n += "/"
		}
		names = append(names, n)
	}
	return strings.Join(names, ", ")
}

// tempPrefix is the start of the name of a target's temporary folders:
// ".NAME.tmp-", then the writing process's id, a dash and random digits.
func tempPrefix(base string) string { return "." + base + ".tmp-" }

// tempName matches a temporary folder of orgnet: the process id (absent in
// folders of older versions), random digits, and ".old" for a replaced
// folder being removed.
var tempName = regexp.MustCompile(`^(?:(\d+)-)?\d+(?:\.old)?$`)

// cleanTemps removes the temporary folders of target base in parent whose
// process is gone: runs killed before they could clean up. Only folders
// whose names are exactly orgnet's pattern are touched; one without a
// process id is removed when it is more than a day old.
func cleanTemps(parent, base string) {
	entries, err := os.ReadDir(parent)
	if err != nil {
		return
	}
	prefix := tempPrefix(base)
	for _, e := range entries {
		rest, ok := strings.CutPrefix(e.Name(), prefix)
		if !ok || !e.IsDir() {
			continue
		}
		m := tempName.FindStringSubmatch(rest)
		if m == nil {
			continue
		}
		if m[1] != "" {
			pid, err := strconv.Atoi(m[1])
			if err != nil || processAlive(pid) {
				continue
			}
		} else if fi, err := e.Info(); err != nil || time.Since(fi.ModTime()) < 24*time.Hour {
			continue
		}
		os.RemoveAll(filepath.Join(parent, e.Name()))
	}
}

// processAlive reports whether process pid may still be running; where that
// cannot be known it says yes.
func processAlive(pid int) bool {
	if pid == os.Getpid() {
		return true
	}
	p, err := os.FindProcess(pid)
	if err != nil {
		return false
	}
	if runtime.GOOS == "windows" {
		return true
	}
	err = p.Signal(syscall.Signal(0))
	return err == nil || errors.Is(err, os.ErrPermission)
}

// SafeName turns a scenario name into one safe folder name: letters,
// digits, '.', '_' and '-' kept, anything else (path separators, "..")
// replaced by '-', no leading dot or dash; "run" if nothing is left.
func SafeName(name string) string {
	b := []byte(name)
	for i, c := range b {
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-' || c == '.') {
			b[i] = '-'
		}
	}
	s := strings.ReplaceAll(string(b), "..", "-")
	s = strings.TrimLeft(s, ".-")
	if len(s) > 80 {
		s = s[:80]
	}
	if s == "" {
		return "run"
	}
	return s
}

func unwrapPath(err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// Target returns the folder the results end up in.
func (f *Folder) Target() string { return f.shown }

// Dir returns the temporary folder files are written to before Commit.
func (f *Folder) Dir() string { return f.tmp }

// Commit moves the finished folder into place, replacing an empty target
// (or, with force, a folder orgnet wrote).
func (f *Folder) Commit() error {
	if f.done {
		return errors.New("output: folder already committed or aborted")
	}
	var old string
	if fi, err := os.Stat(f.target); err == nil {
		entries, _ := os.ReadDir(f.target)
		if !fi.IsDir() || (len(entries) > 0 && (!f.force || !Wrote(f.target))) {
			return fmt.Errorf("output folder %s %w (it appeared or changed during the run)", f.shown, ErrExists)
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
