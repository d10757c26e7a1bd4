package compare

import (
	"math"
	"strconv"
	"strings"

	"github.com/orgnet/orgnet/i18n"
	"github.com/orgnet/orgnet/sim"
)

// Sentences states the answer of a comparison in plain words, in language l:
// a sentence on the set-up, one per headline metric (how much B differs from
// A at the end, its 95% interval and whether the difference is clear at
// these replications), then the other outcomes that differ clearly.
func Sentences(r *Result, l i18n.Lang) []string {
	out := []string{i18n.Tf(l, "compare.s.intro", r.Reps, Years(l, r.A.Run.Years))}
	if r.Posterior != "" {
		out = append(out, i18n.Tf(l, "posterior.compare", r.Posterior, r.PosteriorParams))
	}
	anyUnclear := false
	for _, m := range Headline {
		d, ok := r.Diff(m)
		if !ok {
			continue
		}
		out = append(out, Sentence(d, r.Reps, l))
		anyUnclear = anyUnclear || (!d.Clear() && d.Diff != 0 && !math.IsNaN(d.Diff))
	}
	var others []string
	for _, d := range r.Difference {
		if isHeadline(d.Metric) || !d.Clear() {
			continue
		}
		others = append(others, i18n.Metric(l, d.Name())+" "+Signed(l, d.Diff, scale(d)))
	}
	if len(others) > 0 {
		out = append(out, i18n.Tf(l, "compare.s.others", strings.Join(others, ", ")))
	} else {
		out = append(out, i18n.T(l, "compare.s.others.none"))
	}
	if anyUnclear {
		out = append(out, i18n.T(l, "compare.s.more"))
	}
	return out
}

func isHeadline(m int) bool {
	for _, h := range Headline {
		if h == m {
			return true
		}
	}
	return false
}

// Sentence states one difference: its direction and size, its 95% interval
// and whether it is clear at reps replications.
func Sentence(d Difference, reps int, l i18n.Lang) string {
	name := d.Name()
	if math.IsNaN(d.Diff) {
		return i18n.Tf(l, "compare.s.undefined", capitalise(i18n.Metric(l, name)))
	}
	if d.Diff == 0 && (d.SD == 0 || math.IsNaN(d.SD)) {
		return i18n.Tf(l, "compare.s.same", capitalise(i18n.Metric(l, name)))
	}
	dir := "up"
	if d.Diff < 0 {
		dir = "down"
	}
	sc := scale(d)
	size := Number(l, math.Abs(d.Diff), decimals(sc))
	var s string
	if key := "compare.s." + name + "." + dir; i18n.Has(i18n.EN, key) {
		s = i18n.Tf(l, key, size)
	} else {
		s = i18n.Tf(l, "compare.s.generic."+dir, i18n.Metric(l, name), size)
	}
	if math.IsNaN(d.Low) {
		return s + i18n.T(l, "compare.s.single")
	}
	s += i18n.Tf(l, "compare.s.interval", Signed(l, d.Low, sc), Signed(l, d.High, sc))
	if d.N > 0 && d.N < reps {
		reps = d.N // The pairs where the metric is defined.
	}
	if d.Clear() {
		return s + i18n.Tf(l, "compare.s.clear", reps)
	}
	return s + i18n.Tf(l, "compare.s.unclear", reps)
}

// scale is the size that sets the precision of a difference's numbers: the
// larger of the difference and the half-width of its interval.
func scale(d Difference) float64 {
	s := math.Abs(d.Diff)
	if !math.IsNaN(d.High) {
		s = math.Max(s, (d.High-d.Low)/2)
	}
	return s
}

// decimals gives two significant digits of a number of size s (0 to 4
// decimals).
func decimals(s float64) int {
	if s <= 0 || math.IsNaN(s) || math.IsInf(s, 0) {
		return 2
	}
	return max(0, min(4, 1-int(math.Floor(math.Log10(s)))))
}

// Number formats x with the given decimals, with a decimal comma in Dutch.
func Number(l i18n.Lang, x float64, dec int) string {
	s := strconv.FormatFloat(x, 'f', dec, 64)
	if s == "-0" || strings.Trim(s, "-0.") == "" {
		s = strings.TrimPrefix(s, "-")
	}
	if l == i18n.NL {
		s = strings.ReplaceAll(s, ".", ",")
	}
	return s
}

// Years formats a run length without trailing zeros ("10", "2.5").
func Years(l i18n.Lang, y float64) string {
	s := strconv.FormatFloat(y, 'f', -1, 64)
	if l == i18n.NL {
		s = strings.ReplaceAll(s, ".", ",")
	}
	return s
}

// Signed formats x with an explicit sign (+ or −) at the precision for a
// difference of size scale.
func Signed(l i18n.Lang, x, scale float64) string {
	s := Number(l, math.Abs(x), decimals(scale))
	if strings.Trim(s, "0.,") == "" {
		return s
	}
	if x < 0 {
		return "−" + s
	}
	return "+" + s
}

func capitalise(s string) string {
	if s == "" {
		return s
	}
	r := []rune(s)
	return strings.ToUpper(string(r[0])) + string(r[1:])
}

// unitOf returns the unit of a metric as sim.Metrics gives it.
func unitOf(m int) string { return sim.Metrics[m].Unit }
