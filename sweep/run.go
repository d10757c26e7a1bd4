package sweep

import (
	"context"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"sync"
	"time"

	"github.com/orgnet/orgnet/sim"
)

// ErrInterrupted is returned by Run when its context was cancelled: the runs
// finished so far are in the journal and the sweep can be resumed.
var ErrInterrupted = errors.New("sweep interrupted")

// DirError reports an output directory that cannot be used as asked: it
// holds another sweep, or a different one than the one resumed.
type DirError struct {
	Dir     string
	Problem string
}

func (e *DirError) Error() string { return e.Dir + ": " + e.Problem }

// Options control Run.
type Options struct {
	Dir        string    // Output directory.
	Workers    int       // Parallel runs; runtime.NumCPU() if 0.
	Shard      int       // 1-based shard to run (0: the whole sweep).
	Shards     int       // Number of shards (0 or 1: the whole sweep).
	Resume     bool      // Continue the sweep in Dir from its journal.
	Timeseries bool      // Also record every run's metric series (timeseries.parquet).
	Version    string    // orgnet version, recorded in sweep.json.
	Progress   io.Writer // Progress reports (nil: none).
	Terminal   bool      // Progress is a terminal: draw a progress bar.
}

// Summary tells what Run did.
type Summary struct {
	Total    int           // Runs of this shard.
	Resumed  int           // Runs found done in the journal.
	Done     int           // Runs finished, including resumed ones.
	Failed   int           // Runs finished with an error.
	Elapsed  time.Duration // Wall time of this invocation.
	Complete bool          // All runs of the shard are done and the outputs written.
}

// runModel runs one simulation; tests replace it to make runs fail.
var runModel = sim.Run

// InShard reports whether run id belongs to shard i of n (1-based): run ids
// are dealt round-robin, id % n == i-1.
func InShard(id, i, n int) bool { return n <= 1 || id%n == i-1 }

// Run runs the runs of a sweep (or of one shard of it) that are not yet in
// the journal, and writes the results to opt.Dir. It returns ErrInterrupted
// (with the summary so far) when ctx is cancelled: the runs in flight are
// finished and journaled first.
func Run(ctx context.Context, s *Spec, opt Options) (*Summary, error) {
	start := time.Now()
	if opt.Shards <= 1 {
		opt.Shard, opt.Shards = 1, 1
	}
	if opt.Shard < 1 || opt.Shard > opt.Shards {
		return nil, fmt.Errorf("shard %d/%d: allowed 1 to %d", opt.Shard, opt.Shards, opt.Shards)
	}
	if opt.Workers <= 0 {
		opt.Workers = runtime.NumCPU()
	}
	design, err := DesignContext(ctx, s)
	if ctx.Err() != nil {
		// Stopped while the design was built: nothing is written yet.
		return &Summary{Elapsed: time.Since(start)}, ErrInterrupted
	}
	if err != nil {
		return nil, err
	}
	total := len(design) * s.Replications
	var ids []int
	for id := range total {
		if InShard(id, opt.Shard, opt.Shards) {
			ids = append(ids, id)
		}
	}
	head := &journalHeader{Sweep: s.Hash(), Version: opt.Version, Shard: opt.Shard, Shards: opt.Shards, Timeseries: opt.Timeseries}

	// The directory: new, or one to resume.
	jpath := filepath.Join(opt.Dir, journalName)
	var done []Result
	var valid int64
	created := false
	if _, err := os.Stat(jpath); err == nil && opt.Resume {
		var old *journalHeader
		old, done, valid, err = readJournal(jpath)
		if err != nil {
			return nil, &DirError{opt.Dir, fmt.Sprintf("cannot resume: %v", err)}
		}
		switch {
		case old.Sweep != head.Sweep:
			return nil, &DirError{opt.Dir, fmt.Sprintf("holds a different sweep (hash %s, this one %s): the sweep file or its base scenario changed; use another --out", old.Sweep, head.Sweep)}
		case old.Shard != head.Shard || old.Shards != head.Shards:
			return nil, &DirError{opt.Dir, fmt.Sprintf("holds shard %d/%d, not %d/%d", old.Shard, old.Shards, head.Shard, head.Shards)}
		case old.Timeseries != head.Timeseries:
			return nil, &DirError{opt.Dir, fmt.Sprintf("was started with timeseries = %v; resume it the same way", old.Timeseries)}
		}
		for _, r := range done {
			if r.RunID >= total || !InShard(r.RunID, opt.Shard, opt.Shards) {
				return nil, &DirError{opt.Dir, fmt.Sprintf("journal holds run %d, which is not in shard %d/%d", r.RunID, opt.Shard, opt.Shards)}
			}
		}
	} else if created, err = freshDir(opt.Dir); err != nil {
		return nil, err
	}
	// A folder this call made is removed again if the setup fails, so a
	// rerun finds the place free.
	setupFailed := func() {
		if created {
			os.RemoveAll(opt.Dir)
		}
	}
	j, err := openJournal(opt.Dir, head, valid, opt.Timeseries)
	if err != nil {
		setupFailed()
		return nil, fmt.Errorf("opening the journal: %w", err)
	}
	defer j.close()

	sum := &Summary{Total: len(ids), Resumed: len(done), Done: len(done)}
	for _, r := range done {
		if r.Err != "" {
			sum.Failed++
		}
	}
	man := &Manifest{Version: opt.Version, Hash: head.Sweep, Shard: opt.Shard, Shards: opt.Shards, Runs: len(ids), RunsTotal: total,
		Workers: opt.Workers, Timeseries: opt.Timeseries, Started: start.UTC().Format(time.RFC3339), Columns: s.Columns(), Sweep: s}
	man.Done, man.Failed = sum.Done, sum.Failed
	if err := writeManifest(opt.Dir, man); err != nil {
		j.close()
		setupFailed()
		return nil, err
	}

	isDone := make(map[int]bool, len(done))
	for _, r := range done {
		isDone[r.RunID] = true
	}
	todo := slices.DeleteFunc(slices.Clone(ids), func(id int) bool { return isDone[id] })

	// Workers run simulations; one writer (this goroutine) journals them.
	type finished struct {
		r    Result
		rows [][sim.NumMetrics]float64
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	jobs := make(chan int)
	out := make(chan finished, 2*opt.Workers)
	var wg sync.WaitGroup
	for range min(opt.Workers, max(len(todo), 1)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for id := range jobs {
				r, rows := runOne(s, design, id, opt.Timeseries)
				out <- finished{r, rows}
			}
		}()
	}
	go func() {
		defer close(jobs)
		for _, id := range todo {
			select {
			case <-ctx.Done():
				return
			case jobs <- id:
			}
		}
	}()
	go func() {
		wg.Wait()
		close(out)
	}()
	prog := newProgress(opt.Progress, opt.Terminal, len(ids), len(done))
	var werr error
	results := done
	for f := range out {
		if werr != nil {
			continue
		}
		if werr = j.add(f.r, f.rows); werr != nil {
			cancel()
			continue
		}
		results = append(results, f.r)
		sum.Done++
		if f.r.Err != "" {
			sum.Failed++
		}
		prog.update(sum.Done, sum.Failed)
	}
	prog.finish(sum.Done, sum.Failed)
	sum.Elapsed = time.Since(start)
	man.Done, man.Failed = sum.Done, sum.Failed
	man.ElapsedSeconds = math.Round(sum.Elapsed.Seconds()*1000) / 1000
	if err := errors.Join(werr, j.close()); err != nil {
		return sum, fmt.Errorf("writing the journal: %w", err)
	}
	if sum.Done < sum.Total {
		if err := writeManifest(opt.Dir, man); err != nil {
			return sum, err
		}
		return sum, ErrInterrupted
	}
	slices.SortFunc(results, func(a, b Result) int { return a.RunID - b.RunID })
	if err := writeResults(opt.Dir, s, design, results); err != nil {
		return sum, err
	}
	if opt.Timeseries {
		if err := writeTimeseries(opt.Dir, []string{filepath.Join(opt.Dir, seriesName)}, results); err != nil {
			return sum, err
		}
	}
	man.Complete = true
	man.Finished = time.Now().UTC().Format(time.RFC3339)
	if err := writeManifest(opt.Dir, man); err != nil {
		return sum, err
	}
	sum.Complete = true
	return sum, nil
}

