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
// Here P and I are the promoting and inhibiting forces (weights times
// drivers in [0,1]), T the mean trust of the person's cross-organisation ties,
// p the trust-weighted mean orientation of those tie partners, b the
// orientation of the own superior and a the own-organisation anchor. All
// persons are updated from the same old state (synchronous update), so the
// order and the number of threads do not matter.
//
// Executives switch with context: their promoting force includes
// switching*signal (the network's visible success) and their inhibiting
// force switching*(failed share + crisis severity) and the system world's
// pressure as transformation leaves it (executiveContext, systemPressure).
// Colleagues in the regular organisation push back ('zoetzuur'): managers and
// professionals feel backlash*relief*busy, with busy the share of the team
// with open network cases and relief = 1 - innovation_effect*adopted, as
// the partner's adoption of the innovation also weakens the managers'
// internal-procedures and internal-success forces and the professionals'
// complexity force (adoptionRelief).

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
// professional's case factor (fo + (1-fo)*o) * (fc + (1-fc)*consent), with
// fo and fc the cases' orientation and consent floors: the part
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
	fo, fc := m.cfg.Cases.OrientationFloor, m.cfg.Cases.ConsentFloor
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
			p.next[i] = (fo + (1-fo)*p.orient[i]) * (fc + (1-fc)*consent) // the case factor
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
	retention := m.seenRetention()
	loadWeight := f.Professional.LoadWeight
	aw := f.AwarenessAmbition
	// First the professionals' direct value, 1 - exp(-experience), in a
	// short loop of its own (kept in next until the person's turn), so that
	// the processor works on several exponentials at once.
	for i := lo; i < hi; i++ {
		if p.level[i] == levelProfessional {
			p.next[i] = 1 - math.Exp(-(p.seen[i] + loadWeight*float64(p.load[i])))
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
			aware := aw*nw.ambition + (1-aw)*nw.indirect()
			// Executives switch: towards the network with its visible
			// success, back to their organisation with its visible failures
			// and in a crisis (executiveContext).
			success, setback := m.executiveContext(nw)
			promote = attention * (f.Executive.IndirectValue*aware + f.Executive.Switching*success + f.Executive.Examples*c.Environment.Examples)
			inhibit = f.Executive.SystemWorld*m.systemPressure(nw) + f.Executive.Supervisors*(1-g.support) + f.Executive.Switching*setback
		case levelManager:
			aware := aw*nw.ambition + (1-aw)*nw.indirect()
			promote = f.Manager.IndirectValue * aware
			if p.roles[i]&(roleAmbassador|roleNetworkManager) != 0 {
				promote += f.Manager.NetworkTeam
			}
			subOrient, busy := 0.0, p.busyShare(int32(i))
			if p.subN[i] > 0 {
				subOrient = p.subSum[i] / float64(p.subN[i])
			}
			relief := m.adoptionRelief(g)
			inhibit = (f.Manager.InternalProcedures+f.Manager.InternalSuccess)*relief +
				f.Manager.ExperiencedLoss*subOrient +
				f.Manager.LossOfControl*(g.sovereignty+(1-g.sovereignty)*busy) +
				f.Backlash*relief*busy
		}
		promote *= m.ownershipFactor(g)

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
		p.seen[i] *= retention
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
	relief := m.adoptionRelief(g)
	complexity := f.Complexity * (1 - nw.eta) * relief
	backlash := c.Forces.Backlash * relief
	ownCriteria := f.OwnCriteria * (1 - g.sovereignty)
	ownership := m.ownershipFactor(g)
	retention := m.seenRetention()
	for i := lo; i < hi; i++ {
		o := p.orient[i]
		direct := p.next[i] // 1 - exp(-(seen + load_weight*load)), from orientRange's first loop
		promote := f.DirectValue*direct + frontline
		bossOrient, teamBusy := 0.0, 0.0
		b := p.boss[i]
		if b >= 0 {
			bossOrient = p.orient[b]
			teamBusy = p.busyShare(b)
		}
		inhibit := complexity + ownCriteria*(1-bossOrient) + backlash*teamBusy
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
		p.seen[i] *= retention
		proSum += next * g.capacity * g.ownership
	}
	return proSum
}

// ownershipFactor is the share of the promoting forces that acts at
// partner g: floor + (1-floor)*ownership (a partner that does not own the
// approach feels its pull less).
func (m *Model) ownershipFactor(g *org) float64 {
	f := m.cfg.Forces.OwnershipFloor
	return f + (1-f)*g.ownership
}

// busyShare is the share of manager b's professionals with at least one
// open case (0 if it has none).
func (p *persons) busyShare(b int32) float64 {
	if n := p.subN[b]; n > 0 {
		return float64(p.subBusy[b]) / float64(n)
	}
	return 0
}

// executiveContext is what network nw's executives see of its context:
// success, the direct-value signal boards hear of (see legitimacy), and
// setback, the share of recent cases that failed plus the severity of a
// crisis under way.
func (m *Model) executiveContext(nw *network) (success, setback float64) {
	failed := 0.0
	if closed := nw.failRate + nw.solvedRate; closed > 0 {
		failed = nw.failRate / closed
	}
	return nw.signal, failed + m.crisisNow()
}

// seenRetention is the weekly share of the remembered joint work a
// professional keeps: 1 - 1/memory_weeks (memory_weeks = 26: a half-life of
// about four months).
func (m *Model) seenRetention() float64 {
	return 1 - 1/m.cfg.Forces.Professional.MemoryWeeks
}

// indirect is the network's indirect value: the mean of its three orders of learning.
func (nw *network) indirect() float64 {
	return (nw.learning + nw.innovation + nw.transform) / 3
}
