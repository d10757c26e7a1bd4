package sim

import "math"

// Governance: coordination is hours out of persons' weeks. A network
// coordinates at three levels, the strategic (executives), the tactical
// (middle managers) and the operational (professionals), each under its own
// form (Kenis & Cambré; the seed finds the forms mixed by level). Each week,
// per level l, the network needs N_l hours and the form's channel has S_l
// hours for them; the level carries c_l = min(1, S_l/N_l) of what it needs
// (1 if it needs nothing), and
//
//	eta = personalFactor * attention * c_strategic * c_tactical * c_operational
//
// with attention = 1/(1 + congestion * competing networks).
//
// Hours needed, with n active partners, h = contact_hours:
//
//	contacts:  shared n(n-1)/2 pairs (every partner aligns with every other),
//	           lead n-1 (the lead with each partner), nao n (the staff with each)
//	strategic: contacts*h + decisions, D = decisions/52 a week, each taking
//	           dh = decision_hours*(1 + negotiation*(1-consensus)) per participant:
//	           shared D*n*dh; lead D*lambda*dh for the lead and D*(1-lambda)*n*dh
//	           for the partners; nao D*n*dh of the staff (it consults each partner)
//	tactical:  contacts*h
//	operational: handoff_hours for every member beyond the lead of every open case
//
// Hours available: shared, every active partner's persons of the level give
// executive_hours, manager_hours or professional_hours; lead, the lead
// organisation's persons of the level give lead_hours each (the partners'
// executives take part in the shared decisions with their own hours); nao,
// the staff the budget pays, fte_hours per paid FTE, shared over the levels
// it serves in proportion to their need.
//
// Under a lead organisation at the strategic level the lead takes a share
//
//	lambda = lead_share + (1-lead_share) * (1 - min(1, S_partners / (D*n*dh)))
//
// of the decisions: its own share, and what the partners' executives have
// no time to decide together (so the partners always have the hours for
// their part, and only the lead's hours can fall short). The non-lead partners' boards lose support in
// proportion to lambda (see voiceLoss). The number of partners a form
// carries best is not set anywhere: it follows from these hours.

// Governance levels, indexed like the person levels whose hours they use.
const (
	govStrategic   = levelExecutive
	govTactical    = levelManager
	govOperational = levelProfessional
	numGovLevels   = 3
)

// Governance forms.
const (
	formShared = iota
	formLead
	formNAO
)

// formOf returns the governance form of level l: the level's own setting,
// or network.governance where it says "same".
func (c *NetworkConfig) formOf(l int) int {
	s := [numGovLevels]string{c.GovernanceStrategic, c.GovernanceTactical, c.GovernanceOperational}[l]
	if s == "same" || s == "" {
		s = c.Governance
	}
	switch s {
	case "lead":
		return formLead
	case "nao":
		return formNAO
	}
	return formShared
}

// hasLead reports whether a lead organisation governs any level.
func (c *NetworkConfig) hasLead() bool {
	for l := range numGovLevels {
		if c.formOf(l) == formLead {
			return true
		}
	}
	return false
}

// governance updates every network's budget, goals, hours of coordination
// per level and coordination efficiency.
func (m *Model) governance() {
	g := &m.cfg.Governance
	attention := 1 / (1 + g.Congestion*float64(m.cfg.Environment.CompetingNetworks))
	for k := range m.nets {
		nw := &m.nets[k]
		nw.budget = m.municipalMoney(nw)
		for _, o := range nw.orgs {
			if org := &m.orgs[o]; org.active {
				nw.budget += m.contributionPaid(org) / float64(len(org.nets))
			}
		}
		m.negotiateGoals(k)
		m.coordinationHours(nw)
		m.competence(nw)
		eta := m.personalFactor(nw) * attention
		for l := range numGovLevels {
			eta *= nw.carried[l]
		}
		nw.eta = eta
	}
}

// coordinationHours computes, for network nw, the hours each level needs
// and has, the share it carries (nw.carried) and the lead's share of
// decisions (nw.leadShare).
func (m *Model) coordinationHours(nw *network) {
	g := &m.cfg.Governance
	nc := &m.cfg.Network
	n := float64(nw.partners)
	perPerson := [numGovLevels]float64{g.ExecutiveHours, g.ManagerHours, g.ProfessionalHours}
	D := g.Decisions / WeeksPerYear
	dh := g.DecisionHours * (1 + m.cfg.Goals.Negotiation*(1-nw.consensus))
	handoffs := float64(nw.handoffs)
	var need, have [numGovLevels]float64
	naoNeed := 0.0
	nw.leadShare = 0
	for l := range numGovLevels {
		form := nc.formOf(l)
		var contacts float64
		switch form {
		case formShared:
			contacts = n * (n - 1) / 2
		case formLead:
			contacts = math.Max(n-1, 0)
		default:
			contacts = n
		}
		need[l] = contacts * g.ContactHours
		if l == govOperational {
			need[l] = handoffs * g.HandoffHours
		}
		switch form {
		case formShared:
			have[l] = float64(nw.levelN[l]) * perPerson[l]
		case formLead:
			have[l] = float64(nw.leadN[l]) * g.LeadHours
		}
		if l == govStrategic {
			shared := D * n * dh
			switch form {
			case formShared, formNAO:
				need[l] += shared
			case formLead:
				partners := float64(nw.levelN[l]-nw.leadN[l]) * perPerson[l]
				short := 0.0
				if shared > 0 {
					short = 1 - math.Min(1, partners/shared)
				}
				lambda := g.LeadShare + (1-g.LeadShare)*short
				nw.leadShare = lambda
				need[l] += D * lambda * dh
			}
		}
		if form == formNAO {
			naoNeed += need[l]
		}
	}
	staff := m.paidFTE(nw) * g.FTEHours
	for l := range numGovLevels {
		c := 1.0
		switch {
		case nc.formOf(l) == formNAO:
			if naoNeed > 0 {
				c = math.Min(1, staff/naoNeed)
			}
		case need[l] > 0:
			c = math.Min(1, have[l]/need[l])
		}
		nw.carried[l] = c
	}
}

// voiceLoss is the board support partner o of network nw loses to the
// network's way of deciding: lead_dominance times the lead's share of
// decisions (for a partner that is not the lead), plus goal_weight times the
// distance between its goals and the shared ambition (see goals.go).
func (m *Model) voiceLoss(nw *network, o *org) float64 {
	loss := m.cfg.Goals.BoardWeight * goalDistance(&o.goals, &nw.aims)
	if !o.lead {
		loss += m.cfg.Governance.LeadDominance * nw.leadShare
	}
	return loss
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
