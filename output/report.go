package output

import (
	"fmt"
	"html/template"
	"io"
	"math"
	"regexp"
	"runtime"
	"strconv"
	"strings"

	"github.com/orgnet/orgnet/ensemble"
	"github.com/orgnet/orgnet/i18n"
	"github.com/orgnet/orgnet/plots"
	"github.com/orgnet/orgnet/sim"
)

// reportFigure is a figure inlined in the report.
type reportFigure struct {
	Caption string
	File    string
	SVG     template.HTML
}

var (
	xmlHeader = regexp.MustCompile(`<\?xml[^>]*\?>\s*`)
	comment   = regexp.MustCompile(`<!--[^>]*-->\s*`)
	xmlns     = regexp.MustCompile(`\s+xmlns(:\w+)?="[^"]*"`)
)

// InlineSVG prepares an SVG document to be placed inside HTML: without the
// XML declaration, comments and namespace attributes (HTML gives inline
// SVG its namespace), so the page refers to nothing outside itself.
func InlineSVG(svg []byte) template.HTML {
	s := xmlHeader.ReplaceAllString(string(svg), "")
	s = comment.ReplaceAllString(s, "")
	s = xmlns.ReplaceAllString(s, "")
	return template.HTML(s)
}

type setting struct{ Path, Value, Default, Meaning string }
type eventRow struct{ When, Type, Description string }

type reportData struct {
	Lang      string
	T         func(string) string
	Title     string
	Name      string
	Question  []string
	RunText   string
	Answer    []string       // The first sentences of the reading, on the first page.
	Reading   []string       // The rest of the reading, in the details.
	Main      []reportFigure // The three main plots, on the first page.
	Figures   []reportFigure
	Networks  []reportFigure
	Settings  []setting
	Events    []eventRow
	Generated string
}

// Settings returns the parameters of cfg that differ from the registry
// defaults (run.* excepted), as path, value, default and meaning.
func Settings(cfg *sim.Config) [][4]string {
	def := sim.Defaults()
	var out [][4]string
	for _, p := range sim.Params() {
		if strings.HasPrefix(p.Path, "run.") {
			continue
		}
		v, _ := cfg.Format(p.Path)
		d, _ := def.Format(p.Path)
		if v != d {
			out = append(out, [4]string{p.Path, v, d, p.Meaning})
		}
	}
	return out
}

func writeReport(w io.Writer, r *Run, sum *ensemble.Summary, figs, nets []reportFigure) error {
	l := r.Lang
	cfg := r.Result.Config
	title, question := i18n.Preset(l, cfg.Scenario.Name, cfg.Scenario.Title, cfg.Scenario.Question)
	d := reportData{
		Lang:     string(l),
		T:        func(k string) string { return i18n.T(l, k) },
		Name:     cfg.Scenario.Name,
		Title:    title,
		Networks: nets,
		RunText: i18n.Tf(l, "report.run.text", len(r.Result.Reps), i18n.Decimal(l, num(cfg.Run.Years)), r.Result.Master, r.Version,
			r.End.UTC().Format("2006-01-02 15:04 UTC")),
		Generated: "orgnet " + r.Version + ", " + runtime.Version(),
	}
	if r.Posterior != "" {
		d.RunText += " " + i18n.Tf(l, "posterior.run", r.Posterior, r.PosteriorParams)
	}
	if d.Title == "" {
		d.Title = d.Name
	}
	reading := Reading(sum, l)
	d.Answer, d.Reading = reading[:min(mainReading, len(reading))], reading[min(mainReading, len(reading)):]
	d.Main, d.Figures = figs[:min(mainFigures, len(figs))], figs[min(mainFigures, len(figs)):]
	for _, para := range strings.Split(strings.TrimSpace(question), "\n\n") {
		if para = strings.TrimSpace(para); para != "" {
			d.Question = append(d.Question, para)
		}
	}
	// A value in l's words: a choice by its label in Dutch (the English
	// report keeps the file's word), numbers with l's decimal separator.
	value := func(path, v string) string {
		if k := "choice." + path + "." + v; l == i18n.NL && i18n.Has(l, k) {
			return i18n.T(l, k)
		}
		return i18n.Value(l, v)
	}
	for _, s := range Settings(cfg) {
		d.Settings = append(d.Settings, setting{s[0], value(s[0], s[1]), value(s[0], s[2]), i18n.T(l, "meaning."+s[0])})
	}
	for i := range cfg.Events {
		e := &cfg.Events[i]
		when := i18n.Tf(l, "report.at.year", num(math.Round(plots.EventYear(e)*100)/100))
		if e.Rate > 0 {
			when = i18n.Tf(l, "report.at.rate", num(e.Rate))
		}
		d.Events = append(d.Events, eventRow{i18n.Decimal(l, when), i18n.EventType(l, e.Type), i18n.EventText(l, e)})
	}
	if err := reportTemplate.Execute(w, d); err != nil {
		return fmt.Errorf("report.html: %w", err)
	}
	return nil
}

