package web

import (
	"bytes"
	"encoding/base64"
	"fmt"
	"html/template"
	"net/http"
	"path/filepath"
	"slices"
	"strings"
	"sync"

	"github.com/orgnet/orgnet/calibrate"
	"github.com/orgnet/orgnet/compare"
	"github.com/orgnet/orgnet/i18n"
	"github.com/orgnet/orgnet/plots"
	"github.com/orgnet/orgnet/scenarios"
	"github.com/orgnet/orgnet/sim"
)

// dilemmaCharts are the overlay figures of a dilemma and their metrics.
var dilemmaCharts = []struct {
	Name    string
	Metrics []string
}{
	{"orientation", []string{"orientation_executive", "orientation_manager", "orientation_professional", "trust"}},
	{"value", []string{"cases_solved_cum", "wellbeing", "legitimacy_internal", "partners"}},
}

func dilemmaChartNames() []string {
	var names []string
	for _, c := range dilemmaCharts {
		names = append(names, c.Name)
	}
	return names
}

// dilemmaRequest asks for a comparison of A and B over the same seeds.
type dilemmaRequest struct {
	A            sideRequest `json:"a"`
	B            sideRequest `json:"b"`
	Years        *float64    `json:"years"`
	Seed         *int64      `json:"seed"`
	Replications int         `json:"replications"`
	// Posterior asks each pair of replications to draw its parameters from
	// the posterior the page loaded or the server was given.
	Posterior bool `json:"posterior"`
}

// sideRequest is one side of a dilemma: a preset and its changes.
type sideRequest struct {
	Preset string                `json:"preset"`
	Params map[string]paramValue `json:"params"`
}

// dilemmaResult is a finished comparison kept in the session.
type dilemmaResult struct {
	res              *compare.Result
	presetA, presetB string
	changesA         []change
	changesB         []change
	version          int
	post             *calibrate.Posterior // The posterior each pair drew its parameters from; nil for none.

	mu    sync.Mutex
	cache map[string][]byte // Pictures by name, format and language.
}

// handleDilemma runs A and B over the same seeds and keeps the result in the
// session. The run stops when the request goes away.
func (s *Server) handleDilemma(w http.ResponseWriter, r *http.Request, ss *session) {
	l, err := langOf(r)
	if err != nil {
		fail(w, err)
		return
	}
	var req dilemmaRequest
	if err := readJSON(w, r, &req); err != nil {
		fail(w, err)
		return
	}
	if req.Replications < 2 || req.Replications > s.opts.MaxReplications {
		fail(w, badInput("replications: %d is out of range; allowed: an integer from 2 to %d (this server's cap)", req.Replications, s.opts.MaxReplications))
		return
	}
	sides := [2]*runRequest{
		{Preset: req.A.Preset, Params: req.A.Params, Years: req.Years, Seed: req.Seed},
		{Preset: req.B.Preset, Params: req.B.Params, Years: req.Years, Seed: req.Seed},
	}
	var cfgs [2]*sim.Config
	for i, side := range sides {
		cfg, err := s.resolve(side)
		if err != nil {
			fail(w, badInput("%s: %v", "AB"[i:i+1], err))
			return
		}
		cfgs[i] = cfg
	}
	var vary func(int, *sim.Config) error
	post := ss.posterior()
	if req.Posterior {
		if post == nil {
			fail(w, badInput("%s", i18n.T(l, "web.posterior.none")))
			return
		}
		vary = post.Vary(uint64(cfgs[0].Run.Seed))
	}
	if err := s.acquireRun(ss.client); err != nil {
		fail(w, err)
		return
	}
	defer s.releaseRun(ss.client)
	res, err := compare.RunVaried(r.Context(), cfgs[0], cfgs[1], req.Replications, uint64(cfgs[0].Run.Seed), 0, vary)
	if err != nil {
		if ie, ok := err.(*compare.InputError); ok {
			err = badInput("%s", ie.Problem)
		}
		fail(w, err)
		return
	}
	if !req.Posterior {
		post = nil
	} else {
		res.Posterior, res.PosteriorParams = post.File, post.Describe()
	}
	ss.mu.Lock()
	ss.version++
	ss.dilemma = &dilemmaResult{res: res, presetA: sides[0].Preset, presetB: sides[1].Preset,
		changesA: sides[0].Changes, changesB: sides[1].Changes, version: ss.version, post: post, cache: map[string][]byte{}}
	d := ss.dilemma
	ss.mu.Unlock()
	writeJSON(w, http.StatusOK, d.view(l))
}

