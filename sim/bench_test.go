package sim_test

import (
	"testing"

	"github.com/orgnet/orgnet/scenarios"
	"github.com/orgnet/orgnet/sim"
)

// Benchmarks of issue 6. Run them with
//
//	go test ./sim -run '^$' -bench . -benchmem
//
// BenchmarkNationalYear builds a million persons and takes seconds per
// iteration: use -benchtime=1x, or leave it out with -bench 'Tick|Run10'.

// benchPreset loads a preset or skips the benchmark if it does not exist.
func benchPreset(b *testing.B, name string) *sim.Config {
	b.Helper()
	cfg, err := scenarios.Preset(name)
	if err != nil {
		b.Skipf("preset %s: %v", name, err)
	}
	return cfg
}

// BenchmarkTick measures one week of each case preset without its events,
// after two years of warm-up (a run that reaches its end is rebuilt outside
// the timer).
func BenchmarkTick(b *testing.B) {
	for _, name := range scenarios.Cases {
		b.Run(name, func(b *testing.B) {
			cfg := benchPreset(b, name)
			cfg.Run.Years = 100
			cfg.Events = nil // the steady week; partners joining or leaving rebuild indexes
			// Partners attracted by legitimacy join, too.
			cfg.Legitimacy.Attraction = 0
			fresh := func() *sim.Model {
				m, err := sim.New(cfg, 1)
				if err != nil {
					b.Fatal(err)
				}
				for range 2 * sim.WeeksPerYear {
					m.Step()
				}
				return m
			}
			m := fresh()
			b.ReportAllocs()
			personTicks := 0.0
			for b.Loop() {
				if m.Done() {
					b.StopTimer()
					m = fresh()
					b.StartTimer()
				}
				m.Step()
				personTicks += m.Metrics()[sim.MPersons]
			}
			b.ReportMetric(personTicks/b.Elapsed().Seconds(), "person-ticks/s")
		})
	}
}

// BenchmarkRun10 measures a 10-year run (construction included) of each
// case preset, events and all.
func BenchmarkRun10(b *testing.B) {
	for _, name := range scenarios.Cases {
		b.Run(name, func(b *testing.B) {
			cfg := benchPreset(b, name)
			cfg.Run.Years = 10
			b.ReportAllocs()
			personTicks := 0.0
			for b.Loop() {
				res, err := sim.Run(cfg, 1)
				if err != nil {
					b.Fatal(err)
				}
				for _, r := range res.Rows[1:] {
					personTicks += r[sim.MPersons]
				}
			}
			s := b.Elapsed().Seconds()
			b.ReportMetric(personTicks/s, "person-ticks/s")
			b.ReportMetric(float64(b.N)/s, "runs/s")
		})
	}
}

// BenchmarkNationalSetup measures building the national preset (about a
// million persons).
func BenchmarkNationalSetup(b *testing.B) {
	cfg := benchPreset(b, "national")
	b.ReportAllocs()
	for b.Loop() {
		if _, err := sim.New(cfg, 1); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkNationalYear measures the first simulated year of the national
// preset on one thread; construction is outside the timer.
func BenchmarkNationalYear(b *testing.B) {
	cfg := benchPreset(b, "national")
	b.ReportAllocs()
	personTicks := 0.0
	for range b.N {
		b.StopTimer()
		m, err := sim.New(cfg, 1)
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		for range sim.WeeksPerYear {
			m.Step()
			personTicks += m.Metrics()[sim.MPersons]
		}
	}
	b.ReportMetric(personTicks/b.Elapsed().Seconds(), "person-ticks/s")
}
