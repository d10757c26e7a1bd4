package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/orgnet/orgnet/scenarios"
	"github.com/orgnet/orgnet/sim"
)

// execOrgnet runs the command in-process and returns its exit status, stdout
// and stderr.
func execOrgnet(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := run(args, &out, &errb)
	return code, out.String(), errb.String()
}

func mustRead(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestRunWritesFolder(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "out")
	code, stdout, stderr := execOrgnet(t, "run", "--scenario", "bossche-bond", "--reps", "3", "--years", "2", "--seed", "7",
		"--out", dir, "--snapshot-years", "1", "--lang", "nl", "--set", "forces.manager.loss_of_control=0.7")
	if code != 0 {
		t.Fatalf("exit %d, stderr %q", code, stderr)
	}
	if stderr != "" {
		t.Errorf("stderr not empty when it is not a terminal: %q", stderr)
	}
	if !strings.Contains(stdout, dir) || strings.Count(stdout, "\n") != 1 {
		t.Errorf("final line should name the folder: %q", stdout)
	}
	for _, f := range []string{"manifest.json", "timeseries.csv", "summary.csv", "events.csv", "report.html",
		"network.png", "network.svg", "network_y1.png", "network_y1.svg",
		"plots/orientation.png", "plots/orientation.svg", "plots/value.png", "plots/value.svg",
		"plots/trust_legitimacy.png", "plots/trust_legitimacy.svg", "plots/partners_persons.png", "plots/partners_persons.svg"} {
		if fi, err := os.Stat(filepath.Join(dir, f)); err != nil || fi.Size() == 0 {
			t.Errorf("%s missing or empty: %v", f, err)
		}
	}
	entries, _ := os.ReadDir(filepath.Dir(dir))
	if len(entries) != 1 {
		t.Errorf("left next to the folder: %v", entries)
	}

	ts := strings.Split(strings.TrimSuffix(string(mustRead(t, filepath.Join(dir, "timeseries.csv"))), "\n"), "\n")
	if want := "rep," + strings.Join(sim.MetricNames[:], ","); ts[0] != want {
		t.Errorf("timeseries header %q, want %q", ts[0], want)
	}
	if got, want := len(ts)-1, 3*(2*sim.WeeksPerYear+1); got != want {
		t.Errorf("timeseries rows %d, want %d", got, want)
	}
	sum := strings.Split(strings.TrimSuffix(string(mustRead(t, filepath.Join(dir, "summary.csv"))), "\n"), "\n")
	if sum[0] != "metric,tick,year,mean,p05,p95" {
		t.Errorf("summary header %q", sum[0])
	}
	if got, want := len(sum)-1, (sim.NumMetrics-2)*(2*sim.WeeksPerYear+1); got != want {
		t.Errorf("summary rows %d, want %d", got, want)
	}

	var m struct {
		Seed         uint64   `json:"seed"`
		Replications int      `json:"replications"`
		Seeds        []uint64 `json:"replication_seeds"`
		Scenario     string   `json:"scenario"`
		GoVersion    string   `json:"go_version"`
		Command      []string `json:"command"`
	}
	if err := json.Unmarshal(mustRead(t, filepath.Join(dir, "manifest.json")), &m); err != nil {
		t.Fatal(err)
	}
	if m.Seed != 7 || m.Replications != 3 || len(m.Seeds) != 3 || m.GoVersion == "" || len(m.Command) < 3 {
		t.Errorf("manifest: %+v", m)
	}
	for i, s := range m.Seeds {
		if s != sim.DeriveSeed(7, i) {
			t.Errorf("seed %d = %d, want %d", i, s, sim.DeriveSeed(7, i))
		}
	}
	cfg, err := scenarios.Parse("manifest", []byte(m.Scenario))
	if err != nil {
		t.Fatalf("manifest scenario does not parse: %v", err)
	}
	want, _ := scenarios.Preset("bossche-bond")
	want.Run.Seed, want.Run.Replications, want.Run.Years = 7, 3, 2
	want.Forces.Manager.LossOfControl = 0.7
	want.TrimEvents() // events after the end of the shortened run never happen
	if !reflect.DeepEqual(cfg, want) {
		t.Errorf("manifest scenario differs from the run's config")
	}
	report := string(mustRead(t, filepath.Join(dir, "report.html")))
	for _, s := range []string{`lang="nl"`, "<svg", "forces.manager.loss_of_control", "Een korte lezing"} {
		if !strings.Contains(report, s) {
			t.Errorf("report.html lacks %q", s)
		}
	}
}

