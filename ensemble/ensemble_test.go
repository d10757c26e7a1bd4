package ensemble

import (
	"context"
	"errors"
	"math"
	"reflect"
	"testing"

	"github.com/orgnet/orgnet/sim"
)

func smallConfig(t *testing.T) *sim.Config {
	t.Helper()
	cfg := sim.Defaults()
	if err := cfg.Set("run.years", "1"); err != nil {
		t.Fatal(err)
	}
	return cfg
}

func TestRunSameForAnyWorkers(t *testing.T) {
	cfg := smallConfig(t)
	var first *Result
	for _, w := range []int{1, 2, 3} {
		res, err := Run(context.Background(), cfg, 7, 3, Options{Workers: w})
		if err != nil {
			t.Fatal(err)
		}
		if len(res.Reps) != 3 {
			t.Fatalf("workers %d: %d replications", w, len(res.Reps))
		}
		for i, r := range res.Reps {
			if r.Index != i || r.Seed != sim.DeriveSeed(7, i) {
				t.Errorf("workers %d: replication %d has index %d seed %d", w, i, r.Index, r.Seed)
			}
			if len(r.Rows) != cfg.Ticks()+1 {
				t.Errorf("rows = %d, want %d", len(r.Rows), cfg.Ticks()+1)
			}
		}
		if first == nil {
			first = res
			continue
		}
		if !Identical(first.Reps, res.Reps) {
			t.Errorf("workers %d gives other results than workers 1", w)
		}
	}
	if SameRows(first.Reps[0].Rows, first.Reps[1].Rows) {
		t.Error("replications 0 and 1 are identical; seeds are not used")
	}
}

func TestProgressAndSnapshots(t *testing.T) {
	cfg := smallConfig(t)
	var calls []int
	res, err := Run(context.Background(), cfg, 1, 4, Options{
		Workers:       2,
		Progress:      func(done, total int) { calls = append(calls, done); _ = total },
		SnapshotTicks: []int{26, 10, cfg.Ticks()},
	})
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(calls, []int{1, 2, 3, 4}) {
		t.Errorf("progress calls %v", calls)
	}
	snaps := res.Reps[0].Snapshots
	var ticks []int
	for _, s := range snaps {
		ticks = append(ticks, s.Tick)
	}
	if !reflect.DeepEqual(ticks, []int{10, 26, cfg.Ticks()}) {
		t.Errorf("snapshot ticks %v", ticks)
	}
	if len(res.Reps[1].Snapshots) != 0 {
		t.Error("only the first replication should record snapshots")
	}
}

func TestCancel(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := Run(ctx, smallConfig(t), 1, 5, Options{Workers: 2})
	if !errors.Is(err, context.Canceled) {
		t.Errorf("err = %v, want context.Canceled", err)
	}
}

func TestRunRejects(t *testing.T) {
	cfg := smallConfig(t)
	if _, err := Run(context.Background(), cfg, 1, 0, Options{}); err == nil {
		t.Error("0 replications accepted")
	}
	cfg.Run.Years = -1
	if _, err := Run(context.Background(), cfg, 1, 1, Options{}); err == nil {
		t.Error("invalid config accepted")
	}
}

func TestQuantile(t *testing.T) {
	tests := []struct {
		vals []float64
		q    float64
		want float64
	}{
		{[]float64{5}, 0.05, 5},
		{[]float64{0, 10}, 0.05, 0.5},
		{[]float64{0, 10}, 0.95, 9.5},
		{[]float64{1, 2, 3, 4, 5}, 0.5, 3},
		{[]float64{1, 2, 3, 4, 5}, 1, 5},
		{[]float64{1, 2, 3, 4, 5}, 0, 1},
	}
	for _, tt := range tests {
		if got := Quantile(tt.vals, tt.q); math.Abs(got-tt.want) > 1e-12 {
			t.Errorf("Quantile(%v, %v) = %v, want %v", tt.vals, tt.q, got, tt.want)
		}
	}
	if !math.IsNaN(Quantile(nil, 0.5)) {
		t.Error("Quantile of nothing is not NaN")
	}
}

