package patterns

import (
	"bytes"
	"context"
	"encoding/csv"
	"errors"
	"math"
	"slices"
	"strings"
	"testing"

	"github.com/orgnet/orgnet/scenarios"
	"github.com/orgnet/orgnet/sim"
)

// TestSuiteDefinitions checks every definition of the suite: complete, with
// parameter paths the registry knows, metrics the model records (or a
// known failure that says it does not), presets that exist, and the kinds
// kept apart: validation patterns name a mechanism and an ablation,
// calibration targets and held-out figures have none.
func TestSuiteDefinitions(t *testing.T) {
	ps := Suite()
	seen := map[string]bool{}
	kinds := map[Kind]int{}
	for _, p := range ps {
		kinds[p.Kind]++
		if p.ID == "" || seen[p.ID] {
			t.Errorf("pattern ID %q empty or twice", p.ID)
		}
		seen[p.ID] = true
		if p.Claim == "" || p.Source == "" || p.Statistic.Text == "" || p.Statistic.Unit == "" || p.Statistic.Eval == nil || p.Test.Effect == "" {
			t.Errorf("%s: incomplete (claim, source, statistic text, unit, eval and the effect in words are required)", p.ID)
		}
		if len(p.Arms) == 0 || len(p.Home) == 0 {
			t.Errorf("%s: no arms or no home presets", p.ID)
		}
		for _, h := range p.Home {
			if _, err := scenarios.Preset(h); err != nil {
				t.Errorf("%s: home preset: %v", p.ID, err)
			}
		}
		if miss := missingMetrics(p.Statistic); len(miss) > 0 && p.Known == "" {
			t.Errorf("%s reads metrics the model does not record (%v) and is not marked as a known failure", p.ID, miss)
		}
		if p.Show != "" && sim.MetricIndex(p.Show) < 0 && p.Known == "" {
			t.Errorf("%s shows unknown metric %s", p.ID, p.Show)
		}
		paths := slices.Clone(p.Ablation)
		for _, a := range p.Arms {
			paths = append(paths, a.Set...)
			for i, e := range a.Add {
				c := sim.Defaults()
				c.Events = []sim.Event{e}
				if err := c.Validate(); err != nil {
					t.Errorf("%s arm %q event %d: %v", p.ID, a.Label, i, err)
				}
			}
		}
		for _, kv := range paths {
			if err := ApplySets(sim.Defaults(), []string{kv}); err != nil {
				t.Errorf("%s: %v", p.ID, err)
			}
		}
		switch p.Kind {
		case Validation:
			if p.Mechanism == "" || len(p.Ablation) == 0 {
				t.Errorf("%s: a validation pattern names its mechanism and its ablation", p.ID)
			}
			if p.Test.Kind == Near || p.Test.Kind == Reported {
				t.Errorf("%s: a validation pattern is tested against an effect or a band", p.ID)
			}
		case Hypothesis:
			if p.Test.Kind != Reported || len(p.Ablation) > 0 {
				t.Errorf("%s: a hypothesis is reported, without ablation", p.ID)
			}
		case Calibration, HeldOut:
			if p.Test.Kind != Near || len(p.Ablation) > 0 {
				t.Errorf("%s: a seed figure is compared with Near, without ablation", p.ID)
			}
		default:
			t.Errorf("%s: unknown kind %q", p.ID, p.Kind)
		}
	}
	if kinds[Validation] < 7 || kinds[Hypothesis] < 2 || kinds[Calibration] < 3 || kinds[HeldOut] < 1 {
		t.Errorf("suite kinds %v: want the brief's seven validation patterns (or more rows), two hypotheses, three targets, one held-out figure", kinds)
	}
	// The held-out figure must not be a calibration target too.
	for _, p := range ps {
		if p.Kind == Calibration && strings.Contains(p.Source, "vijfhonderd") {
			t.Errorf("%s calibrates on the held-out figure", p.ID)
		}
	}
}

