package sim

import (
	"errors"
	"strings"
	"testing"
)

func TestRegistryComplete(t *testing.T) {
	seen := map[string]bool{}
	for _, p := range Params() {
		if seen[p.Path] {
			t.Errorf("%s: listed twice", p.Path)
		}
		seen[p.Path] = true
		if p.Meaning == "" || p.Source == "" {
			t.Errorf("%s: missing meaning or source", p.Path)
		}
		if p.Kind == Float && p.Unit == "" {
			t.Errorf("%s: a number needs a unit (\"1\" if dimensionless)", p.Path)
		}
		if p.Min > p.Max || p.Default < p.Min || p.Default > p.Max {
			t.Errorf("%s: default %v outside [%v, %v]", p.Path, p.Default, p.Min, p.Max)
		}
	}
	if err := Defaults().Validate(); err != nil {
		t.Fatalf("defaults do not validate: %v", err)
	}
}

func TestSetChecksKindAndRange(t *testing.T) {
	for _, tc := range []struct {
		path, value, want string
	}{
		{"forces.manager.loss_of_control", "0.7", ""},
		{"forces.manager.loss_of_control", "-1", "out of range; allowed: a number from 0 to 5"},
		{"forces.manager.loss_of_control", "lots", "not a number"},
		{"forces.manager.no_such_force", "1", "unknown parameter; keys under forces.manager: indirect_value"},
		{"network.visibilty", "0.5", "did you mean network.visibility?"},
		{"network.governance", "nao", ""},
		{"network.governance", "anarchy", "allowed: shared, lead, nao"},
		{"fund.enabled", "yes", "not a boolean"},
		{"persons.span_of_control", "2.5", "not an integer"},
	} {
		err := Defaults().Set(tc.path, tc.value)
		switch {
		case tc.want == "" && err != nil:
			t.Errorf("Set(%s, %s): %v", tc.path, tc.value, err)
		case tc.want != "" && (err == nil || !strings.Contains(err.Error(), tc.want)):
			t.Errorf("Set(%s, %s) = %v, want error containing %q", tc.path, tc.value, err, tc.want)
		}
		var pe *ParamError
		if err != nil && !errors.As(err, &pe) {
			t.Errorf("Set(%s): error is not a *ParamError", tc.path)
		}
	}
}

func TestSetValueRoundTrip(t *testing.T) {
	c := Defaults()
	for _, p := range Params() {
		if err := c.SetValue(p.Path, p.Max); err != nil {
			t.Fatalf("SetValue(%s, max): %v", p.Path, err)
		}
		got, err := c.Number(p.Path)
		if err != nil || (p.Kind != Int && got != p.Max) {
			t.Errorf("%s: Number = %v, %v after SetValue(%v)", p.Path, got, err, p.Max)
		}
	}
}

func TestEventValidation(t *testing.T) {
	for _, tc := range []struct {
		ev   Event
		want string
	}{
		{Event{Type: "crisis", Year: 2, Severity: 0.5, Weeks: 10}, ""},
		{Event{Type: "earthquake", Year: 2}, "unknown event"},
		{Event{Type: "crisis", Year: 2, Severity: 0.5}, "needs weeks"},
		{Event{Type: "crisis", Year: 2, Severity: 0.5, Weeks: 10, Level: "manager"}, "does not apply"},
		{Event{Type: "turnover", Year: 2, Level: "boss", Share: 0.2}, "allowed: executive, manager, professional"},
		{Event{Type: "depart", Year: 1001, Role: "network-manager"}, "out of range"},
		{Event{Type: "depart", Rate: 0.5, Role: "network-manager"}, ""},
		{Event{Type: "depart", Tick: 30, Role: "network-manager"}, ""},
		{Event{Type: "depart", Tick: 30, Year: 1, Role: "network-manager"}, "not two"},
		{Event{Type: "rollout", Year: 1, Count: 3, Mode: "cloned"}, "allowed: self-developed, copied"},
	} {
		c := Defaults()
		c.Events = []Event{tc.ev}
		err := c.Validate()
		switch {
		case tc.want == "" && err != nil:
			t.Errorf("%+v: %v", tc.ev, err)
		case tc.want != "" && (err == nil || !strings.Contains(err.Error(), tc.want)):
			t.Errorf("%+v: got %v, want error containing %q", tc.ev, err, tc.want)
		}
	}
}

func TestDeterminism(t *testing.T) {
	c := Defaults()
	c.Run.Years = 3
	c.Events = []Event{{Type: "crisis", Year: 1, Severity: 0.5, Weeks: 8}, {Type: "turnover", Rate: 1, Level: "manager", Share: 0.1}}
	a, err := Run(c, 42)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := Run(c, 42)
	other, _ := Run(c, 43)
	if len(a.Rows) != c.Ticks()+1 {
		t.Fatalf("rows = %d, want %d", len(a.Rows), c.Ticks()+1)
	}
	same, differs := true, false
	for i := range a.Rows {
		if !sameBits(&a.Rows[i], &b.Rows[i]) {
			same = false
		}
		if !sameBits(&a.Rows[i], &other.Rows[i]) {
			differs = true
		}
	}
	if !same {
		t.Error("the same config and seed gave different metrics")
	}
	if !differs {
		t.Error("different seeds gave identical metrics")
	}
}

func TestMetricsInRange(t *testing.T) {
	c := Defaults()
	c.Run.Years = 4
	c.Fund.Enabled = true
	c.Events = []Event{{Type: "sovereignty", Year: 1, Share: 0.9}, {Type: "leave", Year: 2, Count: 2}, {Type: "join", Year: 2.5, Kind: "care", Count: 3}}
	r, err := Run(c, 7)
	if err != nil {
		t.Fatal(err)
	}
	unit := []int{MOrientationExecutive, MOrientationManager, MOrientationProfessional, MTrust, MLearning, MInnovation, MTransformation,
		MLegitimacyInternal, MLegitimacyExternal, MSovereignty, MCoordination, MCapacity, MAmbition}
	for i, row := range r.Rows {
		for _, m := range unit {
			if row[m] < 0 || row[m] > 1 {
				t.Fatalf("tick %d: %s = %v outside [0,1]", i, MetricNames[m], row[m])
			}
		}
		if row[MWellbeing] < 0 || row[MWellbeing] > 10 || row[MFund] < 0 {
			t.Fatalf("tick %d: wellbeing %v, fund %v", i, row[MWellbeing], row[MFund])
		}
		if i > 0 && (row[MCasesSolvedCum] < r.Rows[i-1][MCasesSolvedCum] || row[MCasesFailedCum] < r.Rows[i-1][MCasesFailedCum]) {
			t.Fatalf("tick %d: cumulative cases decreased", i)
		}
	}
	if len(r.Events) != 3 {
		t.Errorf("events recorded = %d, want 3", len(r.Events))
	}
}
