package sim

import "math"

// Goals and consensus. Every partner has its own goals: weights over the
// seven life domains, drawn when it joins around the problems households
// bring (domainPrevalence),
//
//	goal_d = prevalence_d * exp(dispersion * N_d) / sum over domains
//
// The shared ambition (aims) is what the core coalition negotiates: each
// week the power-weighted mean of the goals of its active core partners (of
// all active partners if none is left). Goal consensus is one minus the
// mean distance of the active partners' goals to the aims,
//
//	consensus = 1 - mean_g distance(goals_g, aims),  distance = 1/2 sum_d |goals_d - aims_d|
//
// It matters in three places: a professional takes up a case in the
// domains its organisation cares about more readily (takeUp in openCase),
// each strategic decision takes more hours the lower the consensus
// (coordinationHours), and a board whose goals lie far from the aims
// supports the network less (voiceLoss).

// drawGoals draws partner o's goals from the model stream.
func (m *Model) drawGoals(o *org) {
	sd := m.cfg.Goals.Dispersion
	sum := 0.0
	for d := range numDomains {
		o.goals[d] = m.prevalence[d] * math.Exp(sd*m.rng.NormFloat64())
		sum += o.goals[d]
	}
	for d := range numDomains {
		o.goals[d] /= sum
	}
}

// negotiateGoals sets network k's shared ambition and goal consensus.
func (m *Model) negotiateGoals(k int) {
	nw := &m.nets[k]
	var aims [numDomains]float64
	weight := 0.0
	for pass := 0; pass < 2 && weight == 0; pass++ {
		for _, g := range nw.orgs {
			o := &m.orgs[g]
			if !o.active || (pass == 0 && !o.core) {
				continue
			}
			for d := range numDomains {
				aims[d] += o.power * o.goals[d]
			}
			weight += o.power
		}
	}
	if weight == 0 {
		return
	}
	for d := range numDomains {
		aims[d] /= weight
	}
	nw.aims = aims
	dist, n := 0.0, 0
	for _, g := range nw.orgs {
		if o := &m.orgs[g]; o.active {
			dist += goalDistance(&o.goals, &aims)
			n++
		}
	}
	nw.consensus = 1 - dist/float64(n)
}

// goalDistance is the total-variation distance between two goal vectors, in [0,1].
func goalDistance(a, b *[numDomains]float64) float64 {
	s := 0.0
	for d := range numDomains {
		s += math.Abs(a[d] - b[d])
	}
	return s / 2
}

// takeUp is how readily a professional of partner o takes up a case in the
// domains set: the weight o's goals give those domains relative to the
// weight the problems give them, at most 1.
func (m *Model) takeUp(o *org, domains uint8) float64 {
	var goal, prev float64
	for d := range numDomains {
		if domains&(1<<d) != 0 {
			goal += o.goals[d]
			prev += m.prevalence[d]
		}
	}
	return math.Min(1, goal/prev)
}
