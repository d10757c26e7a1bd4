package sim_test

// Pattern-oriented validation: the eight patterns of the model brief, each
// over several seeds, each asserting a difference or ordering whose 95%
// interval must exclude zero. No pattern is written into the model; these
// tests fail if the mechanisms stop producing it.

import (
	"math"
	"sync"
	"testing"

	"github.com/orgnet/orgnet/scenarios"
	"github.com/orgnet/orgnet/sim"
	"gonum.org/v1/gonum/stat"
	"gonum.org/v1/gonum/stat/distuv"
)

// patternSeeds is the number of seeds per compared configuration. The tests
// were checked to pass for ten different master seeds, not only the one below.
const patternSeeds = 24

// runSeeds runs cfg over seeds 1..n in parallel and returns the results in seed order.
func runSeeds(t *testing.T, cfg *sim.Config, n int) []*sim.Result {
	t.Helper()
	out := make([]*sim.Result, n)
	errs := make([]error, n)
	var wg sync.WaitGroup
	sem := make(chan struct{}, 4)
	for i := range n {
		wg.Add(1)
		sem <- struct{}{}
		go func() {
			defer wg.Done()
			defer func() { <-sem }()
			out[i], errs[i] = sim.Run(cfg, sim.DeriveSeed(20261128, i))
		}()
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			t.Fatal(err)
		}
	}
	return out
}

func preset(t *testing.T, name string, set ...string) *sim.Config {
	t.Helper()
	cfg, err := scenarios.Preset(name)
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i+1 < len(set); i += 2 {
		if err := cfg.Set(set[i], set[i+1]); err != nil {
			t.Fatal(err)
		}
	}
	return cfg
}

// at returns a metric at a year (mean over the preceding 13 weeks, to smooth weekly noise).
func at(r *sim.Result, metric int, year float64) float64 {
	end := min(int(math.Round(year*sim.WeeksPerYear)), len(r.Rows)-1)
	lo := max(0, end-12)
	s := 0.0
	for i := lo; i <= end; i++ {
		s += r.Rows[i][metric]
	}
	return s / float64(end-lo+1)
}

// values applies f to every result.
func values(rs []*sim.Result, f func(*sim.Result) float64) []float64 {
	v := make([]float64, len(rs))
	for i, r := range rs {
		v[i] = f(r)
	}
	return v
}

// interval returns the mean and 95% t-interval of xs.
func interval(xs []float64) (mean, lo, hi float64) {
	m, sd := stat.MeanStdDev(xs, nil)
	n := float64(len(xs))
	q := distuv.StudentsT{Mu: 0, Sigma: 1, Nu: n - 1}.Quantile(0.975)
	half := q * sd / math.Sqrt(n)
	return m, m - half, m + half
}

// assertPositive checks that the mean of the paired differences a-b is
// positive with 95% confidence.
func assertPositive(t *testing.T, what string, a, b []float64) {
	t.Helper()
	d := make([]float64, len(a))
	for i := range a {
		d[i] = a[i] - b[i]
	}
	m, lo, hi := interval(d)
	t.Logf("%s: mean difference %.4g, 95%% interval [%.4g, %.4g] over %d seeds", what, m, lo, hi, len(d))
	if lo <= 0 {
		t.Errorf("%s: difference not positive: mean %.4g, 95%% interval [%.4g, %.4g]", what, m, lo, hi)
	}
}

func sum(rs []*sim.Result, metric int, from, to float64) []float64 {
	return values(rs, func(r *sim.Result) float64 { return at(r, metric, to) - at(r, metric, from) })
}

