package sim

// Sovereignty: partners hand a share s of their decision rights to the
// network (Cimot's intake and indication by the network's case managers).
// It saves hand-offs and lets professionals act without their manager's
// consent (see effort) and feeds the middle managers' loss of control (see
// forces): these short-run effects are mechanisms.
//
// Internal legitimacy keeps the partners: a non-lead partner whose board's
// support w has fallen below legitimacy.exit_support leaves with the weekly
// probability
//
//	exit/52 * (1 - w/exit_support).
//
// The Trojan horse (Deel A h3: the network 'eats its initiators') is the
// seed's conjecture ('in potentie', 'paradoxaal'; the seed itself finds the
// loss of sovereignty 'beperkt ervaren'), so it is a hypothesis, switched on
// by sovereignty.trojan_horse (off by default). When on, much handed-over
// sovereignty wears down the partner's own capacity,
//
//	d capacity/dt = (recovery*(1-s)*(1-capacity) - erosion*s^3) / 52   per week
//
// and a weakened partner leaves with the weekly probability
//
//	leave_hazard/52 * (1-capacity) * (1-support).
//
// When off, capacity only recovers (from any earlier damage) and no partner
// leaves for having handed over decision rights.

// sovereignty updates partners' capacity and lets partners leave: those
// whose boards withdrew their support and, under the Trojan-horse
// hypothesis, weakened ones.
func (m *Model) sovereignty() {
	sc := &m.cfg.Sovereignty
	lc := &m.cfg.Legitimacy
	hazard := m.cfg.Partners.LeaveHazard / WeeksPerYear
	exit := lc.Exit / WeeksPerYear
	changed := false
	for g := range m.orgs {
		o := &m.orgs[g]
		if !o.active {
			continue
		}
		s := o.sovereignty
		erosion := 0.0
		if sc.Trojan {
			erosion = sc.Erosion * s * s * s
		}
		o.capacity = clamp01(o.capacity + (sc.Recovery*(1-s)*(1-o.capacity)-erosion)/WeeksPerYear)
		p := 0.0
		if sc.Trojan {
			p = hazard * (1 - o.capacity) * (1 - o.support)
		}
		if exit > 0 && !o.lead && o.support < lc.ExitSupport {
			p += exit * (1 - o.support/lc.ExitSupport)
		}
		if p > 0 && m.rng.Float64() < p {
			m.removeOrg(g)
			changed = true
		}
	}
	if changed {
		m.afterStructureChange()
	}
}

// ownership: partners come to own the network's way of working through
// joint development; a partner that copied it grows ownership more slowly.
func (m *Model) ownership() {
	rc := &m.cfg.Rollout
	for g := range m.orgs {
		o := &m.orgs[g]
		if !o.active {
			continue
		}
		rate := rc.DevelopmentRate
		if o.copied {
			rate *= rc.CopiedFactor
		}
		o.ownership += rate * (1 - o.ownership)
	}
}

// removeOrg takes a partner out of the network(s): its persons' ties go, and
// the open cases it worked on fail (the household falls between ship and
// quay again).
func (m *Model) removeOrg(g int) {
	o := &m.orgs[g]
	o.active = false
	o.left = m.tick
	for _, k := range o.nets {
		nw := &m.nets[k]
		for x := 0; x < len(nw.open); {
			cs := &nw.open[x]
			involved := false
			for y := range int(cs.nm) {
				if int(m.people.org[cs.members[y]]) == g {
					involved = true
				}
			}
			if !involved {
				x++
				continue
			}
			m.closeCase(k, cs, false)
			last := len(nw.open) - 1
			nw.open[x] = nw.open[last]
			nw.open = nw.open[:last]
		}
	}
	for i := range m.people.org {
		if int(m.people.org[i]) == g {
			m.ties.clear(int32(i))
		}
	}
	m.trustSumsFresh = false
}
