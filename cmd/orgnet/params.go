package main

import (
	"fmt"
	"io"
	"strconv"
	"strings"
	"text/tabwriter"

	"github.com/orgnet/orgnet/sim"
)

func init() {
	register(command{name: "params", summary: "list every model parameter: path, default, range, unit, meaning (--markdown for the docs)", run: runParams})
}

const paramsUsage = `Usage: orgnet params [--markdown] [PREFIX]

Lists the parameter registry: every key a scenario file or --set accepts,
with its default, allowed range, unit and meaning. PREFIX (e.g.
forces.manager) lists only the keys under it. --markdown prints Markdown
tables grouped by TOML table, with sources, for the model documentation.
`

func runParams(args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("params", paramsUsage, stdout)
	md := fs.Bool("markdown", false, "print Markdown tables grouped by TOML table")
	pos, err := parseArgs(fs, args, 0, 1)
	if err != nil {
		return helpOK(err)
	}
	var ps []sim.Param
	for _, p := range sim.Params() {
		if len(pos) == 0 || p.Path == pos[0] || strings.HasPrefix(p.Path, strings.TrimSuffix(pos[0], ".")+".") {
			ps = append(ps, p)
		}
	}
	if len(ps) == 0 {
		return usagef("no parameter under %q; tables: %s", pos[0], strings.Join(paramTables(), ", "))
	}
	if *md {
		return paramsMarkdown(stdout, ps)
	}
	tw := tabwriter.NewWriter(stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "PATH\tDEFAULT\tALLOWED\tUNIT\tMEANING")
	for _, p := range ps {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", p.Path, paramDefault(p), paramRange(p), p.Unit, p.Meaning)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	if len(pos) == 0 {
		printEventTypes(stdout)
	}
	return nil
}

// printEventTypes lists the [[events]] a scenario can use.
func printEventTypes(w io.Writer) {
	fmt.Fprintln(w, "\nEvents ([[events]] with type, then year, tick or a yearly rate, an optional label, and):")
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	for _, t := range sim.EventTypes {
		fmt.Fprintf(tw, "  %s\t%s\t%s\n", t.Name, strings.Join(t.Fields, ", "), t.Meaning)
	}
	tw.Flush()
}

// paramTables returns the TOML tables of the registry, in order.
func paramTables() []string {
	var ts []string
	for _, p := range sim.Params() {
		t := paramTable(p.Path)
		if len(ts) == 0 || ts[len(ts)-1] != t {
			ts = append(ts, t)
		}
	}
	return ts
}

func paramTable(path string) string { return path[:strings.LastIndexByte(path, '.')] }

func paramDefault(p sim.Param) string {
	switch p.Kind {
	case sim.Bool:
		return strconv.FormatBool(p.Default != 0)
	case sim.Choice:
		return p.Choices[int(p.Default)]
	}
	return strconv.FormatFloat(p.Default, 'f', -1, 64)
}

func paramRange(p sim.Param) string {
	switch p.Kind {
	case sim.Bool:
		return "true, false"
	case sim.Choice:
		return strings.Join(p.Choices, ", ")
	}
	return strconv.FormatFloat(p.Min, 'f', -1, 64) + " – " + strconv.FormatFloat(p.Max, 'f', -1, 64)
}

// paramsMarkdown prints one Markdown table per TOML table.
func paramsMarkdown(w io.Writer, ps []sim.Param) error {
	cell := func(s string) string { return strings.ReplaceAll(s, "|", `\|`) }
	table := ""
	for _, p := range ps {
		if t := paramTable(p.Path); t != table {
			if table != "" {
				fmt.Fprintln(w)
			}
			table = t
			fmt.Fprintf(w, "### `[%s]`\n\n", t)
			fmt.Fprintln(w, "| key | default | range | unit | meaning | source |")
			fmt.Fprintln(w, "|---|---|---|---|---|---|")
		}
		key := p.Path[len(table)+1:]
		unit := p.Unit
		if unit == "1" {
			unit = "–"
		}
		fmt.Fprintf(w, "| `%s` | %s | %s | %s | %s | %s |\n", key, cell(paramDefault(p)), cell(paramRange(p)), cell(unit), cell(p.Meaning), cell(p.Source))
	}
	return nil
}
