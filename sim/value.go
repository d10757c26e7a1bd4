package sim

// Indirect value, in the seed's three orders of learning (Deel C h1):
// learning (first order: people find each other, processes align),
// innovation (second order: new ways of working, taken back into the
// partners' regular work) and transformation (third order: the system itself
// changes). Each is a level in [0,1] per network:
//
//	activity = open cases / (open cases + partners)
//	dL = learning_rate * fL * activity * eta * (1-L) - decay*L
//	dI = innovation_rate * fI * L * (1 - rigidity*inst) * (1-I) - decay*I
//	dT = transformation_rate * fT * I * legitimacy_external * o_exec * (1-T) - decay*T
//
// where f is 1 for a function the network pursues and value.unpursued
// otherwise, inst the network's institutionalisation and o_exec the mean
// orientation of its executives.
//
// Each order acts back on the network (the seed's loops):
//
//   - Learning lowers the cost of hand-offs and of finding colleagues
//     outside one's ties by the factor 1 - learning_effect*L
//     (learningCostFactor).
//   - Innovation is taken into each partner's regular work ('kraamkamer'),
//     faster where its middle managers are ambassadors who carry it home:
//     d adopted_g = adoption_rate * I * (1 + ambassador_carry*a_g) * (1-adopted_g) - decay*adopted_g
//     with a_g the share of g's managers who are ambassadors. Adoption weakens
//     the internal-procedures, internal-success, complexity and backlash
//     forces by the factor 1 - innovation_effect*adopted_g (adoptionRelief).
//   - Transformation lowers the system world's pressure on the executives,
//     S_k = system_pressure * (1 - transformation_effect*T), and raises the
//     municipal money by the factor 1 + transformation_funding*T
//     (municipalMoney, legitimacy.go).

// indirectValue updates learning, innovation and transformation, the
// partners' adoption of the innovation.
func (m *Model) indirectValue() {
	v := &m.cfg.Value
	fn := &m.cfg.Functions
	pursued := func(on bool) float64 {
		if on {
			return 1
		}
		return v.Unpursued
	}
	execOrient, _ := m.meanOrientationPerNet(levelExecutive, 0)
	for k := range m.nets {
		nw := &m.nets[k]
		open := float64(len(nw.open))
		activity := 0.0
		if nw.partners > 0 {
			activity = open / (open + float64(nw.partners))
		}
		nw.learning += v.LearningRate*pursued(fn.Learning)*activity*nw.eta*(1-nw.learning) - v.Decay*nw.learning
		nw.innovation += v.InnovationRate*pursued(fn.Innovation)*nw.learning*(1-v.Rigidity*nw.inst)*(1-nw.innovation) - v.Decay*nw.innovation
		nw.transform += v.TransformationRate*pursued(fn.Transformation)*nw.innovation*nw.legExt*execOrient[k]*(1-nw.transform) - v.Decay*nw.transform
	}
	m.adoption()
}

// adoption lets each active partner take its home network's innovation into
// its regular work; it also sets each network's share of ambassadors
// (ambShare, for ambassador legitimation).
func (m *Model) adoption() {
	v := &m.cfg.Value
	if n := len(m.orgs); len(m.orgAmb) < n {
		m.orgAmb = make([]float64, n)
		m.orgMgr = make([]float64, n)
	}
	amb, mgr := m.orgAmb[:len(m.orgs)], m.orgMgr[:len(m.orgs)]
	clear(amb)
	clear(mgr)
	for k := range m.nets {
		m.nets[k].ambShare = 0
	}
	p := &m.people
	for _, i := range m.byLevel[levelManager] {
		g := p.org[i]
		mgr[g]++
		if p.roles[i]&(roleAmbassador|roleNetworkManager) != 0 {
			amb[g]++
			m.nets[p.net[i]].ambShare++
		}
	}
	for g := range m.orgs {
		o := &m.orgs[g]
		if !o.active {
			continue
		}
		share := 0.0
		if mgr[g] > 0 {
			share = amb[g] / mgr[g]
		}
		inn := m.nets[o.nets[0]].innovation
		o.adopted += v.AdoptionRate*inn*(1+v.AmbassadorCarry*share)*(1-o.adopted) - v.Decay*o.adopted
	}
	for k := range m.nets {
		if n := len(m.nets[k].managers); n > 0 {
			m.nets[k].ambShare /= float64(n)
		}
	}
}

// learningCostFactor is the share of the cost of hand-offs and of finding
// colleagues that network k's first-order learning leaves:
// 1 - learning_effect * learning.
func (m *Model) learningCostFactor(k int) float64 {
	return 1 - m.cfg.Value.LearningEffect*m.nets[k].learning
}

// searchCost is the joint effort [weeks] it takes network k's case to find
// and brief a colleague outside the lead's ties: cases.search_weeks times
// the learning cost factor.
func (m *Model) searchCost(k int) float64 {
	return m.cfg.Cases.SearchWeeks * m.learningCostFactor(k)
}

// systemPressure is the system world's pressure on network nw's executives,
// lowered by its transformation: system_pressure * (1 - transformation_effect*T).
func (m *Model) systemPressure(nw *network) float64 {
	return m.cfg.Environment.SystemPressure * (1 - m.cfg.Value.TransformationEffect*nw.transform)
}

// adoptionRelief is the share of the internal-procedures, internal-success,
// complexity and backlash forces that remains at a partner that adopted the network's
// innovation: 1 - innovation_effect * adopted.
func (m *Model) adoptionRelief(g *org) float64 {
	return 1 - m.cfg.Value.InnovationEffect*g.adopted
}

// meanOrientationPerNet returns, per network, the mean orientation of the
// persons of one level at its active partners who have every role in roles
// (0: any person), and how many there are. The slices are scratch space,
// valid until the next call.
func (m *Model) meanOrientationPerNet(level int, roles uint8) (mean, count []float64) {
	if cap(m.scratchSum) < len(m.nets) {
		m.scratchSum = make([]float64, len(m.nets))
		m.scratchN = make([]float64, len(m.nets))
	}
	sum, n := m.scratchSum[:len(m.nets)], m.scratchN[:len(m.nets)]
	clear(sum)
	clear(n)
	for _, i := range m.byLevel[level] {
		if m.people.roles[i]&roles != roles {
			continue
		}
		k := m.people.net[i]
		sum[k] += m.people.orient[i]
		n[k]++
	}
	for k := range sum {
		if n[k] > 0 {
			sum[k] /= n[k]
		}
	}
	return sum, n
}
