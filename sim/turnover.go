package sim

import "math"

// Turnover: networks 'float on personal forces' (Deel C h3). Each week a
// person of level l leaves with probability turnover.l/52 (each of the
// persons who share the network manager's role with
// turnover.network_manager/52) and a newcomer takes the post:
// oriented to the own organisation (persons.anchor) except for the part of
// the predecessor's orientation that the post keeps through procedures
// (o_new = anchor + inst*(o_old - anchor)), tenure 0, no recent successes. The leaver's ties go, except that with probability equal to
// the network's institutionalisation a tie belongs to the function and passes
// to the successor, who keeps trust.inheritance of its trust. The network
// manager's role, an ambassadorship and core-coalition membership belong to
// the post.

// turnover replaces the persons who leave this week.
func (m *Model) turnover() {
	tc := &m.cfg.Turnover
	rates := [3]float64{tc.Executive, tc.Manager, tc.Professional}
	for l, list := range m.byLevel {
		p := rates[l] / WeeksPerYear
		if p <= 0 || len(list) == 0 {
			continue
		}
		// Geometric skipping: draw the gaps between leavers.
		logq := math.Log1p(-math.Min(p, 0.999999))
		for x := m.skip(logq); x < len(list); x += 1 + m.skip(logq) {
			i := list[x]
			if m.people.roles[i]&roleNetworkManager == 0 {
				m.replace(i)
			}
		}
	}
	// Everyone's tenure (tick - hired) has grown by a week; a network
	// manager who leaves now is replaced after that, so the successor's
	// tenure is 0 this week.
	if p := tc.NetworkManager / WeeksPerYear; p > 0 {
		for k := range m.nets {
			for _, c := range m.nets[k].coords {
				if m.rng.Float64() < p {
					m.replace(c)
					m.people.hired[c] = int32(m.tick)
				}
			}
		}
	}
}

// skip draws the number of persons passed over before the next leaver.
func (m *Model) skip(logq float64) int {
	u := 1 - m.rng.Float64() // (0,1]
	return int(math.Log(u) / logq)
}

// replace lets person i leave and a newcomer take the post.
func (m *Model) replace(i int32) {
	p := &m.people
	t := &m.ties
	inst := m.nets[p.net[i]].inst
	base := int(t.off[i])
	for s := 0; s < int(t.deg[i]); {
		e := t.slots[base+s]
		if m.rng.Float64() < inst {
			t.trust[e] *= m.cfg.Trust.Inheritance
			s++
			continue
		}
		t.unlink(e)
	}
	// The post keeps part of its network orientation through its procedures
	// and job description, in proportion to institutionalisation.
	anchor := m.cfg.Persons.Anchor
	p.orient[i] = anchor + inst*(p.orient[i]-anchor)
	p.next[i] = p.orient[i]
	p.hired[i] = int32(m.tick - 1) // tenure 1 this week, like everyone hired this week
	p.seen[i] = 0
	if p.roles[i]&roleAmbassador != 0 && m.rng.Float64() >= inst {
		p.roles[i] &^= roleAmbassador
	}
}
