package i18n

import (
	"regexp"

	"github.com/orgnet/orgnet/sim"
)

// metricMeaningNL gives the meaning of each metric in Dutch; the English
// meanings are sim.Metrics'.
var metricMeaningNL = map[string]string{
	"tick":                          "Weken sinds de start",
	"year":                          "Jaren sinds de start",
	"orientation_executive":         "Gemiddelde oriëntatie van bestuurders (0 eigen organisatie, 1 netwerk)",
	"orientation_manager":           "Gemiddelde oriëntatie van middenmanagers",
	"orientation_professional":      "Gemiddelde oriëntatie van professionals",
	"trust":                         "Gemiddeld vertrouwen op banden tussen organisaties",
	"cross_ties":                    "Aantal banden tussen organisaties",
	"cases_open":                    "Casussen in behandeling",
	"cases_solved_cum":              "Casussen opgelost sinds de start",
	"cases_failed_cum":              "Casussen mislukt sinds de start",
	"wellbeing":                     "Gemiddeld welzijn na ondersteuning van de bewoners van wie de casus is afgesloten (onbepaald, NaN, tot de eerste casus is afgesloten)",
	"learning":                      "Eerste-orde leren: mensen vinden elkaar, processen sluiten op elkaar aan",
	"innovation":                    "Tweede-orde leren: nieuwe werkwijzen terug de partners in",
	"transformation":                "Derde-orde leren: het systeem zelf verandert",
	"legitimacy_internal":           "Steun van de besturen en toezichthouders van de partners",
	"legitimacy_external":           "Zichtbaarheid, verantwoording en vertrouwen van bewoners tegenover wat de schaal vraagt",
	"partners":                      "Actieve partnerorganisaties",
	"persons":                       "Personen in actieve partnerorganisaties",
	"sovereignty":                   "Gemiddeld aandeel beslisrechten overgedragen aan het netwerk",
	"fund":                          "Saldo van het revolverend fonds (0 waar er geen is)",
	"coordination":                  "Gemiddelde coördinatie-efficiëntie van de bestuursvorm",
	"capacity":                      "Gemiddelde eigen capaciteit van de partners (uitgehold door verlies van soevereiniteit)",
	"ambition":                      "Gemiddelde sterkte van de gedeelde ambitie (de oriëntatie van de kerncoalitie; overeenstemming over doelen is goal_consensus)",
	"budget":                        "Jaarbudget van de netwerken: bijdragen en gemeentelijk geld",
	"problems_cum":                  "Problemen van huishoudens op meerdere leefdomeinen ontstaan sinds de start",
	"problems_waiting":              "Problemen in huishoudens die een partner kent, wachtend tot ze gevonden worden",
	"problems_reached":              "Aandeel van de sinds de start ontstane problemen dat als casus is opgepakt (onbepaald zolang er geen is ontstaan)",
	"problems_solved":               "Aandeel van de sinds de start ontstane problemen dat is opgelost (onbepaald zolang er geen is ontstaan)",
	"waiting_weeks":                 "Gemiddeld aantal weken dat een probleem wachtte tot het gevonden werd of onbereikt verdween (onbepaald zolang er geen uit de wachtrij is)",
	"case_weeks":                    "Gemiddeld aantal weken van oppakken tot afsluiten van een casus, over afgesloten casussen (onbepaald tot de eerste is afgesloten)",
	"goal_consensus":                "Overeenstemming over doelen: één min de gemiddelde afstand van de doelen van de partners tot de gedeelde ambitie",
	"lead_share":                    "Aandeel van de strategische besluiten dat een leidende organisatie neemt (0 zonder trekker)",
	"carried_strategic":             "Deel van de coördinatie-uren die het strategische niveau nodig heeft dat het heeft",
	"carried_tactical":              "Deel van de coördinatie-uren die het tactische niveau nodig heeft dat het heeft",
	"carried_operational":           "Deel van de overdrachtsuren die het operationele niveau nodig heeft dat het heeft",
	"adoption":                      "Gemiddeld deel van de vernieuwing van het netwerk dat de partners in hun gewone werk hebben overgenomen",
	"system_pressure":               "Gemiddelde druk van de systeemwereld op de bestuurders, na transformatie",
	"willingness":                   "Gemiddelde factor op het aanmelden van problemen door de bereidheid van bewoners (legitimiteit, stem van bewoners)",
	"reinventions":                  "Evaluaties sinds de start waarin een netwerk zichzelf opnieuw uitvond",
	"trust_manager":                 "Vertrouwen in de netwerkmanager: gemiddeld vertrouwen op de banden van wie die rol heeft",
	"key_capital":                   "Gemiddeld sociaal kapitaal van de sleutelpersonen (netwerkmanager, kerncoalitie): S/(S + governance.capital_half), S het vertrouwen op hun banden",
	"structure_density":             "Dichtheid van de personengraaf van netwerk 1 (banden en hiërarchie); elke 52 weken",
	"structure_centralisation":      "Freeman-gradencentralisatie van de personengraaf van netwerk 1 (1 voor een ster); elke 52 weken",
	"structure_manager_betweenness": "Genormaliseerde tussenliggendheid van de netwerkmanager van netwerk 1 (geschat uit 16 bronpersonen); elke 52 weken",
	"structure_cross_share":         "Aandeel van de verbindingen van netwerk 1 dat organisaties overbrugt; elke 52 weken",
	"structure_modularity":          "Modulariteit Q van de personengraaf van netwerk 1, verdeeld naar organisatie; elke 52 weken",
	"structure_partner_trust":       "Vertrouwen tussen de partnerorganisaties van netwerk 1: gemiddeld over paren partners van het gemiddelde vertrouwen op de banden tussen hun mensen; elke 52 weken",
	"fund_net_worth":                "Nettowaarde van het revolverend fonds: saldo plus de voorschotten die nog terugbetaald moeten worden (0 waar er geen is)",
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
