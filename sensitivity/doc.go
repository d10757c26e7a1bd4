package sensitivity

import (
	"bufio"
	"encoding/csv"
	"fmt"
	"io"
	"maps"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/orgnet/orgnet/output"
	"github.com/orgnet/orgnet/patterns"
	"github.com/orgnet/orgnet/plots"
	"github.com/orgnet/orgnet/sim"
	"github.com/orgnet/orgnet/sweep"
)

// DocName is the document Doc writes, and DocPlots the folder, next to it,
// of its plots.
const (
	DocName  = "SENSITIVITY.md"
	DocPlots = "sensitivity"
)

// FullSamples and FullReps are the Sobol base rows and the replications per
// point of the full analysis (the defaults of scripts/sensitivity.sh).
const (
	FullSamples = 256
	FullReps    = 2
)

// Influential is how far above the dummy's (the noise floor's) total Sobol
// index an assumption's must lie for a conclusion to depend on it.
const Influential = 0.1

// ReadCSV reads a sensitivity.csv written by WriteCSV.
func ReadCSV(path string) ([]Row, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	recs, err := csv.NewReader(bufio.NewReader(f)).ReadAll()
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	if len(recs) == 0 || len(recs[0]) != 7 || recs[0][0] != "method" {
		return nil, fmt.Errorf("%s: not a sensitivity table", path)
	}
	parse := func(s string) float64 {
		if s == "" {
			return math.NaN()
		}
		x, err := strconv.ParseFloat(s, 64)
		if err != nil {
			return math.NaN()
		}
		return x
	}
	rows := make([]Row, 0, len(recs)-1)
	for _, r := range recs[1:] {
		rows = append(rows, Row{Method: r[0], Outcome: r[1], Parameter: r[2], Index: r[3], Value: parse(r[4]), Low: parse(r[5]), High: parse(r[6])})
	}
	return rows, nil
}

// docCase is one case's analysis, as the document uses it.
type docCase struct {
	name    string
	spec    *sweep.Spec
	runs    int
	rows    []Row
	outcome []string // Outcome names, in sweep order.
}

func (c *docCase) st(outcome, param string) Row {
	return findRow(c.rows, outcome, param, "ST")
}

// influential reports whether an outcome of the case depends on a
// parameter: its total index lies at least Influential above the dummy's,
// and its interval above the dummy's interval.
func (c *docCase) influential(outcome, param string) bool {
	r := c.st(outcome, param)
	if math.IsNaN(r.Value) || math.IsNaN(r.Low) {
		return false
	}
	floor, floorHigh := 0.0, 0.0
	if d := c.st(outcome, Dummy); !math.IsNaN(d.Value) {
		floor, floorHigh = math.Max(0, d.Value), d.High
		if math.IsNaN(floorHigh) {
			floorHigh = floor
		}
	}
	return r.Value >= floor+Influential && r.Low > floorHigh
}

// Doc writes docsDir/SENSITIVITY.md and its plots (docsDir/sensitivity/
// CASE.png) from the analysed sweeps in sweepDirs (one per case preset, each
// analysed by `orgnet analyse`), through temporary files renamed into place.
// command is the exact command that regenerates it.
func Doc(docsDir string, sweepDirs []string, command string) error {
	var cases []docCase
	for _, dir := range sweepDirs {
		spec, results, err := sweep.ReadDir(dir)
		if err != nil {
			return fmt.Errorf("sensitivity doc: reading sweep %s: %w", dir, err)
		}
		if spec.Method != sweep.Sobol {
			return fmt.Errorf("sensitivity doc: sweep %s is a %s sweep; want sobol", dir, spec.Method)
		}
		rows, err := ReadCSV(filepath.Join(dir, FileName))
		if err != nil {
			return fmt.Errorf("sensitivity doc: %w (run orgnet analyse %s)", err, dir)
		}
		c := docCase{name: spec.Base, spec: spec, runs: len(results), rows: rows}
		for _, o := range spec.Outcomes {
			c.outcome = append(c.outcome, o.Name)
		}
		cases = append(cases, c)
	}
	if len(cases) == 0 {
		return fmt.Errorf("sensitivity doc: no sweeps")
	}
	pdir := filepath.Join(docsDir, DocPlots)
	if err := os.MkdirAll(pdir, 0o755); err != nil {
		return fmt.Errorf("sensitivity doc: %w", err)
	}
	for i := range cases {
		if err := caseChart(&cases[i], filepath.Join(pdir, cases[i].name)); err != nil {
			return err
		}
	}
	err := output.WriteFile(filepath.Join(docsDir, DocName), func(w io.Writer) error {
		writeDoc(w, cases, command)
		return nil
	})
	if err != nil {
		return fmt.Errorf("sensitivity doc: %w", err)
	}
	return nil
}

