package abc

import (
	"context"
	"errors"
	"math"
	"math/rand/v2"
	"reflect"
	"sync"
	"testing"
)

// normalMean is the mean of n observations with known sd sigma; the prior
// of the mean is normal(0, tau). The sample mean is sufficient, so ABC on it
// with a shrinking tolerance converges to the exact posterior.
type normalMean struct {
	n            int
	sigma, tau   float64
	observedMean float64
}

func (m normalMean) exact() (mean, sd float64) {
	v := 1 / (1/(m.tau*m.tau) + float64(m.n)/(m.sigma*m.sigma))
	return v * float64(m.n) * m.observedMean / (m.sigma * m.sigma), math.Sqrt(v)
}

func (m normalMean) sim(values []float64, seed uint64) Eval {
	r := rand.New(rand.NewPCG(seed, 1))
	xbar := values[0] + m.sigma/math.Sqrt(float64(m.n))*r.NormFloat64()
	return Eval{Distance: math.Abs(xbar - m.observedMean), Stats: []float64{xbar}}
}

// TestNormalMeanPosterior: ABC-SMC's posterior mean is within 0.15
// posterior sds of the exact mean and its sd within 15% of the exact sd,
// for eight seeds, four with each kernel.
func TestNormalMeanPosterior(t *testing.T) {
	m := normalMean{n: 10, sigma: 2, tau: 3, observedMean: 1.7}
	wantMean, wantSD := m.exact()
	for k, seed := range []uint64{1, 2, 3, 4, 5, 6, 7, 8} {
		kernel := []string{KernelNormal, KernelOLCM}[k%2]
		s := Settings{Mode: SMC, Priors: []Prior{{Kind: Normal, Mean: 0, SD: m.tau}}, Population: 500, Quantile: 0.5,
			Generations: 12, MinTolerance: 0.05 * wantSD, Seed: seed, Kernel: kernel}
		res, err := Run(context.Background(), s, &Pool{Sim: m.sim, Workers: 2}, nil)
		if err != nil {
			t.Fatal(err)
		}
		f := res.Final()
		mean, v := Moments(f.Particles, 0)
		sd := math.Sqrt(v)
		t.Logf("%s seed %d: %d generations (%s), tolerance %.4f, %d simulations, ESS %.0f: mean %.3f (exact %.3f), sd %.3f (exact %.3f)",
			kernel, seed, len(res.Generations), res.Stop, f.Tolerance, res.Simulations, f.ESS, mean, wantMean, sd, wantSD)
		if math.Abs(mean-wantMean) > 0.15*wantSD {
			t.Errorf("seed %d: posterior mean %.3f, exact %.3f (allowed ±%.3f)", seed, mean, wantMean, 0.15*wantSD)
		}
		if math.Abs(sd/wantSD-1) > 0.15 {
			t.Errorf("seed %d: posterior sd %.3f, exact %.3f (allowed ±15%%)", seed, sd, wantSD)
		}
	}
}

