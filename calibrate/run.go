package calibrate

import (
	"context"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"time"

	"github.com/orgnet/orgnet/calibrate/abc"
	"github.com/orgnet/orgnet/sim"
)

// ErrInterrupted is returned (wrapped) by Run when its context was
// cancelled: the simulations finished so far are in the journal.
var ErrInterrupted = abc.ErrInterrupted

// DirError is an output folder that cannot be used as asked.
type DirError struct {
	Dir     string
	Problem string
}

func (e *DirError) Error() string { return e.Dir + ": " + e.Problem }

// Options control Run.
type Options struct {
	Dir       string        // Output folder.
	Workers   int           // Parallel simulations (0: all cores).
	Resume    bool          // Continue the calibration in Dir from its journal.
	Version   string        // orgnet version, recorded in calibration.json.
	Progress  io.Writer     // Progress lines (nil: none).
	Evaluator abc.Evaluator // Runs the simulations (nil: a local pool of Workers).
}

// Result is a finished calibration.
type Result struct {
	Spec       *Spec
	ABC        *abc.Result
	Parameters []ParamSummary // Per calibrated parameter.
	Predictive []Check        // Per target, fitted and held out.
	Elapsed    time.Duration
	Resumed    int // Simulations replayed from the journal.
}

// ParamSummary is what the posterior says about one parameter.
type ParamSummary struct {
	Path       string  `json:"path"`
	PriorMean  float64 `json:"prior_mean"`
	PriorSD    float64 `json:"prior_sd"`
	Mean       float64 `json:"posterior_mean"`
	SD         float64 `json:"posterior_sd"`
	Q05        float64 `json:"p05"`
	Q50        float64 `json:"median"`
	Q95        float64 `json:"p95"`
	Shrinkage  float64 `json:"shrinkage"` // 1 - posterior variance / prior variance.
	Identified string  `json:"identified"`
	// Default is the registry's default, and DefaultQuantile the posterior
	// mass at or below it: between 0.05 and 0.95 the default lies inside
	// the posterior's 90% interval.
	Default         float64 `json:"default"`
	DefaultQuantile float64 `json:"default_quantile"`
}

// DefaultInside says whether the registry's default lies inside the
// posterior's central 90% interval.
func (ps ParamSummary) DefaultInside() bool {
	return ps.DefaultQuantile >= 0.05 && ps.DefaultQuantile <= 0.95
}

// Shrinkage classes.
const (
	Identified   = "identified"   // Shrinkage at least 0.5.
	Partly       = "partly"       // 0.2 to 0.5.
	Unidentified = "unidentified" // Below 0.2: the targets say little about it.
)

// Check is the posterior predictive check of one target: the target
// simulated afresh for parameter sets drawn from the posterior.
type Check struct {
	Name    string  `json:"name"`
	Value   float64 `json:"value"` // The seed's figure.
	HeldOut bool    `json:"held_out"`
	Mean    float64 `json:"mean"`
	Q05     float64 `json:"p05"`
	Q95     float64 `json:"p95"`
	Inside  bool    `json:"inside_90"` // The figure lies within the 90% predictive interval.
	Draws   int     `json:"draws"`
}

