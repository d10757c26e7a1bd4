package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"

	"github.com/orgnet/orgnet/calibrate"
	"github.com/orgnet/orgnet/sim"
)

func init() {
	register(command{name: "calibrate", summary: "infer parameters from the seed's figures (ABC-SMC): posterior, identifiability, predictive check", run: runCalibrate})
	inputErrors = append(inputErrors, func(err error) bool {
		var ce *calibrate.Error
		var de *calibrate.DirError
		var pe *calibrate.PosteriorError
		return errors.As(err, &ce) || errors.As(err, &de) || errors.As(err, &pe)
	})
}

const calibrateUsage = `Usage: orgnet calibrate FILE.toml [--out DIR] [--workers W] [--resume] [-q]
       orgnet calibrate FILE.toml --slurm [--tasks n] [--cpus c] [--out DIR]
       orgnet calibrate --example

Infers the parameters named in FILE.toml (orgnet calibrate --example prints
a commented one for the seed's figures) by Approximate Bayesian Computation
(ABC-SMC with adaptive tolerances, or rejection ABC) and writes to DIR:
posterior.csv and posterior.parquet (every generation's particles: weight,
distance, parameters, simulated targets; the last generation is the
posterior), calibration.json (the resolved file, version, timing,
tolerances and acceptance rates per generation), plots/ (marginal
posteriors against priors, pairs, tolerance per generation) and report.html
(which parameters the targets identify, and a posterior predictive check of
every target and of the held-out figures). The result depends on the seed
only, not on --workers. Ctrl-C stops; --resume finishes from the journal.

orgnet run --posterior DIR/posterior.csv and orgnet compare A B --posterior
DIR/posterior.csv then draw one parameter set per replication.

--slurm writes DIR/slurm/driver.sh, which runs every batch of simulations as
a Slurm job array (batch.sbatch) until the calibration is done.
`

