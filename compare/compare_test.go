package compare

import (
	"context"
	"math"
	"strings"
	"testing"

	"github.com/orgnet/orgnet/i18n"
	"github.com/orgnet/orgnet/sim"
)

// synthetic builds a Result holding only the differences given.
func synthetic(reps int, ds ...Difference) *Result {
	a := sim.Defaults()
	a.Run.Years = 10
	return &Result{A: a, B: a.Clone(), Reps: reps, Difference: ds}
}

func TestSentencesClearDifference(t *testing.T) {
	r := synthetic(20,
		Difference{Metric: sim.MOrientationProfessional, Diff: 0.12, SD: 0.085, Low: 0.08, High: 0.16},
		Difference{Metric: sim.MCasesSolvedCum, Diff: -35, SD: 20, Low: -44, High: -26},
		Difference{Metric: sim.MTrust, Diff: 0.05, SD: 0.01, Low: 0.045, High: 0.055},
	)
	got := Sentences(r, i18n.EN)
	text := strings.Join(got, "\n")
	for _, want := range []string{
		"A against B over 20 paired replications of 10 years.",
		"With B, professionals end 0.12 more network-oriented than with A (95% interval +0.08 to +0.16); this difference is clear at 20 replications.",
		"With B, 35 fewer cases are solved over the run than with A (95% interval −44 to −26); this difference is clear at 20 replications.",
		"With B, trust between organisations ends 0.050 higher",
		"No other outcome differs clearly.",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("missing %q in:\n%s", want, text)
		}
	}
	if strings.Contains(text, "not clear") || strings.Contains(text, "--reps") {
		t.Errorf("clear differences called unclear:\n%s", text)
	}
	nl := strings.Join(Sentences(r, i18n.NL), "\n")
	for _, want := range []string{"0,12 meer op het netwerk gericht", "(95%-interval +0,08 tot +0,16)", "duidelijk bij 20 replicaties"} {
		if !strings.Contains(nl, want) {
			t.Errorf("Dutch: missing %q in:\n%s", want, nl)
		}
	}
}

func TestSentencesNullDifference(t *testing.T) {
	r := synthetic(4,
		Difference{Metric: sim.MOrientationProfessional, Diff: -0.01, SD: 0.03, Low: -0.058, High: 0.038},
		Difference{Metric: sim.MWellbeing, Diff: 0, SD: 0, Low: 0, High: 0},
		Difference{Metric: sim.MInnovation, Diff: 0.2, SD: 0.01, Low: 0.18, High: 0.22},
	)
	text := strings.Join(Sentences(r, i18n.EN), "\n")
	for _, want := range []string{
		"professionals end 0.010 less network-oriented than with A (95% interval −0.058 to +0.038); this difference is not clear at 4 replications: the interval includes zero.",
		"Wellbeing of residents ends the same with A and B in every replication.",
		"Other outcomes that differ clearly: innovation +0.20.",
		"more replications (--reps)",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("missing %q in:\n%s", want, text)
		}
	}
}

func TestSentenceOneReplication(t *testing.T) {
	d := Difference{Metric: sim.MTrust, Diff: 0.1, SD: math.NaN(), Low: math.NaN(), High: math.NaN()}
	if s := Sentence(d, 1, i18n.EN); !strings.Contains(s, "no interval") || d.Clear() {
		t.Errorf("one replication: %q (clear %v)", s, d.Clear())
	}
}

func TestNumberFormats(t *testing.T) {
	tests := []struct {
		l     i18n.Lang
		x, sc float64
		want  string
	}{
		{i18n.EN, 0.1234, 0.12, "+0.12"},
		{i18n.EN, -35.2, 40, "−35"},
		{i18n.NL, 0.0456, 0.05, "+0,046"},
		{i18n.EN, -0.00001, 0.1, "0.00"},
		{i18n.EN, 2, 0, "+2.00"},
	}
	for _, tc := range tests {
		if got := Signed(tc.l, tc.x, tc.sc); got != tc.want {
			t.Errorf("Signed(%s, %g, %g) = %q, want %q", tc.l, tc.x, tc.sc, got, tc.want)
		}
	}
}

func TestTCritical(t *testing.T) {
	// Two-sided 95% critical values of Student's t.
	for df, want := range map[int]float64{1: 12.706, 3: 3.182, 19: 2.093, 1000: 1.962} {
		if got := TCritical(df); math.Abs(got-want) > 0.001 {
			t.Errorf("TCritical(%d) = %.4f, want %.3f", df, got, want)
		}
	}
}

