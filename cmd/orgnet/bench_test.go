package main

import (
	"bytes"
	"runtime"
	"strconv"
	"strings"
	"testing"

	"github.com/orgnet/orgnet/scenarios"
)

func TestBenchQuick(t *testing.T) {
	if testing.Short() {
		t.Skip("runs benchmarks for a few seconds")
	}
	var out, errb bytes.Buffer
	if code := run([]string{"bench", "--quick", "--sweep-runs", "8"}, &out, &errb); code != 0 {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	text := out.String()
	want := []string{"person-ticks/s", "runs/s", "allocs/op", "peak memory", "national(30 networks)/setup",
		"sweep/8-runs/1-worker"}
	if runtime.GOMAXPROCS(0) > 1 {
		want = append(want, "parallel efficiency", "results identical")
	}
	for _, c := range scenarios.Cases {
		want = append(want, "tick/"+c+" ", "run10/"+c+" ")
	}
	for _, w := range want {
		if !strings.Contains(text, w) {
			t.Errorf("output lacks %q:\n%s", w, text)
		}
	}
	// A week after warm-up allocates (next to) nothing; sim's
	// TestNoAllocationPerTick checks it exactly.
	for _, line := range strings.Split(text, "\n") {
		f := strings.Fields(line)
		if len(f) < 6 || !strings.HasPrefix(f[0], "tick/") {
			continue
		}
		if a, err := strconv.ParseFloat(f[5], 64); err != nil || a > 0.05 {
			t.Errorf("%s: allocs/op %q, want about 0", f[0], f[5])
		}
	}
}

func TestBenchBadFlags(t *testing.T) {
	for _, args := range [][]string{
		{"bench", "--sweep-runs", "-1"},
		{"bench", "--threads", "0"},
		{"bench", "--national-years", "0"},
		{"bench", "extra"},
	} {
		var out, errb bytes.Buffer
		if code := run(args, &out, &errb); code != 2 {
			t.Errorf("%v: exit %d, want 2 (%s)", args, code, errb.String())
		}
	}
}
