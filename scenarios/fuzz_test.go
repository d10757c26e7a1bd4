package scenarios

import (
	"reflect"
	"testing"

	"github.com/orgnet/orgnet/sim"
)

// fuzzMaxBytes bounds the runs the fuzz target builds: larger ones are
// refused by the entry points' memory limit, not built.
const fuzzMaxBytes = 16 << 20

// FuzzScenario reads arbitrary scenario text. Whatever validation accepts
// must build a model that steps a few weeks without a panic, and must
// write out (as a manifest does) to text that reads back to the same
// configuration.
func FuzzScenario(f *testing.F) {
	for _, name := range Names() {
		src, err := Source(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(src)
	}
	for _, s := range []string{
		"[partners]\nmunicipality = 0\nhousing = 0\ncare = 0\nwelfare = 0\nschool = 0\n",
		"[persons]\nprofessionals = 0\n",
		"[[events]]\ntype = \"crisis\"\nyear = nan\nseverity = 0.5\nweeks = 4\n",
		"[[events]]\ntype = \"crisis\"\nseverity = 0.5\nweeks = 4\n",
		"[run]\nyears = 5\n[[events]]\ntype = \"leave\"\nyear = 50\ncount = 1\n",
		"[run]\nyears = 0.1\n[[events]]\ntype = \"leave\"\ntick = 2\ncount = 100\n",
		"[network]\ncount = 3\nsize_spread = 0.9\nshared_orgs = 1\n[partners]\nmunicipality = 1\nhousing = 0\ncare = 0\nwelfare = 0\nschool = 0\n",
		"[persons]\nprofessionals = 1\nspan_of_control = 100\n[trust]\nmax_ties = 0\n",
		"[scenario]\nbase = \"national\"\n[network]\ncount = 2\n",
		"[[events]]\ntype = \"rollout\"\nrate = 52\ncount = 3\nmode = \"copied\"\n[[events]]\ntype = \"depart\"\ntick = 1\nrole = \"core-coalition\"\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		cfg, err := Parse("fuzz.toml", data)
		if err != nil {
			return
		}
		if sim.EstimateRun(cfg).Bytes > fuzzMaxBytes {
			return
		}
		back, err := Parse("encoded.toml", Encode(cfg, false))
		if err != nil {
			t.Fatalf("the encoded configuration does not read back: %v", err)
		}
		// The encoded file is complete: it names no base preset.
		back.Scenario.Base = cfg.Scenario.Base
		if len(back.Events) == 0 && len(cfg.Events) == 0 {
			back.Events = cfg.Events
		}
		if !reflect.DeepEqual(back, cfg) {
			t.Fatalf("the encoded configuration reads back differently:\n%+v\n%+v", back, cfg)
		}
		m, err := sim.New(cfg, 1)
		if err != nil {
			t.Fatalf("validation accepted what the model refuses: %v", err)
		}
		for range min(8, cfg.Ticks()) {
			m.Step()
		}
	})
}
