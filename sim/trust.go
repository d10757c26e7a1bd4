package sim

import (
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
	k     int // Slots per person (trust.max_ties).
	slots []int32
	deg   []uint8
	a     []int32 // First endpoint; -1 marks a free edge.
	x     []int32 // First XOR second endpoint (0 if free): other reads one array and takes no branch.
	trust []float64
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
}

// edgeRange is the range of edge ids lo..hi-1.
type edgeRange struct{ lo, hi int32 }

// grow makes room for the slots of the persons, given by their networks'
// indexes (nets networks in all).
func (t *tieStore) grow(net []int32, nets int) {
	t.net = net
	persons := len(net)
	n := persons - len(t.deg)
	if n <= 0 {
		return
	}
	t.deg = append(t.deg, make([]uint8, n)...)
	old := len(t.slots)
	t.slots = append(t.slots, make([]int32, n*t.k)...)
	for s := old; s < len(t.slots); s++ {
		t.slots[s] = -1
	}
	// Room for every tie the slots can hold, so that ties forming during the
	// run never copy the edge arrays (pages never touched cost no memory).
	edges := persons*t.k/2 + 1
	t.a = slices.Grow(t.a, edges-len(t.a))
	t.x = slices.Grow(t.x, edges-len(t.x))
	t.trust = slices.Grow(t.trust, edges-len(t.trust))
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
	for _, k := range net {
		perNet[k]++
	}
	for k, c := range perNet {
		// A network's ids: its live ties (at most c*k/2) and its free list,
		// which reserve tops up for the week's new ties: room for both.
		t.free[k] = slices.Grow(t.free[k], c*t.k/2+256-len(t.free[k]))
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
	base := int(i) * t.k
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
	if i == j || int(t.deg[i]) >= t.k || int(t.deg[j]) >= t.k || t.find(i, j) >= 0 {
		return -1
	}
	if len(t.free[k]) == 0 {
		t.reserve(k, 1)
	}
	n := len(t.free[k])
	e := t.free[k][n-1]
	t.free[k] = t.free[k][:n-1]
	t.a[e], t.x[e], t.trust[e] = i, i^j, tr
	t.slots[int(i)*t.k+int(t.deg[i])] = e
	t.deg[i]++
	t.slots[int(j)*t.k+int(t.deg[j])] = e
	t.deg[j]++
	t.alive[k]++
	return e
}

// detach removes edge e from person i's slots (order of the rest kept).
func (t *tieStore) detach(e, i int32) {
	base := int(i) * t.k
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
		t.unlink(t.slots[int(i)*t.k])
	}
}

// Trust: joint work that succeeds adds to the 'emotional bank account', a
// failure withdraws more than a success deposits, and without joint work
// trust drifts back to the level of a new tie.

// trustSucceeded deposits on edge e after a joint success.
func (m *Model) trustSucceeded(e int32) {
	t := &m.ties.trust[e]
	*t += m.cfg.Trust.Gain * (1 - *t)
}

// trustFailed withdraws from edge e after a joint failure.
func (m *Model) trustFailed(e int32) {
	m.ties.trust[e] *= 1 - m.cfg.Trust.Loss
}

// prepareTies settles, on one thread, what the networks' tie upkeep shares
// (see networkWeek): the edges are renumbered for locality when due; each
// network draws the pairs its coordination brokers this week from the
// model's stream, in network order; and each network's free list gets an id
// for every tie its cases and brokering can form, so that no network takes
// new ids while the others run. It runs after prepareCases.
func (m *Model) prepareTies() {
	tc := &m.cfg.Trust
	t := &m.ties
	if m.tick%compactEvery == 0 {
		m.compactTies()
	}
	calm := 1 - m.crisisNow()
	m.brokered = m.brokered[:0]
	for k := range m.nets {
		nw := &m.nets[k]
		nw.brokeredFrom = len(m.brokered)
		if len(nw.pros) >= 2 {
			lambda := tc.Brokering * m.effectiveFTE(nw) * nw.eta * calm
			for n := m.poisson(lambda); n > 0; n-- {
				i := nw.pros[m.rng.IntN(len(nw.pros))]
				j := nw.pros[m.rng.IntN(len(nw.pros))]
				if m.people.org[i] != m.people.org[j] {
					if len(m.brokered) == cap(m.brokered) {
						// Room for as many again: the weekly total
						// varies little, so the list soon stops growing.
						m.brokered = slices.Grow(m.brokered, len(m.brokered)+64)
					}
					m.brokered = append(m.brokered, [2]int32{i, j})
				}
			}
		}
		nw.brokeredTo = len(m.brokered)
		// A new case forms at most one tie per member besides the lead.
		t.reserve(k, nw.arrivals*(maxMembers-1)+nw.brokeredTo-nw.brokeredFrom)
	}
}

// networkTies lets the trust on network k's ties decay towards the level of
// a new tie, forms the ties its coordination brokered (drawn in
// prepareTies) and lets its core coalition's executives build trust by
// meeting.
func (m *Model) networkTies(k int) {
	tc := &m.cfg.Trust
	t := &m.ties
	p := &m.people
	nw := &m.nets[k]
	// The network's trust sum for the metrics is taken along: nothing
	// changes trust later in the week unless a partner leaves (trustSum).
	var sum fixedSum
	for _, r := range t.ranges[k] {
		a, trust := t.a[r.lo:r.hi], t.trust[r.lo:r.hi]
		for e := range a {
			if a[e] >= 0 {
				v := trust[e] + tc.Decay*(tc.Initial-trust[e])
				trust[e] = v
				sum.addValue(v)
			}
		}
	}
	for _, pair := range m.brokered[nw.brokeredFrom:nw.brokeredTo] {
		if t.linkIn(k, pair[0], pair[1], tc.Initial) >= 0 {
			sum.addValue(tc.Initial)
		}
	}
	if tc.Meetings > 0 {
		calm := 1 - m.crisisNow()
		for _, i := range nw.core {
			if !m.orgs[p.org[i]].active {
				continue
			}
			for _, e := range t.edgesOf(i) {
				j := t.other(e, i)
				if j > i && p.roles[j]&roleCore != 0 {
					sum.subValue(t.trust[e])
					t.trust[e] += tc.Meetings * nw.eta * calm * (1 - t.trust[e])
					sum.addValue(t.trust[e])
				}
			}
		}
	}
	nw.trustSum = sum
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
	t.spareTrust = grown(t.spareTrust, n, c)
	na, nx, nt := t.spareA, t.spareX, t.spareTrust
	for e, q := range perm {
		na[q], nx[q], nt[q] = t.a[e], t.x[e], t.trust[e]
	}
	t.a, t.spareA = na, t.a
	t.x, t.spareX = nx, t.x
	t.trust, t.spareTrust = nt, t.trust
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
func (f *fixedSum) addValue(v float64) {
	var c uint64
	f.lo, c = bits.Add64(f.lo, fixed(v), 0)
	f.hi += c
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
	for e := range a {
		if a[e] >= 0 {
			f.addValue(trust[e])
		}
	}
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