// caseChart draws one case's total indices, every outcome a series, and
// saves it as base.png (the document shows PNGs).
func caseChart(c *docCase, base string) error {
	var params, labels []string
	for _, p := range c.spec.Parameters {
		params = append(params, p.Path)
		if p.Path == Dummy {
			labels = append(labels, p.Path+" (dummy: noise floor)")
		} else {
			labels = append(labels, p.Path)
		}
	}
	var groups []plots.Bars
	for i, o := range c.outcome {
		var b plots.Bars
		b.Label = o
		b.Color = plots.Palette[i%len(plots.Palette)]
		for _, p := range params {
			r := c.st(o, p)
			b.Values = append(b.Values, r.Value)
			b.Lo = append(b.Lo, r.Low)
			b.Hi = append(b.Hi, r.High)
		}
		groups = append(groups, b)
	}
	fig, err := plots.IndexChart(c.name+": total Sobol indices of the modelling assumptions",
		fmt.Sprintf("N = %d base rows, %d runs; bootstrap 95%% intervals", c.spec.Samples, c.runs),
		labels, groups, "total index ST (share of the outcome's variance)", plots.Options{})
	if err != nil {
		return fmt.Errorf("sensitivity doc: chart of %s: %w", c.name, err)
	}
	if err := output.WriteFile(base+".png", fig.WritePNG); err != nil {
		return fmt.Errorf("sensitivity doc: chart of %s: %w", c.name, err)
	}
	return nil
}

// patternsOn returns the IDs of the suite's patterns whose statistic reads a
// metric.
func patternsOn(metric string) []string {
	var ids []string
	for _, p := range patterns.Suite() {
		if slices.Contains(p.Statistic.Metrics, metric) && !slices.Contains(ids, p.ID) {
			ids = append(ids, p.ID)
		}
	}
	return ids
}

func fmtIndex(r Row, bold bool) string {
	if math.IsNaN(r.Value) {
		return "NA"
	}
	s := fmt.Sprintf("%.2f", r.Value)
	if bold {
		s = "**" + s + "**"
	}
	return s
}