func TestCarries(t *testing.T) {
	xs := []float64{6, 10, 16, 24, 32}
	// Best 100 at 10; 90 is crossed halfway between 16 (95) and 24 (85).
	if got := Carries(xs, []float64{80, 100, 95, 85, 20}, 0.9); math.Abs(got-20) > 1e-9 {
		t.Errorf("Carries = %v, want 20", got)
	}
	if got := Carries(xs, []float64{1, 2, 3, 4, 5}, 0.9); got != 32 {
		t.Errorf("Carries of a rising curve = %v, want the last x", got)
	}
	if got := Carries(xs, []float64{100, 99, 98, 97, 96}, 0.9); got != 32 {
		t.Errorf("Carries of a plateau = %v, want the last x", got)
	}
	if got := Carries(xs, []float64{100, 50, 40, 30, 20}, 0.9); math.Abs(got-(6+4*10.0/50)) > 1e-9 {
		t.Errorf("Carries of a falling curve = %v, want 6.8", got)
	}
}

func TestHumpHeight(t *testing.T) {
	if got := HumpHeight([]float64{100, 120, 110, 90, 80}); math.Abs(got-0.2) > 1e-12 {
		t.Errorf("HumpHeight = %v, want 0.2", got)
	}
	if got := HumpHeight([]float64{100, 90, 80}); got >= 0 {
		t.Errorf("HumpHeight of a falling curve = %v, want negative", got)
	}
	if !math.IsNaN(HumpHeight([]float64{1, 2})) {
		t.Error("HumpHeight of two points is not NaN")
	}
}

// series makes a run whose metric follows f(t).
func series(n int, metric string, f func(t int) float64) Series {
	r := make(Series, n)
	c := col(metric)
	for t := range r {
		r[t][c] = f(t)
	}
	return r
}

func TestHalfTime(t *testing.T) {
	calm := series(200, coordinate, func(int) float64 { return 0.8 })
	// A drop of 0.4 at tick 100 that closes linearly over 40 weeks: half
	// closed after 20.
	hit := series(200, coordinate, func(t int) float64 {
		switch {
		case t < 100:
			return 0.8
		case t < 140:
			return 0.4 + 0.4*float64(t-100)/40
		}
		return 0.8
	})
	if got := HalfTime(calm, hit, coordinate, 100, 4); got != 20 {
		t.Errorf("HalfTime = %v, want 20", got)
	}
	never := series(200, coordinate, func(t int) float64 {
		if t < 100 {
			return 0.8
		}
		return 0.4
	})
	if got := HalfTime(calm, never, coordinate, 100, 4); got != 99 {
		t.Errorf("HalfTime of a gap that never closes = %v, want the weeks to the end (99)", got)
	}
	if got := HalfTime(calm, calm, coordinate, 100, 4); got != 0 {
		t.Errorf("HalfTime without a gap = %v, want 0", got)
	}
}

func TestAtAndGrown(t *testing.T) {
	r := series(3*sim.WeeksPerYear+1, solved, func(t int) float64 { return float64(t) })
	if got := Grown(r, solved, 1, 2); got != sim.WeeksPerYear {
		t.Errorf("Grown = %v", got)
	}
	// The mean of ticks 40..52.
	if got := At(r, solved, 1); got != 46 {
		t.Errorf("At = %v, want 46", got)
	}
	if got := At(r, solved, 99); got != float64(3*sim.WeeksPerYear-6) {
		t.Errorf("At past the end = %v", got)
	}
}

func TestInterval(t *testing.T) {
	m, lo, hi := Interval([]float64{1, 2, 3, math.NaN()})
	// Mean 2, sd 1, n 3: t(0.975, 2) = 4.302653.
	if m != 2 || math.Abs(hi-2-4.302653/math.Sqrt(3)) > 1e-5 || math.Abs(2-lo-(hi-2)) > 1e-12 {
		t.Errorf("Interval = %v [%v, %v]", m, lo, hi)
	}
	if _, lo, _ := Interval([]float64{1}); !math.IsNaN(lo) {
		t.Error("one value gives an interval")
	}
}

