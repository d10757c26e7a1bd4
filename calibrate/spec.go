// Package calibrate infers orgnet's parameters from the seed's figures by
// Approximate Bayesian Computation (ABC-SMC, see package abc), and carries
// the posterior into the answers of orgnet run and orgnet compare.
//
// A calibration is described by a TOML file (see Example), read with Parse
// or LoadFile into a *Spec: the parameters with their priors, the targets
// (a metric of a named scenario at a year, the seed's figure and a scale),
// held-out figures (simulated and reported, never fitted), constraints
// (patterns every accepted parameter set must show), replications per
// particle, population, stopping rule and seed. Run runs it, journaling
// every simulation so an interrupted calibration resumes to the same
// result, and writes posterior.csv, posterior.parquet, calibration.json,
// plots and report.html. LoadPosterior reads a posterior back; its Apply
// sets one posterior draw per replication.
package calibrate

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"

	"github.com/orgnet/orgnet/calibrate/abc"
	"github.com/orgnet/orgnet/scenarios"
	"github.com/orgnet/orgnet/sim"
)

// Error is a problem in a calibration file: "file:line: key: problem".
type Error = scenarios.Error

// Spec is a parsed and checked calibration.
type Spec struct {
	File         string       `json:"file"`
	Mode         string       `json:"mode"` // abc.SMC or abc.Rejection.
	Seed         uint64       `json:"seed"`
	Population   int          `json:"population"`
	Replications int          `json:"replications"` // Runs per particle and scenario, with their own seeds; targets compare the mean.
	Quantile     float64      `json:"quantile"`
	Kernel       string       `json:"kernel"`     // abc.KernelNormal or abc.KernelOLCM.
	Predictive   int          `json:"predictive"` // Posterior draws simulated afresh for the predictive check.
	Stop         Stop         `json:"stop"`
	Parameters   []Parameter  `json:"parameters"`
	Targets      []Target     `json:"targets"` // Fitted targets, then held-out ones, in file order.
	Constraints  []Constraint `json:"constraints"`
	Scenarios    []Scenario   `json:"scenarios"` // Scenarios the targets and constraints run, in order of first use.
}

// Stop is the stopping rule.
type Stop struct {
	Generations    int     `json:"generations"`
	MinTolerance   float64 `json:"min_tolerance"`
	MinAcceptance  float64 `json:"min_acceptance"`
	MaxSimulations int     `json:"max_simulations"`
}

// Parameter is a calibrated parameter with its prior.
type Parameter struct {
	Path  string    `json:"path"`
	Prior abc.Prior `json:"-"`
	// The prior as written.
	Kind string   `json:"prior"`
	Min  *float64 `json:"min,omitempty"`
	Max  *float64 `json:"max,omitempty"`
	Mean *float64 `json:"mean,omitempty"`
	SD   *float64 `json:"sd,omitempty"`
}

// Target is a figure of the seed the model should reproduce: the sum of
// Metrics of Scenario at Year, mean over the replications.
type Target struct {
	Name     string   `json:"name"`
	Scenario string   `json:"scenario"`
	Metrics  []string `json:"metrics"` // Summed.
	Year     float64  `json:"year"`
	Value    float64  `json:"value"`            // The seed's figure.
	Scale    float64  `json:"scale"`            // Distance unit: a miss of Scale counts 1.
	HeldOut  bool     `json:"held_out"`         // Reported in the predictive check, not fitted.
	Source   string   `json:"source,omitempty"` // Where the figure comes from.
	index    []int
	scenario int
}

// Constraint is a pattern every accepted parameter set must show: Left Op
// Right (or Op Value) for Scenario at Year, means over the replications.
type Constraint struct {
	Name     string   `json:"name"`
	Scenario string   `json:"scenario"`
	Year     float64  `json:"year"`
	Left     []string `json:"left"`
	Op       string   `json:"op"`
	Right    []string `json:"right,omitempty"`
	Value    *float64 `json:"value,omitempty"`
	left     []int
	right    []int
	scenario int
}

