package sim

import (
	"math"
	"sync"
)

// Forces: every week each person's orientation o (0 own organisation, 1
// network) moves with the net force of the seed's Figure 4 for its level,
// social influence over its ties, and the pull back to its own organisation:
//
//	o' = o + rate * [ P(1-o) - I*o + peers*T*(p-o) + hierarchy*(b-o) + anchoring*(a-o) ]
//
// During a crisis of severity v, I grows by v * crisis_pull * (1-T).
// where P and I are the promoting and inhibiting forces (weights times
// drivers in [0,1]), T the mean trust of the person's cross-organisation ties,
// p the trust-weighted mean orientation of those tie partners, b the
// orientation of the own superior and a the own-organisation anchor. All
// persons are updated from the same old state (synchronous update), so the
// order and the number of threads do not matter.

// seenRetention is the weekly share of the remembered joint successes a
// professional keeps (a half-life of about four months).
const seenRetention = 1 - 1.0/26

// orientation updates every person's orientation.
func (m *Model) orientation() {
	m.aggregateSubordinates()
	n := len(m.people.level)
	if m.threads <= 1 || n < 20000 {
		m.orientRange(0, n)
	} else {
		var wg sync.WaitGroup
		chunk := (n + m.threads - 1) / m.threads
		for lo := 0; lo < n; lo += chunk {
			hi := min(lo+chunk, n)
			wg.Add(1)
			go func() {
				defer wg.Done()
				m.orientRange(lo, hi)
			}()
		}
		wg.Wait()
	}
	m.people.orient, m.people.next = m.people.next, m.people.orient
	m.sumProfessionals()
}

// sumProfessionals sums, per network, the professionals' orientation
// weighted by their organisation's capacity and ownership (see cases).
func (m *Model) sumProfessionals() {
	for k := range m.nets {
		m.nets[k].proSum = 0
	}
	for i := range m.people.orient {
		if m.people.level[i] == levelProfessional && m.orgs[m.people.org[i]].active {
			g := &m.orgs[m.people.org[i]]
			m.nets[m.people.net[i]].proSum += m.people.orient[i] * g.capacity * g.ownership
		}
	}
}

// aggregateSubordinates sums, for every manager and executive, the
// orientation and busyness of those who report to them.
func (m *Model) aggregateSubordinates() {
	p := &m.people
	clear(p.subSum)
	clear(p.subN)
	clear(p.subBusy)
	for i, b := range p.boss {
		if b < 0 || !m.orgs[p.org[i]].active {
			continue
		}
		p.subSum[b] += p.orient[i]
		p.subN[b]++
		if p.load[i] > 0 {
			p.subBusy[b]++
		}
	}
}

// orientRange computes the next orientation of persons lo..hi-1.
func (m *Model) orientRange(lo, hi int) {
	c := m.cfg
	p := &m.people
	t := &m.ties
	f := &c.Forces
	inf := &c.Influence
	crisis := m.crisisNow() * c.Environment.CrisisPull
	attention := 1 / (1 + c.Governance.Congestion*float64(c.Environment.CompetingNetworks))
	for i := lo; i < hi; i++ {
		o := p.orient[i]
		g := &m.orgs[p.org[i]]
		if !g.active {
			p.next[i] = o
			continue
		}
		nw := &m.nets[p.net[i]]
		var promote, inhibit float64
		switch p.level[i] {
		case levelExecutive:
			aware := 0.5*nw.ambition + 0.5*nw.indirect()
			promote = attention * (f.Executive.IndirectValue*aware + f.Executive.Switching + f.Executive.Examples*c.Environment.Examples)
			inhibit = f.Executive.SystemWorld*c.Environment.SystemPressure + f.Executive.Supervisors*(1-g.support)
		case levelManager:
			aware := 0.5*nw.ambition + 0.5*nw.indirect()
			promote = f.Manager.IndirectValue * aware
			if p.roles[i]&(roleAmbassador|roleNetworkManager) != 0 {
				promote += f.Manager.NetworkTeam
			}
			subOrient, busy := 0.0, 0.0
			if p.subN[i] > 0 {
				subOrient = p.subSum[i] / float64(p.subN[i])
				busy = float64(p.subBusy[i]) / float64(p.subN[i])
			}
			inhibit = f.Manager.InternalProcedures + f.Manager.InternalSuccess +
				f.Manager.ExperiencedLoss*subOrient +
				f.Manager.LossOfControl*(g.sovereignty+(1-g.sovereignty)*busy)
		default:
			direct := 1 - math.Exp(-(p.seen[i] + 0.5*float64(p.load[i])))
			promote = f.Professional.DirectValue*direct + f.Professional.Frontline*nw.eta
			bossOrient := 0.0
			if b := p.boss[i]; b >= 0 {
				bossOrient = p.orient[b]
			}
			inhibit = f.Professional.Complexity*(1-nw.eta) + f.Professional.OwnCriteria*(1-g.sovereignty)*(1-bossOrient)
		}
		promote *= 0.5 + 0.5*g.ownership

		pull := inf.Anchoring * (c.Persons.Anchor - o)
		if b := p.boss[i]; b >= 0 {
			pull += inf.Hierarchy * (p.orient[b] - o)
		}
		meanTrust := 0.0
		if d := int(t.deg[i]); d > 0 {
			var sumT, sumTO float64
			for _, e := range t.slots[i*t.k : i*t.k+d] {
				tr := t.trust[e]
				sumT += tr
				sumTO += tr * p.orient[t.other(e, int32(i))]
			}
			if sumT > 0 {
				meanTrust = sumT / float64(d)
				pull += inf.Peers * meanTrust * (sumTO/sumT - o)
			}
		}
		// A crisis calls everyone back; trusted cross-organisation ties
		// (the 'emotional bank account') hold part of the pull off.
		inhibit += crisis * (1 - meanTrust)
		pull += promote*(1-o) - inhibit*o
		p.next[i] = clamp01(o + inf.Rate*pull)
		p.seen[i] *= seenRetention
	}
}

// indirect is the network's indirect value: the mean of its three orders of learning.
func (nw *network) indirect() float64 {
	return (nw.learning + nw.innovation + nw.transform) / 3
}
