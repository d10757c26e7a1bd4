package i18n

import (
	"regexp"
	"strings"
	"testing"

	"github.com/orgnet/orgnet/scenarios"
)

// TestQuotesTranslated checks that every Dutch quote of the case study in a
// preset's English question has an English translation, and that the
// English text keeps no Dutch quote.
func TestQuotesTranslated(t *testing.T) {
	quote := regexp.MustCompile(`"([^"]{25,})"`)
	for _, name := range scenarios.Names() {
		_, q, ok := presetEnglish(name)
		if !ok {
			continue
		}
		for _, m := range quote.FindAllStringSubmatch(q, -1) {
			if _, ok := quoteEN[m[1]]; !ok && !strings.Contains(m[1], " the ") {
				t.Errorf("%s: quote without a translation: %q", name, m[1])
			}
		}
		var en strings.Builder
		for _, p := range TranslateQuotes(EN, q) {
			en.WriteString(p.Text)
			if p.Original != "" && quoteEN[p.Original] != p.Text {
				t.Errorf("%s: %q translated as %q", name, p.Original, p.Text)
			}
		}
		for nl := range quoteEN {
			if strings.Contains(en.String(), nl) {
				t.Errorf("%s: English text keeps the Dutch %q", name, nl)
			}
		}
		if parts := TranslateQuotes(NL, q); len(parts) != 1 || parts[0].Text != q {
			t.Errorf("%s: Dutch text changed", name)
		}
	}
}
