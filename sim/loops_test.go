package sim_test

// The seed's feedback loops act: switching each one off (its parameter to 0)
// changes an outcome further down the chain, by a paired difference over
// several seeds whose 95% interval excludes zero. Each pair of runs shares
// its seed, so the difference is the loop's own effect.

import (
	"math"
	"testing"

	"github.com/orgnet/orgnet/sim"
	"gonum.org/v1/gonum/stat"
)

// loopSeeds is the number of seeds per compared configuration.
const loopSeeds = 16

// The helpers preset, runSeeds, at, values and interval are those of the
// pattern tests (patterns_test.go).

// loopRuns runs cfg over loopSeeds seeds.
func loopRuns(t *testing.T, cfg *sim.Config) []*sim.Result {
	t.Helper()
	return runSeeds(t, cfg, loopSeeds)
}

// loopMetric returns f for a metric at a year.
func loopMetric(metric int, year float64) func(*sim.Result) float64 {
	return func(r *sim.Result) float64 { return at(r, metric, year) }
}

// loopGain returns f for the growth of a metric between two years.
func loopGain(metric int, from, to float64) func(*sim.Result) float64 {
	return func(r *sim.Result) float64 { return at(r, metric, to) - at(r, metric, from) }
}

// loopInterval returns the mean of the paired differences a-b and its 95% t-interval.
func loopInterval(a, b []float64) (mean, lo, hi float64) {
	d := make([]float64, len(a))
	for i := range a {
		d[i] = a[i] - b[i]
	}
	return interval(d)
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
	on := loopRuns(t, preset(t, "bossche-bond"))
	off := loopRuns(t, preset(t, "bossche-bond", "value.learning_effect", "0"))
	solved := loopGain(sim.MCasesSolvedCum, 2, 8)
	loopLarger(t, "cases solved in years 2-8, learning acts - not", values(on, solved), values(off, solved), 0.03)
	// Slower work: more of the cases closed in years 2-8 reach cases.max_weeks and fail.
	failedShare := func(r *sim.Result) float64 {
		s, f := at(r, sim.MCasesSolvedCum, 8)-at(r, sim.MCasesSolvedCum, 2), at(r, sim.MCasesFailedCum, 8)-at(r, sim.MCasesFailedCum, 2)
		return f / (s + f)
	}
	loopLarger(t, "share of closed cases that failed in years 2-8, learning does not act - acts", values(off, failedShare), values(on, failedShare), 0.05)
}

// Innovation taken into the partners' regular work weakens the internal
// procedures, complexity and backlash: without adoption, middle managers
// stay more oriented to their own organisation.
func TestLoopInnovation(t *testing.T) {
	on := loopRuns(t, preset(t, "mom"))
	off := loopRuns(t, preset(t, "mom", "value.adoption_rate", "0"))
	loopLarger(t, "adoption at year 10, on - off", values(on, loopMetric(sim.MAdoption, 10)), values(off, loopMetric(sim.MAdoption, 10)), 0.5)
	// Downstream, in Proeftuin Ruwaard (whose partners adopt most): managers.
	pOn := loopRuns(t, preset(t, "proeftuin-ruwaard"))
	pOff := loopRuns(t, preset(t, "proeftuin-ruwaard", "value.adoption_rate", "0"))
	mgr := loopMetric(sim.MOrientationManager, 8)
	loopLarger(t, "Proeftuin Ruwaard's managers' orientation at year 8, adoption - none", values(pOn, mgr), values(pOff, mgr), 0.03)
	// Ambassadors carry the innovation home: with the Kolectivo's (year 8)
	// adoption grows faster than without their carrying it.
	noCarry := loopRuns(t, preset(t, "mom", "value.ambassador_carry", "0"))
	loopLarger(t, "adoption at year 12, ambassadors carry - do not", values(on, loopMetric(sim.MAdoption, 12)), values(noCarry, loopMetric(sim.MAdoption, 12)), 0.02)
}

