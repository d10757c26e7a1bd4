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
	"slices"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"

	"golang.org/x/term"

	"github.com/orgnet/orgnet/ensemble"
	"github.com/orgnet/orgnet/i18n"
	"github.com/orgnet/orgnet/output"
	"github.com/orgnet/orgnet/scenarios"
	"github.com/orgnet/orgnet/sim"
)

func init() {
	register(command{name: "run", summary: "run a scenario: replications, tables, plots, the network picture and a report", run: runRun})
	inputErrors = append(inputErrors, func(err error) bool {
		var se *scenarios.Error
		var pe *sim.ParamError
		return errors.As(err, &se) || errors.As(err, &pe) ||
			errors.Is(err, output.ErrExists) || errors.Is(err, output.ErrUnwritable)
	})
}

const runUsage = `Usage: orgnet run [--scenario NAME | --config FILE.toml|manifest.json] [--seed N] [--reps R]
                  [--years Y] [--workers W] [--threads T] [--out DIR] [--set key=value ...]
                  [--snapshot-years 1,3] [--lang en|nl] [--force] [--max-memory SIZE] [-q]

Runs R replications of a scenario (replication i with a seed derived from the
master seed and i) in parallel and writes a results folder: manifest.json,
timeseries.csv, summary.csv, events.csv, plots/, network.png/.svg and
report.html. The results are the same whatever the number of workers.

Without --scenario or --config it runs the preset ` + scenarios.Default + `. orgnet scenarios lists
the presets; orgnet params lists every key --set accepts. --seed, --reps and
--years set run.seed, run.replications and run.years; --set is applied after
them. One-off events after the end of a run shortened this way do not
happen. To rerun a run bit for bit: orgnet run --config
DIR/manifest.json.

--force replaces only an empty folder or a results folder orgnet wrote,
never a folder of other files. A configuration whose estimated memory is
above --max-memory (default ` + defaultMaxMemory + `) is refused before it starts.
`

// runOptions are the parsed flags of orgnet run.
type runOptions struct {
	scenario, config string
	seed, reps       int
	years            float64
	workers          int
	threads          int
	out              string
	force, quiet     bool
	sets             multiFlag
	snapshotYears    string
	lang             string
	maxMemory        string
	posterior        string
	seedSet, repsSet bool
	yearsSet         bool
}

