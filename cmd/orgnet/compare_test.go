package main

import (
	"bytes"
	"encoding/csv"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// orgnet runs the command line and returns the exit status and both outputs.
func orgnet(args ...string) (int, string, string) {
	var out, errb bytes.Buffer
	code := run(args, &out, &errb)
	return code, out.String(), errb.String()
}

func TestCompareEndToEnd(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "cmp")
	code, out, errs := orgnet("compare", "bossche-bond", "bossche-bond", "--set-b", "forces.manager.loss_of_control=0.95",
		"--set-b", "network.coordination_fte=0.5", "--years", "2", "--reps", "4", "--seed", "5", "--out", dir)
	if code != 0 {
		t.Fatalf("exit %d\n%s%s", code, out, errs)
	}
	for _, f := range []string{"report.html", "differences.csv", "runs.csv", "summary_a.csv", "summary_b.csv", "a.toml", "b.toml",
		"plots/compare_headline.png", "plots/compare_headline.svg", "plots/compare_orientation.svg"} {
		if fi, err := os.Stat(filepath.Join(dir, f)); err != nil || fi.Size() == 0 {
			t.Errorf("%s missing or empty: %v", f, err)
		}
	}
	if !strings.Contains(out, "A against B over 4 paired replications of 2 years.") {
		t.Errorf("stdout lacks the answer:\n%s", out)
	}
	report, _ := os.ReadFile(filepath.Join(dir, "report.html"))
	for _, want := range []string{"<h2>The dilemma</h2>", "forces.manager.loss_of_control", "network.coordination_fte",
		"With B, professionals end", "<svg", "Differences at the end of the run"} {
		if !bytes.Contains(report, []byte(want)) {
			t.Errorf("report.html lacks %q", want)
		}
	}
	if bytes.Contains(report, []byte("src=\"")) || bytes.Contains(report, []byte("href=\"")) {
		t.Error("report.html refers to other files; it should be self-contained")
	}
	f, _ := os.Open(filepath.Join(dir, "differences.csv"))
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(rows[0], ",") != "metric,unit,mean_a,mean_b,diff,sd,ci_low,ci_high,clear,reps" || len(rows) < 10 {
		t.Errorf("differences.csv: header %v, %d rows", rows[0], len(rows))
	}
	// b.toml repeats B: the override is in it.
	b, _ := os.ReadFile(filepath.Join(dir, "b.toml"))
	if !bytes.Contains(b, []byte("loss_of_control = 0.95")) {
		t.Error("b.toml lacks the override of B")
	}
	// An existing folder is not overwritten.
	if code, _, errs := orgnet("compare", "bossche-bond", "bossche-bond", "--years", "2", "--reps", "2", "--out", dir); code != 2 || !strings.Contains(errs, "not empty") {
		t.Errorf("existing --out: exit %d, %s", code, errs)
	}
}

func TestCompareSameSeedSameFiles(t *testing.T) {
	base := t.TempDir()
	args := []string{"compare", "bossche-bond", "bossche-bond", "--set-a", "forces.manager.loss_of_control=0.1",
		"--years", "2", "--reps", "4", "--seed", "9", "-q", "--lang", "nl"}
	for i, w := range []string{"1", "2"} {
		if code, out, errs := orgnet(append(args, "--workers", w, "--out", filepath.Join(base, w))...); code != 0 {
			t.Fatalf("run %d: exit %d\n%s%s", i, code, out, errs)
		}
	}
	n := 0
	filepath.WalkDir(filepath.Join(base, "1"), func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(filepath.Join(base, "1"), p)
		a, _ := os.ReadFile(p)
		b, err := os.ReadFile(filepath.Join(base, "2", rel))
		if err != nil || !bytes.Equal(a, b) {
			t.Errorf("%s differs between --workers 1 and 2 (%v)", rel, err)
		}
		n++
		return nil
	})
	if n < 10 {
		t.Errorf("only %d files compared", n)
	}
	report, _ := os.ReadFile(filepath.Join(base, "1", "report.html"))
	if !bytes.Contains(report, []byte("Het dilemma")) {
		t.Error("--lang nl: report not in Dutch")
	}
	// The presets' titles and the settings that differ in Dutch words too.
	for _, want := range []string{"Bossche Bond: ", "Verlies van controle", "0,1"} {
		if !bytes.Contains(report, []byte(want)) {
			t.Errorf("--lang nl: report lacks %q", want)
		}
	}
	for _, english := range []string{"Loss of control", "a city network of 16 partners"} {
		if bytes.Contains(report, []byte(english)) {
			t.Errorf("--lang nl: report holds English %q", english)
		}
	}
}

