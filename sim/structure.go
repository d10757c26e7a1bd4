package sim

// Structure: graph measures of the first network's person graph, for the
// metrics. Its nodes are the persons of the network's active partners; its
// edges are the cross-organisation ties (trust.go) and the lines of the
// hierarchy inside each partner (professional - manager - executive). The
// measures are those of social network analysis (Freeman 1979; Brandes
// 2001; Newman 2006), computed here with buffers that are kept between
// calls, so that the weekly steps allocate nothing; structure_test.go
// checks them against gonum's graph packages.

// structureEvery is how often (in weeks) the structure metrics are
// computed; between, the last values are carried forward.
const structureEvery = 52

// betweennessPivots is the number of source persons from which the
// network manager's betweenness is estimated (Brandes & Pich 2007): the
// exact computation searches from every person, which costs more than the
// rest of a run.
const betweennessPivots = 16

// structureState holds the last structure measures and the buffers to
// compute them.
type structureState struct {
	tick      int // Tick of the measures, -1 before the first.
	density   float64
	central   float64
	mgrBetw   float64
	crossFrac float64
	modular   float64
	orgTrust  float64

	local   []int32   // Index of each organisation among the network's active partners, -1 if none.
	pairSum []float64 // Trust on the ties between each pair of partners (local indexes).
	pairN   []int32   // Ties between each pair of partners.

	g        csr
	node     []int32 // Node of each person, -1 if not in the graph.
	orgLinks []float64
	orgDeg   []float64
	bs       brandes
}

// csr is an undirected graph in compressed sparse rows: the neighbours of
// node v are adj[start[v]:start[v+1]], every edge listed at both ends.
type csr struct {
	start []int32
	adj   []int32
	fill  []int32
}

// n returns the number of nodes.
func (g *csr) n() int { return len(g.start) - 1 }

// structureGraph builds network k's person graph into s.g (nodes in person
// order) and returns the persons of its nodes (in s.bs.persons) and the
// number of cross-organisation edges.
func (m *Model) structureGraph(k int, s *structureState) (persons []int32, cross int) {
	p := &m.people
	t := &m.ties
	s.node = grown(s.node, p.n(), p.n())
	persons = s.bs.persons[:0]
	for _, sp := range m.nets[k].spans {
		for i := sp.lo; i < sp.hi; i++ {
			s.node[i] = -1
			if m.orgs[p.org[i]].active {
				s.node[i] = int32(len(persons))
				persons = append(persons, i)
			}
		}
	}
	s.bs.persons = persons
	n := len(persons)
	g := &s.g
	g.start = grown(g.start, n+1, n+1)
	clear(g.start)
	boss := func(i int32) int32 {
		if b := p.boss[i]; b >= 0 && p.net[b] == int32(k) {
			return s.node[b]
		}
		return -1
	}
	for v, i := range persons {
		g.start[v+1] += int32(t.deg[i])
		if b := boss(i); b >= 0 {
			g.start[v+1]++
			g.start[b+1]++
		}
	}
	for v := range n {
		g.start[v+1] += g.start[v]
	}
	// Room for as many edges as the persons' slots and hierarchy lines can
	// hold, so that the buffer does not grow as ties form.
	bound := 0
	for _, i := range persons {
		bound += int(t.lim[i]) + 2
	}
	g.adj = grown(g.adj, int(g.start[n]), bound)
	g.fill = grown(g.fill, n, n)
	copy(g.fill, g.start[:n])
	put := func(v, w int32) {
		g.adj[g.fill[v]] = w
		g.fill[v]++
	}
	for v, i := range persons {
		for _, e := range t.edgesOf(i) {
			put(int32(v), s.node[t.other(e, i)])
			cross++
		}
		if b := boss(i); b >= 0 {
			put(int32(v), b)
			put(b, int32(v))
		}
	}
	return persons, cross / 2
}

// measureStructure computes the structure metrics of the first network.
func (m *Model) measureStructure() {
	s := &m.structure
	s.tick = m.tick
	persons, cross := m.structureGraph(0, s)
	g := &s.g
	n := g.n()
	edges := len(g.adj) / 2
	s.density, s.central, s.mgrBetw, s.crossFrac, s.modular = 0, 0, 0, 0, 0
	s.orgTrust = m.partnerTrust(0, persons, s)
	if n < 3 || edges == 0 {
		return
	}
	s.density = 2 * float64(edges) / float64(n*(n-1))
	// Freeman's degree centralisation: sum of (max degree - degree) over
	// the largest it can be, (n-1)(n-2) for a star.
	maxDeg, sumDeg := 0, 0
	for v := range n {
		d := int(g.start[v+1] - g.start[v])
		maxDeg = max(maxDeg, d)
		sumDeg += d
	}
	s.central = float64(n*maxDeg-sumDeg) / float64((n-1)*(n-2))
	s.crossFrac = float64(cross) / float64(edges)
	if mgr := m.nets[0].netMgr; mgr >= 0 && s.node[mgr] >= 0 {
		v := s.node[mgr]
		bc := s.bs.betweenness(g, betweennessPivots, v)
		// Each pair is counted from both ends; normalised by the pairs
		// that do not include the manager.
		s.mgrBetw = bc[v] / float64((n-1)*(n-2))
	}
	s.modular = m.modularityByOrg(g, persons, s)
}

