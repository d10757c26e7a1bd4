package sim

import (
	"math"
	"math/rand/v2"
	"slices"
	"sync"
	"sync/atomic"
	"unsafe"

	"gonum.org/v1/gonum/stat/distuv"
)

// Cases: households with problems in several life domains. The regular
// system world handles single-domain problems; a multi-domain case is brought
// into the network by a network-oriented professional and is solved only when
// professionals of partners that together cover its domains work on it
// together ('samen-dekkend-zijn'), trusting each other, with their managers'
// consent and, where needed, fast money.

// Cases, ties and orientation run as one "network week" per network
// (networkWeek): the networks do not interact in these three steps, so each
// network can take them in turn while its persons, ties and open cases are
// still in the processor's cache, and the networks can run at the same time
// on the run's threads. What the networks share in these steps (the model's
// random stream for brokering, new tie ids) is settled beforehand on one
// thread (prepareCases, prepareTies). The result is the same as running each
// step for all networks before the next, whatever the number of threads.

// prepareCases settles, on one thread, what the networks' cases share: each
// network draws its households' new problems and the problems found this
// week (householdWeek) from its own stream and makes room for them.
func (m *Model) prepareCases() {
	cc := &m.cfg.Cases
	calm := 1 - m.crisisNow()
	for k := range m.nets {
		nw := &m.nets[k]
		if want := min(len(nw.pros)*5/4+64, len(nw.pros)*cc.Capacity); cap(nw.open) < want {
			// Open cases settle at about 0.8 per professional (at most 1.11
			// in the case presets over 24 seeds and 20 years) and cannot
			// exceed capacity per professional (each has a lead with room):
			// reserve 1.25 per professional and 64 more for the ups and downs
			// of a small network (at most capacity) so that the list is
			// seldom copied.
			nw.open = slices.Grow(nw.open, want-len(nw.open))
		}
		m.householdWeek(k, calm)
	}
}

// networkCases brings network k's new cases in, works on its open cases and
// closes those that are solved or have waited too long. Each network's cases
// draw from the network's own random stream and touch only the network's
// professionals, their ties and the network's fund.
func (m *Model) networkCases(k int) {
	cc := &m.cfg.Cases
	calm := 1 - m.crisisNow()
	nw := &m.nets[k]
	nw.solvedWeek = 0
	for n := nw.arrivals; n > 0; n-- {
		if !m.openCase(k) { // not taken up: the problem waits again
			nw.waiting++
			nw.leftQueue--
		}
	}
	for x := 0; x < len(nw.open); {
		cs := &nw.open[x]
		age := m.tick - int(cs.opened) + 1 // weeks open, this one included
		if cs.waiting && m.advance(nw, cs.money) {
			cs.waiting = false
		}
		e := m.effort(k, cs)
		if cs.waiting {
			e *= cc.SlowMoney
		}
		if e != 0 { // (adding 0 changes nothing; not writing keeps the case's memory clean)
			cs.progress += e * calm
		}
		switch {
		case cs.progress >= cs.need:
			m.closeCase(k, cs, true)
		case float64(age) >= cc.MaxWeeks:
			m.closeCase(k, cs, false)
		default:
			x++
			continue
		}
		last := len(nw.open) - 1
		nw.open[x] = nw.open[last]
		nw.open = nw.open[:last]
	}
	nw.solvedRate += (float64(nw.solvedWeek) - nw.solvedRate) / m.cfg.Legitimacy.MemoryWeeks
}

// networkWeek runs network k's cases, tie upkeep and orientation update.
func (m *Model) networkWeek(k int) {
	m.sumSubordinates(k)
	m.warmUp(k)
	m.networkCases(k)
	m.networkTies(k)
	m.networkOrientation(k)
}

// warmUp reads one word of every cache line of network k's person and edge
// arrays that its cases use (sumSubordinates has read the others), in
// address order (which the processor prefetches), so that the cases, which
// visit them in random order, find them in the processor's cache. It
// changes no state the model reads.
func (m *Model) warmUp(k int) {
	p := &m.people
	t := &m.ties
	var sink uint64
	for _, sp := range m.nets[k].spans {
		sink += uint64(touchLines(p.load[sp.lo:sp.hi]))
		sink += uint64(touchLines(p.seen[sp.lo:sp.hi]))
	}
	sink += uint64(touchLines(m.nets[k].pros))
	for _, r := range t.ranges[k] {
		sink += uint64(touchLines(t.a[r.lo:r.hi]))
		sink += uint64(touchLines(t.x[r.lo:r.hi]))
		sink += uint64(touchLines(t.trust[r.lo:r.hi]))
	}
	m.nets[k].warmSink = sink
}

