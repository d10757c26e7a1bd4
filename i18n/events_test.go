package i18n

import (
	"testing"

	"github.com/orgnet/orgnet/scenarios"
	"github.com/orgnet/orgnet/sim"
)

// Every event of every preset has a Dutch label.
func TestPresetEventLabelsDutch(t *testing.T) {
	for _, name := range scenarios.Names() {
		cfg, err := scenarios.Preset(name)
		if err != nil {
			t.Fatal(err)
		}
		for i := range cfg.Events {
			label := cfg.Events[i].Describe()
			if EventLabel(NL, label) == label && label != "crisis" {
				t.Errorf("preset %s: event label %q has no Dutch label", name, label)
			}
		}
	}
}

// TestEventTypesAndTextsDutch: every event type has a Dutch name, and an
// unlabelled event is described in Dutch.
func TestEventTypesAndTextsDutch(t *testing.T) {
	for _, et := range sim.EventTypes {
		if EventType(NL, et.Name) == et.Name && et.Name != "crisis" {
			t.Errorf("event type %s has no Dutch name", et.Name)
		}
		if EventType(EN, et.Name) != et.Name {
			t.Errorf("event type %s in English: %q", et.Name, EventType(EN, et.Name))
		}
	}
	for _, c := range []struct {
		e    sim.Event
		want string
	}{
		{sim.Event{Type: "turnover", Level: "professional", Share: 0.3}, "verloop professionals 30%"},
		{sim.Event{Type: "join", Count: 2, Kind: "care"}, "2 × zorg sluit aan"},
		{sim.Event{Type: "depart", Role: "network-manager"}, "netwerkmanager vertrekt"},
		{sim.Event{Type: "join", Count: 2, Kind: "care", Label: "a partner leaves"}, "een partner stapt uit"},
	} {
		if got := EventText(NL, &c.e); got != c.want {
			t.Errorf("%+v in Dutch: %q, want %q", c.e, got, c.want)
		}
		if got := EventText(EN, &c.e); got != c.e.Describe() {
			t.Errorf("%+v in English: %q, want %q", c.e, got, c.e.Describe())
		}
	}
	if Value(NL, "true") != "ja" || Value(NL, "0.5") != "0,5" || Value(EN, "true") != "true" {
		t.Error("Value: switches and decimals")
	}
}
