package web

import (
	"fmt"
	"net/http"
	"regexp"
	"slices"
	"strings"

	"github.com/orgnet/orgnet/i18n"
	"github.com/orgnet/orgnet/scenarios"
	"github.com/orgnet/orgnet/sim"
)

// handleCatalogue returns the page's labels in the requested language.
func (s *Server) handleCatalogue(w http.ResponseWriter, r *http.Request) {
	l, err := langOf(r)
	if err != nil {
		fail(w, err)
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{
		"lang":   l,
		"labels": pageLabels(l),
		"limits": map[string]any{
			"max_years": s.opts.MaxYears, "max_persons": s.opts.MaxPersons,
			"max_replications": s.opts.MaxReplications, "speeds": speeds,
			"replications": s.opts.Replications,
		},
		"metrics":   metricsOffered(),
		"posterior": posteriorOf(l, s.opts.Posterior),
	})
}

type presetView struct {
	Name     string `json:"name"`
	Kind     string `json:"kind"` // case or scenario
	Title    string `json:"title"`
	Short    string `json:"short"` // The title up to its colon: for lists.
	Question string `json:"question"`
	// Parts is the question in pieces: in English, the case study's Dutch
	// quotes translated, each with its original.
	Parts []i18n.QuotePart `json:"question_parts"`
	Base  string           `json:"base,omitempty"` // The case a scenario builds on.
	// Offered is false for a preset too large for this server; Why says so
	// in words.
	Offered bool   `json:"offered"`
	Why     string `json:"why,omitempty"`
}

// presetText returns a preset's title and question in l: the catalogue's
// where it has them, else the preset file's; parameter keys in them are
// given as the page names its sliders.
func presetText(l i18n.Lang, name string, cfg *sim.Config) (title, question string) {
	title, question = cfg.Scenario.Title, cfg.Scenario.Question
	if k := "preset." + name + ".title"; i18n.Has(l, k) {
		title = i18n.T(l, k)
	}
	if k := "preset." + name + ".question"; i18n.Has(l, k) {
		question = i18n.T(l, k)
	}
	return title, plainWords(l, question)
}

// plainWords replaces the parameter keys in a text (network.governance) by
// the names of their sliders on the page, quoted.
func plainWords(l i18n.Lang, text string) string {
	params := slices.Clone(sim.Params())
	slices.SortFunc(params, func(a, b sim.Param) int { return len(b.Path) - len(a.Path) })
	for _, p := range params {
		if !strings.Contains(text, p.Path) {
			continue
		}
		text = strings.ReplaceAll(text, p.Path, "‘"+paramLabel(l, p.Path)+"’")
		for _, c := range p.Choices { // network.governance = "nao": the choice as the page names it.
			text = strings.ReplaceAll(text, `"`+c+`"`, "‘"+choiceLabel(l, p.Path, c)+"’")
		}
	}
	if l == i18n.NL { // ‘Institutionalisering’ = 0,6
		text = settingValue.ReplaceAllString(text, "’ = $1,$2")
	}
	return text
}

// settingValue is a decimal number set to a slider in a text.
var settingValue = regexp.MustCompile(`’ = (\d+)\.(\d+)`)

// shortTitle is a title up to its first colon.
func shortTitle(title string) string {
	if i := strings.Index(title, ":"); i > 0 {
		return title[:i]
	}
	return title
}

// baseOf returns the preset a preset builds on ([scenario] base), or "".
func baseOf(name string) string {
	cfg, err := scenarios.Preset(name)
	if err != nil {
		return ""
	}
	return cfg.Scenario.Base
}

