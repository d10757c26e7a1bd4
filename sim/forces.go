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

// networkOrientation computes the next orientation of network k's persons
// (into next; networkWeeks makes it current) and the network's sum of
// professionals' orientation. The subordinates' sums (sumSubordinates)
// must be up to date.
func (m *Model) networkOrientation(k int) {
	nw := &m.nets[k]
	if len(m.nets) == 1 && m.threads > 1 && m.people.n() >= parallelPersons {
		m.orientParallel(nw) // one large network: its persons shared over the threads
		m.sumProfessionals(k, m.people.next)
		return
	}
	proSum := 0.0
	for _, sp := range nw.spans {
		proSum = m.orientRange(nw, int(sp.lo), int(sp.hi), proSum)
	}
	nw.proSum = proSum
}

// orientParallel computes the next orientation of network nw's persons on
// m.threads goroutines.
func (m *Model) orientParallel(nw *network) {
	var wg sync.WaitGroup
	for _, sp := range nw.spans {
		lo, hi := int(sp.lo), int(sp.hi)
		chunk := (hi - lo + m.threads - 1) / m.threads
		for from := lo; from < hi; from += chunk {
			to := min(from+chunk, hi)
			wg.Add(1)
			go func() {
				defer wg.Done()
				m.orientRange(nw, from, to, 0)
			}()
		}
	}
	wg.Wait()
}

// sumProfessionals sums the orientation (from orient) of network k's
// professionals, weighted by their organisation's capacity and ownership
// (see prepareCases).
func (m *Model) sumProfessionals(k int, orient []float64) {
	p := &m.people
	nw := &m.nets[k]
	nw.proSum = 0
	for _, sp := range nw.spans {
		for i := sp.lo; i < sp.hi; i++ {
			if g := &m.orgs[p.org[i]]; p.level[i] == levelProfessional && g.active {
				nw.proSum += orient[i] * g.capacity * g.ownership
			}
		}
	}
}

// sumSubordinates sums, for every manager of network k, the orientation of
// the professionals who report to the manager (who are in the same network)
// and counts them. (The number of them with open cases, subBusy, is kept up
// to date by the cases; the sums of executives are not used, and a shared
// organisation's executive can be in another network.)
//
// On the same pass it stores in next, for the week's cases, each
// professional's case factor (0.5 + 0.5*o) * (0.5 + 0.5*consent), the part
// of its share of a case's effort that does not depend on the case (see
// effort); neither orientations nor consent change during the cases.
func (m *Model) sumSubordinates(k int) {
	p := &m.people
	nw := &m.nets[k]
	for _, b := range nw.managers {
		p.subSum[b], p.subN[b] = 0, 0
	}
	spans := nw.spans
	baseline := m.cfg.Cases.BaselineConsent
	for _, sp := range spans {
		for i := sp.lo; i < sp.hi; i++ {
			if p.level[i] != levelProfessional {
				continue
			}
			b := p.boss[i]
			g := &m.orgs[p.org[i]]
			if b >= 0 && g.active {
				p.subSum[b] += p.orient[i]
				p.subN[b]++
			}
			mgr := 0.0
			if b >= 0 {
				mgr = p.orient[b]
			}
			consent := g.sovereignty + (1-g.sovereignty)*(baseline+(1-baseline)*mgr)
			p.next[i] = (0.5 + 0.5*p.orient[i]) * (0.5 + 0.5*consent) // the case factor
		}
	}
}

