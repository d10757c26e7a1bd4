package patterns

import (
	"encoding/csv"
	"fmt"
	"html/template"
	"io"
	"math"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/orgnet/orgnet/i18n"
	"github.com/orgnet/orgnet/output"
	"github.com/orgnet/orgnet/plots"
	"github.com/orgnet/orgnet/sim"
)

// Files of a patterns report folder.
const (
	CSVName  = "patterns.csv"
	HTMLName = "patterns.html"
)

// CSVHeader is the header of patterns.csv.
var CSVHeader = []string{
	"pattern", "kind", "scenario", "claim", "statistic", "unit", "reps",
	"estimate", "ci_low", "ci_high", "run_p05", "run_p95",
	"smallest_effect", "smallest_effect_text", "pass",
	"mechanism", "ablation", "ablation_estimate", "ablation_ci_low", "ablation_ci_high", "ablation_pass", "ablation_gone",
	"verdict", "seeds_needed", "note", "source",
}

// Write writes patterns.csv and patterns.html into dir (an existing folder;
// the command writes into output.Begin's temporary folder and commits it).
func Write(dir string, rep *Report) error {
	if err := output.WriteFile(filepath.Join(dir, CSVName), func(w io.Writer) error { return WriteCSV(w, rep) }); err != nil {
		return fmt.Errorf("patterns: %w", err)
	}
	if err := output.WriteFile(filepath.Join(dir, HTMLName), func(w io.Writer) error { return WriteHTML(w, rep) }); err != nil {
		return fmt.Errorf("patterns: %w", err)
	}
	return nil
}

// csvNum formats a number for the CSV: shortest exact form, NA for NaN.
func csvNum(x float64) string {
	if math.IsNaN(x) {
		return "NA"
	}
	return strconv.FormatFloat(x, 'g', -1, 64)
}