// Transformation lowers the system world's pressure on executives and
// raises the municipal money.
func TestLoopTransformation(t *testing.T) {
	on := loopRuns(t, preset(t, "proeftuin-ruwaard", "run.years", "10"))
	off := loopRuns(t, preset(t, "proeftuin-ruwaard", "run.years", "10", "value.transformation_effect", "0"))
	exe := loopMetric(sim.MOrientationExecutive, 10)
	loopLarger(t, "executives' orientation at year 10, transformation acts - not", values(on, exe), values(off, exe), 0.02)
	funded := func(tf string) []*sim.Result {
		return loopRuns(t, preset(t, "proeftuin-ruwaard", "run.years", "10", "network.municipal_budget", "100", "value.transformation_funding", tf))
	}
	budget := loopMetric(sim.MBudget, 10)
	loopLarger(t, "budget at year 10, funding follows transformation - not", values(funded("0.5"), budget), values(funded("0"), budget), 0.03)
}

// External legitimacy makes residents come forward, brings money and new
// partners; internal legitimacy keeps partners.
func TestLoopLegitimacy(t *testing.T) {
	t.Run("willingness", func(t *testing.T) {
		// Cimot has little external legitimacy (a large regional network,
		// hardly visible): residents come forward less readily than if
		// their willingness did not depend on it.
		on := loopRuns(t, preset(t, "cimot"))
		off := loopRuns(t, preset(t, "cimot", "legitimacy.willingness", "0"))
		solved := loopGain(sim.MCasesSolvedCum, 1, 8)
		loopLarger(t, "Cimot's cases solved in years 1-8, willingness independent of - dependent on legitimacy", values(off, solved), values(on, solved), 0.05)
	})
	// Each row: the outcome at a year is larger with the path at "larger"
	// than at "smaller".
	for _, c := range []struct {
		name, preset, path, larger, smaller string
		metric                              int
		year, minRel                        float64
	}{
		// Cimot's external legitimacy is low: money that depends on it is less.
		{"money", "cimot", "legitimacy.budget", "0", "0.8", sim.MBudget, 6, 0.2},
		// A legitimate network attracts partners (BoTu).
		{"new partners", "botu", "legitimacy.attraction", "1", "0", sim.MPartners, 10, 0.1},
		// Partners whose boards withdrew their support leave (Cimot's care providers).
		{"partners kept", "cimot", "legitimacy.exit", "0", "0.5", sim.MPartners, 10, 0.05},
	} {
		t.Run(c.name, func(t *testing.T) {
			a := loopRuns(t, preset(t, c.preset, c.path, c.larger))
			b := loopRuns(t, preset(t, c.preset, c.path, c.smaller))
			f := loopMetric(c.metric, c.year)
			loopLarger(t, c.preset+": "+sim.MetricNames[c.metric]+" with "+c.path+" "+c.larger+" - "+c.smaller, values(a, f), values(b, f), c.minRel)
		})
	}
}

// Colleagues in the regular organisation push back ('zoetzuur'): with more
// backlash, professionals and managers orient less to the network and fewer
// cases are solved.
func TestLoopBacklash(t *testing.T) {
	none := loopRuns(t, preset(t, "bossche-bond", "forces.backlash", "0"))
	much := loopRuns(t, preset(t, "bossche-bond", "forces.backlash", "0.5"))
	pro := loopMetric(sim.MOrientationProfessional, 6)
	loopLarger(t, "professionals' orientation at year 6, no - much backlash", values(none, pro), values(much, pro), 0.03)
	solved := loopGain(sim.MCasesSolvedCum, 2, 8)
	loopLarger(t, "cases solved in years 2-8, no - much backlash", values(none, solved), values(much, solved), 0.03)
}

// Residents as members with a voice (BoTu12) raise visibility and external
// legitimacy and bring neighbours forward.
func TestLoopResidents(t *testing.T) {
	with := loopRuns(t, preset(t, "botu", "legitimacy.attraction", "0"))
	without := loopRuns(t, preset(t, "botu", "legitimacy.attraction", "0", "residents.members", "0"))
	leg := loopMetric(sim.MLegitimacyExternal, 5)
	loopLarger(t, "external legitimacy at year 5, BoTu12 - no resident members", values(with, leg), values(without, leg), 0.05)
	solved := loopGain(sim.MCasesSolvedCum, 1, 8)
	loopLarger(t, "cases solved in years 1-8, BoTu12 - no resident members", values(with, solved), values(without, solved), 0.05)
}
