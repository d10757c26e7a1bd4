package main

import (
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"

	"github.com/orgnet/orgnet/scenarios"
	"github.com/orgnet/orgnet/sim"
)

func TestScenariosList(t *testing.T) {
	code, stdout, stderr := execOrgnet(t, "scenarios")
	if code != 0 || stderr != "" {
		t.Fatalf("exit %d, stderr %q", code, stderr)
	}
	for _, n := range availablePresets() {
		if !strings.Contains(stdout, "  "+n+" ") {
			t.Errorf("list lacks %s", n)
		}
	}
	if !strings.Contains(stdout, "Can a city-wide network") {
		t.Error("list lacks the bossche-bond question")
	}
}

func TestScenariosShow(t *testing.T) {
	code, stdout, _ := execOrgnet(t, "scenarios", "show", "bossche-bond")
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	got, err := scenarios.Parse("shown", []byte(stdout))
	if err != nil {
		t.Fatalf("shown TOML does not parse: %v", err)
	}
	want, _ := scenarios.Preset("bossche-bond")
	if !reflect.DeepEqual(got, want) {
		t.Error("shown TOML gives another config than the preset")
	}
	code, stdout, _ = execOrgnet(t, "scenarios", "show", "--full", "bossche-bond")
	if code != 0 || !strings.Contains(stdout, "loss_of_control = ") || !strings.Contains(stdout, "# ") {
		t.Errorf("--full: exit %d, output lacks every parameter with comments", code)
	}
	if got, err := scenarios.Parse("full", []byte(stdout)); err != nil || !reflect.DeepEqual(got.Forces, want.Forces) {
		t.Errorf("--full output does not parse back to the preset: %v", err)
	}
	for _, args := range [][]string{{"scenarios", "show", "atlantis"}, {"scenarios", "show"}, {"scenarios", "list"}} {
		code, _, stderr := execOrgnet(t, args...)
		if code != 2 || strings.Count(stderr, "\n") != 1 {
			t.Errorf("%v: exit %d, stderr %q", args, code, stderr)
		}
	}
}

func TestValidate(t *testing.T) {
	dir := t.TempDir()
	_, src, _ := execOrgnet(t, "scenarios", "show", "bossche-bond")
	good := filepath.Join(dir, "my.toml")
	os.WriteFile(good, []byte(src), 0o644)
	bad := filepath.Join(dir, "bad.toml")
	os.WriteFile(bad, []byte(strings.Replace(src, "coordination_fte = 3", "coordination_fte = -3", 1)), 0o644)
	syntax := filepath.Join(dir, "syntax.toml")
	os.WriteFile(syntax, []byte("[run]\nyears = \n"), 0o644)
	badLine := 0
	for i, l := range strings.Split(src, "\n") {
		if strings.HasPrefix(l, "coordination_fte") {
			badLine = i + 1
		}
	}
	tests := []struct {
		name   string
		args   []string
		code   int
		stdout []string
		stderr []string
	}{
		{"ok", []string{good}, 0, []string{good + ": ok", "bossche-bond"}, nil},
		{"out of range", []string{bad}, 2, nil, []string{bad + ":" + strconv.Itoa(badLine) + ": network.coordination_fte", "allowed"}},
		{"syntax", []string{syntax}, 2, nil, []string{syntax + ":2"}},
		{"missing", []string{filepath.Join(dir, "none.toml")}, 2, nil, []string{"none.toml", "cannot read"}},
		{"several", []string{good, bad}, 2, []string{good + ": ok"}, []string{"network.coordination_fte", "1 of 2 files"}},
		{"no file", nil, 2, nil, []string{"too few arguments"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, stdout, stderr := execOrgnet(t, append([]string{"validate"}, tt.args...)...)
			if code != tt.code {
				t.Errorf("exit %d, want %d (stderr %q)", code, tt.code, stderr)
			}
			for _, w := range tt.stdout {
				if !strings.Contains(stdout, w) {
					t.Errorf("stdout %q lacks %q", stdout, w)
				}
			}
			for _, w := range tt.stderr {
				if !strings.Contains(stderr, w) {
					t.Errorf("stderr %q lacks %q", stderr, w)
				}
			}
		})
	}
}

func TestParams(t *testing.T) {
	code, stdout, _ := execOrgnet(t, "params")
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	for _, p := range sim.Params() {
		if !strings.Contains(stdout, p.Path+" ") {
			t.Errorf("params lacks %s", p.Path)
		}
	}
	code, stdout, _ = execOrgnet(t, "params", "--markdown")
	if code != 0 {
		t.Fatalf("--markdown: exit %d", code)
	}
	rows := 0
	for _, l := range strings.Split(stdout, "\n") {
		if strings.HasPrefix(l, "| `") {
			rows++
		}
	}
	if rows != len(sim.Params()) {
		t.Errorf("markdown has %d parameter rows, registry %d", rows, len(sim.Params()))
	}
	for _, h := range []string{"### `[run]`", "### `[forces.manager]`", "| key | default | range | unit | meaning | source |"} {
		if !strings.Contains(stdout, h) {
			t.Errorf("markdown lacks %q", h)
		}
	}
	code, stdout, _ = execOrgnet(t, "params", "forces.manager")
	if code != 0 || !strings.Contains(stdout, "forces.manager.loss_of_control") || strings.Contains(stdout, "trust.") {
		t.Errorf("prefix filter: exit %d\n%s", code, stdout)
	}
	if code, _, stderr := execOrgnet(t, "params", "nothing.here"); code != 2 || !strings.Contains(stderr, "forces.manager") {
		t.Errorf("unknown prefix: exit %d, stderr %q", code, stderr)
	}
}

func TestVersion(t *testing.T) {
	code, stdout, _ := execOrgnet(t, "version")
	if code != 0 || !strings.HasPrefix(stdout, "orgnet ") || !strings.Contains(stdout, "go1") {
		t.Errorf("version: exit %d, %q", code, stdout)
	}
	old := version
	defer func() { version = old }()
	version = "v9.9.9"
	if _, stdout, _ := execOrgnet(t, "version"); !strings.HasPrefix(stdout, "orgnet v9.9.9 ") {
		t.Errorf("-ldflags version not used: %q", stdout)
	}
	if code, _, _ := execOrgnet(t, "version", "extra"); code != 2 {
		t.Errorf("version extra: exit %d", code)
	}
}