// WriteCSV writes the report as one row per pattern and scenario.
func WriteCSV(w io.Writer, rep *Report) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(CSVHeader); err != nil {
		return err
	}
	for i := range rep.Rows {
		r := &rep.Rows[i]
		p := r.Pattern
		abl := []string{"", "", "", "", ""}
		if r.Ablation != nil {
			abl = []string{csvNum(r.Ablation.Estimate), csvNum(r.Ablation.Low), csvNum(r.Ablation.High), strconv.FormatBool(r.Ablation.Pass), strconv.FormatBool(r.Ablation.Gone)}
		}
		rec := []string{
			p.ID, string(p.Kind), r.Scenario, p.Claim, p.Statistic.Text, p.Statistic.Unit, strconv.Itoa(r.Reps),
			csvNum(r.Result.Estimate), csvNum(r.Result.Low), csvNum(r.Result.High), csvNum(r.Result.P05), csvNum(r.Result.P95),
			p.Test.Text(), p.Test.Effect, strconv.FormatBool(r.Result.Pass),
			p.Mechanism, p.AblationText(),
		}
		rec = append(rec, abl...)
		rec = append(rec, r.Verdict(), strconv.Itoa(r.SeedsNeeded()), r.Note, p.Source)
		if err := cw.Write(rec); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// htmlRow is a row of the report's tables.
type htmlRow struct {
	ID, Scenario, Claim, Statistic, Unit          string
	Estimate, Interval, Spread, Threshold, Effect string
	Verdict, Class, Mechanism                     string
	Ablation                                      []string
	AblationResult, Note, Source, SeedsNeeded     string
}

type htmlSection struct {
	Title, Text string
	Rows        []htmlRow
}

type htmlFigure struct {
	Caption string
	SVG     template.HTML
}

type htmlData struct {
	CSS      template.CSS
	Meta     string
	Counts   []string
	Sections []htmlSection
	Figures  []htmlFigure
}

// sectionText explains each kind in the report.
var sectionText = map[Kind][2]string{
	Validation:  {"Validation patterns", "Statements of the case study not used to set any parameter. Each holds when the 95% interval of its statistic over paired seeds lies at or above the smallest effect that matters (or inside the band the case study gives). Under its ablation, with the mechanism named for it switched off, it must fail; a pattern that survives its ablation is not explained by that mechanism."},
	Hypothesis:  {"Hypotheses", "Explored by the model, not stated by the case study. The result is reported, whatever it is; it is not a test of the model."},
	Calibration: {"Calibration targets", "The case study's figures used to set parameters. A fit here is not evidence for the model: the parameters were chosen to produce it."},
	HeldOut:     {"Held-out figure", "A figure of the case study never used to set a parameter, compared with the model."},
}

func intervalText(o *Outcome) string {
	if math.IsNaN(o.Low) {
		return "NA"
	}
	return "[" + num(o.Low) + ", " + num(o.High) + "]"
}

// WriteHTML writes the self-contained report page.
func WriteHTML(w io.Writer, rep *Report) error {
	d := htmlData{CSS: template.CSS(output.ReportCSS + patternCSS)}
	base := rep.Base
	if base == "" {
		base = "each pattern's own case presets"
	}
	d.Meta = fmt.Sprintf("Base scenario: %s. Overrides: %s. %d seeds per arm (master seed %d), the same seeds in every arm; %d runs in all.",
		base, orNone(strings.Join(rep.Set, " ")), rep.Reps, rep.Seed, rep.Runs)
	if rep.Version != "" {
		d.Meta += " orgnet " + rep.Version + "."
	}
	counts := map[string]int{}
	var order []string
	for _, k := range Kinds {
		sec := htmlSection{Title: sectionText[k][0], Text: sectionText[k][1]}
		for i := range rep.Rows {
			r := &rep.Rows[i]
			if r.Pattern.Kind != k {
				continue
			}
			v := r.Verdict()
			key := string(k) + ": " + verdictGroup(v)
			if counts[key] == 0 {
				order = append(order, key)
			}
			counts[key]++
			hr := htmlRow{
				ID: r.Pattern.ID, Scenario: r.Scenario, Claim: r.Pattern.Claim, Statistic: r.Pattern.Statistic.Text,
				Unit: r.Pattern.Statistic.Unit, Estimate: num(r.Result.Estimate), Interval: intervalText(&r.Result),
				Spread: "[" + num(r.Result.P05) + ", " + num(r.Result.P95) + "]", Threshold: r.Pattern.Test.Text(),
				Effect: r.Pattern.Test.Effect, Verdict: v, Class: verdictClass(r), Mechanism: r.Pattern.Mechanism,
				Ablation: r.Pattern.Ablation, Note: r.Note, Source: r.Pattern.Source,
				SeedsNeeded: strconv.Itoa(r.SeedsNeeded()),
			}
			if r.Ablation != nil {
				hr.AblationResult = num(r.Ablation.Estimate) + " " + intervalText(r.Ablation)
				switch {
				case r.Ablation.Pass:
					hr.AblationResult += " (still holds)"
				case r.Ablation.Gone:
					hr.AblationResult += " (fails: gone)"
				default:
					hr.AblationResult += " (fails: weakened)"
				}
			}
			sec.Rows = append(sec.Rows, hr)
		}
		if len(sec.Rows) > 0 {
			d.Sections = append(d.Sections, sec)
		}
	}
	for _, key := range order {
		k, v, _ := strings.Cut(key, ": ")
		d.Counts = append(d.Counts, fmt.Sprintf("%s: %d %s", k, counts[key], v))
	}
	figs, err := figures(rep)
	if err != nil {
		return err
	}
	d.Figures = figs
	return reportTemplate.Execute(w, d)
}

// verdictGroup is a verdict without its particulars, for the summary.
func verdictGroup(v string) string {
	if strings.HasPrefix(v, "fails (not shown") {
		return "fails (not shown at this number of seeds)"
	}
	return v
}

func orNone(s string) string {
	if s == "" {
		return "none"
	}
	return s
}

func verdictClass(r *Row) string {
	v := r.Verdict()
	switch {
	case strings.HasSuffix(v, "(gone)") || v == "fits" || v == "supported":
		return "ok"
	case strings.HasPrefix(v, "holds"):
		return "warn"
	}
	return "bad"
}

// figures draws the report's figures: the validation patterns' effects in
// units of their smallest effect, as is and ablated; and, per pattern, the
// metric it shows over time in each arm (for patterns that compare arms).
func figures(rep *Report) ([]htmlFigure, error) {
	var out []htmlFigure
	var names []string
	var as, ab plots.Bars
	as.Label, ab.Label = "as is", "ablated"
	for i := range rep.Rows {
		r := &rep.Rows[i]
		p := r.Pattern
		if p.Kind != Validation || p.Test.Kind != AtLeast || p.Test.Min == 0 || math.IsNaN(r.Result.Estimate) {
			continue
		}
		names = append(names, p.ID+" ("+r.Scenario+")")
		s := p.Test.Min
		as.Values = append(as.Values, r.Result.Estimate/s)
		as.Lo = append(as.Lo, r.Result.Low/s)
		as.Hi = append(as.Hi, r.Result.High/s)
		if r.Ablation != nil {
			ab.Values = append(ab.Values, r.Ablation.Estimate/s)
			ab.Lo = append(ab.Lo, r.Ablation.Low/s)
			ab.Hi = append(ab.Hi, r.Ablation.High/s)
		} else {
			ab.Values = append(ab.Values, math.NaN())
			ab.Lo = append(ab.Lo, math.NaN())
			ab.Hi = append(ab.Hi, math.NaN())
		}
	}
	if len(names) > 0 {
		fig, err := plots.IndexChart("Validation patterns: effect in units of the smallest effect that matters",
			"mean over paired seeds with its 95% interval; a pattern holds when its interval lies at or above 1",
			names, []plots.Bars{as, ab}, "effect / smallest effect that matters", plots.Options{})
		if err != nil {
			return nil, fmt.Errorf("patterns: effects chart: %w", err)
		}
		svg, err := fig.SVG()
		if err != nil {
			return nil, fmt.Errorf("patterns: effects chart: %w", err)
		}
		out = append(out, htmlFigure{Caption: "Each validation pattern's effect divided by its smallest effect that matters (1 = just enough), as is and with its mechanism switched off.", SVG: output.InlineSVG(svg)})
	}
	var panels []plots.Panel
	for i := range rep.Rows {
		r := &rep.Rows[i]
		p := r.Pattern
		if len(r.Result.Curves) < 2 { // one arm: the tables say it all
			continue
		}
		pn := plots.Panel{Title: p.ID + " (" + r.Scenario + ")", YLabel: metricLabel(p.Show)}
		for a, c := range r.Result.Curves {
			x := make([]float64, len(c))
			for t := range x {
				x[t] = float64(t) / sim.WeeksPerYear
			}
			pn.Series = append(pn.Series, plots.Series{Label: p.Arms[a].Label, X: x, Mean: c})
		}
		panels = append(panels, pn)
	}
	if len(panels) > 0 {
		fig, err := plots.TimeSeries("What the arms do", "mean over the seeds of each arm, as is", panels, 2, plots.Options{Lang: i18n.EN})
		if err != nil {
			return nil, fmt.Errorf("patterns: arms figure: %w", err)
		}
		svg, err := fig.SVG()
		if err != nil {
			return nil, fmt.Errorf("patterns: arms figure: %w", err)
		}
		out = append(out, htmlFigure{Caption: "Per pattern, the metric it rests on over time, one line per arm (the compared variants of the base scenario).", SVG: output.InlineSVG(svg)})
	}
	return out, nil
}

func metricLabel(name string) string {
	if i := sim.MetricIndex(name); i >= 0 {
		return name + " (" + sim.Metrics[i].Unit + ")"
	}
	return name
}

const patternCSS = `
td.ok { color: #006d2c; font-weight: bold; }
td.warn { color: #b35806; font-weight: bold; }
td.bad { color: #b2182b; font-weight: bold; }
td.mech { width: 28%; }
td.mech code { white-space: normal; overflow-wrap: anywhere; }
`

var reportTemplate = template.Must(template.New("patterns").Parse(`<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>orgnet patterns</title>
<style>{{.CSS}}</style>
</head>
<body>
<h1>Which of the case study's patterns hold?</h1>
<p class="meta">{{.Meta}}</p>
<p class="question">Pattern-oriented validation (Grimm et al. 2005): calibration targets, validation patterns, hypotheses and a held-out figure are kept apart. Every compared arm runs on the same seeds, so each interval is over paired differences.</p>
<ul>{{range .Counts}}<li>{{.}}</li>{{end}}</ul>
{{range .Sections}}
<h2>{{.Title}}</h2>
<p class="small">{{.Text}}</p>
<table>
<tr><th>pattern</th><th>statistic</th><th>estimate, 95% interval, runs' 5-95%</th><th>threshold</th><th>verdict</th><th>mechanism and ablation</th></tr>
{{range .Rows}}<tr>
<td><b>{{.ID}}</b> ({{.Scenario}})<br>{{.Claim}}<br><span class="small">{{.Source}}</span></td>
<td>{{.Statistic}} [{{.Unit}}]</td>
<td class="n">{{.Estimate}}<br>{{.Interval}}<br><span class="small">{{.Spread}}<br>seeds for a sharp answer: {{.SeedsNeeded}}</span></td>
<td>{{.Threshold}}<br><span class="small">{{.Effect}}</span></td>
<td class="{{.Class}}">{{.Verdict}}{{if .Note}}<br><span class="small">{{.Note}}</span>{{end}}</td>
<td class="mech">{{.Mechanism}}{{if .Ablation}}<br>ablation: {{range .Ablation}}<code>{{.}}</code> {{end}}<br>{{.AblationResult}}{{end}}</td>
</tr>
{{end}}</table>
{{end}}
{{range .Figures}}<figure>{{.SVG}}<figcaption>{{.Caption}}</figcaption></figure>
{{end}}
<p class="small">Files: patterns.csv holds every row with its numbers.</p>
</body>
</html>
`))
