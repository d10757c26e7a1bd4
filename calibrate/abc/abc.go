// Package abc is likelihood-free Bayesian inference by Approximate Bayesian
// Computation: ABC-SMC with adaptive tolerances (Toni et al. 2009; Beaumont
// et al. 2009; Del Moral et al. 2012 for the quantile schedule) and plain
// rejection ABC, for any simulator that turns a parameter set into a
// distance from the observed data.
//
// Every attempt (a proposed parameter set and its simulation) is numbered
// within its generation, and its random stream derives from (seed,
// generation, attempt) alone. Attempts run in batches whose size depends
// only on earlier results, and a generation takes the first accepted
// attempts in attempt order. The result therefore depends on the seed
// only: not on the number of workers, on how a batch is spread over a
// cluster, or on interruptions (a Journal replays evaluations already done).
package abc

import (
	"context"
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"sort"

	"github.com/orgnet/orgnet/sim"
	"gonum.org/v1/gonum/mat"
)

// Modes of inference.
const (
	SMC       = "smc"       // Sequential Monte Carlo with adaptive tolerances.
	Rejection = "rejection" // Prior draws; the closest fraction Quantile is kept.
)

// Reasons a calibration stopped.
const (
	StopGenerations = "generations" // The last generation allowed is done.
	StopTolerance   = "min_tolerance"
	StopAcceptance  = "min_acceptance"
	StopBudget      = "max_simulations"
	StopRejection   = "rejection" // Rejection ABC has one generation.
)

// ErrInterrupted is returned (wrapped) by Run when its context was
// cancelled: evaluations finished so far have been recorded.
var ErrInterrupted = errors.New("calibration interrupted")

// Settings of a run of ABC.
type Settings struct {
	Mode       string  // SMC or Rejection.
	Priors     []Prior // One per parameter.
	Population int     // Accepted particles per generation.
	Quantile   float64 // SMC: the next tolerance is this weighted quantile of the distances; Rejection: the share of draws kept.
	Kernel     string  // SMC perturbation kernel: KernelNormal (also when empty) or KernelOLCM.
	// Stopping rule (SMC): whichever comes first. Zero values are unset
	// (MinTolerance 0 stops when the tolerance reaches zero).
	Generations    int     // Most generations (at least 1).
	MinTolerance   float64 // Stop once a generation's tolerance is at or below this.
	MinAcceptance  float64 // Stop after a generation accepting fewer than this share of its simulations.
	MaxSimulations int     // Stop before a generation would run more than this many simulations in all (0: no limit).
	Seed           uint64
}

// Job is one simulation: attempt Index of generation Gen, with the
// parameters' values and the seed of its simulation.
type Job struct {
	Gen, Index int
	Values     []float64
	Seed       uint64
}

// Eval is the outcome of one simulation.
type Eval struct {
	Distance float64   // Distance to the data; +Inf rejects outright (a constraint failed, or the simulation failed).
	Stats    []float64 // Summary statistics, kept for the predictive check.
	Err      string    // Why the simulation failed, if it did.
}

// Evaluator runs batches of simulations. Evaluate calls done once for each
// job it finishes (one call at a time, in any order) and returns when all
// are done or ctx is cancelled.
type Evaluator interface {
	Evaluate(ctx context.Context, jobs []Job, done func(i int, e Eval) error) error
}

// Journal stores evaluations so an interrupted run can be resumed: Lookup
// returns a recorded evaluation of a job, Record stores one.
type Journal interface {
	Lookup(j Job) (Eval, bool)
	Record(j Job, e Eval) error
}

// Particle is an accepted parameter set.
type Particle struct {
	Index    int       // Attempt within its generation.
	Values   []float64 // Parameter values.
	Weight   float64   // Normalised importance weight.
	Distance float64
	Stats    []float64
}