// Scenario is a scenario the calibration runs, up to the last year it is
// read at.
type Scenario struct {
	Ref    string      `json:"ref"`   // Preset name or file as written.
	Years  float64     `json:"years"` // Run length.
	TOML   string      `json:"scenario"`
	Config *sim.Config `json:"-"`
}

// Ops are the comparisons of a constraint.
var Ops = []string{">", ">=", "<", "<="}

// Settings returns the settings of the ABC run.
func (s *Spec) Settings() abc.Settings {
	ps := make([]abc.Prior, len(s.Parameters))
	for i, p := range s.Parameters {
		ps[i] = p.Prior
	}
	return abc.Settings{Mode: s.Mode, Priors: ps, Population: s.Population, Quantile: s.Quantile, Kernel: s.Kernel,
		Generations: s.Stop.Generations, MinTolerance: s.Stop.MinTolerance, MinAcceptance: s.Stop.MinAcceptance,
		MaxSimulations: s.Stop.MaxSimulations, Seed: s.Seed}
}

// Hash identifies the resolved calibration: equal hashes run the same
// simulations. The journal carries it.
func (s *Spec) Hash() string {
	c := *s
	c.File = ""
	data, _ := json.Marshal(&c)
	h := sha256.Sum256(data)
	return hex.EncodeToString(h[:8])
}

// LoadFile reads and checks a calibration file.
func LoadFile(path string) (*Spec, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, &Error{File: path, Problem: fmt.Sprintf("cannot read: %v", errors.Unwrap(err))}
	}
	return Parse(path, data)
}

type rawSpec struct {
	Mode         string          `toml:"mode"`
	Seed         *int64          `toml:"seed"`
	Population   *int            `toml:"population"`
	Replications *int            `toml:"replications"`
	Quantile     *float64        `toml:"quantile"`
	Kernel       string          `toml:"kernel"`
	Predictive   *int            `toml:"predictive"`
	Stop         rawStop         `toml:"stop"`
	Parameters   []rawParameter  `toml:"parameters"`
	Targets      []rawTarget     `toml:"targets"`
	Constraints  []rawConstraint `toml:"constraints"`
}

type rawStop struct {
	Generations    *int     `toml:"generations"`
	MinTolerance   *float64 `toml:"min_tolerance"`
	MinAcceptance  *float64 `toml:"min_acceptance"`
	MaxSimulations *int     `toml:"max_simulations"`
}

type rawParameter struct {
	Path  string   `toml:"path"`
	Prior string   `toml:"prior"`
	Min   *float64 `toml:"min"`
	Max   *float64 `toml:"max"`
	Mean  *float64 `toml:"mean"`
	SD    *float64 `toml:"sd"`
}

type rawTarget struct {
	Name     string   `toml:"name"`
	Scenario string   `toml:"scenario"`
	Metric   string   `toml:"metric"`
	Year     *float64 `toml:"year"`
	Value    *float64 `toml:"value"`
	Scale    *float64 `toml:"scale"`
	HeldOut  bool     `toml:"held_out"`
	Source   string   `toml:"source"`
}

type rawConstraint struct {
	Name     string   `toml:"name"`
	Scenario string   `toml:"scenario"`
	Year     *float64 `toml:"year"`
	Left     string   `toml:"left"`
	Op       string   `toml:"op"`
	Right    string   `toml:"right"`
	Value    *float64 `toml:"value"`
}

var validName = regexp.MustCompile(`^[A-Za-z][A-Za-z0-9_.]*$`)

