// Package compare answers a dilemma: scenario A or scenario B, and how sure
// are we? It runs both scenarios over the same replication seeds (common
// random numbers), so that each replication of B is paired with the
// replication of A that saw the same chance events, and reports the paired
// differences B − A of the outcomes at the end of the run with 95% intervals.
//
// Run does the simulation; Sentences states the answer in plain words;
// Write puts plots, a CSV table and a self-contained report.html in a folder.
package compare

import (
	"context"
	"fmt"
	"math"
	"slices"

	"github.com/orgnet/orgnet/ensemble"
	"github.com/orgnet/orgnet/sim"
	"gonum.org/v1/gonum/stat"
	"gonum.org/v1/gonum/stat/distuv"
)

// Headline lists the metrics the answer speaks of first, in order.
var Headline = []int{
	sim.MOrientationProfessional,
	sim.MCasesSolvedCum,
	sim.MWellbeing,
	sim.MTrust,
	sim.MLegitimacyInternal,
}

// Compared lists the metrics whose end values are compared: every metric
// but the clock.
func Compared() []int {
	var ms []int
	for m := range sim.NumMetrics {
		if m != sim.MTick && m != sim.MYear {
			ms = append(ms, m)
		}
	}
	return ms
}

// Difference is the paired difference B − A of one metric at the end of the
// run, over the replications.
type Difference struct {
	Metric       int     // Metric index (sim.MetricNames).
	MeanA, MeanB float64 // Means over replications at the end.
	Diff         float64 // Mean of the paired differences B − A.
	SD           float64 // Standard deviation of the paired differences.
	// Low and High bound a 95% t interval for the mean difference; NaN with
	// fewer than two replications.
	Low, High float64
}

// Name is the metric's name.
func (d Difference) Name() string { return sim.MetricNames[d.Metric] }

// Clear reports whether the 95% interval excludes zero: the sign of the
// difference is clear at these replications.
func (d Difference) Clear() bool {
	return !math.IsNaN(d.Low) && (d.Low > 0 || d.High < 0)
}

// Change is a parameter whose value differs between A and B.
type Change struct {
	Path string // Dotted parameter path, or "events".
	A, B string // Values as in a scenario file.
}

// Result is a finished comparison.
type Result struct {
	A, B       *sim.Config // The configurations compared (as run).
	Reps       int
	Seed       uint64            // Master seed shared by A and B.
	Seeds      []uint64          // Replication seeds, shared by A and B.
	RunsA      *ensemble.Result  // Replications of A.
	RunsB      *ensemble.Result  // Replications of B, paired by index with A's.
	SummaryA   *ensemble.Summary // Mean and 90% band per tick.
	SummaryB   *ensemble.Summary
	Changes    []Change     // What differs between A's and B's configurations.
	Difference []Difference // End-of-run differences, in the order of Compared.
	// Posterior names the calibration posterior each pair of replications
	// drew its parameters from ("" for none), PosteriorParams its
	// parameters; the answer then says the intervals include parameter
	// uncertainty.
	Posterior, PosteriorParams string
}

// Diff returns the difference of one metric, or false if it was not compared.
func (r *Result) Diff(metric int) (Difference, bool) {
	for _, d := range r.Difference {
		if d.Metric == metric {
			return d, true
		}
	}
	return Difference{}, false
}

// InputError is a comparison that cannot be made as asked (bad settings
// rather than a failure while running).
type InputError struct{ Problem string }

func (e *InputError) Error() string { return e.Problem }

// Run simulates a and b with reps replications each, replication i of both
// using the seed sim.DeriveSeed(seed, i), on workers goroutines (0: all
// cores), and computes the differences. Both must run the same number of
// years. The result does not depend on workers.
func Run(ctx context.Context, a, b *sim.Config, reps int, seed uint64, workers int) (*Result, error) {
	return RunVaried(ctx, a, b, reps, seed, workers, nil)
}

