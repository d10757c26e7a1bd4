package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"syscall"

	"github.com/orgnet/orgnet/sensitivity"
	"github.com/orgnet/orgnet/sim"
	"github.com/orgnet/orgnet/sweep"
)

func init() {
	register(command{name: "sweep", summary: "run a parameter sweep (grid, random, lhs, morris, sobol) on many cores or a Slurm cluster", run: runSweep})
	inputErrors = append(inputErrors, func(err error) bool {
		var se *sweep.Error
		var de *sweep.DirError
		var me *sweep.MergeError
		return errors.As(err, &se) || errors.As(err, &de) || errors.As(err, &me)
	})
}

const sweepUsage = `Usage: orgnet sweep FILE.toml [--out DIR] [--workers W] [--shard i/n] [--resume] [--timeseries]
                          [--max-memory SIZE] [-q]
       orgnet sweep FILE.toml --slurm [--shards n] [--cpus c] [--out DIR]
       orgnet sweep --example

Runs the sweep described by FILE.toml (orgnet sweep --example prints a
commented one) and writes to DIR: runs.csv and runs.parquet (one row per run),
sweep.json (the resolved sweep, version, timing), runs.journal (every finished
run, for --resume), and with --timeseries timeseries.parquet (every metric of
every tick of every run). Ctrl-C stops cleanly; --resume finishes the sweep.

--shard i/n runs the runs with run_id % n == i-1; orgnet merge combines the
shards. --slurm writes a Slurm job array (one task per shard) and a merge job
into DIR/slurm and says how to submit them.

Before a large sweep starts it prints its estimated memory and time; one
whose memory is above --max-memory (default ` + defaultMaxMemory + `) is refused. A plot that
cannot be drawn (an outcome no run reached) is a warning: the sweep still
exits 0 when all its runs are in.

Flags:
`