func TestSummarise(t *testing.T) {
	mk := func(v float64) Replication {
		var row [sim.NumMetrics]float64
		for m := range row {
			row[m] = v
		}
		return Replication{Rows: [][sim.NumMetrics]float64{row, row}}
	}
	s, err := Summarise([]Replication{mk(1), mk(3), mk(2)})
	if err != nil {
		t.Fatal(err)
	}
	if s.Ticks() != 2 || s.Reps != 3 {
		t.Fatalf("ticks %d reps %d", s.Ticks(), s.Reps)
	}
	mean, lo, hi := s.Column(sim.MTrust)
	if mean[1] != 2 || math.Abs(lo[1]-1.1) > 1e-12 || math.Abs(hi[1]-2.9) > 1e-12 {
		t.Errorf("mean %v p05 %v p95 %v", mean[1], lo[1], hi[1])
	}
	if _, err := Summarise(nil); !errors.Is(err, ErrEmpty) {
		t.Errorf("Summarise(nil) err = %v", err)
	}
}

// Undefined values (NaN) are left out of the summary, and a tick where no
// replication has a value is undefined too.
func TestSummariseIgnoresUndefined(t *testing.T) {
	row := func(x float64) [][sim.NumMetrics]float64 {
		var r [sim.NumMetrics]float64
		r[sim.MWellbeing] = x
		return [][sim.NumMetrics]float64{r}
	}
	s, err := Summarise([]Replication{{Rows: row(math.NaN())}, {Rows: row(6)}, {Rows: row(8)}})
	if err != nil {
		t.Fatal(err)
	}
	if m := s.Mean[0][sim.MWellbeing]; m != 7 {
		t.Errorf("mean %v, want 7 (the undefined value left out)", m)
	}
	if p := s.P05[0][sim.MWellbeing]; p < 6 {
		t.Errorf("p05 %v, want at least 6", p)
	}
	s, _ = Summarise([]Replication{{Rows: row(math.NaN())}})
	if m := s.Mean[0][sim.MWellbeing]; !math.IsNaN(m) {
		t.Errorf("mean of no values %v, want NaN", m)
	}
}

// TestVary: a per-replication change (as drawn from a posterior) reaches
// only its replication, and the result is the same for any workers.
func TestVary(t *testing.T) {
	cfg := smallConfig(t)
	vary := func(i int, c *sim.Config) error {
		return c.SetValue("cases.detection", 20+100*float64(i))
	}
	var first *Result
	for _, w := range []int{1, 3} {
		res, err := Run(context.Background(), cfg, 7, 3, Options{Workers: w, Vary: vary})
		if err != nil {
			t.Fatal(err)
		}
		if first == nil {
			first = res
		} else if !Identical(first.Reps, res.Reps) {
			t.Fatal("varied replications differ between 1 and 3 workers")
		}
	}
	plain, err := Run(context.Background(), cfg, 7, 3, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if first.Config.Cases.Detection != cfg.Cases.Detection {
		t.Error("Vary changed the ensemble's shared configuration")
	}
	last := func(r Replication) float64 {
		return r.Rows[len(r.Rows)-1][sim.MCasesSolvedCum] + r.Rows[len(r.Rows)-1][sim.MCasesOpen]
	}
	if !(last(first.Reps[2]) > last(first.Reps[0])) || Identical(first.Reps, plain.Reps) {
		t.Errorf("detection 220 brought no more cases than 20 (%v against %v), or Vary did nothing", last(first.Reps[2]), last(first.Reps[0]))
	}
	if _, err := Run(context.Background(), cfg, 7, 2, Options{Vary: func(int, *sim.Config) error { return errors.New("no") }}); err == nil {
		t.Error("an error of Vary was ignored")
	}
}
