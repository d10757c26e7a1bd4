package sim

import (
	"math"

	"gonum.org/v1/gonum/stat/distuv"
)

// Households: each network serves an area of households.count households
// (scaled like its partners in a run of several networks). Every week each
// household without an open problem gets a multi-domain problem that the
// regular system world does not solve with probability problem_rate/52. A
// problem can only be found by a partner the household is a client of: one
// partner knows a share reach of the area's households, so the share known to
// at least one of n partners is R = 1 - (1-reach)^n; problems of households
// no partner knows are counted as arisen and never reached.
//
// A problem in a known household waits until a network-oriented
// professional finds it. Waiting problems are found at the weekly hazard
//
//	h = detection/52 * calm * proSum / (R * households)
//
// (each professional screens detection households a year, weighted by its
// orientation, its organisation's capacity and its ownership of the
// approach; proSum, see sumProfessionals) and leave unreached, solved
// elsewhere, moved or escalated, at the hazard exit_rate/52. Of the W
// waiting problems, Binomial(W, 1-exp(-(h+x))) leave this week, and of
// those Binomial(., h/(h+x)) are found. A problem found but not taken up
// (nobody free and willing to lead, see openCase) waits again. The mean
// weeks a problem waits is the waiting problems summed over the weeks
// divided by the problems that left the queue (Little's law; the hazards do
// not depend on how long a problem has waited, so those found waited as
// long on average as those that left unreached). More
// professionals raise h, but can find no more problems than arise: the
// cases a network takes up saturate at the problems its partners can see.

// householdWeek draws network k's new problems, those that leave the queue
// unreached and those found this week (nw.arrivals), from the network's
// own stream.
func (m *Model) householdWeek(k int, calm float64) {
	hc := &m.cfg.Households
	nw := &m.nets[k]
	free := math.Max(0, nw.households-float64(nw.waiting+len(nw.open)))
	rate := free * hc.ProblemRate / WeeksPerYear
	reach := m.reachShare(nw)
	seen := poisson(nw.src, rate*reach)
	unseen := poisson(nw.src, rate*(1-reach))
	nw.problemsCum += seen + unseen
	nw.unreachedCum += unseen
	nw.waiting += seen
	h := 0.0
	if known := reach * nw.households; known > 0 {
		h = m.cfg.Cases.Detection / WeeksPerYear * calm * m.willingness(k) * nw.proSum / known
	}
	x := hc.ExitRate / WeeksPerYear
	nw.arrivals = 0
	if nw.waiting > 0 && h+x > 0 {
		left := binomial(nw, nw.waiting, 1-math.Exp(-(h+x)))
		found := binomial(nw, left, h/(h+x))
		nw.waiting -= left
		nw.unreachedCum += left - found
		nw.leftQueue += left
		nw.arrivals = found
	}
	nw.waitWeeks += float64(nw.waiting)
}

// reachShare is the share of network nw's households that at least one of
// its active partners knows: 1 - (1-reach)^partners.
func (m *Model) reachShare(nw *network) float64 {
	return 1 - math.Pow(1-m.cfg.Households.Reach, float64(nw.partners))
}

// binomial draws a Binomial(n, p) count from network nw's stream.
func binomial(nw *network, n int, p float64) int {
	switch {
	case n <= 0 || p <= 0:
		return 0
	case p >= 1:
		return n
	}
	return int(distuv.Binomial{N: float64(n), P: p, Src: nw.src}.Rand())
}
