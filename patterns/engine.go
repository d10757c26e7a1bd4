package patterns

import (
	"context"
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/orgnet/orgnet/ensemble"
	"github.com/orgnet/orgnet/scenarios"
	"github.com/orgnet/orgnet/sim"
)

// Options say on what and how the suite runs.
type Options struct {
	// Base is the scenario every pattern runs on; nil runs each pattern on
	// its Home presets.
	Base *sim.Config
	// BaseName names Base in the report.
	BaseName string
	// Set holds the user's `path=value` overrides, applied to the base (or
	// each home preset) before a pattern's arms.
	Set []string
	// Seed is the master seed: replication i of every arm runs with
	// sim.DeriveSeed(Seed, i) (common random numbers).
	Seed uint64
	// Reps is the number of seeds per arm (default DefaultReps).
	Reps int
	// Workers is the number of runs at once (0: every core). Results do not
	// depend on it.
	Workers int
	// Patterns, if not empty, keeps only the patterns with these IDs.
	Patterns []string
	// Progress, if set, is called after each distinct configuration has run,
	// with the number run and the total.
	Progress func(done, total int)
}

// DefaultReps is the number of seeds per arm when Options.Reps is 0.
const DefaultReps = 20

// DefaultSeed is the master seed of orgnet patterns and of the pattern tests.
const DefaultSeed uint64 = 20261128

// Outcome is a statistic evaluated over the seeds of one set of arms.
type Outcome struct {
	Values   []float64 // Per seed, in seed order.
	Estimate float64   // Mean over the seeds.
	Low      float64   // 95% t interval of the mean.
	High     float64
	SD       float64 // Standard deviation over the seeds.
	P05, P95 float64 // Where single runs fall.
	Pass     bool    // The test holds.
	// Gone says that the interval lies clearly on the failing side (below
	// the smallest effect, or outside the band): the effect is not merely
	// uncertain but absent.
	Gone   bool
	Curves [][]float64 // Per arm, the mean over the seeds of Pattern.Show per tick.
}

// Row is one pattern evaluated on one scenario.
type Row struct {
	Pattern  *Pattern
	Scenario string
	Reps     int
	Result   Outcome
	Ablation *Outcome // nil where the pattern has no ablation or could not run it.
	Note     string   // Why it could not be evaluated, or its known failure.
}

// Verdict says in words what the row shows.
func (r *Row) Verdict() string {
	p := r.Pattern
	if math.IsNaN(r.Result.Estimate) {
		return "not measurable"
	}
	switch p.Kind {
	case Hypothesis:
		if r.Result.Pass {
			return "supported"
		}
		return "not supported"
	case Calibration, HeldOut:
		if r.Result.Pass {
			return "fits"
		}
		return "off target"
	}
	switch {
	case !r.Result.Pass && p.Known != "":
		return "fails (known)"
	case !r.Result.Pass && !r.Result.Gone:
		return fmt.Sprintf("fails (not shown at %d seeds: the interval reaches past the threshold; about %d would tell)", r.Reps, r.SeedsNeeded())
	case !r.Result.Pass:
		return "fails"
	case r.Ablation == nil:
		return "holds; ablation not run"
	case r.Ablation.Pass:
		return "holds, but survives its ablation: not explained by this mechanism"
	case !r.Ablation.Gone:
		return "holds; fails under its ablation (weakened, not gone)"
	}
	return "holds; fails under its ablation (gone)"
}

// SeedsNeeded is the number of paired seeds that would make the 95%
// interval of the statistic half as wide as the smallest effect that
// matters (for a band or a figure: half its half-width), from the spread
// over the seeds run; 0 where it cannot be told.
func (r *Row) SeedsNeeded() int {
	t := r.Pattern.Test
	e := t.Min
	if t.Kind == Within || t.Kind == Near {
		e = (t.Max - t.Min) / 2
	}
	sd := r.Result.SD
	if math.IsNaN(sd) || e <= 0 {
		return 0
	}
	return max(2, int(math.Ceil(math.Pow(1.96*sd/(e/2), 2))))
}

// Report is the evaluated suite.
type Report struct {
	Rows    []Row
	Base    string   // The base scenario, or "" for the home presets.
	Set     []string // The user's overrides.
	Seed    uint64
	Reps    int
	Runs    int // Distinct configurations run, times Reps.
	Version string
}

