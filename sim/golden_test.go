package sim_test

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/orgnet/orgnet/scenarios"
	"github.com/orgnet/orgnet/sim"
)

var updateGolden = flag.Bool("update", false, "rewrite sim/testdata/golden.txt from the current model")

// goldenFile holds, per preset, the SHA-256 of its metric series for a fixed
// seed. When the model is changed on purpose, rewrite it with
//
//	go test ./sim -run Golden -update
//
// and say in the commit why the numbers changed.
const goldenFile = "testdata/golden.txt"

// goldenRuns are the guarded runs: each case preset for its full length,
// the national preset for a few weeks (its construction and first steps),
// and a small national run for five years (300 networks sharing partners,
// brokering, high turnover that breaks and reuses ties, the yearly
// renumbering of the ties).
var goldenRuns = []struct {
	name   string
	preset string
	weeks  int               // 0: the preset's own length
	set    map[string]string // parameters changed from the preset
}{
	{"bossche-bond", "bossche-bond", 0, nil},
	{"mom", "mom", 0, nil},
	{"botu", "botu", 0, nil},
	{"proeftuin-ruwaard", "proeftuin-ruwaard", 0, nil},
	{"cimot", "cimot", 0, nil},
	{"national", "national", 3, nil},
	{"national-small", "national", 260, map[string]string{
		"persons.professionals": "80",
		"turnover.professional": "0.4",
		"turnover.manager":      "0.4",
	}},
}

const goldenSeed = 20200601

// goldenHash returns the SHA-256 of a run's metrics written as a CSV body:
// one line per tick, values formatted with strconv 'g' -1, comma-separated.
func goldenHash(rows [][sim.NumMetrics]float64) string {
	h := sha256.New()
	var line []byte
	for _, r := range rows {
		line = line[:0]
		for c, v := range r {
			if c > 0 {
				line = append(line, ',')
			}
			line = strconv.AppendFloat(line, v, 'g', -1, 64)
		}
		line = append(line, '\n')
		h.Write(line)
	}
	return fmt.Sprintf("%x", h.Sum(nil))
}

// TestGolden guards against silent changes of results: performance work
// must leave these hashes as they are.
func TestGolden(t *testing.T) {
	var got bytes.Buffer
	fmt.Fprintf(&got, "# run weeks seed sha256(metric series); rewrite with: go test ./sim -run Golden -update\n")
	for _, g := range goldenRuns {
		cfg, err := scenarios.Preset(g.preset)
		if err != nil {
			t.Fatalf("preset %s: %v", g.preset, err)
		}
		for path, v := range g.set {
			if err := cfg.Set(path, v); err != nil {
				t.Fatalf("%s: %v", g.name, err)
			}
		}
		m, err := sim.New(cfg, goldenSeed)
		if err != nil {
			t.Fatal(err)
		}
		var rows [][sim.NumMetrics]float64
		if g.weeks == 0 {
			rows = m.RunToEnd().Rows
		} else {
			rows = append(rows, m.Metrics())
			for range g.weeks {
				m.Step()
				rows = append(rows, m.Metrics())
			}
		}
		fmt.Fprintf(&got, "%s %d %d %s\n", g.name, len(rows)-1, goldenSeed, goldenHash(rows))
	}
	if *updateGolden {
		if err := writeGoldenAtomic(goldenFile, got.Bytes()); err != nil {
			t.Fatal(err)
		}
		t.Logf("rewrote %s", goldenFile)
		return
	}
	want, err := os.ReadFile(goldenFile)
	if err != nil {
		t.Fatalf("%v (create it with: go test ./sim -run Golden -update)", err)
	}
	wantLines := goldenLines(want)
	for i, line := range goldenLines(got.Bytes()) {
		if i >= len(wantLines) || line != wantLines[i] {
			t.Errorf("results changed: got\n\t%s\nwant\n\t%s\nIf the model was changed on purpose, run: go test ./sim -run Golden -update", line, goldenAt(wantLines, i))
		}
	}
	if n := len(goldenLines(got.Bytes())); len(wantLines) > n {
		t.Errorf("%s has %d lines, want %d", goldenFile, len(wantLines), n)
	}
}

func goldenLines(b []byte) []string {
	var out []string
	sc := bufio.NewScanner(bytes.NewReader(b))
	for sc.Scan() {
		if s := strings.TrimSpace(sc.Text()); s != "" {
			out = append(out, s)
		}
	}
	return out
}

func goldenAt(s []string, i int) string {
	if i < len(s) {
		return s[i]
	}
	return "(nothing)"
}

// writeGoldenAtomic writes data to path through a temporary file and a rename.
func writeGoldenAtomic(path string, data []byte) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), ".golden-*")
	if err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		os.Remove(tmp.Name())
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := tmp.Close(); err != nil {
		os.Remove(tmp.Name())
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	return nil
}
