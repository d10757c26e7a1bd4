package sim_test

import (
	"strconv"
	"testing"

	"github.com/orgnet/orgnet/sim"
)

// In the crisis preset (a crisis of half a year from year 3) executives'
// orientation falls during the crisis and comes back afterwards; they switch
// further than executives who do not respond to their context
// (forces.executive.switching = 0).
func TestExecutivesSwitchInCrisis(t *testing.T) {
	rs := loopRuns(t, preset(t, "crisis"))
	before := values(rs, loopMetric(sim.MOrientationExecutive, 2.95))
	during := values(rs, loopMetric(sim.MOrientationExecutive, 3.45))
	after := values(rs, loopMetric(sim.MOrientationExecutive, 5))
	loopLarger(t, "executives' orientation, before - during the crisis", before, during, 0.1)
	loopLarger(t, "executives' orientation, after - during the crisis", after, during, 0.1)

	fixed := loopRuns(t, preset(t, "crisis", "forces.executive.switching", "0"))
	drop := func(rs []*sim.Result) []float64 {
		return values(rs, func(r *sim.Result) float64 {
			return at(r, sim.MOrientationExecutive, 2.95) - at(r, sim.MOrientationExecutive, 3.45)
		})
	}
	loopLarger(t, "executives' fall in the crisis, switching - not", drop(rs), drop(fixed), 0.1)
}

// Visible success turns executives to the network: in a network that
// solves more cases (more detection), executives are more network-oriented,
// and less so when they do not respond to context. Busy is the calibrated
// detection, quiet a quarter of it (detection counts the households a
// professional screens a year, so the two follow the calibration).
func TestExecutivesFollowSuccess(t *testing.T) {
	d := sim.Defaults().Cases.Detection
	busyAt, quietAt := strconv.FormatFloat(d, 'g', -1, 64), strconv.FormatFloat(d/4, 'g', -1, 64)
	busy := loopRuns(t, preset(t, "bossche-bond", "cases.detection", busyAt))
	quiet := loopRuns(t, preset(t, "bossche-bond", "cases.detection", quietAt))
	solved := loopGain(sim.MCasesSolvedCum, 0, 6)
	loopLarger(t, "cases solved in years 0-6, busy - quiet", values(busy, solved), values(quiet, solved), 1)
	exe := loopMetric(sim.MOrientationExecutive, 6)
	gap := func(a, b []*sim.Result) []float64 {
		x, y := values(a, exe), values(b, exe)
		for i := range x {
			x[i] -= y[i]
		}
		return x
	}
	busyFixed := loopRuns(t, preset(t, "bossche-bond", "cases.detection", busyAt, "forces.executive.switching", "0"))
	quietFixed := loopRuns(t, preset(t, "bossche-bond", "cases.detection", quietAt, "forces.executive.switching", "0"))
	loopLarger(t, "executives' orientation gained from success, switching - not", gap(busy, quiet), gap(busyFixed, quietFixed), 0.1)
}
