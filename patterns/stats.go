package patterns

import (
	"math"
	"slices"

	"gonum.org/v1/gonum/stat"
	"gonum.org/v1/gonum/stat/distuv"

	"github.com/orgnet/orgnet/ensemble"
	"github.com/orgnet/orgnet/sim"
)

// Building blocks of the statistics. Each reads metrics by name, so that a
// definition names what it measures in the words of the results files.

// window is the number of weekly rows a value "at a year" averages over: a
// quarter, to smooth weekly noise.
const window = 13

// col returns the column of a metric. Run checks every statistic's metrics
// before it evaluates one, so a missing name here is a bug of the suite.
func col(name string) int {
	c := sim.MetricIndex(name)
	if c < 0 {
		panic("patterns: unknown metric " + name)
	}
	return c
}

// tickOf converts a year to a row index of r, clamped to the run.
func tickOf(r Series, year float64) int {
	return max(0, min(int(math.Round(year*sim.WeeksPerYear)), len(r)-1))
}

// At is a metric at a year: its mean over the quarter that ends then.
func At(r Series, metric string, year float64) float64 {
	c := col(metric)
	end := tickOf(r, year)
	lo := max(0, end-window+1)
	s := 0.0
	for i := lo; i <= end; i++ {
		s += r[i][c]
	}
	return s / float64(end-lo+1)
}

// Grown is how much a cumulative metric grew between two years (e.g. the
// cases solved in years 2 to 8), from the rows at those years.
func Grown(r Series, metric string, from, to float64) float64 {
	c := col(metric)
	return r[tickOf(r, to)][c] - r[tickOf(r, from)][c]
}

// Relative is (a-b)/|b|, NaN when b is 0.
func Relative(a, b float64) float64 {
	if b == 0 {
		return math.NaN()
	}
	return (a - b) / math.Abs(b)
}

// Year is the last year of a run.
func Year(r Series) float64 { return float64(len(r)-1) / sim.WeeksPerYear }

// HalfTime is the weeks after tick `from` until the gap between a run
// without a disturbance (calm) and one with it (hit), in a metric, has
// closed to half its largest size in the first `settle` weeks. A gap that
// never halves gives the weeks to the end of the run (censored).
func HalfTime(calm, hit Series, metric string, from, settle int) float64 {
	c := col(metric)
	n := min(len(calm), len(hit))
	if from >= n {
		return math.NaN()
	}
	peak, at := 0.0, from
	for t := from; t < min(n, from+settle+1); t++ {
		if g := calm[t][c] - hit[t][c]; g > peak {
			peak, at = g, t
		}
	}
	if peak <= 0 {
		return 0
	}
	for t := at; t < n; t++ {
		if calm[t][c]-hit[t][c] <= peak/2 {
			return float64(t - from)
		}
	}
	return float64(n - 1 - from)
}

// Recovered is the share of a dip that has come back: with a metric's level
// before a shock (pre), at its lowest (low) and later (after), it is
// (after-low)/(pre-low); NaN if there was no dip.
func Recovered(pre, low, after float64) float64 {
	if pre-low <= 0 {
		return math.NaN()
	}
	return (after - low) / (pre - low)
}

// Lowest is a metric's smallest quarterly mean (see At) between two years.
func Lowest(r Series, metric string, from, to float64) float64 {
	low := math.Inf(1)
	for t := tickOf(r, from); t <= tickOf(r, to); t++ {
		low = math.Min(low, At(r, metric, float64(t)/sim.WeeksPerYear))
	}
	return low
}

// Carries returns how far a curve over a grid of arms (xs ascending) holds
// up: the x beyond its best point at which y first falls below frac of the
// best y, interpolated linearly between grid points; the last x if it never
// does. It is where more (partners, say) stops paying.
func Carries(xs, ys []float64, frac float64) float64 {
	best := 0
	for i := range ys {
		if ys[i] > ys[best] {
			best = i
		}
	}
	floor := frac * ys[best]
	for i := best + 1; i < len(ys); i++ {
		if ys[i] < floor {
			return xs[i-1] + (xs[i]-xs[i-1])*(ys[i-1]-floor)/(ys[i-1]-ys[i])
		}
	}
	return xs[len(xs)-1]
}

// HumpHeight measures an inverted U over a grid of arms: how far the best
// inner point lies above the higher of the two ends, relative to it. It is
// negative when an end is best.
func HumpHeight(ys []float64) float64 {
	if len(ys) < 3 {
		return math.NaN()
	}
	inner := math.Inf(-1)
	for _, y := range ys[1 : len(ys)-1] {
		inner = math.Max(inner, y)
	}
	return Relative(inner, math.Max(ys[0], ys[len(ys)-1]))
}

// notNaN returns the values of xs that are not NaN.
func notNaN(xs []float64) []float64 {
	var v []float64
	for _, x := range xs {
		if !math.IsNaN(x) {
			v = append(v, x)
		}
	}
	return v
}

// Interval returns the mean of xs and its 95% t interval, ignoring NaN
// values; with fewer than two values the interval is NaN.
func Interval(xs []float64) (mean, lo, hi float64) {
	v := notNaN(xs)
	if len(v) == 0 {
		return math.NaN(), math.NaN(), math.NaN()
	}
	if len(v) == 1 {
		return v[0], math.NaN(), math.NaN()
	}
	m, sd := stat.MeanStdDev(v, nil)
	n := float64(len(v))
	q := distuv.StudentsT{Mu: 0, Sigma: 1, Nu: n - 1}.Quantile(0.975)
	half := q * sd / math.Sqrt(n)
	return m, m - half, m + half
}

// sd is the standard deviation of xs, ignoring NaN values (NaN with fewer
// than two).
func sd(xs []float64) float64 {
	v := notNaN(xs)
	if len(v) < 2 {
		return math.NaN()
	}
	return stat.StdDev(v, nil)
}

// Spread returns the 5th and 95th percentiles of xs (NaN values ignored):
// where single runs fall.
func Spread(xs []float64) (p05, p95 float64) {
	v := notNaN(xs)
	if len(v) == 0 {
		return math.NaN(), math.NaN()
	}
	slices.Sort(v)
	return ensemble.Quantile(v, 0.05), ensemble.Quantile(v, 0.95)
}