// Generation is one population of the sequence.
type Generation struct {
	Gen         int        `json:"generation"`
	Tolerance   float64    `json:"tolerance"`       // +Inf for the first SMC generation (every draw accepted).
	Simulations int        `json:"simulations"`     // Attempts up to the last accepted one.
	Run         int        `json:"simulations_run"` // All simulations run, with the rest of the last batch.
	Acceptance  float64    `json:"acceptance_rate"` // Accepted per simulation (Population / Simulations).
	ESS         float64    `json:"effective_sample_size"`
	Particles   []Particle `json:"-"`
}

// Result is a finished run.
type Result struct {
	Generations []Generation
	Simulations int    // Attempts of the accepted generations.
	Run         int    // Simulations run in all (the budget counts these).
	Stop        string // Why it stopped (one of the Stop reasons).
}

// Final returns the last generation: the posterior.
func (r *Result) Final() *Generation { return &r.Generations[len(r.Generations)-1] }

// Check reports settings that cannot run.
func (s *Settings) Check() error {
	switch {
	case s.Mode != SMC && s.Mode != Rejection:
		return fmt.Errorf("mode %q; allowed: %s, %s", s.Mode, SMC, Rejection)
	case len(s.Priors) == 0:
		return errors.New("no parameters")
	case s.Population < 2:
		return fmt.Errorf("population %d; need at least 2", s.Population)
	case !(s.Quantile > 0 && s.Quantile < 1):
		return fmt.Errorf("quantile %v; allowed: between 0 and 1", s.Quantile)
	case s.Kernel != "" && s.Kernel != KernelNormal && s.Kernel != KernelOLCM:
		return fmt.Errorf("kernel %q; allowed: %s, %s", s.Kernel, KernelNormal, KernelOLCM)
	case s.Mode == SMC && s.Generations < 1:
		return fmt.Errorf("generations %d; need at least 1", s.Generations)
	}
	for i, p := range s.Priors {
		if err := p.Check(); err != nil {
			return fmt.Errorf("parameter %d: %w", i, err)
		}
	}
	return nil
}

// stream is the random stream of attempt k of generation g.
func stream(seed uint64, g, k int) *rand.Rand {
	return rand.New(rand.NewPCG(sim.DeriveSeed(seed, g), sim.SplitMix64(uint64(k)+0xabc)))
}

// Run runs ABC with the evaluator, replaying evaluations the journal holds
// (which may be nil). It returns ErrInterrupted when ctx is cancelled.
func Run(ctx context.Context, s Settings, ev Evaluator, jr Journal) (*Result, error) {
	if err := s.Check(); err != nil {
		return nil, err
	}
	res := &Result{}
	if s.Mode == Rejection {
		g, err := rejection(ctx, s, ev, jr)
		if err != nil {
			return nil, err
		}
		res.Generations = []Generation{*g}
		res.Simulations, res.Run = g.Simulations, g.Run
		res.Stop = StopRejection
		return res, nil
	}
	var prev *Generation
	for t := 0; ; t++ {
		eps := math.Inf(1)
		if prev != nil {
			eps = nextTolerance(prev, s.Quantile)
		}
		budget := math.MaxInt
		if s.MaxSimulations > 0 {
			budget = s.MaxSimulations - res.Run
		}
		g, err := generation(ctx, s, t, eps, prev, budget, ev, jr)
		if err != nil {
			return nil, err
		}
		if len(g.Particles) < s.Population { // Over budget: keep the previous population.
			res.Run += g.Run
			res.Stop = StopBudget
			if prev == nil {
				return nil, fmt.Errorf("max_simulations %d is too small for the first generation", s.MaxSimulations)
			}
			return res, nil
		}
		res.Generations = append(res.Generations, *g)
		res.Simulations += g.Simulations
		res.Run += g.Run
		prev = &res.Generations[len(res.Generations)-1]
		switch {
		case t+1 >= s.Generations:
			res.Stop = StopGenerations
		case g.Tolerance <= s.MinTolerance:
			res.Stop = StopTolerance
		case g.Acceptance < s.MinAcceptance:
			res.Stop = StopAcceptance
		case s.MaxSimulations > 0 && res.Run >= s.MaxSimulations:
			res.Stop = StopBudget
		default:
			continue
		}
		return res, nil
	}
}

