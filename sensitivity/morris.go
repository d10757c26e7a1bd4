// Package sensitivity computes global sensitivity indices of a model's
// outcomes to its parameters: the elementary effects of Morris (1991) with the
// mu* of Campolongo et al. (2007), and Sobol first-order and total indices from
// a Saltelli design, with the estimators of Saltelli et al. (2010) and Jansen
// (1999) and bootstrap 95% intervals.
//
// The estimators are pure numerics on slices; Analyse reads a sweep folder
// (runs.csv and sweep.json), computes the indices for every outcome and writes
// sensitivity.csv and plots next to them.
package sensitivity

import (
	"fmt"
	"math"
	"math/rand/v2"
	"slices"

	"gonum.org/v1/gonum/stat"
)

// MorrisIndex holds the summary of the elementary effects of one parameter.
// Effects are measured per unit of the parameter's scaled range [0, 1], so
// for y = c·x with x on [lo, hi], mu* = |c|·(hi−lo).
type MorrisIndex struct {
	Mu     float64 // Mean elementary effect (signed; effects of opposite sign cancel).
	MuStar float64 // Mean absolute elementary effect: the overall importance.
	Sigma  float64 // Standard deviation of the effects: interactions and non-linearity.
	// MuStarLow and MuStarHigh bound a bootstrap 95% interval for MuStar
	// (resampling the effects); NaN when fewer than two effects are known.
	MuStarLow, MuStarHigh float64
	N                     int // Number of effects (trajectories where both runs succeeded).
}

// Morris computes elementary effects from trajectories. x holds points in unit
// scale, one row per point, r trajectories of k+1 consecutive rows each, where
// k = len(x[0]); from one row to the next exactly one factor changes. y holds
// the outcome at each point; a NaN (a failed run) drops the effects it takes
// part in. boot resamples give the interval on mu* (0 for none), drawn from a
// generator seeded with seed, so the result is deterministic.
func Morris(x [][]float64, y []float64, boot int, seed uint64) ([]MorrisIndex, error) {
	if len(x) == 0 {
		return nil, fmt.Errorf("morris: no points")
	}
	if len(x) != len(y) {
		return nil, fmt.Errorf("morris: %d points but %d outcomes", len(x), len(y))
	}
	k := len(x[0])
	if k == 0 {
		return nil, fmt.Errorf("morris: points have no factors")
	}
	if len(x)%(k+1) != 0 {
		return nil, fmt.Errorf("morris: %d points is not a whole number of trajectories of %d points", len(x), k+1)
	}
	effects := make([][]float64, k)
	for t := 0; t < len(x); t += k + 1 {
		for j := t; j < t+k; j++ {
			if len(x[j]) != k || len(x[j+1]) != k {
				return nil, fmt.Errorf("morris: point %d or %d does not have %d factors", j, j+1, k)
			}
			i, delta, err := changed(x[j], x[j+1])
			if err != nil {
				return nil, fmt.Errorf("morris: trajectory %d, step %d: %w", t/(k+1), j-t, err)
			}
			if math.IsNaN(y[j]) || math.IsNaN(y[j+1]) {
				continue
			}
			effects[i] = append(effects[i], (y[j+1]-y[j])/delta)
		}
	}
	rng := rand.New(rand.NewPCG(seed, 0x6d6f72726973))
	out := make([]MorrisIndex, k)
	for i, ee := range effects {
		out[i] = summariseEffects(ee, boot, rng)
	}
	return out, nil
}

// changed returns the one factor that differs between a and b and the step.
func changed(a, b []float64) (int, float64, error) {
	const tol = 1e-12
	which := -1
	for i := range a {
		if math.Abs(b[i]-a[i]) > tol {
			if which >= 0 {
				return 0, 0, fmt.Errorf("factors %d and %d both change", which, i)
			}
			which = i
		}
	}
	if which < 0 {
		return 0, 0, fmt.Errorf("no factor changes")
	}
	return which, b[which] - a[which], nil
}

func summariseEffects(ee []float64, boot int, rng *rand.Rand) MorrisIndex {
	r := MorrisIndex{N: len(ee), Mu: math.NaN(), MuStar: math.NaN(), Sigma: math.NaN(),
		MuStarLow: math.NaN(), MuStarHigh: math.NaN()}
	if len(ee) == 0 {
		return r
	}
	abs := make([]float64, len(ee))
	for i, e := range ee {
		abs[i] = math.Abs(e)
	}
	r.Mu = stat.Mean(ee, nil)
	r.MuStar = stat.Mean(abs, nil)
	if len(ee) > 1 {
		r.Sigma = stat.StdDev(ee, nil)
	}
	if boot > 0 && len(ee) > 1 {
		stats := make([]float64, boot)
		for b := range stats {
			s := 0.0
			for range abs {
				s += abs[rng.IntN(len(abs))]
			}
			stats[b] = s / float64(len(abs))
		}
		r.MuStarLow, r.MuStarHigh = percentileInterval(stats)
	}
	return r
}

// percentileInterval returns the 2.5% and 97.5% quantiles of xs (sorted in place).
func percentileInterval(xs []float64) (lo, hi float64) {
	clean := xs[:0]
	for _, x := range xs {
		if !math.IsNaN(x) {
			clean = append(clean, x)
		}
	}
	if len(clean) == 0 {
		return math.NaN(), math.NaN()
	}
	slices.Sort(clean)
	return stat.Quantile(0.025, stat.LinInterp, clean, nil), stat.Quantile(0.975, stat.LinInterp, clean, nil)
}
