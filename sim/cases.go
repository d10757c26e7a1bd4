package sim

import (
	"math"
	"slices"
	"sync"

	"gonum.org/v1/gonum/stat/distuv"
)

// Cases: households with problems in several life domains. The regular
// system world handles single-domain problems; a multi-domain case is brought
// into the network by a network-oriented professional and is solved only when
// professionals of partners that together cover its domains work on it
// together ('samen-dekkend-zijn'), trusting each other, with their managers'
// consent and, where needed, fast money.

// cases brings in new cases, works on the open ones and closes those that are
// solved or have waited too long. New cases arrive as a Poisson number with
// mean detection/52 * sum over professionals of orientation * capacity *
// ownership of their organisation: network-oriented professionals of partners
// that own the approach bring households in.
//
// In a large run on several threads the effort of every case open at the
// start of the week is first computed in parallel (precomputeEfforts); the
// week then runs in the same order as on one thread, and a case uses its
// precomputed effort only if none of its ties was touched earlier in the week
// (a closing changed its trust, an opening formed or reused it), else it
// computes it again. Effort reads nothing else that this function changes,
// so results are bit-identical whatever the number of threads.
func (m *Model) cases() {
	cc := &m.cfg.Cases
	calm := 1 - m.crisisNow()
	pre := m.precomputeEfforts()
	m.marking = pre
	for k := range m.nets {
		nw := &m.nets[k]
		nw.solvedWeek = 0
		if cap(nw.open) < len(nw.pros) {
			// Open cases settle at about 0.8 per professional (each has a
			// lead with room): reserve one per professional so that the list
			// is seldom copied.
			nw.open = slices.Grow(nw.open, len(nw.pros)-len(nw.open))
		}
		lambda := cc.Detection / WeeksPerYear * nw.proSum * calm
		n0 := len(nw.open)
		for n := m.poisson(lambda); n > 0; n-- {
			m.openCase(k)
		}
		if pre {
			for x := n0; x < len(nw.open); x++ {
				m.markEdges(&nw.open[x]) // recruit may have formed or reused these ties
			}
		}
		for x := 0; x < len(nw.open); {
			cs := &nw.open[x]
			cs.age++
			if cs.waiting && m.advance(nw, cs.money) {
				cs.waiting = false
			}
			var e float64
			if pre && cs.eff >= 0 && !m.edgesMarked(cs) {
				e = cs.eff
			} else {
				e = m.effort(k, cs)
			}
			if cs.waiting {
				e *= cc.SlowMoney
			}
			cs.progress += e * calm
			switch {
			case cs.progress >= cs.need:
				m.closeCase(k, cs, true)
			case float64(cs.age) >= cc.MaxWeeks:
				m.closeCase(k, cs, false)
			default:
				x++
				continue
			}
			last := len(nw.open) - 1
			nw.open[x] = nw.open[last]
			nw.open = nw.open[:last]
		}
		nw.solvedRate += (float64(nw.solvedWeek) - nw.solvedRate) / 26
	}
	m.marking = false
}

// parallelCases is the number of open cases from which precomputeEfforts
// shares the work over threads (a variable so that tests can lower it).
var parallelCases = 20000

// precomputeEfforts computes, on m.threads goroutines, the effort of every
// open case into its eff field and clears the edge marks. It reports false,
// doing nothing, on one thread or with fewer open cases than parallelCases.
func (m *Model) precomputeEfforts() bool {
	if m.threads <= 1 {
		return false
	}
	total := 0
	for k := range m.nets {
		total += len(m.nets[k].open)
	}
	if total < parallelCases {
		return false
	}
	if m.edgeMarks == nil {
		m.edgeMarks = make([]uint64, markWords)
	} else {
		clear(m.edgeMarks)
	}
	var wg sync.WaitGroup
	chunk := (total + m.threads - 1) / m.threads
	for lo := 0; lo < total; lo += chunk {
		hi := min(lo+chunk, total)
		wg.Add(1)
		go func() {
			defer wg.Done()
			m.effortRange(lo, hi)
		}()
	}
	wg.Wait()
	return true
}

// effortRange computes the effort of open cases lo..hi-1, counted over the
// networks in order, into their eff fields.
func (m *Model) effortRange(lo, hi int) {
	base := 0
	for k := range m.nets {
		if base >= hi {
			return
		}
		open := m.nets[k].open
		from, to := max(lo-base, 0), min(hi-base, len(open))
		for x := from; x < to; x++ {
			open[x].eff = m.effort(k, &open[x])
		}
		base += len(open)
	}
}

// markWords is the size of the edge-mark filter in 64-bit words: 2^21 bits
// (256 KiB), small enough to stay in cache. Edge e marks bit e mod 2^21, so
// a few unmarked edges share a bit with a marked one; their cases only
// compute their effort again, to the same value.
const markWords = 1 << 15

// markEdge records that edge e changed this week (see cases).
func (m *Model) markEdge(e int32) {
	m.edgeMarks[uint32(e)/64%markWords] |= 1 << (uint32(e) % 64)
}

// markEdges marks the ties of case cs.
func (m *Model) markEdges(cs *caseState) {
	for x := 1; x < int(cs.nm); x++ {
		if e := cs.edges[x]; e >= 0 {
			m.markEdge(e)
		}
	}
}

// edgesMarked reports whether a tie of case cs may have changed this week
// (false only if none did).
func (m *Model) edgesMarked(cs *caseState) bool {
	for x := 1; x < int(cs.nm); x++ {
		if e := cs.edges[x]; e >= 0 && m.edgeMarks[uint32(e)/64%markWords]&(1<<(uint32(e)%64)) != 0 {
			m.staleEfforts++
			return true
		}
	}
	return false
}

