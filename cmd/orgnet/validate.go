package main

import (
	"fmt"
	"io"
	"strconv"
)

func init() {
	register(command{name: "validate", summary: "check scenario files (or a run's manifest.json) and say what is wrong", run: runValidate})
}

const validateUsage = `Usage: orgnet validate FILE.toml [FILE ...]

Checks each scenario file against the parameter registry (orgnet params) and
the event types: every key known, every value of the right type and in range.
It prints FILE: ok, or FILE:LINE: KEY: what is wrong and what is allowed, and
exits with status 2 if any file has a problem. A run's manifest.json is
checked too.
`

func runValidate(args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("validate", validateUsage, stdout)
	files, err := parseArgs(fs, args, 1, -1)
	if err != nil {
		return helpOK(err)
	}
	bad := 0
	for _, f := range files {
		cfg, err := loadConfigFile(f)
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
		fmt.Fprintf(stdout, "%s: ok (scenario %s, %s years, %d replications, %d events)\n",
			f, name, strconv.FormatFloat(cfg.Run.Years, 'f', -1, 64), cfg.Run.Replications, len(cfg.Events))
	}
	if bad > 0 {
		return usagef("%d of %d files have problems (above)", bad, len(files))
	}
	return nil
}
