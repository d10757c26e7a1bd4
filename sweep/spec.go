// Package sweep runs parameter sweeps of orgnet: many runs of one base
// scenario with parameters varied by a sampling design (grid, random, Latin
// hypercube, Morris or Sobol/Saltelli), with replications, recording chosen
// outcomes of every run.
//
// A sweep is described by a TOML file (see Example), read with Parse or
// LoadFile into a *Spec. Design turns a Spec into samples (points in
// parameter space); Run executes the runs of a sweep (samples times
// replications) on a pool of workers, appends every finished run to a
// journal so an interrupted sweep can be resumed, and writes runs.csv,
// runs.parquet and sweep.json (and optionally timeseries.parquet). Runs can
// be split into shards for a cluster; Merge combines the shards.
//
// Every run's seed derives from the master seed and the run id, so results
// do not depend on the number of workers, on sharding, or on interruptions.
package sweep

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
	"strconv"
	"strings"

	"github.com/orgnet/orgnet/scenarios"
	"github.com/orgnet/orgnet/sim"
)

// Error is a problem in a sweep file. It is the scenario file's error type,
// so problems in the sweep and in its base scenario read alike:
// "file:line: key: problem".
type Error = scenarios.Error

// Sampling methods.
const (
	Grid   = "grid"   // Full factorial of the parameters' values.
	Random = "random" // Independent uniform draws.
	LHS    = "lhs"    // Latin hypercube.
	Morris = "morris" // Morris elementary-effects trajectories.
	Sobol  = "sobol"  // Saltelli (2010) A, B and AB_i matrices for Sobol indices.
)

// Methods lists the sampling methods.
var Methods = []string{Grid, Random, LHS, Morris, Sobol}

// Outcome statistics.
const (
	StatFinal  = "final"   // Value at the last tick.
	StatMean   = "mean"    // Mean over the ticks in [from_year, to_year].
	StatMax    = "max"     // Largest value over the run.
	StatMin    = "min"     // Smallest value over the run.
	StatTimeTo = "time_to" // First year the metric reaches threshold (NaN if never).
)

// Stats lists the outcome statistics.
var Stats = []string{StatFinal, StatMean, StatMax, StatMin, StatTimeTo}

// Spec is a parsed and checked sweep.
type Spec struct {
	File         string      `json:"file"`                    // Sweep file as given.
	Base         string      `json:"base"`                    // Base scenario: a preset name or a scenario file.
	Method       string      `json:"method"`                  // One of Methods.
	Samples      int         `json:"samples"`                 // See the sweep file documentation: meaning depends on Method.
	Replications int         `json:"replications"`            // Runs per sample, each with its own seed.
	Seed         uint64      `json:"seed"`                    // Master seed.
	Years        float64     `json:"years"`                   // Simulated years of every run (the base's unless overridden).
	Parameters   []Parameter `json:"parameters"`              // Varied parameters, in file order.
	Outcomes     []Outcome   `json:"outcomes"`                // Recorded outcomes, in file order.
	Levels       int         `json:"morris_levels,omitempty"` // Morris grid levels p (even).

	// BaseConfig is the resolved base scenario with Years applied.
	BaseConfig *sim.Config `json:"-"`
	// BaseTOML is the resolved base scenario as a complete scenario file.
	BaseTOML string `json:"base_scenario"`
}

// Parameter is one varied parameter. Either Values is set (a list of
// values, choices as their index, booleans as 0 and 1) or Min and Max (a
// range, sampled uniformly, or log-uniformly when Log is set).
type Parameter struct {
	Path   string    `json:"path"`             // Dotted registry path.
	Values []float64 `json:"values,omitempty"` // Explicit values (nil for a range).
	Min    float64   `json:"min"`              // Range (or smallest of Values).
	Max    float64   `json:"max"`              // Range (or largest of Values).
	Log    bool      `json:"log,omitempty"`    // Sample the range on a log scale.
	Kind   sim.Kind  `json:"kind"`             // Value kind from the registry.
}