func TestRunDeterministic(t *testing.T) {
	base := t.TempDir()
	common := []string{"run", "--scenario", "bossche-bond", "--reps", "4", "--seed", "7", "--years", "2", "-q"}
	runs := map[string][]string{
		"a":  append(append([]string{}, common...), "--out", filepath.Join(base, "a")),
		"b":  append(append([]string{}, common...), "--out", filepath.Join(base, "b")),
		"w1": append(append([]string{}, common...), "--workers", "1", "--out", filepath.Join(base, "w1")),
		"w2": append(append([]string{}, common...), "--workers", "2", "--out", filepath.Join(base, "w2")),
	}
	for _, name := range []string{"a", "b", "w1", "w2"} {
		if code, stdout, stderr := execOrgnet(t, runs[name]...); code != 0 || stdout != "" {
			t.Fatalf("%s: exit %d, stdout %q (want none with -q), stderr %q", name, code, stdout, stderr)
		}
	}
	// A rerun from the manifest, with other workers.
	if code, _, stderr := execOrgnet(t, "run", "--config", filepath.Join(base, "a", "manifest.json"), "--workers", "3", "-q", "--out", filepath.Join(base, "m")); code != 0 {
		t.Fatalf("rerun from manifest: exit %d: %s", code, stderr)
	}
	for _, f := range []string{"timeseries.csv", "summary.csv", "events.csv"} {
		ref := mustRead(t, filepath.Join(base, "a", f))
		for _, name := range []string{"b", "w1", "w2", "m"} {
			if !bytes.Equal(ref, mustRead(t, filepath.Join(base, name, f))) {
				t.Errorf("%s of run %s differs from run a", f, name)
			}
		}
	}
	// Another seed gives other results.
	if code, _, _ := execOrgnet(t, append(common[:len(common)-1], "--seed", "8", "-q", "--out", filepath.Join(base, "s8"))...); code != 0 {
		t.Fatal("seed 8 failed")
	}
	if bytes.Equal(mustRead(t, filepath.Join(base, "a", "timeseries.csv")), mustRead(t, filepath.Join(base, "s8", "timeseries.csv"))) {
		t.Error("seeds 7 and 8 give the same timeseries")
	}
}

