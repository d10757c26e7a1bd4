package sweep

import (
	"errors"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/orgnet/orgnet/sim"
)

// tiny is a small valid sweep: 1 simulated year, few samples.
const tiny = `base = "bossche-bond"
method = "lhs"
samples = 6
replications = 2
seed = 7
years = 1

[[parameters]]
path = "forces.manager.loss_of_control"
min = 0.1
max = 0.9

[[parameters]]
path = "network.governance"
values = ["shared", "nao"]

[[parameters]]
path = "persons.span_of_control"
min = 5
max = 15

[[outcomes]]
name = "solved"
metric = "cases_solved_cum"

[[outcomes]]
metric = "orientation_manager"
stat = "mean"
from_year = 0.5

[[outcomes]]
name = "trust_at_half"
metric = "trust"
stat = "time_to"
threshold = 0.5
`

func TestParseTiny(t *testing.T) {
	s, err := Parse("tiny.toml", []byte(tiny))
	if err != nil {
		t.Fatal(err)
	}
	if s.Years != 1 || s.Replications != 2 || s.Seed != 7 || len(s.Parameters) != 3 || len(s.Outcomes) != 3 {
		t.Fatalf("parsed %+v", s)
	}
	if got := s.Outcomes[1].Name; got != "orientation_manager_mean" {
		t.Errorf("default outcome name %q", got)
	}
	if o := s.Outcomes[2]; !o.Above || o.Threshold != 0.5 {
		t.Errorf("time_to outcome %+v", o)
	}
	if p := s.Parameters[1]; p.Kind != sim.Choice || len(p.Values) != 2 || p.Values[1] != 2 {
		t.Errorf("choice parameter %+v (nao is choice 2)", p)
	}
	if n, _ := s.Runs(); n != 12 {
		t.Errorf("runs %d, want 12", n)
	}
	for _, e := range s.BaseConfig.Events {
		if e.Rate == 0 && e.Year > 1 {
			t.Errorf("event after the end kept: %+v", e)
		}
	}
}

func TestExampleParses(t *testing.T) {
	s, err := Parse("example.toml", []byte(Example))
	if err != nil {
		t.Fatal(err)
	}
	if s.Method != LHS || len(s.Outcomes) != 4 {
		t.Errorf("example: %+v", s)
	}
}

// TestParseErrors checks that bad sweep files are refused with the file,
// line and key of the problem.
func TestParseErrors(t *testing.T) {
	replace := func(old, new string) string {
		if !strings.Contains(tiny, old) {
			t.Fatalf("%q not in tiny", old)
		}
		return strings.Replace(tiny, old, new, 1)
	}
	tests := []struct {
		name, text string
		line       int
		key, want  string
	}{
		{"unknown top key", replace("seed = 7", "seed = 7\ncolour = 3"), 6, "colour", "unknown key"},
		{"unknown parameter key", replace("min = 0.1", "minimum = 0.1"), 10, "parameters.minimum", "unknown key"},
		{"min above max", replace("min = 0.1\nmax = 0.9", "min = 0.9\nmax = 0.1"), 10, "parameters[0].min", "larger than max"},
		{"unknown method", replace(`method = "lhs"`, `method = "halton"`), 2, "method", "unknown method"},
		{"zero samples", replace("samples = 6", "samples = 0"), 3, "samples", "positive"},
		{"unknown parameter", replace("forces.manager.loss_of_control", "forces.manager.loss_of_contrl"), 9, "parameters[0].path", "unknown parameter"},
		{"out of range", replace("max = 0.9", "max = 9"), 11, "parameters[0].max", "out of range"},
		{"unknown metric", replace(`metric = "cases_solved_cum"`, `metric = "cases"`), 24, "outcomes[0].metric", "unknown metric"},
		{"unknown stat", replace(`stat = "mean"`, `stat = "median"`), 28, "outcomes[1].stat", "unknown statistic"},
		{"bad choice", replace(`"shared", "nao"`, `"shared", "anarchy"`), 15, "parameters[1].values", "not a choice"},
		{"range of a choice", replace(`values = ["shared", "nao"]`, "min = 0\nmax = 2"), 15, "parameters[1].min", "give values"},
		{"unknown preset", replace(`base = "bossche-bond"`, `base = "bosche-bond"`), 1, "base", "unknown preset"},
		{"wrong type", replace("replications = 2", `replications = "two"`), 4, "replications", "wrong type"},
		{"threshold outside time_to", replace("from_year = 0.5", "threshold = 3"), 29, "outcomes[1].threshold", "only for"},
		{"window past the end", replace("from_year = 0.5", "to_year = 4"), 29, "outcomes[1].to_year", "not within"},
		{"duplicate column", replace(`name = "trust_at_half"`, `name = "solved"`), 32, "outcomes[2].name", "used twice"},
		{"seed not sweepable", replace("persons.span_of_control", "run.seed"), 18, "parameters[2].path", "cannot be varied"},
		{"odd morris levels", replace(`method = "lhs"`, `method = "morris"`) + "\n[morris]\nlevels = 3\n", 38, "morris.levels", "even"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Parse("bad.toml", []byte(tc.text))
			var e *Error
			if !errors.As(err, &e) {
				t.Fatalf("got %v, want an *Error", err)
			}
			if e.File != "bad.toml" || e.Line != tc.line || e.Key != tc.key || !strings.Contains(e.Problem, tc.want) {
				t.Errorf("got %q (line %d, key %q), want line %d, key %q, problem with %q", err, e.Line, e.Key, tc.line, tc.key, tc.want)
			}
			if !strings.HasPrefix(err.Error(), "bad.toml:") {
				t.Errorf("message %q does not start with the file", err)
			}
		})
	}
}