// Outcome is one recorded outcome of a run: a statistic of a metric.
type Outcome struct {
	Name      string  `json:"name"`                // Column name.
	Metric    string  `json:"metric"`              // One of sim.MetricNames.
	Stat      string  `json:"stat"`                // One of Stats.
	FromYear  float64 `json:"from_year,omitempty"` // Window start (mean).
	ToYear    float64 `json:"to_year,omitempty"`   // Window end (mean); the run's end if 0.
	Threshold float64 `json:"threshold,omitempty"` // Level to reach (time_to).
	Above     bool    `json:"above,omitempty"`     // time_to: reach at or above threshold (else at or below).
	Index     int     `json:"-"`                   // Metric index.
}

// Runs returns the number of runs of the sweep: samples of the design times
// replications.
func (s *Spec) Runs() (int, error) {
	n, err := DesignSize(s)
	if err != nil {
		return 0, err
	}
	return n * s.Replications, nil
}

// Hash identifies the resolved sweep: two sweeps with the same hash have the
// same runs with the same seeds. Shards and journals carry it.
func (s *Spec) Hash() string {
	c := *s
	c.File = ""
	data, _ := json.Marshal(&c)
	h := sha256.Sum256(data)
	return hex.EncodeToString(h[:8])
}

// Format returns sample value x of parameter p as written in runs.csv: a
// number, an integer (rounded), true/false, or a choice's name.
func (p Parameter) Format(x float64) string {
	switch p.Kind {
	case sim.Int:
		return strconv.FormatInt(int64(math.Round(x)), 10)
	case sim.Bool:
		return strconv.FormatBool(x != 0)
	case sim.Choice:
		q, _ := sim.Lookup(p.Path)
		i := int(math.Round(x))
		if i >= 0 && i < len(q.Choices) {
			return q.Choices[i]
		}
	}
	return strconv.FormatFloat(x, 'g', -1, 64)
}

// LoadFile reads and checks a sweep file.
func LoadFile(path string) (*Spec, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, &Error{File: path, Problem: fmt.Sprintf("cannot read: %v", errors.Unwrap(err))}
	}
	return Parse(path, data)
}

// rawSpec is the TOML form of a sweep file.
type rawSpec struct {
	Base         string         `toml:"base"`
	Method       string         `toml:"method"`
	Samples      *int           `toml:"samples"`
	Replications *int           `toml:"replications"`
	Seed         *int64         `toml:"seed"`
	Years        *float64       `toml:"years"`
	Parameters   []rawParameter `toml:"parameters"`
	Outcomes     []rawOutcome   `toml:"outcomes"`
	Morris       struct {
		Levels       *int `toml:"levels"`
		Trajectories *int `toml:"trajectories"`
	} `toml:"morris"`
}

type rawParameter struct {
	Path   string   `toml:"path"`
	Values []any    `toml:"values"`
	Min    *float64 `toml:"min"`
	Max    *float64 `toml:"max"`
	Log    bool     `toml:"log"`
}

type rawOutcome struct {
	Name      string   `toml:"name"`
	Metric    string   `toml:"metric"`
	Stat      string   `toml:"stat"`
	FromYear  *float64 `toml:"from_year"`
	ToYear    *float64 `toml:"to_year"`
	Threshold *float64 `toml:"threshold"`
	Above     *bool    `toml:"above"`
}