func TestCompareBadInput(t *testing.T) {
	out := filepath.Join(t.TempDir(), "x")
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"one scenario", []string{"compare", "bossche-bond"}, "too few"},
		{"unknown preset", []string{"compare", "bossche-bond", "no-such-preset"}, "no-such-preset"},
		{"missing file", []string{"compare", "bossche-bond", "missing/file.toml"}, "file.toml"},
		{"unknown key", []string{"compare", "bossche-bond", "bossche-bond", "--set-b", "forces.nope=1"}, "forces.nope"},
		{"out of range", []string{"compare", "bossche-bond", "bossche-bond", "--set-a", "forces.manager.loss_of_control=7"}, "loss_of_control"},
		{"no equals", []string{"compare", "bossche-bond", "bossche-bond", "--set", "trust"}, "key=value"},
		{"zero reps", []string{"compare", "bossche-bond", "bossche-bond", "--reps", "0"}, "--reps"},
		{"bad lang", []string{"compare", "bossche-bond", "bossche-bond", "--lang", "fr"}, "--lang"},
		{"unequal years", []string{"compare", "bossche-bond", "bossche-bond", "--set-b", "run.years=3", "--reps", "2"}, "same length"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			code, _, errs := orgnet(append(tc.args, "--out", out)...)
			if code != 2 || !strings.Contains(errs, tc.want) {
				t.Errorf("exit %d, want 2; stderr %q should mention %q", code, errs, tc.want)
			}
		})
	}
	if _, err := os.Stat(out); err == nil {
		t.Error("bad input wrote an output folder")
	}
}

const analyseSweepFile = `base = "bossche-bond"
method = "%METHOD%"
samples = %SAMPLES%
replications = 1
seed = 4
years = 1

[[parameters]]
path = "forces.manager.loss_of_control"
min = 0.0
max = 1.0

[[parameters]]
path = "network.governance"
values = ["shared", "lead", "nao"]

[[outcomes]]
name = "prof"
metric = "orientation_professional"
`

func TestAnalyseAfterSweep(t *testing.T) {
	for _, tc := range []struct {
		method, samples string
		rows            int // Rows of sensitivity.csv without the header; -1: no file.
		plots           []string
	}{
		{"morris", "4", 2 * 3, []string{"sens-indices_prof.svg", "sens-scatter_prof.svg"}},
		{"sobol", "8", 2 * 2, []string{"sens-indices_prof.svg", "sens-scatter_prof.svg"}},
		{"grid", "3", -1, []string{"sens-scatter_prof.svg", "sens-heatmap_prof.svg"}},
	} {
		t.Run(tc.method, func(t *testing.T) {
			tmp := t.TempDir()
			file := filepath.Join(tmp, "s.toml")
			text := strings.NewReplacer("%METHOD%", tc.method, "%SAMPLES%", tc.samples).Replace(analyseSweepFile)
			if err := os.WriteFile(file, []byte(text), 0o644); err != nil {
				t.Fatal(err)
			}
			dir := filepath.Join(tmp, "out")
			if code, out, errs := orgnet("sweep", file, "--out", dir, "--quiet"); code != 0 {
				t.Fatalf("sweep: exit %d\n%s%s", code, out, errs)
			}
			if code, out, errs := orgnet("analyse", dir, "--lang", "nl"); code != 0 {
				t.Fatalf("analyse: exit %d\n%s%s", code, out, errs)
			}
			data, err := os.ReadFile(filepath.Join(dir, "sensitivity.csv"))
			if tc.rows < 0 {
				if err == nil {
					t.Error("sensitivity.csv written for a grid")
				}
			} else {
				lines := strings.Split(strings.TrimSpace(string(data)), "\n")
				if err != nil || lines[0] != "method,outcome,parameter,index,value,ci_low,ci_high" || len(lines)-1 != tc.rows {
					t.Errorf("sensitivity.csv (%v):\n%s", err, data)
				}
				if !strings.HasPrefix(lines[1], tc.method+",prof,forces.manager.loss_of_control,") {
					t.Errorf("first row %q", lines[1])
				}
			}
			for _, p := range tc.plots {
				if fi, err := os.Stat(filepath.Join(dir, "plots", p)); err != nil || fi.Size() == 0 {
					t.Errorf("plot %s: %v", p, err)
				}
			}
		})
	}
}

func TestAnalyseBadInput(t *testing.T) {
	for _, args := range [][]string{{"analyse"}, {"analyse", t.TempDir()}, {"analyse", "a", "b"}, {"analyse", t.TempDir(), "--lang", "xx"}} {
		if code, _, errs := orgnet(args...); code != 2 {
			t.Errorf("orgnet %v: exit %d, want 2 (%s)", args, code, errs)
		}
	}
}
