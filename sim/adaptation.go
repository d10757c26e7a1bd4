package sim

// Adaptation: the network reviews itself and changes its form when it no
// longer works ("Het netwerk ligt niet vast: de vorm volgt duidelijk de
// functie (wat werkt)", Deel C h2; MOM "heeft zichzelf de afgelopen twaalf
// jaar drie tot vier keer opnieuw uitgevonden", Deel B 2). With
// adaptation.enabled each network reviews itself every adaptation.interval
// weeks (and a `review` event makes every network review itself at once).
// A review compares the cases solved per week since the last review, r, and
// the external legitimacy, L, with their values at the last review:
//
//	reinvent if r < (1-tolerance)*r_last or L < (1-tolerance)*L_last
//
// (the first review only takes the measure). A reinvention, with renewal u:
//
//	ambition  += u*(1-ambition)            (the partners renew their shared ambition)
//	ownership += u*(1-ownership)           (for every active partner: they rework the approach together)
//	inst      -= u*inst                    (procedures give way to a new form)
//	FTE       += fte_step                  (more coordination, paid only if the budget allows)
//
// and the partners whose boards no longer support the network
// (support < legitimacy.exit_support) leave: the network's values become a
// condition of membership.

// adaptation lets every network review itself when its review is due.
func (m *Model) adaptation() {
	ac := &m.cfg.Adaptation
	if !ac.Enabled {
		return
	}
	if every := max(1, int(ac.Interval)); m.tick%every == 0 {
		m.reviewAll()
	}
}

// reviewAll lets every network review itself now.
func (m *Model) reviewAll() {
	changed := false
	for k := range m.nets {
		changed = m.review(k) || changed
	}
	if changed {
		m.afterStructureChange()
	}
}

// review lets network k review itself and reinvent itself if its results or
// legitimacy fell; it reports whether partners left.
func (m *Model) review(k int) bool {
	nw := &m.nets[k]
	ac := &m.cfg.Adaptation
	weeks := float64(max(1, m.tick-nw.reviewTick))
	rate := float64(nw.solvedCum-nw.reviewSolved) / weeks
	first := !nw.reviewed
	fell := rate < (1-ac.Tolerance)*nw.reviewRate || nw.legExt < (1-ac.Tolerance)*nw.reviewLeg
	left := false
	if !first && fell {
		u := ac.Renewal
		nw.reinventions++
		nw.ambition += u * (1 - nw.ambition)
		nw.inst -= u * nw.inst
		nw.fte += ac.FTEStep
		exit := m.cfg.Legitimacy.ExitSupport
		for _, g := range nw.orgs {
			o := &m.orgs[g]
			if !o.active {
				continue
			}
			o.ownership += u * (1 - o.ownership)
			if !o.lead && o.support < exit && o.nets[0] == k {
				m.removeOrg(g)
				left = true
			}
		}
	}
	nw.reviewed = true
	nw.reviewTick = m.tick
	nw.reviewSolved = nw.solvedCum
	nw.reviewRate = rate
	nw.reviewLeg = nw.legExt
	return left
}
