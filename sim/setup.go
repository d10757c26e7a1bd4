package sim

import (
	"math"
	"math/rand/v2"
	"strconv"
)

// Initialisation (ODD element 5): build the networks, their partners, the
// persons of each partner at three levels, and the initial ties.

func (m *Model) setup() {
	c := m.cfg
	m.ties.k, m.ties.kb = c.Trust.MaxTies, c.Trust.MaxTiesBroker
	m.nets = make([]network, c.Network.Count)
	counts := m.partnerCounts()
	m.people.reserve(m.personsBound(counts))
	for k := range m.nets {
		nw := &m.nets[k]
		nw.src = networkStream(m.seed, k)
		nw.rng = rand.New(nw.src)
		nw.netMgr = -1
		nw.ambition = c.Network.Ambition
		nw.inst = c.Network.Institutionalised
		nw.vis = c.Network.Visibility
		nw.involve = c.Network.ResidentInvolvement
		nw.fte = c.Network.CoordinationFTE
		nw.fundOn = c.Fund.Enabled
		if nw.fundOn {
			nw.fund = c.Fund.Initial
		}
		scale := 1.0
		if c.Network.Count > 1 && c.Network.SizeSpread > 0 {
			scale = 1 + c.Network.SizeSpread*(2*m.rng.Float64()-1)
		}
		nw.households = math.Round(c.Households.Count * scale)
		var newOrgs []int
		for kind := range numKinds {
			n := int(math.Round(float64(counts[kind]) * scale))
			if counts[kind] > 0 && n == 0 {
				n = 1
			}
			for range n {
				if g, ok := m.shareableOrg(k, kind); ok {
					m.orgs[g].nets = append(m.orgs[g].nets, k)
					nw.orgs = append(nw.orgs, g)
					newOrgs = append(newOrgs, g)
					continue
				}
				g := m.newOrg(kind, k, c.Network.Origin == "copied")
				nw.orgs = append(nw.orgs, g)
				newOrgs = append(newOrgs, g)
			}
		}
		m.markCoreAndLead(k)
		nw.firstPerson = m.people.n()
		m.staff(k, newOrgs, c.Persons.Professionals, false)
		m.appointNetworkManager(k)
	}
	for i := range m.people.hired {
		m.people.hired[i] = -int32(m.rng.IntN(5 * WeeksPerYear)) // in post before the start
	}
	m.ties.grow(m.people.net, m.people.level, len(m.nets))
	for k := range m.nets {
		m.initialTies(k)
	}
	if c.Intervention.Share > 0 {
		m.intervene(c.Intervention.Share)
	}
	m.rebuildIndex()
	for k := range m.nets {
		m.sumProfessionals(k, m.people.orient)
	}
	m.scheduleEvents()
	m.governance()
	for k := range m.nets {
		m.updateLegitimacyTargets(k, true)
	}
}

// partnerCounts returns the configured number of partners of each kind.
func (m *Model) partnerCounts() [numKinds]int {
	p := m.cfg.Partners
	return [numKinds]int{p.Municipality, p.Housing, p.Care, p.Welfare, p.School, p.Company, p.Residents}
}

// personsBound is an upper bound on the persons setup creates, so that the
// person arrays are allocated once: per network at most every kind's count
// scaled by 1+size_spread (at least one of each kind), each organisation with
// its executives, one manager more than professionals/span and one
// professional more than its share by rounding.
func (m *Model) personsBound(counts [numKinds]int) int {
	c := m.cfg
	orgs := 0
	for _, n := range counts {
		if n > 0 {
			orgs += int(math.Round(float64(n)*(1+c.Network.SizeSpread))) + 1
		}
	}
	pros := c.Persons.Professionals + orgs
	perNet := pros + pros/max(1, c.Persons.SpanOfControl) + orgs*(c.Persons.ExecutivesPerOrg+1)
	return c.Network.Count * perNet
}

// shareableOrg picks, with probability network.shared_orgs, a housing
// corporation or care provider of the previous network to work in network k too.
func (m *Model) shareableOrg(k, kind int) (int, bool) {
	if k == 0 || m.cfg.Network.SharedOrgs == 0 || (kind != kindHousing && kind != kindCare) {
		return 0, false
	}
	if m.rng.Float64() >= m.cfg.Network.SharedOrgs {
		return 0, false
	}
	prev := m.nets[k-1].orgs
	for range 4 {
		g := prev[m.rng.IntN(len(prev))]
		o := &m.orgs[g]
		if o.kind == kind && o.nets[len(o.nets)-1] != k {
			return g, true
		}
	}
	return 0, false
}

