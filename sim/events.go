package sim

import (
	"fmt"
	"slices"
	"strings"
)

// EventType describes one kind of event a scenario can schedule.
type EventType struct {
	Name     string
	Meaning  string
	Fields   []string // Fields besides type, year, rate and label that apply.
	Required []string // Fields that must be given.
}

// EventTypes lists every event a scenario can use, at a year or at a yearly rate.
var EventTypes = []EventType{
	{Name: "turnover", Meaning: "a share of the persons of one level leave at once and are replaced by newcomers", Fields: []string{"level", "share"}, Required: []string{"level", "share"}},
	{Name: "depart", Meaning: "a named role leaves: the network manager (the first of those who share the role), the core coalition's executives, or the ambassadors", Fields: []string{"role"}, Required: []string{"role"}},
	{Name: "join", Meaning: "new partners of a kind join the network(s)", Fields: []string{"kind", "count"}, Required: []string{"kind", "count"}},
	{Name: "leave", Meaning: "partners (of a kind, or any) leave the network(s)", Fields: []string{"kind", "count"}, Required: []string{"count"}},
	{Name: "sovereignty", Meaning: "partners (of a kind, or all) hand a share of their decision rights to the network", Fields: []string{"kind", "share"}, Required: []string{"share"}},
	{Name: "crisis", Meaning: "a shock calls everyone back to the own organisation for some weeks", Fields: []string{"severity", "weeks"}, Required: []string{"severity", "weeks"}},
	{Name: "institutionalise", Meaning: "roles become functions: the network's institutionalisation is set to value", Fields: []string{"value"}, Required: []string{"value"}},
	{Name: "intervention", Meaning: "the middle-management intervention: a share of managers become ambassadors / network team", Fields: []string{"share"}, Required: []string{"share"}},
	{Name: "fund", Meaning: "money is put into (value > 0) the revolving fund, which is created if there is none", Fields: []string{"value"}, Required: []string{"value"}},
	{Name: "review", Meaning: "every network reviews itself and reinvents its form if its results or legitimacy fell since its last review (see adaptation)"},
	{Name: "rollout", Meaning: "the approach is rolled out to a new place: count partners join, copied or self-developed", Fields: []string{"count", "mode"}, Required: []string{"count", "mode"}},
}

// Levels, roles and organisation kinds as scenario files name them.
var (
	LevelNames = []string{"executive", "manager", "professional"}
	RoleNames  = []string{"network-manager", "core-coalition", "ambassadors"}
	KindNames  = []string{"municipality", "housing", "care", "welfare", "school", "company", "residents"}
)

// EventTypeNames returns the names of all event types.
func EventTypeNames() []string {
	names := make([]string, len(EventTypes))
	for i, t := range EventTypes {
		names[i] = t.Name
	}
	return names
}

func eventType(name string) (EventType, bool) {
	for _, t := range EventTypes {
		if t.Name == name {
			return t, true
		}
	}
	return EventType{}, false
}

// given reports whether an event field has a non-zero value.
func (e *Event) given(f string) bool {
	switch f {
	case "level":
		return e.Level != ""
	case "role":
		return e.Role != ""
	case "kind":
		return e.Kind != ""
	case "count":
		return e.Count != 0
	case "share":
		return e.Share != 0
	case "severity":
		return e.Severity != 0
	case "weeks":
		return e.Weeks != 0
	case "value":
		return e.Value != 0
	case "mode":
		return e.Mode != ""
	}
	return false
}

var eventFields = []string{"level", "role", "kind", "count", "share", "severity", "weeks", "value", "mode"}

// maxEventYear is the latest year an event can be scheduled at.
const maxEventYear = 1000