// kernel is a multivariate normal perturbation kernel in the internal
// coordinates.
type kernel struct {
	l      [][]float64 // Lower Cholesky factor of the covariance.
	logNrm float64     // Log normalising constant.
}

// kernels are the perturbation kernels of a generation: one for every
// ancestor (Kernel OLCM) or one shared (Kernel Normal).
type kernels []*kernel

// of returns the kernel of ancestor j.
func (ks kernels) of(j int) *kernel {
	if len(ks) == 1 {
		return ks[0]
	}
	return ks[j]
}

// Kernels.
const (
	// KernelNormal: a multivariate normal with twice the previous
	// population's weighted covariance (Beaumont et al. 2009).
	KernelNormal = "normal"
	// KernelOLCM: the optimal local covariance matrix (Filippi et al.
	// 2013): around each ancestor, the weighted second moments about it of
	// the previous particles within the new tolerance.
	KernelOLCM = "olcm"
)

// internal returns the particles' internal coordinates.
func internal(ps []Particle, priors []Prior) [][]float64 {
	out := make([][]float64, len(ps))
	for k, p := range ps {
		out[k] = make([]float64, len(priors))
		for i, pr := range priors {
			out[k][i] = pr.Internal(p.Values[i])
		}
	}
	return out
}

// newKernels builds generation's kernels from the previous population and
// the new tolerance eps.
func newKernels(kind string, ps []Particle, priors []Prior, eps float64) (kernels, error) {
	u := internal(ps, priors)
	d := len(priors)
	mean := make([]float64, d)
	for k, p := range ps {
		for i := range d {
			mean[i] += p.Weight * u[k][i]
		}
	}
	cov := mat.NewSymDense(d, nil)
	sumW2 := 0.0
	for _, p := range ps {
		sumW2 += p.Weight * p.Weight
	}
	for a := range d {
		for b := a; b < d; b++ {
			c := 0.0
			for k, p := range ps {
				c += p.Weight * (u[k][a] - mean[a]) * (u[k][b] - mean[b])
			}
			if sumW2 < 1 {
				c /= 1 - sumW2 // Unbiased weighted covariance.
			}
			cov.SetSym(a, b, 2*c)
		}
	}
	global, err := factor(cov, priors, true)
	if err != nil {
		return nil, err
	}
	if kind != KernelOLCM {
		return kernels{global}, nil
	}
	// The particles within the new tolerance, and their weights' sum.
	var near []int
	sum := 0.0
	for k, p := range ps {
		if p.Distance <= eps {
			near = append(near, k)
			sum += p.Weight
		}
	}
	ks := make(kernels, len(ps))
	for j := range ps {
		c := mat.NewSymDense(d, nil)
		for a := range d {
			for b := a; b < d; b++ {
				x := 0.0
				for _, k := range near {
					x += ps[k].Weight / sum * (u[k][a] - u[j][a]) * (u[k][b] - u[j][b])
				}
				c.SetSym(a, b, x)
			}
		}
		if ks[j], err = factor(c, priors, false); err != nil {
			ks[j] = global // A degenerate neighbourhood: the shared kernel.
		}
	}
	return ks, nil
}

// factor makes a kernel of a covariance. A singular covariance (a
// parameter the particles agree on) becomes independent perturbations with
// a small floor when floor is set, else an error.
func factor(cov *mat.SymDense, priors []Prior, floor bool) (*kernel, error) {
	d := len(priors)
	var chol mat.Cholesky
	if !chol.Factorize(cov) {
		if !floor {
			return nil, errors.New("abc: singular kernel covariance")
		}
		diag := mat.NewSymDense(d, nil)
		for i := range d {
			v := cov.At(i, i)
			lo, hi := priors[i].Bounds()
			f := 1e-12
			if !math.IsInf(lo, 0) && !math.IsInf(hi, 0) {
				w := priors[i].Internal(hi) - priors[i].Internal(lo)
				f = 1e-8 * w * w
			}
			diag.SetSym(i, i, math.Max(v, f))
		}
		if !chol.Factorize(diag) {
			return nil, errors.New("abc: cannot build the perturbation kernel")
		}
	}
	var l mat.TriDense
	chol.LTo(&l)
	k := &kernel{l: make([][]float64, d), logNrm: -0.5*float64(d)*math.Log(2*math.Pi) - 0.5*chol.LogDet()}
	for i := range d {
		k.l[i] = make([]float64, i+1)
		for j := 0; j <= i; j++ {
			k.l[i][j] = l.At(i, j)
		}
	}
	return k, nil
}