// Parse reads calibration text; file names it in errors and is where
// relative scenario files are found from. Every problem is reported before
// any run, as file:line: key: problem and what is allowed.
func Parse(file string, data []byte) (*Spec, error) {
	var raw rawSpec
	fail, err := scenarios.DecodeStrict(file, data, &raw, allowedKeys)
	if err != nil {
		return nil, err
	}
	s := &Spec{File: file, Mode: raw.Mode, Population: 100, Replications: 1, Quantile: 0.5,
		Stop: Stop{Generations: 6, MinAcceptance: 0.01}}
	if s.Mode == "" {
		s.Mode = abc.SMC
	}
	if s.Mode != abc.SMC && s.Mode != abc.Rejection {
		return nil, fail("mode", "unknown mode %q; allowed: %s, %s", s.Mode, abc.SMC, abc.Rejection)
	}
	if raw.Seed != nil {
		if *raw.Seed < 0 {
			return nil, fail("seed", "%d is negative; allowed: an integer from 0", *raw.Seed)
		}
		s.Seed = uint64(*raw.Seed)
	}
	if raw.Population != nil {
		if s.Population = *raw.Population; s.Population < 2 || s.Population > 1000000 {
			return nil, fail("population", "%d; allowed: an integer from 2 to 1000000", s.Population)
		}
	}
	if raw.Replications != nil {
		if s.Replications = *raw.Replications; s.Replications < 1 || s.Replications > 1000 {
			return nil, fail("replications", "%d; allowed: an integer from 1 to 1000", s.Replications)
		}
	}
	if raw.Quantile != nil {
		if s.Quantile = *raw.Quantile; !(s.Quantile > 0 && s.Quantile < 1) {
			return nil, fail("quantile", "%v; allowed: a number between 0 and 1 (exclusive)", s.Quantile)
		}
	}
	s.Kernel = raw.Kernel
	switch {
	case s.Kernel == "":
		s.Kernel = abc.KernelNormal
	case s.Kernel != abc.KernelNormal && s.Kernel != abc.KernelOLCM:
		return nil, fail("kernel", "unknown kernel %q; allowed: %s (twice the population's covariance), %s (a local covariance per particle)", s.Kernel, abc.KernelNormal, abc.KernelOLCM)
	case s.Mode == abc.Rejection:
		return nil, fail("kernel", "rejection ABC has no perturbation kernel")
	}
	s.Predictive = min(50, s.Population)
	if raw.Predictive != nil {
		if s.Predictive = *raw.Predictive; s.Predictive < 0 || s.Predictive > 100000 {
			return nil, fail("predictive", "%d; allowed: an integer from 0 to 100000 (0: no predictive check)", s.Predictive)
		}
	}
	st := raw.Stop
	if st.Generations != nil {
		if s.Stop.Generations = *st.Generations; s.Stop.Generations < 1 || s.Stop.Generations > 1000 {
			return nil, fail("stop.generations", "%d; allowed: an integer from 1 to 1000", s.Stop.Generations)
		}
	}
	if st.MinTolerance != nil {
		if s.Stop.MinTolerance = *st.MinTolerance; s.Stop.MinTolerance < 0 || math.IsInf(s.Stop.MinTolerance, 0) {
			return nil, fail("stop.min_tolerance", "%v; allowed: a number from 0", s.Stop.MinTolerance)
		}
	}
	if st.MinAcceptance != nil {
		if s.Stop.MinAcceptance = *st.MinAcceptance; s.Stop.MinAcceptance < 0 || s.Stop.MinAcceptance >= 1 {
			return nil, fail("stop.min_acceptance", "%v; allowed: a number from 0 to below 1", s.Stop.MinAcceptance)
		}
	}
	if st.MaxSimulations != nil {
		if s.Stop.MaxSimulations = *st.MaxSimulations; s.Stop.MaxSimulations < 0 {
			return nil, fail("stop.max_simulations", "%d; allowed: an integer from 0 (0: no limit)", s.Stop.MaxSimulations)
		}
	}
	if s.Mode == abc.Rejection && (st.Generations != nil || st.MinTolerance != nil || st.MinAcceptance != nil) {
		return nil, fail("stop", "rejection ABC has one generation; only stop.max_simulations applies")
	}
	if s.Stop.MaxSimulations > 0 && s.Stop.MaxSimulations < s.Population {
		return nil, fail("stop.max_simulations", "%d is below the population (%d): not even one generation fits", s.Stop.MaxSimulations, s.Population)
	}

	// Parameters.
	if len(raw.Parameters) == 0 {
		return nil, fail("", "no [[parameters]] to calibrate")
	}
	for i, rp := range raw.Parameters {
		at := func(f string) string { return fmt.Sprintf("parameters[%d].%s", i, f) }
		p, err := parseParameter(rp, at)
		if err != nil {
			var e *fieldError
			if errors.As(err, &e) {
				return nil, fail(e.key, "%s", e.problem)
			}
			return nil, err
		}
		if slices.ContainsFunc(s.Parameters, func(q Parameter) bool { return q.Path == p.Path }) {
			return nil, fail(at("path"), "%s is calibrated twice", p.Path)
		}
		s.Parameters = append(s.Parameters, p)
	}

	// Scenarios, targets and constraints.
	scen := map[string]int{}
	useScenario := func(ref, key string, year float64) (int, error) {
		if ref == "" {
			return 0, fail(key, "scenario is missing; allowed: a preset (%s) or a scenario file", strings.Join(scenarios.Names(), ", "))
		}
		i, ok := scen[ref]
		if !ok {
			path := ref
			if isFile(ref) && !filepath.IsAbs(ref) {
				path = filepath.Join(filepath.Dir(file), ref)
			}
			cfg, err := scenarios.Load(path)
			if err != nil {
				var se *Error
				if errors.As(err, &se) && se.File == "preset "+ref {
					return 0, fail(key+".scenario", "unknown preset %q; allowed: %s, or a scenario file (ending in .toml)", ref, strings.Join(scenarios.Names(), ", "))
				}
				return 0, fmt.Errorf("%s:%d: %s.scenario: %w", file, scenarios.Locate(data, key+".scenario"), key, err)
			}
			i = len(s.Scenarios)
			scen[ref] = i
			s.Scenarios = append(s.Scenarios, Scenario{Ref: ref, Config: cfg})
		}
		max := s.Scenarios[i].Config.Run.Years
		if year <= 0 || year > max {
			return 0, fail(key+".year", "%v is not within the scenario's run (above 0, at most %v years)", year, max)
		}
		s.Scenarios[i].Years = math.Max(s.Scenarios[i].Years, year)
		return i, nil
	}
	names := map[string]bool{}
	for _, p := range s.Parameters {
		names[p.Path] = true
	}
	for _, c := range fixedColumns {
		names[c] = true
	}
	fitted := 0
	for i, rt := range raw.Targets {
		key := fmt.Sprintf("targets[%d]", i)
		t := Target{Name: rt.Name, Scenario: rt.Scenario, HeldOut: rt.HeldOut, Source: rt.Source}
		if rt.Year == nil {
			return nil, fail(key, "year is missing: the year (since the start) the figure holds at")
		}
		t.Year = *rt.Year
		if t.scenario, err = useScenario(rt.Scenario, key, t.Year); err != nil {
			return nil, err
		}
		if t.Metrics, t.index, err = parseSum(rt.Metric); err != nil {
			return nil, fail(key+".metric", "%v", err)
		}
		if rt.Value == nil {
			return nil, fail(key, "value is missing: the seed's figure")
		}
		t.Value = *rt.Value
		if rt.Scale == nil {
			return nil, fail(key, "scale is missing: how far off counts as a distance of 1 (e.g. the figure's uncertainty)")
		}
		if t.Scale = *rt.Scale; !(t.Scale > 0) || math.IsInf(t.Scale, 0) {
			return nil, fail(key+".scale", "%v; allowed: a number above 0", t.Scale)
		}
		if t.Name == "" {
			t.Name = fmt.Sprintf("target%d", i+1)
		}
		if !validName.MatchString(t.Name) {
			return nil, fail(key+".name", "%q is not a column name; allowed: letters, digits, _ and . (starting with a letter)", t.Name)
		}
		if _, ok := sim.Lookup(t.Name); ok {
			return nil, fail(key+".name", "%q is a parameter's path; name the target otherwise", t.Name)
		}
		if names[t.Name] {
			return nil, fail(key+".name", "name %q is used twice (or is a column of posterior.csv)", t.Name)
		}
		names[t.Name] = true
		if !t.HeldOut {
			fitted++
		}
		s.Targets = append(s.Targets, t)
	}
	if fitted == 0 {
		return nil, fail("", "no [[targets]] to fit (held-out targets are not fitted)")
	}
	for i, rc := range raw.Constraints {
		key := fmt.Sprintf("constraints[%d]", i)
		c := Constraint{Name: rc.Name, Scenario: rc.Scenario, Op: rc.Op, Value: rc.Value}
		if rc.Year == nil {
			return nil, fail(key, "year is missing")
		}
		c.Year = *rc.Year
		if c.scenario, err = useScenario(rc.Scenario, key, c.Year); err != nil {
			return nil, err
		}
		if c.Left, c.left, err = parseSum(rc.Left); err != nil {
			return nil, fail(key+".left", "%v", err)
		}
		if !slices.Contains(Ops, c.Op) {
			return nil, fail(key+".op", "%q; allowed: %s", c.Op, strings.Join(Ops, " "))
		}
		switch {
		case rc.Right != "" && rc.Value != nil:
			return nil, fail(key+".value", "give right (metrics) or value (a number), not both")
		case rc.Right != "":
			if c.Right, c.right, err = parseSum(rc.Right); err != nil {
				return nil, fail(key+".right", "%v", err)
			}
		case rc.Value == nil:
			return nil, fail(key, "right or value is missing: what left is compared with")
		}
		if c.Name == "" {
			c.Name = fmt.Sprintf("%s %s %s", strings.Join(c.Left, " + "), c.Op, c.rightText())
		}
		s.Constraints = append(s.Constraints, c)
	}
	for i := range s.Scenarios {
		sc := &s.Scenarios[i]
		sc.Years = math.Ceil(sc.Years*sim.WeeksPerYear) / sim.WeeksPerYear
		sc.Config.Run.Years = sc.Years
		sc.Config.Events = slices.DeleteFunc(sc.Config.Events, func(e sim.Event) bool { return e.Rate == 0 && e.Year > sc.Years })
		if err := sc.Config.Validate(); err != nil {
			return nil, fail("", "scenario %s run for %v years: %v", sc.Ref, sc.Years, err)
		}
		sc.TOML = string(scenarios.Encode(sc.Config, false))
	}
	return s, nil
}

