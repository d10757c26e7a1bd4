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
	"time"

	"github.com/orgnet/orgnet/compare"
	"github.com/orgnet/orgnet/i18n"
	"github.com/orgnet/orgnet/output"
	"github.com/orgnet/orgnet/scenarios"
	"github.com/orgnet/orgnet/sim"
)

func init() {
	register(command{name: "compare", summary: "compare two scenarios on the same seeds: option A or B, and how sure are we?", run: runCompare})
	inputErrors = append(inputErrors, func(err error) bool {
		var ce *compare.InputError
		var se *scenarios.Error
		var pe *sim.ParamError
		return errors.As(err, &ce) || errors.As(err, &se) || errors.As(err, &pe)
	})
}

const compareUsage = `Usage: orgnet compare A B [--reps R] [--seed S] [--years Y] [--out DIR]
                      [--set-a key=value ...] [--set-b key=value ...] [--set key=value ...]
                      [--workers W] [--lang en|nl] [--force] [--max-memory SIZE] [-q]

Answers a dilemma: scenario A or scenario B? A and B are each a preset
(orgnet scenarios lists them) or a scenario file, changed with --set-a and
--set-b (--set changes both). Both run R replications on the same seeds
(replication i of A and of B with the seed derived from S and i), so each
pair meets the same chance events and their difference comes from the
settings. Writes to DIR:
  report.html      the dilemma (both scenarios, what differs), the answer in
                   plain sentences, the table of differences and the plots
  differences.csv  per metric at the end: mean of A and B, mean paired
                   difference B − A, its 95% t interval, and whether it is clear
  runs.csv         every replication's end values of A and B
  summary_a.csv, summary_b.csv, a.toml, b.toml, plots/ (A solid, B dashed,
                   90% bands; PNG and SVG)

Defaults: R and S are A's run.replications and run.seed; --years sets the
run length of both (A and B must run equally long).
`