func writeDoc(w io.Writer, cases []docCase, command string) {
	first := cases[0].spec
	fmt.Fprintf(w, "# Global sensitivity to the modelling assumptions\n\n")
	fmt.Fprintf(w, "Generated from the analysis output by `scripts/sensitivity.sh`; do not edit by hand.\n\n")
	fmt.Fprintf(w, "**This version: N = %d base rows, %d replication(s) per point, seed %d.**", first.Samples, first.Replications, first.Seed)
	if first.Samples < 128 {
		fmt.Fprintf(w, " N this small shows that the tooling works; its indices are too uncertain to read. Regenerate with the default N before drawing conclusions.")
	}
	fmt.Fprintf(w, "\n\n")
	fmt.Fprintf(w, "For each case preset, a Sobol analysis (Saltelli 2010 design; Jansen's estimator for the total index ST, Saltelli's for the first-order index S1, bootstrap 95%% intervals) varies every parameter of the registry whose source is a modelling assumption together, each from %.0f%% to %.0f%% of its value in the preset (within its allowed range, integers rounded), and records the case's main outcomes. ST is the share of an outcome's variance that a parameter causes alone and through its interactions. A model with random events adds its noise to every parameter's ST, so a dummy parameter that does nothing in a run of one network (`%s`) is varied too: its ST is the noise floor. An assumption whose ST lies at least %.1f above the dummy's, with its interval above the dummy's interval, is one a conclusion about that outcome depends on. Outcomes are averaged over the replications of a point before the indices are estimated.\n\n", 100*(1-Spread), 100*(1+Spread), Dummy, Influential)
	fmt.Fprintf(w, "## Regenerate\n\nThis version was made with\n\n```sh\n%s\n```\n\n", command)
	fmt.Fprintf(w, "The full analysis is `sh scripts/sensitivity.sh`: N = %d base rows and %d replications per point, N·(k+3) points per case for k assumptions and the dummy, five cases (%d runs with the %d assumptions here). At about 25 runs a second on two idle cores that is about half an hour, up to an hour on a busy machine. `N=16 sh scripts/sensitivity.sh` takes a few minutes. The sweep files go to `results/sensitivity/nN-rREPS/CASE.toml`, the runs and `sensitivity.csv` of each case to `results/sensitivity/nN-rREPS/CASE/`; the same command again finishes an interrupted analysis and reuses a finished one.\n\n", FullSamples, FullReps, 5*FullSamples*FullReps*(len(first.Parameters)+2), len(first.Parameters)-1)

	fmt.Fprintf(w, "## The assumptions varied\n\n| parameter | meaning | default | unit |\n|---|---|---|---|\n")
	for _, p := range first.Parameters {
		if p.Path == Dummy {
			continue
		}
		q, _ := sim.Lookup(p.Path)
		fmt.Fprintf(w, "| `%s` | %s | %s | %s |\n", p.Path, q.Meaning, strconv.FormatFloat(q.Default, 'g', -1, 64), q.Unit)
	}
	_, left := AssumptionParams()
	for _, path := range slices.Sorted(maps.Keys(left)) {
		fmt.Fprintf(w, "\nNot varied as an assumption: `%s`, %s.", path, left[path])
	}
	fmt.Fprintf(w, "\n\n## The outcomes\n\n| outcome | metric | statistic | conclusions (patterns) that rest on it |\n|---|---|---|---|\n")
	for _, o := range first.Outcomes {
		stat := o.Stat
		if o.Stat == sweep.StatMean {
			stat = fmt.Sprintf("mean from year %g", o.FromYear)
		}
		fmt.Fprintf(w, "| %s | `%s` | %s | %s |\n", o.Name, o.Metric, stat, orDash(strings.Join(patternsOn(o.Metric), ", ")))
	}

	fmt.Fprintf(w, "\n## Which conclusions depend on which assumptions\n\n")
	for _, o := range first.Outcomes {
		type hit struct {
			param string
			cases []string
		}
		var hits []hit
		for _, p := range first.Parameters {
			var in []string
			for i := range cases {
				if cases[i].influential(o.Name, p.Path) {
					in = append(in, fmt.Sprintf("%s %.2f", cases[i].name, cases[i].st(o.Name, p.Path).Value))
				}
			}
			if len(in) > 0 {
				hits = append(hits, hit{p.Path, in})
			}
		}
		fmt.Fprintf(w, "- **%s**", o.Name)
		if ids := patternsOn(o.Metric); len(ids) > 0 {
			fmt.Fprintf(w, " (%s)", strings.Join(ids, ", "))
		}
		if len(hits) == 0 {
			fmt.Fprintf(w, ": no assumption lies clearly above the noise floor in any case.\n")
			continue
		}
		fmt.Fprintf(w, ": ")
		for i, h := range hits {
			if i > 0 {
				fmt.Fprintf(w, "; ")
			}
			fmt.Fprintf(w, "`%s` (%s)", h.param, strings.Join(h.cases, ", "))
		}
		fmt.Fprintf(w, ".\n")
	}

	for i := range cases {
		c := &cases[i]
		fmt.Fprintf(w, "\n## %s\n\n%d runs. Total index ST per outcome; bold: at least %.1f above the dummy's, with the interval above the dummy's.\n\n| parameter |", c.name, c.runs, Influential)
		for _, o := range c.outcome {
			fmt.Fprintf(w, " %s |", o)
		}
		fmt.Fprintf(w, "\n|---|%s\n", strings.Repeat("---|", len(c.outcome)))
		for _, p := range c.spec.Parameters {
			name := "`" + p.Path + "`"
			if p.Path == Dummy {
				name += " (dummy: noise floor)"
			}
			fmt.Fprintf(w, "| %s |", name)
			for _, o := range c.outcome {
				fmt.Fprintf(w, " %s |", fmtIndex(c.st(o, p.Path), p.Path != Dummy && c.influential(o, p.Path)))
			}
			fmt.Fprintf(w, "\n")
		}
		fmt.Fprintf(w, "\n![%s: total Sobol indices](%s/%s.png)\n", c.name, DocPlots, c.name)
	}
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}
