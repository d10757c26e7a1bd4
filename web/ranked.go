package web

import (
	"cmp"
	"math"
	"slices"
	"strings"

	"github.com/orgnet/orgnet/compare"
	"github.com/orgnet/orgnet/i18n"
	"github.com/orgnet/orgnet/sim"
)

// The dilemma's answer for a meeting: the differences ranked by how much
// they matter, each judged against the smallest effect that matters, which
// the answer states.

// Smallest effects that matter, by a metric's unit: a twentieth of a 0-1
// scale, half a point of wellbeing (0-10), and for counts and sums a
// twentieth of A's level (at least 1).
const (
	smallestShare    = 0.05
	smallestPoints   = 0.5
	smallestRelative = 0.05
)

// smallest is the smallest difference in a metric that matters.
func smallest(d compare.Difference) float64 {
	switch sim.Metrics[d.Metric].Unit {
	case "0-1":
		return smallestShare
	case "0-10":
		return smallestPoints
	}
	return max(1, smallestRelative*math.Abs(d.MeanA))
}

// answerLine is one sentence of the answer; Matters marks a difference that
// is clear and at least the smallest effect that matters.
type answerLine struct {
	Text    string `json:"text"`
	Matters bool   `json:"matters"`
}

// rankedAnswer states the comparison in sentences: the set-up; the headline
// outcomes, those whose difference matters first, then by their difference
// in units of the smallest effect that matters, each judged; the other outcomes whose difference matters; and
// what counts as mattering.
func rankedAnswer(r *compare.Result, l i18n.Lang) []answerLine {
	out := []answerLine{{Text: i18n.Tf(l, "compare.s.intro", r.Reps, compare.Years(l, r.A.Run.Years))}}
	type ranked struct {
		d    compare.Difference
		size float64 // |difference| in units of the smallest that matters.
	}
	var head, others []ranked
	for _, d := range r.Difference {
		x := ranked{d, math.Abs(d.Diff) / smallest(d)}
		if slices.Contains(compare.Headline, d.Metric) {
			head = append(head, x)
		} else if d.Clear() && x.size >= 1 {
			others = append(others, x)
		}
	}
	// Differences that matter first (clear, and at least the smallest
	// effect that matters), then by size.
	mattersFirst := func(a, b ranked) int {
		ma, mb := a.d.Clear() && a.size >= 1, b.d.Clear() && b.size >= 1
		if ma != mb {
			if ma {
				return -1
			}
			return 1
		}
		return cmp.Compare(b.size, a.size)
	}
	bySize := func(a, b ranked) int { return cmp.Compare(b.size, a.size) }
	slices.SortStableFunc(head, mattersFirst)
	slices.SortStableFunc(others, bySize)
	unclear := false
	for _, x := range head {
		s := compare.Sentence(x.d, r.Reps, l)
		matters := x.d.Clear() && x.size >= 1
		switch {
		case x.d.Diff == 0, math.IsNaN(x.d.Diff):
		case matters:
			s += " " + i18n.T(l, "web.answer.matters")
		case x.d.Clear():
			s += " " + i18n.Tf(l, "web.answer.small", compare.Number(l, smallest(x.d), 2))
		default:
			unclear = true
		}
		out = append(out, answerLine{Text: s, Matters: matters})
	}
	if len(others) > 0 {
		var names []string
		for _, x := range others {
			names = append(names, i18n.Metric(l, x.d.Name())+" "+compare.Signed(l, x.d.Diff, math.Abs(x.d.Diff)))
		}
		out = append(out, answerLine{Text: i18n.Tf(l, "web.answer.others", strings.Join(names, ", ")), Matters: true})
	}
	out = append(out, answerLine{Text: i18n.Tf(l, "web.answer.smallest", compare.Number(l, smallestShare, 2), compare.Number(l, smallestPoints, 1), compare.Number(l, 100*smallestRelative, 0))})
	if unclear {
		out = append(out, answerLine{Text: i18n.T(l, "web.answer.more")})
	}
	return out
}
