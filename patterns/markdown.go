package patterns

import (
	"fmt"
	"io"
	"strings"
)

// WriteMarkdown writes the suite's definitions as Markdown tables, one per
// kind: each statement with its claim and source, the statistic, the
// threshold, the mechanism named for it and its ablation, and the known
// failures of the current model. docs/PATTERNS.md is this text for Suite().
func WriteMarkdown(w io.Writer, ps []Pattern) error {
	var b strings.Builder
	b.WriteString("# The pattern suite\n\n")
	b.WriteString("<!-- Generated from patterns/suite.go by `go test ./patterns -run Doc -update`; do not edit. -->\n\n")
	b.WriteString("Each statement runs its arms on the same seeds (paired) and judges the mean of its statistic\n")
	b.WriteString("by its 95% interval. A validation pattern holds when the interval lies at or above the smallest\n")
	b.WriteString("effect that matters (or inside the band the case study gives) and must fail when the mechanism\n")
	b.WriteString("named for it is switched off (its ablation, applied to every arm). Hypotheses are reported with\n")
	b.WriteString("their result; calibration targets and the held-out figure are compared with the model.\n")
	b.WriteString("`orgnet patterns` runs the suite; `go test ./sim -run Pattern -v` prints every result.\n")
	for _, k := range Kinds {
		var rows []*Pattern
		for i := range ps {
			if ps[i].Kind == k {
				rows = append(rows, &ps[i])
			}
		}
		if len(rows) == 0 {
			continue
		}
		fmt.Fprintf(&b, "\n## %s\n\n", kindTitle(k))
		b.WriteString("| Pattern | Claim (source) | Presets | Statistic | Threshold | Mechanism | Ablation |\n")
		b.WriteString("|---|---|---|---|---|---|---|\n")
		var known []string
		for _, p := range rows {
			abl := "—"
			if len(p.Ablation) > 0 {
				abl = "`" + strings.Join(p.Ablation, "` `") + "`"
			}
			fmt.Fprintf(&b, "| `%s` | %s (%s) | %s | %s [%s] | %s: %s | %s | %s |\n",
				p.ID, cell(p.Claim), cell(p.Source), strings.Join(p.Home, ", "), cell(p.Statistic.Text), cell(p.Statistic.Unit),
				cell(p.Test.Text()), cell(p.Test.Effect), cell(orNone(p.Mechanism)), abl)
			if p.Known != "" {
				known = append(known, fmt.Sprintf("- `%s`: %s\n", p.ID, p.Known))
			}
		}
		if len(known) > 0 {
			b.WriteString("\nKnown failures of the current model (reported as such, not hidden):\n\n")
			b.WriteString(strings.Join(known, ""))
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// kindTitle is a kind's section title.
func kindTitle(k Kind) string {
	switch k {
	case Validation:
		return "Validation patterns"
	case Hypothesis:
		return "Hypotheses"
	case Calibration:
		return "Calibration targets"
	case HeldOut:
		return "Held-out figure"
	}
	return string(k)
}

// cell makes text fit a Markdown table cell.
func cell(s string) string {
	return strings.NewReplacer("|", "\\|", "\n", " ").Replace(s)
}
