package web

import (
	"bytes"
	"encoding/base64"
	"fmt"
	"html/template"
	"net/http"
	"strings"

	"github.com/orgnet/orgnet/compare"
	"github.com/orgnet/orgnet/ensemble"
	"github.com/orgnet/orgnet/i18n"
	"github.com/orgnet/orgnet/output"
	"github.com/orgnet/orgnet/scenarios"
	"github.com/orgnet/orgnet/sim"
)

// handleChart serves a live-run picture for the page.
func (s *Server) handleChart(w http.ResponseWriter, r *http.Request, ss *session) {
	l, err := langOf(r)
	if err != nil {
		fail(w, err)
		return
	}
	name, format, err := splitPicture(r.PathValue("name"), chartNames)
	if err != nil {
		fail(w, err)
		return
	}
	b, err := ss.picture(name, format, l)
	if err != nil {
		fail(w, err)
		return
	}
	sendFile(w, name+"."+format, format, b, false)
}

// downloads are the live run's files besides its pictures.
var downloads = []string{"results.csv", "scenario.toml", "report.html"}

// handleDownload serves the live run's data, scenario, report or a picture
// as a file to save.
func (s *Server) handleDownload(w http.ResponseWriter, r *http.Request, ss *session) {
	l, err := langOf(r)
	if err != nil {
		fail(w, err)
		return
	}
	file := r.PathValue("file")
	var data []byte
	format := ""
	switch file {
	case "results.csv":
		format = "csv"
		data, err = ss.csv()
	case "scenario.toml":
		format = "toml"
		data, err = ss.scenario()
	case "report.html":
		format = "html"
		data, err = ss.report(l)
	default:
		var name string
		name, format, err = splitPicture(file, chartNames)
		if err != nil {
			err = badInput("file: %q is not offered; allowed: %v, or a chart as NAME.svg or NAME.png with NAME one of %v", file, downloads, chartNames)
			break
		}
		data, err = ss.picture(name, format, l)
	}
	if err != nil {
		fail(w, err)
		return
	}
	ss.mu.Lock()
	base := ss.preset
	ss.mu.Unlock()
	sendFile(w, base+"-"+file, format, data, true)
}