// fieldError is a problem with one key of a table.
type fieldError struct{ key, problem string }

func (e *fieldError) Error() string { return e.key + ": " + e.problem }

func parseParameter(rp rawParameter, at func(string) string) (Parameter, error) {
	bad := func(f, format string, args ...any) error { return &fieldError{at(f), fmt.Sprintf(format, args...)} }
	p := Parameter{Path: rp.Path, Kind: rp.Prior, Min: rp.Min, Max: rp.Max, Mean: rp.Mean, SD: rp.SD}
	if rp.Path == "" {
		return p, bad("path", "path is missing: a dotted parameter path (orgnet params lists them)")
	}
	reg, ok := sim.Lookup(rp.Path)
	if !ok {
		_, err := sim.Defaults().Number(rp.Path)
		return p, bad("path", "%s", strings.TrimPrefix(err.Error(), rp.Path+": "))
	}
	if reg.Kind != sim.Float && reg.Kind != sim.Int {
		return p, bad("path", "%s is a %s; only numbers can be calibrated", rp.Path, reg.Kind)
	}
	if strings.HasPrefix(rp.Path, "run.") {
		return p, bad("path", "%s is a run setting, not a model parameter", rp.Path)
	}
	pr := abc.Prior{Kind: rp.Prior}
	need := func(v *float64, f string) (float64, error) {
		if v == nil {
			return 0, bad("prior", "a %s prior needs %s", rp.Prior, f)
		}
		return *v, nil
	}
	var err error
	switch rp.Prior {
	case abc.Uniform, abc.LogUniform, abc.TruncNorm:
		if pr.Min, err = need(rp.Min, "min"); err != nil {
			return p, err
		}
		if pr.Max, err = need(rp.Max, "max"); err != nil {
			return p, err
		}
	case abc.Normal:
		if rp.Min != nil || rp.Max != nil {
			return p, bad("min", "a normal prior has no bounds; use prior = \"truncnormal\" for a bounded one")
		}
	case "":
		return p, bad("prior", "prior is missing; allowed: %s", strings.Join(abc.Kinds, ", "))
	default:
		return p, bad("prior", "unknown prior %q; allowed: %s", rp.Prior, strings.Join(abc.Kinds, ", "))
	}
	switch rp.Prior {
	case abc.Normal, abc.TruncNorm:
		if pr.Mean, err = need(rp.Mean, "mean"); err != nil {
			return p, err
		}
		if pr.SD, err = need(rp.SD, "sd"); err != nil {
			return p, err
		}
	default:
		if rp.Mean != nil || rp.SD != nil {
			return p, bad("mean", "mean and sd are for normal and truncnormal priors")
		}
	}
	if err := pr.Check(); err != nil {
		key := "min"
		if rp.Prior == abc.Normal {
			key = "sd"
		}
		return p, bad(key, "%v", err)
	}
	lo, hi := pr.Bounds()
	if rp.Prior == abc.Normal {
		lo, hi = pr.Mean-4*pr.SD, pr.Mean+4*pr.SD
	}
	for _, x := range []struct {
		v   float64
		key string
	}{{lo, "min"}, {hi, "max"}} {
		if x.v < reg.Min || x.v > reg.Max {
			if rp.Prior == abc.Normal {
				return p, bad("sd", "mean ± 4 sd reaches %v, outside the parameter's range %s; use prior = \"truncnormal\" with min and max", x.v, reg.Allowed())
			}
			return p, bad(x.key, "%v is out of the parameter's range; allowed: %s", x.v, reg.Allowed())
		}
	}
	p.Prior = pr
	return p, nil
}

