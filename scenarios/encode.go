package scenarios

import (
	"bytes"
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/orgnet/orgnet/sim"
)

// Encode writes a configuration as a complete scenario file: every parameter
// of the registry with its value, grouped in tables, then the events. Parsing
// the result gives back the same configuration, so a manifest or a download
// from the web page reproduces the run. One-off events after the end of
// the run (left by shortening a scenario) are left out: they never happen,
// and a scenario file may not schedule them. With comments, each parameter
// is preceded by its meaning, unit and range.
func Encode(cfg *sim.Config, comments bool) []byte {
	cfg = cfg.Clone()
	cfg.TrimEvents()
	var b bytes.Buffer
	s := cfg.Scenario
	b.WriteString("[scenario]\n")
	fmt.Fprintf(&b, "name = %s\n", quote(s.Name))
	fmt.Fprintf(&b, "title = %s\n", quote(s.Title))
	fmt.Fprintf(&b, "question = %s\n", quote(s.Question))
	table := "scenario"
	for _, p := range sim.Params() {
		i := strings.LastIndexByte(p.Path, '.')
		t, key := p.Path[:i], p.Path[i+1:]
		if t != table {
			fmt.Fprintf(&b, "\n[%s]\n", t)
			table = t
		}
		v, _ := cfg.Format(p.Path)
		if p.Kind == sim.Choice {
			v = quote(v)
		}
		if comments {
			unit := ""
			if p.Unit != "" && p.Unit != "1" {
				unit = " [" + p.Unit + "]"
			}
			fmt.Fprintf(&b, "# %s%s; %s\n", p.Meaning, unit, p.Allowed())
		}
		fmt.Fprintf(&b, "%s = %s\n", key, v)
	}
	for _, e := range cfg.Events {
		b.WriteString("\n[[events]]\n")
		fmt.Fprintf(&b, "type = %s\n", quote(e.Type))
		if e.Rate > 0 {
			fmt.Fprintf(&b, "rate = %s\n", num(e.Rate))
		} else if e.Tick > 0 {
			fmt.Fprintf(&b, "tick = %d\n", e.Tick)
		} else {
			fmt.Fprintf(&b, "year = %s\n", num(e.Year))
		}
		for _, f := range []struct {
			key string
			s   string
			x   float64
			i   int
		}{
			{key: "level", s: e.Level}, {key: "role", s: e.Role}, {key: "kind", s: e.Kind}, {key: "mode", s: e.Mode},
			{key: "count", i: e.Count}, {key: "share", x: e.Share}, {key: "severity", x: e.Severity},
			{key: "weeks", x: e.Weeks}, {key: "value", x: e.Value}, {key: "label", s: e.Label},
		} {
			switch {
			case f.s != "":
				fmt.Fprintf(&b, "%s = %s\n", f.key, quote(f.s))
			case f.x != 0:
				fmt.Fprintf(&b, "%s = %s\n", f.key, num(f.x))
			case f.i != 0:
				fmt.Fprintf(&b, "%s = %d\n", f.key, f.i)
			}
		}
	}
	return b.Bytes()
}

// num formats a float so that TOML reads it back as a float.
func num(x float64) string {
	switch {
	case math.IsNaN(x):
		return "nan"
	case math.IsInf(x, 1):
		return "inf"
	case math.IsInf(x, -1):
		return "-inf"
	}
	s := strconv.FormatFloat(x, 'g', -1, 64)
	if !strings.ContainsAny(s, ".eEn") {
		s += ".0"
	}
	return s
}

func quote(s string) string { return strconv.Quote(s) }
