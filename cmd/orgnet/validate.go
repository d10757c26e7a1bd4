package main

import (
	"fmt"
	"io"
	"runtime"
	"strconv"

	"github.com/orgnet/orgnet/sim"
)

func init() {
	register(command{name: "validate", summary: "check scenario files (or a run's manifest.json) and say what is wrong", run: runValidate})
}

const validateUsage = `Usage: orgnet validate FILE.toml [FILE ...] [--max-memory SIZE] [-q]

Checks each scenario file against the parameter registry (orgnet params) and
the event types: every key known, every value of the right type and in range,
at least one partner and one professional, every event with one time (year,
tick or rate) within the run, and a size that fits in --max-memory. It prints
FILE: ok with the estimated memory and time, or FILE:LINE: KEY: what is wrong
and what is allowed, and exits with status 2 if any file has a problem. A
run's manifest.json is checked too. orgnet run, sweep and compare make the
same checks.
`

func runValidate(args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("validate", validateUsage, stdout)
	maxMemory := memoryFlag(fs)
	var quiet bool
	quietFlag(fs, &quiet, "print only the problems")
	files, err := parseArgs(fs, args, 1, -1)
	if err != nil {
		return helpOK(err)
	}
	bad := 0
	for _, f := range files {
		cfg, err := loadConfigFile(f)
		if err == nil {
			err = checkMemory(cfg, cfg.Run.Replications, runtime.NumCPU(), *maxMemory)
		}
		if err != nil {
			if len(files) == 1 {
				return err
			}
			fmt.Fprintf(stderr, "orgnet validate: %v\n", err)
			bad++
			continue
		}
		name := cfg.Scenario.Name
		if name == "" {
			name = "unnamed"
		}
		if quiet {
			continue
		}
		e := sim.EstimateRun(cfg)
		fmt.Fprintf(stdout, "%s: ok (scenario %s, %s years, %s, %s; about %s and %s per replication)\n",
			f, name, strconv.FormatFloat(cfg.Run.Years, 'f', -1, 64), plural(cfg.Run.Replications, "replication"), plural(len(cfg.Events), "event"),
			sim.FormatBytes(e.Bytes), sim.FormatDuration(e.Seconds))
	}
	if bad > 0 {
		return usagef("%d of %s have problems (above)", bad, plural(len(files), "file"))
	}
	return nil
}