// handleDilemmaFile serves a file of the session's last dilemma: its
// pictures, its table, its report, the two scenarios, or its answer as JSON.
func (s *Server) handleDilemmaFile(w http.ResponseWriter, r *http.Request, ss *session) {
	l, err := langOf(r)
	if err != nil {
		fail(w, err)
		return
	}
	ss.mu.Lock()
	d := ss.dilemma
	ss.mu.Unlock()
	if d == nil {
		httpError(w, http.StatusNotFound, "no dilemma yet: compare A and B first")
		return
	}
	file := r.PathValue("file")
	var data []byte
	var format string
	download := true
	switch file {
	case "result.json":
		writeJSON(w, http.StatusOK, d.view(l))
		return
	case "compare.csv":
		format = "csv"
		data, err = d.csv()
	case "report.html":
		format = "html"
		data, err = d.report(l)
	case "a.toml":
		format = "toml"
		data = scenarioFile(d.presetA, d.changesA, d.res.A, d.res.Reps)
	case "b.toml":
		format = "toml"
		data = scenarioFile(d.presetB, d.changesB, d.res.B, d.res.Reps)
	default:
		var name string
		name, format, err = splitPicture(file, dilemmaChartNames())
		if err != nil {
			err = badInput("file: %q is not offered; allowed: result.json, compare.csv, report.html, a.toml, b.toml, or a chart as NAME.svg or NAME.png with NAME one of %v", file, dilemmaChartNames())
			break
		}
		download = r.URL.Query().Get("download") != ""
		data, err = d.picture(name, format, l)
	}
	if err != nil {
		fail(w, err)
		return
	}
	sendFile(w, "dilemma-"+file, format, data, download)
}

// sideLabel names one side of a dilemma: its preset's short title and its
// changes.
func sideLabel(l i18n.Lang, name string, changes []change) string {
	preset := name
	if cfg, err := scenarios.Preset(name); err == nil {
		t, _ := presetText(l, name, cfg)
		preset = shortTitle(t)
	}
	if len(changes) == 0 {
		return preset
	}
	var parts []string
	for _, c := range changes {
		parts = append(parts, paramLabel(l, c.Path)+" "+c.Value)
	}
	s := preset + ", " + strings.Join(parts, ", ")
	if r := []rune(s); len(r) > 60 {
		s = string(r[:57]) + "…"
	}
	return s
}

// picture draws one overlay figure of the dilemma (cached per language).
func (d *dilemmaResult) picture(name, format string, l i18n.Lang) ([]byte, error) {
	key := name + "." + format + "/" + string(l)
	d.mu.Lock()
	b, ok := d.cache[key]
	d.mu.Unlock()
	if ok {
		return b, nil
	}
	var metrics []string
	for _, c := range dilemmaCharts {
		if c.Name == name {
			metrics = c.Metrics
		}
	}
	la, lb := sideLabel(l, d.presetA, d.changesA), sideLabel(l, d.presetB, d.changesB)
	opt := plots.Options{Lang: l, Title: i18n.T(l, "web.dilemma.chart."+name), Subtitle: i18n.Tf(l, "web.dilemma.subtitle", la, lb, d.res.Reps),
		Markers: plots.EventMarkers(d.res.B.Events)}
	f, err := plots.Compare(d.res.SummaryA, d.res.SummaryB, "A: "+la, "B: "+lb, metrics, opt)
	if err != nil {
		return nil, fmt.Errorf("drawing %s: %w", name, err)
	}
	b, err = render(f, format)
	if err != nil {
		return nil, fmt.Errorf("drawing %s: %w", name, err)
	}
	d.mu.Lock()
	d.cache[key] = b
	d.mu.Unlock()
	return b, nil
}

type dilemmaView struct {
	Version   int          `json:"version"`
	Sentences []string     `json:"sentences"`
	Answer    []answerLine `json:"answer"`
	Charts    []string     `json:"charts"`
	A         string       `json:"a"`
	B         string       `json:"b"`
	Reps      int          `json:"replications"`
	Changes   []changeView `json:"changes"`
	Posterior string       `json:"posterior"` // The posterior the pairs drew their parameters from; "" for none.
}

