package web

import (
	"encoding/json"
	"fmt"
	"math"
	"slices"
	"strconv"

	"github.com/orgnet/orgnet/i18n"
	"github.com/orgnet/orgnet/scenarios"
	"github.com/orgnet/orgnet/sim"
)

// group is a set of parameters shown together on the page; Key names its
// heading in the label catalogue.
type group struct {
	Key   string
	Paths []string
}

// groups is the curated list of the main parameters the page offers as
// sliders and switches, in the order they are shown. Parameters a preset sets
// that are not listed here are added to a group of their own.
var groups = []group{
	{"web.group.scenario", []string{"sovereignty.handed", "network.governance", "network.institutionalisation", "network.coordination_fte", "intervention.share", "trust.initial", "sovereignty.trojan_horse", "adaptation.enabled", "residents.members"}},
	{"web.group.fund", []string{"fund.enabled", "fund.repayment", "fund.contributions"}},
	{"web.group.exec_plus", []string{"forces.executive.indirect_value", "forces.executive.switching", "forces.executive.examples"}},
	{"web.group.exec_minus", []string{"forces.executive.system_world", "forces.executive.supervisors"}},
	{"web.group.mgr_plus", []string{"forces.manager.indirect_value", "forces.manager.network_team"}},
	{"web.group.mgr_minus", []string{"forces.manager.internal_procedures", "forces.manager.internal_success", "forces.manager.experienced_loss", "forces.manager.loss_of_control"}},
	{"web.group.prof_plus", []string{"forces.professional.direct_value", "forces.professional.frontline"}},
	{"web.group.prof_minus", []string{"forces.professional.complexity", "forces.professional.own_criteria", "forces.backlash"}},
	{"web.group.turnover", []string{"turnover.executive", "turnover.manager", "turnover.professional", "turnover.network_manager"}},
	{"web.group.partners", []string{"partners.municipality", "partners.housing", "partners.care", "partners.welfare", "partners.school", "partners.company", "partners.residents", "persons.professionals"}},
}

// curated lists every path of groups, for membership tests.
var curated = func() map[string]bool {
	m := map[string]bool{}
	for _, g := range groups {
		for _, p := range g.Paths {
			if _, ok := sim.Lookup(p); !ok {
				panic("web: curated parameter not in the registry: " + p)
			}
			m[p] = true
		}
	}
	return m
}()

// uiMax caps a slider's range below the registry's maximum where the
// registry allows far more than a page should offer; typed values are still
// checked against the registry and the server's caps.
var uiMax = map[string]float64{
	"partners.municipality": 20, "partners.housing": 20, "partners.care": 30, "partners.welfare": 30,
	"partners.school": 20, "partners.company": 20, "partners.residents": 20,
	"network.coordination_fte": 10, "fund.contributions": 200,
}

// paramView is one slider or switch as the page draws it.
type paramView struct {
	Path    string   `json:"path"`
	Label   string   `json:"label"`
	Meaning string   `json:"meaning"`
	Unit    string   `json:"unit"`
	UnitOne string   `json:"unit_one,omitempty"` // The unit after the number 1, where it differs.
	Kind    string   `json:"kind"`               // number, integer, boolean, choice
	Min     float64  `json:"min"`
	Max     float64  `json:"max"`  // Slider maximum (at most the registry's).
	RMax    float64  `json:"rmax"` // Registry maximum.
	Step    float64  `json:"step"`
	Value   string   `json:"value"` // Current value, in scenario-file form.
	Default string   `json:"default"`
	Choices []string `json:"choices,omitempty"`
	Labels  []string `json:"choice_labels,omitempty"`
}

type groupView struct {
	Key    string      `json:"key"`
	Title  string      `json:"title"`
	Params []paramView `json:"params"`
}

// paramGroups returns the page's groups for a preset's configuration: the
// curated groups, then the preset's own settings that are not among them.
func paramGroups(cfg *sim.Config, lang i18n.Lang) []groupView {
	var out []groupView
	for _, g := range groups {
		gv := groupView{Key: g.Key, Title: label(lang, g.Key)}
		for _, path := range g.Paths {
			gv.Params = append(gv.Params, viewOf(cfg, path, lang))
		}
		out = append(out, gv)
	}
	def := sim.Defaults()
	own := groupView{Key: "web.group.preset", Title: label(lang, "web.group.preset")}
	for _, p := range sim.Params() {
		if curated[p.Path] || p.Path == "run.years" || p.Path == "run.seed" || p.Path == "run.replications" {
			continue
		}
		a, _ := cfg.Number(p.Path)
		b, _ := def.Number(p.Path)
		if a != b {
			own.Params = append(own.Params, viewOf(cfg, p.Path, lang))
		}
	}
	if len(own.Params) > 0 {
		out = append([]groupView{own}, out...)
	}
	return out
}