// job is one pattern on one scenario: the configurations of its arms, plain
// and ablated, as indices into the distinct configurations.
type job struct {
	p        *Pattern
	scenario string
	arms     []int
	ablated  []int
	note     string
}

// Run evaluates the patterns (Suite() if ps is nil) and returns the report.
// Every distinct configuration runs once, Reps times, with the same seeds;
// the results do not depend on Options.Workers.
func Run(ctx context.Context, ps []Pattern, opt Options) (*Report, error) {
	if ps == nil {
		ps = Suite()
	}
	reps := opt.Reps
	if reps == 0 {
		reps = DefaultReps
	}
	if reps < 2 {
		return nil, fmt.Errorf("patterns: %d seeds; an interval needs at least 2", reps)
	}
	for _, id := range opt.Patterns {
		if !slices.ContainsFunc(ps, func(p Pattern) bool { return p.ID == id }) {
			return nil, &sim.ParamError{Path: "pattern " + id, Problem: "unknown pattern; allowed: " + strings.Join(IDs(ps), ", ")}
		}
	}
	bases := map[string]*sim.Config{}
	base := func(name string) (*sim.Config, error) {
		if c, ok := bases[name]; ok {
			return c, nil
		}
		var cfg *sim.Config
		if opt.Base != nil && (name == opt.BaseName || name == opt.Base.Scenario.Name) {
			cfg = opt.Base.Clone()
		} else {
			c, err := scenarios.Preset(name)
			if err != nil {
				return nil, err
			}
			cfg = c
		}
		if err := ApplySets(cfg, opt.Set); err != nil {
			return nil, err
		}
		bases[name] = cfg
		return cfg, nil
	}

	var configs []*sim.Config
	index := map[string]int{}
	add := func(c *sim.Config) int {
		key := fmt.Sprintf("%+v", *c)
		if i, ok := index[key]; ok {
			return i
		}
		index[key] = len(configs)
		configs = append(configs, c)
		return len(configs) - 1
	}
	var jobs []job
	for i := range ps {
		p := &ps[i]
		if len(opt.Patterns) > 0 && !slices.Contains(opt.Patterns, p.ID) {
			continue
		}
		// A calibration target or held-out figure belongs to its case: it
		// runs on its own preset (with the user's overrides), or on the base
		// where the base is that case.
		names := p.Home
		if opt.Base != nil && p.Kind != Calibration && p.Kind != HeldOut {
			names = []string{opt.BaseName}
		}
		for _, name := range names {
			b, err := base(name)
			if err != nil {
				return nil, err
			}
			j := job{p: p, scenario: name}
			if miss := missingMetrics(p.Statistic); len(miss) > 0 {
				j.note = "the model records no metric " + strings.Join(miss, ", ")
				jobs = append(jobs, j)
				continue
			}
			for _, a := range p.Arms {
				c, err := armConfig(b, p, a, nil)
				if err != nil {
					j.note = err.Error()
					break
				}
				j.arms = append(j.arms, add(c))
			}
			if j.note == "" && len(p.Ablation) > 0 {
				for _, a := range p.Arms {
					c, err := armConfig(b, p, a, p.Ablation)
					if err != nil {
						j.note = "ablation: " + err.Error()
						j.ablated = nil
						break
					}
					j.ablated = append(j.ablated, add(c))
				}
			}
			if j.note != "" {
				j.arms = nil
			}
			jobs = append(jobs, j)
		}
	}

	// Configurations run in order of first use; a configuration's runs are
	// kept until the last statement that reads them has been evaluated.
	lastUse := make([]int, len(configs))
	used := map[int]bool{}
	for x, j := range jobs {
		for _, c := range slices.Concat(j.arms, j.ablated) {
			lastUse[c] = x
			used[c] = true
		}
	}
	results := make([][]ensemble.Replication, len(configs))
	ran := 0
	need := func(cs []int) error {
		for _, c := range cs {
			if results[c] != nil {
				continue
			}
			res, err := ensemble.Run(ctx, configs[c], opt.Seed, reps, ensemble.Options{Workers: opt.Workers})
			if err != nil {
				return fmt.Errorf("patterns: %w", err)
			}
			for r := range res.Reps {
				res.Reps[r].Snapshots = nil
			}
			results[c] = res.Reps
			ran++
			if opt.Progress != nil {
				opt.Progress(ran, len(used))
			}
		}
		return nil
	}

	rep := &Report{Base: opt.BaseName, Set: slices.Clone(opt.Set), Seed: opt.Seed, Reps: reps, Runs: len(used) * reps}
	if opt.Base == nil {
		rep.Base = ""
	}
	for x, j := range jobs {
		row := Row{Pattern: j.p, Scenario: j.scenario, Reps: reps, Note: j.note}
		if j.note == "" {
			if err := need(slices.Concat(j.arms, j.ablated)); err != nil {
				return nil, err
			}
			row.Result = evaluate(j.p, results, j.arms, reps)
			if len(j.ablated) > 0 {
				o := evaluate(j.p, results, j.ablated, reps)
				row.Ablation = &o
			}
		} else {
			nan := math.NaN()
			row.Result = Outcome{Estimate: nan, Low: nan, High: nan, SD: nan, P05: nan, P95: nan}
		}
		if !row.Result.Pass && j.p.Known != "" {
			row.Note = strings.TrimPrefix(row.Note+"; "+j.p.Known, "; ")
		}
		rep.Rows = append(rep.Rows, row)
		for _, c := range slices.Concat(j.arms, j.ablated) {
			if lastUse[c] == x {
				results[c] = nil
			}
		}
	}
	return rep, nil
}