func (m *Model) newOrg(kind, net int, copied bool) int {
	c := m.cfg
	power, _ := c.Kinds.traits(kind)
	stance := c.Supervisors.support(m.stanceOf(kind))
	own := c.Rollout.SelfStart
	if copied {
		own = c.Rollout.CopiedStart
	}
	o := org{
		kind: kind, domains: kindDomains[kind], power: power,
		stance: stance, support: stance,
		sovereignty: c.Sovereignty.Handed, capacity: 1,
		ownership: own, copied: copied,
		contribution: c.Network.Contribution,
		active:       true, joined: m.tick, left: -1,
		nets: []int{net},
	}
	m.drawGoals(&o)
	m.kindCount[kind]++ // organisations are never removed from m.orgs
	o.name = KindNames[kind] + " " + strconv.Itoa(m.kindCount[kind])
	m.orgs = append(m.orgs, o)
	return len(m.orgs) - 1
}

func (m *Model) stanceOf(kind int) string {
	s := m.cfg.Supervisors
	return [numKinds]string{s.Municipality, s.Housing, s.Care, s.Welfare, s.School, s.Company, s.Residents}[kind]
}

// markCoreAndLead marks network k's core coalition (the most powerful
// partners, network.core_coalition of them, or all) and, under lead
// governance, the lead organisation (the most powerful partner).
func (m *Model) markCoreAndLead(k int) {
	nw := &m.nets[k]
	n := m.cfg.Network.CoreCoalition
	if n == 0 || n > len(nw.orgs) {
		n = len(nw.orgs)
	}
	// Order by power, then by position: deterministic.
	order := append([]int(nil), nw.orgs...)
	for i := 1; i < len(order); i++ {
		for j := i; j > 0 && m.orgs[order[j]].power > m.orgs[order[j-1]].power; j-- {
			order[j], order[j-1] = order[j-1], order[j]
		}
	}
	for i, g := range order {
		if i < n {
			m.orgs[g].core = true
		}
	}
	if m.cfg.Network.hasLead() && len(order) > 0 {
		m.orgs[order[0]].lead = true
	}
}

// replaceLead makes the most powerful active partner of network k (the
// first of equal power) its lead organisation where a level is led by one
// and the lead has left.
func (m *Model) replaceLead(k int) {
	if !m.cfg.Network.hasLead() {
		return
	}
	best := -1
	for _, g := range m.nets[k].orgs {
		o := &m.orgs[g]
		if !o.active {
			continue
		}
		if o.lead {
			return
		}
		if best < 0 || o.power > m.orgs[best].power {
			best = g
		}
	}
	if best >= 0 {
		m.orgs[best].lead = true
	}
}

// staff creates the persons of the given organisations in network k: the
// professionals (shared out by kind size), their managers and executives.
func (m *Model) staff(k int, orgIdx []int, professionals int, newcomers bool) {
	c := m.cfg.Persons
	total := 0.0
	for _, g := range orgIdx {
		_, size := m.cfg.Kinds.traits(m.orgs[g].kind)
		total += size
	}
	init := [3]float64{c.OrientationExecutive, c.OrientationManager, c.OrientationProfessional}
	draw := func(level int) float64 {
		if newcomers {
			return m.cfg.Persons.Anchor
		}
		return clamp01(init[level] + c.Spread*m.rng.NormFloat64())
	}
	for _, g := range orgIdx {
		o := &m.orgs[g]
		_, size := m.cfg.Kinds.traits(o.kind)
		nPros := int(math.Round(float64(professionals) * size / total))
		if nPros < 1 {
			nPros = 1
		}
		exec := int32(-1)
		if o.nets[0] == k { // executives belong to the home network
			for range c.ExecutivesPerOrg {
				e := m.people.add(levelExecutive, g, k, -1, draw(levelExecutive), m.tick-1)
				if o.core {
					m.people.roles[e] |= roleCore
				}
				if exec < 0 {
					exec = e
				}
			}
			o.exec = exec
		} else {
			exec = o.exec
		}
		nMgr := (nPros + c.SpanOfControl - 1) / c.SpanOfControl
		mgrs := make([]int32, nMgr)
		for i := range mgrs {
			mgrs[i] = m.people.add(levelManager, g, k, int(exec), draw(levelManager), m.tick-1)
		}
		for i := range nPros {
			m.people.add(levelProfessional, g, k, int(mgrs[i%nMgr]), draw(levelProfessional), m.tick-1)
		}
	}
}