// Run runs a calibration into opt.Dir and writes its outputs. With
// opt.Resume it replays the journal in opt.Dir; the result is the same as
// an uninterrupted run's. It returns ErrInterrupted (wrapped) when ctx is
// cancelled.
func Run(ctx context.Context, s *Spec, opt Options) (*Result, error) {
	start := time.Now()
	if opt.Workers <= 0 {
		opt.Workers = runtime.NumCPU()
	}
	jr, resumed, err := prepare(s, opt)
	if err != nil {
		return nil, err
	}
	defer jr.close()
	if opt.Progress != nil {
		fmt.Fprintf(opt.Progress, "orgnet calibrate: %s, %d parameters, population %d, %d workers, %d simulations in the journal, into %s\n",
			s.Mode, len(s.Parameters), s.Population, opt.Workers, resumed, opt.Dir)
	}
	ev := opt.Evaluator
	if ev == nil {
		pool := &abc.Pool{Sim: s.Simulate, Workers: opt.Workers}
		if opt.Progress != nil {
			last := time.Now()
			pool.Progress = func(done int) {
				if time.Since(last) >= 10*time.Second {
					last = time.Now()
					fmt.Fprintf(opt.Progress, "orgnet calibrate: %d simulations (%d from the journal), %.0f s\n", done, resumed, time.Since(start).Seconds())
				}
			}
		}
		ev = pool
	}
	res, err := abc.Run(ctx, s.Settings(), ev, jr)
	if err != nil {
		return nil, err
	}
	if opt.Progress != nil {
		for _, g := range res.Generations {
			fmt.Fprintf(opt.Progress, "orgnet calibrate: generation %d: tolerance %.4g, %d simulations, acceptance %.3f, ESS %.0f\n", g.Gen, g.Tolerance, g.Simulations, g.Acceptance, g.ESS)
		}
	}
	r := &Result{Spec: s, ABC: res, Resumed: resumed}
	r.Parameters = summarise(s, res.Final())
	if r.Predictive, err = predictive(ctx, s, res.Final(), ev, jr); err != nil {
		return nil, err
	}
	r.Elapsed = time.Since(start)
	if err := jr.close(); err != nil {
		return nil, fmt.Errorf("closing the journal: %w", err)
	}
	if err := write(opt.Dir, r, opt, start); err != nil {
		return nil, err
	}
	return r, nil
}

// prepare checks the output folder and opens the journal: a new one in an
// absent or empty folder, or the folder's own with Resume.
func prepare(s *Spec, opt Options) (*journal, int, error) {
	head := &journalHeader{Calibration: s.Hash(), Version: opt.Version}
	path := filepath.Join(opt.Dir, JournalName)
	if _, err := os.Stat(path); err == nil && opt.Resume {
		old, lines, valid, err := readJournal(path)
		if err != nil {
			return nil, 0, &DirError{opt.Dir, fmt.Sprintf("cannot resume: %v", err)}
		}
		if old.Calibration != head.Calibration {
			return nil, 0, &DirError{opt.Dir, fmt.Sprintf("holds a different calibration (hash %s, this one %s): the file or a scenario changed; use another --out", old.Calibration, head.Calibration)}
		}
		jr, err := openJournal(path, head, lines, valid)
		return jr, len(lines), err
	}
	entries, err := os.ReadDir(opt.Dir)
	switch {
	case errors.Is(err, os.ErrNotExist):
		if err := os.MkdirAll(opt.Dir, 0o755); err != nil {
			return nil, 0, &DirError{opt.Dir, fmt.Sprintf("cannot be created: %v", errors.Unwrap(err))}
		}
	case err != nil:
		return nil, 0, &DirError{opt.Dir, fmt.Sprintf("cannot be read: %v", errors.Unwrap(err))}
	default:
		for _, e := range entries {
			if e.Name() != SlurmDir {
				return nil, 0, &DirError{opt.Dir, "is not empty; finish the calibration there with --resume, or choose another --out"}
			}
		}
	}
	jr, err := openJournal(path, head, nil, -1)
	return jr, 0, err
}

// summarise computes each parameter's posterior summary and shrinkage.
func summarise(s *Spec, g *abc.Generation) []ParamSummary {
	out := make([]ParamSummary, len(s.Parameters))
	for i, p := range s.Parameters {
		mean, v := abc.Moments(g.Particles, i)
		pv := p.Prior.Variance()
		ps := ParamSummary{Path: p.Path, PriorSD: math.Sqrt(pv), Mean: mean, SD: math.Sqrt(v), Shrinkage: 1 - v/pv}
		ps.PriorMean = priorMean(p.Prior)
		xs := make([]float64, len(g.Particles))
		ws := make([]float64, len(g.Particles))
		for k, q := range g.Particles {
			xs[k], ws[k] = q.Values[i], q.Weight
		}
		ps.Q05, ps.Q50, ps.Q95 = wquantile(xs, ws, 0.05), wquantile(xs, ws, 0.5), wquantile(xs, ws, 0.95)
		if reg, ok := sim.Lookup(p.Path); ok {
			ps.Default = reg.Default
			ps.DefaultQuantile = wcdf(xs, ws, reg.Default)
		}
		switch {
		case ps.Shrinkage >= 0.5:
			ps.Identified = Identified
		case ps.Shrinkage >= 0.2:
			ps.Identified = Partly
		default:
			ps.Identified = Unidentified
		}
		out[i] = ps
	}
	return out
}