type changeView struct {
	Path  string `json:"path"`
	Label string `json:"label"`
	A     string `json:"a"`
	B     string `json:"b"`
}

func (d *dilemmaResult) view(l i18n.Lang) dilemmaView {
	answer := rankedAnswer(d.res, l)
	if d.post != nil {
		// After the set-up: the intervals include parameter uncertainty.
		line := answerLine{Text: i18n.Tf(l, "posterior.compare", filepath.Base(d.post.File), describePosterior(l, d.post))}
		answer = slices.Insert(answer, 1, line)
	}
	var sentences []string
	for _, a := range answer {
		sentences = append(sentences, a.Text)
	}
	v := dilemmaView{Version: d.version, Sentences: sentences, Answer: answer, Charts: dilemmaChartNames(),
		A: sideLabel(l, d.presetA, d.changesA), B: sideLabel(l, d.presetB, d.changesB), Reps: d.res.Reps, Changes: []changeView{},
		Posterior: posteriorName(d.post)}
	for _, c := range d.res.ChangesIn(l) {
		label := compare.ChangeLabel(l, c.Path)
		if _, ok := sim.Lookup(c.Path); ok {
			label = paramLabel(l, c.Path)
		}
		v.Changes = append(v.Changes, changeView{c.Path, label, c.A, c.B})
	}
	return v
}

// csv is compare's table of end-of-run differences, one row per metric.
func (d *dilemmaResult) csv() ([]byte, error) {
	var b bytes.Buffer
	if err := compare.WriteDifferences(&b, d.res); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

var dilemmaTmpl = template.Must(template.New("dilemma").Parse(`<!doctype html>
<html lang="{{.Lang}}"><head><meta charset="utf-8"><title>{{.Title}}</title>
<style>
body{font:15px/1.45 "Liberation Sans",Arial,sans-serif;max-width:1000px;margin:24px auto;padding:0 16px;color:#1d232b}
h1{font-size:22px}h2{font-size:17px;margin-top:28px}table{border-collapse:collapse}
td,th{border-bottom:1px solid #ddd;padding:4px 10px;text-align:left}img{max-width:100%;border:1px solid #ddd;margin:8px 0}
.muted{color:#5b6470}
</style></head><body>
<h1>{{.Title}}</h1>
<p>{{.Sides}}</p>
<p class="muted">{{.Runs}}</p>
<ul>{{range .Sentences}}<li>{{.}}</li>{{end}}</ul>
{{if .Changes}}<table><tr><th></th><th>A</th><th>B</th></tr>
{{range .Changes}}<tr><td>{{.Label}}</td><td>{{.A}}</td><td>{{.B}}</td></tr>
{{end}}</table>{{end}}
{{range .Pictures}}<img alt="" src="{{.}}">
{{end}}
<p class="muted">{{.Caveat}}</p>
</body></html>
`))

// report is a compact, self-contained HTML report of the dilemma.
func (d *dilemmaResult) report(l i18n.Lang) ([]byte, error) {
	var pics []template.URL
	for _, name := range dilemmaChartNames() {
		b, err := d.picture(name, "svg", l)
		if err != nil {
			return nil, err
		}
		pics = append(pics, template.URL("data:image/svg+xml;base64,"+base64.StdEncoding.EncodeToString(b)))
	}
	v := d.view(l)
	data := map[string]any{
		"Lang": string(l), "Title": i18n.T(l, "web.dilemma.title"),
		"Sides":     i18n.Tf(l, "web.dilemma.sides", v.A, v.B),
		"Runs":      i18n.Tf(l, "web.dilemma.runs", d.res.Reps, compare.Years(l, d.res.A.Run.Years), d.res.Seed),
		"Sentences": v.Sentences, "Changes": v.Changes, "Pictures": pics, "Caveat": i18n.T(l, "report.caveat"),
	}
	var b bytes.Buffer
	if err := dilemmaTmpl.Execute(&b, data); err != nil {
		return nil, fmt.Errorf("writing the dilemma report: %w", err)
	}
	return b.Bytes(), nil
}