func runSweep(args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("sweep", flag.ContinueOnError)
	fs.SetOutput(stderr)
	out := fs.String("out", "", "output directory (default results/sweeps/NAME, NAME the sweep file's name)")
	workers := fs.Int("workers", 0, "parallel runs (default: all cores)")
	shard := fs.String("shard", "", "run shard i of n (i/n, 1-based)")
	resume := fs.Bool("resume", false, "finish the sweep in --out from its journal")
	timeseries := fs.Bool("timeseries", false, "also write every run's metric series to timeseries.parquet")
	example := fs.Bool("example", false, "print a commented example sweep file")
	slurm := fs.Bool("slurm", false, "write a Slurm job array and merge job instead of running")
	shards := fs.Int("shards", 10, "with --slurm: number of shards / array tasks (at most the runs)")
	cpus := fs.Int("cpus", 1, "with --slurm: CPUs per array task")
	var quietV bool
	quiet := &quietV
	quietFlag(fs, quiet, "no progress reports, estimate or final lines")
	maxMemory := memoryFlag(fs)
	fs.Usage = func() {
		fmt.Fprint(stderr, sweepUsage)
		fs.PrintDefaults()
	}
	pos, err := parseInterleaved(fs, args)
	if err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return nil
		}
		return usagef("%v", err)
	}
	if *example {
		fmt.Fprint(stdout, sweep.Example)
		return nil
	}
	if len(pos) != 1 {
		return usagef("give one sweep file (orgnet sweep --example prints one); got %d arguments", len(pos))
	}
	file := pos[0]
	spec, err := sweep.LoadFile(file)
	if err != nil {
		return err
	}
	dir := *out
	if dir == "" {
		dir = filepath.Join("results", "sweeps", strings.TrimSuffix(filepath.Base(file), filepath.Ext(file)))
	}
	runs, err := spec.Runs()
	if err != nil {
		return err
	}
	given := map[string]bool{}
	fs.Visit(func(f *flag.Flag) { given[f.Name] = true })

	if *slurm {
		if *shard != "" || *resume {
			return usagef("--slurm writes a job array; --shard and --resume are for its tasks")
		}
		n := *shards
		if !given["shards"] {
			n = min(n, runs)
		}
		if n < 1 || n > runs {
			return usagef("--shards %d: allowed: an integer from 1 to %d (the sweep's runs)", n, runs)
		}
		if err := checkSweepMemory(spec, runs, *cpus, *maxMemory); err != nil {
			return err
		}
		exe, err := os.Executable()
		if err != nil {
			return fmt.Errorf("finding the orgnet binary: %w", err)
		}
		if goRunBinary(exe) {
			// go run builds into a temporary folder it deletes at exit.
			exe = os.Getenv("ORGNET")
		}
		absFile, err1 := filepath.Abs(file)
		absDir, err2 := filepath.Abs(dir)
		if err := errors.Join(err1, err2); err != nil {
			return err
		}
		submit, err := sweep.WriteSlurm(sweep.Slurm{Orgnet: exe, File: absFile, Dir: absDir, Shards: n, CPUs: *cpus,
			Timeseries: *timeseries, Name: "orgnet-" + strings.TrimSuffix(filepath.Base(file), filepath.Ext(file))})
		if err != nil {
			return err
		}
		fmt.Fprintf(stdout, "Wrote a Slurm job array of %s (%s) and a merge job to %s.\n", plural(n, "shard"), plural(runs, "run"), filepath.Dir(submit))
		if exe == "" {
			fmt.Fprintf(stdout, "orgnet runs under go run here, from a temporary binary: install it (go install ./cmd/orgnet) and\nset ORGNET to its path on the cluster before submitting, e.g. export ORGNET=$HOME/go/bin/orgnet.\n")
		} else {
			fmt.Fprintf(stdout, "The scripts call %s (set ORGNET to use another path on the cluster).\n", exe)
		}
		fmt.Fprintf(stdout, "Submit both with:\n  bash %s\n", sweepQuote(submit))
		fmt.Fprintf(stdout, "or by hand:\n  jid=$(sbatch --parsable %s)\n  sbatch --dependency=afterok:$jid %s\n",
			sweepQuote(filepath.Join(filepath.Dir(submit), "sweep.sbatch")), sweepQuote(filepath.Join(filepath.Dir(submit), "merge.sbatch")))
		fmt.Fprintf(stdout, "The merged result will be in %s/runs.csv.\n", absDir)
		return nil
	}

	opt := sweep.Options{Dir: dir, Workers: *workers, Resume: *resume, Timeseries: *timeseries, Version: versionString()}
	if *shard != "" {
		i, n, ok := parseShard(*shard)
		if !ok {
			return usagef("--shard %q: give i/n with 1 <= i <= n, e.g. 2/8", *shard)
		}
		opt.Shard, opt.Shards = i, n
	}
	if opt.Workers < 0 {
		return usagef("--workers %d: give a positive number", opt.Workers)
	}
	if opt.Workers == 0 {
		opt.Workers = runtime.NumCPU()
	}
	if err := checkSweepMemory(spec, runs, opt.Workers, *maxMemory); err != nil {
		return err
	}
	if !*quiet {
		printSweepEstimate(stderr, spec, runs, opt.Workers)
	}
	if !*quiet {
		opt.Progress = stderr
		if f, ok := stderr.(*os.File); ok {
			if st, err := f.Stat(); err == nil && st.Mode()&os.ModeCharDevice != 0 {
				opt.Terminal = true
			}
		}
	}

	// Ctrl-C (or SIGTERM): finish the runs in flight, flush the journal, say
	// how to resume. A second signal stops at once; the journal holds every
	// run written so far.
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	sigs := make(chan os.Signal, 2)
	signal.Notify(sigs, os.Interrupt, syscall.SIGTERM)
	defer signal.Stop(sigs)
	stopped := make(chan struct{})
	defer close(stopped)
	go func() {
		select {
		case <-sigs:
		case <-stopped:
			return
		}
		fmt.Fprintf(stderr, "\norgnet sweep: stopping after the runs in flight (press Ctrl-C again to stop at once)\n")
		cancel()
		select {
		case <-sigs:
			fmt.Fprintf(stderr, "orgnet sweep: stopped; resume with:\n  %s\n", resumeCommand(file, dir, opt))
			os.Exit(130)
		case <-stopped:
		}
	}()

	what := fmt.Sprintf("%d runs", runs)
	if opt.Shards > 1 {
		what = fmt.Sprintf("shard %d/%d of %d runs", opt.Shard, opt.Shards, runs)
	}
	if !*quiet {
		fmt.Fprintf(stderr, "orgnet sweep: %s (%s, %d workers) into %s\n", what, spec.Method, opt.Workers, dir)
	}
	sum, err := sweep.Run(ctx, spec, opt)
	if errors.Is(err, sweep.ErrInterrupted) && sum.Total == 0 {
		return fmt.Errorf("interrupted before the first run; nothing written")
	}
	if errors.Is(err, sweep.ErrInterrupted) {
		return fmt.Errorf("interrupted with %d of %d runs done; resume with:\n  %s", sum.Done, sum.Total, resumeCommand(file, dir, opt))
	}
	if err != nil {
		return err
	}
	resumed := ""
	if sum.Resumed > 0 {
		resumed = fmt.Sprintf(" (%d from the journal)", sum.Resumed)
	}
	failed := ""
	if sum.Failed > 0 {
		failed = fmt.Sprintf("; %d failed (see the error column)", sum.Failed)
	}
	if !*quiet {
		fmt.Fprintf(stdout, "%s done%s in %.1f s%s; results in %s\n", plural(sum.Done, "run"), resumed, sum.Elapsed.Seconds(), failed, filepath.Join(dir, sweep.RunsCSV))
	}
	if opt.Shards > 1 {
		return nil // the analysis follows orgnet merge
	}
	return analyseSweep(dir, *quiet, stdout, stderr)
}

