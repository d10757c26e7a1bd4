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
	"strings"
	"syscall"
	"time"

	"github.com/orgnet/orgnet/output"
	"github.com/orgnet/orgnet/patterns"
	"github.com/orgnet/orgnet/sim"
)

func init() {
	register(command{name: "patterns", summary: "which of the case study's patterns hold? validation with effect sizes and ablations", run: runPatterns})
}

const patternsUsage = `Usage: orgnet patterns [--scenario NAME | --config FILE.toml] [--set key=value ...]
                       [--seed S] [--reps R] [--workers W] [--pattern ID ...]
                       [--out DIR] [--force] [-q]

Runs the pattern suite: the case study's validation patterns, each as a statistic
over paired seeds (every compared arm on the same seeds) with its 95%
interval, the smallest effect that matters, pass or fail, and the same with
the mechanism named for it switched off (its ablation: the pattern must then
fail); the hypotheses the model explores, with their result; the calibration
targets and the held-out figure of the case study, against the model.

Without --scenario or --config each pattern runs on its own case presets;
with one, every pattern runs on that scenario. --set changes the base before
the patterns' arms: --set forces.professional.direct_value=0 shows which
patterns rest on that force. Writes to DIR:
  patterns.csv   one row per pattern and scenario: pattern, kind, scenario,
                 claim, statistic, unit, reps, estimate, ci_low, ci_high,
                 run_p05, run_p95, smallest_effect, smallest_effect_text,
                 pass, mechanism, ablation, ablation_estimate,
                 ablation_ci_low, ablation_ci_high, ablation_pass,
                 ablation_gone (the effect clearly absent), verdict,
                 seeds_needed (paired seeds for an interval half as wide
                 as the smallest effect), note, source
  patterns.html  the report, self-contained, with plots
Failing patterns are results, not errors: the exit status is 0 whatever they
show (2 on bad input). The results do not depend on --workers.
`

func runPatterns(args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("patterns", patternsUsage, stdout)
	scenario := fs.String("scenario", "", "run every pattern on preset `NAME` (orgnet scenarios lists them)")
	config := fs.String("config", "", "run every pattern on scenario `FILE`.toml")
	seed := fs.Int("seed", int(patterns.DefaultSeed), "master seed `S` shared by every arm")
	reps := fs.Int("reps", patterns.DefaultReps, "seeds `R` per arm (at least 2)")
	workers := fs.Int("workers", runtime.NumCPU(), "runs at once `W`")
	out := fs.String("out", "", "report folder `DIR` (default results/patterns-TIMESTAMP)")
	force := fs.Bool("force", false, "replace an existing non-empty --out folder")
	quiet := new(bool)
	quietFlag(fs, quiet, "no summary lines")
	var sets, only multiFlag
	fs.Var(&sets, "set", "override a parameter of the base: `key=value` (repeatable)")
	fs.Var(&only, "pattern", "run only the pattern `ID` (repeatable)")
	if _, err := parseArgs(fs, args, 0, 0); err != nil {
		return helpOK(err)
	}
	given := map[string]bool{}
	fs.Visit(func(f *flag.Flag) { given[f.Name] = true })
	if *reps < 2 {
		return usagef("--reps %d: need at least 2 for an interval", *reps)
	}
	if *seed < 0 {
		return usagef("--seed %d: need 0 or more", *seed)
	}
	if *workers < 1 {
		return usagef("--workers %d: need at least 1", *workers)
	}
	opt := patterns.Options{Set: sets, Seed: uint64(*seed), Reps: *reps, Workers: *workers, Patterns: only}
	if *scenario != "" || *config != "" {
		ro := runOptions{scenario: *scenario, config: *config}
		cfg, err := resolveConfig(&ro)
		if err != nil {
			return err
		}
		opt.Base = cfg
		opt.BaseName = *scenario
		if *config != "" {
			opt.BaseName = strings.TrimSuffix(filepath.Base(*config), filepath.Ext(*config))
		}
	}
	// Check the overrides before anything runs: they apply to every base.
	for _, kv := range sets {
		if err := patterns.ApplySets(sim.Defaults(), []string{kv}); err != nil {
			return usagef("--set %v", err)
		}
	}
	dir := *out
	if dir == "" {
		dir = filepath.Join("results", "patterns-"+time.Now().Format("20060102-150405"))
	}
	folder, err := output.Begin(dir, *force)
	if err != nil {
		return err
	}
	defer folder.Abort()

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	start := time.Now()
	rep, err := patterns.Run(ctx, nil, opt)
	if err != nil {
		if errors.Is(err, context.Canceled) {
			return fmt.Errorf("interrupted; nothing written")
		}
		return err
	}
	rep.Version = versionString()
	if err := patterns.Write(folder.Dir(), rep); err != nil {
		return err
	}
	if err := folder.Commit(); err != nil {
		return err
	}
	if !*quiet {
		for i := range rep.Rows {
			r := &rep.Rows[i]
			fmt.Fprintf(stdout, "%-11s %-28s %-18s %s\n", r.Pattern.Kind, r.Pattern.ID, r.Scenario, r.Verdict())
		}
		fmt.Fprintf(stdout, "%d runs in %.1f s; report in %s\n", rep.Runs, time.Since(start).Seconds(), filepath.Join(dir, patterns.HTMLName))
	}
	return nil
}
