package sim

import (
	"fmt"
	"testing"
)

// TestPrecomputedEffortsBitIdentical checks that computing the case efforts
// in parallel at the start of the week (and computing again those whose ties
// a closing or an opening touched earlier in the week) gives the same run,
// bit for bit, as working the cases one after the other on one thread. The
// run is small, so the threshold is lowered; high turnover makes ties break
// and their edge ids be reused while open cases still hold them.
func TestPrecomputedEffortsBitIdentical(t *testing.T) {
	cfg := multiNetwork(t)
	for path, v := range map[string]string{
		"persons.professionals": "200",
		"run.years":             "3",
		"turnover.professional": "1.0",
		"turnover.manager":      "0.5",
	} {
		if err := cfg.Set(path, v); err != nil {
			t.Fatal(err)
		}
	}
	saved := parallelCases
	defer func() { parallelCases = saved }()
	parallelCases = 1
	run := func(threads int) (*Model, *Result) {
		m, err := New(cfg, 13)
		if err != nil {
			t.Fatal(err)
		}
		m.SetThreads(threads)
		return m, m.RunToEnd()
	}
	m1, r1 := run(1)
	if m1.staleEfforts != 0 {
		t.Fatalf("one thread computed %d efforts again: it should not precompute", m1.staleEfforts)
	}
	if r1.Final(MCasesSolvedCum) == 0 || r1.Final(MCasesFailedCum) == 0 {
		t.Fatal("no solved or no failed cases: the test would prove nothing")
	}
	for _, threads := range []int{2, 3, 4} {
		m, r := run(threads)
		if m.staleEfforts == 0 {
			t.Fatalf("threads %d: no precomputed effort was computed again: the test would prove nothing", threads)
		}
		sameRun(t, fmt.Sprintf("threads %d", threads), m1, m, r1, r)
	}
}

// TestPrecomputedEffortRelinkedTie checks the one way an opening changes
// the effort of a case already open: the case holds the id of a tie that
// broke (its effort counts half a new tie's trust), and a new case between
// the same two professionals forms the tie again under the same id (taken
// back from the free list), so that the old case now counts the new tie's
// trust. The test arranges that in one week and checks that the week comes
// out the same with precomputed efforts as on one thread.
func TestPrecomputedEffortRelinkedTie(t *testing.T) {
	cfg := Defaults()
	for path, v := range map[string]string{
		"persons.professionals": "150",
		"cases.effort_weeks":    "500",
	} {
		if err := cfg.Set(path, v); err != nil {
			t.Fatal(err)
		}
	}
	saved := parallelCases
	defer func() { parallelCases = saved }()
	parallelCases = 1
	week := func(threads int) (*Model, caseState, int32) {
		m, err := New(cfg, 21)
		if err != nil {
			t.Fatal(err)
		}
		for range 30 {
			m.Step()
		}
		nw := &m.nets[0]
		var old caseState
		found := false
		for _, cs := range nw.open {
			if cs.nm >= 2 && cs.edges[1] >= 0 && m.caseTrust(cs.edges[1], cs.members[0], cs.members[1]) != cfg.Trust.Initial/2 &&
				m.orgs[m.people.org[cs.members[1]]].domains&^m.orgs[m.people.org[cs.members[0]]].domains != 0 {
				old, found = cs, true
				break
			}
		}
		if !found {
			t.Fatal("no case with a live tie to a member of another domain")
		}
		lead, j, e := old.members[0], old.members[1], old.edges[1]
		// Only lead and j are left to take cases; lead has room and leads
		// every new case; the old tie breaks last, so it is reused first.
		nw.pros = []int32{lead, j}
		m.people.orient[lead], m.people.orient[j] = 1, 0
		m.people.load[lead], m.people.load[j] = 0, 0
		for _, f := range append([]int32(nil), m.ties.edgesOf(lead)...) {
			if f != e {
				m.ties.unlink(f)
			}
		}
		m.ties.unlink(e)
		old.need, old.age = 1e9, 0 // stays open
		nw.open = []caseState{old}
		nw.proSum = 10 * WeeksPerYear / cfg.Cases.Detection // about ten new cases
		m.SetThreads(threads)
		m.cases()
		return m, nw.open[0], e
	}
	m1, c1, e := week(1)
	if a, b := m1.ties.a[e], m1.ties.b[e]; !(a == c1.members[0] && b == c1.members[1] || a == c1.members[1] && b == c1.members[0]) {
		t.Fatal("the tie was not formed again under its old id: the test would prove nothing")
	}
	m2, c2, _ := week(2)
	if m2.staleEfforts == 0 {
		t.Fatal("no precomputed effort was computed again")
	}
	if c1.progress != c2.progress {
		t.Errorf("progress of the old case: %v with precomputed efforts, want %v", c2.progress, c1.progress)
	}
}
