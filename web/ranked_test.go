package web

import (
	"strings"
	"testing"

	"github.com/orgnet/orgnet/compare"
	"github.com/orgnet/orgnet/i18n"
	"github.com/orgnet/orgnet/sim"
)

func TestRankedAnswer(t *testing.T) {
	r := &compare.Result{A: sim.Defaults(), Reps: 8, Difference: []compare.Difference{
		{Metric: sim.MTrust, MeanA: 0.4, MeanB: 0.41, Diff: 0.01, Low: 0.005, High: 0.015},             // Clear, too small to matter.
		{Metric: sim.MCasesSolvedCum, MeanA: 100, MeanB: 150, Diff: 50, Low: 40, High: 60},             // Clear and large.
		{Metric: sim.MWellbeing, MeanA: 2, MeanB: 8, Diff: 6, Low: -1, High: 13},                       // Larger than cases in its units, not clear.
		{Metric: sim.MCrossTies, MeanA: 300, MeanB: 330, Diff: 30, Low: 20, High: 40},                  // Another that matters.
		{Metric: sim.MLegitimacyExternal, MeanA: 0.5, MeanB: 0.51, Diff: 0.01, Low: 0.002, High: 0.02}, // Another, too small.
	}}
	lines := rankedAnswer(r, i18n.EN)
	var texts []string
	for _, l := range lines {
		texts = append(texts, l.Text)
	}
	all := strings.Join(texts, "\n")
	cases, trust, wellbeing := strings.Index(all, "cases"), strings.Index(all, "trust"), strings.Index(all, "wellbeing")
	if cases < 0 || trust < 0 || wellbeing < 0 || cases > wellbeing || wellbeing > trust {
		t.Errorf("not ranked: cases (matters), then wellbeing (large, unclear), then trust (clear, small):\n%s", all)
	}
	if !strings.Contains(all, "This difference matters.") || !strings.Contains(all, "smaller than the smallest difference that matters here (0.05)") {
		t.Errorf("differences not judged:\n%s", all)
	}
	if !strings.Contains(all, "The smallest difference that matters: 0.05 on a scale of 0 to 1") {
		t.Errorf("the smallest effect that matters is not stated:\n%s", all)
	}
	if others := texts[len(texts)-3]; !strings.Contains(others, i18n.Metric(i18n.EN, "cross_ties")) || strings.Contains(others, i18n.Metric(i18n.EN, "legitimacy_external")) {
		t.Errorf("other outcomes that matter: %q", others)
	}
	if strings.Contains(all, "--reps") {
		t.Errorf("the answer names a command-line flag:\n%s", all)
	}
	matters := 0
	for _, l := range lines {
		if l.Matters {
			matters++
		}
	}
	if matters != 2 {
		t.Errorf("%d lines marked as mattering, want 2 (cases, and the other outcomes)", matters)
	}
}