// openCase brings a new case into network k: its domains, a lead
// professional (more likely the more network-oriented), one professional of a
// partner covering each domain the team does not cover yet (preferably one
// the lead already has a tie with), fast money if it needs it.
func (m *Model) openCase(k int) {
	nw := &m.nets[k]
	cc := &m.cfg.Cases
	if len(nw.pros) == 0 {
		return
	}
	var cs caseState
	cs.eff = -1 // not precomputed (see cases)
	cs.domains = m.drawDomains()
	lead := int32(-1)
	for range 30 {
		i := nw.pros[m.rng.IntN(len(nw.pros))]
		if int(m.people.load[i]) < cc.Capacity && m.rng.Float64() < m.people.orient[i] {
			lead = i
			break
		}
	}
	if lead < 0 {
		return // nobody free and willing: the household stays with the system world
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
	cs.need = cc.EffortWeeks * float64(nDom) / 2 * (m.rng.ExpFloat64() + m.rng.ExpFloat64()) / 2
	if m.rng.Float64() < cc.MoneyShare {
		cs.money = cc.MoneyAmount * m.rng.ExpFloat64()
		cs.waiting = !m.advance(nw, cs.money)
	}
	cs.w0 = math.Min(10, math.Max(0, m.cfg.Wellbeing.Intake+m.cfg.Wellbeing.IntakeSD*m.rng.NormFloat64()))
	for x := range int(cs.nm) {
		m.people.load[cs.members[x]]++
	}
	nw.open = append(nw.open, cs)
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
// in all, each drawn by its prevalence.
func (m *Model) drawDomains() uint8 {
	n := 2 + m.poisson(m.cfg.Cases.Domains-2)
	if n > numDomains {
		n = numDomains
	}
	var set uint8
	for count := 0; count < n; {
		u := m.rng.Float64()
		d := 0
		for ; d < numDomains-1; d++ {
			u -= domainPrevalence[d]
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
	for range 40 {
		j := nw.pros[m.rng.IntN(len(nw.pros))]
		g := &m.orgs[p.org[j]]
		if g.domains&bit != 0 && int(p.load[j]) < cap && !inCase(j) {
			return j, m.ties.link(lead, j, m.cfg.Trust.Initial)
		}
	}
	return -1, -1
}

// effort is the share of a full week of joint work case cs gets:
//
//	eta * geomean_j(c_j) / (1 + handoff*(members-1)*(1-s))
//
// (cases multiplies it by slow_money while the case waits for money)
// with c_j = (0.5+0.5*o_j) * (0.5+0.5*consent_j) * (0.5+0.5*trust_j) * capacity_j,
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
	lead := cs.members[0]
	for x := range int(cs.nm) {
		j := cs.members[x]
		g := &m.orgs[p.org[j]]
		if !g.active {
			return 0
		}
		mgr := 0.0
		if b := p.boss[j]; b >= 0 {
			mgr = p.orient[b]
		}
		consent := g.sovereignty + (1-g.sovereignty)*(cc.BaselineConsent+(1-cc.BaselineConsent)*mgr)
		tr := 1.0
		if x > 0 {
			tr = m.caseTrust(cs.edges[x], lead, j)
		}
		c := (0.5 + 0.5*p.orient[j]) * (0.5 + 0.5*consent) * (0.5 + 0.5*tr) * g.capacity
		prod *= c
		sovSum += g.sovereignty
	}
	n := float64(cs.nm)
	var gm float64 // geometric mean of the members' c, cheaply for 1, 2 and 4 members
	switch cs.nm {
	case 1:
		gm = prod
	case 2:
		gm = math.Sqrt(prod)
	case 4:
		gm = math.Sqrt(math.Sqrt(prod))
	default:
		gm = math.Exp(math.Log(prod) / n)
	}
	e := m.nets[k].eta * gm
	e /= 1 + cc.Handoff*(n-1)*(1-sovSum/n)
	return e
}

// caseTrust is the trust on the tie between the lead and a member, or half a
// new tie's trust if they have none (the tie was lost or never formed).
func (m *Model) caseTrust(e, lead, j int32) float64 {
	t := &m.ties
	if e >= 0 && ((t.a[e] == lead && t.b[e] == j) || (t.a[e] == j && t.b[e] == lead)) {
		return t.trust[e]
	}
	return m.cfg.Trust.Initial / 2
}

// closeCase ends a case: trust is deposited or withdrawn on the team's ties,
// the members remember a success, and the household's wellbeing is counted.
// While cases uses precomputed efforts, the ties whose trust changes are
// marked.
func (m *Model) closeCase(k int, cs *caseState, solved bool) {
	nw := &m.nets[k]
	p := &m.people
	t := &m.ties
	lead := cs.members[0]
	for x := range int(cs.nm) {
		j := cs.members[x]
		if p.load[j] > 0 {
			p.load[j]--
		}
		if solved {
			p.seen[j]++
		} else {
			p.seen[j] += 0.5 // a failure, too, shows the network is needed
		}
		if x == 0 {
			continue
		}
		if e := cs.edges[x]; e >= 0 && ((t.a[e] == lead && t.b[e] == j) || (t.a[e] == j && t.b[e] == lead)) {
			if solved {
				m.trustSucceeded(e)
			} else {
				m.trustFailed(e)
			}
			if m.marking {
				m.markEdge(e)
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
	if solved {
		nw.solvedWeek++
	}
}

// poisson draws a Poisson count with mean lambda from the model's stream.
func (m *Model) poisson(lambda float64) int {
	if lambda <= 0 {
		return 0
	}
	return int(distuv.Poisson{Lambda: lambda, Src: m.src}.Rand())
}
