// Command sensitivity is the Go half of scripts/sensitivity.sh, the global
// sensitivity analysis of orgnet's modelling assumptions:
//
//	go run ./scripts/sensitivity sweeps -samples N -reps R -out DIR
//
// writes DIR/CASE.toml, a Sobol sweep over every modelling assumption for
// each case preset, which `orgnet sweep` runs and `orgnet analyse` analyses;
//
//	go run ./scripts/sensitivity doc -in DIR -docs docs -command TEXT
//
// writes docs/SENSITIVITY.md and docs/sensitivity/CASE.png from the analysed
// sweeps DIR/CASE.
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"github.com/orgnet/orgnet/scenarios"
	"github.com/orgnet/orgnet/sensitivity"
)

func main() {
	if err := run(os.Args[1:]); err != nil {
		fmt.Fprintln(os.Stderr, "sensitivity:", err)
		os.Exit(2)
	}
}

func run(args []string) error {
	if len(args) == 0 {
		return fmt.Errorf("usage: sensitivity sweeps|cases|doc [flags]")
	}
	fs := flag.NewFlagSet(args[0], flag.ContinueOnError)
	switch args[0] {
	case "cases":
		for _, c := range scenarios.Cases {
			fmt.Println(c)
		}
		return nil
	case "sweeps":
		samples := fs.Int("samples", sensitivity.FullSamples, "Sobol base rows N")
		reps := fs.Int("reps", sensitivity.FullReps, "replications per point")
		seed := fs.Uint64("seed", 1, "master seed")
		years := fs.Float64("years", 0, "simulated years (0: each preset's own)")
		out := fs.String("out", "results/sensitivity", "folder of the sweep files")
		if err := fs.Parse(args[1:]); err != nil {
			return err
		}
		if err := os.MkdirAll(*out, 0o755); err != nil {
			return err
		}
		for _, c := range scenarios.Cases {
			text, err := sensitivity.AssumptionSweep(c, *samples, *reps, *seed, *years)
			if err != nil {
				return err
			}
			path := filepath.Join(*out, c+".toml")
			if err := os.WriteFile(path+".tmp", []byte(text), 0o644); err != nil {
				return err
			}
			if err := os.Rename(path+".tmp", path); err != nil {
				return err
			}
		}
		return nil
	case "doc":
		in := fs.String("in", "results/sensitivity", "folder of the analysed sweeps, one per case")
		docs := fs.String("docs", "docs", "folder of SENSITIVITY.md")
		command := fs.String("command", "sh scripts/sensitivity.sh", "the command that regenerates the document")
		if err := fs.Parse(args[1:]); err != nil {
			return err
		}
		var dirs []string
		for _, c := range scenarios.Cases {
			dirs = append(dirs, filepath.Join(*in, c))
		}
		return sensitivity.Doc(*docs, dirs, *command)
	}
	return fmt.Errorf("unknown step %q; steps: sweeps, cases, doc", args[0])
}
