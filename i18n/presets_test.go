package i18n

import (
	"regexp"
	"strings"
	"testing"

	"github.com/orgnet/orgnet/scenarios"
)

func TestEveryPresetHasTitleAndQuestion(t *testing.T) {
	for _, name := range scenarios.Names() {
		cfg, err := scenarios.Preset(name)
		if err != nil {
			t.Errorf("preset %s: %v", name, err)
			continue
		}
		for _, f := range []struct{ key, file string }{
			{"preset." + name + ".title", cfg.Scenario.Title},
			{"preset." + name + ".question", cfg.Scenario.Question},
		} {
			for _, l := range Langs() {
				if !Has(l, f.key) || strings.TrimSpace(T(l, f.key)) == "" {
					t.Errorf("%s: no text for %q", l, f.key)
				}
			}
			if got := T(EN, f.key); got != f.file {
				t.Errorf("en %q = %q, want the preset file's %q", f.key, got, f.file)
			}
			if T(NL, f.key) == f.file {
				t.Errorf("nl %q is the English text", f.key)
			}
		}
	}
}

func TestNoPresetTextWithoutPreset(t *testing.T) {
	names := map[string]bool{}
	for _, n := range scenarios.Names() {
		names[n] = true
	}
	for _, l := range Langs() {
		for _, k := range Keys(l) {
			if !strings.HasPrefix(k, "preset.") {
				continue
			}
			rest := strings.TrimPrefix(k, "preset.")
			i := strings.LastIndex(rest, ".")
			if i < 0 || !names[rest[:i]] || (rest[i+1:] != "title" && rest[i+1:] != "question") {
				t.Errorf("%s: key %q names no preset title or question", l, k)
			}
		}
	}
}

var quoted = regexp.MustCompile(`"[^"]+"`)

// The quotes from the case study (and the values quoted for the reader to
// try) are kept verbatim in Dutch.
func TestDutchPresetKeepsQuotes(t *testing.T) {
	for _, name := range scenarios.Names() {
		k := "preset." + name + ".question"
		nlText := T(NL, k)
		for _, q := range quoted.FindAllString(T(EN, k), -1) {
			if !strings.Contains(nlText, q) {
				t.Errorf("nl %q lacks the quote %s", k, q)
			}
		}
	}
}

func TestPreset(t *testing.T) {
	cfg, err := scenarios.Preset("mom")
	if err != nil {
		t.Fatal(err)
	}
	title, question := cfg.Scenario.Title, cfg.Scenario.Question
	tests := []struct {
		name                 string
		lang                 Lang
		preset, title, quest string
		wantTitle, wantQuest string
	}{
		{"dutch", NL, "mom", title, question, T(NL, "preset.mom.title"), T(NL, "preset.mom.question")},
		{"english", EN, "mom", title, question, title, question},
		{"own title kept", NL, "mom", "My network", question, "My network", T(NL, "preset.mom.question")},
		{"own question kept", NL, "mom", title, "Why?", T(NL, "preset.mom.title"), "Why?"},
		{"not a preset", NL, "my-file", title, question, title, question},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			gt, gq := Preset(tt.lang, tt.preset, tt.title, tt.quest)
			if gt != tt.wantTitle || gq != tt.wantQuest {
				t.Errorf("Preset = %q, %q; want %q, %q", gt, gq, tt.wantTitle, tt.wantQuest)
			}
		})
	}
	if t1, _ := Preset(NL, "mom", title, question); t1 == title {
		t.Error("Dutch title is the English one")
	}
}