// evaluate computes a pattern's statistic for every seed from the runs of
// its arms (configuration indices arms) and judges it.
func evaluate(p *Pattern, results [][]ensemble.Replication, arms []int, reps int) Outcome {
	vals := make([]float64, reps)
	runs := make([]Series, len(arms))
	for s := range reps {
		for a, c := range arms {
			runs[a] = results[c][s].Rows
		}
		vals[s] = p.Statistic.Eval(runs)
	}
	o := Outcome{Values: vals}
	o.Estimate, o.Low, o.High = Interval(vals)
	o.SD = sd(vals)
	o.P05, o.P95 = Spread(vals)
	o.Pass = p.Test.pass(o.Estimate, o.Low, o.High)
	o.Gone = p.Test.gone(o.Low, o.High)
	if c := sim.MetricIndex(p.Show); c >= 0 {
		for _, ci := range arms {
			rs := results[ci]
			n := len(rs[0].Rows)
			mean := make([]float64, n)
			for _, r := range rs {
				for t := range n {
					mean[t] += r.Rows[t][c] / float64(len(rs))
				}
			}
			o.Curves = append(o.Curves, mean)
		}
	}
	return o
}

// armConfig builds the configuration of an arm on a base: the pattern's
// run length, the arm's changes, then the ablation's overrides.
func armConfig(base *sim.Config, p *Pattern, a Arm, ablation []string) (*sim.Config, error) {
	c := base.Clone()
	if p.Years > 0 {
		c.Run.Years = p.Years
	}
	if slices.Contains(a.Drop, "*") {
		c.Events = nil
	} else if len(a.Drop) > 0 {
		c.Events = slices.DeleteFunc(c.Events, func(e sim.Event) bool { return slices.Contains(a.Drop, e.Type) })
	}
	c.Events = append(c.Events, a.Add...)
	if err := ApplySets(c, a.Set); err != nil {
		return nil, fmt.Errorf("arm %q: %w", a.Label, err)
	}
	if err := ApplySets(c, ablation); err != nil {
		return nil, err
	}
	if err := c.Validate(); err != nil {
		return nil, fmt.Errorf("arm %q: %w", a.Label, err)
	}
	return c, nil
}

// ApplySets applies `path=value` overrides to cfg.
func ApplySets(cfg *sim.Config, sets []string) error {
	for _, kv := range sets {
		k, v, ok := strings.Cut(kv, "=")
		k = strings.TrimSpace(k)
		if !ok || k == "" {
			return &sim.ParamError{Path: kv, Problem: "want path=value, e.g. forces.manager.loss_of_control=0 (orgnet params lists the paths)"}
		}
		if err := cfg.Set(k, strings.TrimSpace(v)); err != nil {
			return err
		}
	}
	return nil
}

// IDs returns the patterns' IDs in order.
func IDs(ps []Pattern) []string {
	ids := make([]string, len(ps))
	for i, p := range ps {
		ids[i] = p.ID
	}
	return ids
}
