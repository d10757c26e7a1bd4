package main

import (
	"fmt"
	"io"
	"text/tabwriter"

	"github.com/orgnet/orgnet/i18n"
	"github.com/orgnet/orgnet/sim"
)

func init() {
	register(command{name: "metrics", summary: "list every metric of the results (columns, sweep outcomes) with unit and meaning", run: runMetrics})
}

const metricsUsage = `Usage: orgnet metrics [--lang en|nl]

Lists every metric orgnet records each week: its name (a column of
timeseries.csv and summary.csv, and what a sweep's [[outcomes]] metric = ...
names), its unit and what it means.
`

func runMetrics(args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("metrics", metricsUsage, stdout)
	lang := fs.String("lang", "en", "language of the units and meanings: en or nl")
	var quiet bool
	quietFlag(fs, &quiet, "names only, one a line")
	if _, err := parseArgs(fs, args, 0, 0); err != nil {
		return helpOK(err)
	}
	l, err := i18n.Parse(*lang)
	if err != nil {
		return usagef("--lang: %v", err)
	}
	if quiet {
		for _, m := range sim.Metrics {
			fmt.Fprintln(stdout, m.Name)
		}
		return nil
	}
	tw := tabwriter.NewWriter(stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintf(tw, "%s\t%s\t%s\n", i18n.T(l, "metrics.name"), i18n.T(l, "metrics.unit"), i18n.T(l, "metrics.meaning"))
	for _, m := range sim.Metrics {
		fmt.Fprintf(tw, "%s\t%s\t%s\n", m.Name, i18n.Unit(l, m.Unit), i18n.MetricMeaning(l, m.Name))
	}
	return tw.Flush()
}
