package sim_test

import (
	"math"
	"testing"

	"github.com/orgnet/orgnet/scenarios"
	"github.com/orgnet/orgnet/sim"
	"gonum.org/v1/gonum/stat"
	"gonum.org/v1/gonum/stat/distuv"
)

// The tests of the key persons, the trust network and its structure compare
// runs paired by seed: the same seed with and without a mechanism or an
// event, so that the difference is the mechanism's effect, with a 95%
// interval over the seeds (Student's t).

// kpSeeds is the number of seeds of each paired comparison.
const kpSeeds = 40

// kpPreset returns a preset with parameters set (path=value pairs).
func kpPreset(t *testing.T, name string, set map[string]string) *sim.Config {
	t.Helper()
	cfg, err := scenarios.Preset(name)
	if err != nil {
		t.Fatal(err)
	}
	for path, v := range set {
		if err := cfg.Set(path, v); err != nil {
			t.Fatal(err)
		}
	}
	return cfg
}

// kpRuns runs cfg for seeds 1000..1000+kpSeeds-1.
func kpRuns(t *testing.T, cfg *sim.Config) []*sim.Result {
	t.Helper()
	out := make([]*sim.Result, kpSeeds)
	for s := range out {
		res, err := sim.Run(cfg, uint64(1000+s))
		if err != nil {
			t.Fatal(err)
		}
		out[s] = res
	}
	return out
}

// kpOf returns f of each run.
func kpOf(rs []*sim.Result, f func(*sim.Result) float64) []float64 {
	out := make([]float64, len(rs))
	for i, r := range rs {
		out[i] = f(r)
	}
	return out
}

// kpAt returns a metric at a year.
func kpAt(metric int, year float64) func(*sim.Result) float64 {
	return func(r *sim.Result) float64 {
		return r.Rows[min(int(math.Round(year*sim.WeeksPerYear)), len(r.Rows)-1)][metric]
	}
}

// kpMean returns a metric's mean over the weeks from one year to another.
func kpMean(metric int, from, to float64) func(*sim.Result) float64 {
	return func(r *sim.Result) float64 {
		a, b := int(from*sim.WeeksPerYear), min(int(to*sim.WeeksPerYear), len(r.Rows)-1)
		s := 0.0
		for _, row := range r.Rows[a : b+1] {
			s += row[metric]
		}
		return s / float64(b-a+1)
	}
}

// kpGain returns the growth of a cumulative metric from one year to another.
func kpGain(metric int, from, to float64) func(*sim.Result) float64 {
	return func(r *sim.Result) float64 { return kpAt(metric, to)(r) - kpAt(metric, from)(r) }
}

// kpPaired returns the mean of a[i]-b[i] and its 95% interval.
func kpPaired(a, b []float64) (mean, lo, hi float64) {
	d := make([]float64, len(a))
	for i := range a {
		d[i] = a[i] - b[i]
	}
	mean, sd := stat.MeanStdDev(d, nil)
	q := distuv.StudentsT{Mu: 0, Sigma: 1, Nu: float64(len(d) - 1)}.Quantile(0.975)
	h := q * sd / math.Sqrt(float64(len(d)))
	return mean, mean - h, mean + h
}

// kpAbove fails unless a - b is positive with 95% confidence and its mean
// at least min (an effect large enough to matter), and logs it.
func kpAbove(t *testing.T, what string, a, b []float64, least float64) {
	t.Helper()
	mean, lo, hi := kpPaired(a, b)
	t.Logf("%s: %+.4g [%+.4g, %+.4g]", what, mean, lo, hi)
	if lo <= 0 || mean < least {
		t.Errorf("%s: paired difference %+.4g, 95%% interval [%+.4g, %+.4g]; want above 0 and a mean of at least %v", what, mean, lo, hi, least)
	}
}

// withEvents returns cfg with its events replaced.
func withEvents(cfg *sim.Config, events ...sim.Event) *sim.Config {
	c := cfg.Clone()
	c.Events = events
	return c
}

// TestKeyPersonsDeparture: in the turnover preset the network manager
// leaves in year 4 and the core coalition's executives in year 5. Against
// the same run without those departures, a partner notices it in the
// trust on the key persons' ties (their social capital), in the ties and
// the coordination in the three years after, and in the cases solved in
// the two years after (as the pattern key-persons-value reads it: the
// successors rebuild the ties, so the loss of cases concentrates there,
// while over three years the seeds' own noise, about 4 cases of standard
// error on some 390, is as large as the loss); the loss is larger than
// when as many random professionals leave at the same times; and spreading
// the network manager's role over three persons makes it smaller.
func TestKeyPersonsDeparture(t *testing.T) {
	if testing.Short() {
		t.Skip("several seeds of a twelve-year preset")
	}
	key := []sim.Event{
		{Type: "depart", Year: 4, Role: "network-manager"},
		{Type: "depart", Year: 5, Role: "core-coalition"},
	}
	base := kpPreset(t, "turnover", nil)
	// As many random professionals as key persons (the network manager
	// and five core executives), at the same times.
	pros := float64(base.Persons.Professionals)
	random := []sim.Event{
		{Type: "turnover", Year: 4, Level: "professional", Share: 1 / pros},
		{Type: "turnover", Year: 5, Level: "professional", Share: 5 / pros},
	}
	capital := kpMean(sim.MKeyCapital, 4, 7)
	trust := kpMean(sim.MTrust, 4, 7)
	ties := kpMean(sim.MCrossTies, 4, 7)
	coordination := kpMean(sim.MCoordination, 4, 7)
	solved := kpGain(sim.MCasesSolvedCum, 4, 6)
	stay := kpRuns(t, withEvents(base))
	gone := kpRuns(t, withEvents(base, key...))
	pro := kpRuns(t, withEvents(base, random...))
	for _, c := range []struct {
		name string
		f    func(*sim.Result) float64
		min  float64
	}{
		{"key persons' social capital, years 4-7", capital, 0.05},
		{"mean trust, years 4-7", trust, 0.005},
		{"ties, years 4-7", ties, 5},
		{"coordination, years 4-7", coordination, 0.02},
		{"cases solved in years 4-6", solved, 5},
	} {
		kpAbove(t, c.name+": loss when the key persons leave", kpOf(stay, c.f), kpOf(gone, c.f), c.min)
		kpAbove(t, c.name+": key persons' departure against random professionals'", kpOf(pro, c.f), kpOf(gone, c.f), c.min/2)
	}
	// Spreading the role: the social capital lost in the year after the
	// network manager alone leaves (the face of the network goes, the
	// other coordinators stay).
	mgr := []sim.Event{{Type: "depart", Year: 4, Role: "network-manager"}}
	firstYear := kpMean(sim.MKeyCapital, 4, 5)
	loss := func(coords string) []float64 {
		cfg := kpPreset(t, "turnover", map[string]string{"governance.coordinators": coords})
		stay := kpOf(kpRuns(t, withEvents(cfg)), firstYear)
		gone := kpOf(kpRuns(t, withEvents(cfg, mgr...)), firstYear)
		m, lo, hi := kpPaired(stay, gone)
		t.Logf("coordinators %s: social capital lost in year 4-5 when the network manager leaves: %+.4g [%+.4g, %+.4g]", coords, m, lo, hi)
		d := make([]float64, kpSeeds)
		for i := range d {
			d[i] = stay[i] - gone[i]
		}
		return d
	}
	one, three := loss("1"), loss("3")
	kpAbove(t, "social capital lost with one coordinator minus with three", one, three, 0.02)
}