// Pattern 1: after the start-up years professionals are the most
// network-oriented level, middle managers the least, executives in between.
func TestPatternLevelsOrdering(t *testing.T) {
	for _, name := range scenarios.Cases {
		t.Run(name, func(t *testing.T) {
			cfg := preset(t, name)
			rs := runSeeds(t, cfg, patternSeeds)
			y := math.Min(cfg.Run.Years, 6)
			pro := values(rs, func(r *sim.Result) float64 { return at(r, sim.MOrientationProfessional, y) })
			exe := values(rs, func(r *sim.Result) float64 { return at(r, sim.MOrientationExecutive, y) })
			mgr := values(rs, func(r *sim.Result) float64 { return at(r, sim.MOrientationManager, y) })
			assertPositive(t, "professionals - executives", pro, exe)
			assertPositive(t, "executives - managers", exe, mgr)
		})
	}
}

// Pattern 2: working on middle managers raises their orientation and,
// through them, the direct value their professionals produce.
func TestPatternMiddleManagement(t *testing.T) {
	without := runSeeds(t, preset(t, "bossche-bond", "intervention.share", "0"), patternSeeds)
	with := runSeeds(t, preset(t, "bossche-bond", "intervention.share", "0.6"), patternSeeds)
	mgr := func(r *sim.Result) float64 { return at(r, sim.MOrientationManager, 6) }
	assertPositive(t, "manager orientation, with - without ambassadors", values(with, mgr), values(without, mgr))
	assertPositive(t, "cases solved in years 2-8, with - without", sum(with, sim.MCasesSolvedCum, 2, 8), sum(without, sim.MCasesSolvedCum, 2, 8))
}

// Pattern 3: losing key persons drops value with a slow recovery; more
// turnover means less trust and value; a more institutionalised network is
// hurt less by turnover, and innovates less.
func TestPatternTurnover(t *testing.T) {
	t.Run("key persons", func(t *testing.T) {
		base := preset(t, "mom")
		loss := preset(t, "turnover", "turnover.executive", "0.12", "turnover.manager", "0.12", "turnover.professional", "0.12")
		rb, rl := runSeeds(t, base, patternSeeds), runSeeds(t, loss, patternSeeds)
		assertPositive(t, "cases solved in years 4-6, without - with departures", sum(rb, sim.MCasesSolvedCum, 4, 6), sum(rl, sim.MCasesSolvedCum, 4, 6))
		tr := func(r *sim.Result) float64 { return at(r, sim.MTrust, 5.5) }
		assertPositive(t, "trust at year 5.5, without - with departures", values(rb, tr), values(rl, tr))
		coord := func(y float64) func(*sim.Result) float64 {
			return func(r *sim.Result) float64 { return at(r, sim.MCoordination, y) }
		}
		// Slow recovery: a year after the departures coordination is still below the undisturbed run.
		assertPositive(t, "coordination at year 5, without - with departures", values(rb, coord(5)), values(rl, coord(5)))
	})
	t.Run("rate", func(t *testing.T) {
		set := func(rate string) *sim.Config {
			return preset(t, "bossche-bond", "turnover.executive", rate, "turnover.manager", rate, "turnover.professional", rate)
		}
		low, high := runSeeds(t, set("0.05"), patternSeeds), runSeeds(t, set("0.4"), patternSeeds)
		tr := func(r *sim.Result) float64 { return at(r, sim.MTrust, 8) }
		assertPositive(t, "trust, low - high turnover", values(low, tr), values(high, tr))
		assertPositive(t, "cases solved, low - high turnover", sum(low, sim.MCasesSolvedCum, 2, 8), sum(high, sim.MCasesSolvedCum, 2, 8))
	})
	t.Run("institutionalisation", func(t *testing.T) {
		run := func(inst, rate string) []*sim.Result {
			return runSeeds(t, preset(t, "mom", "network.institutionalisation", inst,
				"turnover.executive", rate, "turnover.manager", rate, "turnover.professional", rate, "turnover.network_manager", rate), patternSeeds)
		}
		lowInstLow, lowInstHigh := run("0.1", "0.05"), run("0.1", "0.4")
		hiInstLow, hiInstHigh := run("0.7", "0.05"), run("0.7", "0.4")
		lossOf := func(calm, busy []*sim.Result) []float64 {
			a, b := sum(calm, sim.MCasesSolvedCum, 2, 10), sum(busy, sim.MCasesSolvedCum, 2, 10)
			d := make([]float64, len(a))
			for i := range a {
				d[i] = (a[i] - b[i]) / a[i]
			}
			return d
		}
		assertPositive(t, "relative loss of solved cases to turnover, low - high institutionalisation", lossOf(lowInstLow, lowInstHigh), lossOf(hiInstLow, hiInstHigh))
		inn := func(r *sim.Result) float64 { return at(r, sim.MInnovation, 10) }
		assertPositive(t, "innovation, low - high institutionalisation", values(lowInstLow, inn), values(hiInstLow, inn))
	})
}