func TestRunBadInput(t *testing.T) {
	base := t.TempDir()
	bad := filepath.Join(base, "bad.toml")
	os.WriteFile(bad, []byte("[scenario]\nname = \"x\"\n\n[forces.manager]\nloss_of_control = 9\n"), 0o644)
	unknown := filepath.Join(base, "unknown.toml")
	os.WriteFile(unknown, []byte("[trust]\nnope = 1\n"), 0o644)
	notDir := filepath.Join(base, "file")
	os.WriteFile(notDir, []byte("x"), 0o644)
	tests := []struct {
		name string
		args []string
		want []string
	}{
		{"unknown scenario", []string{"--scenario", "atlantis"}, []string{`unknown scenario "atlantis"`, "bossche-bond", "cimot"}},
		{"both", []string{"--scenario", "mom", "--config", bad}, []string{"not both"}},
		{"missing file", []string{"--config", filepath.Join(base, "none.toml")}, []string{"none.toml", "cannot read"}},
		{"invalid file", []string{"--config", bad}, []string{"bad.toml:5: forces.manager.loss_of_control", "allowed"}},
		{"unknown key", []string{"--config", unknown}, []string{"unknown.toml:2: trust.nope", "unknown"}},
		{"set out of range", []string{"--set", "trust.initial=2"}, []string{"--set trust.initial", "allowed: a number from 0 to 1"}},
		{"set unknown", []string{"--set", "trust.nope=1"}, []string{"trust.nope", "unknown parameter"}},
		{"set not a number", []string{"--set", "trust.initial=high"}, []string{"trust.initial", "not a number"}},
		{"set without =", []string{"--set", "trust.initial"}, []string{"key=value"}},
		{"bad reps", []string{"--reps", "0"}, []string{"--reps 0", "allowed: an integer from 1"}},
		{"bad years", []string{"--years", "-1"}, []string{"--years -1", "allowed"}},
		{"bad workers", []string{"--workers", "0"}, []string{"--workers 0"}},
		{"bad lang", []string{"--lang", "fr"}, []string{"fr", "en, nl"}},
		{"bad snapshot", []string{"--snapshot-years", "x"}, []string{"--snapshot-years", "e.g. 1,3"}},
		{"unknown flag", []string{"--nope"}, []string{"-nope", "--help"}},
		{"extra argument", []string{"extra"}, []string{`"extra"`}},
		{"unwritable out", []string{"--out", filepath.Join(notDir, "sub")}, []string{"cannot be written"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			args := append([]string{"run", "--years", "0.1", "--reps", "1"}, tt.args...)
			if !strings.Contains(strings.Join(tt.args, " "), "--out") {
				args = append(args, "--out", filepath.Join(base, "out-"+strings.ReplaceAll(tt.name, " ", "-")))
			}
			code, stdout, stderr := execOrgnet(t, args...)
			if code != 2 {
				t.Errorf("exit %d, want 2 (stderr %q)", code, stderr)
			}
			if strings.Count(stderr, "\n") != 1 || !strings.HasPrefix(stderr, "orgnet run: ") {
				t.Errorf("want one line on stderr, got %q", stderr)
			}
			for _, w := range tt.want {
				if !strings.Contains(stderr, w) {
					t.Errorf("stderr %q lacks %q", stderr, w)
				}
			}
			if stdout != "" {
				t.Errorf("stdout %q", stdout)
			}
		})
	}
	entries, _ := os.ReadDir(base)
	for _, e := range entries {
		if e.IsDir() {
			t.Errorf("bad input left a folder behind: %s", e.Name())
		}
	}
}

func TestRunExistingOut(t *testing.T) {
	base := t.TempDir()
	out := filepath.Join(base, "out")
	os.Mkdir(out, 0o755)
	keep := filepath.Join(out, "notes.txt")
	os.WriteFile(keep, []byte("mine"), 0o644)
	code, _, stderr := execOrgnet(t, "run", "--years", "0.2", "--reps", "1", "--out", out)
	if code != 2 || !strings.Contains(stderr, "exists") || !strings.Contains(stderr, "--force") {
		t.Fatalf("existing folder: exit %d, stderr %q", code, stderr)
	}
	if b, err := os.ReadFile(keep); err != nil || string(b) != "mine" {
		t.Fatal("an existing folder was touched")
	}
	// --force does not replace a folder of a user's files.
	code, _, stderr = execOrgnet(t, "run", "--years", "0.2", "--reps", "1", "--out", out, "--force", "-q")
	if code != 2 || !strings.Contains(stderr, "notes.txt") {
		t.Fatalf("--force on a user's folder: exit %d, stderr %q", code, stderr)
	}
	if b, err := os.ReadFile(keep); err != nil || string(b) != "mine" {
		t.Fatal("--force deleted a user's file")
	}
	// It replaces a folder orgnet wrote.
	os.Remove(keep)
	if code, _, stderr := execOrgnet(t, "run", "--years", "0.2", "--reps", "1", "--seed", "1", "--out", out, "-q"); code != 0 {
		t.Fatalf("first run: exit %d, %s", code, stderr)
	}
	first := readFile(t, filepath.Join(out, "manifest.json"))
	if code, _, stderr := execOrgnet(t, "run", "--years", "0.2", "--reps", "1", "--seed", "2", "--out", out, "--force", "-q"); code != 0 {
		t.Fatalf("--force: exit %d, %s", code, stderr)
	}
	if bytes.Equal(first, readFile(t, filepath.Join(out, "manifest.json"))) {
		t.Error("--force did not write the new folder")
	}
	empty := filepath.Join(base, "empty")
	os.Mkdir(empty, 0o755)
	if code, _, stderr := execOrgnet(t, "run", "--years", "0.2", "--reps", "1", "--out", empty, "-q"); code != 0 {
		t.Fatalf("empty existing folder: exit %d, %s", code, stderr)
	}
	entries, _ := os.ReadDir(base)
	if len(entries) != 2 {
		t.Errorf("folders left: %v", entries)
	}
}

