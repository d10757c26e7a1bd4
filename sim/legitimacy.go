package sim

import "math"

// Legitimacy (Deel C h4). Internal legitimacy is the support of the
// partners' boards and supervisors; each board's support moves towards
//
//	target = sw*stance + (1-sw)*(gw*signal + (1-gw)*indirect) - dominance - (1-capacity)
//
// where stance is the board's initial view (supervisors.support_risk,
// support_noncore, support_asset), sw = legitimacy.stance_weight, gw =
// legitimacy.signal_weight, signal = 1 - exp(-solved per partner per year /
// signal_cases) the direct value the board hears of, indirect the network's
// indirect value, dominance the voice a partner loses to a lead
// organisation's share of the decisions and to goals far from the shared
// ambition (voiceLoss, governance.go), and 1-capacity the damage the network
// did to the partner itself. External legitimacy moves towards supply /
// (supply + demand), built through the seed's forms of legitimation and
// accountability to residents:
//
//	supply = self*legInt + partial*signal + ambassador*speakers
//	       + formal*vis*(gw*signal + (1-gw)*transformation) + residents*involvement
//	demand = legitimacy.demand * partners / scale_partners
//
// with speakers = 1 - (1-ambShare)*(1-voice) (the network's ambassadors and
// network manager, and its resident members; see residents.go) and vis the
// visibility raised by the residents' voice. Demand grows with scale.
//
// Legitimacy has consequences (the seed's loops):
//
//   - Residents come forward with their problems more readily to a
//     legitimate network: case arrivals are multiplied by willingness =
//     (1 - willingness_share*(1-legExt)) * (1 + referral*voice).
//   - The municipal money depends on external legitimacy (and grows with
//     transformation): municipal_budget * (1 - b + b*legExt) * (1 + tf*T).
//   - A partner pays its contribution in proportion to its capacity and, in
//     part, its board's support: contribution * capacity * (1 - c + c*support).
//   - A legitimate network attracts new partners: each week with probability
//     attraction/52 * legExt one partner joins, of a kind drawn in the
//     proportions of the configured partners.
//   - Partners whose boards withdrew their support leave (sovereignty.go).
//
// The shared ambition follows the mean orientation of the core coalition's
// executives.

// legitimacy updates board support, internal and external legitimacy and
// ambition, and lets a legitimate network attract partners.
func (m *Model) legitimacy() {
	for k := range m.nets {
		m.updateLegitimacyTargets(k, false)
	}
	// A network whose core coalition has no executives left keeps its ambition.
	core, n := m.meanOrientationPerNet(levelExecutive, roleCore)
	rate := m.cfg.Legitimacy.Ambition
	for k := range m.nets {
		if n[k] > 0 {
			m.nets[k].ambition += rate * (core[k] - m.nets[k].ambition)
		}
	}
	m.attract()
}

func (m *Model) updateLegitimacyTargets(k int, init bool) {
	nw := &m.nets[k]
	lc := &m.cfg.Legitimacy
	rate := lc.Rate
	if init {
		rate = 1
	}
	n := float64(nw.partners)
	perPartner := 0.0
	if n > 0 {
		perPartner = nw.solvedRate * WeeksPerYear / n
	}
	nw.signal = 1 - math.Exp(-perPartner/m.cfg.Value.SignalCases)
	if !init {
		nw.failRate += (float64(nw.failedCum-nw.failedSeen) - nw.failRate) / lc.MemoryWeeks
		nw.failedSeen = nw.failedCum
	}
	m.residentVoice(nw)
	indirect := nw.indirect()
	sw, gw := lc.StanceWeight, lc.SignalWeight
	var sum, weight float64
	for _, g := range nw.orgs {
		o := &m.orgs[g]
		if !o.active {
			continue
		}
		if o.nets[0] == k { // a shared partner's board is moved by its home network
			target := sw*o.stance + (1-sw)*(gw*nw.signal+(1-gw)*indirect) - (1 - o.capacity) - m.voiceLoss(nw, o)
			if init {
				target = o.stance
			}
			o.support += rate * (clamp01(target) - o.support)
		}
		sum += o.power * o.support
		weight += o.power
	}
	if weight > 0 {
		nw.legInt = sum / weight
	}
	speakers := 1 - (1-nw.ambShare)*(1-nw.voice)
	vis := m.visibility(nw)
	supply := lc.Self*nw.legInt + lc.Partial*nw.signal + lc.Ambassador*speakers +
		lc.Formal*vis*(gw*nw.signal+(1-gw)*nw.transform) + lc.Residents*nw.involve
	demand := lc.Demand * n / lc.ScalePartners
	target := 0.0
	if supply+demand > 0 {
		target = supply / (supply + demand)
	}
	nw.legExt += rate * (target - nw.legExt)
}

// willingness is the factor by which residents' readiness to come forward
// multiplies network k's case arrivals: the part that depends on external
// legitimacy, and the neighbours its resident members bring forward.
func (m *Model) willingness(k int) float64 {
	nw := &m.nets[k]
	lc := &m.cfg.Legitimacy
	return (1 - lc.Willingness*(1-nw.legExt)) * (1 + m.cfg.Residents.Referral*nw.voice)
}

// municipalMoney is the municipal money of network nw [k EUR/year]: the
// configured budget, in part dependent on external legitimacy, raised by
// transformation (funding flows change).
func (m *Model) municipalMoney(nw *network) float64 {
	b := m.cfg.Legitimacy.Budget
	return m.cfg.Network.MunicipalBudget * (1 - b + b*nw.legExt) * (1 + m.cfg.Value.TransformationFunds*nw.transform)
}

// contributionPaid is what partner g pays the network(s) a year [k EUR]:
// its contribution times its own capacity and, in part, its board's support.
func (m *Model) contributionPaid(g *org) float64 {
	c := m.cfg.Legitimacy.Contribution
	return g.contribution * g.capacity * (1 - c + c*g.support)
}

// attract lets each network, with weekly probability attraction/52 times
// its external legitimacy, attract one new partner, of a kind drawn in the
// proportions of the configured partners.
func (m *Model) attract() {
	rate := m.cfg.Legitimacy.Attraction / WeeksPerYear
	if rate <= 0 {
		return
	}
	counts, total := m.composition()
	if total == 0 {
		return
	}
	for k := range m.nets {
		if m.rng.Float64() >= rate*m.nets[k].legExt {
			continue
		}
		m.joinNetwork(k, kindAt(counts, m.rng.IntN(total)), 1, m.cfg.Network.Origin == "copied")
	}
}