// touchLines reads one element of every 64-byte cache line of s.
func touchLines[T uint8 | int32 | float64](s []T) T {
	var sum T
	step := 64 / int(unsafe.Sizeof(sum))
	for i := 0; i < len(s); i += step {
		sum += s[i]
	}
	return sum
}

// networkWeeks runs every network's week: prepares on one thread what the
// networks share, then runs them (eachNetwork) and makes the new
// orientations current.
func (m *Model) networkWeeks() {
	m.prepareCases()
	m.prepareTies()
	m.eachNetwork(jobWeek)
	m.people.orient, m.people.next = m.people.next, m.people.orient
	m.trustSumsFresh = true
}

// Jobs that eachNetwork runs for every network (a number rather than a
// func value, which would be allocated on every call).
const (
	jobWeek = iota
)

// runJob runs job for network k.
func (m *Model) runJob(job, k int) {
	switch job {
	case jobWeek:
		m.networkWeek(k)
	}
}

// parallelPersons is the number of persons from which eachNetwork shares
// the networks over threads (a variable so that tests can lower it).
var parallelPersons = 20000

// eachNetwork runs job for every network: in network order on one thread,
// or, in a run of several networks and at least parallelPersons persons, on
// m.threads goroutines that take the networks one by one. A job must touch
// only its network's state.
func (m *Model) eachNetwork(job int) {
	n := len(m.nets)
	if m.threads <= 1 || n < 2 || m.people.n() < parallelPersons {
		for k := range n {
			m.runJob(job, k)
		}
		return
	}
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(m.threads, n) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				k := int(next.Add(1)) - 1
				if k >= n {
					return
				}
				m.runJob(job, k)
			}
		}()
	}
	wg.Wait()
}

// openCase brings a new case into network k: its domains, a lead
// professional (more likely the more network-oriented), one professional of a
// partner covering each domain the team does not cover yet (preferably one
// the lead already has a tie with), fast money if it needs it. It reports
// whether the case was taken up.
func (m *Model) openCase(k int) bool {
	nw := &m.nets[k]
	cc := &m.cfg.Cases
	if len(nw.pros) == 0 {
		return false
	}
	rng := nw.rng
	var cs caseState
	cs.opened = int32(m.tick)
	cs.domains = m.drawDomains(nw)
	lead := int32(-1)
	for range cc.LeadTries {
		i := nw.pros[rng.IntN(len(nw.pros))]
		if int(m.people.load[i]) < cc.Capacity && rng.Float64() < m.people.orient[i]*m.takeUp(&m.orgs[m.people.org[i]], cs.domains) {
			lead = i
			break
		}
	}
	if lead < 0 {
		return false // nobody free and willing: the problem waits
	}
	cs.members[0], cs.edges[0], cs.nm = lead, -1, 1
	covered := m.orgs[m.people.org[lead]].domains
	for d := range numDomains {
		bit := uint8(1) << d
		if cs.domains&bit == 0 || covered&bit != 0 {
			continue
		}
		j, e := m.recruit(k, lead, bit, &cs)
		if j < 0 {
			cs.uncovered = true
			continue
		}
		cs.members[cs.nm], cs.edges[cs.nm] = j, e
		cs.nm++
		covered |= m.orgs[m.people.org[j]].domains
	}
	nDom := 0
	for d := cs.domains; d != 0; d &= d - 1 {
		nDom++
	}
	// Work needed: effort_weeks per two domains, gamma-distributed (shape 2).
	cs.need = cc.EffortWeeks * float64(nDom) / 2 * (rng.ExpFloat64() + rng.ExpFloat64()) / 2
	if rng.Float64() < cc.MoneyShare {
		cs.money = cc.MoneyAmount * rng.ExpFloat64()
		cs.waiting = !m.advance(nw, cs.money)
	}
	cs.w0 = math.Min(10, math.Max(0, m.cfg.Wellbeing.Intake+m.cfg.Wellbeing.IntakeSD*rng.NormFloat64()))
	cs.complexity = rng.Float64()
	for x := range int(cs.nm) {
		m.addLoad(cs.members[x])
	}
	nw.open = append(nw.open, cs)
	nw.takenCum++
	nw.handoffs += int(cs.nm) - 1
	return true
}

