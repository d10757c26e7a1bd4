package sim

import "math"

// Governance: the coordination efficiency eta in [0,1] of each network
// depends on its governance form and its number of active partners n
// (Kenis & Cambré; the seed's 'about fifteen partners'):
//
//	shared (participant) governance: eta = 1 / (1 + n(n-1)/2 / shared_pairs)
//	lead organisation:               eta = 1 / (1 + n / lead_partners)
//	network administrative org.:     eta = 1 / (1 + n / (nao_partners_per_fte * FTE_paid))
//
// Under shared governance every pair of partners must coordinate; under the
// other forms partners coordinate through a hub. The result is multiplied by
// the network manager's personal factor and divided by the congestion of
// competing networks.

// governance updates every network's coordination efficiency.
func (m *Model) governance() {
	g := &m.cfg.Governance
	attention := 1 / (1 + g.Congestion*float64(m.cfg.Environment.CompetingNetworks))
	for k := range m.nets {
		nw := &m.nets[k]
		nw.budget = m.cfg.Network.MunicipalBudget
		for _, o := range nw.orgs {
			if org := &m.orgs[o]; org.active {
				nw.budget += org.contribution * org.capacity / float64(len(org.nets))
			}
		}
		n := float64(nw.partners)
		var eta float64
		switch m.cfg.Network.Governance {
		case "shared":
			eta = 1 / (1 + n*(n-1)/2/g.SharedPairs)
		case "lead":
			eta = 1 / (1 + n/g.LeadPartners)
		default: // nao
			eta = 1 / (1 + n/(g.NAOPartnersPerFTE*math.Max(m.paidFTE(nw), 0.05)))
		}
		nw.eta = eta * m.personalFactor(nw) * attention
	}
}

// effectiveFTE is the coordination capacity that is actually working: the
// FTE the budget can pay for (at most network.coordination_fte) times the
// personal factor. The budget is the municipal budget plus every active
// partner's contribution, weighted by its own capacity (a weakened partner
// pays less) and split over the networks it works in.
func (m *Model) effectiveFTE(nw *network) float64 {
	return m.paidFTE(nw) * m.personalFactor(nw)
}

// paidFTE is the coordination the budget pays for, at most network.coordination_fte.
func (m *Model) paidFTE(nw *network) float64 {
	return math.Min(nw.fte, nw.budget/m.cfg.Network.FTECost)
}