// orientRange computes the next orientation of persons lo..hi-1 of network
// nw and returns proSum plus, in index order, each professional's next
// orientation weighted as in sumProfessionals.
func (m *Model) orientRange(nw *network, lo, hi int, proSum float64) float64 {
	c := m.cfg
	p := &m.people
	t := &m.ties
	f := &c.Forces
	inf := &c.Influence
	crisis := m.crisisNow() * c.Environment.CrisisPull
	attention := 1 / (1 + c.Governance.Congestion*float64(c.Environment.CompetingNetworks))
	// First the professionals' direct value, 1 - exp(-experience), in a
	// short loop of its own (kept in next until the person's turn), so that
	// the processor works on several exponentials at once.
	for i := lo; i < hi; i++ {
		if p.level[i] == levelProfessional {
			p.next[i] = 1 - math.Exp(-(p.seen[i] + 0.5*float64(p.load[i])))
		}
	}
	for i := lo; i < hi; i++ {
		o := p.orient[i]
		g := &m.orgs[p.org[i]]
		if !g.active {
			p.next[i] = o
			continue
		}
		if p.level[i] == levelProfessional {
			// A run of professionals of one organisation (persons are
			// created organisation by organisation, professionals last)
			// goes through a loop of its own.
			j := i + 1
			for j < hi && p.org[j] == p.org[i] && p.level[j] == levelProfessional {
				j++
			}
			proSum = m.orientProfessionals(nw, g, i, j, proSum)
			i = j - 1
			continue
		}
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
		}
		promote *= 0.5 + 0.5*g.ownership

		pull := inf.Anchoring * (c.Persons.Anchor - o)
		if b := p.boss[i]; b >= 0 {
			pull += inf.Hierarchy * (p.orient[b] - o)
		}
		meanTrust := 0.0
		if d := int(t.deg[i]); d > 0 {
			var sumT, sumTO float64
			for _, e := range t.slots[t.off[i] : int(t.off[i])+d] {
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
	return proSum
}

// orientProfessionals computes the next orientation of the professionals
// lo..hi-1 of active organisation g in network nw, as orientRange does (the
// same operations in the same order, with what is the same for all of them
// computed once), and returns proSum plus their weighted next orientations.
func (m *Model) orientProfessionals(nw *network, g *org, lo, hi int, proSum float64) float64 {
	c := m.cfg
	p := &m.people
	t := &m.ties
	f := &c.Forces.Professional
	inf := &c.Influence
	crisis := m.crisisNow() * c.Environment.CrisisPull
	frontline := f.Frontline * nw.eta
	complexity := f.Complexity * (1 - nw.eta)
	ownCriteria := f.OwnCriteria * (1 - g.sovereignty)
	ownership := 0.5 + 0.5*g.ownership
	for i := lo; i < hi; i++ {
		o := p.orient[i]
		direct := p.next[i] // 1 - exp(-(seen + load/2)), from orientRange's first loop
		promote := f.DirectValue*direct + frontline
		bossOrient := 0.0
		b := p.boss[i]
		if b >= 0 {
			bossOrient = p.orient[b]
		}
		inhibit := complexity + ownCriteria*(1-bossOrient)
		promote *= ownership
		pull := inf.Anchoring * (c.Persons.Anchor - o)
		if b >= 0 {
			pull += inf.Hierarchy * (bossOrient - o)
		}
		// The tie partners, as in orientRange, written out in both loops:
		// a function for them is not inlined, and a call for each person
		// costs 6% of a national run.
		meanTrust := 0.0
		if d := int(t.deg[i]); d > 0 {
			var sumT, sumTO float64
			for _, e := range t.slots[t.off[i] : int(t.off[i])+d] {
				tr := t.trust[e]
				sumT += tr
				sumTO += tr * p.orient[t.other(e, int32(i))]
			}
			if sumT > 0 {
				meanTrust = sumT / float64(d)
				pull += inf.Peers * meanTrust * (sumTO/sumT - o)
			}
		}
		inhibit += crisis * (1 - meanTrust)
		pull += promote*(1-o) - inhibit*o
		next := clamp01(o + inf.Rate*pull)
		p.next[i] = next
		p.seen[i] *= seenRetention
		proSum += next * g.capacity * g.ownership
	}
	return proSum
}

// indirect is the network's indirect value: the mean of its three orders of learning.
func (nw *network) indirect() float64 {
	return (nw.learning + nw.innovation + nw.transform) / 3
}