func runCompare(args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("compare", compareUsage, stdout)
	reps := fs.Int("reps", 0, "replications `R` of each scenario (default: A's run.replications)")
	seed := fs.Int("seed", 0, "master seed `S` shared by A and B (default: A's run.seed)")
	years := fs.Float64("years", 0, "simulated `Y`ears of both scenarios")
	out := fs.String("out", "", "results folder `DIR` (default results/compare-A-B-TIMESTAMP)")
	workers := fs.Int("workers", runtime.NumCPU(), "replications run at once `W`")
	lang := fs.String("lang", "en", "language of report and plots: en or nl")
	force := fs.Bool("force", false, "replace an existing --out folder that orgnet wrote")
	var quietV bool
	quiet := &quietV
	quietFlag(fs, quiet, "no final lines")
	maxMemory := memoryFlag(fs)
	posterior := fs.String("posterior", "", "draw each replication pair's calibrated parameters from `FILE` (a posterior.csv of orgnet calibrate)")
	var setA, setB, setBoth multiFlag
	fs.Var(&setA, "set-a", "override a parameter of A: `key=value` (repeatable)")
	fs.Var(&setB, "set-b", "override a parameter of B: `key=value` (repeatable)")
	fs.Var(&setBoth, "set", "override a parameter of both: `key=value` (repeatable)")
	pos, err := parseArgs(fs, args, 2, 2)
	if err != nil {
		return helpOK(err)
	}
	given := map[string]bool{}
	fs.Visit(func(f *flag.Flag) { given[f.Name] = true })
	l, err := i18n.Parse(*lang)
	if err != nil {
		return usagef("--lang: %v", err)
	}
	if *workers < 1 {
		return usagef("--workers %d: need at least 1", *workers)
	}
	a, err := compareScenario("A", pos[0], setBoth, setA, given["years"], *years)
	if err != nil {
		return err
	}
	b, err := compareScenario("B", pos[1], setBoth, setB, given["years"], *years)
	if err != nil {
		return err
	}
	r := a.Run.Replications
	if given["reps"] {
		r = *reps
	}
	if r < 1 {
		return usagef("--reps %d: need at least 1", r)
	}
	s := a.Run.Seed
	if given["seed"] {
		s = *seed
	}
	if s < 0 {
		return usagef("--seed %d: need 0 or more", s)
	}
	for _, side := range []struct {
		name string
		cfg  *sim.Config
	}{{"A", a}, {"B", b}} {
		if err := checkMemory(side.cfg, r, *workers, *maxMemory); err != nil {
			return fmt.Errorf("scenario %s: %w", side.name, err)
		}
	}
	dir := *out
	if dir == "" {
		dir = filepath.Join("results", "compare-"+output.SafeName(orName(a, "a"))+"-"+output.SafeName(orName(b, "b"))+"-"+time.Now().Format("20060102-150405"))
	}
	if entries, err := os.ReadDir(dir); err == nil && len(entries) > 0 && (!*force || !output.Wrote(dir)) {
		if *force {
			return usagef("output folder %s holds files orgnet did not write; --force replaces only an empty folder or one orgnet wrote, so choose another --out", dir)
		}
		return usagef("output folder %s exists and is not empty; choose another --out or add --force to replace it", dir)
	}

	post, err := loadPosterior(*posterior)
	if err != nil {
		return err
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	start := time.Now()
	res, err := compare.RunVaried(ctx, a, b, r, uint64(s), *workers, post.vary(uint64(s)))
	if err != nil {
		if errors.Is(err, context.Canceled) {
			return fmt.Errorf("interrupted; nothing written")
		}
		return err
	}
	res.Posterior, res.PosteriorParams = post.describe()
	labelA, labelB := compareLabel(pos[0], setA), compareLabel(pos[1], setB)
	opt := compare.Options{Lang: l, Version: versionString(), LabelA: labelA, LabelB: labelB, Force: *force}
	if err := compare.Write(dir, res, opt); err != nil {
		return err
	}
	if !*quiet {
		for _, line := range compare.Sentences(res, l) {
			fmt.Fprintln(stdout, line)
		}
		fmt.Fprintf(stdout, "%d replications each of A and B in %.1f s; report in %s\n", r, time.Since(start).Seconds(), filepath.Join(dir, compare.ReportHTML))
	}
	return nil
}

// compareScenario loads one side of a comparison: a preset or a file, then
// --years, the --set for both, and its own --set-a / --set-b.
func compareScenario(side, ref string, both, own []string, yearsGiven bool, years float64) (*sim.Config, error) {
	cfg, err := scenarios.Load(ref)
	if err != nil {
		var se *scenarios.Error
		if errors.As(err, &se) {
			return nil, err
		}
		return nil, usagef("scenario %s %q: %v (give a preset, orgnet scenarios lists them, or a .toml file)", side, ref, err)
	}
	if yearsGiven {
		if err := cfg.Set("run.years", strconv.FormatFloat(years, 'g', -1, 64)); err != nil {
			return nil, usagef("--years %g: %v", years, problemOf(err))
		}
	}
	flagName := "--set-" + strings.ToLower(side)
	for _, group := range []struct {
		name string
		kvs  []string
	}{{"--set", both}, {flagName, own}} {
		for _, kv := range group.kvs {
			k, v, ok := strings.Cut(kv, "=")
			k = strings.TrimSpace(k)
			if !ok || k == "" {
				return nil, usagef("%s %q: want key=value, e.g. %s forces.manager.loss_of_control=0.7 (orgnet params lists the keys)", group.name, kv, group.name)
			}
			if err := cfg.Set(k, strings.TrimSpace(v)); err != nil {
				return nil, usagef("%s %v", group.name, err)
			}
		}
	}
	if err := cfg.Validate(); err != nil {
		return nil, usagef("scenario %s: %v", side, err)
	}
	return cfg, nil
}

// compareLabel names one side: the scenario reference (a file's base name)
// and its own overrides.
func compareLabel(ref string, sets []string) string {
	name := ref
	if strings.HasSuffix(strings.ToLower(ref), ".toml") || strings.ContainsRune(ref, filepath.Separator) || strings.ContainsRune(ref, '/') {
		name = strings.TrimSuffix(filepath.Base(ref), filepath.Ext(ref))
	}
	if len(sets) > 0 {
		name += " (" + strings.Join(sets, ", ") + ")"
	}
	return name
}

func orName(cfg *sim.Config, def string) string {
	if cfg.Scenario.Name != "" {
		return cfg.Scenario.Name
	}
	return def
}
