package sim

import "testing"

// TestLoopsThreadsBitIdentical checks that the feedback loops that change the
// structure (partners attracted by legitimacy and leaving for lack of
// support, the networks' reviews) keep a run bit-identical whatever the
// number of threads.
func TestLoopsThreadsBitIdentical(t *testing.T) {
	cfg := multiNetwork(t)
	setAll(t, cfg, map[string]string{
		"run.years":                "2",
		"persons.professionals":    "1500",
		"legitimacy.attraction":    "3",
		"legitimacy.exit":          "5",
		"legitimacy.exit_support":  "0.4",
		"adaptation.enabled":       "true",
		"adaptation.interval":      "13",
		"adaptation.tolerance":     "0",
		"residents.members":        "12",
		"sovereignty.trojan_horse": "true",
		"sovereignty.handed":       "0.6",
	})
	run := func(threads int) (*Model, *Result) {
		m, err := New(cfg, 9)
		if err != nil {
			t.Fatal(err)
		}
		m.SetThreads(threads)
		return m, m.RunToEnd()
	}
	saved := parallelPersons
	defer func() { parallelPersons = saved }()
	parallelPersons = 1 // the networks' weeks on the threads, though the run is small
	m1, r1 := run(1)
	last := r1.Rows[len(r1.Rows)-1]
	if last[MReinventions] == 0 || last[MPartners] == r1.Rows[0][MPartners] {
		t.Fatalf("reinventions %v, partners %v from %v: the test needs structure changes", last[MReinventions], last[MPartners], r1.Rows[0][MPartners])
	}
	m2, r2 := run(2)
	sameRun(t, "threads 2", m1, m2, r1, r2)
}
