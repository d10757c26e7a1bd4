package i18n

import (
	"fmt"

	"github.com/orgnet/orgnet/sim"
)

// Event labels. A scenario's events carry an English label (its own, or one
// made by sim.Event.Describe); pictures in Dutch show the Dutch label below
// when there is one, else the label as it is.

// eventLabelNL maps English event labels to Dutch: those of the presets and
// the fixed ones sim.Event.Describe makes.
var eventLabelNL = map[string]string{
	"17th partner joins (early 2020)":          "17e partner sluit aan (begin 2020)",
	"70% of decision rights handed over":       "70% van de beslisbevoegdheden overgedragen",
	"Kolectivo's start":                        "Kolectivo's beginnen",
	"a partner leaves":                         "een partner stapt uit",
	"ambassadors appointed":                    "ambassadeurs benoemd",
	"core coalition's executives leave":        "bestuurders van de kerncoalitie vertrekken",
	"crisis: everyone called back":             "crisis: iedereen teruggefloten",
	"network manager leaves":                   "netwerkmanager vertrekt",
	"roll-out to a new place (copied)":         "uitrol naar een nieuwe plek (gekopieerd)",
	"roll-out to a new place (self-developed)": "uitrol naar een nieuwe plek (zelf ontwikkeld)",
	"4 welfare organisations join":             "4 welzijnsorganisaties sluiten aan",
	"4 care providers join":                    "4 zorgaanbieders sluiten aan",
	"2 housing corporations join":              "2 woningcorporaties sluiten aan",
	"3 schools join":                           "3 scholen sluiten aan",
	// sim.Event.Describe
	"network-manager leaves":         "netwerkmanager vertrekt",
	"core-coalition leaves":          "kerncoalitie vertrekt",
	"ambassadors leaves":             "ambassadeurs vertrekken",
	"crisis":                         "crisis",
	"institutionalised":              "geïnstitutionaliseerd",
	"middle-management intervention": "interventie middenmanagement",
	"fund":                           "fonds",
	"roll-out (copied)":              "uitrol (gekopieerd)",
	"roll-out (self-developed)":      "uitrol (zelf ontwikkeld)",
}

// EventLabel returns an event's label in language l.
func EventLabel(l Lang, label string) string {
	if l == NL {
		if s, ok := eventLabelNL[label]; ok {
			return s
		}
	}
	return label
}

// EventText describes an event in language l: its label, translated when
// the catalogue has it, or for an unlabelled event what sim.Event.Describe
// says, in Dutch as well.
func EventText(l Lang, e *sim.Event) string {
	if l != NL || e.Label != "" {
		return EventLabel(l, e.Describe())
	}
	word := func(key, raw string) string {
		if Has(l, key) {
			return T(l, key)
		}
		return raw
	}
	switch e.Type {
	case "turnover":
		return fmt.Sprintf("verloop %s %.0f%%", word("term.level."+e.Level, e.Level), 100*e.Share)
	case "join":
		return fmt.Sprintf("%d × %s sluit aan", e.Count, word("kind."+e.Kind, e.Kind))
	case "leave":
		if e.Kind == "" {
			return fmt.Sprintf("%d partners stappen uit", e.Count)
		}
		return fmt.Sprintf("%d × %s stapt uit", e.Count, word("kind."+e.Kind, e.Kind))
	case "sovereignty":
		return fmt.Sprintf("%.0f%% van de beslisbevoegdheden overgedragen", 100*e.Share)
	case "review":
		return "evaluatie"
	}
	return EventLabel(l, e.Describe())
}

// eventTypeNL names each event type of sim.EventTypes in Dutch.
var eventTypeNL = map[string]string{
	"turnover":         "verloop",
	"depart":           "vertrek",
	"join":             "toetreding",
	"leave":            "uittreding",
	"sovereignty":      "soevereiniteit",
	"crisis":           "crisis",
	"institutionalise": "institutionalisering",
	"intervention":     "interventie",
	"fund":             "fonds",
	"review":           "evaluatie",
	"rollout":          "uitrol",
}

// EventType names an event type (sim.EventTypes) in language l.
func EventType(l Lang, typ string) string {
	if s, ok := eventTypeNL[typ]; ok && l == NL {
		return s
	}
	return typ
}

// Value writes a setting's value as a reader of l reads it: decimal commas,
// and yes or no for a switch, in Dutch.
func Value(l Lang, v string) string {
	if l == NL {
		switch v {
		case "true":
			return "ja"
		case "false":
			return "nee"
		}
	}
	return Decimal(l, v)
}
