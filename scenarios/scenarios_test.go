package scenarios

import (
	"bytes"
	"errors"
	"reflect"
	"strings"
	"testing"

	"github.com/orgnet/orgnet/sim"
)

func TestPresetsLoadAndRun(t *testing.T) {
	for _, name := range Names() {
		t.Run(name, func(t *testing.T) {
			cfg, err := Preset(name)
			if err != nil {
				t.Fatal(err)
			}
			if cfg.Scenario.Name != name || cfg.Scenario.Title == "" || len(cfg.Scenario.Question) < 80 {
				t.Errorf("preset %s needs its name, a title and a one-paragraph question", name)
			}
			if name == "national" {
				return // too large for a unit test; see sim benchmarks
			}
			cfg.Run.Years = 1
			if _, err := sim.Run(cfg, 1); err != nil {
				t.Fatal(err)
			}
		})
	}
}

func TestEncodeRoundTrip(t *testing.T) {
	for _, name := range Names() {
		cfg, err := Preset(name)
		if err != nil {
			t.Fatal(err)
		}
		text := Encode(cfg, true)
		back, err := Parse("encoded.toml", text)
		if err != nil {
			t.Fatalf("%s: encoded scenario does not parse: %v\n%s", name, err, text)
		}
		back.Scenario.Base = cfg.Scenario.Base
		if !reflect.DeepEqual(cfg, back) {
			t.Errorf("%s: round trip changed the configuration", name)
		}
		if !bytes.Equal(Encode(back, true), text) {
			t.Errorf("%s: encoding is not stable", name)
		}
	}
}

func TestBadScenarios(t *testing.T) {
	for _, tc := range []struct {
		name, text string
		line       int
		key, want  string
	}{
		{"unknown key", "[forces.manager]\nindirect_value = 0.5\nloss_of_kontrol = 0.3\n", 3, "forces.manager.loss_of_kontrol", "keys under forces.manager"},
		{"wrong type", "[run]\nyears = \"ten\"\n", 2, "run.years", "wrong type"},
		{"out of range", "[network]\n\nvisibility = 1.5\n", 3, "network.visibility", "allowed: a number from 0 to 1"},
		{"bad choice", "[network]\ngovernance = \"anarchy\"\n", 2, "network.governance", "allowed: shared, lead, nao"},
		{"unknown preset", "[scenario]\nbase = \"utopia\"\n", 2, "scenario.base", "unknown preset \"utopia\""},
		{"unknown event", "[[events]]\ntype = \"crisis\"\nyear = 1\nseverity = 0.5\nweeks = 4\n\n[[events]]\ntype = \"party\"\nyear = 2\n", 8, "events[1].type", "unknown event \"party\"; allowed: turnover"},
		{"event field", "[[events]]\ntype = \"crisis\"\nyear = 1\nseverity = 0.5\nweeks = 4\nlevel = \"manager\"\n", 6, "events[0].level", "does not apply to a crisis event"},
		{"unknown event field", "[[events]]\ntype = \"crisis\"\nwhen = 1\n", 3, "events.when", "unknown event field"},
		{"syntax", "[run]\nyears = = 3\n", 2, "", "TOML syntax"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Parse("my.toml", []byte(tc.text))
			var e *Error
			if !errors.As(err, &e) {
				t.Fatalf("got %v, want *scenarios.Error", err)
			}
			if e.File != "my.toml" || e.Line != tc.line || (tc.key != "" && e.Key != tc.key) || !strings.Contains(e.Problem, tc.want) {
				t.Errorf("got %q (line %d, key %q), want line %d, key %q, problem containing %q", err, e.Line, e.Key, tc.line, tc.key, tc.want)
			}
		})
	}
}

func TestBaseAndOverride(t *testing.T) {
	cfg, err := Parse("x.toml", []byte("[scenario]\nbase = \"cimot\"\n[network]\nvisibility = 0.9\n[[events]]\ntype = \"crisis\"\nyear = 1\nseverity = 0.5\nweeks = 4\n"))
	if err != nil {
		t.Fatal(err)
	}
	base, _ := Preset("cimot")
	if cfg.Network.Visibility != 0.9 || cfg.Partners.Municipality != base.Partners.Municipality {
		t.Errorf("override or base lost: visibility %v, municipalities %d", cfg.Network.Visibility, cfg.Partners.Municipality)
	}
	if len(cfg.Events) != len(base.Events)+1 {
		t.Errorf("events = %d, want base's %d plus 1", len(cfg.Events), len(base.Events))
	}
}
