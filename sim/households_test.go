package sim_test

import (
	"testing"

	"github.com/orgnet/orgnet/sim"
)

// TestHouseholdsSaturate: twice the professionals in the same area do not
// take up twice the cases: they can find no more problems than arise among
// the households the partners know. On Proeftuin Ruwaard in an area
// of 10,000 households, over years 1-8.
func TestHouseholdsSaturate(t *testing.T) {
	run := func(pros string) []*sim.Result {
		return runSeeds(t, preset(t, "proeftuin-ruwaard", "persons.professionals", pros, "households.count", "10000"), mechanismSeeds)
	}
	one, two := run("250"), run("500")
	taken := func(rs []*sim.Result) []float64 {
		return values(rs, func(r *sim.Result) float64 {
			return r.Rows[8*sim.WeeksPerYear][sim.MProblemsReached]*r.Rows[8*sim.WeeksPerYear][sim.MProblemsCum] -
				r.Rows[sim.WeeksPerYear][sim.MProblemsReached]*r.Rows[sim.WeeksPerYear][sim.MProblemsCum]
		})
	}
	a, b := taken(one), taken(two)
	ratio := make([]float64, len(a))
	for i := range a {
		ratio[i] = b[i] / a[i]
	}
	m, lo, hi := interval(ratio)
	t.Logf("cases taken up in years 1-8, 500 / 250 professionals: %.3f, 95%% interval [%.3f, %.3f]", m, lo, hi)
	if hi >= 1.6 {
		t.Errorf("twice the professionals take up %.3f times the cases (95%% interval up to %.3f), want clearly less than 1.6", m, hi)
	}
	if lo <= 1 {
		t.Errorf("twice the professionals take up %.3f times the cases (95%% interval from %.3f), want more than 1", m, lo)
	}
}
