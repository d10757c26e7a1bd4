package sim

import "math"

// Legitimacy (Deel C h4). Internal legitimacy is the support of the
// partners' boards and supervisors; each board's support moves towards
//
//	target = 0.5*stance + 0.5*(0.5*signal + 0.5*indirect) - dominance - (1-capacity)
//
// where stance is the board's initial view (risk 0.2, non-core task 0.5,
// asset 0.8), signal = 1 - exp(-solved per partner per year / signal_cases)
// the direct value the board hears of, indirect the network's indirect value,
// dominance the loss a non-lead partner feels under a lead organisation, and
// 1-capacity the damage the network did to the partner itself. External
// legitimacy moves towards supply / (supply + demand), with
//
//	supply = visibility*(0.5*signal + 0.5*transformation) + 0.5*resident_involvement
//	demand = 0.5 * partners / scale_partners
//
// so that it grows more urgent with scale. The shared ambition follows the
// mean orientation of the core coalition's executives.

// legitimacy updates board support, internal and external legitimacy and ambition.
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
	indirect := nw.indirect()
	sw, gw := lc.StanceWeight, lc.SignalWeight
	var sum, weight float64
	for _, g := range nw.orgs {
		o := &m.orgs[g]
		if !o.active {
			continue
		}
		if o.nets[0] == k { // a shared partner's board is moved by its home network
			target := sw*o.stance + (1-sw)*(gw*nw.signal+(1-gw)*indirect) - (1 - o.capacity)
			if m.cfg.Network.Governance == "lead" && !o.lead {
				target -= m.cfg.Governance.LeadDominance
			}
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
	supply := nw.vis*(gw*nw.signal+(1-gw)*nw.transform) + lc.Residents*nw.involve
	demand := lc.Demand * n / lc.ScalePartners
	target := 0.0
	if supply+demand > 0 {
		target = supply / (supply + demand)
	}
	nw.legExt += rate * (target - nw.legExt)
}
