package sweep

import (
	"context"
	"fmt"
	"math"
	"math/rand/v2"

	"github.com/orgnet/orgnet/sim"
	"gonum.org/v1/gonum/mat"
	"gonum.org/v1/gonum/stat/distmv"
	"gonum.org/v1/gonum/stat/samplemv"
)

// Sample groups: where a sample sits in a Sobol or Morris design.
const (
	GroupA      = "A"      // Sobol: row Row of matrix A.
	GroupB      = "B"      // Sobol: row Row of matrix B.
	GroupAB     = "AB"     // Sobol: row Row of A with column Param taken from B (AB_i, i = Param).
	GroupMorris = "morris" // Morris: step Step of trajectory Row.
)

// Sample is one point of a design: one setting of the varied parameters.
//
// The layout of each method, for estimators (k = len(Spec.Parameters)):
//
//   - grid, random, lhs: Group "", Row = ID, Param = -1, Step = 0.
//     A grid is the full factorial in file order, the first parameter
//     varying slowest.
//   - sobol (Saltelli 2010), N = Spec.Samples base rows, N*(k+2) samples:
//     ID = Row*(k+2) + 0 is A_Row (Group "A"), ID = Row*(k+2) + 1 is B_Row
//     (Group "B"), ID = Row*(k+2) + 2 + i is AB_i of row Row (Group "AB",
//     Param = i): A_Row with parameter i's coordinate taken from B_Row.
//     A and B are the two halves of a 2k-dimensional scrambled (Owen)
//     Halton sequence seeded from the master seed.
//   - morris (Morris 1991, with Campolongo et al. 2007's mu* in mind),
//     r = Spec.Samples trajectories of k+1 points on a Spec.Levels-level
//     grid of the unit cube, r*(k+1) samples: ID = Row*(k+1) + Step with
//     Row the trajectory and Step 0..k. Step 0 is the trajectory's start
//     (Param = -1); step s > 0 differs from step s-1 in parameter Param
//     only, by +Delta or -Delta in Unit coordinates (Delta =
//     MorrisDelta(levels)). The elementary effect of parameter Param is
//     (y[s] - y[s-1]) / (Unit[s][Param] - Unit[s-1][Param]).
//
// Unit holds the point's coordinates in the unit cube; Values the parameter
// values the runs use, mapped from Unit: a range linearly (or on a log scale)
// from min to max, a values list by position (u in [j/n, (j+1)/n) gives value
// j, u = 1 the last), integers rounded. Choices are given by their index,
// booleans as 0 or 1.
type Sample struct {
	ID     int       // Position in the design, from 0; run ids are ID*replications + rep.
	Unit   []float64 // Coordinates in [0,1], one per parameter, in Spec.Parameters order.
	Values []float64 // Parameter values, in Spec.Parameters order.
	Group  string    // "" (grid, random, lhs), GroupA, GroupB, GroupAB or GroupMorris.
	Row    int       // Sobol base row or Morris trajectory; ID otherwise.
	Param  int       // Sobol AB_i: i; Morris: parameter changed at this step; -1 otherwise.
	Step   int       // Morris: step within the trajectory (0..k); 0 otherwise.
}

// MorrisDelta is the step of a Morris design on a p-level grid, p/(2(p-1)),
// in unit coordinates.
func MorrisDelta(levels int) float64 { return float64(levels) / (2 * float64(levels-1)) }

// maxSamples is the most samples a design may have.
const maxSamples = 50_000_000

// DesignSize returns the number of samples of a sweep's design without
// building it, and refuses a design of more than maxSamples.
func DesignSize(s *Spec) (int, error) {
	k := len(s.Parameters)
	if k == 0 {
		return 0, fmt.Errorf("no parameters")
	}
	n := 0
	switch s.Method {
	case Grid:
		n = 1
		for _, p := range s.Parameters {
			size := s.Samples
			if p.Values != nil {
				size = len(p.Values)
			}
			n *= size
			if n > maxSamples {
				return 0, fmt.Errorf("the grid has more than %d points", maxSamples)
			}
		}
		return n, nil
	case Random, LHS:
		n = s.Samples
		if s.Method == LHS && s.Samples > maxSamples/k {
			return 0, fmt.Errorf("more than %d samples", maxSamples/k)
		}
	case Sobol:
		if s.Samples > maxSamples/(k+2) {
			return 0, fmt.Errorf("more than %d samples", maxSamples)
		}
		n = s.Samples * (k + 2)
	case Morris:
		if s.Samples > maxSamples/(k+1) {
			return 0, fmt.Errorf("more than %d samples", maxSamples)
		}
		n = s.Samples * (k + 1)
	default:
		return 0, fmt.Errorf("unknown method %q", s.Method)
	}
	if n > maxSamples {
		return 0, fmt.Errorf("more than %d samples", maxSamples)
	}
	return n, nil
}

// DesignBytes estimates the memory a design of n samples of k parameters
// takes while a sweep runs (the samples, their unit coordinates and values).
func DesignBytes(n, k int) int64 { return int64(n) * int64(160+24*k) }

// Design returns the samples of a sweep, in ID order. It depends only on the
// spec (including its master seed): the same spec gives the same design.
func Design(s *Spec) ([]Sample, error) { return DesignContext(context.Background(), s) }

