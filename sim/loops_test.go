package sim_test

// The seed's feedback loops act: switching each one off (its parameter to 0)
// changes an outcome further down the chain, by a paired difference over
// several seeds whose 95% interval excludes zero. Each pair of runs shares
// its seed, so the difference is the loop's own effect.

import (
	"math"
	"sync"
	"testing"

	"github.com/orgnet/orgnet/scenarios"
	"github.com/orgnet/orgnet/sim"
	"gonum.org/v1/gonum/stat"
	"gonum.org/v1/gonum/stat/distuv"
)

// loopSeeds is the number of seeds per compared configuration.
const loopSeeds = 16

// loopPreset returns a preset with parameters set by path.
func loopPreset(t *testing.T, name string, set ...string) *sim.Config {
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

// loopRuns runs cfg over loopSeeds derived seeds, four at a time, in seed order.
func loopRuns(t *testing.T, cfg *sim.Config) []*sim.Result {
	t.Helper()
	out := make([]*sim.Result, loopSeeds)
	errs := make([]error, loopSeeds)
	var wg sync.WaitGroup
	sem := make(chan struct{}, 4)
	for i := range loopSeeds {
		wg.Add(1)
		sem <- struct{}{}
		go func() {
			defer wg.Done()
			defer func() { <-sem }()
			out[i], errs[i] = sim.Run(cfg, sim.DeriveSeed(20261130, i))
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

// loopAt is a metric at a year, the mean over the 13 weeks up to it.
func loopAt(r *sim.Result, metric int, year float64) float64 {
	end := min(int(math.Round(year*sim.WeeksPerYear)), len(r.Rows)-1)
	lo := max(0, end-12)
	s := 0.0
	for i := lo; i <= end; i++ {
		s += r.Rows[i][metric]
	}
	return s / float64(end-lo+1)
}

// loopEach applies f to every result.
func loopEach(rs []*sim.Result, f func(*sim.Result) float64) []float64 {
	v := make([]float64, len(rs))
	for i, r := range rs {
		v[i] = f(r)
	}
	return v
}

// loopMetric returns f for a metric at a year.
func loopMetric(metric int, year float64) func(*sim.Result) float64 {
	return func(r *sim.Result) float64 { return loopAt(r, metric, year) }
}

// loopGain returns f for the growth of a metric between two years.
func loopGain(metric int, from, to float64) func(*sim.Result) float64 {
	return func(r *sim.Result) float64 { return loopAt(r, metric, to) - loopAt(r, metric, from) }
}

// loopInterval returns the mean of the paired differences a-b and its 95% t-interval.
func loopInterval(a, b []float64) (mean, lo, hi float64) {
	d := make([]float64, len(a))
	for i := range a {
		d[i] = a[i] - b[i]
	}
	m, sd := stat.MeanStdDev(d, nil)
	n := float64(len(d))
	half := distuv.StudentsT{Mu: 0, Sigma: 1, Nu: n - 1}.Quantile(0.975) * sd / math.Sqrt(n)
	return m, m - half, m + half
}

// loopLarger checks that a exceeds b by a paired difference whose 95%
// interval lies above zero and whose mean is at least minRel of b's mean
// (an effect a user would notice).
func loopLarger(t *testing.T, what string, a, b []float64, minRel float64) {
	t.Helper()
	m, lo, hi := loopInterval(a, b)
	base := math.Abs(stat.Mean(b, nil))
	t.Logf("%s: mean difference %.4g (%.1f%% of %.4g), 95%% interval [%.4g, %.4g] over %d seeds", what, m, 100*m/base, base, lo, hi, len(a))
	if lo <= 0 {
		t.Errorf("%s: difference not positive: mean %.4g, 95%% interval [%.4g, %.4g]", what, m, lo, hi)
	}
	if m < minRel*base {
		t.Errorf("%s: difference %.4g is less than %.0f%% of %.4g", what, m, 100*minRel, base)
	}
}

// Learning lowers the cost of hand-offs and of finding colleagues: without
// its effect, cases take longer and fewer are solved.
func TestLoopLearning(t *testing.T) {
	on := loopRuns(t, loopPreset(t, "bossche-bond"))
	off := loopRuns(t, loopPreset(t, "bossche-bond", "value.learning_effect", "0"))
	solved := loopGain(sim.MCasesSolvedCum, 2, 8)
	loopLarger(t, "cases solved in years 2-8, learning acts - not", loopEach(on, solved), loopEach(off, solved), 0.03)
	open := loopMetric(sim.MCasesOpen, 6)
	loopLarger(t, "cases open at year 6 (slower work), learning does not act - acts", loopEach(off, open), loopEach(on, open), 0.02)
}

// Innovation taken into the partners' regular work weakens the internal
// procedures, complexity and backlash: without adoption, middle managers
// stay more oriented to their own organisation.
func TestLoopInnovation(t *testing.T) {
	on := loopRuns(t, loopPreset(t, "mom"))
	off := loopRuns(t, loopPreset(t, "mom", "value.adoption_rate", "0"))
	loopLarger(t, "adoption at year 10, on - off", loopEach(on, loopMetric(sim.MAdoption, 10)), loopEach(off, loopMetric(sim.MAdoption, 10)), 0.5)
	mgr := loopMetric(sim.MOrientationManager, 10)
	loopLarger(t, "managers' orientation at year 10, adoption - none", loopEach(on, mgr), loopEach(off, mgr), 0.03)
	// Ambassadors carry the innovation home: with the Kolectivo's (year 8)
	// adoption grows faster than without their carrying it.
	noCarry := loopRuns(t, loopPreset(t, "mom", "value.ambassador_carry", "0"))
	loopLarger(t, "adoption at year 12, ambassadors carry - do not", loopEach(on, loopMetric(sim.MAdoption, 12)), loopEach(noCarry, loopMetric(sim.MAdoption, 12)), 0.02)
}

// Transformation lowers the system world's pressure on executives and
// raises the municipal money.
func TestLoopTransformation(t *testing.T) {
	on := loopRuns(t, loopPreset(t, "proeftuin-ruwaard", "run.years", "10"))
	off := loopRuns(t, loopPreset(t, "proeftuin-ruwaard", "run.years", "10", "value.transformation_effect", "0"))
	exe := loopMetric(sim.MOrientationExecutive, 10)
	loopLarger(t, "executives' orientation at year 10, transformation acts - not", loopEach(on, exe), loopEach(off, exe), 0.02)
	funded := func(tf string) []*sim.Result {
		return loopRuns(t, loopPreset(t, "proeftuin-ruwaard", "run.years", "10", "network.municipal_budget", "100", "value.transformation_funding", tf))
	}
	budget := loopMetric(sim.MBudget, 10)
	loopLarger(t, "budget at year 10, funding follows transformation - not", loopEach(funded("0.5"), budget), loopEach(funded("0"), budget), 0.03)
}

// External legitimacy makes residents come forward, brings money and new
// partners; internal legitimacy keeps partners.
func TestLoopLegitimacy(t *testing.T) {
	t.Run("willingness", func(t *testing.T) {
		// Cimot has little external legitimacy (a large regional network,
		// hardly visible): residents come forward less readily than if
		// their willingness did not depend on it.
		on := loopRuns(t, loopPreset(t, "cimot"))
		off := loopRuns(t, loopPreset(t, "cimot", "legitimacy.willingness", "0"))
		solved := loopGain(sim.MCasesSolvedCum, 1, 8)
		loopLarger(t, "Cimot's cases solved in years 1-8, willingness independent of - dependent on legitimacy", loopEach(off, solved), loopEach(on, solved), 0.05)
	})
	t.Run("money", func(t *testing.T) {
		on := loopRuns(t, loopPreset(t, "cimot", "legitimacy.budget", "0.8"))
		off := loopRuns(t, loopPreset(t, "cimot", "legitimacy.budget", "0"))
		budget := loopMetric(sim.MBudget, 6)
		// Cimot's external legitimacy is low: money that depends on it is less.
		loopLarger(t, "Cimot's budget at year 6, independent of - dependent on legitimacy", loopEach(off, budget), loopEach(on, budget), 0.2)
	})
	t.Run("new partners", func(t *testing.T) {
		on := loopRuns(t, loopPreset(t, "botu"))
		off := loopRuns(t, loopPreset(t, "botu", "legitimacy.attraction", "0"))
		partners := loopMetric(sim.MPartners, 10)
		loopLarger(t, "BoTu's partners at year 10, attraction - none", loopEach(on, partners), loopEach(off, partners), 0.1)
	})
	t.Run("partners kept", func(t *testing.T) {
		on := loopRuns(t, loopPreset(t, "cimot", "legitimacy.exit", "0.5"))
		off := loopRuns(t, loopPreset(t, "cimot", "legitimacy.exit", "0"))
		partners := loopMetric(sim.MPartners, 10)
		loopLarger(t, "Cimot's partners at year 10, without - with exit of unsupported partners", loopEach(off, partners), loopEach(on, partners), 0.05)
	})
}

// Colleagues in the regular organisation push back ('zoetzuur'): with more
// backlash, professionals and managers orient less to the network and fewer
// cases are solved.
func TestLoopBacklash(t *testing.T) {
	none := loopRuns(t, loopPreset(t, "bossche-bond", "forces.backlash", "0"))
	much := loopRuns(t, loopPreset(t, "bossche-bond", "forces.backlash", "0.5"))
	pro := loopMetric(sim.MOrientationProfessional, 6)
	loopLarger(t, "professionals' orientation at year 6, no - much backlash", loopEach(none, pro), loopEach(much, pro), 0.03)
	solved := loopGain(sim.MCasesSolvedCum, 2, 8)
	loopLarger(t, "cases solved in years 2-8, no - much backlash", loopEach(none, solved), loopEach(much, solved), 0.03)
}

// Residents as members with a voice (BoTu12) raise visibility and external
// legitimacy and bring neighbours forward.
func TestLoopResidents(t *testing.T) {
	with := loopRuns(t, loopPreset(t, "botu", "legitimacy.attraction", "0"))
	without := loopRuns(t, loopPreset(t, "botu", "legitimacy.attraction", "0", "residents.members", "0"))
	leg := loopMetric(sim.MLegitimacyExternal, 5)
	loopLarger(t, "external legitimacy at year 5, BoTu12 - no resident members", loopEach(with, leg), loopEach(without, leg), 0.05)
	solved := loopGain(sim.MCasesSolvedCum, 1, 8)
	loopLarger(t, "cases solved in years 1-8, BoTu12 - no resident members", loopEach(with, solved), loopEach(without, solved), 0.05)
}
