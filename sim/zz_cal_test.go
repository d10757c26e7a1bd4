package sim_test

import (
	"os"
	"strings"
	"testing"

	"github.com/orgnet/orgnet/sim"
	"gonum.org/v1/gonum/stat"
)

func TestZZCal(t *testing.T) {
	sets := strings.Fields(os.Getenv("CALSET"))
	for _, name := range []string{"bossche-bond", "proeftuin-ruwaard", "mom", "botu", "cimot"} {
		y := 4.0
		if name == "bossche-bond" {
			y = 3.75
		}
		cfg := preset(t, name, sets...)
		rs := runSeeds(t, cfg, 24)
		h := stat.Mean(values(rs, func(r *sim.Result) float64 { return at(r, sim.MCasesSolvedCum, y) + at(r, sim.MCasesFailedCum, y) }), nil)
		reach := stat.Mean(values(rs, func(r *sim.Result) float64 { return r.Final(sim.MProblemsReached) }), nil)
		solv := stat.Mean(values(rs, func(r *sim.Result) float64 { return r.Final(sim.MProblemsSolved) }), nil)
		ww := stat.Mean(values(rs, func(r *sim.Result) float64 { return r.Final(sim.MWaitingWeeks) }), nil)
		cw := stat.Mean(values(rs, func(r *sim.Result) float64 { return r.Final(sim.MCaseWeeks) }), nil)
		co := stat.Mean(values(rs, func(r *sim.Result) float64 { return at(r, sim.MCoordination, y) }), nil)
		wb := stat.Mean(values(rs, func(r *sim.Result) float64 { return at(r, sim.MWellbeing, y) }), nil)
		t.Logf("%-18s handled@%.2f %6.1f reached %.3f solved %.3f wait %.1f casewk %.1f coord %.3f wb %.2f", name, y, h, reach, solv, ww, cw, co, wb)
	}
}