func runCalibrate(args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("calibrate", calibrateUsage, stdout)
	out := fs.String("out", "", "output folder `DIR` (default results/calibrations/NAME, NAME the file's name)")
	workers := fs.Int("workers", runtime.NumCPU(), "simulations run at once `W`")
	resume := fs.Bool("resume", false, "finish the calibration in --out from its journal")
	example := fs.Bool("example", false, "print a commented calibration file for the seed's figures")
	slurm := fs.Bool("slurm", false, "write Slurm scripts (a driver and a job array per batch) instead of running")
	tasks := fs.Int("tasks", 4, "with --slurm or --step: array tasks per batch `n`")
	cpus := fs.Int("cpus", 1, "with --slurm: CPUs per array task `c`")
	step := fs.Bool("step", false, "(used by the Slurm driver) advance until a batch is needed; exit status 3 when one is pending")
	task := fs.String("task", "", "(used by the Slurm job array) run task `i/n` of the pending batch")
	quiet := new(bool)
	quietFlag(fs, quiet, "no progress lines")
	pos, err := parseArgs(fs, args, 0, 1)
	if err != nil {
		return helpOK(err)
	}
	if *example {
		fmt.Fprint(stdout, calibrate.Example)
		return nil
	}
	if len(pos) != 1 {
		return usagef("give one calibration file (orgnet calibrate --example prints one)")
	}
	if *workers < 1 {
		return usagef("--workers %d: need at least 1", *workers)
	}
	if *tasks < 1 {
		return usagef("--tasks %d: need at least 1", *tasks)
	}
	file := pos[0]
	spec, err := calibrate.LoadFile(file)
	if err != nil {
		return err
	}
	dir := *out
	if dir == "" {
		dir = filepath.Join("results", "calibrations", strings.TrimSuffix(filepath.Base(file), filepath.Ext(file)))
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()

	switch {
	case *slurm:
		exe, err := os.Executable()
		if err != nil {
			return fmt.Errorf("finding the orgnet binary: %w", err)
		}
		absFile, err1 := filepath.Abs(file)
		absDir, err2 := filepath.Abs(dir)
		if err := errors.Join(err1, err2); err != nil {
			return err
		}
		driver, err := calibrate.WriteSlurm(calibrate.SlurmScripts{Orgnet: exe, File: absFile, Dir: absDir, Tasks: *tasks, CPUs: *cpus,
			Name: "orgnet-" + strings.TrimSuffix(filepath.Base(file), filepath.Ext(file))})
		if err != nil {
			return err
		}
		fmt.Fprintf(stdout, "Wrote the Slurm scripts of the calibration to %s.\n", filepath.Dir(driver))
		fmt.Fprintf(stdout, "Run the driver on the login node (it submits one job array of %d tasks per batch and waits):\n  nohup bash %s &\n", *tasks, driver)
		fmt.Fprintf(stdout, "or as a job of its own:\n  sbatch %s\n", filepath.Join(filepath.Dir(driver), "driver.sbatch"))
		fmt.Fprintf(stdout, "The result will be in %s/report.html.\n", absDir)
		return nil
	case *task != "":
		i, n, ok := parseShard(*task)
		if !ok {
			return usagef("--task %q: give i/n with 1 <= i <= n", *task)
		}
		_, err := calibrate.RunTask(ctx, spec, dir, i, n, *workers)
		return err
	}
	opt := calibrate.Options{Dir: dir, Workers: *workers, Resume: *resume || *step, Version: versionString()}
	if !*quiet {
		opt.Progress = stderr
	}
	if *step {
		opt.Evaluator = &calibrate.Slurm{Dir: dir, Tasks: *tasks, Hash: spec.Hash()}
	}
	res, err := calibrate.Run(ctx, spec, opt)
	switch {
	case errors.Is(err, calibrate.ErrPending):
		if !*quiet {
			fmt.Fprintln(stderr, err)
		}
		return exitStatus(3)
	case errors.Is(err, calibrate.ErrInterrupted):
		return fmt.Errorf("interrupted; the journal keeps every finished simulation; resume with:\n  orgnet calibrate %s --out %s --resume", sweepQuote(file), sweepQuote(dir))
	case err != nil:
		return err
	}
	if !*quiet {
		for _, p := range res.Parameters {
			fmt.Fprintf(stdout, "%s: posterior mean %.4g, 90%% interval %.4g to %.4g, shrinkage %.2f (%s)\n", p.Path, p.Mean, p.Q05, p.Q95, p.Shrinkage, p.Identified)
		}
		for _, c := range res.Predictive {
			kind := "fitted"
			if c.HeldOut {
				kind = "held out"
			}
			fmt.Fprintf(stdout, "%s (%s): figure %.4g, predicted %.4g (90%%: %.4g to %.4g)\n", c.Name, kind, c.Value, c.Mean, c.Q05, c.Q95)
		}
		fmt.Fprintf(stdout, "%d simulations in %.1f s (stopped by %s); report in %s\n", res.ABC.Run+res.Spec.Predictive, res.Elapsed.Seconds(), res.ABC.Stop, filepath.Join(dir, calibrate.ReportHTML))
	}
	return nil
}

// exitStatus ends orgnet with this exit status and no message (the Slurm
// driver reads status 3 as "a batch is pending").
type exitStatus int

func (e exitStatus) Error() string { return fmt.Sprintf("exit status %d", int(e)) }

// posterior is a loaded --posterior of orgnet run or compare (nil: none).
type posterior struct{ p *calibrate.Posterior }

// loadPosterior reads --posterior FILE ("" for none).
func loadPosterior(file string) (*posterior, error) {
	if file == "" {
		return &posterior{}, nil
	}
	p, err := calibrate.LoadPosterior(file)
	if err != nil {
		return nil, err
	}
	return &posterior{p}, nil
}

// vary draws replication i's parameters from the posterior (nil: none).
func (p *posterior) vary(seed uint64) func(int, *sim.Config) error {
	if p.p == nil {
		return nil
	}
	return p.p.Vary(seed)
}

// describe returns the posterior's file and parameters for the report.
func (p *posterior) describe() (string, string) {
	if p.p == nil {
		return "", ""
	}
	return p.p.File, p.p.Describe()
}