func TestTests(t *testing.T) {
	at := Test{Kind: AtLeast, Min: 0.05}
	if !at.pass(0.1, 0.06, 0.14) || at.pass(0.1, 0.04, 0.16) || at.gone(0.04, 0.16) || !at.gone(-0.1, 0.04) {
		t.Error("AtLeast judged wrongly")
	}
	band := Test{Kind: Within, Min: 10, Max: 25}
	if !band.pass(15, 12, 18) || band.pass(24, 23, 26) || !band.gone(26, 30) || band.gone(20, 30) {
		t.Error("Within judged wrongly")
	}
	near := Test{Kind: Near, Target: 250, Min: 200, Max: 300}
	if !near.pass(290, 250, 330) || near.pass(310, 300, 320) {
		t.Error("Near judged wrongly")
	}
}

func TestPartnerMix(t *testing.T) {
	for _, n := range sizes {
		c, _ := scenarios.Preset("bossche-bond")
		if err := ApplySets(c, partnerMix(n)); err != nil {
			t.Fatalf("%d partners: %v", n, err)
		}
		p := c.Partners
		if got := p.Municipality + p.Housing + p.Care + p.Welfare + p.School + p.Company + p.Residents; got != n {
			t.Errorf("%d partners: got %d", n, got)
		}
		if p.Municipality != 1 || p.Care < p.School || p.Welfare < p.Company {
			t.Errorf("%d partners: mix %+v, want one municipality and care and welfare first", n, p)
		}
		if err := c.Validate(); err != nil {
			t.Errorf("%d partners: %v", n, err)
		}
	}
}

// small is a suite of two quick patterns for tests of the engine.
func small() []Pattern {
	ps := []Pattern{
		{
			ID: "quick", Kind: Validation, Home: []string{"bossche-bond"}, Years: 1,
			Arms: []Arm{
				{Label: "ambassadors", Drop: []string{"intervention"}, Set: []string{"intervention.share=0.6"}},
				{Label: "none", Drop: []string{"intervention"}, Set: []string{"intervention.share=0"}},
			},
			Claim: "quick", Source: "test",
			Statistic: Statistic{Text: "managers", Unit: "0-1", Metrics: []string{orientMgr}, Eval: diffAt(orientMgr, 1)},
			Test:      Test{Kind: AtLeast, Min: 0.01, Effect: "more"},
			Mechanism: "team", Ablation: []string{"forces.manager.network_team=0"}, Show: orientMgr,
		},
		{
			ID: "unmeasurable", Kind: Validation, Home: []string{"bossche-bond"}, Years: 1, Arms: asIs,
			Claim: "x", Source: "test", Statistic: Statistic{Text: "x", Unit: "1", Metrics: []string{"no_such_metric"}, Eval: func([]Series) float64 { return 0 }},
			Test: Test{Kind: AtLeast, Min: 1, Effect: "x"}, Mechanism: "x", Ablation: []string{"trust.gain=0"}, Known: "needs a metric",
		},
		{
			ID: "bad-path", Kind: Validation, Home: []string{"bossche-bond"}, Years: 1, Arms: asIs,
			Claim: "x", Source: "test", Statistic: Statistic{Text: "x", Unit: "1", Metrics: []string{trust}, Eval: diffAt(trust, 1)},
			Test: Test{Kind: AtLeast, Min: 1, Effect: "x"}, Mechanism: "x", Ablation: []string{"no.such.path=0"},
		},
	}
	return ps
}