func runRun(args []string, stdout, stderr io.Writer) error {
	var o runOptions
	fs := newFlagSet("run", runUsage, stdout)
	fs.StringVar(&o.scenario, "scenario", "", "preset `NAME` (orgnet scenarios lists them)")
	fs.StringVar(&o.config, "config", "", "scenario `FILE`.toml, or a manifest.json of an earlier run")
	fs.IntVar(&o.seed, "seed", 0, "master seed `N` (sets run.seed)")
	fs.IntVar(&o.reps, "reps", 0, "replications `R` (sets run.replications)")
	fs.Float64Var(&o.years, "years", 0, "simulated `Y`ears (sets run.years)")
	fs.IntVar(&o.workers, "workers", runtime.NumCPU(), "replications run at once `W`")
	fs.IntVar(&o.threads, "threads", 1, "threads `T` sharing each run (for one large run, e.g. national); results do not depend on it")
	fs.StringVar(&o.out, "out", "", "results folder `DIR` (default results/SCENARIO-TIMESTAMP)")
	fs.BoolVar(&o.force, "force", false, "replace an existing --out folder that orgnet wrote")
	fs.Var(&o.sets, "set", "override a parameter: `key=value` with its dotted path (repeatable)")
	fs.StringVar(&o.snapshotYears, "snapshot-years", "", "also draw the network at these `years` (comma-separated)")
	fs.StringVar(&o.lang, "lang", "en", "language of plots and report: en or nl")
	quietFlag(fs, &o.quiet, "no progress, notes or final line")
	fs.StringVar(&o.maxMemory, "max-memory", defaultMaxMemory, "refuse a configuration whose estimated memory is above `SIZE` (e.g. 500MB, 16GB, 0 for no limit)")
	fs.StringVar(&o.posterior, "posterior", "", "draw each replication's calibrated parameters from `FILE` (a posterior.csv of orgnet calibrate)")
	if _, err := parseArgs(fs, args, 0, 0); err != nil {
		return helpOK(err)
	}
	fs.Visit(func(f *flag.Flag) {
		switch f.Name {
		case "seed":
			o.seedSet = true
		case "reps":
			o.repsSet = true
		case "years":
			o.yearsSet = true
		}
	})
	lang, err := i18n.Parse(o.lang)
	if err != nil {
		return usagef("--lang: %v", err)
	}
	if o.threads < 1 {
		return usagef("--threads %d: need at least 1", o.threads)
	}
	if o.workers < 1 {
		return usagef("--workers %d: need at least 1", o.workers)
	}
	cfg, err := resolveConfig(&o)
	if err != nil {
		return err
	}
	if err := checkMemory(cfg, cfg.Run.Replications, o.workers, o.maxMemory); err != nil {
		return err
	}
	snapYears, err := parseYears(o.snapshotYears, cfg.Run.Years)
	if err != nil {
		return err
	}
	post, err := loadPosterior(o.posterior)
	if err != nil {
		return err
	}
	out := o.out
	if out == "" {
		name := cfg.Scenario.Name
		if name == "" {
			name = "run"
		}
		out = filepath.Join("results", output.SafeName(name)+"-"+time.Now().Format("20060102-150405"))
	}
	folder, err := output.Begin(out, o.force)
	if err != nil {
		return err
	}
	defer folder.Abort()

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	start := time.Now()
	prog := newProgress(stderr, o.quiet, cfg.Scenario.Name, cfg.Run.Replications, start)
	ticks := make([]int, len(snapYears))
	for i, y := range snapYears {
		ticks[i] = int(y*sim.WeeksPerYear + 0.5)
	}
	res, err := ensemble.Run(ctx, cfg, uint64(cfg.Run.Seed), cfg.Run.Replications, ensemble.Options{
		Workers:         o.workers,
		Threads:         o.threads,
		Progress:        prog.update,
		SnapshotTicks:   ticks,
		SnapshotPersons: 5000,
		Vary:            post.vary(uint64(cfg.Run.Seed)),
	})
	prog.stop()
	if err != nil {
		if errors.Is(err, context.Canceled) {
			return fmt.Errorf("interrupted; nothing written")
		}
		return err
	}
	run := &output.Run{
		Result:        res,
		Version:       versionString(),
		Command:       append([]string{"orgnet", "run"}, args...),
		Start:         start,
		End:           time.Now(),
		Lang:          lang,
		SnapshotYears: snapYears,
	}
	run.Posterior, run.PosteriorParams = post.describe()
	if err := folder.Write(run); err != nil {
		return err
	}
	if err := folder.Commit(); err != nil {
		return err
	}
	if !o.quiet {
		fmt.Fprintf(stdout, "%d replications of %s (%s years) in %.1f s; results in %s\n",
			len(res.Reps), orDash(cfg.Scenario.Name), strconv.FormatFloat(cfg.Run.Years, 'f', -1, 64), time.Since(start).Seconds(), folder.Target())
	}
	return nil
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

// resolveConfig loads the scenario and applies --seed, --reps, --years and
// then every --set, checking each.
func resolveConfig(o *runOptions) (*sim.Config, error) {
	if o.scenario != "" && o.config != "" {
		return nil, usagef("give --scenario or --config, not both")
	}
	var cfg *sim.Config
	var err error
	switch {
	case o.config != "":
		cfg, err = loadConfigFile(o.config)
	default:
		name := o.scenario
		if name == "" {
			name = scenarios.Default
		}
		if !slices.Contains(availablePresets(), name) {
			return nil, usagef("unknown scenario %q; presets: %s (or --config FILE.toml)", name, strings.Join(availablePresets(), ", "))
		}
		cfg, err = scenarios.Preset(name)
	}
	if err != nil {
		return nil, err
	}
	set := func(flagName, path, value string) error {
		if err := cfg.Set(path, value); err != nil {
			return usagef("%s %s: %v", flagName, value, problemOf(err))
		}
		return nil
	}
	if o.seedSet {
		if err := set("--seed", "run.seed", strconv.Itoa(o.seed)); err != nil {
			return nil, err
		}
	}
	if o.repsSet {
		if err := set("--reps", "run.replications", strconv.Itoa(o.reps)); err != nil {
			return nil, err
		}
	}
	if o.yearsSet {
		if err := set("--years", "run.years", strconv.FormatFloat(o.years, 'g', -1, 64)); err != nil {
			return nil, err
		}
	}
	for _, kv := range o.sets {
		k, v, ok := strings.Cut(kv, "=")
		k = strings.TrimSpace(k)
		if !ok || k == "" {
			return nil, usagef("--set %q: want key=value, e.g. --set forces.manager.loss_of_control=0.7 (orgnet params lists the keys)", kv)
		}
		if err := cfg.Set(k, v); err != nil {
			return nil, usagef("--set %s", err)
		}
	}
	if err := cfg.Validate(); err != nil {
		return nil, usagef("after --set: %v", err)
	}
	return cfg, nil
}

// problemOf returns the problem of a *sim.ParamError without its path.
func problemOf(err error) string {
	var pe *sim.ParamError
	if errors.As(err, &pe) {
		return pe.Problem
	}
	return err.Error()
}

// loadConfigFile reads a scenario file or the manifest.json of a run.
func loadConfigFile(path string) (*sim.Config, error) {
	if strings.EqualFold(filepath.Ext(path), ".json") {
		m, err := output.ReadManifest(path)
		if err != nil {
			return nil, err
		}
		return m.Config(path)
	}
	return scenarios.LoadFile(path)
}

// availablePresets lists the presets that load.
func availablePresets() []string {
	var names []string
	for _, n := range scenarios.Names() {
		if _, err := scenarios.Source(n); err == nil {
			names = append(names, n)
		}
	}
	return names
}

// parseYears reads --snapshot-years: years after 0 and before the end.
func parseYears(s string, years float64) ([]float64, error) {
	if strings.TrimSpace(s) == "" {
		return nil, nil
	}
	var out []float64
	for _, f := range strings.Split(s, ",") {
		y, err := strconv.ParseFloat(strings.TrimSpace(f), 64)
		if err != nil || y <= 0 || y >= years {
			return nil, usagef("--snapshot-years: %q is not a year between 0 and the end of the run (%s years); allowed: comma-separated numbers, e.g. 1,3",
				strings.TrimSpace(f), strconv.FormatFloat(years, 'f', -1, 64))
		}
		if !slices.Contains(out, y) {
			out = append(out, y)
		}
	}
	slices.Sort(out)
	return out, nil
}

// progress shows "replications done/total" on a terminal, from one second
// after the start, and erases it at the end.
type progress struct {
	mu      sync.Mutex
	w       io.Writer
	on      bool
	name    string
	start   time.Time
	shown   bool
	done    int
	total   int
	quit    chan struct{}
	stopped sync.WaitGroup
}

func newProgress(w io.Writer, quiet bool, name string, total int, start time.Time) *progress {
	p := &progress{w: w, name: orDash(name), total: total, start: start, quit: make(chan struct{})}
	f, ok := w.(*os.File)
	p.on = !quiet && ok && term.IsTerminal(int(f.Fd()))
	if p.on {
		p.stopped.Add(1)
		go p.loop()
	}
	return p
}

func (p *progress) update(done, total int) {
	p.mu.Lock()
	p.done, p.total = done, total
	p.mu.Unlock()
}

func (p *progress) loop() {
	defer p.stopped.Done()
	t := time.NewTicker(250 * time.Millisecond)
	defer t.Stop()
	for {
		select {
		case <-p.quit:
			return
		case <-t.C:
			if time.Since(p.start) < time.Second {
				continue
			}
			p.mu.Lock()
			fmt.Fprintf(p.w, "\rorgnet run %s: %d/%d replications, %.0f s ", p.name, p.done, p.total, time.Since(p.start).Seconds())
			p.shown = true
			p.mu.Unlock()
		}
	}
}

func (p *progress) stop() {
	if !p.on {
		return
	}
	close(p.quit)
	p.stopped.Wait()
	if p.shown {
		fmt.Fprint(p.w, "\r\033[K")
	}
}