func TestChanges(t *testing.T) {
	a := sim.Defaults()
	b := a.Clone()
	if cs := Changes(a, b); len(cs) != 0 {
		t.Fatalf("identical configs: %v", cs)
	}
	if err := b.Set("forces.manager.loss_of_control", "0.9"); err != nil {
		t.Fatal(err)
	}
	b.Run.Seed = 99 // Run settings are the comparison's, not a difference.
	b.Events = append(b.Events, sim.Event{Type: "crisis", Year: 2, Severity: 0.5, Weeks: 4})
	cs := Changes(a, b)
	if len(cs) != 2 || cs[0].Path != "forces.manager.loss_of_control" || cs[0].B != "0.9" || cs[1].Path != "events" || cs[1].A != "none" {
		t.Errorf("changes: %+v", cs)
	}
	// In Dutch: decimal commas, the events in Dutch words.
	b.Events = append(b.Events, sim.Event{Type: "depart", Role: "network-manager", Year: 3.5},
		sim.Event{Type: "turnover", Level: "professional", Share: 0.2, Rate: 0.5})
	r := &Result{A: a, B: b, Changes: Changes(a, b)}
	nl := r.ChangesIn(i18n.NL)
	if nl[0].B != "0,9" || nl[1].A != "geen" || nl[1].B != "crisis (jaar 2); netwerkmanager vertrekt (jaar 3,5); verloop professionals 20% (kans 0,5 per jaar)" {
		t.Errorf("changes in Dutch: %+v", nl)
	}
	if en := r.ChangesIn(i18n.EN); en[1].B != "crisis (year 2); network-manager leaves (year 3.5); turnover professional 20% (rate 0.5 a year)" {
		t.Errorf("changes in English: %+v", en)
	}
	if ChangeLabel(i18n.NL, "events") != "gebeurtenissen" || ChangeLabel(i18n.NL, "trust.initial") == "trust.initial" {
		t.Errorf("labels of changes: %q, %q", ChangeLabel(i18n.NL, "events"), ChangeLabel(i18n.NL, "trust.initial"))
	}
}

func TestRunPairsSeedsAndRefusesBadInput(t *testing.T) {
	a := sim.Defaults()
	a.Run.Years = 1
	// Identical scenarios on common random numbers: every difference is zero.
	r, err := Run(context.Background(), a, a.Clone(), 3, 7, 2)
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range r.Difference {
		if d.Diff != 0 || d.Low != 0 || d.High != 0 || d.Clear() {
			t.Errorf("%s: identical scenarios differ: %+v", d.Name(), d)
		}
	}
	for i, s := range r.Seeds {
		if s != sim.DeriveSeed(7, i) || r.RunsB.Reps[i].Seed != s {
			t.Errorf("replication %d: seeds %d / %d, want %d", i, s, r.RunsB.Reps[i].Seed, sim.DeriveSeed(7, i))
		}
	}
	b := a.Clone()
	b.Run.Years = 2
	if _, err := Run(context.Background(), a, b, 3, 7, 1); err == nil {
		t.Error("different run lengths: no error")
	}
	if _, err := Run(context.Background(), a, a, 0, 7, 1); err == nil {
		t.Error("zero replications: no error")
	}
}

// TestRunVariedPairs: with parameters drawn per pair, A and B of a pair get
// the same ones, so comparing a scenario with itself still gives no
// difference at all, while the ensembles spread wider than without.
func TestRunVariedPairs(t *testing.T) {
	cfg := sim.Defaults()
	cfg.Run.Years = 1
	vary := func(i int, c *sim.Config) error { return c.SetValue("cases.detection", 20+40*float64(i)) }
	res, err := RunVaried(context.Background(), cfg, cfg.Clone(), 6, 3, 2, vary)
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range res.Difference {
		// Undefined (wellbeing before any case closes) on both sides of a
		// pair or on neither.
		if !(d.Diff == 0 || d.N == 0 && math.IsNaN(d.Diff)) || !(d.SD == 0 || d.N < 2 && math.IsNaN(d.SD)) {
			t.Errorf("%s: a scenario against itself differs by %v (sd %v) with shared draws", d.Name(), d.Diff, d.SD)
		}
	}
	plain, err := Run(context.Background(), cfg, cfg.Clone(), 6, 3, 2)
	if err != nil {
		t.Fatal(err)
	}
	width := func(r *Result) float64 {
		n := r.SummaryA.Ticks() - 1
		return r.SummaryA.P95[n][sim.MCasesSolvedCum] + r.SummaryA.P95[n][sim.MCasesOpen] - r.SummaryA.P05[n][sim.MCasesSolvedCum] - r.SummaryA.P05[n][sim.MCasesOpen]
	}
	if !(width(res) > width(plain)) {
		t.Errorf("90%% band of cases: %v with varied detection, %v without", width(res), width(plain))
	}
}
