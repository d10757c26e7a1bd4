package sim

// Sovereignty: partners hand a share s of their decision rights to the
// network (Cimot's intake and indication by the network's case managers).
// It saves hand-offs and lets professionals act without their manager's
// consent (see effort), feeds the middle managers' loss of control (see
// forces), and wears down the partner's own capacity when much is handed over
// - the network that 'eats its initiators' (Deel A h3):
//
//	d capacity/dt = (recovery*(1-s)*(1-capacity) - erosion*s^3) / 52   per week
//
// A partner leaves with a weekly probability
//
//	leave_hazard/52 * (1-capacity) * (1-support)
//
// so that weakened partners whose boards no longer back the network drop out.

// sovereignty updates partners' capacity and lets weakened partners leave.
func (m *Model) sovereignty() {
	sc := &m.cfg.Sovereignty
	hazard := m.cfg.Partners.LeaveHazard / WeeksPerYear
	changed := false
	for g := range m.orgs {
		o := &m.orgs[g]
		if !o.active {
			continue
		}
		s := o.sovereignty
		o.capacity = clamp01(o.capacity + (sc.Recovery*(1-s)*(1-o.capacity)-sc.Erosion*s*s*s)/WeeksPerYear)
		if hazard > 0 && m.rng.Float64() < hazard*(1-o.capacity)*(1-o.support) {
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
