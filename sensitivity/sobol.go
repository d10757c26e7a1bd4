package sensitivity

import (
	"fmt"
	"math"
	"math/rand/v2"
)

// SobolIndex holds the first-order and total Sobol indices of one parameter
// with bootstrap 95% intervals (NaN where they cannot be estimated, e.g. an
// outcome that never varies).
type SobolIndex struct {
	S1, S1Low, S1High float64 // First order: share of variance due to the parameter alone.
	ST, STLow, STHigh float64 // Total: share due to the parameter with all its interactions.
}

// Sobol estimates first-order indices with the estimator of Saltelli et al.
// (2010), S_i = mean((f(B) − m)·(f(AB_i) − f(A))) / V (with m the mean of
// f(A) and f(B); see sobolEstimate), and total indices with that
// of Jansen (1999), ST_i = mean((f(A) − f(AB_i))²) / 2V, where V is the
// variance of f(A) and f(B) together. yA and yB are the outcomes on the N rows
// of the matrices A and B; yAB[i] those on AB_i, which is A with column i
// taken from B. A row with a NaN anywhere (a failed run) is left out of every
// index. boot bootstrap resamples of the rows (0 for none), from a generator
// seeded with seed, give percentile 95% intervals.
func Sobol(yA, yB []float64, yAB [][]float64, boot int, seed uint64) ([]SobolIndex, error) {
	n := len(yA)
	if n == 0 {
		return nil, fmt.Errorf("sobol: no rows")
	}
	if len(yB) != n {
		return nil, fmt.Errorf("sobol: A has %d rows but B has %d", n, len(yB))
	}
	if len(yAB) == 0 {
		return nil, fmt.Errorf("sobol: no AB matrices")
	}
	for i, y := range yAB {
		if len(y) != n {
			return nil, fmt.Errorf("sobol: A has %d rows but AB_%d has %d", n, i, len(y))
		}
	}
	// Keep the rows where every run succeeded.
	var rows []int
	for j := range n {
		ok := !math.IsNaN(yA[j]) && !math.IsNaN(yB[j])
		for _, y := range yAB {
			ok = ok && !math.IsNaN(y[j])
		}
		if ok {
			rows = append(rows, j)
		}
	}
	k := len(yAB)
	out := make([]SobolIndex, k)
	s1, st := make([]float64, k), make([]float64, k)
	sobolEstimate(yA, yB, yAB, rows, s1, st)
	for i := range out {
		out[i] = SobolIndex{S1: s1[i], ST: st[i], S1Low: math.NaN(), S1High: math.NaN(), STLow: math.NaN(), STHigh: math.NaN()}
	}
	if boot <= 0 || len(rows) < 2 {
		return out, nil
	}
	rng := rand.New(rand.NewPCG(seed, 0x736f626f6c))
	bs1 := make([][]float64, k)
	bst := make([][]float64, k)
	for i := range k {
		bs1[i] = make([]float64, boot)
		bst[i] = make([]float64, boot)
	}
	sample := make([]int, len(rows))
	for b := range boot {
		for j := range sample {
			sample[j] = rows[rng.IntN(len(rows))]
		}
		sobolEstimate(yA, yB, yAB, sample, s1, st)
		for i := range k {
			bs1[i][b], bst[i][b] = s1[i], st[i]
		}
	}
	for i := range out {
		out[i].S1Low, out[i].S1High = percentileInterval(bs1[i])
		out[i].STLow, out[i].STHigh = percentileInterval(bst[i])
	}
	return out, nil
}

// sobolEstimate fills s1 and st from the rows listed (with repeats, for the
// bootstrap). The variance is the population variance of yA and yB together.
// f(B) is centred on the mean of f(A) and f(B) in the first-order estimator:
// the expectation is unchanged (f(AB_i) − f(A) has mean zero) and the
// variance of the estimate is much smaller when the outcome's mean is large
// against its spread.
func sobolEstimate(yA, yB []float64, yAB [][]float64, rows []int, s1, st []float64) {
	m := float64(len(rows))
	var sum float64
	for _, j := range rows {
		sum += yA[j] + yB[j]
	}
	mean := sum / (2 * m)
	var v float64
	for _, j := range rows {
		a, b := yA[j]-mean, yB[j]-mean
		v += a*a + b*b
	}
	v /= 2 * m
	for i, y := range yAB {
		if len(rows) == 0 || v <= 0 {
			s1[i], st[i] = math.NaN(), math.NaN()
			continue
		}
		var f, t float64
		for _, j := range rows {
			f += (yB[j] - mean) * (y[j] - yA[j])
			d := yA[j] - y[j]
			t += d * d
		}
		s1[i] = f / m / v
		st[i] = t / (2 * m) / v
	}
}