func TestBaseFileRelativeToSweep(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "my.toml"), []byte("[scenario]\nbase = \"mom\"\n[run]\nyears = 2\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	text := strings.Replace(strings.Replace(tiny, `base = "bossche-bond"`, `base = "my.toml"`, 1), "years = 1\n", "", 1)
	s, err := Parse(filepath.Join(dir, "sweep.toml"), []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	if s.Years != 2 {
		t.Errorf("years %v, want the base file's 2", s.Years)
	}
}

func TestOutcomeValue(t *testing.T) {
	rows := make([][sim.NumMetrics]float64, 5)
	for i, x := range []float64{3, 1, 4, 1, 5} {
		rows[i][sim.MYear] = float64(i) / 4
		rows[i][sim.MTrust] = x
	}
	tests := []struct {
		o    Outcome
		want float64
	}{
		{Outcome{Stat: StatFinal}, 5},
		{Outcome{Stat: StatMax}, 5},
		{Outcome{Stat: StatMin}, 1},
		{Outcome{Stat: StatMean, FromYear: 0, ToYear: 1}, 14.0 / 5},
		{Outcome{Stat: StatMean, FromYear: 0.25, ToYear: 0.75}, 2},
		{Outcome{Stat: StatTimeTo, Threshold: 4, Above: true}, 0.5},
		{Outcome{Stat: StatTimeTo, Threshold: 1, Above: false}, 0.25},
		{Outcome{Stat: StatTimeTo, Threshold: 6, Above: true}, math.NaN()},
	}
	for _, tc := range tests {
		tc.o.Index = sim.MTrust
		got := tc.o.Value(rows)
		if !(got == tc.want || math.IsNaN(got) && math.IsNaN(tc.want)) {
			t.Errorf("%+v: got %v, want %v", tc.o, got, tc.want)
		}
	}
}

// Undefined values (NaN, as a metric before it means anything) are left out
// of max, min and mean.
func TestOutcomeValueUndefined(t *testing.T) {
	rows := make([][sim.NumMetrics]float64, 4)
	for i, x := range []float64{math.NaN(), 2, 6, 4} {
		rows[i][sim.MYear] = float64(i) / 4
		rows[i][sim.MWellbeing] = x
	}
	for _, tc := range []struct {
		o    Outcome
		want float64
	}{
		{Outcome{Stat: StatMax}, 6},
		{Outcome{Stat: StatMin}, 2},
		{Outcome{Stat: StatMean, FromYear: 0, ToYear: 1}, 4},
		{Outcome{Stat: StatTimeTo, Threshold: 5, Above: true}, 0.5},
	} {
		tc.o.Index = sim.MWellbeing
		if got := tc.o.Value(rows); got != tc.want {
			t.Errorf("%+v: got %v, want %v", tc.o, got, tc.want)
		}
	}
}
