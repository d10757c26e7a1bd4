package main

import (
	"errors"
	"flag"
	"fmt"
	"strconv"
	"strings"

	"github.com/orgnet/orgnet/sim"
)

// Flags and checks every running subcommand shares: -q/--quiet and
// --max-memory with the memory estimate of sim.EstimateRun.

func init() {
	inputErrors = append(inputErrors, func(err error) bool {
		var se *sim.SizeError
		return errors.As(err, &se)
	})
}

// defaultMaxMemory is the memory a run or sweep may need before it is
// refused without --max-memory.
const defaultMaxMemory = "8GB"

// quietFlag registers -q and --quiet (the same flag) on fs.
func quietFlag(fs *flag.FlagSet, p *bool, what string) {
	fs.BoolVar(p, "q", false, "quiet: "+what)
	fs.BoolVar(p, "quiet", false, "same as -q")
}

// memoryFlag registers --max-memory on fs; its value is read by parseBytes.
func memoryFlag(fs *flag.FlagSet) *string {
	return fs.String("max-memory", defaultMaxMemory, "refuse a configuration whose estimated memory is above `SIZE` (e.g. 500MB, 16GB, 0 for no limit)")
}

// parseBytes reads a size like 500MB, 16GB, 1.5TB or a number of bytes.
func parseBytes(s string) (int64, error) {
	t := strings.ToUpper(strings.TrimSpace(s))
	mult := 1.0
	for _, u := range []struct {
		suffix string
		mult   float64
	}{{"TB", 1e12}, {"GB", 1e9}, {"MB", 1e6}, {"KB", 1e3}, {"T", 1e12}, {"G", 1e9}, {"M", 1e6}, {"K", 1e3}, {"B", 1}} {
		if v, ok := strings.CutSuffix(t, u.suffix); ok {
			t, mult = strings.TrimSpace(v), u.mult
			break
		}
	}
	x, err := strconv.ParseFloat(t, 64)
	if err != nil || x < 0 || x*mult > 1e18 || x != x {
		return 0, usagef("--max-memory %q: allowed: a size such as 500MB, 16GB or 1.5TB, or 0 for no limit", s)
	}
	return int64(x * mult), nil
}

// checkMemory refuses reps replications of cfg, concurrent at once, whose
// estimated memory is above the --max-memory limit, before anything of
// their size is allocated.
func checkMemory(cfg *sim.Config, reps, concurrent int, maxMemory string) error {
	limit, err := parseBytes(maxMemory)
	if err != nil {
		return err
	}
	if err := sim.CheckSize(cfg, reps, concurrent, limit); err != nil {
		return fmt.Errorf("%w; make it smaller (network.count, persons.professionals, fewer --workers) or raise the limit with --max-memory", err)
	}
	return nil
}

// plural writes "1 event", "3 events".
func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return strconv.Itoa(n) + " " + word + "s"
}
