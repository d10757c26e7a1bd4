package sim

import "math"

// Key persons: networks 'drijven op persoonlijke krachten' (Deel A h3). The
// network manager's role is held by governance.coordinators persons (one,
// or spread over several as MOM's Kolectivo's did); the governance form
// decides who brokers ties for the network (Provan & Kenis 2008): the
// coordinators alone (network administrative organisation), the
// coordinators and the lead organisation's managers (lead organisation), or
// the coordinators and every core-coalition executive (shared governance).
// Brokering ties between the partners' people is tactical coordination, so
// the form that decides is the tactical level's (network.governance_tactical,
// or network.governance where that says "same"): MOM's full-time manager
// (a NAO at the tactical level) brokers alone, while its executives decide
// together at the strategic level.
// What the key persons are worth to the network is their tie portfolio:
// the trust on the ties of the coordinators and the core coalition. When
// one of them leaves, the ties go with the person (turnover.go) and a
// successor has to build them again through outreach and meetings.

// appointNetworkManager gives network k its coordinators where it has
// coordination capacity: governance.coordinators managers, one of each
// partner in turn, starting with the lead organisation, else the most
// powerful partner (often the municipality, as in BoTu and Proeftuin
// Ruwaard). The first of them is the network manager, 'the face' of the
// network.
func (m *Model) appointNetworkManager(k int) {
	nw := &m.nets[k]
	if nw.fte <= 0 || len(nw.coords) > 0 {
		return
	}
	var order []int
	for _, g := range nw.orgs {
		if m.orgs[g].active {
			order = append(order, g)
		}
	}
	// Lead first, then by power, then by position: deterministic.
	before := func(g, h int) bool {
		a, b := &m.orgs[g], &m.orgs[h]
		if a.lead != b.lead {
			return a.lead
		}
		return a.power > b.power
	}
	for i := 1; i < len(order); i++ {
		for j := i; j > 0 && before(order[j], order[j-1]); j-- {
			order[j], order[j-1] = order[j-1], order[j]
		}
	}
	if len(order) == 0 {
		return
	}
	p := &m.people
	for x := range max(1, m.cfg.Governance.Coordinators) {
		g := order[x%len(order)]
		for i := nw.firstPerson; i < p.n(); i++ {
			if int(p.org[i]) == g && int(p.net[i]) == k && p.level[i] == levelManager && p.roles[i]&roleNetworkManager == 0 {
				p.roles[i] |= roleNetworkManager
				p.orient[i] = math.Max(p.orient[i], m.cfg.Persons.NetworkManager)
				p.next[i] = p.orient[i]
				nw.coords = append(nw.coords, int32(i))
				break
			}
		}
	}
	if len(nw.coords) > 0 {
		nw.netMgr = nw.coords[0]
	}
}

// dropCoordinators takes the role from network k's coordinators when one of
// them works for a partner that has left, so that appointNetworkManager
// appoints them again.
func (m *Model) dropCoordinators(k int) {
	nw := &m.nets[k]
	gone := false
	for _, i := range nw.coords {
		if !m.orgs[m.people.org[i]].active {
			gone = true
		}
	}
	if !gone {
		return
	}
	for _, i := range nw.coords {
		m.people.roles[i] &^= roleNetworkManager
	}
	nw.coords = nw.coords[:0]
	nw.netMgr = -1
	nw.firstPerson = 0
}

// gatherBrokers lists network k's brokers of the coordination (by the
// tactical level's governance form, see above), its ambassadors and its
// meeting participants (meets) among the persons of active partners, for
// this week.
func (m *Model) gatherBrokers(k int) {
	nw := &m.nets[k]
	p := &m.people
	form := m.cfg.Network.formOf(govTactical)
	nw.brokers, nw.ambassadors, nw.meet = nw.brokers[:0], nw.ambassadors[:0], nw.meet[:0]
	for _, i := range nw.coords {
		if m.orgs[p.org[i]].active {
			nw.brokers = append(nw.brokers, i)
			nw.meet = append(nw.meet, i)
		}
	}
	for _, i := range nw.managers {
		g := &m.orgs[p.org[i]]
		if !g.active || p.roles[i]&roleNetworkManager != 0 {
			continue
		}
		if form == formLead && g.lead {
			nw.brokers = append(nw.brokers, i)
		}
		if p.roles[i]&roleAmbassador != 0 {
			nw.ambassadors = append(nw.ambassadors, i)
			nw.meet = append(nw.meet, i)
		}
	}
	for _, i := range nw.core {
		if m.orgs[p.org[i]].active {
			if form == formShared {
				nw.brokers = append(nw.brokers, i)
			}
			nw.meet = append(nw.meet, i)
		}
	}
}

// keyTrust returns the trust on the ties of network nw's key persons (its
// coordinators and core-coalition executives of active partners), a tie
// between two of them counted for each.
func (m *Model) keyTrust(nw *network) (sum float64) {
	t := &m.ties
	p := &m.people
	add := func(i int32) {
		if !m.orgs[p.org[i]].active {
			return
		}
		for _, e := range t.edgesOf(i) {
			sum += t.trust[e]
		}
	}
	for _, i := range nw.coords {
		add(i)
	}
	for _, i := range nw.core {
		add(i)
	}
	return sum
}

// personalFactor is how much of its key persons' social capital the network
// has: 1 - w + w*(inst + (1-inst)*capital), w = governance.manager_weight,
// with capital = S/(S + governance.capital_half) and S the trust on the key
// persons' ties (keyTrust). An institutionalised network depends less on the
// persons.
//
// The capital is taken once a week, at the first call (governance, after
// turnover), and kept for the week's further calls and the metrics.
func (m *Model) personalFactor(nw *network) float64 {
	w := m.cfg.Governance.ManagerWeight
	if nw.capitalAt != m.tick || m.tick == 0 {
		s := m.keyTrust(nw)
		nw.capital, nw.capitalAt = s/(s+m.cfg.Governance.CapitalHalf), m.tick
	}
	return 1 - w + w*(nw.inst+(1-nw.inst)*nw.capital)
}
