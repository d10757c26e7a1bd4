package web

import (
	"net/http"
	"strings"

	"github.com/orgnet/orgnet/i18n"
	"github.com/orgnet/orgnet/sim"
)

// langOf returns the language a request asks for with ?lang= (English when
// it names none); an unknown language is bad input.
func langOf(r *http.Request) (i18n.Lang, error) {
	code := r.URL.Query().Get("lang")
	if code == "" {
		return i18n.EN, nil
	}
	l, err := i18n.Parse(code)
	if err != nil {
		return "", badInput("lang: %v", err)
	}
	return l, nil
}

func label(l i18n.Lang, key string) string { return i18n.T(l, key) }

// paramLabel is a parameter's short name on the page.
func paramLabel(l i18n.Lang, path string) string {
	if k := "param." + path; i18n.Has(l, k) || i18n.Has(i18n.EN, k) {
		return i18n.T(l, k)
	}
	return path
}

// paramMeaning is a parameter's one-line meaning: the registry's in English,
// the catalogue's elsewhere.
func paramMeaning(l i18n.Lang, path string) string {
	if k := "meaning." + path; i18n.Has(l, k) {
		return i18n.T(l, k)
	}
	p, _ := sim.Lookup(path)
	return p.Meaning
}

// unitLabel is a parameter unit in the language; "1" (dimensionless) is left out.
func unitLabel(l i18n.Lang, unit string) string {
	if unit == "" || unit == "1" {
		return ""
	}
	if k := "unit." + unit; i18n.Has(l, k) {
		return i18n.T(l, k)
	}
	return unit
}

// choiceLabel is the name of one choice of a choice parameter.
func choiceLabel(l i18n.Lang, path, c string) string {
	if k := "choice." + path + "." + c; i18n.Has(l, k) {
		return i18n.T(l, k)
	}
	return c
}

// pageLabels returns every label the page shows by key (the web.* keys and
// the metrics), in l.
func pageLabels(l i18n.Lang) map[string]string {
	out := map[string]string{}
	for _, k := range i18n.Keys(i18n.EN) {
		if strings.HasPrefix(k, "web.") || strings.HasPrefix(k, "metric.") || strings.HasPrefix(k, "plot.") {
			out[k] = i18n.T(l, k)
		}
	}
	return out
}
