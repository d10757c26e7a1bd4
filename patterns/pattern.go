package patterns

import (
	"fmt"
	"math"
	"strings"

	"github.com/orgnet/orgnet/sim"
)

// Kind says what a statement of the suite is for.
type Kind string

// The kinds of statements, in the order the report lists them.
const (
	Calibration Kind = "calibration" // A seed figure used to set parameters.
	Validation  Kind = "validation"  // A seed statement not used for calibration.
	Hypothesis  Kind = "hypothesis"  // Explored by the model, not stated by the case study.
	HeldOut     Kind = "held-out"    // A seed figure kept out of calibration.
)

// Kinds lists the kinds in report order.
var Kinds = []Kind{Validation, Hypothesis, Calibration, HeldOut}

// Arm is one variant of the base scenario that a pattern runs: the base
// with some parameters set, some events dropped and some added. Every arm
// of a pattern runs on the same seeds.
type Arm struct {
	Label string
	// Set holds `path=value` overrides, applied after the user's.
	Set []string
	// Drop removes the base's events of these types ("*": all events).
	Drop []string
	// Add appends events.
	Add []sim.Event
}

// Series is the metrics of one run, one row per tick from tick 0.
type Series = [][sim.NumMetrics]float64

// Statistic is what a pattern measures, for one seed, from the runs of its
// arms on that seed (runs[a] is arm a's run).
type Statistic struct {
	Text    string   // What is computed, in words.
	Unit    string   // Its unit.
	Metrics []string // Metric names it reads (sim.MetricNames); a missing one makes it unmeasurable.
	Eval    func(runs []Series) float64
}

// TestKind is how a statistic is judged.
type TestKind int

// Tests of a statistic.
const (
	// AtLeast passes when the 95% interval of the mean lies at or above
	// Min: the effect is at least the smallest effect that matters.
	AtLeast TestKind = iota
	// Within passes when the 95% interval of the mean lies inside
	// [Min, Max]: a shape or position the case study gives (a band).
	Within
	// Near passes when the mean lies in [Min, Max] around the case
	// study's figure Target: a calibration fit or a held-out comparison.
	Near
	// Reported judges a hypothesis: whether its interval lies at or above
	// Min is its result, reported, never a test of the model.
	Reported
)

// Test judges a statistic.
type Test struct {
	Kind     TestKind
	Min, Max float64
	Target   float64 // Near: the case study's figure.
	// Effect states the threshold in users' terms ("at least 5% more
	// cases solved").
	Effect string
}

// Text returns the test's threshold in symbols, for the report's
// smallest_effect column.
func (t Test) Text() string {
	switch t.Kind {
	case Within:
		return fmt.Sprintf("in [%s, %s]", num(t.Min), num(t.Max))
	case Near:
		return fmt.Sprintf("%s (mean in [%s, %s])", num(t.Target), num(t.Min), num(t.Max))
	}
	return "≥ " + num(t.Min)
}

// gone reports whether an interval lies clearly on the failing side of the
// test: below the smallest effect, or outside the band.
func (t Test) gone(lo, hi float64) bool {
	if math.IsNaN(lo) || math.IsNaN(hi) {
		return false
	}
	switch t.Kind {
	case Within:
		return hi < t.Min || lo > t.Max
	case Near:
		return false
	}
	return hi < t.Min
}

// pass applies the test to a mean and its interval.
func (t Test) pass(mean, lo, hi float64) bool {
	if math.IsNaN(mean) || math.IsNaN(lo) || math.IsNaN(hi) {
		return false
	}
	switch t.Kind {
	case Within:
		return lo >= t.Min && hi <= t.Max
	case Near:
		return mean >= t.Min && mean <= t.Max
	}
	return lo >= t.Min
}

// Pattern is one statement of the suite: what runs, what is measured, how
// it is judged, the mechanism that should produce it and its ablation.
type Pattern struct {
	ID     string // Short name, e.g. "levels-professionals".
	Kind   Kind
	Claim  string // The statement, in words.
	Source string // Seed passage (or literature) it rests on.
	// Home lists the presets the pattern runs on when no base scenario is
	// given (the tests' case); with a base scenario it runs on that alone.
	Home []string
	// Years, when positive, shortens (or lengthens) the runs.
	Years     float64
	Arms      []Arm
	Statistic Statistic
	Test      Test
	// Mechanism names the mechanism that should produce the pattern;
	// Ablation switches it off (`path=value`, applied to every arm after
	// the arm's own settings). Calibration and held-out figures have none.
	Mechanism string
	Ablation  []string
	// Show names a metric drawn over time, one line per arm, in the report.
	Show string
	// Known, when set, says why the current model is expected to fail the
	// pattern (a known failure, reported, not hidden).
	Known string
}

// num formats a number briefly.
func num(x float64) string {
	switch {
	case math.IsNaN(x):
		return "NA"
	case x == math.Trunc(x) && math.Abs(x) < 1e7:
		return fmt.Sprintf("%.0f", x)
	case math.Abs(x) >= 100:
		return fmt.Sprintf("%.1f", x)
	case math.Abs(x) >= 1:
		return fmt.Sprintf("%.3g", x)
	}
	return fmt.Sprintf("%.3g", x)
}

// missingMetrics returns the metrics a statistic reads that the model does
// not record.
func missingMetrics(s Statistic) []string {
	var miss []string
	for _, m := range s.Metrics {
		if sim.MetricIndex(m) < 0 {
			miss = append(miss, m)
		}
	}
	return miss
}

// AblationText returns a pattern's ablation as one line.
func (p *Pattern) AblationText() string { return strings.Join(p.Ablation, " ") }