// modularityByOrg returns Newman's modularity of graph g divided into the
// persons' organisations: Q = sum over organisations of L_c/E - (D_c/2E)^2,
// L_c the edges inside organisation c, D_c the sum of its nodes' degrees.
func (m *Model) modularityByOrg(g *csr, persons []int32, s *structureState) float64 {
	p := &m.people
	s.orgLinks = grown(s.orgLinks, len(m.orgs), len(m.orgs))
	s.orgDeg = grown(s.orgDeg, len(m.orgs), len(m.orgs))
	for _, i := range persons {
		s.orgLinks[p.org[i]], s.orgDeg[p.org[i]] = 0, 0
	}
	for v, i := range persons {
		c := p.org[i]
		s.orgDeg[c] += float64(g.start[v+1] - g.start[v])
		for _, w := range g.adj[g.start[v]:g.start[v+1]] {
			if p.org[persons[w]] == c {
				s.orgLinks[c] += 0.5
			}
		}
	}
	e := float64(len(g.adj) / 2)
	q := 0.0
	for _, i := range persons {
		c := p.org[i]
		if d := s.orgDeg[c]; d >= 0 {
			q += s.orgLinks[c]/e - (d/(2*e))*(d/(2*e))
			s.orgDeg[c] = -1 // counted
		}
	}
	return q
}

// partnerTrust returns the trust between network k's partner
// organisations: over all pairs of its active partners, the mean trust on
// the ties between their persons (0 for a pair without ties), averaged over
// the pairs. persons are the network's persons of active partners.
func (m *Model) partnerTrust(k int, persons []int32, s *structureState) float64 {
	p := &m.people
	t := &m.ties
	s.local = grown(s.local, len(m.orgs), len(m.orgs))
	n := 0
	for _, g := range m.nets[k].orgs {
		s.local[g] = -1
		if m.orgs[g].active {
			s.local[g] = int32(n)
			n++
		}
	}
	if n < 2 {
		return 0
	}
	s.pairSum = grown(s.pairSum, n*n, n*n)
	s.pairN = grown(s.pairN, n*n, n*n)
	clear(s.pairSum)
	clear(s.pairN)
	for _, i := range persons {
		for _, e := range t.edgesOf(i) {
			j := t.other(e, i)
			if j < i {
				continue
			}
			a, b := s.local[p.org[i]], s.local[p.org[j]]
			if a > b {
				a, b = b, a
			}
			s.pairSum[int(a)*n+int(b)] += t.trust[e]
			s.pairN[int(a)*n+int(b)]++
		}
	}
	sum := 0.0
	for a := range n {
		for b := a + 1; b < n; b++ {
			if c := s.pairN[a*n+b]; c > 0 {
				sum += s.pairSum[a*n+b] / float64(c)
			}
		}
	}
	return sum / float64(n*(n-1)/2)
}

// brandes holds the buffers of Brandes' betweenness algorithm.
type brandes struct {
	persons []int32 // (The graph's persons, kept here for structureGraph.)
	bc      []float64
	sigma   []float64
	delta   []float64
	dist    []int32
	order   []int32 // Nodes in the order the search reaches them (a queue, then a stack).
	below   []bool  // Whether a shortest path from the source to the node passes the target.
}

// betweenness returns the betweenness centrality of every node of g
// (Brandes 2001; unweighted, unnormalised, each unordered pair of end
// nodes counted twice, once from each end). With 0 < pivots < n it is
// estimated from the searches from pivots evenly spaced source nodes,
// (i + 1/2) n / pivots for i < pivots, scaled by n/pivots (Brandes & Pich
// 2007); otherwise it searches from every node and is exact.
//
// With target >= 0 only the value of node target is wanted, and only it is
// complete: a search's dependency of target sums over the nodes below it
// on shortest paths from the source, so the backward pass visits just
// those and stops at target. They get the same terms in the same order as
// in the full pass, so the value is the same to the bit. The slice is
// reused by the next call.
func (b *brandes) betweenness(g *csr, pivots int, target int32) []float64 {
	n := g.n()
	if pivots <= 0 || pivots > n {
		pivots = n
	}
	b.bc = grown(b.bc, n, n)
	b.sigma = grown(b.sigma, n, n)
	b.delta = grown(b.delta, n, n)
	b.dist = grown(b.dist, n, n)
	b.order = grown(b.order, n, n)
	b.below = grown(b.below, n, n)
	clear(b.bc)
	all := target < 0
	for x := range pivots {
		src := x
		if pivots < n {
			src = int((float64(x) + 0.5) * float64(n) / float64(pivots))
		}
		if int32(src) == target {
			continue // the source's own dependency is not counted
		}
		for v := range n {
			b.sigma[v], b.delta[v], b.dist[v] = 0, 0, -1
		}
		clear(b.below)
		if !all {
			b.below[target] = true
		}
		b.sigma[src], b.dist[src] = 1, 0
		b.order[0] = int32(src)
		head, tail := 0, 1
		dist, sigma, below, order := b.dist, b.sigma, b.below, b.order
		for head < tail {
			v := order[head]
			head++
			// The graph has no loops, so w != v and v's values stay put.
			dw, sv, bv := dist[v]+1, sigma[v], below[v]
			for _, w := range g.adj[g.start[v]:g.start[v+1]] {
				if dist[w] < 0 {
					dist[w] = dw
					order[tail] = w
					tail++
				}
				if dist[w] == dw {
					sigma[w] += sv
					below[w] = below[w] || bv
				}
			}
		}
		for x := tail - 1; x > 0; x-- {
			w := b.order[x]
			if !all && !b.below[w] {
				continue
			}
			for _, v := range g.adj[g.start[w]:g.start[w+1]] {
				if b.dist[v] == b.dist[w]-1 {
					b.delta[v] += b.sigma[v] / b.sigma[w] * (1 + b.delta[w])
				}
			}
			b.bc[w] += b.delta[w]
			if w == target {
				break
			}
		}
	}
	if pivots < n {
		f := float64(n) / float64(pivots)
		for v := range b.bc {
			b.bc[v] *= f
		}
	}
	return b.bc
}
