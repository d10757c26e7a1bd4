package sim_test

import (
	"strconv"
	"testing"

	"github.com/orgnet/orgnet/scenarios"
	"github.com/orgnet/orgnet/sim"
)

// TestTrustMoves: mean trust is not stuck at the level of a new tie; over
// ten years it rises where joint work succeeds and unused ties fade, in at
// least some of the case presets, by at least 0.1.
func TestTrustMoves(t *testing.T) {
	moved := 0
	for _, name := range scenarios.Cases {
		cfg := kpPreset(t, name, map[string]string{"run.years": "10"})
		rs := kpRuns(t, cfg)
		m, lo, hi := kpPaired(kpOf(rs, kpAt(sim.MTrust, 10)), kpOf(rs, kpAt(sim.MTrust, 0)))
		t.Logf("%s: mean trust year 10 minus year 0: %+.3f [%+.3f, %+.3f]", name, m, lo, hi)
		if lo > 0.1 {
			moved++
		}
	}
	if moved < 2 {
		t.Errorf("mean trust rose by more than 0.1 in %d case presets, want at least 2", moved)
	}
}

// TestBrokerageEffect: brokerage is a trust-structure mechanism that
// changes a governance outcome both ways. In MOM (a network manager and a
// core coalition of five) the manager's ties come from brokerage and make
// up much of the key persons' social capital. Without brokerage
// (trust.brokering = 0 and trust.ambassador_brokering = 0) the coordination
// is lower and fewer cases are solved than with the default; with four
// times the default the coordination is higher. The manager's capital
// saturates (S/(S+capital_half)), so in MOM as is the extra coordination
// hardly shows in the cases (logged, not asserted); it does where turnover
// takes the ties away (the turnover preset, 20% a year and the key persons
// leaving): there four times the brokerage solves more cases. (In networks
// whose core coalition is every partner, as the Bossche Bond's, the core's
// own ties carry the capital and brokerage hardly changes the cases: not
// tested.)
func TestBrokerageEffect(t *testing.T) {
	if testing.Short() {
		t.Skip("several seeds of a ten-year preset")
	}
	solved := kpAt(sim.MCasesSolvedCum, 10)
	coordination := kpMean(sim.MCoordination, 2, 10)
	def := sim.Defaults()
	b, a := def.Trust.Brokering, def.Trust.AmbassadorBrokering
	runs := func(preset string, times float64) []*sim.Result {
		cfg := kpPreset(t, preset, map[string]string{"run.years": "10", "trust.brokering": ftoa(times * b), "trust.ambassador_brokering": ftoa(times * a)})
		return kpRuns(t, cfg)
	}
	none, base, more := runs("mom", 0), runs("mom", 1), runs("mom", 4)
	kpAbove(t, "MOM: coordination in years 2-10, default brokerage minus none", kpOf(base, coordination), kpOf(none, coordination), 0.02)
	kpAbove(t, "MOM: cases solved in ten years, default brokerage minus none", kpOf(base, solved), kpOf(none, solved), 20)
	kpAbove(t, "MOM: coordination in years 2-10, four times the brokerage minus default", kpOf(more, coordination), kpOf(base, coordination), 0.01)
	m, lo, hi := kpPaired(kpOf(more, solved), kpOf(base, solved))
	t.Logf("MOM: cases solved in ten years, four times the brokerage minus default: %+.4g [%+.4g, %+.4g] (not asserted)", m, lo, hi)
	kpAbove(t, "turnover: cases solved in ten years, four times the brokerage minus default", kpOf(runs("turnover", 4), solved), kpOf(runs("turnover", 1), solved), 10)
}

// ftoa formats a parameter value.
func ftoa(x float64) string { return strconv.FormatFloat(x, 'g', -1, 64) }
