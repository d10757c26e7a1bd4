package calibrate

import (
	"fmt"
	"math"

	"github.com/orgnet/orgnet/calibrate/abc"
	"github.com/orgnet/orgnet/sim"
)

// runModel runs one simulation; tests may replace it.
var runModel = sim.Run

// Configure returns a copy of cfg with the calibrated parameters set to
// values (in Spec.Parameters order).
func (s *Spec) Configure(cfg *sim.Config, values []float64) (*sim.Config, error) {
	c := cfg.Clone()
	for i, p := range s.Parameters {
		if err := c.SetValue(p.Path, values[i]); err != nil {
			return nil, err
		}
	}
	return c, nil
}

// Simulate is the calibration's simulator: it runs every scenario
// Replications times with the parameter values, seeds derived from seed
// (scenario i, replication r: sim.DeriveSeed(seed, i*Replications+r)), and
// returns the targets' means over the replications as Stats and the
// distance: the root of the summed squared misses of the fitted targets in
// units of their scales. A parameter set failing a constraint, or one the
// model refuses, is at distance +Inf.
func (s *Spec) Simulate(values []float64, seed uint64) abc.Eval {
	tv := make([]float64, len(s.Targets))
	cl := make([]float64, len(s.Constraints))
	cr := make([]float64, len(s.Constraints))
	for si, sc := range s.Scenarios {
		cfg, err := s.Configure(sc.Config, values)
		if err != nil {
			return abc.Eval{Distance: math.Inf(1), Err: err.Error()}
		}
		for r := range s.Replications {
			res, err := runModel(cfg, sim.DeriveSeed(seed, si*s.Replications+r))
			if err != nil {
				return abc.Eval{Distance: math.Inf(1), Err: err.Error()}
			}
			for i, t := range s.Targets {
				if t.scenario == si {
					tv[i] += at(res.Rows, t.index, t.Year)
				}
			}
			for i, c := range s.Constraints {
				if c.scenario == si {
					cl[i] += at(res.Rows, c.left, c.Year)
					if c.Value == nil {
						cr[i] += at(res.Rows, c.right, c.Year)
					}
				}
			}
		}
	}
	n := float64(s.Replications)
	e := abc.Eval{Stats: tv}
	sum := 0.0
	for i, t := range s.Targets {
		tv[i] /= n
		if !t.HeldOut {
			d := (tv[i] - t.Value) / t.Scale
			sum += d * d
		}
	}
	e.Distance = math.Sqrt(sum)
	for i, c := range s.Constraints {
		right := cr[i] / n
		if c.Value != nil {
			right = *c.Value
		}
		if !holds(cl[i]/n, c.Op, right) {
			e.Distance = math.Inf(1)
			e.Err = fmt.Sprintf("constraint %q fails", c.Name)
			break
		}
	}
	if math.IsNaN(e.Distance) {
		e.Distance = math.Inf(1)
	}
	return e
}

func holds(l float64, op string, r float64) bool {
	switch op {
	case ">":
		return l > r
	case ">=":
		return l >= r
	case "<":
		return l < r
	case "<=":
		return l <= r
	}
	return false
}

// at sums metrics at year (the nearest tick, at most the last).
func at(rows [][sim.NumMetrics]float64, metrics []int, year float64) float64 {
	t := min(int(math.Round(year*sim.WeeksPerYear)), len(rows)-1)
	x := 0.0
	for _, m := range metrics {
		x += rows[t][m]
	}
	return x
}
