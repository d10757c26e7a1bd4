package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"path/filepath"

	"github.com/orgnet/orgnet/sweep"
)

func init() {
	register(command{name: "merge", summary: "combine the shards of a sweep (orgnet sweep --shard) into one result", run: runMerge})
}

const mergeUsage = `Usage: orgnet merge DIR SHARD_DIR... [-q]

Combines the shard directories of one sweep (orgnet sweep --shard i/n) into
DIR, new or empty. The result is the same as the sweep run in one piece:
runs.csv is identical byte for byte. Shards of different sweeps, missing,
overlapping or unfinished shards are refused.
`

func runMerge(args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("merge", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprint(stderr, mergeUsage+"\nFlags:\n")
		fs.PrintDefaults()
	}
	var quiet bool
	quietFlag(fs, &quiet, "no final lines")
	pos, err := parseInterleaved(fs, args)
	if err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return nil
		}
		return usagef("%v", err)
	}
	if len(pos) < 2 {
		return usagef("give the merged directory and at least one shard directory: orgnet merge DIR SHARD_DIR...")
	}
	m, err := sweep.Merge(pos[0], pos[1:], versionString())
	if err != nil {
		return err
	}
	failed := ""
	if m.Failed > 0 {
		failed = fmt.Sprintf(" (%d failed)", m.Failed)
	}
	if !quiet {
		fmt.Fprintf(stdout, "merged %s, %s%s, into %s\n", plural(len(pos)-1, "shard"), plural(m.Runs, "run"), failed, filepath.Join(pos[0], sweep.RunsCSV))
	}
	return analyseSweep(pos[0], quiet, stdout, stderr)
}
