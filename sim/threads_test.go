package sim

import (
	"fmt"
	"math"
	"testing"
)

// multiNetwork is a small national-style run: several networks sharing
// partners, large enough (over 20,000 persons) for the orientation update
// to be split over threads.
func multiNetwork(t *testing.T) *Config {
	t.Helper()
	cfg := Defaults()
	setAll(t, cfg, map[string]string{
		"network.count":         "8",
		"network.size_spread":   "0.6",
		"network.shared_orgs":   "0.3",
		"persons.professionals": "2900",
		"run.years":             "0.5",
	})
	return cfg
}

// setAll sets parameters of cfg by path, failing the test on an error.
func setAll(t *testing.T, cfg *Config, values map[string]string) {
	t.Helper()
	for path, v := range values {
		if err := cfg.Set(path, v); err != nil {
			t.Fatal(err)
		}
	}
}

// sameRun fails the test unless two runs have bit-identical metrics and
// the same final network.
// sameBits reports whether two rows of metrics are the same bit for bit:
// an undefined value (NaN) equals an undefined value.
func sameBits(a, b *[NumMetrics]float64) bool {
	for c := range a {
		if math.Float64bits(a[c]) != math.Float64bits(b[c]) {
			return false
		}
	}
	return true
}

func sameRun(t *testing.T, what string, a, b *Model, ra, rb *Result) {
	t.Helper()
	if len(ra.Rows) != len(rb.Rows) {
		t.Fatalf("%s: %d rows against %d", what, len(rb.Rows), len(ra.Rows))
	}
	for r := range ra.Rows {
		for c := range ra.Rows[r] {
			if math.Float64bits(ra.Rows[r][c]) != math.Float64bits(rb.Rows[r][c]) { // As sameBits, naming the metric.
				t.Fatalf("%s: tick %d %s = %v, want %v", what, r, MetricNames[c], rb.Rows[r][c], ra.Rows[r][c])
			}
		}
	}
	sa, sb := a.Snapshot(0), b.Snapshot(0)
	if len(sa.Persons) != len(sb.Persons) || len(sa.Ties) != len(sb.Ties) {
		t.Fatalf("%s: snapshot sizes differ", what)
	}
	for i := range sa.Persons {
		if sa.Persons[i] != sb.Persons[i] {
			t.Fatalf("%s: person %d differs: %+v against %+v", what, i, sb.Persons[i], sa.Persons[i])
		}
	}
	for i := range sa.Ties {
		if sa.Ties[i] != sb.Ties[i] {
			t.Fatalf("%s: tie %d differs: %+v against %+v", what, i, sb.Ties[i], sa.Ties[i])
		}
	}
}

// TestThreadsBitIdentical checks that one run gives bit-identical results
// whatever the number of threads sharing its orientation update.
func TestThreadsBitIdentical(t *testing.T) {
	cfg := multiNetwork(t)
	run := func(threads int) (*Model, *Result) {
		m, err := New(cfg, 5)
		if err != nil {
			t.Fatal(err)
		}
		if n := m.people.n(); n < 20000 {
			t.Fatalf("%d persons: too few for the threaded update", n)
		}
		m.SetThreads(threads)
		return m, m.RunToEnd()
	}
	m1, r1 := run(1)
	for _, threads := range []int{2, 4} {
		m, r := run(threads)
		sameRun(t, "threads "+string(rune('0'+threads)), m1, m, r1, r)
	}
}

// TestTieCompactionInvisible checks that renumbering the edges for memory
// locality (compactTies) does not change a run: with it every week and
// without it at all, metrics and network are bit-identical. The run has
// high turnover, so ties are freed and reused and open cases hold stale
// edge ids.
func TestTieCompactionInvisible(t *testing.T) {
	cfg := multiNetwork(t)
	setAll(t, cfg, map[string]string{
		"persons.professionals": "300",
		"run.years":             "3",
		"turnover.professional": "0.5",
		"turnover.manager":      "0.5",
	})
	saved := compactEvery
	defer func() { compactEvery = saved }()
	run := func(every int) (*Model, *Result) {
		compactEvery = every
		m, err := New(cfg, 9)
		if err != nil {
			t.Fatal(err)
		}
		return m, m.RunToEnd()
	}
	m0, r0 := run(1 << 30)
	m1, r1 := run(1)
	if r0.Final(MCrossTies) == 0 || r0.Final(MCasesSolvedCum) == 0 {
		t.Fatal("the run has no ties or no solved cases: the test would prove nothing")
	}
	sameRun(t, "compaction every week", m0, m1, r0, r1)
}

// TestCasesThreadsBitIdentical checks that the networks' cases, run at the
// same time on several threads, give bit-identical results for 1 to 4
// threads. The run is small, so the threshold for sharing the networks out
// is lowered; many cases close and high turnover breaks ties, so that
// networks form ties at the same time from their own free lists and reuse
// the ids of broken ones.
func TestCasesThreadsBitIdentical(t *testing.T) {
	cfg := multiNetwork(t)
	setAll(t, cfg, map[string]string{
		"persons.professionals": "300",
		"run.years":             "3",
		"turnover.professional": "1.0",
		"turnover.manager":      "0.5",
	})
	saved := parallelPersons
	defer func() { parallelPersons = saved }()
	parallelPersons = 1
	run := func(threads int) (*Model, *Result) {
		m, err := New(cfg, 13)
		if err != nil {
			t.Fatal(err)
		}
		m.SetThreads(threads)
		return m, m.RunToEnd()
	}
	m1, r1 := run(1)
	if r1.Final(MCasesSolvedCum) < 1000 || r1.Final(MCasesFailedCum) == 0 {
		t.Fatalf("%v solved and %v failed cases: too few for the test to prove anything",
			r1.Final(MCasesSolvedCum), r1.Final(MCasesFailedCum))
	}
	for _, threads := range []int{2, 3, 4} {
		m, r := run(threads)
		sameRun(t, fmt.Sprintf("threads %d", threads), m1, m, r1, r)
	}
}

// TestTrustSumsExact checks that the trust sum the metrics take from the
// networks' sums (kept along the weekly tie upkeep) equals a pass over all
// edges, every week, also in weeks in which partners leave after the
// networks' week and take their ties with them.
func TestTrustSumsExact(t *testing.T) {
	cfg := multiNetwork(t)
	setAll(t, cfg, map[string]string{
		"persons.professionals": "300",
		"run.years":             "3",
		"sovereignty.handed":    "0.9",
		"sovereignty.erosion":   "10",
		"partners.leave_hazard": "10",
		"turnover.professional": "0.5",
		"network.shared_orgs":   "0.5",
	})
	cfg.Sovereignty.Trojan = true // weakened partners leave only under the Trojan-horse hypothesis
	m, err := New(cfg, 17)
	if err != nil {
		t.Fatal(err)
	}
	fresh, stale := 0, 0
	for !m.Done() {
		m.Step()
		if m.trustSumsFresh {
			fresh++
		} else {
			stale++
		}
		if got, want := m.trustSum(), m.ties.sumTrust(); got != want {
			t.Fatalf("week %d: trust sum %v from the networks, %v from all edges", m.tick, got, want)
		}
	}
	if fresh == 0 || stale == 0 {
		t.Fatalf("%d weeks with the networks' sums, %d with partners leaving: the test needs both", fresh, stale)
	}
}