func (e *Event) validate(i int) error {
	at := func(f string) string { return fmt.Sprintf("events[%d].%s", i, f) }
	t, ok := eventType(e.Type)
	if !ok {
		return &ParamError{at("type"), fmt.Sprintf("unknown event %q; allowed: %s", e.Type, strings.Join(EventTypeNames(), ", "))}
	}
	for _, f := range eventFields {
		if e.given(f) && !slices.Contains(t.Fields, f) {
			return &ParamError{at(f), fmt.Sprintf("does not apply to a %s event; its fields: type, year or rate, label, %s", t.Name, strings.Join(t.Fields, ", "))}
		}
	}
	for _, f := range t.Required {
		if !e.given(f) {
			return &ParamError{at(f), fmt.Sprintf("a %s event needs %s", t.Name, f)}
		}
	}
	if e.Rate < 0 || e.Rate > 52 {
		return &ParamError{at("rate"), fmt.Sprintf("%v is out of range; allowed: a number from 0 to 52 per year", e.Rate)}
	}
	if e.Rate == 0 && (e.Year < 0 || e.Year > maxEventYear) {
		return &ParamError{at("year"), fmt.Sprintf("%v is out of range; allowed: a number from 0 to %v years (an event after the end of the run does not happen)", e.Year, maxEventYear)}
	}
	if (e.Rate > 0 && (e.Year != 0 || e.Tick != 0)) || (e.Year != 0 && e.Tick != 0) {
		return &ParamError{at("year"), "give one of year or tick (once) or rate (recurring), not two"}
	}
	if e.Tick < 0 || e.Tick > maxEventYear*WeeksPerYear {
		return &ParamError{at("tick"), fmt.Sprintf("%d is out of range; allowed: an integer from 0 to %d weeks", e.Tick, maxEventYear*WeeksPerYear)}
	}
	checkChoice := func(f, v string, allowed []string) error {
		if v != "" && !slices.Contains(allowed, v) {
			return &ParamError{at(f), fmt.Sprintf("%q is not allowed; allowed: %s", v, strings.Join(allowed, ", "))}
		}
		return nil
	}
	if err := checkChoice("level", e.Level, LevelNames); err != nil {
		return err
	}
	if err := checkChoice("role", e.Role, RoleNames); err != nil {
		return err
	}
	if err := checkChoice("kind", e.Kind, KindNames); err != nil {
		return err
	}
	if err := checkChoice("mode", e.Mode, Origins); err != nil {
		return err
	}
	checkRange := func(f string, x, lo, hi float64, unit string) error {
		if x < lo || x > hi {
			return &ParamError{at(f), fmt.Sprintf("%v is out of range; allowed: a number from %v to %v%s", x, lo, hi, unit)}
		}
		return nil
	}
	for _, c := range []struct {
		f      string
		x      float64
		lo, hi float64
		unit   string
	}{
		{"count", float64(e.Count), 0, 1000, " partners"},
		{"share", e.Share, 0, 1, ""},
		{"severity", e.Severity, 0, 1, ""},
		{"weeks", e.Weeks, 0, 520, " weeks"},
	} {
		if err := checkRange(c.f, c.x, c.lo, c.hi, c.unit); err != nil {
			return err
		}
	}
	if e.Type == "institutionalise" {
		if err := checkRange("value", e.Value, 0, 1, ""); err != nil {
			return err
		}
	}
	if e.Type == "fund" {
		if err := checkRange("value", e.Value, 0, 1e7, " k EUR"); err != nil {
			return err
		}
	}
	return nil
}

// EventRecord is an event that happened during a run.
type EventRecord struct {
	Tick  int
	Year  float64
	Type  string
	Label string
}

// Label returns the event's label, or a short description of it.
func (e *Event) Describe() string {
	if e.Label != "" {
		return e.Label
	}
	switch e.Type {
	case "turnover":
		return fmt.Sprintf("turnover %s %.0f%%", e.Level, 100*e.Share)
	case "depart":
		return e.Role + " leaves"
	case "join":
		return fmt.Sprintf("%d %s join", e.Count, e.Kind)
	case "leave":
		if e.Kind == "" {
			return fmt.Sprintf("%d partners leave", e.Count)
		}
		return fmt.Sprintf("%d %s leave", e.Count, e.Kind)
	case "sovereignty":
		return fmt.Sprintf("sovereignty %.0f%%", 100*e.Share)
	case "crisis":
		return "crisis"
	case "institutionalise":
		return "institutionalised"
	case "intervention":
		return "middle-management intervention"
	case "fund":
		return "fund"
	case "rollout":
		return "roll-out (" + e.Mode + ")"
	case "review":
		return "review"
	}
	return e.Type
}
