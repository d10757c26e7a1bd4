package compare

import (
	"bufio"
	"bytes"
	"fmt"
	"html/template"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/orgnet/orgnet/i18n"
	"github.com/orgnet/orgnet/output"
	"github.com/orgnet/orgnet/plots"
	"github.com/orgnet/orgnet/scenarios"
	"github.com/orgnet/orgnet/sim"
)

// Options tune Write.
type Options struct {
	Lang           i18n.Lang // Language of the report and plots (English if empty).
	Version        string    // orgnet version, stated in the report.
	LabelA, LabelB string    // Short names of A and B (their scenario names if empty).
	Force          bool      // Replace an existing non-empty folder.
}

// Files of a comparison folder.
const (
	DifferencesCSV = "differences.csv"
	RunsCSV        = "runs.csv"
	ReportHTML     = "report.html"
)

// figureSpec is one overlay figure of the report.
type figureSpec struct {
	name    string
	metrics []int
}

var figureSpecs = []figureSpec{
	{"compare_headline", Headline},
	{"compare_orientation", []int{sim.MOrientationExecutive, sim.MOrientationManager, sim.MOrientationProfessional}},
	{"compare_learning", []int{sim.MLearning, sim.MInnovation, sim.MTransformation, sim.MLegitimacyExternal}},
	{"compare_partners", []int{sim.MPartners, sim.MPersons, sim.MSovereignty, sim.MCapacity}},
}

// Labels returns the short names of A and B: the options' labels, else the
// scenario names, made distinct with " (A)" and " (B)" when equal.
func (o Options) Labels(r *Result) (string, string) {
	a, b := o.LabelA, o.LabelB
	if a == "" {
		a = orDefault(r.A.Scenario.Name, "A")
	}
	if b == "" {
		b = orDefault(r.B.Scenario.Name, "B")
	}
	if a == b {
		a, b = a+" (A)", b+" (B)"
	}
	return a, b
}

func orDefault(s, def string) string {
	if s == "" {
		return def
	}
	return s
}

// Write writes the comparison folder dir: differences.csv, runs.csv,
// summary_a.csv, summary_b.csv, a.toml, b.toml, plots/ (overlays of A and
// B with 90% bands, PNG and SVG) and a self-contained report.html. The
// folder is written next to dir and renamed into place; an existing
// non-empty dir is refused unless opt.Force. The files depend only on the
// result and the options.
func Write(dir string, r *Result, opt Options) error {
	if opt.Lang == "" {
		opt.Lang = i18n.EN
	}
	f, err := output.Begin(dir, opt.Force)
	if err != nil {
		return err
	}
	defer f.Abort()
	tmp := f.Dir()
	files := []struct {
		name  string
		write func(io.Writer) error
	}{
		{DifferencesCSV, func(w io.Writer) error { return WriteDifferences(w, r) }},
		{RunsCSV, func(w io.Writer) error { return WriteRuns(w, r) }},
		{"summary_a.csv", func(w io.Writer) error { return output.WriteSummary(w, r.SummaryA) }},
		{"summary_b.csv", func(w io.Writer) error { return output.WriteSummary(w, r.SummaryB) }},
		{"a.toml", func(w io.Writer) error { _, err := w.Write(scenarios.Encode(r.A, true)); return err }},
		{"b.toml", func(w io.Writer) error { _, err := w.Write(scenarios.Encode(r.B, true)); return err }},
	}
	for _, x := range files {
		if err := writeFile(filepath.Join(tmp, x.name), x.write); err != nil {
			return err
		}
	}
	figs, err := Figures(r, opt)
	if err != nil {
		return err
	}
	if err := os.Mkdir(filepath.Join(tmp, "plots"), 0o755); err != nil {
		return fmt.Errorf("compare: %w", err)
	}
	var inline []reportFigure
	for _, nf := range figs {
		if err := nf.Figure.Save(filepath.Join(tmp, "plots", nf.Name)); err != nil {
			return err
		}
		svg, err := nf.Figure.SVG()
		if err != nil {
			return err
		}
		inline = append(inline, reportFigure{File: "plots/" + nf.Name + ".svg", SVG: output.InlineSVG(svg)})
	}
	if err := writeFile(filepath.Join(tmp, ReportHTML), func(w io.Writer) error { return Report(w, r, opt, inline) }); err != nil {
		return err
	}
	return f.Commit()
}

func writeFile(path string, write func(io.Writer) error) error {
	fh, err := os.Create(path)
	if err != nil {
		return fmt.Errorf("compare: %w", err)
	}
	bw := bufio.NewWriter(fh)
	if err := write(bw); err != nil {
		fh.Close()
		return fmt.Errorf("compare: %s: %w", filepath.Base(path), err)
	}
	if err := bw.Flush(); err != nil {
		fh.Close()
		return fmt.Errorf("compare: %s: %w", filepath.Base(path), err)
	}
	if err := fh.Close(); err != nil {
		return fmt.Errorf("compare: %s: %w", filepath.Base(path), err)
	}
	return nil
}

