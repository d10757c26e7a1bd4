package sim

import (
	"math"
	"math/bits"
	"slices"
)

// tieStore holds the cross-organisation ties: an edge list (endpoints and
// trust) with free-list reuse, and per person a fixed number of slots with
// the ids of its edges. Nothing is allocated once the store has grown to its
// working size.
//
// Both ends of a tie are always in the same network (ties form only between
// persons of one network), and each network has a free list of its own: a
// tie takes its id from its network's list and gives it back there. So the
// ids a network's ties get depend only on what happens in that network, and
// the networks can form ties at the same time on several threads, once
// reserve has filled their free lists (see prepareTies). compactTies gives
// each network's ties and free ids one block of edge ids (ranges).
type tieStore struct {
	k     int // Slots of a professional (trust.max_ties).
	kb    int // Slots of an executive or manager (trust.max_ties_broker).
	slots []int32
	off   []int32 // First slot of each person.
	lim   []uint8 // Slots of each person.
	deg   []uint8
	a     []int32 // First endpoint; -1 marks a free edge.
	x     []int32 // First XOR second endpoint (0 if free): other reads one array and takes no branch.
	trust []float64
	used  []int32   // Tick each tie was last used (formed, worked on together, met or brokered over).
	now   int32     // The current tick (set before the networks' week), stamped on new ties.
	net   []int32   // Network of each person (the persons' array).
	free  [][]int32 // Free edge ids of each network.
	alive []int     // Live ties of each network.
	// Edge id ranges of each network: its block from the last compactTies,
	// then the ids reserve has added since. Every edge id of a network, live
	// or in its free list, lies in them.
	ranges [][]edgeRange

	// Scratch space of compactTies, kept between calls so that it allocates
	// only while the store grows.
	perm       []int32
	first      []int32
	spareA     []int32
	spareX     []int32
	spareTrust []float64
	spareUsed  []int32
}

// edgeRange is the range of edge ids lo..hi-1.
type edgeRange struct{ lo, hi int32 }

// grow makes room for the slots of the persons, given by their networks'
// indexes (nets networks in all) and levels: an executive or manager, who
// can hold a broker's role, has trust.max_ties_broker slots, a professional
// trust.max_ties.
func (t *tieStore) grow(net []int32, level []uint8, nets int) {
	t.net = net
	persons := len(net)
	n := persons - len(t.deg)
	if n <= 0 {
		return
	}
	t.deg = append(t.deg, make([]uint8, n)...)
	old := len(t.slots)
	slotsOf := func(i int) int {
		if level[i] != levelProfessional {
			return t.kb
		}
		return t.k
	}
	// The arrays grow once (a million persons join at setup).
	add := 0
	for i := persons - n; i < persons; i++ {
		add += slotsOf(i)
	}
	t.off = slices.Grow(t.off, n)
	t.lim = slices.Grow(t.lim, n)
	t.slots = slices.Grow(t.slots, add)
	for i := persons - n; i < persons; i++ {
		k := slotsOf(i)
		t.off = append(t.off, int32(len(t.slots)))
		t.lim = append(t.lim, uint8(k))
		t.slots = append(t.slots, make([]int32, k)...)
	}
	for s := old; s < len(t.slots); s++ {
		t.slots[s] = -1
	}
	// Room for every tie the slots can hold, so that ties forming during the
	// run never copy the edge arrays (pages never touched cost no memory).
	edges := len(t.slots)/2 + 1
	t.a = slices.Grow(t.a, edges-len(t.a))
	t.x = slices.Grow(t.x, edges-len(t.x))
	t.trust = slices.Grow(t.trust, edges-len(t.trust))
	t.used = slices.Grow(t.used, edges-len(t.used))
	if len(t.free) < nets {
		t.free = append(t.free, make([][]int32, nets-len(t.free))...)
		t.alive = append(t.alive, make([]int, nets-len(t.alive))...)
		for range nets - len(t.ranges) {
			// A network has one range after compactTies and at most one
			// more for each week that reserve adds ids to it (a year's
			// worth; tests that renumber less often let it grow).
			t.ranges = append(t.ranges, make([]edgeRange, 0, min(compactEvery, WeeksPerYear)+2))
		}
	}
	perNet := make([]int, nets)
	for i, k := range net {
		perNet[k] += int(t.lim[i])
	}
	for k, c := range perNet {
		// A network's ids: its live ties (at most half its slots) and its
		// free list, which reserve tops up for the week's new ties: room
		// for both.
		t.free[k] = slices.Grow(t.free[k], c/2+256-len(t.free[k]))
	}
}