// DesignContext is Design that stops, returning ctx's error, when ctx is
// cancelled: a design of millions of samples takes seconds to build.
func DesignContext(ctx context.Context, s *Spec) ([]Sample, error) {
	if _, err := DesignSize(s); err != nil {
		return nil, err
	}
	k := len(s.Parameters)
	if k == 0 {
		return nil, fmt.Errorf("no parameters")
	}
	var out []Sample
	plain := func(u []float64) {
		out = append(out, Sample{ID: len(out), Unit: u, Group: "", Row: len(out), Param: -1})
	}
	// stopped checks ctx every 4096 samples.
	stopped := func(j int) bool { return j&4095 == 0 && ctx.Err() != nil }
	src := rand.NewPCG(sim.SplitMix64(s.Seed^0x646573696e), 0x7377656570) // "design", "sweep"
	rng := rand.New(src)
	switch s.Method {
	case Grid:
		sizes := make([]int, k)
		n := 1
		for i, p := range s.Parameters {
			sizes[i] = s.Samples
			if p.Values != nil {
				sizes[i] = len(p.Values)
			}
			n *= sizes[i]
			if n > maxSamples {
				return nil, fmt.Errorf("the grid has more than %d points", maxSamples)
			}
		}
		idx := make([]int, k)
		for j := range n {
			if stopped(j) {
				return nil, ctx.Err()
			}
			u := make([]float64, k)
			for i := range k {
				if s.Parameters[i].Values != nil {
					u[i] = (float64(idx[i]) + 0.5) / float64(sizes[i])
				} else {
					u[i] = float64(idx[i]) / float64(sizes[i]-1)
				}
			}
			plain(u)
			for i := k - 1; i >= 0; i-- {
				idx[i]++
				if idx[i] < sizes[i] {
					break
				}
				idx[i] = 0
			}
		}
	case Random:
		if s.Samples > maxSamples {
			return nil, fmt.Errorf("more than %d samples", maxSamples)
		}
		for j := range s.Samples {
			if stopped(j) {
				return nil, ctx.Err()
			}
			u := make([]float64, k)
			for i := range u {
				u[i] = rng.Float64()
			}
			plain(u)
		}
	case LHS:
		if s.Samples > maxSamples/k {
			return nil, fmt.Errorf("more than %d samples", maxSamples/k)
		}
		m := mat.NewDense(s.Samples, k, nil)
		samplemv.LatinHypercube{Q: distmv.NewUnitUniform(k, src), Src: src}.Sample(m)
		for j := range s.Samples {
			plain(append([]float64(nil), m.RawRowView(j)...))
		}
	case Sobol:
		if s.Samples > maxSamples/(k+2) {
			return nil, fmt.Errorf("more than %d samples", maxSamples)
		}
		m := mat.NewDense(s.Samples, 2*k, nil)
		samplemv.Halton{Kind: samplemv.Owen, Q: distmv.NewUnitUniform(2*k, src), Src: src}.Sample(m)
		for j := range s.Samples {
			if stopped(j) {
				return nil, ctx.Err()
			}
			row := m.RawRowView(j)
			a, b := row[:k], row[k:]
			out = append(out, Sample{ID: len(out), Unit: append([]float64(nil), a...), Group: GroupA, Row: j, Param: -1})
			out = append(out, Sample{ID: len(out), Unit: append([]float64(nil), b...), Group: GroupB, Row: j, Param: -1})
			for i := range k {
				u := append([]float64(nil), a...)
				u[i] = b[i]
				out = append(out, Sample{ID: len(out), Unit: u, Group: GroupAB, Row: j, Param: i})
			}
		}
	case Morris:
		if s.Samples > maxSamples/(k+1) {
			return nil, fmt.Errorf("more than %d samples", maxSamples)
		}
		p := s.Levels
		half := p / 2 // Delta is p/2 grid steps.
		for t := range s.Samples {
			if stopped(t) {
				return nil, ctx.Err()
			}
			lv := make([]int, k)
			for i := range lv {
				lv[i] = rng.IntN(p)
			}
			unit := func() []float64 {
				u := make([]float64, k)
				for i, l := range lv {
					u[i] = float64(l) / float64(p-1)
				}
				return u
			}
			out = append(out, Sample{ID: len(out), Unit: unit(), Group: GroupMorris, Row: t, Param: -1})
			for st, i := range rng.Perm(k) {
				if lv[i] < half {
					lv[i] += half
				} else {
					lv[i] -= half
				}
				out = append(out, Sample{ID: len(out), Unit: unit(), Group: GroupMorris, Row: t, Param: i, Step: st + 1})
			}
		}
	default:
		return nil, fmt.Errorf("unknown method %q", s.Method)
	}
	for j := range out {
		if stopped(j) {
			return nil, ctx.Err()
		}
		v := make([]float64, k)
		for i, p := range s.Parameters {
			v[i] = p.value(out[j].Unit[i])
		}
		out[j].Values = v
	}
	return out, nil
}

// value maps a unit coordinate to the parameter's value.
func (p Parameter) value(u float64) float64 {
	u = math.Min(math.Max(u, 0), 1)
	if p.Values != nil {
		j := min(int(u*float64(len(p.Values))), len(p.Values)-1)
		return p.Values[j]
	}
	var x float64
	if p.Log {
		x = math.Exp(math.Log(p.Min) + u*(math.Log(p.Max)-math.Log(p.Min)))
	} else {
		x = p.Min + u*(p.Max-p.Min)
	}
	x = math.Min(math.Max(x, p.Min), p.Max)
	if p.Kind == sim.Int {
		x = math.Round(x)
	}
	return x
}