// handlePresets lists the presets that load, with title and question.
func (s *Server) handlePresets(w http.ResponseWriter, r *http.Request) {
	l, err := langOf(r)
	if err != nil {
		fail(w, err)
		return
	}
	var out []presetView
	for _, name := range scenarios.Names() {
		cfg, err := scenarios.Preset(name)
		if err != nil {
			continue // Not written yet, or broken: not offered.
		}
		kind := "scenario"
		if slices.Contains(scenarios.Cases, name) {
			kind = "case"
		}
		t, q := presetText(l, name, cfg)
		v := presetView{Name: name, Kind: kind, Title: t, Short: shortTitle(t), Question: q, Parts: i18n.TranslateQuotes(l, q), Base: baseOf(name), Offered: true}
		if n := personsOf(cfg); n > s.opts.MaxPersons {
			v.Offered = false
			v.Why = i18n.Tf(l, "web.preset.toolarge", v.Short, n, s.opts.MaxPersons)
		}
		out = append(out, v)
	}
	writeJSON(w, http.StatusOK, map[string]any{"presets": out, "default": scenarios.Default})
}

// handleParams returns the sliders and switches of a preset.
func (s *Server) handleParams(w http.ResponseWriter, r *http.Request) {
	l, err := langOf(r)
	if err != nil {
		fail(w, err)
		return
	}
	name := r.URL.Query().Get("preset")
	if name == "" {
		name = scenarios.Default
	}
	if !slices.Contains(scenarios.Names(), name) {
		fail(w, badInput("preset: unknown preset %q; allowed: %v", name, scenarios.Names()))
		return
	}
	cfg, err := scenarios.Preset(name)
	if err != nil {
		fail(w, fmt.Errorf("preset %s: %w", name, err))
		return
	}
	t, q := presetText(l, name, cfg)
	writeJSON(w, http.StatusOK, map[string]any{
		"preset": name, "title": t, "question": q, "question_parts": i18n.TranslateQuotes(l, q), "base": baseOf(name),
		"years": cfg.Run.Years, "seed": cfg.Run.Seed,
		"groups": paramGroups(cfg, l),
	})
}

// handleSetup replaces the session's run with a new one, paused at week 0.
func (s *Server) handleSetup(w http.ResponseWriter, r *http.Request, ss *session) {
	var req runRequest
	if err := readJSON(w, r, &req); err != nil {
		fail(w, err)
		return
	}
	l, err := langOf(r)
	if err != nil {
		fail(w, err)
		return
	}
	cfg, err := s.resolve(&req)
	if err != nil {
		fail(w, err)
		return
	}
	baseName, base, err := s.baseline(&req, cfg)
	if err != nil {
		fail(w, err)
		return
	}
	if err := ss.setup(req.Preset, req.Changes, cfg, baseName, base); err != nil {
		fail(w, err)
		return
	}
	writeJSON(w, http.StatusOK, ss.state(l))
}

// baseline returns what a run is drawn against: its preset unchanged when
// the page changed settings, else the case a scenario builds on, else
// nothing; with the run's years and seed.
func (s *Server) baseline(req *runRequest, cfg *sim.Config) (string, *sim.Config, error) {
	name := req.Preset
	if len(req.Changes) == 0 {
		name = baseOf(req.Preset)
	}
	if name == "" {
		return "", nil, nil
	}
	seed := int64(cfg.Run.Seed)
	b := &runRequest{Preset: name, Years: &cfg.Run.Years, Seed: &seed}
	base, err := s.resolve(b)
	if err != nil {
		return "", nil, fmt.Errorf("baseline %s: %w", name, err)
	}
	return name, base, nil
}

type controlRequest struct {
	Action string `json:"action"` // run, pause, step or reset
	Weeks  int    `json:"weeks"`  // Weeks per step (step only; default 1).
	Speed  *int   `json:"speed"`  // Weeks per second (run; one of speeds).
}