// analyseSweep runs the sensitivity analysis of a complete sweep folder and
// says where it wrote. Plots that cannot be drawn are a warning: the runs
// are all in.
func analyseSweep(dir string, quiet bool, stdout, stderr io.Writer) error {
	if err := sensitivity.Analyse(dir); err != nil {
		var pe *sensitivity.PlotError
		if !errors.As(err, &pe) {
			return fmt.Errorf("sensitivity analysis of %s: %w", dir, err)
		}
		fmt.Fprintf(stderr, "orgnet: warning: %v\n", err)
	}
	if quiet {
		return nil
	}
	if _, err := os.Stat(filepath.Join(dir, "sensitivity.csv")); err == nil {
		fmt.Fprintf(stdout, "analysis: %s and %s\n", filepath.Join(dir, "sensitivity.csv"), filepath.Join(dir, "plots"))
	} else {
		fmt.Fprintf(stdout, "plots of the outcomes against the parameters: %s\n", filepath.Join(dir, "plots"))
	}
	return nil
}

// checkSweepMemory refuses a sweep whose estimated memory, with workers
// runs at once, is above the --max-memory limit: the design, its runs'
// records and the largest run's model per worker.
func checkSweepMemory(spec *sweep.Spec, runs, workers int, maxMemory string) error {
	limit, err := parseBytes(maxMemory)
	if err != nil {
		return err
	}
	need := sweepBytes(spec, runs, workers)
	if limit > 0 && need > limit {
		return fmt.Errorf("%w; vary fewer samples or smaller sizes, use fewer --workers or shards, or raise the limit with --max-memory",
			&sim.SizeError{Need: need, Limit: limit, What: fmt.Sprintf("the sweep of %s with %d at once", plural(runs, "run"), workers)})
	}
	return nil
}

// sweepBytes estimates a sweep's memory: the design and the runs' records
// held until the end, and one model of the largest configuration the
// sweep can make per worker.
func sweepBytes(spec *sweep.Spec, runs, workers int) int64 {
	n, _ := sweep.DesignSize(spec)
	perRun := int64(120 + 16*len(spec.Outcomes))
	return sweep.DesignBytes(n, len(spec.Parameters)) + int64(runs)*perRun + int64(min(workers, runs))*largestRun(spec).Bytes
}

// largestRun estimates the largest run a sweep can make: each varied
// parameter at the end of its range that makes the run larger.
func largestRun(spec *sweep.Spec) sim.Estimate {
	cfg := spec.BaseConfig.Clone()
	for _, p := range spec.Parameters {
		best := sim.EstimateRun(cfg)
		for _, x := range []float64{p.Min, p.Max} {
			c := cfg.Clone()
			if c.SetValue(p.Path, x) == nil {
				if e := sim.EstimateRun(c); e.Bytes > best.Bytes {
					best, cfg = e, c
				}
			}
		}
	}
	return sim.EstimateRun(cfg)
}

// printSweepEstimate says, before a large sweep starts, how much memory
// and time it will take.
func printSweepEstimate(w io.Writer, spec *sweep.Spec, runs, workers int) {
	e := sim.EstimateRun(spec.BaseConfig)
	seconds := e.Seconds * float64(runs) / float64(max(1, workers))
	if runs < 1000 && seconds < 600 {
		return
	}
	fmt.Fprintf(w, "orgnet sweep: estimate: about %s of memory and %s on %s (%s of about %s each)\n",
		sim.FormatBytes(sweepBytes(spec, runs, workers)), sim.FormatDuration(seconds), plural(workers, "worker"), plural(runs, "run"), sim.FormatDuration(e.Seconds))
}

// goRunBinary reports whether exe is a binary go run built in a temporary
// folder (deleted when go run exits).
func goRunBinary(exe string) bool {
	return strings.Contains(exe, "go-build") && strings.HasPrefix(exe, os.TempDir())
}

// parseInterleaved parses flags that may come before or after positional
// arguments.
func parseInterleaved(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		rest := fs.Args()
		if len(rest) == 0 {
			return pos, nil
		}
		pos = append(pos, rest[0])
		args = rest[1:]
	}
}

func parseShard(s string) (int, int, bool) {
	a, b, ok := strings.Cut(s, "/")
	i, err1 := strconv.Atoi(a)
	n, err2 := strconv.Atoi(b)
	if !ok || err1 != nil || err2 != nil || n < 1 || i < 1 || i > n {
		return 0, 0, false
	}
	return i, n, true
}

// resumeCommand is the command that finishes an interrupted sweep.
func resumeCommand(file, dir string, opt sweep.Options) string {
	parts := []string{"orgnet", "sweep", sweepQuote(file), "--out", sweepQuote(dir)}
	if opt.Shards > 1 {
		parts = append(parts, "--shard", fmt.Sprintf("%d/%d", opt.Shard, opt.Shards))
	}
	if opt.Timeseries {
		parts = append(parts, "--timeseries")
	}
	return strings.Join(append(parts, "--resume"), " ")
}

func sweepQuote(s string) string {
	if s != "" && strings.Trim(s, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-./+=:,@") == "" {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}