// freshDir makes sure dir can take a new sweep: it does not exist or is
// empty (but for a Slurm sweep's scripts and shards, or a sweep that
// stopped before its first run finished). An existing sweep is never
// overwritten. It reports whether it created dir.
func freshDir(dir string) (bool, error) {
	entries, err := os.ReadDir(dir)
	if errors.Is(err, os.ErrNotExist) {
		return true, os.MkdirAll(dir, 0o755)
	}
	if err != nil {
		return false, err
	}
	if len(entries) > 0 && noRunsYet(dir) {
		return false, nil
	}
	for _, e := range entries {
		// A Slurm sweep's directory holds its scripts and shards; the
		// merged result goes beside them.
		if e.Name() != SlurmDir && e.Name() != ShardsDir {
			advice := "finish the sweep there with --resume, or choose another --out"
			if _, err := os.Stat(filepath.Join(dir, journalName)); err != nil {
				advice = "it holds no sweep (no " + journalName + "); choose another --out"
			}
			return false, &DirError{dir, "is not empty; " + advice}
		}
	}
	return false, nil
}

// noRunsYet reports whether dir holds only a sweep that stopped before any
// run finished: sweep.json and a journal without runs (and perhaps an empty
// series journal). Such a folder is started afresh.
func noRunsYet(dir string) bool {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return false
	}
	for _, e := range entries {
		switch e.Name() {
		case ManifestName, seriesName:
		case journalName:
			if _, runs, _, err := readJournal(filepath.Join(dir, journalName)); err != nil || len(runs) > 0 {
				return false
			}
		default:
			return false
		}
	}
	_, err = os.Stat(filepath.Join(dir, journalName))
	return err == nil
}

// runOne runs one run of the sweep. A sample the scenario refuses, a model
// error or a panic is recorded in Result.Err.
func runOne(s *Spec, design []Sample, id int, series bool) (r Result, rows [][sim.NumMetrics]float64) {
	sample := id / s.Replications
	r = Result{RunID: id, SampleID: sample, Rep: id % s.Replications, Seed: sim.DeriveSeed(s.Seed, id)}
	r.Outcomes = make([]float64, len(s.Outcomes))
	for i := range r.Outcomes {
		r.Outcomes[i] = math.NaN()
	}
	defer func() {
		if p := recover(); p != nil {
			r.Err = fmt.Sprintf("panic: %v", p)
			rows = nil
			for i := range r.Outcomes {
				r.Outcomes[i] = math.NaN()
			}
		}
	}()
	cfg := s.BaseConfig.Clone()
	for i, p := range s.Parameters {
		if err := cfg.SetValue(p.Path, design[sample].Values[i]); err != nil {
			r.Err = "invalid sample: " + err.Error()
			return r, nil
		}
	}
	cfg.TrimEvents()
	res, err := runModel(cfg, r.Seed)
	if err != nil {
		r.Err = err.Error()
		return r, nil
	}
	for i, o := range s.Outcomes {
		r.Outcomes[i] = o.Value(res.Rows)
	}
	if series {
		rows = res.Rows
	}
	return r, rows
}
