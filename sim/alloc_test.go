package sim_test

import (
	"testing"

	"github.com/orgnet/orgnet/scenarios"
	"github.com/orgnet/orgnet/sim"
)

// TestNoAllocationPerTick checks that, once a run has warmed up (its case
// lists, tie store and scratch space have grown to their working size), a
// year of weeks allocates nothing. Events are left out: partners joining or
// leaving change the structure and may allocate.
//
// Besides the case presets, a small national run (300 networks of about 90
// persons) checks the path of many networks: the networks' weeks, brokers'
// lists, tie id ranges, the yearly renumbering of the ties and the yearly
// structure measurement.
func TestNoAllocationPerTick(t *testing.T) {
	for _, name := range append(scenarios.Cases[:len(scenarios.Cases):len(scenarios.Cases)], "national") {
		t.Run(name, func(t *testing.T) {
			cfg, err := scenarios.Preset(name)
			if err != nil {
				t.Skipf("preset %s: %v", name, err)
			}
			if name == "national" {
				if err := cfg.Set("persons.professionals", "60"); err != nil {
					t.Fatal(err)
				}
			}
			cfg.Events = nil
			// Partners attracted by legitimacy join: a structure change, like events.
			cfg.Legitimacy.Attraction = 0
			m, err := sim.New(cfg, 11)
			if err != nil {
				t.Fatal(err)
			}
			for range 3 * sim.WeeksPerYear { // warm-up
				m.Step()
			}
			// AllocsPerRun runs the function once to warm up, then once more
			// and reports that run's allocations: every allocation in 52
			// weeks counts (an average per tick would round a few down to 0).
			year := func() {
				for range sim.WeeksPerYear {
					m.Step()
				}
			}
			for y := range 3 {
				if n := testing.AllocsPerRun(1, year); n != 0 {
					t.Errorf("year %d after warm-up: %v allocations in %d weeks, want 0", 4+2*y, n, sim.WeeksPerYear)
				}
			}
		})
	}
}
