package web

import (
	"cmp"
	"net/http"
	"slices"
	"strconv"

	"github.com/orgnet/orgnet/i18n"
	"github.com/orgnet/orgnet/plots"
	"github.com/orgnet/orgnet/sim"
)

// Frames of the network for the page's animation: the persons and ties of
// the run shown, every few weeks, in a compact form the page draws itself.

const (
	framePersons = 600  // Persons kept in a frame (the first networks of large runs).
	frameTies    = 1500 // Ties kept in a frame: the most trusting ones.
)

// netFrame is the network at one week.
type netFrame struct {
	Tick    int        `json:"tick"`
	Active  []bool     `json:"active"`  // Per organisation: still a partner.
	Persons [][3]int32 `json:"persons"` // Organisation, level (index in sim.LevelNames), orientation in percent.
	Roles   []uint8    `json:"roles"`   // Per person: 1 network manager, 2 ambassador, 4 core coalition (bits).
	Ties    [][3]int32 `json:"ties"`    // Person a, person b, trust in percent.
}

// frameOf takes a frame of a model's network.
func frameOf(m *sim.Model) netFrame {
	s := m.Snapshot(framePersons)
	f := netFrame{Tick: s.Tick, Active: make([]bool, len(s.Orgs)), Persons: make([][3]int32, len(s.Persons)), Roles: make([]uint8, len(s.Persons))}
	for i, o := range s.Orgs {
		f.Active[i] = o.Active
	}
	for i, p := range s.Persons {
		f.Persons[i] = [3]int32{int32(p.Org), int32(max(0, slices.Index(sim.LevelNames, p.Level))), int32(p.Orientation*100 + 0.5)}
		var r uint8
		if p.NetworkManager {
			r |= 1
		}
		if p.Ambassador {
			r |= 2
		}
		if p.Core {
			r |= 4
		}
		f.Roles[i] = r
	}
	ties := slices.Clone(s.Ties)
	if len(ties) > frameTies {
		slices.SortStableFunc(ties, func(a, b sim.SnapshotTie) int { return cmp.Compare(b.Trust, a.Trust) })
		ties = ties[:frameTies]
	}
	f.Ties = make([][3]int32, len(ties))
	for i, t := range ties {
		f.Ties[i] = [3]int32{int32(t.A), int32(t.B), int32(t.Trust*100 + 0.5)}
	}
	return f
}

type orgView struct {
	Name string `json:"name"`
	Kind string `json:"kind"` // The kind in words, in the page's language.
	Net  int    `json:"network"`
	Core bool   `json:"core"`
	Lead bool   `json:"lead"`
}

// handleNetwork serves the frames of the run's network from index `from` on,
// with its organisations and the names of the levels in the page's language.
func (s *Server) handleNetwork(w http.ResponseWriter, r *http.Request, ss *session) {
	l, err := langOf(r)
	if err != nil {
		fail(w, err)
		return
	}
	from, err := fromParam(r, "a frame number")
	if err != nil {
		fail(w, err)
		return
	}
	ss.mu.Lock()
	defer ss.mu.Unlock()
	if ss.model == nil {
		fail(w, badInput("nothing to draw: set up a run first"))
		return
	}
	snap := ss.model.Snapshot(1)
	orgs := make([]orgView, len(snap.Orgs))
	for i, o := range snap.Orgs {
		orgs[i] = orgView{Name: plots.OrgName(l, o.Name), Kind: kindLabel(l, o.Kind), Net: o.Network, Core: o.Core, Lead: o.Lead}
	}
	levels := make([]string, len(sim.LevelNames))
	for i, n := range sim.LevelNames {
		levels[i] = i18n.T(l, "web.level."+n)
	}
	frames := []netFrame{}
	if from < len(ss.frames) {
		frames = ss.frames[from:]
	}
	writeJSON(w, http.StatusOK, map[string]any{"setup": ss.setups, "from": from, "orgs": orgs, "levels": levels, "frames": frames})
}

// kindLabel is an organisation kind in words.
func kindLabel(l i18n.Lang, kind string) string {
	if k := "kind." + kind; i18n.Has(l, k) {
		return i18n.T(l, k)
	}
	return kind
}

// fromParam reads the query's `from`: where a client's copy ends (0 when
// not given).
func fromParam(r *http.Request, what string) (int, error) {
	q := r.URL.Query().Get("from")
	if q == "" {
		return 0, nil
	}
	from, err := strconv.Atoi(q)
	if err != nil || from < 0 {
		return 0, badInput("from: %q is not %s; allowed: an integer from 0", q, what)
	}
	return from, nil
}