// NamedFigure is a figure with its file name (without extension).
type NamedFigure struct {
	Name   string
	Figure *plots.Figure
}

// Figures draws the overlays of A (solid) and B (dashed) with their 90%
// bands: the headline metrics, the orientation of the three levels, the
// three kinds of learning with external legitimacy, and the partners.
func Figures(r *Result, opt Options) ([]NamedFigure, error) {
	la, lb := opt.Labels(r)
	po := plots.Options{Lang: opt.Lang}
	if !changed(r.Changes, "events") {
		po.Markers = plots.EventMarkers(r.A.Events)
	}
	var out []NamedFigure
	for _, fs := range figureSpecs {
		names := make([]string, len(fs.metrics))
		for i, m := range fs.metrics {
			names[i] = sim.MetricNames[m]
		}
		po.Title = i18n.T(opt.Lang, "compare.fig."+strings.TrimPrefix(fs.name, "compare_"))
		fig, err := plots.Compare(r.SummaryA, r.SummaryB, "A: "+la, "B: "+lb, names, po)
		if err != nil {
			return nil, fmt.Errorf("compare: plot %s: %w", fs.name, err)
		}
		out = append(out, NamedFigure{fs.name, fig})
	}
	return out, nil
}

func changed(cs []Change, path string) bool {
	for _, c := range cs {
		if c.Path == path {
			return true
		}
	}
	return false
}

// WriteDifferences writes the table of end-of-run differences: metric, unit,
// mean_a, mean_b, diff (B − A, mean of the paired differences), sd (of the
// paired differences), ci_low, ci_high (95% t interval; empty with one
// replication), clear (true when the interval excludes zero), reps.
func WriteDifferences(w io.Writer, r *Result) error {
	b := bufio.NewWriter(w)
	b.WriteString("metric,unit,mean_a,mean_b,diff,sd,ci_low,ci_high,clear,reps\n")
	for _, d := range r.Difference {
		fmt.Fprintf(b, "%s,%s,%s,%s,%s,%s,%s,%s,%t,%d\n", d.Name(), csvText(unitOf(d.Metric)),
			num(d.MeanA), num(d.MeanB), num(d.Diff), num(d.SD), num(d.Low), num(d.High), d.Clear(), r.Reps)
	}
	return b.Flush()
}

// WriteRuns writes every replication's end value of every compared metric
// for A and B: rep, seed, metric, a, b, b_minus_a.
func WriteRuns(w io.Writer, r *Result) error {
	b := bufio.NewWriter(w)
	b.WriteString("rep,seed,metric,a,b,b_minus_a\n")
	for i := range r.RunsA.Reps {
		ra, rb := r.RunsA.Reps[i].Rows, r.RunsB.Reps[i].Rows
		ea, eb := ra[len(ra)-1], rb[len(rb)-1]
		for _, m := range Compared() {
			fmt.Fprintf(b, "%d,%d,%s,%s,%s,%s\n", i, r.Seeds[i], sim.MetricNames[m], num(ea[m]), num(eb[m]), num(eb[m]-ea[m]))
		}
	}
	return b.Flush()
}

// changeRow is a setting that differs, as the report shows it.
type changeRow struct {
	Label, Path, A, B string
}

// changeRows lists the settings that differ in language l.
func changeRows(l i18n.Lang, r *Result) []changeRow {
	var out []changeRow
	for _, c := range r.ChangesIn(l) {
		out = append(out, changeRow{Label: ChangeLabel(l, c.Path), Path: c.Path, A: c.A, B: c.B})
	}
	return out
}

func num(x float64) string {
	if x != x { // NaN
		return ""
	}
	return strconv.FormatFloat(x, 'g', -1, 64)
}

func csvText(s string) string {
	if strings.ContainsAny(s, ",\"\n") {
		return `"` + strings.ReplaceAll(s, `"`, `""`) + `"`
	}
	return s
}

// reportFigure is a figure inlined in the report.
type reportFigure struct {
	File string
	SVG  template.HTML
}

type scenarioView struct {
	Letter, Label, Title string
	Question             []string
}

type diffRow struct {
	Outcome, Unit, A, B, Diff, Interval, Clear string
	IsClear                                    bool
}

type reportData struct {
	Lang      string
	T         func(string) string
	Title     string
	Scenarios []scenarioView
	Changes   []changeRow
	RunText   string
	Answer    []string
	Rows      []diffRow
	Figures   []reportFigure
}