// TestBinomialRatePosterior: k successes of n with a uniform prior on the
// rate; with the tolerance down to 0 ABC is exact, and the posterior is
// Beta(k+1, n-k+1). Mean within 0.15 sd and sd within 15%, five seeds;
// also through a truncated-normal prior equal to the uniform's support
// with a huge sd (nearly flat).
func TestBinomialRatePosterior(t *testing.T) {
	const n, k = 20, 7
	a, b := float64(k+1), float64(n-k+1)
	wantMean := a / (a + b)
	wantSD := math.Sqrt(a * b / ((a + b) * (a + b) * (a + b + 1)))
	sim := func(values []float64, seed uint64) Eval {
		r := rand.New(rand.NewPCG(seed, 2))
		c := 0
		for range n {
			if r.Float64() < values[0] {
				c++
			}
		}
		return Eval{Distance: math.Abs(float64(c - k)), Stats: []float64{float64(c)}}
	}
	for _, prior := range []Prior{{Kind: Uniform, Min: 0, Max: 1}, {Kind: TruncNorm, Mean: 0.5, SD: 100, Min: 0, Max: 1}} {
		for seed := uint64(10); seed < 15; seed++ {
			s := Settings{Mode: SMC, Priors: []Prior{prior}, Population: 600, Quantile: 0.5, Generations: 10, MinTolerance: 0, Seed: seed}
			res, err := Run(context.Background(), s, &Pool{Sim: sim, Workers: 2}, nil)
			if err != nil {
				t.Fatal(err)
			}
			f := res.Final()
			mean, v := Moments(f.Particles, 0)
			sd := math.Sqrt(v)
			t.Logf("%s seed %d: %d generations (%s), tolerance %v: mean %.4f (exact %.4f), sd %.4f (exact %.4f)",
				prior.Kind, seed, len(res.Generations), res.Stop, f.Tolerance, mean, wantMean, sd, wantSD)
			if f.Tolerance != 0 {
				t.Errorf("seed %d: final tolerance %v, want 0", seed, f.Tolerance)
			}
			if math.Abs(mean-wantMean) > 0.15*wantSD || math.Abs(sd/wantSD-1) > 0.15 {
				t.Errorf("%s seed %d: mean %.4f sd %.4f; exact %.4f and %.4f", prior.Kind, seed, mean, sd, wantMean, wantSD)
			}
		}
	}
}

// TestRejectionPosterior: rejection ABC keeping the closest 5% of prior
// draws approximates the normal-mean posterior (looser: the tolerance stays
// wide).
func TestRejectionPosterior(t *testing.T) {
	m := normalMean{n: 10, sigma: 2, tau: 3, observedMean: 1.7}
	wantMean, wantSD := m.exact()
	for seed := uint64(1); seed <= 3; seed++ {
		s := Settings{Mode: Rejection, Priors: []Prior{{Kind: Normal, Mean: 0, SD: m.tau}}, Population: 500, Quantile: 0.05, Seed: seed}
		res, err := Run(context.Background(), s, &Pool{Sim: m.sim, Workers: 2}, nil)
		if err != nil {
			t.Fatal(err)
		}
		mean, v := Moments(res.Final().Particles, 0)
		t.Logf("seed %d: mean %.3f (exact %.3f), sd %.3f (exact %.3f), tolerance %.3f", seed, mean, wantMean, math.Sqrt(v), wantSD, res.Final().Tolerance)
		if math.Abs(mean-wantMean) > 0.2*wantSD || math.Abs(math.Sqrt(v)/wantSD-1) > 0.25 {
			t.Errorf("seed %d: mean %.3f sd %.3f; exact %.3f and %.3f", seed, mean, math.Sqrt(v), wantMean, wantSD)
		}
	}
}

// twoParams is a two-parameter problem with a log-uniform prior: y1 =
// a + b + noise, y2 = a - b + noise.
func twoParams(values []float64, seed uint64) Eval {
	r := rand.New(rand.NewPCG(seed, 3))
	y1 := values[0] + values[1] + 0.1*r.NormFloat64()
	y2 := values[0] - values[1] + 0.1*r.NormFloat64()
	return Eval{Distance: math.Hypot(y1-3, y2-1), Stats: []float64{y1, y2}}
}

func twoSettings() Settings {
	return Settings{Mode: SMC, Priors: []Prior{{Kind: LogUniform, Min: 0.1, Max: 10}, {Kind: Uniform, Min: -5, Max: 5}},
		Population: 60, Quantile: 0.5, Generations: 4, Seed: 7, Kernel: KernelOLCM}
}

// memJournal is a Journal in memory.
type memJournal struct {
	mu sync.Mutex
	m  map[[2]int]Eval
	n  int
}

func (j *memJournal) Lookup(job Job) (Eval, bool) {
	j.mu.Lock()
	defer j.mu.Unlock()
	e, ok := j.m[[2]int{job.Gen, job.Index}]
	return e, ok
}

func (j *memJournal) Record(job Job, e Eval) error {
	j.mu.Lock()
	defer j.mu.Unlock()
	if j.m == nil {
		j.m = map[[2]int]Eval{}
	}
	j.m[[2]int{job.Gen, job.Index}] = e
	j.n++
	return nil
}

