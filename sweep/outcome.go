package sweep

import (
	"math"

	"github.com/orgnet/orgnet/sim"
)

// Result is the record of one finished run.
type Result struct {
	RunID    int       // SampleID*Replications + Rep.
	SampleID int       // Sample of the design.
	Rep      int       // Replication, from 0.
	Seed     uint64    // sim.DeriveSeed(master seed, RunID).
	Outcomes []float64 // In Spec.Outcomes order; NaN when the run failed or a time_to threshold was never reached.
	Err      string    // Why the run failed; "" when it succeeded.
}

// Value computes the outcome of one run from its metrics, one row per tick
// (as sim.Result.Rows). time_to gives the first year at which the metric is
// at or above (or at or below) the threshold, and NaN if it never is.
// Undefined values of the metric (NaN) are left out of mean, max and min.
func (o Outcome) Value(rows [][sim.NumMetrics]float64) float64 {
	if len(rows) == 0 {
		return math.NaN()
	}
	m := o.Index
	switch o.Stat {
	case StatFinal:
		return rows[len(rows)-1][m]
	case StatMax, StatMin:
		// Undefined values (NaN) are left out; none at all gives NaN.
		x := math.NaN()
		for _, r := range rows {
			switch y := r[m]; {
			case math.IsNaN(y):
			case math.IsNaN(x), o.Stat == StatMax && y > x, o.Stat == StatMin && y < x:
				x = y
			}
		}
		return x
	case StatMean:
		sum, n := 0.0, 0
		const eps = 1e-9
		for _, r := range rows {
			y := r[sim.MYear]
			if y >= o.FromYear-eps && y <= o.ToYear+eps && !math.IsNaN(r[m]) {
				sum += r[m]
				n++
			}
		}
		if n == 0 {
			return math.NaN()
		}
		return sum / float64(n)
	case StatTimeTo:
		for _, r := range rows {
			if (o.Above && r[m] >= o.Threshold) || (!o.Above && r[m] <= o.Threshold) {
				return r[sim.MYear]
			}
		}
	}
	return math.NaN()
}
