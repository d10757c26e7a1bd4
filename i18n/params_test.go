package i18n

import (
	"testing"

	"github.com/orgnet/orgnet/sim"
)

func TestEveryParamHasLabelsAndDutchMeaning(t *testing.T) {
	for _, p := range sim.Params() {
		for _, l := range Langs() {
			if !Has(l, "param."+p.Path) {
				t.Errorf("%s: no label for parameter %s", l, p.Path)
			}
			if !Has(l, "meaning."+p.Path) {
				t.Errorf("%s: no meaning for parameter %s", l, p.Path)
			}
			if p.Unit != "" && p.Unit != "1" && !Has(l, "unit."+p.Unit) {
				t.Errorf("%s: no label for unit %q of %s", l, p.Unit, p.Path)
			}
			for _, c := range p.Choices {
				if !Has(l, "choice."+p.Path+"."+c) {
					t.Errorf("%s: no label for choice %s of %s", l, c, p.Path)
				}
			}
		}
		if T(NL, "meaning."+p.Path) == p.Meaning {
			t.Errorf("nl: meaning of %s is the English one", p.Path)
		}
	}
}

func TestDutchWebLabelsUseSeedTerms(t *testing.T) {
	for key, want := range map[string]string{
		"web.group.exec_plus":  "Bestuurders: netwerkbevorderende krachten",
		"web.group.mgr_minus":  "Middenmanagers: netwerkremmende krachten",
		"web.group.prof_plus":  "Professionals: netwerkbevorderende krachten",
		"web.group.prof_minus": "Professionals: netwerkremmende krachten",
	} {
		if got := T(NL, key); got != want {
			t.Errorf("%s = %q, want %q", key, got, want)
		}
	}
}