func TestRunDefaults(t *testing.T) {
	// orgnet run with no arguments runs the default preset into results/.
	t.Chdir(t.TempDir())
	code, stdout, stderr := execOrgnet(t, "run")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	matches, _ := filepath.Glob(filepath.Join("results", scenarios.Default+"-*", "manifest.json"))
	if len(matches) != 1 {
		t.Fatalf("results folders: %v", matches)
	}
	if !strings.Contains(stdout, filepath.Dir(matches[0])) {
		t.Errorf("final line %q does not name %s", stdout, filepath.Dir(matches[0]))
	}
	var m struct {
		Replications int     `json:"replications"`
		Years        float64 `json:"years"`
	}
	json.Unmarshal(mustRead(t, matches[0]), &m)
	def, _ := scenarios.Preset(scenarios.Default)
	if m.Replications != def.Run.Replications || m.Years != def.Run.Years {
		t.Errorf("default run: %+v, want the preset's %d replications of %v years", m, def.Run.Replications, def.Run.Years)
	}
}

func TestHelp(t *testing.T) {
	for _, c := range []string{"run", "scenarios", "validate", "version", "params"} {
		code, stdout, stderr := execOrgnet(t, c, "--help")
		if code != 0 || !strings.HasPrefix(stdout, "Usage: orgnet "+c) || stderr != "" {
			t.Errorf("%s --help: exit %d, stdout %.40q, stderr %q", c, code, stdout, stderr)
		}
	}
	code, stdout, _ := execOrgnet(t, "help")
	for _, c := range []string{"run", "scenarios", "validate", "version", "params"} {
		if code != 0 || !strings.Contains(stdout, "  "+c) {
			t.Errorf("orgnet help does not list %s", c)
		}
	}
}

// One large run gives the same results whatever --threads.
func TestRunThreads(t *testing.T) {
	base := t.TempDir()
	common := []string{"run", "--scenario", "national", "--set", "network.count=12", "--reps", "1", "--years", "0.2", "-q"}
	for _, th := range []string{"1", "2"} {
		if code, _, stderr := execOrgnet(t, append(append([]string{}, common...), "--threads", th, "--out", filepath.Join(base, th))...); code != 0 {
			t.Fatalf("--threads %s: exit %d: %s", th, code, stderr)
		}
	}
	if !bytes.Equal(mustRead(t, filepath.Join(base, "1", "timeseries.csv")), mustRead(t, filepath.Join(base, "2", "timeseries.csv"))) {
		t.Error("timeseries.csv differs between --threads 1 and 2")
	}
	if code, _, _ := execOrgnet(t, "run", "--threads", "0"); code != 2 {
		t.Errorf("--threads 0: exit %d, want 2", code)
	}
}
