package abc

import (
	"fmt"
	"math"
	"math/rand/v2"

	"gonum.org/v1/gonum/stat/distuv"
)

// Prior kinds.
const (
	Uniform    = "uniform"     // Uniform on [Min, Max].
	LogUniform = "loguniform"  // Uniform in log on [Min, Max], Min > 0.
	Normal     = "normal"      // Normal(Mean, SD), unbounded.
	TruncNorm  = "truncnormal" // Normal(Mean, SD) truncated to [Min, Max].
)

// Kinds lists the prior kinds.
var Kinds = []string{Uniform, LogUniform, Normal, TruncNorm}

// Prior is the prior of one parameter. The algorithm works in an internal
// coordinate u: the value itself, except for a log-uniform prior, whose
// internal coordinate is log(value) (so perturbations are relative and the
// prior is flat). Densities are densities of u.
type Prior struct {
	Kind     string  `json:"kind"`
	Min, Max float64 `json:"-"` // Support (Uniform, LogUniform, TruncNorm).
	Mean, SD float64 `json:"-"` // Normal, TruncNorm.
}

// Check reports a prior whose settings make no distribution.
func (p Prior) Check() error {
	switch p.Kind {
	case Uniform, LogUniform:
		if !(p.Min < p.Max) {
			return fmt.Errorf("min %v must be below max %v", p.Min, p.Max)
		}
		if p.Kind == LogUniform && p.Min <= 0 {
			return fmt.Errorf("a log-uniform prior needs min > 0, not %v", p.Min)
		}
	case Normal, TruncNorm:
		if !(p.SD > 0) || math.IsInf(p.SD, 0) || math.IsNaN(p.Mean) || math.IsInf(p.Mean, 0) {
			return fmt.Errorf("needs a finite mean and sd > 0 (mean %v, sd %v)", p.Mean, p.SD)
		}
		if p.Kind == TruncNorm {
			if !(p.Min < p.Max) {
				return fmt.Errorf("min %v must be below max %v", p.Min, p.Max)
			}
			if p.mass() < 1e-12 {
				return fmt.Errorf("[%v, %v] holds almost none of normal(%v, %v)", p.Min, p.Max, p.Mean, p.SD)
			}
		}
	default:
		return fmt.Errorf("unknown prior %q", p.Kind)
	}
	return nil
}

func (p Prior) std() distuv.Normal { return distuv.Normal{Mu: p.Mean, Sigma: p.SD} }

// mass is the normal mass inside [Min, Max] of a truncated normal.
func (p Prior) mass() float64 { n := p.std(); return n.CDF(p.Max) - n.CDF(p.Min) }

// Sample draws an internal coordinate from the prior.
func (p Prior) Sample(r *rand.Rand) float64 {
	switch p.Kind {
	case Uniform:
		return p.Min + r.Float64()*(p.Max-p.Min)
	case LogUniform:
		lo, hi := math.Log(p.Min), math.Log(p.Max)
		return lo + r.Float64()*(hi-lo)
	case Normal:
		return p.Mean + p.SD*r.NormFloat64()
	case TruncNorm:
		// Inverse CDF: exact, and one uniform per draw whatever the bounds.
		n := p.std()
		a, b := n.CDF(p.Min), n.CDF(p.Max)
		x := n.Quantile(a + r.Float64()*(b-a))
		return math.Min(math.Max(x, p.Min), p.Max)
	}
	panic("abc: unknown prior " + p.Kind)
}

// LogPDF is the log density of internal coordinate u (-Inf outside the
// support).
func (p Prior) LogPDF(u float64) float64 {
	switch p.Kind {
	case Uniform:
		if u < p.Min || u > p.Max {
			return math.Inf(-1)
		}
		return -math.Log(p.Max - p.Min)
	case LogUniform:
		lo, hi := math.Log(p.Min), math.Log(p.Max)
		if u < lo || u > hi {
			return math.Inf(-1)
		}
		return -math.Log(hi - lo)
	case Normal:
		return p.std().LogProb(u)
	case TruncNorm:
		if u < p.Min || u > p.Max {
			return math.Inf(-1)
		}
		return p.std().LogProb(u) - math.Log(p.mass())
	}
	return math.Inf(-1)
}

// Value maps an internal coordinate to the parameter's value.
func (p Prior) Value(u float64) float64 {
	if p.Kind == LogUniform {
		return math.Exp(u)
	}
	return u
}

// Internal maps a value to the internal coordinate.
func (p Prior) Internal(x float64) float64 {
	if p.Kind == LogUniform {
		return math.Log(x)
	}
	return x
}

// Variance is the prior variance of the parameter's value (not of the
// internal coordinate), for shrinkage.
func (p Prior) Variance() float64 {
	switch p.Kind {
	case Uniform:
		d := p.Max - p.Min
		return d * d / 12
	case LogUniform:
		lo, hi := math.Log(p.Min), math.Log(p.Max)
		m1 := (p.Max - p.Min) / (hi - lo)
		m2 := (p.Max*p.Max - p.Min*p.Min) / (2 * (hi - lo))
		return m2 - m1*m1
	case Normal:
		return p.SD * p.SD
	case TruncNorm:
		n := distuv.Normal{Mu: 0, Sigma: 1}
		a, b := (p.Min-p.Mean)/p.SD, (p.Max-p.Mean)/p.SD
		z := n.CDF(b) - n.CDF(a)
		pa, pb := n.Prob(a), n.Prob(b)
		t1 := (a*pa - b*pb) / z
		t2 := (pa - pb) / z
		return p.SD * p.SD * (1 + t1 - t2*t2)
	}
	return math.NaN()
}

// Bounds returns the support of the parameter's value (±Inf when unbounded).
func (p Prior) Bounds() (lo, hi float64) {
	if p.Kind == Normal {
		return math.Inf(-1), math.Inf(1)
	}
	return p.Min, p.Max
}

var inf = math.Inf(1)