// logPDF is the log density of moving from x to y.
// buf holds len(x) values of scratch space.
func (k *kernel) logPDF(x, y, buf []float64) float64 {
	q := 0.0
	for i, row := range k.l {
		// Forward substitution: L z = y - x.
		v := y[i] - x[i]
		for j := 0; j < i; j++ {
			v -= row[j] * buf[j]
		}
		buf[i] = v / row[i]
		q += buf[i] * buf[i]
	}
	return k.logNrm - 0.5*q
}

// propose proposes attempt k of generation t > 0: an ancestor drawn by
// weight, perturbed until it lies inside the prior's support.
func propose(s *Settings, prev *Generation, ks kernels, r *rand.Rand) ([]float64, error) {
	d := len(s.Priors)
	z := make([]float64, d)
	u := make([]float64, d)
	for try := 0; try < 10000; try++ {
		j := pick(prev.Particles, r)
		anc, kn := &prev.Particles[j], ks.of(j)
		for i := range d {
			z[i] = r.NormFloat64()
		}
		ok := true
		for i := range d {
			x := s.Priors[i].Internal(anc.Values[i])
			for j := 0; j <= i; j++ {
				x += kn.l[i][j] * z[j]
			}
			u[i] = x
			if math.IsInf(s.Priors[i].LogPDF(x), -1) {
				ok = false
			}
		}
		if ok {
			v := make([]float64, d)
			for i := range d {
				v[i] = s.Priors[i].Value(u[i])
			}
			return v, nil
		}
	}
	return nil, errors.New("abc: no proposal inside the prior's support in 10000 tries")
}

// pick draws an index by weight.
func pick(ps []Particle, r *rand.Rand) int {
	x := r.Float64()
	for i, p := range ps {
		x -= p.Weight
		if x < 0 {
			return i
		}
	}
	return len(ps) - 1
}

// Pick draws the index of one particle by weight with its own stream
// (seed, i): the i-th draw from a posterior.
func Pick(ps []Particle, seed uint64, i int) int {
	return pick(ps, stream(seed, -1, i))
}

// Stream is the random stream numbered (g, i) of a seed, for draws outside
// the sequence (e.g. the seeds of a predictive check).
func Stream(seed uint64, g, i int) *rand.Rand { return stream(seed, g, i) }

func fromPrior(s *Settings, r *rand.Rand) []float64 {
	v := make([]float64, len(s.Priors))
	for i, p := range s.Priors {
		v[i] = p.Value(p.Sample(r))
	}
	return v
}

// makeJob builds attempt k of generation t.
func makeJob(s *Settings, t, k int, prev *Generation, kn kernels) (Job, error) {
	r := stream(s.Seed, t, k)
	j := Job{Gen: t, Index: k}
	if prev == nil {
		j.Values = fromPrior(s, r)
	} else {
		v, err := propose(s, prev, kn, r)
		if err != nil {
			return j, err
		}
		j.Values = v
	}
	j.Seed = r.Uint64()
	return j, nil
}

// batch evaluates attempts [from, to) of generation t, replaying the
// journal's evaluations.
func batch(ctx context.Context, s *Settings, t, from, to int, prev *Generation, kn kernels, ev Evaluator, jr Journal) ([]Job, []Eval, error) {
	jobs := make([]Job, 0, to-from)
	for k := from; k < to; k++ {
		j, err := makeJob(s, t, k, prev, kn)
		if err != nil {
			return nil, nil, err
		}
		jobs = append(jobs, j)
	}
	evals, err := Evaluate(ctx, jobs, ev, jr)
	return jobs, evals, err
}

