package sim

// Snapshot is the network at one tick, for drawing: organisations, persons
// and their cross-organisation ties.
type Snapshot struct {
	Tick    int
	Orgs    []SnapshotOrg
	Persons []SnapshotPerson
	Ties    []SnapshotTie
}

// SnapshotOrg is one organisation in a snapshot.
type SnapshotOrg struct {
	Name        string
	Kind        string
	Active      bool
	Core        bool
	Lead        bool
	Network     int // Home network.
	Sovereignty float64
	Capacity    float64
}

// SnapshotPerson is one person in a snapshot.
type SnapshotPerson struct {
	Org            int
	Level          string
	Orientation    float64
	NetworkManager bool
	Ambassador     bool
	Core           bool
	// Betweenness is the person's normalised betweenness in its network's
	// person graph (ties and hierarchy lines, as the structure metrics),
	// 0 for persons of partners that have left (and beyond the first
	// networks of a very large snapshot): high for brokers and hubs.
	Betweenness float64
}

// SnapshotTie is one cross-organisation tie, between persons A and B.
type SnapshotTie struct {
	A, B  int
	Trust float64
}

// Snapshot returns the current network. Persons of partners that have left are
// included with their organisation marked inactive; maxPersons > 0 keeps only
// the persons of the first networks up to about that many (for pictures of
// very large runs).
func (m *Model) Snapshot(maxPersons int) Snapshot {
	s := Snapshot{Tick: m.tick}
	for _, o := range m.orgs {
		s.Orgs = append(s.Orgs, SnapshotOrg{Name: o.name, Kind: KindNames[o.kind], Active: o.active, Core: o.core, Lead: o.lead,
			Network: o.nets[0], Sovereignty: o.sovereignty, Capacity: o.capacity})
	}
	p := &m.people
	keep := make([]int, p.n())
	for i := range keep {
		keep[i] = -1
	}
	for i := range p.level {
		if maxPersons > 0 && len(s.Persons) >= maxPersons {
			break
		}
		keep[i] = len(s.Persons)
		r := p.roles[i]
		s.Persons = append(s.Persons, SnapshotPerson{Org: int(p.org[i]), Level: LevelNames[p.level[i]], Orientation: p.orient[i],
			NetworkManager: r&roleNetworkManager != 0, Ambassador: r&roleAmbassador != 0, Core: r&roleCore != 0})
	}
	m.snapshotBetweenness(s.Persons, keep)
	// Ties in the order of their first endpoint, then of forming (not in
	// edge-id order: edge ids are relabelled now and then for speed).
	t := &m.ties
	for i := range t.deg {
		for _, e := range t.edgesOf(int32(i)) {
			if int(t.a[e]) != i {
				continue
			}
			a, b := keep[t.a[e]], keep[t.a[e]^t.x[e]]
			if a >= 0 && b >= 0 {
				s.Ties = append(s.Ties, SnapshotTie{A: a, B: b, Trust: t.trust[e]})
			}
		}
	}
	return s
}

// snapshotBetweennessPersons bounds the persons of the networks whose
// betweenness a snapshot computes (the time grows with the square of a
// network's size); persons of further networks get 0.
const snapshotBetweennessPersons = 30000

// snapshotBetweenness sets the betweenness of the persons kept in a
// snapshot (keep maps person ids to snapshot indexes, -1 if left out),
// network by network, for the first networks with persons in the snapshot
// up to snapshotBetweennessPersons persons.
func (m *Model) snapshotBetweenness(out []SnapshotPerson, keep []int) {
	var st structureState
	done := 0
	for k := range m.nets {
		if done >= snapshotBetweennessPersons {
			return
		}
		persons, _ := m.structureGraph(k, &st)
		n := st.g.n()
		if n < 3 {
			continue
		}
		shown := false
		for _, i := range persons {
			shown = shown || keep[i] >= 0
		}
		if !shown {
			continue
		}
		done += n
		bc := st.bs.betweenness(&st.g, 0, -1)
		for v, i := range persons {
			if x := keep[i]; x >= 0 {
				out[x].Betweenness = bc[v] / float64((n-1)*(n-2))
			}
		}
	}
}