// TestDeterministic: the result is the same for 1 and 3 workers, and after
// an interruption followed by a resume from the journal.
func TestDeterministic(t *testing.T) {
	s := twoSettings()
	one, err := Run(context.Background(), s, &Pool{Sim: twoParams, Workers: 1}, nil)
	if err != nil {
		t.Fatal(err)
	}
	three, err := Run(context.Background(), s, &Pool{Sim: twoParams, Workers: 3}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(one, three) {
		t.Fatal("1 and 3 workers differ")
	}
	// Interrupt after 150 simulations, then resume.
	jr := &memJournal{}
	ctx, cancel := context.WithCancel(context.Background())
	count := 0
	pool := &Pool{Sim: twoParams, Workers: 2, Progress: func(done int) {
		count = done
		if done == 150 {
			cancel()
		}
	}}
	if _, err := Run(ctx, s, pool, jr); !errors.Is(err, ErrInterrupted) {
		t.Fatalf("interrupted run: err %v, want ErrInterrupted", err)
	}
	if count < 150 || jr.n < 150 {
		t.Fatalf("interrupted after %d simulations, journal %d", count, jr.n)
	}
	before := jr.n
	resumed, err := Run(context.Background(), s, &Pool{Sim: twoParams, Workers: 2}, jr)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(one, resumed) {
		t.Fatal("resumed run differs from an uninterrupted one")
	}
	if jr.n != one.Run {
		t.Errorf("%d simulations before and %d after the interruption; an uninterrupted run ran %d", before, jr.n-before, one.Run)
	}
	t.Logf("%d simulations in all; %d before the interruption; %d generations", one.Run, before, len(one.Generations))
}

// TestBudgetAndConstraints: particles at +Inf distance are never accepted,
// and max_simulations stops the sequence with the last full population.
func TestBudgetAndConstraints(t *testing.T) {
	s := twoSettings()
	s.Generations = 50
	s.MaxSimulations = 600
	res, err := Run(context.Background(), s, &Pool{Sim: func(v []float64, seed uint64) Eval {
		e := twoParams(v, seed)
		if v[1] < 0 { // A constraint: b must be positive.
			e.Distance = math.Inf(1)
		}
		return e
	}, Workers: 2}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if res.Stop != StopBudget || res.Run > 600 || res.Simulations > res.Run {
		t.Errorf("stop %q after %d simulations (%d run); want %q within 600", res.Stop, res.Simulations, res.Run, StopBudget)
	}
	for _, g := range res.Generations {
		for _, p := range g.Particles {
			if p.Values[1] < 0 || math.IsInf(p.Distance, 0) {
				t.Fatalf("generation %d accepted a particle failing the constraint: %v", g.Gen, p.Values)
			}
		}
	}
}

// TestPriors: sample means and variances of each prior kind match Variance
// and the support.
func TestPriors(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for _, p := range []Prior{{Kind: Uniform, Min: 1, Max: 4}, {Kind: LogUniform, Min: 0.1, Max: 10}, {Kind: Normal, Mean: 2, SD: 0.5}, {Kind: TruncNorm, Mean: 0, SD: 1, Min: -0.5, Max: 2}} {
		if err := p.Check(); err != nil {
			t.Fatal(err)
		}
		const n = 200000
		var s, s2 float64
		lo, hi := p.Bounds()
		for range n {
			x := p.Value(p.Sample(r))
			if x < lo || x > hi {
				t.Fatalf("%s: %v outside [%v, %v]", p.Kind, x, lo, hi)
			}
			s += x
			s2 += x * x
		}
		v := s2/n - (s/n)*(s/n)
		if math.Abs(v/p.Variance()-1) > 0.02 {
			t.Errorf("%s: sample variance %.4f, Variance %.4f", p.Kind, v, p.Variance())
		}
	}
	if (Prior{Kind: LogUniform, Min: 0, Max: 1}).Check() == nil || (Prior{Kind: Uniform, Min: 2, Max: 1}).Check() == nil {
		t.Error("bad priors accepted")
	}
}