// reserve makes sure network k's free list holds at least n edge ids, taking
// new ids at the end of the edge arrays if it does not. Links in network k
// then take no new id until n have been made, so that networks can link at
// the same time.
func (t *tieStore) reserve(k, n int) {
	for len(t.free[k]) < n {
		e := int32(len(t.a))
		t.a = append(t.a, -1)
		t.x = append(t.x, 0)
		t.trust = append(t.trust, 0)
		t.used = append(t.used, 0)
		t.free[k] = append(t.free[k], e)
		if r := t.ranges[k]; len(r) > 0 && r[len(r)-1].hi == e {
			r[len(r)-1].hi++
		} else {
			t.ranges[k] = append(r, edgeRange{e, e + 1})
		}
	}
}

// edgesOf returns the slot range of person i.
func (t *tieStore) edgesOf(i int32) []int32 {
	base := int(t.off[i])
	return t.slots[base : base+int(t.deg[i])]
}

// other returns the endpoint of edge e that is not i (i must be one of them).
func (t *tieStore) other(e, i int32) int32 {
	return t.x[e] ^ i
}

// find returns the edge between i and j, or -1.
func (t *tieStore) find(i, j int32) int32 {
	if t.deg[j] < t.deg[i] {
		i, j = j, i
	}
	for _, e := range t.edgesOf(i) {
		if t.other(e, i) == j {
			return e
		}
	}
	return -1
}

// link adds a tie between i and j with trust tr; it returns the edge id, or
// -1 when either has no free slot or they are already tied.
func (t *tieStore) link(i, j int32, tr float64) int32 {
	return t.linkIn(int(t.net[i]), i, j, tr)
}

// linkIn is link for persons i and j of network k.
func (t *tieStore) linkIn(k int, i, j int32, tr float64) int32 {
	if i == j || t.deg[i] >= t.lim[i] || t.deg[j] >= t.lim[j] || t.find(i, j) >= 0 {
		return -1
	}
	if len(t.free[k]) == 0 {
		t.reserve(k, 1)
	}
	n := len(t.free[k])
	e := t.free[k][n-1]
	t.free[k] = t.free[k][:n-1]
	t.a[e], t.x[e], t.trust[e], t.used[e] = i, i^j, tr, t.now
	t.slots[int(t.off[i])+int(t.deg[i])] = e
	t.deg[i]++
	t.slots[int(t.off[j])+int(t.deg[j])] = e
	t.deg[j]++
	t.alive[k]++
	return e
}

// detach removes edge e from person i's slots (order of the rest kept).
func (t *tieStore) detach(e, i int32) {
	base := int(t.off[i])
	d := int(t.deg[i])
	for s := 0; s < d; s++ {
		if t.slots[base+s] == e {
			copy(t.slots[base+s:base+d-1], t.slots[base+s+1:base+d])
			t.slots[base+d-1] = -1
			t.deg[i]--
			return
		}
	}
}

// unlink removes edge e; its id goes back to its network's free list.
func (t *tieStore) unlink(e int32) {
	k := t.net[t.a[e]]
	t.detach(e, t.a[e])
	t.detach(e, t.a[e]^t.x[e])
	t.a[e], t.x[e] = -1, 0
	t.free[k] = append(t.free[k], e)
	t.alive[k]--
}

// clear removes all ties of person i.
func (t *tieStore) clear(i int32) {
	for t.deg[i] > 0 {
		t.unlink(t.slots[t.off[i]])
	}
}

// Trust: joint work that succeeds adds to the 'emotional bank account', a
// failure withdraws more than a success deposits; a tie that nobody uses
// (no joint case, meeting or introduction over it for trust.unused_weeks)
// loses trust every week and is dropped when its trust falls below
// trust.drop. Ties form through joint work (recruit, in cases.go), through
// the network's meetings (meetTies) and through brokers (brokerAct).

// trustSucceeded deposits on edge e after a joint success.
func (m *Model) trustSucceeded(e int32) {
	t := &m.ties.trust[e]
	*t += m.cfg.Trust.Gain * (1 - *t)
	m.ties.used[e] = m.ties.now
}

// trustFailed withdraws from edge e after a joint failure.
func (m *Model) trustFailed(e int32) {
	m.ties.trust[e] *= 1 - m.cfg.Trust.Loss
	m.ties.used[e] = m.ties.now
}