// Pattern 4: growing past about fifteen partners costs more coordination than
// it adds under shared governance, at a fixed workforce and population (the
// professionals and households stay the same, so more partners bring no
// more cases of their own). A lead organisation, whose contacts grow with the
// partners rather than with their pairs, carries the larger network further
// than shared governance (the network administrative organisation's result
// is reported: its hours depend on its budget). A copied roll-out yields
// less than a network that went through its own development.
func TestPatternScale(t *testing.T) {
	size := func(governance string, factor int) []*sim.Result {
		cfg := preset(t, "bossche-bond", "network.governance", governance, "network.governance_tactical", "same", "fund.enabled", "false")
		cfg.Partners.Housing *= factor
		cfg.Partners.Care *= factor
		cfg.Partners.Welfare *= factor
		cfg.Partners.Company *= factor
		cfg.Events = nil
		return runSeeds(t, cfg, patternSeeds)
	}
	solved := func(rs []*sim.Result) []float64 { return sum(rs, sim.MCasesSolvedCum, 2, 10) }
	shared31 := solved(size("shared", 2))
	assertPositive(t, "shared governance: solved cases, 16 - 31 partners", solved(size("shared", 1)), shared31)
	assertPositive(t, "31 partners: solved cases, lead organisation - shared governance", solved(size("lead", 2)), shared31)
	nao := solved(size("nao", 2))
	d := make([]float64, len(nao))
	for i := range nao {
		d[i] = nao[i] - shared31[i]
	}
	m, lo, hi := interval(d)
	t.Logf("31 partners: solved cases, network administrative organisation - shared governance (reported): %.4g [%.4g, %.4g]", m, lo, hi)

	copied, selfDev := preset(t, "rollout"), preset(t, "rollout")
	for i := range selfDev.Events {
		if selfDev.Events[i].Type == "rollout" {
			selfDev.Events[i].Mode = "self-developed"
		}
	}
	assertPositive(t, "roll-out: solved cases in years 5-8, self-developed - copied",
		sum(runSeeds(t, selfDev, patternSeeds), sim.MCasesSolvedCum, 5, 8), sum(runSeeds(t, copied, patternSeeds), sim.MCasesSolvedCum, 5, 8))
}

// Pattern 5: handing over some sovereignty raises direct value; handing over
// much of it raises middle-manager resistance and, in the long run, erodes the
// partners themselves.
func TestPatternSovereignty(t *testing.T) {
	run := func(s string) []*sim.Result { // the long-run erosion is the Trojan-horse hypothesis, switched on here
		return runSeeds(t, preset(t, "proeftuin-ruwaard", "sovereignty.handed", s, "run.years", "10", "sovereignty.trojan_horse", "true"), patternSeeds)
	}
	none, some, much := run("0"), run("0.25"), run("0.8")
	assertPositive(t, "solved cases in years 1-5, some - none", sum(some, sim.MCasesSolvedCum, 1, 5), sum(none, sim.MCasesSolvedCum, 1, 5))
	// Resistance: the middle managers of a network without a network team.
	bb := func(s string) []*sim.Result {
		return runSeeds(t, preset(t, "bossche-bond", "sovereignty.handed", s), 2*patternSeeds)
	}
	// A small effect (about 0.015-0.02), so twice the seeds.
	mgr := func(r *sim.Result) float64 { return at(r, sim.MOrientationManager, 3) }
	assertPositive(t, "manager orientation, some - much (resistance)", values(bb("0.25"), mgr), values(bb("0.8"), mgr))
	capa := func(r *sim.Result) float64 { return at(r, sim.MCapacity, 10) }
	assertPositive(t, "partners' own capacity at year 10, some - much", values(some, capa), values(much, capa))
	partners := func(r *sim.Result) float64 { return at(r, sim.MPartners, 10) }
	assertPositive(t, "partners at year 10, some - much", values(some, partners), values(much, partners))
}