// The first page of the report: the question, the first sentences of the
// reading as the answer, and the first plots of StandardPlots (orientation,
// value, trust and legitimacy); the details follow below.
const (
	mainReading = 3
	mainFigures = 3
)

// Reading returns a few plain sentences on the main outcomes of an ensemble:
// which level ends most network-oriented, cases solved against failed,
// wellbeing, trust and legitimacy trends, partners and learning. Numbers
// have the decimal separator of l.
func Reading(sum *ensemble.Summary, l i18n.Lang) []string {
	out := reading(sum, l)
	for i := range out {
		out[i] = i18n.Decimal(l, out[i])
	}
	return out
}

func reading(sum *ensemble.Summary, l i18n.Lang) []string {
	if sum == nil || sum.Ticks() == 0 {
		return nil
	}
	first, last := sum.Mean[0], sum.Mean[sum.Ticks()-1]
	var out []string
	years := strconv.FormatFloat(math.Round(last[sim.MYear]*10)/10, 'f', -1, 64)

	levels := []int{sim.MOrientationExecutive, sim.MOrientationManager, sim.MOrientationProfessional}
	hi, lo := levels[0], levels[0]
	for _, m := range levels[1:] {
		if last[m] > last[hi] {
			hi = m
		}
		if last[m] < last[lo] {
			lo = m
		}
	}
	out = append(out, i18n.Tf(l, "reading.levels", years, i18n.Metric(l, sim.MetricNames[hi]), last[hi], i18n.Metric(l, sim.MetricNames[lo]), last[lo]))
	for _, m := range levels {
		switch delta := last[m] - first[m]; {
		case delta > 0.05:
			out = append(out, i18n.Tf(l, "reading.level.up", i18n.Metric(l, sim.MetricNames[m]), first[m], last[m]))
		case delta < -0.05:
			out = append(out, i18n.Tf(l, "reading.level.down", i18n.Metric(l, sim.MetricNames[m]), first[m], last[m]))
		}
	}

	solved, failed := last[sim.MCasesSolvedCum], last[sim.MCasesFailedCum]
	if solved+failed > 0 {
		out = append(out, i18n.Tf(l, "reading.cases", solved, failed, 100*solved/(solved+failed), last[sim.MCasesOpen]))
		out = append(out, i18n.Tf(l, "reading.wellbeing", last[sim.MWellbeing]))
		end := sum.Ticks() - 1
		out = append(out, i18n.Tf(l, "reading.band", i18n.Metric(l, "cases_solved_cum"),
			strconv.FormatFloat(math.Round(sum.P05[end][sim.MCasesSolvedCum]), 'f', -1, 64),
			strconv.FormatFloat(math.Round(sum.P95[end][sim.MCasesSolvedCum]), 'f', -1, 64)))
	} else {
		out = append(out, i18n.T(l, "reading.cases.none"))
	}

	trend := func(m int) string {
		switch delta := last[m] - first[m]; {
		case delta > 0.02:
			return i18n.T(l, "reading.trend.up")
		case delta < -0.02:
			return i18n.T(l, "reading.trend.down")
		}
		return i18n.T(l, "reading.trend.flat")
	}
	out = append(out, i18n.Tf(l, "reading.trust", trend(sim.MTrust), first[sim.MTrust], last[sim.MTrust]))
	out = append(out, i18n.Tf(l, "reading.legitimacy",
		trend(sim.MLegitimacyInternal), first[sim.MLegitimacyInternal], last[sim.MLegitimacyInternal],
		trend(sim.MLegitimacyExternal), first[sim.MLegitimacyExternal], last[sim.MLegitimacyExternal]))
	out = append(out, i18n.Tf(l, "reading.partners", last[sim.MPartners], first[sim.MPartners]))
	out = append(out, i18n.Tf(l, "reading.learning", last[sim.MLearning], last[sim.MInnovation], last[sim.MTransformation]))
	return out
}