// addLoad gives professional j one open case more (and counts j busy at its
// manager if it had none).
func (m *Model) addLoad(j int32) {
	p := &m.people
	if b := p.boss[j]; p.load[j] == 0 && b >= 0 {
		p.subBusy[b]++
	}
	p.load[j]++
}

// dropLoad takes one open case from professional j.
func (m *Model) dropLoad(j int32) {
	p := &m.people
	if p.load[j] == 0 {
		return
	}
	p.load[j]--
	if b := p.boss[j]; p.load[j] == 0 && b >= 0 {
		p.subBusy[b]--
	}
}

// advance pays amount from network nw's fund, if it has one with enough in
// it, and books the repayment due; it reports whether it paid.
func (m *Model) advance(nw *network, amount float64) bool {
	if !nw.fundOn || nw.fund < amount {
		return false
	}
	nw.fund -= amount
	nw.receivables = append(nw.receivables, receivable{due: m.tick + int(m.cfg.Fund.RepaymentWeeks), amount: amount})
	return true
}

// drawDomains draws a case's life domains: at least two, 2 + Poisson(domains-2)
// in all, each drawn by its prevalence (cases.prevalence, normalised).
func (m *Model) drawDomains(nw *network) uint8 {
	n := 2 + poisson(nw.src, m.cfg.Cases.Domains-2)
	if n > numDomains {
		n = numDomains
	}
	var set uint8
	for count := 0; count < n; {
		u := nw.rng.Float64()
		d := 0
		for ; d < numDomains-1; d++ {
			u -= m.prevalence[d]
			if u < 0 {
				break
			}
		}
		if set&(1<<d) == 0 {
			set |= 1 << d
			count++
		}
	}
	return set
}

// shares returns the domains' prevalences normalised to sum to 1.
func (pc *PrevalenceConfig) shares() [numDomains]float64 {
	prev := [numDomains]float64{pc.Housing, pc.Care, pc.Welfare, pc.Income, pc.Debts, pc.Education, pc.Safety}
	total := 0.0
	for _, x := range prev {
		total += x
	}
	for d := range prev {
		prev[d] /= total
	}
	return prev
}

// recruit finds a professional of a partner covering domain bit for a case
// led by lead: first among the lead's ties (the most trusted), else anyone
// free at a covering partner, with whom the lead then forms a tie.
func (m *Model) recruit(k int, lead int32, bit uint8, cs *caseState) (int32, int32) {
	p := &m.people
	cap := m.cfg.Cases.Capacity
	inCase := func(j int32) bool {
		for x := range int(cs.nm) {
			if p.org[cs.members[x]] == p.org[j] {
				return true
			}
		}
		return false
	}
	best, bestEdge := int32(-1), int32(-1)
	for _, e := range m.ties.edgesOf(lead) {
		j := m.ties.other(e, lead)
		g := &m.orgs[p.org[j]]
		if g.active && g.domains&bit != 0 && p.level[j] == levelProfessional && int(p.load[j]) < cap && !inCase(j) {
			if best < 0 || m.ties.trust[e] > m.ties.trust[bestEdge] {
				best, bestEdge = j, e
			}
		}
	}
	if best >= 0 {
		return best, bestEdge
	}
	nw := &m.nets[k]
	for range m.cfg.Cases.RecruitTries {
		j := nw.pros[nw.rng.IntN(len(nw.pros))]
		g := &m.orgs[p.org[j]]
		if g.domains&bit != 0 && int(p.load[j]) < cap && !inCase(j) {
			cs.progress -= m.searchCost(k) // finding and briefing a colleague outside the lead's ties
			return j, m.ties.linkIn(k, lead, j, m.cfg.Trust.Initial)
		}
	}
	return -1, -1
}