func csvOf(t *testing.T, rep *Report) string {
	t.Helper()
	var b bytes.Buffer
	if err := WriteCSV(&b, rep); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// TestRunDeterministic checks that the report does not depend on the number
// of workers, and that patterns which cannot be evaluated are reported, not
// fatal.
func TestRunDeterministic(t *testing.T) {
	var reps []*Report
	for _, w := range []int{1, 3} {
		rep, err := Run(context.Background(), small(), Options{Seed: 7, Reps: 3, Workers: w})
		if err != nil {
			t.Fatal(err)
		}
		reps = append(reps, rep)
	}
	a, b := csvOf(t, reps[0]), csvOf(t, reps[1])
	if a != b {
		t.Fatalf("report differs between 1 and 3 workers:\n%s\n%s", a, b)
	}
	rows, err := csv.NewReader(strings.NewReader(a)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 4 || !slices.Equal(rows[0], CSVHeader) {
		t.Fatalf("CSV: %d rows, header %v", len(rows), rows[0])
	}
	rep := reps[0]
	if r := rep.Rows[1]; r.Verdict() != "not measurable" || !strings.Contains(r.Note, "no_such_metric") || !strings.Contains(r.Note, "needs a metric") || r.SeedsNeeded() != 0 {
		t.Errorf("unmeasurable pattern: verdict %q, note %q", r.Verdict(), r.Note)
	}
	if r := rep.Rows[2]; r.Ablation != nil || !strings.Contains(r.Note, "no.such.path") {
		t.Errorf("bad ablation path: note %q", r.Note)
	}
	if r := rep.Rows[0]; r.Ablation == nil || len(r.Result.Curves) != 2 || len(r.Result.Values) != 3 {
		t.Errorf("quick pattern: ablation %v, %d curves, %d values", r.Ablation, len(r.Result.Curves), len(r.Result.Values))
	}
	var html bytes.Buffer
	if err := WriteHTML(&html, rep); err != nil {
		t.Fatal(err)
	}
	h := html.String()
	for _, want := range []string{"quick", "unmeasurable", "bad-path", "<svg", "Validation patterns"} {
		if !strings.Contains(h, want) {
			t.Errorf("HTML lacks %q", want)
		}
	}
	if strings.Contains(h, "src=") || strings.Contains(h, "href=") {
		t.Error("HTML refers to something outside itself")
	}
}

func TestRunBadInput(t *testing.T) {
	_, err := Run(context.Background(), small(), Options{Reps: 3, Patterns: []string{"nope"}})
	var pe *sim.ParamError
	if !errors.As(err, &pe) || !strings.Contains(err.Error(), "quick") {
		t.Errorf("unknown pattern: %v", err)
	}
	_, err = Run(context.Background(), small(), Options{Reps: 3, Set: []string{"trust.gain"}})
	if !errors.As(err, &pe) {
		t.Errorf("--set without value: %v", err)
	}
	if _, err := Run(context.Background(), small(), Options{Reps: 1}); err == nil {
		t.Error("one seed accepted")
	}
}

// TestBaseScenario checks that with a base scenario every pattern runs on
// it, except the seed figures, which stay with their case.
func TestBaseScenario(t *testing.T) {
	base, _ := scenarios.Preset("mom")
	ps := append(small()[:1], Pattern{
		ID: "figure", Kind: Calibration, Home: []string{"botu"}, Years: 1, Arms: asIs, Claim: "x", Source: "x",
		Statistic: Statistic{Text: "x", Unit: "1", Metrics: []string{solved}, Eval: func(r []Series) float64 { return Grown(r[0], solved, 0, 1) }},
		Test:      Test{Kind: Near, Target: 1, Min: 0, Max: 1e9, Effect: "x"},
	})
	rep, err := Run(context.Background(), ps, Options{Base: base, BaseName: "mom", Reps: 2, Workers: 2})
	if err != nil {
		t.Fatal(err)
	}
	if rep.Rows[0].Scenario != "mom" || rep.Rows[1].Scenario != "botu" || rep.Base != "mom" {
		t.Errorf("scenarios %q, %q (base %q)", rep.Rows[0].Scenario, rep.Rows[1].Scenario, rep.Base)
	}
}
