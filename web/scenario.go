package web

import (
	"errors"
	"io"
	"net/http"
	"reflect"
	"slices"

	"github.com/orgnet/orgnet/i18n"
	"github.com/orgnet/orgnet/scenarios"
	"github.com/orgnet/orgnet/sim"
)

// handleScenario reads a scenario file the page opened and answers with the
// page's settings for it: the preset it starts from and the parameters that
// differ from that preset, with its years and seed. The page then sets up a
// run with them as with its own sliders, so that its address can say so.
// A scenario whose events differ from its preset's cannot be shown this way
// and is refused with a message.
func (s *Server) handleScenario(w http.ResponseWriter, r *http.Request) {
	l, err := langOf(r)
	if err != nil {
		fail(w, err)
		return
	}
	data, err := io.ReadAll(http.MaxBytesReader(w, r.Body, 256<<10))
	if err != nil {
		fail(w, badInput("scenario file: too large or unreadable (at most 256 kB): %v", err))
		return
	}
	cfg, err := scenarios.Parse("scenario file", data)
	if err != nil {
		var se *scenarios.Error
		if errors.As(err, &se) {
			fail(w, badInput("%v", se))
			return
		}
		fail(w, badInput("%v", err))
		return
	}
	preset := cfg.Scenario.Name
	if !slices.Contains(scenarios.Names(), preset) {
		preset = cfg.Scenario.Base
	}
	if !slices.Contains(scenarios.Names(), preset) {
		preset = scenarios.Default
	}
	pc, err := scenarios.Preset(preset)
	if err != nil {
		fail(w, err)
		return
	}
	if !reflect.DeepEqual(cfg.Events, pc.Events) && !(len(cfg.Events) == 0 && len(pc.Events) == 0) {
		fail(w, badInput("%s", i18n.Tf(l, "web.scenario.events", preset)))
		return
	}
	params := map[string]string{}
	for _, p := range sim.Params() {
		if p.Path == "run.years" || p.Path == "run.seed" || p.Path == "run.replications" {
			continue
		}
		a, _ := cfg.Format(p.Path)
		b, _ := pc.Format(p.Path)
		if a != b {
			params[p.Path] = a
		}
	}
	req := &runRequest{Preset: preset, Years: &cfg.Run.Years}
	seed := int64(cfg.Run.Seed)
	req.Seed = &seed
	req.Params = map[string]paramValue{}
	for k, v := range params {
		req.Params[k] = paramValue(v)
	}
	if _, err := s.resolve(req); err != nil {
		fail(w, err)
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"preset": preset, "params": params, "years": cfg.Run.Years, "seed": cfg.Run.Seed})
}