// prepareTies settles, on one thread, what the networks' tie upkeep shares
// (see networkWeek): the edges are renumbered for locality when due; each
// network gathers its brokers and meeting participants (gatherBrokers) and
// draws, from its own stream, how many brokerage acts its coordination and
// its ambassadors perform this week; and each network's free list gets an
// id for every tie its cases, meetings and brokers can form, so that no
// network takes new ids while the others run. It runs after prepareCases.
func (m *Model) prepareTies() {
	tc := &m.cfg.Trust
	t := &m.ties
	t.now = int32(m.tick)
	if m.tick%compactEvery == 0 {
		m.compactTies()
	}
	calm := 1 - m.crisisNow()
	for k := range m.nets {
		nw := &m.nets[k]
		m.gatherBrokers(k)
		nw.acts, nw.ambActs = 0, 0
		if len(nw.pros) >= 2 {
			if len(nw.brokers) > 0 {
				nw.acts = poisson(nw.src, tc.Brokering*m.paidFTE(nw)*calm)
			}
			nw.ambActs = poisson(nw.src, tc.AmbassadorBrokering*float64(len(nw.ambassadors))*calm)
		}
		// A new case forms at most one tie per member besides the lead; a
		// brokerage act at most one tie; a meeting participant at most one.
		t.reserve(k, nw.arrivals*(maxMembers-1)+nw.acts+nw.ambActs+len(nw.meet))
	}
}

// networkTies lets the trust on network k's unused ties decay and drops
// those that fall below trust.drop, holds the network's meetings and lets
// its brokers act (drawn from the network's stream).
func (m *Model) networkTies(k int) {
	tc := &m.cfg.Trust
	t := &m.ties
	nw := &m.nets[k]
	// The network's trust sum for the metrics is taken along: nothing
	// changes trust later in the week unless a partner leaves (trustSum).
	var decayed fixedSum
	stale := t.now - int32(tc.UnusedWeeks)
	keep := 1 - tc.Decay
	for _, r := range t.ranges[k] {
		a, trust, used := t.a[r.lo:r.hi], t.trust[r.lo:r.hi], t.used[r.lo:r.hi]
		for e := range a {
			if a[e] < 0 {
				continue
			}
			v := trust[e]
			if used[e] < stale {
				v *= keep
				if v < tc.Drop {
					t.unlink(r.lo + int32(e))
					continue
				}
				trust[e] = v
			}
			decayed = decayed.plus(v)
		}
	}
	sum := decayed
	if m.tick%tc.MeetingWeeks == 0 {
		m.meetTies(k, &sum)
	}
	rng := nw.rng
	for n := nw.acts; n > 0; n-- {
		m.brokerAct(k, nw.brokers[rng.IntN(len(nw.brokers))], &sum)
	}
	for n := nw.ambActs; n > 0; n-- {
		m.brokerAct(k, nw.ambassadors[rng.IntN(len(nw.ambassadors))], &sum)
	}
	nw.trustSum = sum
}

// deposit adds rate*(1-trust) to the trust of edge e and marks it used,
// keeping the network's trust sum.
func (m *Model) deposit(e int32, rate float64, sum *fixedSum) {
	t := &m.ties
	sum.subValue(t.trust[e])
	t.trust[e] += rate * (1 - t.trust[e])
	t.used[e] = t.now
	sum.addValue(t.trust[e])
}

// meetTies holds network k's meeting (every trust.meeting_weeks weeks): its
// core coalition's executives, its ambassadors (network team) and its
// network manager(s) meet. Every tie between two participants is used and
// gains meetings*eta*calm of the gap to full trust; each participant meets,
// with probability meeting_ties*calm, a participant of another partner it
// has no tie with yet, and they form a tie.
func (m *Model) meetTies(k int, sum *fixedSum) {
	tc := &m.cfg.Trust
	t := &m.ties
	p := &m.people
	nw := &m.nets[k]
	calm := 1 - m.crisisNow()
	gain := tc.Meetings * nw.eta * calm
	for _, i := range nw.meet {
		for _, e := range t.edgesOf(i) {
			if j := t.other(e, i); j > i && m.meets(j) {
				m.deposit(e, gain, sum)
			}
		}
	}
	if len(nw.meet) < 2 {
		return
	}
	for _, i := range nw.meet {
		if nw.rng.Float64() >= tc.MeetingTies*calm {
			continue
		}
		j := nw.meet[nw.rng.IntN(len(nw.meet))]
		if p.org[i] != p.org[j] && t.linkIn(k, i, j, tc.Initial) >= 0 {
			sum.addValue(tc.Initial)
		}
	}
}

