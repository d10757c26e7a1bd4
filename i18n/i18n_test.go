package i18n

import (
	"regexp"
	"slices"
	"testing"

	"github.com/orgnet/orgnet/sim"
)

func TestEveryKeyInEveryLanguage(t *testing.T) {
	for _, a := range Langs() {
		for _, b := range Langs() {
			for _, k := range Keys(a) {
				if !Has(b, k) {
					t.Errorf("key %q is in %s but not in %s", k, a, b)
				}
			}
		}
	}
}

var verb = regexp.MustCompile(`%[0-9.]*[a-zA-Z%]`)

func TestSameVerbs(t *testing.T) {
	for _, k := range Keys(EN) {
		want := verb.FindAllString(T(EN, k), -1)
		for _, l := range Langs() {
			if got := verb.FindAllString(T(l, k), -1); !slices.Equal(got, want) {
				t.Errorf("%s %q: verbs %v, English has %v", l, k, got, want)
			}
		}
	}
}

func TestNoEmptyLabels(t *testing.T) {
	for _, l := range Langs() {
		for _, k := range Keys(l) {
			if T(l, k) == "" {
				t.Errorf("%s %q is empty", l, k)
			}
		}
	}
}

func TestMetricsAndUnitsCovered(t *testing.T) {
	for _, m := range sim.Metrics {
		for _, l := range Langs() {
			if !Has(l, "metric."+m.Name) {
				t.Errorf("%s: no label for metric %q", l, m.Name)
			}
			if !Has(l, "unit."+m.Unit) {
				t.Errorf("%s: no label for unit %q of metric %q", l, m.Unit, m.Name)
			}
		}
	}
}

func TestDutchUsesSeedTerms(t *testing.T) {
	tests := map[string]string{
		"metric.orientation_executive": "bestuurders",
		"metric.orientation_manager":   "middenmanagers",
		"metric.trust":                 "vertrouwen",
		"term.forces.promoting":        "netwerkbevorderende krachten",
		"term.orientation":             "oriëntatie",
	}
	for k, want := range tests {
		if got := T(NL, k); got != want {
			t.Errorf("nl %q = %q, want %q", k, got, want)
		}
	}
}

func TestLookup(t *testing.T) {
	tests := []struct {
		lang Lang
		key  string
		want string
	}{
		{EN, "metric.trust", "trust"},
		{NL, "metric.wellbeing", "welbevinden van bewoners"},
		{"fr", "metric.trust", "trust"},    // unknown language falls back to English
		{NL, "no.such.key", "no.such.key"}, // missing key shows itself
	}
	for _, tt := range tests {
		if got := T(tt.lang, tt.key); got != tt.want {
			t.Errorf("T(%s, %q) = %q, want %q", tt.lang, tt.key, got, tt.want)
		}
	}
	if got := Tf(EN, "network.title", "3"); got != "The network in year 3" {
		t.Errorf("Tf = %q", got)
	}
}

func TestParse(t *testing.T) {
	for in, want := range map[string]Lang{"en": EN, "NL": NL, " nl ": NL} {
		if got, err := Parse(in); err != nil || got != want {
			t.Errorf("Parse(%q) = %q, %v", in, got, err)
		}
	}
	if _, err := Parse("de"); err == nil {
		t.Error("Parse(de) accepted")
	}
}
