package main

import (
	"encoding/csv"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// widePosterior writes a posterior.csv whose last generation spreads
// cases.detection and governance.manager_weight (how much coordination rests
// on the key persons, whom the turnover preset loses) evenly over wide
// ranges. Each pair of replications draws one set for A and B alike, so a
// parameter that acts on both arms alike hardly widens the interval of their
// difference; the key persons' weight acts on the difference itself.
func widePosterior(t *testing.T) string {
	t.Helper()
	var b strings.Builder
	b.WriteString("generation,particle,weight,distance,cases.detection,governance.manager_weight,handled\n")
	b.WriteString("0,0,1,3,9,0.5,1\n") // An earlier generation: ignored.
	for i := range 30 {
		fmt.Fprintf(&b, "1,%d,1,0.5,%g,%g,250\n", i, 20+200*float64(i)/29, float64((i*7)%30)/29)
	}
	path := filepath.Join(t.TempDir(), "posterior.csv")
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// interval returns the width of a metric's 95% interval in differences.csv.
func interval(t *testing.T, dir, metric string) float64 {
	t.Helper()
	f, err := os.Open(filepath.Join(dir, "differences.csv"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range rows {
		if r[0] == metric {
			lo, err1 := strconv.ParseFloat(r[6], 64)
			hi, err2 := strconv.ParseFloat(r[7], 64)
			if err1 != nil || err2 != nil {
				t.Fatalf("%s: interval %q to %q", metric, r[6], r[7])
			}
			return hi - lo
		}
	}
	t.Fatalf("no %s in differences.csv", metric)
	return 0
}

// TestComparePosterior: with --posterior the dilemma's intervals include
// parameter uncertainty: the interval of the cases solved is wider (mean
// over three seeds), and the answer says so.
func TestComparePosterior(t *testing.T) {
	post := widePosterior(t)
	dir := t.TempDir()
	var without, with float64
	for seed := 1; seed <= 3; seed++ {
		s := strconv.Itoa(seed)
		a, b := filepath.Join(dir, "a"+s), filepath.Join(dir, "b"+s)
		if code, out, errs := orgnet("compare", "turnover", "mom", "--years", "3", "--reps", "16", "--seed", s, "--out", a); code != 0 {
			t.Fatalf("exit %d\n%s%s", code, out, errs)
		}
		code, out, errs := orgnet("compare", "turnover", "mom", "--years", "3", "--reps", "16", "--seed", s, "--out", b, "--posterior", post)
		if code != 0 {
			t.Fatalf("exit %d\n%s%s", code, out, errs)
		}
		if !strings.Contains(out, "Including parameter uncertainty from the calibration") {
			t.Errorf("the answer does not say it includes parameter uncertainty:\n%s", out)
		}
		without += interval(t, a, "cases_solved_cum") / 3
		with += interval(t, b, "cases_solved_cum") / 3
	}
	t.Logf("95%% interval of the difference in cases solved: %.1f without, %.1f with the posterior (means over 3 seeds)", without, with)
	if with <= 1.1*without {
		t.Errorf("with the posterior the interval is %.1f wide, without %.1f: not wider", with, without)
	}
	report, _ := os.ReadFile(filepath.Join(dir, "b1", "report.html"))
	if !strings.Contains(string(report), "Including parameter uncertainty") {
		t.Error("report.html does not say it includes parameter uncertainty")
	}
}

// TestRunPosterior: orgnet run --posterior draws the parameters per
// replication (the bands widen) and says so; a bad posterior is refused
// with exit status 2.
func TestRunPosterior(t *testing.T) {
	post := widePosterior(t)
	dir := filepath.Join(t.TempDir(), "run")
	if code, out, errs := orgnet("run", "--scenario", "bossche-bond", "--years", "2", "--reps", "6", "--out", dir, "--posterior", post, "-q"); code != 0 {
		t.Fatalf("exit %d\n%s%s", code, out, errs)
	}
	report, _ := os.ReadFile(filepath.Join(dir, "report.html"))
	if !strings.Contains(string(report), "Including parameter uncertainty from the calibration") {
		t.Error("report.html does not say the bands include parameter uncertainty")
	}
	man, _ := os.ReadFile(filepath.Join(dir, "manifest.json"))
	if !strings.Contains(string(man), `"posterior"`) {
		t.Error("manifest.json does not name the posterior")
	}
	bad := filepath.Join(t.TempDir(), "bad.csv")
	os.WriteFile(bad, []byte("a,b\n1,2\n"), 0o644)
	if code, _, errs := orgnet("run", "--years", "1", "--reps", "1", "--out", filepath.Join(t.TempDir(), "x"), "--posterior", bad); code != 2 || !strings.Contains(errs, "not a posterior.csv") {
		t.Errorf("bad posterior: exit %d, %s", code, errs)
	}
}

// TestCalibrateCommand: --example, a bad file (exit 2, file:line: key), and
// a tiny calibration through the command line.
func TestCalibrateCommand(t *testing.T) {
	code, example, _ := orgnet("calibrate", "--example")
	if code != 0 || !strings.Contains(example, "[[targets]]") {
		t.Fatalf("--example: exit %d", code)
	}
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.toml")
	os.WriteFile(bad, []byte(strings.Replace(example, `prior = "loguniform"`, `prior = "beta"`, 1)), 0o644)
	line := strings.Count(example[:strings.Index(example, `prior = "loguniform"`)], "\n") + 1
	if code, _, errs := orgnet("calibrate", bad, "--out", filepath.Join(dir, "o")); code != 2 || !strings.Contains(errs, fmt.Sprintf("bad.toml:%d: parameters[0].prior: unknown prior", line)) {
		t.Errorf("bad file: exit %d: %s", code, errs)
	}
	small := example
	for _, r := range [][2]string{{"population = 500", "population = 5"}, {"generations = 12", "generations = 1"}, {"predictive = 200", "predictive = 2"}, {"replications = 4 ", "replications = 1 "}} {
		small = strings.Replace(small, r[0], r[1], 1)
	}
	file := filepath.Join(dir, "small.toml")
	os.WriteFile(file, []byte(small), 0o644)
	out := filepath.Join(dir, "cal")
	code, stdout, errs := orgnet("calibrate", file, "--out", out, "--workers", "2")
	if code != 0 {
		t.Fatalf("exit %d\n%s%s", code, stdout, errs)
	}
	if !strings.Contains(stdout, "cases.detection: posterior mean") || !strings.Contains(stdout, "pr_supported (held out)") {
		t.Errorf("stdout:\n%s", stdout)
	}
	// The posterior feeds a run.
	if code, o, e := orgnet("run", "--scenario", "proeftuin-ruwaard", "--years", "1", "--reps", "2", "--out", filepath.Join(dir, "run"), "--posterior", out, "-q"); code != 0 {
		t.Fatalf("run --posterior DIR: exit %d\n%s%s", code, o, e)
	}
}

// TestServeRefusesBadPosterior: serve --posterior with a file that is not a
// posterior exits 2 naming the file and line, before it listens.
func TestServeRefusesBadPosterior(t *testing.T) {
	bad := filepath.Join(t.TempDir(), "p.csv")
	if err := os.WriteFile(bad, []byte("a,b\n1,2\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if code, out, errs := orgnet("serve", "--addr", "127.0.0.1:0", "--posterior", bad); code != 2 || !strings.Contains(errs, bad+":1: not a posterior.csv") {
		t.Errorf("serve --posterior with a bad file: exit %d\n%s%s", code, out, errs)
	}
}