// effort is the share of a full week of joint work case cs gets:
//
//	eta * geomean_j(c_j) * competenceFactor / (1 + handoff*(members-1)*(1-s))
//
// (networkCases multiplies it by slow_money while the case waits for money)
// with c_j = (fo+(1-fo)*o_j) * (fc+(1-fc)*consent_j) * (ft+(1-ft)*trust_j) * capacity_j
// (f: the cases' orientation, consent and trust floors),
// consent_j = s_j + (1-s_j) * (baseline + (1-baseline)*o_manager(j)), s the
// partners' handed-over sovereignty (a case manager of the network decides
// without asking), trust_j the trust between the lead and member j.
func (m *Model) effort(k int, cs *caseState) float64 {
	if cs.uncovered {
		return 0
	}
	p := &m.people
	cc := &m.cfg.Cases
	prod, sovSum := 1.0, 0.0
	ft := cc.TrustFloor
	lead := cs.members[0]
	for x := range int(cs.nm) {
		j := cs.members[x]
		g := &m.orgs[p.org[j]]
		if !g.active {
			return 0
		}
		tr := 1.0
		if x > 0 {
			tr = m.caseTrust(cs.edges[x], lead, j)
		}
		c := p.next[j] * (ft + (1-ft)*tr) * g.capacity // next: the orientation and consent factors, see sumSubordinates
		prod *= c
		sovSum += g.sovereignty
	}
	n := float64(cs.nm)
	var gm float64 // geometric mean of the members' c, cheaply for 1, 2, 3, 4 and 6 members
	switch cs.nm {
	case 1:
		gm = prod
	case 2:
		gm = math.Sqrt(prod)
	case 3:
		gm = math.Cbrt(prod)
	case 4:
		gm = math.Sqrt(math.Sqrt(prod))
	case 6:
		gm = math.Cbrt(math.Sqrt(prod))
	default:
		gm = math.Exp(math.Log(prod) / n)
	}
	nw := &m.nets[k]
	e := nw.eta * gm * m.competenceFactor(nw, cs)
	e /= 1 + cc.Handoff*m.learningCostFactor(k)*(n-1)*(1-sovSum/n)
	return e
}

// caseTrust is the trust on the tie between the lead and a member, or half a
// new tie's trust if they have none (the tie was lost or never formed).
func (m *Model) caseTrust(e, lead, j int32) float64 {
	t := &m.ties
	if e >= 0 && t.joins(e, lead, j) {
		return t.trust[e]
	}
	return m.cfg.Trust.Initial / 2
}

// closeCase ends a case: trust is deposited or withdrawn on the team's ties,
// the members remember a success, and the household's wellbeing is counted.
func (m *Model) closeCase(k int, cs *caseState, solved bool) {
	nw := &m.nets[k]
	p := &m.people
	t := &m.ties
	lead := cs.members[0]
	nw.handoffs -= int(cs.nm) - 1
	for x := range int(cs.nm) {
		j := cs.members[x]
		m.dropLoad(j)
		if solved {
			p.seen[j]++
		} else {
			p.seen[j] += m.cfg.Forces.Professional.FailureCredit // a failure, too, shows the network is needed
		}
		if x == 0 {
			continue
		}
		if e := cs.edges[x]; e >= 0 && t.joins(e, lead, j) {
			if solved {
				m.trustSucceeded(e)
			} else {
				m.trustFailed(e)
			}
		}
	}
	w := cs.w0
	if solved {
		nw.solvedCum++
		w += m.cfg.Wellbeing.Gain
	} else {
		nw.failedCum++
		w -= m.cfg.Wellbeing.FailedLoss
	}
	nw.closedWB += math.Min(10, math.Max(0, w))
	nw.closedN++
	nw.durationSum += float64(m.tick - int(cs.opened) + 1)
	if solved {
		nw.solvedWeek++
	}
}

// poisson draws a Poisson count with mean lambda from the model's stream.
func (m *Model) poisson(lambda float64) int {
	return poisson(m.src, lambda)
}

// poisson draws a Poisson count with mean lambda from src.
func poisson(src rand.Source, lambda float64) int {
	if lambda <= 0 {
		return 0
	}
	return int(distuv.Poisson{Lambda: lambda, Src: src}.Rand())
}