func viewOf(cfg *sim.Config, path string, lang i18n.Lang) paramView {
	p, _ := sim.Lookup(path)
	v, _ := cfg.Format(path)
	d := sim.Defaults()
	dv, _ := d.Format(path)
	pv := paramView{Path: path, Label: paramLabel(lang, path), Meaning: paramMeaning(lang, path), Unit: unitLabel(lang, p.Unit),
		Kind: p.Kind.String(), Min: p.Min, Max: p.Max, RMax: p.Max, Value: v, Default: dv, Choices: p.Choices}
	if k := "web.unit.one." + p.Unit; i18n.Has(lang, k) {
		pv.UnitOne = i18n.T(lang, k)
	}
	if m, ok := uiMax[path]; ok && m < p.Max {
		pv.Max = m
	}
	if path == "persons.professionals" {
		pv.Max = 2000
	}
	if x, err := cfg.Number(path); err == nil && x > pv.Max {
		pv.Max = x
	}
	switch p.Kind {
	case sim.Int, sim.Bool, sim.Choice:
		pv.Step = 1
	default:
		pv.Step = niceStep((pv.Max - pv.Min) / 100)
	}
	for _, c := range p.Choices {
		pv.Labels = append(pv.Labels, choiceLabel(lang, path, c))
	}
	return pv
}

// niceStep rounds a step up to 1, 2 or 5 times a power of ten.
func niceStep(x float64) float64 {
	if x <= 0 {
		return 0.01
	}
	e := math.Pow(10, math.Floor(math.Log10(x)))
	for _, f := range []float64{1, 2, 5, 10} {
		if x <= f*e {
			return f * e
		}
	}
	return 10 * e
}

// runRequest describes a run: a preset, the parameters changed on top of it,
// and the run's length and seed.
type runRequest struct {
	Preset  string                `json:"preset"`
	Params  map[string]paramValue `json:"params"`
	Years   *float64              `json:"years"`
	Seed    *int64                `json:"seed"`
	Changes []change              `json:"-"`
}

// resolve builds and checks the configuration of a run request against the
// registry and the server's caps. Every problem is an *inputError naming the
// parameter and what is allowed.
func (s *Server) resolve(req *runRequest) (*sim.Config, error) {
	if req.Preset == "" {
		req.Preset = scenarios.Default
	}
	if !slices.Contains(scenarios.Names(), req.Preset) {
		return nil, badInput("preset: unknown preset %q; allowed: %v", req.Preset, scenarios.Names())
	}
	cfg, err := scenarios.Preset(req.Preset)
	if err != nil {
		return nil, fmt.Errorf("preset %s: %w", req.Preset, err)
	}
	if len(req.Params) > len(sim.Params()) {
		return nil, badInput("params: too many parameters")
	}
	paths := make([]string, 0, len(req.Params))
	for p := range req.Params {
		paths = append(paths, p)
	}
	slices.Sort(paths)
	req.Changes = nil
	for _, path := range paths {
		if path == "run.years" || path == "run.seed" || path == "run.replications" {
			return nil, badInput("%s: set it with the years and seed fields, not as a parameter", path)
		}
		if err := cfg.Set(path, string(req.Params[path])); err != nil {
			return nil, badInput("parameter %v", err)
		}
		v, _ := cfg.Format(path)
		req.Changes = append(req.Changes, change{path, v})
	}
	if req.Years != nil {
		y := *req.Years
		p, _ := sim.Lookup("run.years")
		if math.IsNaN(y) || y < p.Min || y > s.opts.MaxYears {
			return nil, badInput("years: %v is out of range; allowed: a number from %v to %v years (this server's cap)", y, p.Min, s.opts.MaxYears)
		}
		cfg.Run.Years = y
	}
	if cfg.Run.Years > s.opts.MaxYears {
		return nil, badInput("years: the preset runs %v years; allowed: at most %v years on this server", cfg.Run.Years, s.opts.MaxYears)
	}
	if req.Seed != nil {
		if err := cfg.Set("run.seed", strconv.FormatInt(*req.Seed, 10)); err != nil {
			return nil, badInput("seed: %v", err)
		}
	}
	if err := cfg.Validate(); err != nil {
		return nil, badInput("%v", err)
	}
	if n := personsOf(cfg); n > s.opts.MaxPersons {
		return nil, badInput("persons.professionals: this run would have about %d persons; allowed: at most %d on this server (lower persons.professionals, the partners or network.count)", n, s.opts.MaxPersons)
	}
	return cfg, nil
}

// personsOf estimates the persons of a run: professionals, their managers and
// the executives of every partner, over all networks.
func personsOf(cfg *sim.Config) int {
	p := cfg.Partners
	orgs := p.Municipality + p.Housing + p.Care + p.Welfare + p.School + p.Company + p.Residents
	per := cfg.Persons.Professionals + (cfg.Persons.Professionals+cfg.Persons.SpanOfControl-1)/cfg.Persons.SpanOfControl + orgs*cfg.Persons.ExecutivesPerOrg
	return per * cfg.Network.Count
}

// paramValue is a parameter value sent by the page: a JSON string, number or
// boolean, kept in its text form for sim.Config.Set.
type paramValue string

func (v *paramValue) UnmarshalJSON(b []byte) error {
	var x any
	if err := json.Unmarshal(b, &x); err != nil {
		return err
	}
	switch t := x.(type) {
	case string:
		*v = paramValue(t)
	case float64, bool:
		*v = paramValue(string(b))
	default:
		return fmt.Errorf("a parameter value must be a string, number or boolean, not %s", b)
	}
	return nil
}