// Report writes report.html: the dilemma (both scenarios' titles and
// questions, and what differs between their settings), the answer in plain
// sentences, the table of differences and the overlay plots, all in one
// self-contained page.
func Report(w io.Writer, r *Result, opt Options, figs []reportFigure) error {
	l := opt.Lang
	if l == "" {
		l = i18n.EN
	}
	la, lb := opt.Labels(r)
	d := reportData{
		Lang:    string(l),
		T:       func(k string) string { return i18n.T(l, k) },
		Title:   i18n.Tf(l, "compare.title", la, lb),
		Changes: changeRows(l, r),
		RunText: i18n.Tf(l, "compare.run.text", r.Reps, Years(l, r.A.Run.Years), r.Seed, orDefault(opt.Version, "dev")),
		Answer:  Sentences(r, l),
		Figures: figs,
	}
	for _, s := range []struct {
		letter, label string
		cfg           *sim.Config
	}{{"A", la, r.A}, {"B", lb, r.B}} {
		title, question := i18n.Preset(l, s.cfg.Scenario.Name, s.cfg.Scenario.Title, s.cfg.Scenario.Question)
		d.Scenarios = append(d.Scenarios, scenarioView{Letter: s.letter, Label: s.label, Title: title, Question: paragraphs(question)})
	}
	for _, x := range r.Difference {
		sc := scale(x)
		dec := decimals(sc)
		dm := decimals(max(abs(x.MeanA), abs(x.MeanB)) / 100)
		row := diffRow{
			Outcome: i18n.Metric(l, x.Name()), Unit: i18n.Unit(l, unitOf(x.Metric)),
			A: Number(l, x.MeanA, dm), B: Number(l, x.MeanB, dm), Diff: Signed(l, x.Diff, sc),
			Interval: "–", Clear: i18n.T(l, "compare.no"), IsClear: x.Clear(),
		}
		if x.Diff == 0 && x.SD == 0 {
			row.Diff = Number(l, 0, dec)
		}
		if x.Low == x.Low {
			row.Interval = Signed(l, x.Low, sc) + " … " + Signed(l, x.High, sc)
		}
		if x.Clear() {
			row.Clear = i18n.T(l, "compare.yes")
		}
		d.Rows = append(d.Rows, row)
	}
	var buf bytes.Buffer
	if err := reportTemplate.Execute(&buf, d); err != nil {
		return fmt.Errorf("report: %w", err)
	}
	_, err := w.Write(buf.Bytes())
	return err
}

func abs(x float64) float64 {
	if x < 0 {
		return -x
	}
	return x
}

// paragraphs splits a question into paragraphs at blank lines.
func paragraphs(s string) []string {
	var out []string
	for _, p := range strings.Split(strings.TrimSpace(s), "\n\n") {
		if p = strings.Join(strings.Fields(p), " "); p != "" {
			out = append(out, p)
		}
	}
	return out
}

var reportTemplate = template.Must(template.New("report").Parse(`<!DOCTYPE html>
<html lang="{{.Lang}}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{.Title}}</title>
<style>
` + output.ReportCSS + `</style>
</head>
<body>
<h1>{{.Title}}</h1>
<p class="meta">{{.RunText}}</p>

<h2>{{call .T "compare.dilemma"}}</h2>
<div class="pair">{{range .Scenarios}}
<div class="scenario {{if eq .Letter "A"}}a{{else}}b{{end}}">
<h3>{{.Letter}}: {{.Label}}</h3>
{{if .Title}}<p><strong>{{.Title}}</strong></p>{{end}}
{{range .Question}}<p>{{.}}</p>{{end}}
</div>{{end}}
</div>

<h3>{{call .T "compare.changes"}}</h3>
{{if .Changes}}<table>
<tr><th>{{call .T "compare.changes.param"}}</th><th>A</th><th>B</th></tr>
{{range .Changes}}<tr><td>{{.Label}}{{if ne .Label .Path}}<br><code>{{.Path}}</code>{{end}}</td><td>{{.A}}</td><td>{{.B}}</td></tr>
{{end}}</table>{{else}}<p>{{call .T "compare.changes.none"}}</p>{{end}}

<h2>{{call .T "compare.answer"}}</h2>
<div class="answer">{{range .Answer}}
<p>{{.}}</p>{{end}}
</div>
<p class="small">{{call .T "report.caveat"}}</p>

<h2>{{call .T "compare.table"}}</h2>
<p class="small">{{call .T "compare.table.text"}}</p>
<table>
<tr><th>{{call .T "compare.col.outcome"}}</th><th>{{call .T "compare.col.unit"}}</th><th>{{call .T "compare.col.a"}}</th><th>{{call .T "compare.col.b"}}</th><th>{{call .T "compare.col.diff"}}</th><th>{{call .T "compare.col.interval"}}</th><th>{{call .T "compare.col.clear"}}</th></tr>
{{range .Rows}}<tr{{if .IsClear}} class="clear"{{end}}><td>{{.Outcome}}</td><td>{{.Unit}}</td><td class="n">{{.A}}</td><td class="n">{{.B}}</td><td class="n">{{.Diff}}</td><td class="n">{{.Interval}}</td><td>{{.Clear}}</td></tr>
{{end}}</table>

<h2>{{call .T "compare.plots"}}</h2>
<p class="small">{{call .T "compare.plots.text"}}</p>
{{range .Figures}}<figure>
{{.SVG}}
<figcaption>{{.File}}</figcaption>
</figure>
{{end}}
<h2>{{call .T "compare.files"}}</h2>
<p class="small">{{call .T "compare.files.text"}}</p>
</body>
</html>
`))
