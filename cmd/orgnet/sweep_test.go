package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// sweepFile is a small sweep: runs of one simulated year.
const sweepFile = `base = "bossche-bond"
method = "lhs"
samples = %SAMPLES%
replications = 2
seed = 11
years = 1

[[parameters]]
path = "influence.rate"
min = 0.01
max = 0.2

[[parameters]]
path = "network.governance"
values = ["shared", "lead", "nao"]

[[outcomes]]
name = "solved"
metric = "cases_solved_cum"

[[outcomes]]
metric = "trust"
stat = "max"
`

func writeSweep(t *testing.T, samples string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "s.toml")
	if err := os.WriteFile(path, []byte(strings.Replace(sweepFile, "%SAMPLES%", samples, 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func runOK(t *testing.T, args ...string) string {
	t.Helper()
	var out, errb bytes.Buffer
	if code := run(args, &out, &errb); code != 0 {
		t.Fatalf("orgnet %s: exit %d\n%s%s", strings.Join(args, " "), code, out.String(), errb.String())
	}
	return out.String()
}

func readFile(t *testing.T, path string) []byte {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func TestSweepCommand(t *testing.T) {
	file := writeSweep(t, "5")
	tmp := t.TempDir()
	dir := func(name string) string { return filepath.Join(tmp, name) }
	runOK(t, "sweep", file, "--out", dir("w1"), "--workers", "1")
	runOK(t, "sweep", "--workers", "2", file, "--out", dir("w2"), "--quiet")
	runOK(t, "sweep", file, "--out", dir("s1"), "--shard", "1/2")
	runOK(t, "sweep", file, "--out", dir("s2"), "--shard", "2/2")
	if out := runOK(t, "merge", dir("m"), dir("s2"), dir("s1")); !strings.Contains(out, "merged 2 shards, 10 runs") {
		t.Errorf("merge said %q", out)
	}
	want := readFile(t, filepath.Join(dir("w1"), "runs.csv"))
	if n := bytes.Count(want, []byte("\n")); n != 11 {
		t.Fatalf("runs.csv has %d lines, want 11", n)
	}
	for _, d := range []string{"w2", "m"} {
		if got := readFile(t, filepath.Join(dir(d), "runs.csv")); !bytes.Equal(got, want) {
			t.Errorf("%s/runs.csv differs from the 1-worker run", d)
		}
	}

	tests := []struct {
		name string
		args []string
		code int
		want string
	}{
		{"used directory", []string{"sweep", file, "--out", dir("w1")}, 2, "not empty"},
		{"bad shard", []string{"sweep", file, "--out", dir("x"), "--shard", "3/2"}, 2, "--shard"},
		{"missing shard", []string{"merge", dir("m2"), dir("s1")}, 2, "missing shard 2/2"},
		{"overlapping shards", []string{"merge", dir("m3"), dir("s1"), dir("s1"), dir("s2")}, 2, "shards overlap"},
		{"no file", []string{"sweep"}, 2, "give one sweep file"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var out, errb bytes.Buffer
			if code := run(tc.args, &out, &errb); code != tc.code || !strings.Contains(errb.String(), tc.want) {
				t.Errorf("exit %d, stderr %q; want exit %d and %q", code, errb.String(), tc.code, tc.want)
			}
		})
	}
}

func TestSweepBadFileRefusedBeforeRuns(t *testing.T) {
	file := writeSweep(t, "0")
	out := filepath.Join(t.TempDir(), "o")
	var stdout, errb bytes.Buffer
	if code := run([]string{"sweep", file, "--out", out}, &stdout, &errb); code != 2 {
		t.Fatalf("exit %d, want 2", code)
	}
	if want := file + ":3: samples: 0 samples"; !strings.Contains(errb.String(), want) {
		t.Errorf("stderr %q lacks %q", errb.String(), want)
	}
	if _, err := os.Stat(out); err == nil {
		t.Error("a refused sweep created its output directory")
	}
}

func TestSweepExample(t *testing.T) {
	text := runOK(t, "sweep", "--example")
	path := filepath.Join(t.TempDir(), "ex.toml")
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	// The example is valid: --slurm checks it without running it.
	out := runOK(t, "sweep", path, "--slurm", "--shards", "4", "--out", filepath.Join(t.TempDir(), "sl"))
	if !strings.Contains(out, "submit.sh") || !strings.Contains(out, "4 shards") {
		t.Errorf("--slurm said %q", out)
	}
}

// TestSweepKilledAndResumed kills a sweep with SIGKILL once its journal has
// some runs, resumes it, and compares with a sweep never interrupted.
func TestSweepKilledAndResumed(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary")
	}
	bin := filepath.Join(t.TempDir(), "orgnet")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	file := writeSweep(t, "300")
	tmp := t.TempDir()
	ref, killed := filepath.Join(tmp, "ref"), filepath.Join(tmp, "killed")
	runOK(t, "sweep", file, "--out", ref, "--quiet")

	cmd := exec.Command(bin, "sweep", file, "--out", killed, "--workers", "1")
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	journal := filepath.Join(killed, "runs.journal")
	deadline := time.Now().Add(time.Minute)
	for {
		data, _ := os.ReadFile(journal)
		if bytes.Count(data, []byte("\n")) > 150 {
			break
		}
		if time.Now().After(deadline) {
			cmd.Process.Kill()
			t.Fatal("the journal did not grow")
		}
		time.Sleep(time.Millisecond)
	}
	if err := cmd.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	cmd.Wait()
	if _, err := os.Stat(filepath.Join(killed, "runs.csv")); err == nil {
		t.Fatal("the sweep finished before it was killed; make it larger")
	}
	done := bytes.Count(readFile(t, journal), []byte("\n")) - 1
	if done >= 600 {
		t.Fatalf("journal holds %d runs: all done before the kill", done)
	}
	out := runOK(t, "sweep", file, "--out", killed, "--resume")
	if !strings.Contains(out, "600 runs done") {
		t.Errorf("resume said %q", out)
	}
	if !bytes.Equal(readFile(t, filepath.Join(killed, "runs.csv")), readFile(t, filepath.Join(ref, "runs.csv"))) {
		t.Error("runs.csv of the killed and resumed sweep differs from the uninterrupted one")
	}
	t.Logf("killed after %d of 600 runs", done)
}