var reportTemplate = template.Must(template.New("report").Parse(`<!DOCTYPE html>
<html lang="{{.Lang}}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{.Title}}</title>
<style>
` + ReportCSS + `</style>
</head>
<body>
<h1>{{.Title}}</h1>
<p class="meta">{{.Name}} · {{.RunText}}</p>

<h2>{{call .T "report.question"}}</h2>
<div class="question">{{range .Question}}<p>{{.}}</p>{{end}}</div>

<h2>{{call .T "report.answer"}}</h2>
<ul>{{range .Answer}}
<li>{{.}}</li>{{end}}
</ul>
<div class="main">{{range .Main}}<figure>
{{.SVG}}
<figcaption>{{.Caption}}</figcaption>
</figure>
{{end}}</div>
<p class="small">{{call .T "report.caveat"}}</p>

<h2 class="details">{{call .T "report.details"}}</h2>
{{if .Reading}}<h3>{{call .T "report.reading"}}</h3>
<ul>{{range .Reading}}
<li>{{.}}</li>{{end}}
</ul>{{end}}
{{if .Figures}}<h3>{{call .T "report.plots"}}</h3>
{{range .Figures}}<figure>
{{.SVG}}
<figcaption>{{.Caption}} ({{.File}})</figcaption>
</figure>
{{end}}{{end}}
<h3>{{call .T "report.network"}}</h3>
<p>{{call .T "report.network.text"}}</p>
<div class="nets">{{range .Networks}}<figure>
{{.SVG}}
<figcaption>{{.Caption}} ({{.File}})</figcaption>
</figure>
{{end}}</div>
<h3>{{call .T "report.settings"}}</h3>
{{if .Settings}}<table>
<tr><th>{{call .T "report.param"}}</th><th>{{call .T "report.value"}}</th><th>{{call .T "report.default"}}</th><th>{{call .T "report.meaning"}}</th></tr>
{{range .Settings}}<tr><td><code>{{.Path}}</code></td><td>{{.Value}}</td><td>{{.Default}}</td><td>{{.Meaning}}</td></tr>
{{end}}</table>{{else}}<p>{{call .T "report.settings.none"}}</p>{{end}}

<h3>{{call .T "report.events"}}</h3>
{{if .Events}}<table>
<tr><th>{{call .T "report.when"}}</th><th>{{call .T "report.type"}}</th><th>{{call .T "report.description"}}</th></tr>
{{range .Events}}<tr><td>{{.When}}</td><td>{{.Type}}</td><td>{{.Description}}</td></tr>
{{end}}</table>{{else}}<p>{{call .T "report.events.none"}}</p>{{end}}

<h3>{{call .T "report.files"}}</h3>
<p class="small">{{call .T "report.files.text"}}</p>
<p class="small">{{.Generated}}</p>
</body>
</html>
`))

// ReportCSS is the style sheet of orgnet's HTML reports (run and compare).
const ReportCSS = `body { font-family: "Liberation Sans", Arial, Helvetica, sans-serif; max-width: 60rem; margin: 2rem auto; padding: 0 1rem; color: #222; line-height: 1.45; }
h1 { font-size: 1.6rem; margin-bottom: 0.2rem; }
h2 { font-size: 1.25rem; margin-top: 2rem; border-bottom: 1px solid #ddd; padding-bottom: 0.2rem; }
.meta { color: #666; font-size: 0.9rem; }
.question { background: #f4f6f8; border-left: 4px solid #0072b2; padding: 0.6rem 1rem; }
figure { margin: 1.5rem 0; }
figure svg { width: 100%; height: auto; display: block; }
figcaption { color: #555; font-size: 0.9rem; }
table { border-collapse: collapse; font-size: 0.88rem; width: 100%; }
th, td { text-align: left; padding: 0.25rem 0.5rem; border-bottom: 1px solid #e4e4e4; vertical-align: top; }
th { background: #f4f4f4; }
td code { white-space: nowrap; }
.small { color: #666; font-size: 0.85rem; }
h3 { font-size: 1.05rem; margin-bottom: 0.3rem; }
.pair { display: flex; gap: 1rem; flex-wrap: wrap; }
.scenario { flex: 1 1 20rem; background: #f4f6f8; padding: 0.6rem 1rem; }
.scenario.a { border-left: 4px solid #0072b2; }
.scenario.b { border-left: 4px dashed #d55e00; }
.answer { background: #fffbea; border-left: 4px solid #e69f00; padding: 0.4rem 1rem; }
td.n { text-align: right; white-space: nowrap; }
.main { display: grid; grid-template-columns: repeat(auto-fit, minmax(17rem, 1fr)); gap: 0.8rem; }
.main figure { margin: 0.5rem 0; }
.nets { display: grid; grid-template-columns: repeat(auto-fit, minmax(24rem, 1fr)); gap: 1rem; }
h2.details { margin-top: 3rem; }
tr.clear td { font-weight: bold; }
`
