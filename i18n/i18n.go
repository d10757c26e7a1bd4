// Package i18n holds the labels orgnet shows to people (plot titles, axis
// labels, legends, metric names and report text) in English and Dutch.
//
// The catalogue is a plain keyed map per language; T looks a key up. Dutch
// follows the words of the case study the model rests on (oriëntatie,
// bestuurders, middenmanagers, professionals, vertrouwen, legitimiteit,
// casussen, welbevinden, netwerkbevorderende en -remmende krachten).
package i18n

import (
	"fmt"
	"sort"
	"strings"
)

// Lang is a language code.
type Lang string

// The languages of the catalogue.
const (
	EN Lang = "en"
	NL Lang = "nl"
)

// Langs returns the supported languages.
func Langs() []Lang { return []Lang{EN, NL} }

// Parse returns the language for a code such as "en" or "NL".
func Parse(code string) (Lang, error) {
	l := Lang(strings.ToLower(strings.TrimSpace(code)))
	if _, ok := catalog[l]; ok {
		return l, nil
	}
	return "", fmt.Errorf("unknown language %q; allowed: en, nl", code)
}

var catalog = map[Lang]map[string]string{EN: en, NL: nl}

// T returns the label of key in language l. A key missing in l falls back to
// English, and a key missing everywhere is returned as it is (so a gap shows
// up in the output instead of an empty label).
func T(l Lang, key string) string {
	if s, ok := catalog[l][key]; ok {
		return s
	}
	if s, ok := en[key]; ok {
		return s
	}
	return key
}

// Tf formats the label of key with args, as fmt.Sprintf.
func Tf(l Lang, key string, args ...any) string { return fmt.Sprintf(T(l, key), args...) }

// Has reports whether key is in the catalogue of l.
func Has(l Lang, key string) bool {
	_, ok := catalog[l][key]
	return ok
}

// Keys returns the keys of language l, sorted.
func Keys(l Lang) []string {
	keys := make([]string, 0, len(catalog[l]))
	for k := range catalog[l] {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// Metric returns the short label of a metric (by its sim.MetricNames name).
func Metric(l Lang, name string) string { return T(l, "metric."+name) }

// Unit returns the label of a unit as sim.Metrics gives it ("cases", "0-1").
func Unit(l Lang, unit string) string { return T(l, "unit."+unit) }