// meets reports whether person i takes part in its network's meetings: a
// core-coalition executive, an ambassador or a network manager of an active
// partner.
func (m *Model) meets(i int32) bool {
	return m.people.roles[i]&(roleCore|roleAmbassador|roleNetworkManager) != 0 && m.orgs[m.people.org[i]].active
}

// brokerAct is one act of broker b of network k. With probability
// 1 - deg/slots the broker reaches out: it contacts a random professional
// of another partner and they form a tie (trust.initial). Otherwise it
// introduces two of its own contacts at different partners to each other
// (triadic closure): both of the broker's ties are used and deepened
// (meetings*calm), and the new tie starts with the trust the broker lends
// it, initial + transfer*max(0, sqrt(trust_bj*trust_bl) - initial).
func (m *Model) brokerAct(k int, b int32, sum *fixedSum) {
	tc := &m.cfg.Trust
	t := &m.ties
	p := &m.people
	nw := &m.nets[k]
	rng := nw.rng
	d := int(t.deg[b])
	if rng.Float64()*float64(t.lim[b]) >= float64(d) {
		j := nw.pros[rng.IntN(len(nw.pros))]
		if p.org[j] != p.org[b] && t.linkIn(k, b, j, tc.Initial) >= 0 {
			sum.addValue(tc.Initial)
		}
		return
	}
	if d < 2 {
		return
	}
	s1 := rng.IntN(d)
	s2 := rng.IntN(d - 1)
	if s2 >= s1 {
		s2++
	}
	mine := t.edgesOf(b)
	e1, e2 := mine[s1], mine[s2]
	j, l := t.other(e1, b), t.other(e2, b)
	calm := 1 - m.crisisNow()
	m.deposit(e1, tc.Meetings*calm, sum)
	m.deposit(e2, tc.Meetings*calm, sum)
	if p.org[j] == p.org[l] {
		return
	}
	tr := tc.Initial + tc.Transfer*math.Max(0, math.Sqrt(t.trust[e1]*t.trust[e2])-tc.Initial)
	if t.linkIn(k, j, l, tr) >= 0 {
		sum.addValue(tr)
	}
}

// compactEvery is how often (in weeks) the edges are renumbered for locality
// (a variable so that tests can check that it changes nothing).
var compactEvery = 52

// compactTies renumbers the edges so that each network's edges form one
// block: its live ties in the order of their first endpoint, then its free
// edge ids in the order of its free list. Persons of one network are
// adjacent, so the networks' ties become adjacent too, and the case,
// tie and orientation updates of a network read them from cache instead of
// from all over memory. It is a pure relabelling: every edge id held
// anywhere (slots, the free lists, the open cases, stale ids included) is
// mapped, nothing iterates edges in an order that changes a result (see
// sumTrust), so the run's course does not change.
func (m *Model) compactTies() {
	t := &m.ties
	n := len(t.a)
	if n == 0 {
		return
	}
	persons := len(t.deg)
	t.first = grown(t.first, persons, persons)
	next := t.first // next id of each person's first-endpoint bucket
	clear(next)
	for _, a := range t.a {
		if a >= 0 {
			next[a]++
		}
	}
	c := cap(t.a) // spare arrays as large as the edge arrays, which grow only with persons
	t.perm = grown(t.perm, n, c)
	perm := t.perm
	for e := range perm {
		perm[e] = -1
	}
	acc := int32(0)
	for k := range m.nets {
		lo := acc
		for _, sp := range m.nets[k].spans {
			for i := sp.lo; i < sp.hi; i++ {
				count := next[i]
				next[i] = acc
				acc += count
			}
		}
		for _, e := range t.free[k] {
			perm[e] = acc
			acc++
		}
		t.ranges[k] = append(t.ranges[k][:0], edgeRange{lo, acc})
	}
	for e, a := range t.a {
		if a >= 0 {
			perm[e] = next[a]
			next[a]++
		}
	}
	if acc != int32(n) {
		panic("sim: an edge id is neither live nor in a free list") // cannot happen: unlink frees every id it takes
	}
	t.spareA, t.spareX = grown(t.spareA, n, c), grown(t.spareX, n, c)
	t.spareTrust, t.spareUsed = grown(t.spareTrust, n, c), grown(t.spareUsed, n, c)
	na, nx, nt, nu := t.spareA, t.spareX, t.spareTrust, t.spareUsed
	for e, q := range perm {
		na[q], nx[q], nt[q], nu[q] = t.a[e], t.x[e], t.trust[e], t.used[e]
	}
	t.a, t.spareA = na, t.a
	t.x, t.spareX = nx, t.x
	t.trust, t.spareTrust = nt, t.trust
	t.used, t.spareUsed = nu, t.used
	for s, e := range t.slots {
		if e >= 0 {
			t.slots[s] = perm[e]
		}
	}
	for _, free := range t.free {
		for x, e := range free {
			free[x] = perm[e]
		}
	}
	for k := range m.nets {
		open := m.nets[k].open
		for c := range open {
			cs := &open[c]
			for y := range int(cs.nm) {
				if e := cs.edges[y]; e >= 0 {
					cs.edges[y] = perm[e]
				}
			}
		}
	}
}

