package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/orgnet/orgnet/i18n"
	"github.com/orgnet/orgnet/sensitivity"
	"github.com/orgnet/orgnet/sweep"
)

func init() {
	register(command{name: "analyse", summary: "sensitivity analysis of a finished sweep: sensitivity.csv and plots", run: runAnalyse})
}

const analyseUsage = `Usage: orgnet analyse DIR [--lang en|nl] [-q]

Reads the sweep in DIR (sweep.json and its finished runs) and writes:
  sensitivity.csv   morris: mu_star (with a bootstrap 95% interval), mu and
                    sigma of the elementary effects; sobol: first-order (S1)
                    and total (ST) indices with bootstrap 95% intervals; one
                    row per outcome, parameter and index (columns method,
                    outcome, parameter, index, value, ci_low, ci_high)
  plots/sens-*      bar charts of the indices, each outcome against each
                    parameter, and a heatmap for a grid over two parameters
Outcomes are averaged over the replications of a sample first. orgnet sweep
runs this itself at the end of a sweep; run it again after orgnet merge, or
for plots in another language.
`

func runAnalyse(args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("analyse", analyseUsage, stdout)
	lang := fs.String("lang", "en", "language of the plots: en or nl")
	var quiet bool
	quietFlag(fs, &quiet, "do not list the files written")
	pos, err := parseArgs(fs, args, 1, 1)
	if err != nil {
		return helpOK(err)
	}
	l, err := i18n.Parse(*lang)
	if err != nil {
		return usagef("--lang: %v", err)
	}
	dir := pos[0]
	if _, err := os.Stat(filepath.Join(dir, sweep.ManifestName)); err != nil {
		return usagef("%s is not a sweep folder (no %s): %v", dir, sweep.ManifestName, err)
	}
	opt := sensitivity.Options{Lang: l, Log: stdout}
	if quiet {
		opt.Log = nil
	}
	err = sensitivity.AnalyseWith(dir, opt)
	var pe *sensitivity.PlotError
	if errors.As(err, &pe) {
		fmt.Fprintf(stderr, "orgnet analyse: warning: %v\n", err)
		return nil
	}
	return err
}