// RunVaried is Run with vary (if not nil) applied to replication i of both
// A and B before it runs: parameters drawn per pair from a calibration's
// posterior, the same for the two sides of a pair.
func RunVaried(ctx context.Context, a, b *sim.Config, reps int, seed uint64, workers int, vary func(i int, cfg *sim.Config) error) (*Result, error) {
	if reps < 1 {
		return nil, &InputError{fmt.Sprintf("%d replications; need at least 1", reps)}
	}
	if a.Ticks() != b.Ticks() {
		return nil, &InputError{fmt.Sprintf("A runs %g years and B %g; compare runs of the same length (set the years of both)", a.Run.Years, b.Run.Years)}
	}
	for _, s := range []struct {
		name string
		cfg  *sim.Config
	}{{"A", a}, {"B", b}} {
		if err := s.cfg.Validate(); err != nil {
			return nil, &InputError{fmt.Sprintf("scenario %s: %v", s.name, err)}
		}
	}
	opt := ensemble.Options{Workers: workers, Vary: vary}
	ra, err := ensemble.Run(ctx, a, seed, reps, opt)
	if err != nil {
		return nil, fmt.Errorf("running A: %w", err)
	}
	rb, err := ensemble.Run(ctx, b, seed, reps, opt)
	if err != nil {
		return nil, fmt.Errorf("running B: %w", err)
	}
	// The configurations as run: with the shared seed and replications, so
	// that comparing them again repeats this comparison.
	ra.Config.Run.Seed, ra.Config.Run.Replications = int(seed), reps
	rb.Config.Run.Seed, rb.Config.Run.Replications = int(seed), reps
	res := &Result{A: ra.Config, B: rb.Config, Reps: reps, Seed: seed, Seeds: ra.Seeds(), RunsA: ra, RunsB: rb}
	if res.SummaryA, err = ra.Summary(); err != nil {
		return nil, fmt.Errorf("summarising A: %w", err)
	}
	if res.SummaryB, err = rb.Summary(); err != nil {
		return nil, fmt.Errorf("summarising B: %w", err)
	}
	res.Changes = Changes(a, b)
	for _, m := range Compared() {
		res.Difference = append(res.Difference, paired(ra, rb, m))
	}
	return res, nil
}

// paired computes the paired difference of metric m at the last tick.
func paired(ra, rb *ensemble.Result, m int) Difference {
	n := len(ra.Reps)
	a, b, d := make([]float64, n), make([]float64, n), make([]float64, n)
	for i := range n {
		ar, br := ra.Reps[i].Rows, rb.Reps[i].Rows
		a[i], b[i] = ar[len(ar)-1][m], br[len(br)-1][m]
		d[i] = b[i] - a[i]
	}
	diff := Difference{Metric: m, MeanA: stat.Mean(a, nil), MeanB: stat.Mean(b, nil), Low: math.NaN(), High: math.NaN()}
	diff.Diff, diff.SD = stat.MeanStdDev(d, nil)
	if n >= 2 {
		half := TCritical(n-1) * diff.SD / math.Sqrt(float64(n))
		diff.Low, diff.High = diff.Diff-half, diff.Diff+half
	} else {
		diff.SD = math.NaN()
	}
	return diff
}

// TCritical is the two-sided 95% critical value of Student's t with df
// degrees of freedom.
func TCritical(df int) float64 {
	return distuv.StudentsT{Mu: 0, Sigma: 1, Nu: float64(df)}.Quantile(0.975)
}

// Changes lists the parameters whose values differ between a and b, in the
// order of the registry, and "events" when their event lists differ. The run
// settings (years, seed, replications) are left out: a comparison sets them
// for both.
func Changes(a, b *sim.Config) []Change {
	var out []Change
	for _, p := range sim.Params() {
		if p.Path == "run.seed" || p.Path == "run.replications" || p.Path == "run.years" {
			continue
		}
		va, errA := a.Format(p.Path)
		vb, errB := b.Format(p.Path)
		if errA != nil || errB != nil || va == vb {
			continue
		}
		out = append(out, Change{Path: p.Path, A: va, B: vb})
	}
	ea, eb := describeEvents(a), describeEvents(b)
	if !slices.Equal(ea, eb) {
		out = append(out, Change{Path: "events", A: joinOrNone(ea), B: joinOrNone(eb)})
	}
	return out
}

func describeEvents(c *sim.Config) []string {
	var out []string
	for _, e := range c.Events {
		var when string
		switch {
		case e.Rate > 0:
			when = fmt.Sprintf(" (rate %g/year)", e.Rate)
		default:
			when = fmt.Sprintf(" (year %g)", e.Year)
		}
		out = append(out, e.Describe()+when)
	}
	return out
}

func joinOrNone(xs []string) string {
	if len(xs) == 0 {
		return "none"
	}
	s := xs[0]
	for _, x := range xs[1:] {
		s += "; " + x
	}
	return s
}
