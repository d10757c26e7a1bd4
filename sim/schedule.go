package sim

import "math"

// Events: scheduled once (at a year, or at a tick) or recurring (at a yearly
// rate: each week with probability rate/52). They fire at the start of a
// week, before any process; an event at year 0 fires in the first week.

func (m *Model) scheduleEvents() {
	m.scheduled = make([]int, len(m.cfg.Events))
	m.fired = make([]bool, len(m.cfg.Events))
	for x, e := range m.cfg.Events {
		if e.Rate > 0 {
			m.scheduled[x] = -1
		} else if e.Tick > 0 {
			m.scheduled[x] = e.Tick
		} else {
			m.scheduled[x] = max(1, int(math.Round(e.Year*WeeksPerYear)))
		}
	}
}

// crisisNow is the severity of the crisis under way, 0 if none.
func (m *Model) crisisNow() float64 {
	if m.tick < m.crisisUntil {
		return m.crisisSeverity
	}
	return 0
}

func (m *Model) applyEvents() {
	for x := range m.cfg.Events {
		e := &m.cfg.Events[x]
		switch {
		case m.scheduled[x] < 0:
			if m.rng.Float64() >= e.Rate/WeeksPerYear {
				continue
			}
		case m.fired[x] || m.scheduled[x] != m.tick:
			continue
		}
		m.fired[x] = true
		m.apply(e)
		m.events = append(m.events, EventRecord{Tick: m.tick, Year: float64(m.tick) / WeeksPerYear, Type: e.Type, Label: e.Describe()})
	}
}

func (m *Model) apply(e *Event) {
	switch e.Type {
	case "turnover":
		level := indexOf(LevelNames, e.Level)
		for _, i := range m.byLevel[level] {
			if m.rng.Float64() < e.Share {
				m.replace(i)
			}
		}
	case "depart":
		m.depart(e.Role)
	case "join":
		m.join(indexOf(KindNames, e.Kind), e.Count, m.cfg.Network.Origin == "copied")
	case "leave":
		m.leave(e.Kind, e.Count)
	case "sovereignty":
		for g := range m.orgs {
			o := &m.orgs[g]
			if o.active && (e.Kind == "" || KindNames[o.kind] == e.Kind) {
				o.sovereignty = e.Share
			}
		}
	case "crisis":
		m.crisisUntil = m.tick + int(math.Round(e.Weeks))
		m.crisisSeverity = e.Severity
	case "institutionalise":
		for k := range m.nets {
			m.nets[k].inst = e.Value
		}
	case "intervention":
		m.intervene(e.Share)
	case "fund":
		for k := range m.nets {
			m.nets[k].fundOn = true
			m.nets[k].fund += e.Value
		}
	case "rollout":
		m.rollout(e.Count, e.Mode == "copied")
	case "review":
		m.reviewAll()
	}
}

// depart lets a named role leave: the network manager, the core coalition's
// executives, or the ambassadors.
func (m *Model) depart(role string) {
	switch role {
	case "network-manager":
		for k := range m.nets {
			if mgr := m.nets[k].netMgr; mgr >= 0 {
				m.replace(mgr)
			}
		}
	case "core-coalition":
		for _, i := range m.byLevel[levelExecutive] {
			if m.people.roles[i]&roleCore != 0 {
				m.replace(i)
			}
		}
	case "ambassadors":
		for _, i := range m.byLevel[levelManager] {
			if m.people.roles[i]&roleAmbassador != 0 {
				m.replace(i)
			}
		}
	}
}

// join adds count partners of a kind to every network.
func (m *Model) join(kind, count int, copied bool) {
	for k := range m.nets {
		m.addPartners(k, kind, count, copied)
	}
	m.afterStructureChange()
}

// joinNetwork adds count partners of a kind to network k only.
func (m *Model) joinNetwork(k, kind, count int, copied bool) {
	m.addPartners(k, kind, count, copied)
	m.afterStructureChange()
}

// addPartners creates count partners of a kind in network k, staffs them
// and ties their persons in; afterStructureChange must follow.
func (m *Model) addPartners(k, kind, count int, copied bool) {
	var added []int
	for range count {
		g := m.newOrg(kind, k, copied)
		m.nets[k].orgs = append(m.nets[k].orgs, g)
		added = append(added, g)
	}
	per := m.cfg.Persons.Professionals / max(1, m.nets[k].partners)
	first := m.people.n()
	m.staff(k, added, per*len(added), true)
	m.ties.grow(m.people.net, m.people.level, len(m.nets))
	m.tieNewcomers(k, first)
}

