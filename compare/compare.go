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
	"strings"

	"github.com/orgnet/orgnet/ensemble"
	"github.com/orgnet/orgnet/i18n"
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
	// N counts the pairs the difference is over: the replications where
	// the metric is defined on both sides (wellbeing is not before any case
	// has closed).
	N int
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

// paired computes the paired difference of metric m at the last tick. A
// pair where either side is undefined (NaN: wellbeing before any case has
// closed) is left out; with no pair left, every field but Metric is NaN.
func paired(ra, rb *ensemble.Result, m int) Difference {
	var a, b, d []float64
	for i := range ra.Reps {
		ar, br := ra.Reps[i].Rows, rb.Reps[i].Rows
		x, y := ar[len(ar)-1][m], br[len(br)-1][m]
		if math.IsNaN(x) || math.IsNaN(y) {
			continue
		}
		a, b, d = append(a, x), append(b, y), append(d, y-x)
	}
	nan := math.NaN()
	diff := Difference{Metric: m, MeanA: nan, MeanB: nan, Diff: nan, SD: nan, Low: nan, High: nan}
	n := len(d)
	diff.N = n
	if n == 0 {
		return diff
	}
	diff.MeanA, diff.MeanB = stat.Mean(a, nil), stat.Mean(b, nil)
	diff.Diff, diff.SD = stat.MeanStdDev(d, nil)
	if n >= 2 {
		half := TCritical(n-1) * diff.SD / math.Sqrt(float64(n))
		diff.Low, diff.High = diff.Diff-half, diff.Diff+half
	} else {
		diff.SD = nan
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
	ea, eb := describeEvents(i18n.EN, a), describeEvents(i18n.EN, b)
	if !slices.Equal(ea, eb) {
		out = append(out, Change{Path: "events", A: joinOrNone(i18n.EN, ea), B: joinOrNone(i18n.EN, eb)})
	}
	return out
}

// ChangesIn returns the result's changes as a reader of language l sees
// them: values with l's decimal separator, events described in l.
func (r *Result) ChangesIn(l i18n.Lang) []Change {
	out := slices.Clone(r.Changes)
	for i := range out {
		if out[i].Path == "events" {
			out[i].A, out[i].B = joinOrNone(l, describeEvents(l, r.A)), joinOrNone(l, describeEvents(l, r.B))
			continue
		}
		out[i].A, out[i].B = i18n.Decimal(l, out[i].A), i18n.Decimal(l, out[i].B)
	}
	return out
}

// ChangeLabel names a changed setting in language l: a parameter's label
// from the catalogue (its path if it has none), or "events".
func ChangeLabel(l i18n.Lang, path string) string {
	if path == "events" {
		return i18n.T(l, "compare.changes.events")
	}
	if k := "param." + path; i18n.Has(l, k) {
		return i18n.T(l, k)
	}
	return path
}

// describeEvents describes each event of c in language l, with its year or
// its rate.
func describeEvents(l i18n.Lang, c *sim.Config) []string {
	var out []string
	for i := range c.Events {
		e := &c.Events[i]
		when := i18n.Tf(l, "compare.event.year", Years(l, e.Year))
		if e.Rate > 0 {
			when = i18n.Tf(l, "compare.event.rate", Years(l, e.Rate))
		}
		out = append(out, i18n.EventText(l, e)+when)
	}
	return out
}

func joinOrNone(l i18n.Lang, xs []string) string {
	if len(xs) == 0 {
		return i18n.T(l, "compare.events.none")
	}
	return strings.Join(xs, "; ")
}