// csv returns the live run so far as output's timeseries.csv: a header
// `rep`, then sim.MetricNames; one row per week.
func (ss *session) csv() ([]byte, error) {
	ss.mu.Lock()
	defer ss.mu.Unlock()
	if ss.model == nil {
		return nil, badInput("nothing to download: set up a run first")
	}
	var b bytes.Buffer
	if err := output.WriteTimeseries(&b, []ensemble.Replication{{Index: 0, Seed: ss.seed, Rows: ss.rows}}); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// scenario returns the live run's configuration as a scenario file that
// `orgnet run --config` accepts; its replications are the page's runs, and
// replication 0 the one in the network picture and the data download.
func (ss *session) scenario() ([]byte, error) {
	ss.mu.Lock()
	defer ss.mu.Unlock()
	if ss.cfg == nil {
		return nil, badInput("nothing to download: set up a run first")
	}
	return scenarioFile(ss.preset, ss.changes, ss.cfg, 1+len(ss.extra)), nil
}

// scenarioFile encodes cfg with reps replications, headed by a comment on
// where it came from.
func scenarioFile(preset string, changes []change, cfg *sim.Config, reps int) []byte {
	c := cfg.Clone()
	c.Run.Replications = reps
	var b bytes.Buffer
	fmt.Fprintf(&b, "# Scenario saved by orgnet serve: preset %q", preset)
	if len(changes) > 0 {
		b.WriteString(" with")
		for i, ch := range changes {
			if i > 0 {
				b.WriteString(",")
			}
			fmt.Fprintf(&b, " %s = %s", ch.Path, ch.Value)
		}
	}
	b.WriteString(".\n# Run it with: orgnet run --config THIS_FILE (its replications are the runs on the page; replication 0 is the one in its network picture).\n\n")
	b.Write(scenarios.Encode(c, true))
	return b.Bytes()
}

var reportTmpl = template.Must(template.New("report").Parse(`<!doctype html>
<html lang="{{.Lang}}"><head><meta charset="utf-8"><title>{{.Title}}</title>
<style>
body{font:15px/1.45 "Liberation Sans",Arial,sans-serif;max-width:1000px;margin:24px auto;padding:0 16px;color:#1d232b}
h1{font-size:22px}h2{font-size:17px;margin-top:28px}table{border-collapse:collapse}
td,th{border-bottom:1px solid #ddd;padding:4px 10px;text-align:left;vertical-align:top}
td.n{text-align:right;font-variant-numeric:tabular-nums}img{max-width:100%;border:1px solid #ddd;margin:8px 0}
.muted{color:#5b6470}
</style></head><body>
<h1>{{.Title}}</h1>
<p><b>{{.PresetTitle}}</b></p>
<p>{{.Question}}</p>
<p class="muted">{{.RunText}}</p>
<h2>{{.ChangesHead}}</h2>
{{if .Changes}}<table><tr><th>{{.ParamHead}}</th><th>{{.ValueHead}}</th><th>{{.MeaningHead}}</th></tr>
{{range .Changes}}<tr><td>{{.Label}}<br><span class="muted">{{.Path}}</span></td><td class="n">{{.Value}}</td><td>{{.Meaning}}</td></tr>
{{end}}</table>{{else}}<p>{{.NoChanges}}</p>{{end}}
<h2>{{.EndHead}}</h2>
<table>{{range .End}}<tr><td>{{.Label}}</td><td class="n">{{.Value}}</td></tr>
{{end}}</table>
{{if .Events}}<h2>{{.EventsHead}}</h2><ul>{{range .Events}}<li>{{.}}</li>{{end}}</ul>{{end}}
<h2>{{.PlotsHead}}</h2>
{{range .Pictures}}<img alt="" src="{{.}}">
{{end}}
<p class="muted">{{.Rerun}}</p>
<p class="muted">{{.Caveat}}</p>
</body></html>
`))

type reportRow struct{ Label, Path, Value, Meaning string }

// report returns a compact, self-contained HTML report of the live run in l.
func (ss *session) report(l i18n.Lang) ([]byte, error) {
	var pics []template.URL
	for _, name := range chartNames {
		b, err := ss.picture(name, "svg", l)
		if err != nil {
			return nil, err
		}
		pics = append(pics, template.URL("data:image/svg+xml;base64,"+base64.StdEncoding.EncodeToString(b)))
	}
	ss.mu.Lock()
	defer ss.mu.Unlock()
	if ss.model == nil {
		return nil, badInput("nothing to report: set up a run first")
	}
	title, question := presetText(l, ss.preset, ss.cfg)
	d := map[string]any{
		"Lang": string(l), "Title": i18n.Tf(l, "web.report.title", ss.preset), "PresetTitle": title, "Question": question,
		"RunText":     i18n.Tf(l, "web.report.run", compare.Years(l, ss.cfg.Run.Years), ss.cfg.Run.Seed, ss.model.Tick(), compare.Number(l, float64(ss.model.Tick())/sim.WeeksPerYear, 1)),
		"ChangesHead": i18n.T(l, "web.report.changes"), "NoChanges": i18n.T(l, "web.report.nochanges"),
		"ParamHead": i18n.T(l, "report.param"), "ValueHead": i18n.T(l, "report.value"), "MeaningHead": i18n.T(l, "report.meaning"),
		"EndHead": i18n.T(l, "web.report.end"), "EventsHead": i18n.T(l, "report.events"), "PlotsHead": i18n.T(l, "report.plots"),
		"Pictures": pics, "Rerun": i18n.T(l, "web.report.rerun"), "Caveat": i18n.T(l, "report.caveat"),
	}
	var changes []reportRow
	for _, c := range ss.changes {
		v := c.Value
		if l == i18n.NL {
			v = strings.ReplaceAll(v, ".", ",")
		}
		changes = append(changes, reportRow{paramLabel(l, c.Path), c.Path, v + " " + unitOf(l, c.Path), paramMeaning(l, c.Path)})
	}
	d["Changes"] = changes
	var end []reportRow
	last := ss.rows[len(ss.rows)-1]
	for i, m := range sim.Metrics {
		if i == sim.MTick || i == sim.MYear {
			continue
		}
		value := "–"
		if !undefined(&last, i) {
			value = compare.Number(l, last[i], 2) + " " + i18n.Unit(l, m.Unit)
		}
		end = append(end, reportRow{Label: i18n.Metric(l, m.Name), Value: value})
	}
	d["End"] = end
	var evs []string
	for _, e := range ss.events {
		evs = append(evs, fmt.Sprintf("%s %s: %s", i18n.T(l, "web.year"), compare.Number(l, e.Year, 1), i18n.EventLabel(l, e.Label)))
	}
	d["Events"] = evs
	var b bytes.Buffer
	if err := reportTmpl.Execute(&b, d); err != nil {
		return nil, fmt.Errorf("writing the report: %w", err)
	}
	return b.Bytes(), nil
}

func unitOf(l i18n.Lang, path string) string {
	p, _ := sim.Lookup(path)
	return unitLabel(l, p.Unit)
}
