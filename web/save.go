package web

import (
	"errors"
	"fmt"
	"io/fs"
	"net/http"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"time"

	"github.com/orgnet/orgnet/ensemble"
	"github.com/orgnet/orgnet/output"
	"github.com/orgnet/orgnet/sim"
)

// Version is the orgnet version written into saved manifests; the command
// sets it.
var Version = "dev"

// handleSave writes the live run as a results folder (package output: the
// manifest, tables, plots, network picture and report, as `orgnet run`
// writes them) into a new folder inside the results folder, and answers
// with the folder's name. Nothing is written anywhere else, and an existing
// folder is never overwritten.
func (s *Server) handleSave(w http.ResponseWriter, r *http.Request, ss *session) {
	l, err := langOf(r)
	if err != nil {
		fail(w, err)
		return
	}
	ss.mu.Lock()
	if ss.model == nil {
		ss.mu.Unlock()
		fail(w, badInput("nothing to save: set up a run first"))
		return
	}
	preset, cfg := ss.preset, ss.cfg.Clone()
	cfg.Run.Replications = 1
	rep := ensemble.Replication{Index: 0, Seed: ss.seed, Rows: slices.Clone(ss.rows), Events: slices.Clone(ss.events),
		Snapshots: []sim.Snapshot{ss.model.Snapshot(snapshotPersons)}}
	ss.mu.Unlock()
	run := &output.Run{
		Result:  &ensemble.Result{Config: cfg, Master: uint64(cfg.Run.Seed), Reps: []ensemble.Replication{rep}},
		Version: Version, Command: []string{"orgnet", "serve"}, Start: time.Now(), End: time.Now(), Lang: l,
	}
	name, err := s.saveFolder(preset, run)
	if err != nil {
		fail(w, err)
		return
	}
	writeJSON(w, http.StatusOK, map[string]string{"folder": name})
}

var unsafeName = regexp.MustCompile(`[^a-z0-9-]+`)

// saveFolder writes run into a new folder inside the results folder, named
// after the preset and the time, and returns that name.
func (s *Server) saveFolder(preset string, run *output.Run) (string, error) {
	root := s.opts.ResultsDir
	s.saveMu.Lock()
	defer s.saveMu.Unlock()
	n, size, err := folderUsage(root)
	if err != nil {
		return "", fmt.Errorf("saving the run folder: %w", err)
	}
	if n >= s.opts.MaxSaved || size >= s.opts.MaxSavedBytes {
		return "", &limitError{fmt.Sprintf("not saved: the results folder is full (%d folders, %s; this server keeps at most %d folders and %s); move or delete old run folders there, or download the files instead",
			n, megabytes(size), s.opts.MaxSaved, megabytes(s.opts.MaxSavedBytes))}
	}
	base := strings.Trim(unsafeName.ReplaceAllString(strings.ToLower(preset), "-"), "-") + "-" + time.Now().Format("20060102-150405")
	for i := 1; i < 100; i++ {
		name := base
		if i > 1 {
			name = fmt.Sprintf("%s-%d", base, i)
		}
		target := filepath.Join(root, name)
		if !within(root, target) {
			return "", fmt.Errorf("refusing to write %s outside the results folder", name)
		}
		err := output.Write(target, run, false)
		if errors.Is(err, output.ErrExists) {
			continue
		}
		if err != nil {
			return "", fmt.Errorf("saving the run folder: %w", err)
		}
		return name, nil
	}
	return "", fmt.Errorf("saving the run folder: too many folders named %s", base)
}

// within reports whether path lies inside dir.
func within(dir, path string) bool {
	rel, err := filepath.Rel(dir, path)
	return err == nil && rel != "." && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) && !filepath.IsAbs(rel)
}

// folderUsage counts the folders directly inside root and the bytes of every
// file below it; a root that does not exist yet holds nothing.
func folderUsage(root string) (folders int, bytes int64, err error) {
	err = filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			if errors.Is(err, fs.ErrNotExist) && path == root {
				return fs.SkipAll
			}
			return err
		}
		if d.IsDir() {
			if filepath.Dir(path) == root && path != root {
				folders++
			}
			return nil
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		bytes += info.Size()
		return nil
	})
	return folders, bytes, err
}

// megabytes writes a size in MB with one decimal.
func megabytes(n int64) string { return fmt.Sprintf("%.1f MB", float64(n)/(1<<20)) }
