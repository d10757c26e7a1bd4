package sweep

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"
)

// MergeError reports shards that cannot be merged: missing, overlapping,
// unfinished, or of different sweeps.
type MergeError struct{ Problem string }

func (e *MergeError) Error() string { return e.Problem }

// Merge combines the shard directories of one sweep into dir (new or
// empty), as if the sweep had run there in one piece: runs.csv,
// runs.parquet and timeseries.parquet are the same as a local run's, byte
// for byte. It refuses shards of different sweeps, missing, overlapping or
// unfinished shards.
func Merge(dir string, shardDirs []string, version string) (*Manifest, error) {
	start := time.Now()
	if len(shardDirs) == 0 {
		return nil, &MergeError{"no shard directories given"}
	}
	var mans []*Manifest
	for _, d := range shardDirs {
		m, err := readManifest(d)
		if err != nil {
			if errors.Is(err, os.ErrNotExist) {
				return nil, &MergeError{fmt.Sprintf("%s is not a sweep directory (no %s)", d, ManifestName)}
			}
			return nil, &MergeError{err.Error()}
		}
		if m.Sweep.Hash() != m.Hash {
			return nil, &MergeError{fmt.Sprintf("%s: %s does not match its own hash (edited by hand?)", d, ManifestName)}
		}
		mans = append(mans, m)
	}
	first := mans[0]
	n := first.Shards
	owner := map[int]string{}
	for i, m := range mans {
		d := shardDirs[i]
		switch {
		case m.Hash != first.Hash:
			return nil, &MergeError{fmt.Sprintf("%s and %s are shards of different sweeps (hash %s and %s)", shardDirs[0], d, first.Hash, m.Hash)}
		case m.Shards != n:
			return nil, &MergeError{fmt.Sprintf("%s is shard %d/%d but %s is shard %d/%d: shard counts differ", d, m.Shard, m.Shards, shardDirs[0], first.Shard, n)}
		case owner[m.Shard] != "":
			return nil, &MergeError{fmt.Sprintf("shards overlap: %s and %s are both shard %d/%d", owner[m.Shard], d, m.Shard, n)}
		case !m.Complete:
			return nil, &MergeError{fmt.Sprintf("%s: shard %d/%d is unfinished (%d of %d runs); finish it with orgnet sweep --resume", d, m.Shard, n, m.Done, m.Runs)}
		case m.Timeseries != first.Timeseries:
			return nil, &MergeError{fmt.Sprintf("%s was run with timeseries = %v, %s with %v", d, m.Timeseries, shardDirs[0], first.Timeseries)}
		}
		owner[m.Shard] = d
	}
	var missing []string
	for i := 1; i <= n; i++ {
		if owner[i] == "" {
			missing = append(missing, fmt.Sprintf("%d/%d", i, n))
		}
	}
	if len(missing) > 0 {
		return nil, &MergeError{fmt.Sprintf("missing shard%s %s (have %d of %d)", plural(len(missing)), strings.Join(missing, ", "), len(mans), n)}
	}
	for _, d := range shardDirs {
		if sameDir(d, dir) {
			return nil, &MergeError{fmt.Sprintf("the merged directory %s is one of the shards", dir)}
		}
	}

	s := first.Sweep
	design, err := Design(s)
	if err != nil {
		return nil, err
	}
	var all []Result
	var series []string
	for i, m := range mans {
		d := shardDirs[i]
		head, res, _, err := readJournal(filepath.Join(d, journalName))
		if err != nil {
			return nil, &MergeError{err.Error()}
		}
		if head.Sweep != m.Hash || head.Shard != m.Shard {
			return nil, &MergeError{fmt.Sprintf("%s: journal and %s disagree", d, ManifestName)}
		}
		for _, r := range res {
			if !InShard(r.RunID, m.Shard, n) || r.RunID >= m.RunsTotal {
				return nil, &MergeError{fmt.Sprintf("%s: run %d is not in shard %d/%d", d, r.RunID, m.Shard, n)}
			}
		}
		if len(res) != m.Runs {
			return nil, &MergeError{fmt.Sprintf("%s: shard %d/%d has %d of %d runs; finish it with orgnet sweep --resume", d, m.Shard, n, len(res), m.Runs)}
		}
		all = append(all, res...)
		if m.Timeseries {
			series = append(series, filepath.Join(d, seriesName))
		}
	}
	slices.SortFunc(all, func(a, b Result) int { return a.RunID - b.RunID })
	if len(all) != first.RunsTotal {
		return nil, &MergeError{fmt.Sprintf("the shards hold %d runs; the sweep has %d", len(all), first.RunsTotal)}
	}

	if _, err := freshDir(dir); err != nil {
		var de *DirError
		if errors.As(err, &de) {
			return nil, &MergeError{fmt.Sprintf("%s is not empty; merge into a new or empty folder (shards and Slurm scripts may stay in it)", dir)}
		}
		return nil, err
	}
	head := &journalHeader{Sweep: first.Hash, Version: version, Shard: 1, Shards: 1}
	j, err := openJournal(dir, head, 0, false)
	if err != nil {
		return nil, err
	}
	failed := 0
	for _, r := range all {
		if r.Err != "" {
			failed++
		}
		if err := j.add(r, nil); err != nil {
			j.close()
			return nil, err
		}
	}
	if err := j.close(); err != nil {
		return nil, err
	}
	if err := writeResults(dir, s, design, all); err != nil {
		return nil, err
	}
	if first.Timeseries {
		if err := writeTimeseries(dir, series, all); err != nil {
			return nil, err
		}
	}
	man := &Manifest{Version: version, Hash: first.Hash, Shard: 1, Shards: 1, Runs: len(all), RunsTotal: len(all), Done: len(all), Failed: failed,
		Complete: true, Timeseries: first.Timeseries, Started: start.UTC().Format(time.RFC3339), Finished: time.Now().UTC().Format(time.RFC3339),
		ElapsedSeconds: time.Since(start).Seconds(), Columns: s.Columns(), MergedFrom: shardDirs, Sweep: s}
	return man, writeManifest(dir, man)
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}

func sameDir(a, b string) bool {
	fa, err1 := os.Stat(a)
	fb, err2 := os.Stat(b)
	if err1 == nil && err2 == nil {
		return os.SameFile(fa, fb)
	}
	return filepath.Clean(a) == filepath.Clean(b)
}
