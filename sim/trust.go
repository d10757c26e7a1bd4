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
// the networks' cases can form ties at the same time on several threads,
// once reserve has filled their free lists (see cases).
type tieStore struct {
	k     int // Slots per person (trust.max_ties).
	slots []int32
	deg   []uint8
	a, b  []int32 // Endpoints; a = -1 marks a free edge.
	x     []int32 // a XOR b: other reads one array and takes no branch.
	trust []float64
	net   []int32   // Network of each person (the persons' array).
	free  [][]int32 // Free edge ids of each network.
	alive []int     // Live ties of each network.

	// Scratch space of compactTies, kept between calls so that it allocates
	// only while the store grows.
	perm           []int32
	first          []int32
	spareA, spareB []int32
	spareX         []int32
	spareTrust     []float64
}

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
	t.b = slices.Grow(t.b, edges-len(t.b))
	t.x = slices.Grow(t.x, edges-len(t.x))
	t.trust = slices.Grow(t.trust, edges-len(t.trust))
	if len(t.free) < nets {
		t.free = append(t.free, make([][]int32, nets-len(t.free))...)
		t.alive = append(t.alive, make([]int, nets-len(t.alive))...)
	}
	perNet := make([]int, nets)
	for _, k := range net {
		perNet[k]++
	}
	for k, c := range perNet {
		t.free[k] = slices.Grow(t.free[k], c*t.k/2+1-len(t.free[k]))
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
		t.b = append(t.b, -1)
		t.x = append(t.x, 0)
		t.trust = append(t.trust, 0)
		t.free[k] = append(t.free[k], e)
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
	if i == j || int(t.deg[i]) >= t.k || int(t.deg[j]) >= t.k || t.find(i, j) >= 0 {
		return -1
	}
	k := t.net[i]
	if len(t.free[k]) == 0 {
		t.reserve(int(k), 1)
	}
	n := len(t.free[k])
	e := t.free[k][n-1]
	t.free[k] = t.free[k][:n-1]
	t.a[e], t.b[e], t.x[e], t.trust[e] = i, j, i^j, tr
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
	t.detach(e, t.b[e])
	t.a[e], t.b[e], t.x[e] = -1, -1, 0
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

// maintainTies lets trust decay towards the new-tie level, has the network's
// coordination broker new ties between professionals of different partners,
// and lets the core coalition's executives build trust by meeting.
func (m *Model) maintainTies() {
	tc := &m.cfg.Trust
	t := &m.ties
	if m.tick%compactEvery == 0 {
		m.compactTies()
	}
	for e := range t.a {
		if t.a[e] >= 0 {
			t.trust[e] += tc.Decay * (tc.Initial - t.trust[e])
		}
	}
	calm := 1 - m.crisisNow()
	for k := range m.nets {
		nw := &m.nets[k]
		if len(nw.pros) < 2 {
			continue
		}
		lambda := tc.Brokering * m.effectiveFTE(nw) * nw.eta * calm
		for n := m.poisson(lambda); n > 0; n-- {
			i := nw.pros[m.rng.IntN(len(nw.pros))]
			j := nw.pros[m.rng.IntN(len(nw.pros))]
			if m.people.org[i] != m.people.org[j] {
				t.link(i, j, tc.Initial)
			}
		}
	}
	if tc.Meetings > 0 {
		for _, i := range m.byLevel[levelExecutive] {
			if m.people.roles[i]&roleCore == 0 || !m.orgs[m.people.org[i]].active {
				continue
			}
			eta := m.nets[m.people.net[i]].eta
			for _, e := range t.edgesOf(i) {
				j := t.other(e, i)
				if j > i && m.people.roles[j]&roleCore != 0 {
					t.trust[e] += tc.Meetings * eta * calm * (1 - t.trust[e])
				}
			}
		}
	}
}

// compactEvery is how often (in weeks) the edges are renumbered for locality
// (a variable so that tests can check that it changes nothing).
var compactEvery = 26

// compactTies renumbers the edges so that live ties lie in the order of their
// first endpoint, then the free edges. Persons of one network are adjacent,
// so a network's ties become adjacent too and the orientation and case
// updates read them from cache instead of from all over memory. It is a pure
// relabelling: every edge id held anywhere (slots, the free list, the open
// cases, stale ids included) is mapped, nothing iterates edges in an order
// that changes a result (see sumTrust), so the run's course does not change.
func (m *Model) compactTies() {
	t := &m.ties
	n := len(t.a)
	if n == 0 {
		return
	}
	persons := len(t.deg)
	t.first = grown(t.first, persons+1, persons+1)
	first := t.first
	clear(first)
	for _, a := range t.a { // counting sort by first endpoint; free edges in bucket persons
		if a >= 0 {
			first[a]++
		} else {
			first[persons]++
		}
	}
	acc := int32(0)
	for i, c := range first {
		first[i] = acc
		acc += c
	}
	c := cap(t.a) // spare arrays as large as the edge arrays, which grow only with persons
	t.perm = grown(t.perm, n, c)
	perm := t.perm
	t.spareA, t.spareB, t.spareX = grown(t.spareA, n, c), grown(t.spareB, n, c), grown(t.spareX, n, c)
	t.spareTrust = grown(t.spareTrust, n, c)
	na, nb, nx, nt := t.spareA, t.spareB, t.spareX, t.spareTrust
	for e, a := range t.a {
		bucket := int32(persons)
		if a >= 0 {
			bucket = a
		}
		q := first[bucket]
		first[bucket]++
		perm[e] = q
		na[q], nb[q], nx[q], nt[q] = a, t.b[e], t.x[e], t.trust[e]
	}
	t.a, t.spareA = na, t.a
	t.b, t.spareB = nb, t.b
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

// sumTrust returns the sum of the trust of all live ties. It adds in 128-bit
// fixed point, so the result does not depend on the order of the edges
// (compactTies reorders them) and is exact to 2^-60 per tie.
func (t *tieStore) sumTrust() float64 {
	var hi, lo uint64
	for e, a := range t.a {
		if a < 0 {
			continue
		}
		v := t.trust[e]
		if v < 0 || v > 8 {
			panic("sim: trust out of range") // cannot happen: every update keeps trust in [0,1]
		}
		var c uint64
		lo, c = bits.Add64(lo, uint64(v*trustScale), 0)
		hi += c
	}
	return (float64(hi)*0x1p64 + float64(lo)) / trustScale
}
