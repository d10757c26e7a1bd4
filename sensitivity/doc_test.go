package sensitivity

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/orgnet/orgnet/sweep"
)

// TestAssumptionParams checks that the sweeps vary exactly the registry's
// modelling assumptions, less the national-scale ones.
func TestAssumptionParams(t *testing.T) {
	varied, left := AssumptionParams()
	if len(varied) < 10 {
		t.Fatalf("only %d assumptions varied", len(varied))
	}
	for _, p := range varied {
		if !strings.HasPrefix(p.Source, assumptionSource) {
			t.Errorf("%s is not a modelling assumption (%s)", p.Path, p.Source)
		}
		if _, ok := left[p.Path]; ok {
			t.Errorf("%s is both varied and left out", p.Path)
		}
	}
}

// TestSensitivityDoc is the global sensitivity analysis in small: the sweep
// file of a case, run and analysed as orgnet sweep and orgnet analyse do, and
// the document written from the analysis.
func TestSensitivityDoc(t *testing.T) {
	dir := t.TempDir()
	text, err := AssumptionSweep("bossche-bond", 3, 1, 1, 1)
	if err != nil {
		t.Fatal(err)
	}
	spec, err := sweep.Parse("bossche-bond.toml", []byte(text))
	if err != nil {
		t.Fatalf("generated sweep file does not parse: %v\n%s", err, text)
	}
	varied, _ := AssumptionParams()
	if len(spec.Parameters) != len(varied)+1 || spec.Parameters[len(varied)].Path != Dummy || spec.Method != sweep.Sobol || len(spec.Outcomes) != len(CaseOutcomes) {
		t.Fatalf("sweep: %d parameters (want %d and the dummy), method %s, %d outcomes", len(spec.Parameters), len(varied), spec.Method, len(spec.Outcomes))
	}
	// Three outcomes are enough here (the plots of the analysis take the time).
	spec.Outcomes = spec.Outcomes[:3]
	out := filepath.Join(dir, "bossche-bond")
	if _, err := sweep.Run(context.Background(), spec, sweep.Options{Dir: out, Workers: 2}); err != nil {
		t.Fatal(err)
	}
	if err := AnalyseWith(out, Options{Bootstrap: 20}); err != nil {
		t.Fatal(err)
	}
	docs := filepath.Join(dir, "docs")
	cmd := "N=3 sh scripts/sensitivity.sh"
	if err := Doc(docs, []string{out}, cmd); err != nil {
		t.Fatal(err)
	}
	md, err := os.ReadFile(filepath.Join(docs, DocName))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{cmd, "N = 3 base rows", "too uncertain", "## bossche-bond", "cases.effort_weeks", "sensitivity/bossche-bond.png", "levels-managers", "(dummy: noise floor)"} {
		if !strings.Contains(string(md), want) {
			t.Errorf("SENSITIVITY.md lacks %q", want)
		}
	}
	if fi, err := os.Stat(filepath.Join(docs, DocPlots, "bossche-bond.png")); err != nil || fi.Size() == 0 {
		t.Errorf("plot: %v", err)
	}
	if err := Doc(docs, []string{dir}, cmd); err == nil {
		t.Error("a folder that is no sweep gave no error")
	}
}