func priorMean(p abc.Prior) float64 {
	switch p.Kind {
	case abc.Uniform:
		return (p.Min + p.Max) / 2
	case abc.LogUniform:
		return (p.Max - p.Min) / (math.Log(p.Max) - math.Log(p.Min))
	case abc.TruncNorm:
		// Mean of a truncated normal from its variance formula's pieces.
		a, b := (p.Min-p.Mean)/p.SD, (p.Max-p.Mean)/p.SD
		phi := func(x float64) float64 { return math.Exp(-x*x/2) / math.Sqrt(2*math.Pi) }
		cdf := func(x float64) float64 { return 0.5 * math.Erfc(-x/math.Sqrt2) }
		return p.Mean + p.SD*(phi(a)-phi(b))/(cdf(b)-cdf(a))
	}
	return p.Mean
}

// wquantile is the weighted q-quantile (the smallest value whose cumulative
// weight reaches q).
func wquantile(xs, ws []float64, q float64) float64 {
	idx := make([]int, len(xs))
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(a, b int) bool { return xs[idx[a]] < xs[idx[b]] })
	total := 0.0
	for _, w := range ws {
		total += w
	}
	c := 0.0
	for _, i := range idx {
		c += ws[i]
		if c >= q*total-1e-12 {
			return xs[i]
		}
	}
	return xs[idx[len(idx)-1]]
}

// wcdf is the weighted share of xs at or below x.
func wcdf(xs, ws []float64, x float64) float64 {
	below, total := 0.0, 0.0
	for i, v := range xs {
		total += ws[i]
		if v <= x {
			below += ws[i]
		}
	}
	return below / total
}

// predictiveGen numbers the predictive check's simulations in the journal.
const predictiveGen = -1

// predictive simulates Spec.Predictive parameter sets drawn from the
// posterior with fresh seeds, and compares every target with its figure.
func predictive(ctx context.Context, s *Spec, g *abc.Generation, ev abc.Evaluator, jr abc.Journal) ([]Check, error) {
	if s.Predictive == 0 {
		return nil, nil
	}
	jobs := make([]abc.Job, s.Predictive)
	for k := range jobs {
		p := g.Particles[abc.Pick(g.Particles, s.Seed, k)]
		// The pick uses stream (seed, -1, k); the seed comes from another.
		jobs[k] = abc.Job{Gen: predictiveGen, Index: k, Values: p.Values, Seed: abc.Stream(s.Seed, -2, k).Uint64()}
	}
	evals, err := abc.Evaluate(ctx, jobs, ev, jr)
	if err != nil {
		return nil, err
	}
	out := make([]Check, len(s.Targets))
	for i, t := range s.Targets {
		var xs, ws []float64
		for _, e := range evals {
			if len(e.Stats) == len(s.Targets) {
				xs = append(xs, e.Stats[i])
				ws = append(ws, 1)
			}
		}
		c := Check{Name: t.Name, Value: t.Value, HeldOut: t.HeldOut, Draws: len(xs), Mean: math.NaN(), Q05: math.NaN(), Q95: math.NaN()}
		if len(xs) > 0 {
			sum := 0.0
			for _, x := range xs {
				sum += x
			}
			c.Mean = sum / float64(len(xs))
			c.Q05, c.Q95 = wquantile(xs, ws, 0.05), wquantile(xs, ws, 0.95)
			c.Inside = c.Q05 <= t.Value && t.Value <= c.Q95
		}
		out[i] = c
	}
	return out, nil
}
