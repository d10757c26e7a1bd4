package sim_test

import (
	"testing"

	"github.com/orgnet/orgnet/sim"
)

// TestCompetenceComplexCases: complex cases cost a network that learns
// little more than one that learns. On the Bossche Bond, the weeks that
// complexity adds to a case (cases.complexity 1 against 0, mean weeks from
// taking a case up to closing it over the first eight years) are more where
// the network does not pursue learning (a modest effect: twice the seeds).
func TestCompetenceComplexCases(t *testing.T) {
	run := func(complexity, learning string) []float64 {
		rs := runSeeds(t, preset(t, "bossche-bond", "cases.complexity", complexity, "functions.learning", learning), 2*mechanismSeeds)
		return values(rs, func(r *sim.Result) float64 { return at(r, sim.MCaseWeeks, 8) })
	}
	costOf := func(learning string) []float64 {
		simple, complex := run("0", learning), run("1", learning)
		d := make([]float64, len(simple))
		for i := range simple {
			d[i] = (complex[i] - simple[i]) / simple[i]
		}
		m, lo, hi := interval(d)
		t.Logf("learning %s: complexity lengthens a case by %.1f%% [%.1f%%, %.1f%%]", learning, 100*m, 100*lo, 100*hi)
		return d
	}
	assertPositive(t, "relative weeks complexity adds to a case, without - with learning", costOf("false"), costOf("true"))
}