// tieNewcomers gives the professionals and managers created from person
// index first on (a joining partner) their initial cross-organisation ties
// with persons of the same level in network k, as at the start.
func (m *Model) tieNewcomers(k, first int) {
	tc := &m.cfg.Trust
	means := [3]float64{0, tc.TiesManager, tc.TiesProfessional}
	var pool [3][]int32
	for i := range first {
		if int(m.people.net[i]) == k && m.orgs[m.people.org[i]].active {
			l := m.people.level[i]
			pool[l] = append(pool[l], int32(i))
		}
	}
	for i := first; i < m.people.n(); i++ {
		l := m.people.level[i]
		if len(pool[l]) == 0 || means[l] == 0 {
			continue
		}
		for n := m.poisson(means[l]); n > 0; n-- {
			m.ties.link(int32(i), pool[l][m.rng.IntN(len(pool[l]))], tc.Initial)
		}
	}
}

// rollout brings the approach to a new place: count partners, in the
// proportions of the configured composition, join copied or self-developed.
func (m *Model) rollout(count int, copied bool) {
	counts, total := m.composition()
	if total == 0 {
		return
	}
	for x := range count {
		// Cycle through the kinds in proportion to the composition.
		m.join(kindAt(counts, (x*total)/count), 1, copied)
	}
}

// composition returns the configured number of partners of each kind and
// their total.
func (m *Model) composition() (counts [numKinds]int, total int) {
	counts = m.partnerCounts()
	for _, c := range counts {
		total += c
	}
	return counts, total
}

// kindAt returns the kind of the partner at position x when the configured
// partners are listed kind by kind: the kind whose cumulative count first
// exceeds x (the last kind if none does).
func kindAt(counts [numKinds]int, x int) int {
	kind := 0
	for acc := counts[0]; acc <= x && kind < numKinds-1; {
		kind++
		acc += counts[kind]
	}
	return kind
}

// leave takes count partners (of a kind, or any non-lead) out of every network.
func (m *Model) leave(kind string, count int) {
	for k := range m.nets {
		left := 0
		orgs := m.nets[k].orgs
		for x := len(orgs) - 1; x >= 0 && left < count; x-- {
			o := &m.orgs[orgs[x]]
			if o.active && !o.lead && (kind == "" || KindNames[o.kind] == kind) {
				m.removeOrg(orgs[x])
				left++
			}
		}
	}
	m.afterStructureChange()
}

// intervene makes a share of the middle managers ambassadors (network team)
// and ties each to intervention.ties managers of other partners.
func (m *Model) intervene(share float64) {
	var amb []int32
	mgrs := m.byLevel[levelManager]
	if len(mgrs) == 0 { // during setup the index is not built yet
		for i := range m.people.level {
			if m.people.level[i] == levelManager {
				mgrs = append(mgrs, int32(i))
			}
		}
	}
	for _, i := range mgrs {
		if m.rng.Float64() < share {
			m.people.roles[i] |= roleAmbassador
			amb = append(amb, i)
		}
	}
	// Ties within each network's team of ambassadors.
	byNet := make([][]int32, len(m.nets))
	for _, i := range amb {
		byNet[m.people.net[i]] = append(byNet[m.people.net[i]], i)
	}
	for _, team := range byNet {
		for _, i := range team {
			for range m.cfg.Intervention.Ties {
				j := team[m.rng.IntN(len(team))]
				if m.people.org[i] != m.people.org[j] {
					m.ties.link(i, j, m.cfg.Trust.Initial)
				}
			}
		}
	}
}

// afterStructureChange refreshes indexes and network sizes after partners
// joined or left, and appoints a network manager where the post fell away.
func (m *Model) afterStructureChange() {
	m.ties.grow(m.people.net, m.people.level, len(m.nets))
	for k := range m.nets {
		m.dropCoordinators(k)
		m.appointNetworkManager(k)
	}
	m.rebuildIndex()
}

func indexOf(list []string, s string) int {
	for i, x := range list {
		if x == s {
			return i
		}
	}
	return -1
}