// grown returns s with length n, reusing its storage when it is large
// enough, else new storage of capacity c (at least n).
func grown[T any](s []T, n, c int) []T {
	if cap(s) >= n {
		return s[:n]
	}
	return make([]T, n, max(n, c))
}

// count returns the number of live ties.
func (t *tieStore) count() int {
	n := 0
	for _, a := range t.alive {
		n += a
	}
	return n
}

// trustScale is the fixed-point scale of sumTrust: trust lies in [0,1], so
// trust*2^60 fits a uint64 with room to spare.
const trustScale = 0x1p60

// fixedSum is a sum of trust in 128-bit fixed point (scale trustScale):
// exact, so it does not depend on the order of the terms.
type fixedSum struct{ hi, lo uint64 }

// fixed returns trust v in fixed point.
func fixed(v float64) uint64 {
	if v < 0 || v > 8 {
		panic("sim: trust out of range") // cannot happen: every update keeps trust in [0,1]
	}
	return uint64(int64(v * trustScale)) // below 2^63: the cheaper signed conversion gives the same
}

// addValue adds trust v.
func (f *fixedSum) addValue(v float64) { *f = f.plus(v) }

// plus returns f with trust v added. (A sum kept in a local variable and
// updated with plus stays in registers in a loop; through addValue it goes
// to memory and back for every term once its address is taken.)
func (f fixedSum) plus(v float64) fixedSum {
	var c uint64
	f.lo, c = bits.Add64(f.lo, fixed(v), 0)
	f.hi += c
	return f
}

// subValue subtracts trust v (added before: the sum stays exact).
func (f *fixedSum) subValue(v float64) {
	var b uint64
	f.lo, b = bits.Sub64(f.lo, fixed(v), 0)
	f.hi -= b
}

// addTrust adds the trust of the live edges among a[x], trust[x].
func (f *fixedSum) addTrust(a []int32, trust []float64) {
	trust = trust[:len(a)]
	var g fixedSum
	for e := range a {
		if a[e] >= 0 {
			g = g.plus(trust[e])
		}
	}
	f.add(g)
}

// add adds g to f.
func (f *fixedSum) add(g fixedSum) {
	var c uint64
	f.lo, c = bits.Add64(f.lo, g.lo, 0)
	f.hi += g.hi + c
}

// value returns the sum as a float64.
func (f fixedSum) value() float64 {
	return (float64(f.hi)*0x1p64 + float64(f.lo)) / trustScale
}

// sumTrust returns the sum of the trust of all live ties. It adds in 128-bit
// fixed point, so the result does not depend on the order of the edges
// (compactTies reorders them) and is exact to 2^-60 per tie.
func (t *tieStore) sumTrust() float64 {
	var f fixedSum
	f.addTrust(t.a, t.trust)
	return f.value()
}

// trustSum returns the sum of the trust of all live ties (sumTrust): from
// the networks' sums of this week's networkTies if no tie has changed since
// (the sums are exact, so adding them gives the same result), else by a
// pass over all edges.
func (m *Model) trustSum() float64 {
	if !m.trustSumsFresh {
		return m.ties.sumTrust()
	}
	var f fixedSum
	for k := range m.nets {
		f.add(m.nets[k].trustSum)
	}
	return f.value()
}

// joins reports whether edge e ties i and j (an edge id a case keeps may
// have been freed and reused since).
func (t *tieStore) joins(e, i, j int32) bool {
	return t.x[e] == i^j && (t.a[e] == i || t.a[e] == j)
}
