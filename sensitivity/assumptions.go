package sensitivity

import (
	"fmt"
	"maps"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/orgnet/orgnet/scenarios"
	"github.com/orgnet/orgnet/sim"
)

// The global sensitivity analysis of orgnet's modelling assumptions: for
// each case preset, a Sobol sweep over every parameter of the registry whose
// source is a modelling assumption (not the seed, not the literature, not a
// calibration), for the preset's main outcomes. AssumptionSweep writes the
// sweep file; `orgnet sweep` and `orgnet analyse` run it; Doc turns the
// analyses into docs/SENSITIVITY.md (see scripts/sensitivity.sh).

// assumptionSource starts the Source of every registry parameter that is a
// modelling assumption.
const assumptionSource = "Modelling assumption"

// Structural assumptions left out of the case sweeps: they shape a national
// run of many networks and do nothing (or change the network count itself)
// in a run of one case.
var notForCases = map[string]string{
	"network.count":       "the number of networks: national scale only",
	"network.size_spread": "the spread of sizes between networks: national scale only",
}

// AssumptionParams returns the registry's modelling assumptions that the
// case sweeps vary, in registry order, and those left out with the reason.
func AssumptionParams() (varied []sim.Param, left map[string]string) {
	for _, p := range sim.Params() {
		if !strings.HasPrefix(p.Source, assumptionSource) {
			continue
		}
		if _, out := notForCases[p.Path]; out {
			continue
		}
		varied = append(varied, p)
	}
	return varied, notForCases
}

// Dummy is a parameter that does nothing in a run of one network (it
// spreads the sizes of several networks): varied alongside the assumptions,
// its total index measures the noise floor of a stochastic model, the share
// of variance that replications' randomness adds to every parameter's index.
const Dummy = "network.size_spread"

// Spread is the relative range each assumption is varied over: from
// (1-Spread) to (1+Spread) times its value in the case preset, within the
// registry's allowed range.
const Spread = 0.5

// rangeOf returns the range a parameter is varied over around value x.
func rangeOf(p sim.Param, x float64) (lo, hi float64) {
	lo, hi = x*(1-Spread), x*(1+Spread)
	if x == 0 {
		lo, hi = 0, math.Min(p.Max, 0.1*(p.Max-p.Min))
	}
	if p.Kind == sim.Int {
		lo, hi = math.Round(lo), math.Round(hi)
		if hi-lo < 1 {
			hi = lo + 1
		}
	}
	return math.Max(lo, p.Min), math.Min(hi, p.Max)
}

// CaseOutcome is one outcome recorded by the case sweeps.
type CaseOutcome struct {
	Name, Metric, Stat, Meaning string
	FromEnd                     float64 // mean: over the last FromEnd years.
}

// CaseOutcomes are the main outcomes of a case: what it achieves for
// residents, how its three levels end up oriented, and what holds it
// together.
var CaseOutcomes = []CaseOutcome{
	{"solved", "cases_solved_cum", "final", "cases solved over the run", 0},
	{"professionals", "orientation_professional", "mean", "professionals' orientation, last two years", 2},
	{"managers", "orientation_manager", "mean", "middle managers' orientation, last two years", 2},
	{"executives", "orientation_executive", "mean", "executives' orientation, last two years", 2},
	{"trust", "trust", "mean", "trust on cross-organisation ties, last two years", 2},
	{"partners", "partners", "final", "active partners at the end", 0},
}

// AssumptionSweep returns the text of a Sobol sweep file over the modelling
// assumptions for a case preset: samples base rows (samples*(k+2) points
// for k parameters), reps replications each, the preset's run length unless
// years is positive.
func AssumptionSweep(preset string, samples, reps int, seed uint64, years float64) (string, error) {
	cfg, err := scenarios.Preset(preset)
	if err != nil {
		return "", err
	}
	if years <= 0 {
		years = cfg.Run.Years
	}
	varied, left := AssumptionParams()
	var b strings.Builder
	fmt.Fprintf(&b, "# Global sensitivity of %s to orgnet's modelling assumptions: a Sobol\n", preset)
	fmt.Fprintf(&b, "# sweep over every registry parameter whose source is a modelling assumption,\n")
	fmt.Fprintf(&b, "# each from %.0f%% to %.0f%% of its value in the preset (within its allowed range).\n", 100*(1-Spread), 100*(1+Spread))
	fmt.Fprintf(&b, "# Written by scripts/sensitivity.sh; %d samples * (%d + 1 dummy + 2) points * %d replications.\n", samples, len(varied), reps)
	for _, path := range slices.Sorted(maps.Keys(left)) {
		fmt.Fprintf(&b, "# Not varied as an assumption: %s (%s).\n", path, left[path])
	}
	fmt.Fprintf(&b, "base = %q\nmethod = \"sobol\"\nsamples = %d\nreplications = %d\nseed = %d\nyears = %s\n",
		preset, samples, reps, seed, strconv.FormatFloat(years, 'g', -1, 64))
	for _, p := range varied {
		x, err := cfg.Number(p.Path)
		if err != nil {
			return "", err
		}
		lo, hi := rangeOf(p, x)
		unit := ""
		if p.Unit != "1" && p.Unit != "" {
			unit = " " + p.Unit
		}
		fmt.Fprintf(&b, "\n[[parameters]]  # %s; %s%s in the preset\n", p.Meaning, strconv.FormatFloat(x, 'g', -1, 64), unit)
		fmt.Fprintf(&b, "path = %q\nmin = %s\nmax = %s\n", p.Path, tomlFloat(lo), tomlFloat(hi))
	}
	if cfg.Network.Count == 1 {
		q, _ := sim.Lookup(Dummy)
		fmt.Fprintf(&b, "\n[[parameters]]  # dummy: does nothing in a run of one network; its index is the noise floor\n")
		fmt.Fprintf(&b, "path = %q\nmin = %s\nmax = %s\n", Dummy, tomlFloat(q.Min), tomlFloat(q.Max))
	}
	for _, o := range CaseOutcomes {
		fmt.Fprintf(&b, "\n[[outcomes]]  # %s\nname = %q\nmetric = %q\nstat = %q\n", o.Meaning, o.Name, o.Metric, o.Stat)
		if o.FromEnd > 0 {
			fmt.Fprintf(&b, "from_year = %s\n", tomlFloat(math.Max(0, years-o.FromEnd)))
		}
	}
	return b.String(), nil
}

// tomlFloat writes a float, to ten significant digits, so that TOML reads
// it as a float.
func tomlFloat(x float64) string {
	s := strconv.FormatFloat(x, 'g', 10, 64)
	if !strings.ContainsAny(s, ".eEn") {
		s += ".0"
	}
	return s
}