// handleControl runs, pauses, steps or resets the session's run.
func (s *Server) handleControl(w http.ResponseWriter, r *http.Request, ss *session) {
	l, err := langOf(r)
	if err != nil {
		fail(w, err)
		return
	}
	var req controlRequest
	if err := readJSON(w, r, &req); err != nil {
		fail(w, err)
		return
	}
	if req.Speed != nil {
		if !slices.Contains(speeds, *req.Speed) {
			fail(w, badInput("speed: %d is not offered; allowed: %v weeks per second (0: as fast as possible)", *req.Speed, speeds))
			return
		}
		ss.mu.Lock()
		ss.speed = *req.Speed
		ss.mu.Unlock()
	}
	switch req.Action {
	case "run":
		err = ss.start()
	case "pause":
		ss.pause()
	case "step":
		n := req.Weeks
		if n == 0 {
			n = 1
		}
		if n < 1 || n > sim.WeeksPerYear*int(s.opts.MaxYears) {
			err = badInput("weeks: %d is out of range; allowed: an integer from 1 to %d", n, sim.WeeksPerYear*int(s.opts.MaxYears))
			break
		}
		err = ss.step(n)
	case "reset":
		err = ss.reset()
	default:
		err = badInput("action: %q is not an action; allowed: run, pause, step, reset", req.Action)
	}
	if err != nil {
		fail(w, err)
		return
	}
	writeJSON(w, http.StatusOK, ss.state(l))
}

// handleState reports where the session's run is; the page polls it, which
// also tells the server the page is still there.
func (s *Server) handleState(w http.ResponseWriter, r *http.Request, ss *session) {
	l, err := langOf(r)
	if err != nil {
		fail(w, err)
		return
	}
	writeJSON(w, http.StatusOK, ss.state(l))
}

type eventView struct {
	Tick  int     `json:"tick"`
	Year  float64 `json:"year"`
	Type  string  `json:"type"`
	Label string  `json:"label"`
}

type stateView struct {
	Ready   bool               `json:"ready"`
	Setup   int                `json:"setup"`   // Counts setups of this page's run.
	Failure string             `json:"failure"` // Why the run stopped with an error, if it did.
	Actual  float64            `json:"actual_speed"`
	Base    string             `json:"base"` // The baseline's preset, "" for none.
	Reps    int                `json:"replications"`
	Frames  int                `json:"frames"` // Network frames kept so far.
	Preset  string             `json:"preset"`
	Changes []change           `json:"changes"`
	Tick    int                `json:"tick"`
	Ticks   int                `json:"ticks"`
	Year    float64            `json:"year"`
	Years   float64            `json:"years"`
	Seed    uint64             `json:"seed"`
	Running bool               `json:"running"`
	Done    bool               `json:"done"`
	Speed   int                `json:"speed"`
	Version int                `json:"version"`
	Metrics map[string]float64 `json:"metrics"`
	Events  []eventView        `json:"events"`
}

func (ss *session) state(l i18n.Lang) stateView {
	ss.mu.Lock()
	defer ss.mu.Unlock()
	v := stateView{Running: ss.running, Speed: ss.speed, Version: ss.version, Changes: ss.changes, Events: []eventView{},
		Setup: ss.setups, Failure: ss.failure, Actual: ss.actual, Base: ss.baseName, Reps: 1 + len(ss.extra), Frames: len(ss.frames)}
	if v.Changes == nil {
		v.Changes = []change{}
	}
	if ss.model == nil {
		return v
	}
	v.Ready = true
	v.Preset = ss.preset
	v.Tick, v.Ticks = ss.model.Tick(), ss.cfg.Ticks()
	v.Year, v.Years = float64(v.Tick)/sim.WeeksPerYear, ss.cfg.Run.Years
	v.Seed = uint64(ss.cfg.Run.Seed)
	v.Done = ss.model.Done()
	v.Metrics = map[string]float64{}
	last := ss.rows[len(ss.rows)-1]
	for i, n := range sim.MetricNames {
		if !undefined(&last, i) {
			v.Metrics[n] = last[i]
		}
	}
	for _, e := range ss.events {
		v.Events = append(v.Events, eventView{e.Tick, e.Year, e.Type, i18n.EventLabel(l, e.Label)})
	}
	return v
}