// parseSum reads "metric" or "metric + metric + ...".
func parseSum(expr string) ([]string, []int, error) {
	if strings.TrimSpace(expr) == "" {
		return nil, nil, fmt.Errorf("missing; allowed: a metric or a sum of metrics (a + b) of %s", strings.Join(sim.MetricNames[2:], ", "))
	}
	var names []string
	var idx []int
	for _, part := range strings.Split(expr, "+") {
		n := strings.TrimSpace(part)
		i := sim.MetricIndex(n)
		if i < 2 {
			return nil, nil, fmt.Errorf("unknown metric %q; allowed: %s (or a sum, a + b)", n, strings.Join(sim.MetricNames[2:], ", "))
		}
		names = append(names, n)
		idx = append(idx, i)
	}
	return names, idx, nil
}

func (c Constraint) rightText() string {
	if c.Value != nil {
		return fmt.Sprint(*c.Value)
	}
	return strings.Join(c.Right, " + ")
}

// Text states the constraint ("orientation_professional > orientation_manager
// in bossche-bond at year 4").
func (c Constraint) Text() string {
	return fmt.Sprintf("%s %s %s in %s at year %v", strings.Join(c.Left, " + "), c.Op, c.rightText(), c.Scenario, c.Year)
}

func isFile(ref string) bool {
	return strings.HasSuffix(ref, ".toml") || strings.ContainsRune(ref, '/') || strings.ContainsRune(ref, filepath.Separator)
}

func allowedKeys(key string) string {
	switch {
	case strings.HasPrefix(key, "parameters."):
		return "path, prior, min, max, mean, sd"
	case strings.HasPrefix(key, "targets."):
		return "name, scenario, metric, year, value, scale, held_out, source"
	case strings.HasPrefix(key, "constraints."):
		return "name, scenario, year, left, op, right, value"
	case strings.HasPrefix(key, "stop."):
		return "generations, min_tolerance, min_acceptance, max_simulations"
	}
	return "mode, seed, population, replications, quantile, kernel, predictive, [stop], [[parameters]], [[targets]], [[constraints]]"
}

// fixedColumns are the first columns of posterior.csv.
var fixedColumns = []string{"generation", "particle", "weight", "distance"}