// Evaluate evaluates jobs with ev, replaying those the journal (which may be
// nil) holds and recording the others. It returns ErrInterrupted (wrapped)
// when ctx is cancelled.
func Evaluate(ctx context.Context, jobs []Job, ev Evaluator, jr Journal) ([]Eval, error) {
	evals := make([]Eval, len(jobs))
	var todo []Job
	var at []int
	for k, j := range jobs {
		if jr != nil {
			if e, ok := jr.Lookup(j); ok {
				evals[k] = e
				continue
			}
		}
		todo = append(todo, j)
		at = append(at, k)
	}
	if len(todo) == 0 {
		return evals, nil
	}
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("%w: %v", ErrInterrupted, err)
	}
	err := ev.Evaluate(ctx, todo, func(i int, e Eval) error {
		evals[at[i]] = e
		if jr != nil {
			return jr.Record(todo[i], e)
		}
		return nil
	})
	if err != nil {
		if ctx.Err() != nil {
			return nil, fmt.Errorf("%w: %v", ErrInterrupted, err)
		}
		return nil, err
	}
	return evals, nil
}

// generation runs SMC generation t with tolerance eps. When it would need
// more than budget simulations it stops, with fewer particles than the
// population and g.Run the simulations it ran.
func generation(ctx context.Context, s Settings, t int, eps float64, prev *Generation, budget int, ev Evaluator, jr Journal) (*Generation, error) {
	var kn kernels
	if prev != nil {
		var err error
		if kn, err = newKernels(s.Kernel, prev.Particles, s.Priors, eps); err != nil {
			return nil, err
		}
	}
	g := &Generation{Gen: t, Tolerance: eps}
	next := 0
	for len(g.Particles) < s.Population {
		need := s.Population - len(g.Particles)
		// The expected acceptance: this generation's so far, else half the
		// previous one's.
		rate := 1.0
		if g.Simulations > 0 && len(g.Particles) > 0 {
			rate = float64(len(g.Particles)) / float64(g.Simulations)
		} else if prev != nil {
			rate = prev.Acceptance / 2
		}
		rate = math.Max(rate, 0.01)
		size := min(int(math.Ceil(float64(need)/rate*1.1)), 4*s.Population)
		size = max(size, need)
		if next+size > budget {
			size = budget - next
			if size <= 0 {
				return g, nil
			}
		}
		jobs, evals, err := batch(ctx, &s, t, next, next+size, prev, kn, ev, jr)
		if err != nil {
			return nil, err
		}
		next += size
		g.Run = next
		for i, e := range evals {
			g.Simulations++
			if math.IsInf(e.Distance, 0) || math.IsNaN(e.Distance) || e.Distance > eps {
				continue
			}
			g.Particles = append(g.Particles, Particle{Index: jobs[i].Index, Values: jobs[i].Values, Distance: e.Distance, Stats: e.Stats})
			if len(g.Particles) == s.Population {
				break
			}
		}
	}
	// Importance weights: prior over the mixture of kernels around the
	// previous population.
	if prev == nil {
		for i := range g.Particles {
			g.Particles[i].Weight = 1
		}
	} else {
		d := len(s.Priors)
		buf := make([]float64, d)
		xs := internal(prev.Particles, s.Priors)
		y := make([]float64, d)
		logs := make([]float64, len(prev.Particles))
		lw := make([]float64, len(g.Particles))
		for i, p := range g.Particles {
			lp := 0.0
			for a := range d {
				y[a] = s.Priors[a].Internal(p.Values[a])
				lp += s.Priors[a].LogPDF(y[a])
			}
			for j, q := range prev.Particles {
				logs[j] = math.Log(q.Weight) + kn.of(j).logPDF(xs[j], y, buf)
			}
			lw[i] = lp - logSumExp(logs)
		}
		top := slices.Max(lw)
		for i := range g.Particles {
			g.Particles[i].Weight = math.Exp(lw[i] - top)
		}
	}
	normalise(g)
	g.Acceptance = float64(len(g.Particles)) / float64(g.Simulations)
	return g, nil
}