// Parse reads sweep text; file names it in errors and is the directory a
// relative base scenario file is found from. Every problem is reported
// before any run: unknown keys, unknown parameters or metrics, ranges with
// min > max, unknown methods, zero samples.
func Parse(file string, data []byte) (*Spec, error) {
	var raw rawSpec
	fail, err := scenarios.DecodeStrict(file, data, &raw, allowedKeys)
	if err != nil {
		return nil, err
	}
	s := &Spec{File: file, Base: raw.Base, Method: raw.Method}

	// Base scenario.
	if s.Base == "" {
		return nil, fail("", "base is missing: name a preset (%s) or a scenario file", strings.Join(scenarios.Names(), ", "))
	}
	ref := s.Base
	if isFile(ref) && !filepath.IsAbs(ref) {
		ref = filepath.Join(filepath.Dir(file), ref)
	}
	cfg, err := scenarios.Load(ref)
	if err != nil {
		var se *Error
		if errors.As(err, &se) && se.File == "preset "+s.Base {
			return nil, fail("base", "unknown preset %q; allowed: %s, or a scenario file (ending in .toml)", s.Base, strings.Join(scenarios.Names(), ", "))
		}
		return nil, fmt.Errorf("%s:%d: base: %w", file, scenarios.Locate(data, "base"), err)
	}
	s.Years = cfg.Run.Years
	if raw.Years != nil {
		p, _ := sim.Lookup("run.years")
		if !finite(*raw.Years) || *raw.Years < p.Min || *raw.Years > p.Max {
			return nil, fail("years", "%v is out of range; allowed: %s", *raw.Years, p.Allowed())
		}
		s.Years = *raw.Years
	}
	cfg.Run.Years = s.Years
	cfg.TrimEvents()
	if err := cfg.Validate(); err != nil {
		return nil, fail("base", "base scenario with years = %v: %v", s.Years, err)
	}
	s.BaseConfig = cfg
	s.BaseTOML = string(scenarios.Encode(cfg, false))

	// Method and sizes.
	if !slices.Contains(Methods, s.Method) {
		if s.Method == "" {
			return nil, fail("", "method is missing; allowed: %s", strings.Join(Methods, ", "))
		}
		return nil, fail("method", "unknown method %q; allowed: %s", s.Method, strings.Join(Methods, ", "))
	}
	if raw.Morris.Trajectories != nil {
		if s.Method != Morris {
			return nil, fail("morris.trajectories", "only for method = \"morris\"")
		}
		if raw.Samples != nil && *raw.Samples != *raw.Morris.Trajectories {
			return nil, fail("morris.trajectories", "differs from samples (%d); give one of them", *raw.Samples)
		}
		raw.Samples = raw.Morris.Trajectories
	}
	if raw.Samples != nil {
		s.Samples = *raw.Samples
		if s.Samples < 1 {
			return nil, fail("samples", "%d samples; allowed: a positive integer", s.Samples)
		}
	}
	s.Replications = 1
	if raw.Replications != nil {
		s.Replications = *raw.Replications
		if s.Replications < 1 || s.Replications > 100000 {
			return nil, fail("replications", "%d is out of range; allowed: an integer from 1 to 100000", s.Replications)
		}
	}
	if raw.Seed != nil {
		if *raw.Seed < 0 {
			return nil, fail("seed", "%d is negative; allowed: an integer from 0", *raw.Seed)
		}
		s.Seed = uint64(*raw.Seed)
	}
	if raw.Morris.Levels != nil {
		if s.Method != Morris {
			return nil, fail("morris.levels", "only for method = \"morris\"")
		}
		s.Levels = *raw.Morris.Levels
		if s.Levels < 2 || s.Levels%2 != 0 || s.Levels > 100 {
			return nil, fail("morris.levels", "%d levels; allowed: an even integer from 2 to 100", s.Levels)
		}
	} else if s.Method == Morris {
		s.Levels = 4
	}

	// Parameters.
	if len(raw.Parameters) == 0 {
		return nil, fail("", "no [[parameters]] to vary")
	}
	seen := map[string]bool{}
	for i, rp := range raw.Parameters {
		at := func(f string) string { return fmt.Sprintf("parameters[%d].%s", i, f) }
		if rp.Path == "" {
			return nil, fail(fmt.Sprintf("parameters[%d]", i), "path is missing")
		}
		p, ok := sim.Lookup(rp.Path)
		if !ok {
			_, err := sim.Defaults().Number(rp.Path)
			return nil, fail(at("path"), "%s", strings.TrimPrefix(err.Error(), rp.Path+": "))
		}
		if rp.Path == "run.seed" || rp.Path == "run.replications" {
			return nil, fail(at("path"), "%s is set by the sweep (seed, replications); it cannot be varied", rp.Path)
		}
		if seen[rp.Path] {
			return nil, fail(at("path"), "%s is varied twice", rp.Path)
		}
		seen[rp.Path] = true
		q := Parameter{Path: rp.Path, Kind: p.Kind, Log: rp.Log}
		switch {
		case rp.Values != nil && (rp.Min != nil || rp.Max != nil):
			return nil, fail(at("values"), "give either values or min and max, not both")
		case rp.Values != nil:
			if len(rp.Values) == 0 {
				return nil, fail(at("values"), "empty list")
			}
			if rp.Log {
				return nil, fail(at("log"), "only for a range (min and max)")
			}
			for _, v := range rp.Values {
				x, err := valueOf(p, v)
				if err == nil && !finite(x) {
					err = fmt.Errorf("%v is not a number", x)
				}
				if err != nil {
					return nil, fail(at("values"), "%v; allowed: %s", err, p.Allowed())
				}
				q.Values = append(q.Values, x)
			}
			q.Min, q.Max = slices.Min(q.Values), slices.Max(q.Values)
		case rp.Min == nil || rp.Max == nil:
			return nil, fail(fmt.Sprintf("parameters[%d]", i), "give values = [...] or both min and max")
		default:
			if p.Kind == sim.Choice || p.Kind == sim.Bool {
				return nil, fail(at("min"), "%s is a %s; give values = [...] instead of a range", rp.Path, p.Kind)
			}
			q.Min, q.Max = *rp.Min, *rp.Max
			if !finite(q.Min) {
				return nil, fail(at("min"), "%v is not a number; allowed: %s", q.Min, p.Allowed())
			}
			if !finite(q.Max) {
				return nil, fail(at("max"), "%v is not a number; allowed: %s", q.Max, p.Allowed())
			}
			if q.Min > q.Max {
				return nil, fail(at("min"), "min %v is larger than max %v", q.Min, q.Max)
			}
			if rp.Log && q.Min <= 0 {
				return nil, fail(at("min"), "a log range needs min > 0, not %v", q.Min)
			}
		}
		for _, x := range []float64{q.Min, q.Max} {
			if x < p.Min || x > p.Max {
				key := at("max")
				if q.Values != nil {
					key = at("values")
				} else if x == q.Min {
					key = at("min")
				}
				return nil, fail(key, "%v is out of range; allowed: %s", x, p.Allowed())
			}
		}
		s.Parameters = append(s.Parameters, q)
	}
	k := len(s.Parameters)
	switch s.Method {
	case Grid:
		ranges := slices.ContainsFunc(s.Parameters, func(p Parameter) bool { return p.Values == nil })
		if ranges && raw.Samples == nil {
			return nil, fail("", "samples is missing: for a grid, the number of points on each min/max range")
		}
		if ranges && s.Samples < 2 {
			return nil, fail("samples", "%d points on a range; allowed: at least 2 for a grid", s.Samples)
		}
	case Sobol, Morris:
		for i, p := range s.Parameters {
			if p.Values != nil && len(p.Values) < 2 {
				return nil, fail(fmt.Sprintf("parameters[%d].values", i), "a %s sweep needs at least two values per parameter", s.Method)
			}
		}
		fallthrough
	default:
		if raw.Samples == nil {
			return nil, fail("", "samples is missing")
		}
	}
	if s.Method == Sobol && k < 1 {
		return nil, fail("", "no parameters")
	}
	if s.Method == Sobol && 2*k > 1000 {
		return nil, fail("", "too many parameters for sobol (%d; at most 500)", k)
	}

	// Outcomes.
	if len(raw.Outcomes) == 0 {
		return nil, fail("", "no [[outcomes]] to record")
	}
	names := map[string]bool{}
	for _, p := range s.Parameters {
		names[p.Path] = true
	}
	for _, c := range fixedColumns {
		names[c] = true
	}
	for i, ro := range raw.Outcomes {
		at := func(f string) string { return fmt.Sprintf("outcomes[%d].%s", i, f) }
		o := Outcome{Name: ro.Name, Metric: ro.Metric, Stat: ro.Stat, Above: true}
		o.Index = sim.MetricIndex(o.Metric)
		if o.Metric == "" {
			return nil, fail(fmt.Sprintf("outcomes[%d]", i), "metric is missing; allowed: %s", strings.Join(sim.MetricNames[:], ", "))
		}
		if o.Index < 0 || !slices.Contains(sim.MetricNames[:], o.Metric) {
			return nil, fail(at("metric"), "unknown metric %q; allowed: %s", o.Metric, strings.Join(sim.MetricNames[:], ", "))
		}
		if o.Stat == "" {
			o.Stat = StatFinal
		}
		if !slices.Contains(Stats, o.Stat) {
			return nil, fail(at("stat"), "unknown statistic %q; allowed: %s", o.Stat, strings.Join(Stats, ", "))
		}
		if o.Name == "" {
			o.Name = o.Metric + "_" + o.Stat
		}
		if !validName.MatchString(o.Name) {
			return nil, fail(at("name"), "%q is not a column name; allowed: letters, digits, _ and . (starting with a letter)", o.Name)
		}
		if names[o.Name] {
			return nil, fail(at("name"), "column %q is used twice", o.Name)
		}
		names[o.Name] = true
		if (ro.FromYear != nil || ro.ToYear != nil) && o.Stat != StatMean {
			return nil, fail(at("from_year"), "a window (from_year, to_year) is only for stat = \"mean\"")
		}
		for _, f := range []struct {
			key string
			x   *float64
		}{{"from_year", ro.FromYear}, {"to_year", ro.ToYear}, {"threshold", ro.Threshold}} {
			if f.x != nil && !finite(*f.x) {
				return nil, fail(at(f.key), "%v is not a number; allowed: a finite number", *f.x)
			}
		}
		if ro.FromYear != nil {
			o.FromYear = *ro.FromYear
		}
		o.ToYear = s.Years
		if ro.ToYear != nil {
			o.ToYear = *ro.ToYear
		}
		if o.Stat == StatMean && (o.FromYear < 0 || o.FromYear > o.ToYear || o.ToYear > s.Years) {
			key := at("from_year")
			if ro.ToYear != nil && (o.ToYear > s.Years || ro.FromYear == nil) {
				key = at("to_year")
			}
			return nil, fail(key, "window %v to %v years is not within the run (0 to %v years)", o.FromYear, o.ToYear, s.Years)
		}
		if o.Stat != StatMean {
			o.FromYear, o.ToYear = 0, 0
		}
		if o.Stat == StatTimeTo {
			if ro.Threshold == nil {
				return nil, fail(fmt.Sprintf("outcomes[%d]", i), "time_to needs a threshold")
			}
			o.Threshold = *ro.Threshold
			if ro.Above != nil {
				o.Above = *ro.Above
			}
		} else {
			if ro.Threshold != nil {
				return nil, fail(at("threshold"), "only for stat = \"time_to\"")
			}
			if ro.Above != nil {
				return nil, fail(at("above"), "only for stat = \"time_to\"")
			}
			o.Above = false
		}
		s.Outcomes = append(s.Outcomes, o)
	}
	if _, err := DesignSize(s); err != nil {
		return nil, fail("samples", "%v", err)
	}
	return s, nil
}