// Pattern 6: a revolving fund whose partners are not held to repayment runs down.
func TestPatternRevolvingFund(t *testing.T) {
	lax := runSeeds(t, preset(t, "revolving-fund"), patternSeeds)
	strict := runSeeds(t, preset(t, "revolving-fund", "fund.repayment", "0.95"), patternSeeds)
	fund := func(y float64) func(*sim.Result) float64 {
		return func(r *sim.Result) float64 { return at(r, sim.MFund, y) }
	}
	assertPositive(t, "fund at year 6, strict - lax repayment", values(strict, fund(6)), values(lax, fund(6)))
	assertPositive(t, "lax fund runs down: year 0.25 - year 6", values(lax, fund(0.25)), values(lax, fund(6)))
}

// Pattern 7: a crisis pulls people back to their own organisations; a network
// with more trust recovers faster.
func TestPatternCrisis(t *testing.T) {
	low := runSeeds(t, preset(t, "crisis", "trust.initial", "0.2"), patternSeeds)
	high := runSeeds(t, preset(t, "crisis", "trust.initial", "0.7"), patternSeeds)
	pro := func(y float64) func(*sim.Result) float64 {
		return func(r *sim.Result) float64 { return at(r, sim.MOrientationProfessional, y) }
	}
	assertPositive(t, "professionals' orientation before - during the crisis", values(low, pro(2.95)), values(low, pro(3.5)))
	// Recovery: how far below its pre-crisis level the network still is a
	// quarter of a year after the crisis.
	gap := func(rs []*sim.Result) []float64 {
		return values(rs, func(r *sim.Result) float64 { return (pro(2.95)(r) - pro(3.75)(r)) / pro(2.95)(r) })
	}
	assertPositive(t, "relative gap a quarter after the crisis, low - high trust", gap(low), gap(high))
}

// Pattern 8: the case presets land near the seed's figures without a
// preset-specific correction: Bossche Bond about 250 cases handled by early
// 2020 (3.75 years after June 2016); Proeftuin Ruwaard about 400 cases in its
// first four years, and the wellbeing of residents it supported rising from
// about 3 at intake to about 8.
func TestPatternCalibration(t *testing.T) {
	within := func(what string, got, want float64) {
		t.Helper()
		t.Logf("%s: mean %.1f, seed %.0f (±30%%: %.0f-%.0f)", what, got, want, 0.7*want, 1.3*want)
		if got < 0.7*want || got > 1.3*want {
			t.Errorf("%s: mean %.1f outside ±30%% of %.0f", what, got, want)
		}
	}
	handled := func(rs []*sim.Result, y float64) float64 {
		return stat.Mean(values(rs, func(r *sim.Result) float64 {
			return at(r, sim.MCasesSolvedCum, y) + at(r, sim.MCasesFailedCum, y)
		}), nil)
	}
	bb := runSeeds(t, preset(t, "bossche-bond"), patternSeeds)
	within("Bossche Bond cases handled by early 2020", handled(bb, 3.75), 250)
	pr := runSeeds(t, preset(t, "proeftuin-ruwaard"), patternSeeds)
	within("Proeftuin Ruwaard cases handled in four years", handled(pr, 4), 400)
	wb := stat.Mean(values(pr, func(r *sim.Result) float64 { return at(r, sim.MWellbeing, 4) }), nil)
	within("Proeftuin Ruwaard wellbeing of residents supported", wb, 8)
}