// initialTies gives professionals and managers of network k random ties to
// persons of the same level at other partners, executives of the core
// coalition ties to each other.
func (m *Model) initialTies(k int) {
	tc := m.cfg.Trust
	// During setup the persons of network k are those created between its
	// firstPerson and the next network's.
	end := m.people.n()
	if k+1 < len(m.nets) {
		end = m.nets[k+1].firstPerson
	}
	byLevel := &m.scratchLevels
	for l := range byLevel {
		byLevel[l] = byLevel[l][:0]
	}
	for i := m.nets[k].firstPerson; i < end; i++ {
		if int(m.people.net[i]) == k {
			l := m.people.level[i]
			byLevel[l] = append(byLevel[l], int32(i))
		}
	}
	m.randomTies(byLevel[levelProfessional], tc.TiesProfessional)
	m.randomTies(byLevel[levelManager], tc.TiesManager)
	core := byLevel[levelExecutive]
	for x, i := range core {
		for _, j := range core[x+1:] {
			if m.people.roles[i]&roleCore != 0 && m.people.roles[j]&roleCore != 0 && m.people.org[i] != m.people.org[j] {
				m.initialTie(i, j)
			}
		}
	}
}

// randomTies links each person in group to about mean others of the group
// at other organisations.
func (m *Model) randomTies(group []int32, mean float64) {
	if len(group) < 2 || mean <= 0 {
		return
	}
	n := int(math.Round(mean * float64(len(group)) / 2))
	for range n {
		i := group[m.rng.IntN(len(group))]
		j := group[m.rng.IntN(len(group))]
		if m.people.org[i] != m.people.org[j] {
			m.initialTie(i, j)
		}
	}
}

// initialTie links i and j at the start with trust.initial. The tie was
// last used some time before the start, uniformly up to trust.unused_weeks
// ago (as persons have been in post for a while), so that the initial ties
// nobody uses do not all fade in the same week.
func (m *Model) initialTie(i, j int32) {
	if e := m.ties.link(i, j, m.cfg.Trust.Initial); e >= 0 {
		m.ties.used[e] = -int32(m.rng.IntN(int(m.cfg.Trust.UnusedWeeks) + 1))
	}
}

// rebuildIndex recomputes the per-level and per-network person lists after
// the structure changed (setup, partners joining or leaving).
func (m *Model) rebuildIndex() {
	for l := range m.byLevel {
		m.byLevel[l] = m.byLevel[l][:0]
	}
	for k := range m.nets {
		m.nets[k].pros = m.nets[k].pros[:0]
		m.nets[k].spans = m.nets[k].spans[:0]
		m.nets[k].core = m.nets[k].core[:0]
		m.nets[k].managers = m.nets[k].managers[:0]
	}
	for i := range m.people.level {
		nw := &m.nets[m.people.net[i]]
		if n := len(nw.spans); n > 0 && nw.spans[n-1].hi == int32(i) {
			nw.spans[n-1].hi++
		} else {
			nw.spans = append(nw.spans, personSpan{int32(i), int32(i) + 1})
		}
		switch {
		case m.people.level[i] == levelExecutive && m.people.roles[i]&roleCore != 0:
			nw.core = append(nw.core, int32(i))
		case m.people.level[i] == levelManager:
			nw.managers = append(nw.managers, int32(i))
		}
		if !m.orgs[m.people.org[i]].active {
			continue
		}
		l := m.people.level[i]
		m.byLevel[l] = append(m.byLevel[l], int32(i))
		if l == levelProfessional {
			k := m.people.net[i]
			m.nets[k].pros = append(m.nets[k].pros, int32(i))
		}
	}
	for k := range m.nets {
		n := 0
		for _, g := range m.nets[k].orgs {
			if m.orgs[g].active {
				n++
			}
		}
		m.nets[k].partners = n
		m.replaceLead(k)
		m.nets[k].levelN = [numGovLevels]int{}
		m.nets[k].leadN = [numGovLevels]int{}
	}
	for i := range m.people.level {
		g := &m.orgs[m.people.org[i]]
		if !g.active {
			continue
		}
		nw := &m.nets[m.people.net[i]]
		l := m.people.level[i]
		nw.levelN[l]++
		if g.lead {
			nw.leadN[l]++
		}
	}
}

func clamp01(x float64) float64 {
	if x < 0 {
		return 0
	}
	if x > 1 {
		return 1
	}
	return x
}
