package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/orgnet/orgnet/patterns"
)

func TestPatternsCommand(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "report")
	args := []string{"patterns", "--scenario", "bossche-bond", "--pattern", "levels-professionals", "--pattern", "bossche-bond-cases",
		"--reps", "2", "--out", dir}
	code, stdout, stderr := execOrgnet(t, args...)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if !strings.Contains(stdout, "levels-professionals") || !strings.Contains(stdout, patterns.HTMLName) {
		t.Errorf("stdout: %q", stdout)
	}
	csv := string(mustRead(t, filepath.Join(dir, patterns.CSVName)))
	if !strings.HasPrefix(csv, strings.Join(patterns.CSVHeader, ",")+"\n") || strings.Count(csv, "\n") != 3 {
		t.Errorf("patterns.csv:\n%s", csv)
	}
	if html := string(mustRead(t, filepath.Join(dir, patterns.HTMLName))); !strings.Contains(html, "<svg") {
		t.Error("patterns.html has no plots")
	}
	// The same with more workers: the same report.
	dir2 := filepath.Join(t.TempDir(), "report")
	if code, _, stderr := execOrgnet(t, append(args[:len(args)-1], dir2, "--workers", "3", "-q")...); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if csv2 := string(mustRead(t, filepath.Join(dir2, patterns.CSVName))); csv2 != csv {
		t.Error("patterns.csv depends on --workers")
	}
	// An ablation given by --set (the professionals' promoting forces of
	// Figure 4) makes the pattern it carries fail.
	dir3 := filepath.Join(t.TempDir(), "report")
	if code, _, stderr := execOrgnet(t, "patterns", "--scenario", "bossche-bond", "--pattern", "levels-professionals", "--reps", "3",
		"--set", "forces.professional.direct_value=0", "--set", "forces.professional.frontline=0", "--out", dir3, "-q"); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if csv3 := string(mustRead(t, filepath.Join(dir3, patterns.CSVName))); !strings.Contains(csv3, ",fails,") {
		t.Errorf("with the professionals' promoting forces switched off the pattern still holds:\n%s", csv3)
	}
}

func TestPatternsBadInput(t *testing.T) {
	full := t.TempDir()
	os.WriteFile(filepath.Join(full, "x"), []byte("x"), 0o644)
	for _, args := range [][]string{
		{"patterns", "--set", "trust.nope=1"},
		{"patterns", "--set", "trust.gain"},
		{"patterns", "--reps", "1"},
		{"patterns", "--pattern", "nope", "--reps", "2", "--out", filepath.Join(t.TempDir(), "r")},
		{"patterns", "--scenario", "atlantis"},
		{"patterns", "--out", full},
		{"patterns", "extra"},
	} {
		code, _, stderr := execOrgnet(t, args...)
		if code != 2 || strings.Count(stderr, "\n") != 1 {
			t.Errorf("%v: exit %d, stderr %q", args, code, stderr)
		}
	}
	if entries, _ := os.ReadDir(full); len(entries) != 1 {
		t.Error("a refused run touched the existing folder")
	}
}