func finite(x float64) bool { return !math.IsNaN(x) && !math.IsInf(x, 0) }

var validName = regexp.MustCompile(`^[A-Za-z][A-Za-z0-9_.]*$`)

// fixedColumns are the first columns of runs.csv; error is the last.
var fixedColumns = []string{"run_id", "sample_id", "rep", "seed", "error"}

func isFile(ref string) bool {
	return strings.HasSuffix(ref, ".toml") || strings.ContainsRune(ref, filepath.Separator) || strings.ContainsRune(ref, '/')
}

// valueOf converts a TOML value of a values list to a parameter's float form.
func valueOf(p sim.Param, v any) (float64, error) {
	switch x := v.(type) {
	case int64:
		if p.Kind == sim.Choice || p.Kind == sim.Bool {
			return 0, fmt.Errorf("%v is a number", x)
		}
		return float64(x), nil
	case float64:
		if p.Kind == sim.Choice || p.Kind == sim.Bool {
			return 0, fmt.Errorf("%v is a number", x)
		}
		if p.Kind == sim.Int && x != math.Trunc(x) {
			return 0, fmt.Errorf("%v is not an integer", x)
		}
		return x, nil
	case bool:
		if p.Kind != sim.Bool {
			return 0, fmt.Errorf("%v is a boolean", x)
		}
		if x {
			return 1, nil
		}
		return 0, nil
	case string:
		if p.Kind != sim.Choice {
			return 0, fmt.Errorf("%q is text", x)
		}
		i := slices.Index(p.Choices, x)
		if i < 0 {
			return 0, fmt.Errorf("%q is not a choice", x)
		}
		return float64(i), nil
	}
	return 0, fmt.Errorf("%v is not a single value", v)
}

func allowedKeys(key string) string {
	switch {
	case strings.HasPrefix(key, "parameters."):
		return "path, values, min, max, log"
	case strings.HasPrefix(key, "outcomes."):
		return "name, metric, stat, from_year, to_year, threshold, above"
	case strings.HasPrefix(key, "morris."):
		return "levels, trajectories"
	}
	return "base, method, samples, replications, seed, years, [[parameters]], [[outcomes]], [morris]"
}