// rejection draws ceil(Population/Quantile) parameter sets from the prior
// and keeps the Population closest.
func rejection(ctx context.Context, s Settings, ev Evaluator, jr Journal) (*Generation, error) {
	m := int(math.Ceil(float64(s.Population) / s.Quantile))
	if s.MaxSimulations > 0 && m > s.MaxSimulations {
		return nil, fmt.Errorf("rejection ABC needs population/quantile = %d simulations, more than max_simulations %d", m, s.MaxSimulations)
	}
	jobs, evals, err := batch(ctx, &s, 0, 0, m, nil, nil, ev, jr)
	if err != nil {
		return nil, err
	}
	order := make([]int, 0, m)
	for i, e := range evals {
		if !math.IsInf(e.Distance, 0) && !math.IsNaN(e.Distance) {
			order = append(order, i)
		}
	}
	sort.SliceStable(order, func(a, b int) bool { return evals[order[a]].Distance < evals[order[b]].Distance })
	if len(order) < s.Population {
		return nil, fmt.Errorf("only %d of %d simulations passed the constraints; %d needed", len(order), m, s.Population)
	}
	order = order[:s.Population]
	sort.Ints(order)
	g := &Generation{Simulations: m, Run: m}
	for _, i := range order {
		e := evals[i]
		g.Particles = append(g.Particles, Particle{Index: jobs[i].Index, Values: jobs[i].Values, Weight: 1, Distance: e.Distance, Stats: e.Stats})
		g.Tolerance = math.Max(g.Tolerance, e.Distance)
	}
	normalise(g)
	g.Acceptance = float64(s.Population) / float64(m)
	return g, nil
}

func normalise(g *Generation) {
	sum := 0.0
	for _, p := range g.Particles {
		sum += p.Weight
	}
	sq := 0.0
	for i := range g.Particles {
		g.Particles[i].Weight /= sum
		sq += g.Particles[i].Weight * g.Particles[i].Weight
	}
	g.ESS = 1 / sq
}

func logSumExp(xs []float64) float64 {
	top := slices.Max(xs)
	if math.IsInf(top, -1) {
		return top
	}
	s := 0.0
	for _, x := range xs {
		s += math.Exp(x - top)
	}
	return top + math.Log(s)
}

// nextTolerance is the tolerance after generation prev: the weighted
// quantile of its distances, and when that does not fall below prev's
// tolerance (distances that take few values), the largest distance below it.
func nextTolerance(prev *Generation, q float64) float64 {
	eps := weightedQuantile(prev.Particles, q)
	if eps < prev.Tolerance {
		return eps
	}
	below := math.Inf(-1)
	for _, p := range prev.Particles {
		if p.Distance < prev.Tolerance {
			below = math.Max(below, p.Distance)
		}
	}
	if math.IsInf(below, -1) {
		return prev.Tolerance
	}
	return below
}

// weightedQuantile is the q-quantile of the particles' distances under
// their weights (the smallest distance whose cumulative weight reaches q).
func weightedQuantile(ps []Particle, q float64) float64 {
	idx := make([]int, len(ps))
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(a, b int) bool { return ps[idx[a]].Distance < ps[idx[b]].Distance })
	c := 0.0
	for _, i := range idx {
		c += ps[i].Weight
		if c >= q-1e-12 {
			return ps[i].Distance
		}
	}
	return ps[idx[len(idx)-1]].Distance
}

// Moments returns the weighted mean and variance of parameter i in a
// population.
func Moments(ps []Particle, i int) (mean, variance float64) {
	for _, p := range ps {
		mean += p.Weight * p.Values[i]
	}
	for _, p := range ps {
		d := p.Values[i] - mean
		variance += p.Weight * d * d
	}
	return mean, variance
}
