package i18n

import (
	"regexp"

	"github.com/orgnet/orgnet/sim"
)

// metricMeaningNL gives the meaning of each metric in Dutch; the English
// meanings are sim.Metrics'.
var metricMeaningNL = map[string]string{
	"tick":                     "Weken sinds de start",
	"year":                     "Jaren sinds de start",
	"orientation_executive":    "Gemiddelde oriëntatie van bestuurders (0 eigen organisatie, 1 netwerk)",
	"orientation_manager":      "Gemiddelde oriëntatie van middenmanagers",
	"orientation_professional": "Gemiddelde oriëntatie van professionals",
	"trust":                    "Gemiddeld vertrouwen op banden tussen organisaties",
	"cross_ties":               "Aantal banden tussen organisaties",
	"cases_open":               "Casussen in behandeling",
	"cases_solved_cum":         "Casussen opgelost sinds de start",
	"cases_failed_cum":         "Casussen mislukt sinds de start",
	"wellbeing":                "Gemiddeld welzijn na ondersteuning van de bewoners van wie de casus is afgesloten (voor de eerste afsluiting: bij aanmelding; 0 zolang er geen is)",
	"learning":                 "Eerste-orde leren: mensen vinden elkaar, processen sluiten op elkaar aan",
	"innovation":               "Tweede-orde leren: nieuwe werkwijzen terug de partners in",
	"transformation":           "Derde-orde leren: het systeem zelf verandert",
	"legitimacy_internal":      "Steun van de besturen en toezichthouders van de partners",
	"legitimacy_external":      "Zichtbaarheid, verantwoording en vertrouwen van bewoners tegenover wat de schaal vraagt",
	"partners":                 "Actieve partnerorganisaties",
	"persons":                  "Personen in actieve partnerorganisaties",
	"sovereignty":              "Gemiddeld aandeel beslisrechten overgedragen aan het netwerk",
	"fund":                     "Saldo van het revolverend fonds (0 waar er geen is)",
	"coordination":             "Gemiddelde coördinatie-efficiëntie van de bestuursvorm",
	"capacity":                 "Gemiddelde eigen capaciteit van de partners (uitgehold door verlies van soevereiniteit)",
	"ambition":                 "Gemiddelde gedeelde ambitie (overeenstemming over doelen)",
	"budget":                   "Jaarbudget van de netwerken: bijdragen en gemeentelijk geld",
}

func init() {
	for k, v := range map[string][2]string{"metrics.name": {"metric", "maat"}, "metrics.unit": {"unit", "eenheid"}, "metrics.meaning": {"meaning", "betekenis"}} {
		en[k], nl[k] = v[0], v[1]
	}
	for _, m := range sim.Metrics {
		en["metricmeaning."+m.Name] = m.Meaning
		if s, ok := metricMeaningNL[m.Name]; ok {
			nl["metricmeaning."+m.Name] = s
		}
	}
}

// MetricMeaning returns what a metric (by its sim.MetricNames name) means,
// in one sentence.
func MetricMeaning(l Lang, name string) string { return T(l, "metricmeaning."+name) }

// decimalPoint is a decimal point between digits.
var decimalPoint = regexp.MustCompile(`(\d)\.(\d)`)

// Decimal writes the numbers in text shown to people with the decimal
// separator of language l: "0,35" in Dutch, "0.35" in English. Files for
// machines (CSV, TOML, JSON) keep points.
func Decimal(l Lang, text string) string {
	if l != NL {
		return text
	}
	return decimalPoint.ReplaceAllString(text, "$1,$2")
}
