package web

import (
	"io/fs"
	"regexp"
	"strings"
	"testing"

	"github.com/orgnet/orgnet/i18n"
)

// TestPageLabelsInBothLanguages checks that every label the page's script
// and markup ask for by key is in the catalogue in English and Dutch, and
// that the Dutch differs from the English where the words differ.
func TestPageLabelsInBothLanguages(t *testing.T) {
	js, err := fs.ReadFile(assets, "assets/app.js")
	if err != nil {
		t.Fatal(err)
	}
	html, err := fs.ReadFile(assets, "assets/index.html")
	if err != nil {
		t.Fatal(err)
	}
	keys := map[string]bool{}
	for _, m := range regexp.MustCompile(`\btf?\('((?:web|metric|plot)\.[a-z0-9_.]*[a-z0-9_])'`).FindAllStringSubmatch(string(js), -1) {
		keys[m[1]] = true
	}
	for _, m := range regexp.MustCompile(`data-i18n(?:-label)?="([^"]+)"`).FindAllStringSubmatch(string(html), -1) {
		keys[m[1]] = true
	}
	if len(keys) < 50 {
		t.Fatalf("found only %d label keys in the page", len(keys))
	}
	for k := range keys {
		for _, l := range i18n.Langs() {
			if !i18n.Has(l, k) {
				t.Errorf("label %s has no %s text", k, l)
			}
		}
	}
	labels := pageLabels(i18n.NL)
	for _, k := range []string{"web.save", "web.replications", "web.reset", "web.present", "web.more", "web.share"} {
		if labels[k] == pageLabels(i18n.EN)[k] || strings.Contains(labels[k], "Runmap") || labels[k] == "Replicaties" || labels[k] == "Opnieuw" {
			t.Errorf("Dutch %s: %q", k, labels[k])
		}
	}
}
