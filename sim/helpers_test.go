package sim_test

// Helpers the mechanism tests share: run a configuration over seeds, read a
// metric at a year, and paired 95% intervals.

import (
	"math"
	"sync"
	"testing"

	"github.com/orgnet/orgnet/scenarios"
	"github.com/orgnet/orgnet/sim"
	"gonum.org/v1/gonum/stat"
	"gonum.org/v1/gonum/stat/distuv"
)

// mechanismSeeds is the number of seeds per compared configuration of the
// mechanism tests.
const mechanismSeeds = 24

// runSeeds runs cfg over seeds 1..n in parallel and returns the results in seed order.
func runSeeds(t *testing.T, cfg *sim.Config, n int) []*sim.Result {
	t.Helper()
	out := make([]*sim.Result, n)
	errs := make([]error, n)
	var wg sync.WaitGroup
	sem := make(chan struct{}, 4)
	for i := range n {
		wg.Add(1)
		sem <- struct{}{}
		go func() {
			defer wg.Done()
			defer func() { <-sem }()
			out[i], errs[i] = sim.Run(cfg, sim.DeriveSeed(20261128, i))
		}()
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			t.Fatal(err)
		}
	}
	return out
}

func preset(t *testing.T, name string, set ...string) *sim.Config {
	t.Helper()
	cfg, err := scenarios.Preset(name)
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i+1 < len(set); i += 2 {
		if err := cfg.Set(set[i], set[i+1]); err != nil {
			t.Fatal(err)
		}
	}
	return cfg
}

// at returns a metric at a year (mean over the preceding 13 weeks, to smooth weekly noise).
func at(r *sim.Result, metric int, year float64) float64 {
	end := min(int(math.Round(year*sim.WeeksPerYear)), len(r.Rows)-1)
	lo := max(0, end-12)
	s := 0.0
	for i := lo; i <= end; i++ {
		s += r.Rows[i][metric]
	}
	return s / float64(end-lo+1)
}

// values applies f to every result.
func values(rs []*sim.Result, f func(*sim.Result) float64) []float64 {
	v := make([]float64, len(rs))
	for i, r := range rs {
		v[i] = f(r)
	}
	return v
}

// interval returns the mean and 95% t-interval of xs.
func interval(xs []float64) (mean, lo, hi float64) {
	m, sd := stat.MeanStdDev(xs, nil)
	n := float64(len(xs))
	q := distuv.StudentsT{Mu: 0, Sigma: 1, Nu: n - 1}.Quantile(0.975)
	half := q * sd / math.Sqrt(n)
	return m, m - half, m + half
}

// assertPositive checks that the mean of the paired differences a-b is
// positive with 95% confidence.
func assertPositive(t *testing.T, what string, a, b []float64) {
	t.Helper()
	d := make([]float64, len(a))
	for i := range a {
		d[i] = a[i] - b[i]
	}
	m, lo, hi := interval(d)
	t.Logf("%s: mean difference %.4g, 95%% interval [%.4g, %.4g] over %d seeds", what, m, lo, hi, len(d))
	if lo <= 0 {
		t.Errorf("%s: difference not positive: mean %.4g, 95%% interval [%.4g, %.4g]", what, m, lo, hi)
	}
}

func sum(rs []*sim.Result, metric int, from, to float64) []float64 {
	return values(rs, func(r *sim.Result) float64 { return at(r, metric, to) - at(r, metric, from) })
}

// Pattern 1: after the start-up years professionals are the most
// network-oriented level, middle managers the least, executives in between.
