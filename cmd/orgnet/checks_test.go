package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func writeTOML(t *testing.T, name, text string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// Scenarios every entry point must refuse with file, line and key, exit 2:
// validate, run and compare make the same checks.
func TestOneValidationForEveryEntryPoint(t *testing.T) {
	for _, tc := range []struct {
		name, text, want string
	}{
		{"no partners", "[partners]\nmunicipality = 0\nhousing = 0\ncare = 0\nwelfare = 0\nschool = 0\n", ":1: partners: no partner organisations"},
		{"no professionals", "[persons]\nprofessionals = 0\n", ":2: persons.professionals: no professionals"},
		{"nan event", "[[events]]\ntype = \"crisis\"\nyear = nan\nseverity = 0.5\nweeks = 4\n", ":3: events[0].year: NaN is not a number"},
		{"timeless event", "[[events]]\ntype = \"crisis\"\nseverity = 0.5\nweeks = 4\n", ":2: events[0].type: the event has no time"},
		{"event after the end", "[run]\nyears = 5\n[[events]]\ntype = \"leave\"\nyear = 50\ncount = 1\n", ":5: events[0].year: year 50 is after the end of the run"},
		{"23 GB", "[network]\ncount = 2000\n[persons]\nprofessionals = 1000000\n", "would need about"},
		{"go types", "[network]\ncount = 1.5\n", ":2: network.count: wrong type: a decimal number given; allowed: an integer from 1 to 2000"},
		{"table as value", "network = 3\n", "[network] is a table"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			file := writeTOML(t, "s.toml", tc.text)
			out := filepath.Join(t.TempDir(), "out")
			for _, args := range [][]string{
				{"validate", file},
				{"run", "--config", file, "--out", out, "-q"},
				{"compare", file, "bossche-bond", "--out", out, "-q"},
			} {
				code, _, stderr := execOrgnet(t, args...)
				if code != 2 || !strings.Contains(stderr, tc.want) {
					t.Errorf("orgnet %s: exit %d, stderr %q; want exit 2 and %q", args[0], code, stderr, tc.want)
				}
				for _, goWord := range []string{"float64", "int64", "sim.", "e+15"} {
					if strings.Contains(stderr, goWord) {
						t.Errorf("orgnet %s: message shows %q: %s", args[0], goWord, stderr)
					}
				}
			}
			if _, err := os.Stat(out); err == nil {
				t.Error("a refused configuration wrote its folder")
			}
			if entries, _ := os.ReadDir(filepath.Dir(out)); len(entries) > 0 {
				t.Errorf("left behind: %v", entries)
			}
		})
	}
	// --max-memory raises the limit (validate only checks).
	file := writeTOML(t, "big.toml", "[network]\ncount = 2000\n[persons]\nprofessionals = 1000000\n")
	if code, stdout, stderr := execOrgnet(t, "validate", file, "--max-memory", "0"); code != 0 || !strings.Contains(stdout, "ok") {
		t.Errorf("validate --max-memory 0: exit %d, %s%s", code, stdout, stderr)
	}
	if code, stdout, _ := execOrgnet(t, "validate", writeTOML(t, "one.toml", "[[events]]\ntype = \"crisis\"\nyear = 1\nseverity = 0.5\nweeks = 4\n")); code != 0 || !strings.Contains(stdout, "1 event;") {
		t.Errorf("one event: exit %d, %q", code, stdout)
	}
}

func TestConventions(t *testing.T) {
	if code, stdout, stderr := execOrgnet(t); code != 2 || stdout != "" || !strings.Contains(stderr, "Commands:") {
		t.Errorf("orgnet without a command: exit %d, stdout %q", code, stdout)
	}
	code, stdout, _ := execOrgnet(t, "metrics")
	if code != 0 {
		t.Fatalf("metrics: exit %d", code)
	}
	for _, want := range []string{"wellbeing", "0–10", "cases_solved_cum", "Mean trust"} {
		if !strings.Contains(stdout, want) {
			t.Errorf("orgnet metrics lacks %q", want)
		}
	}
	if _, nl, _ := execOrgnet(t, "metrics", "--lang", "nl"); !strings.Contains(nl, "Gemiddeld vertrouwen") {
		t.Errorf("orgnet metrics --lang nl is not Dutch:\n%s", nl)
	}
	if _, ex, _ := execOrgnet(t, "sweep", "--example"); !strings.Contains(ex, "orgnet metrics") {
		t.Error("sweep --example does not point to orgnet metrics")
	}
	for _, c := range commandNames() {
		if c == "serve" || c == "help" {
			continue
		}
		if _, help, helpErr := execOrgnet(t, c, "--help"); c != "version" && c != "params" && c != "scenarios" && c != "bench" && !strings.Contains(help+helpErr, "-quiet") {
			t.Errorf("orgnet %s has no -q/--quiet", c)
		}
	}
}

// A complete sweep whose outcome no run reaches exits 0 with a warning; a
// sweep with min = nan is refused before any folder is made; --shards 0 is
// refused.
func TestSweepFinishesAndRefuses(t *testing.T) {
	never := strings.Replace(sweepFile, "%SAMPLES%", "4", 1) + `
[[outcomes]]
name = "never"
metric = "trust"
stat = "time_to"
threshold = 2
`
	file := writeTOML(t, "never.toml", strings.Replace(never, `method = "lhs"`, `method = "grid"`, 1))
	out := filepath.Join(t.TempDir(), "sw")
	code, stdout, stderr := execOrgnet(t, "sweep", file, "--out", out, "--workers", "2", "-q")
	if code != 0 {
		t.Fatalf("sweep with an unreachable outcome: exit %d\n%s%s", code, stdout, stderr)
	}
	if !strings.Contains(stderr, "warning") || !strings.Contains(stderr, "never") {
		t.Errorf("no warning about the undrawable plot: %q", stderr)
	}
	if _, err := os.Stat(filepath.Join(out, "runs.csv")); err != nil {
		t.Error("no runs.csv")
	}
	nan := writeTOML(t, "nan.toml", strings.Replace(strings.Replace(sweepFile, "%SAMPLES%", "4", 1), "min = 0.01", "min = nan", 1))
	out2 := filepath.Join(t.TempDir(), "nan")
	code, _, stderr = execOrgnet(t, "sweep", nan, "--out", out2)
	if code != 2 || !strings.Contains(stderr, "parameters[0].min: NaN is not a number") || !strings.Contains(stderr, ":10:") {
		t.Errorf("min = nan: exit %d, %q", code, stderr)
	}
	if _, err := os.Stat(out2); err == nil {
		t.Error("a refused sweep made its folder")
	}
	code, _, stderr = execOrgnet(t, "sweep", writeSweep(t, "3"), "--slurm", "--shards", "0", "--out", filepath.Join(t.TempDir(), "s"))
	if code != 2 || !strings.Contains(stderr, "--shards 0") {
		t.Errorf("--shards 0: exit %d, %q", code, stderr)
	}
}

func TestGoRunBinary(t *testing.T) {
	if !goRunBinary(filepath.Join(os.TempDir(), "go-build123", "b001", "exe", "orgnet")) {
		t.Error("a go run binary is not recognised")
	}
	if goRunBinary("/usr/local/bin/orgnet") {
		t.Error("an installed binary is taken for a go run one")
	}
}
