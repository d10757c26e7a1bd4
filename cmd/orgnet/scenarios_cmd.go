package main

import (
	"fmt"
	"io"
	"slices"
	"strings"
	"text/tabwriter"

	"github.com/orgnet/orgnet/scenarios"
)

func init() {
	register(command{name: "scenarios", summary: "list the preset scenarios; `scenarios show NAME` prints one as TOML", run: runScenarios})
}

const scenariosUsage = `Usage: orgnet scenarios             list the presets and their questions
       orgnet scenarios show NAME   print a preset as TOML, ready to copy and edit
       orgnet scenarios show --full NAME
                                    print every parameter, with its meaning and range

To write a scenario of your own:
  orgnet scenarios show ` + scenarios.Default + ` > my.toml
  (edit my.toml)
  orgnet validate my.toml
  orgnet run --config my.toml
`

func runScenarios(args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("scenarios", scenariosUsage, stdout)
	full := fs.Bool("full", false, "with show: print the full resolved scenario with comments")
	pos, err := parseArgs(fs, args, 0, 2)
	if err != nil {
		return helpOK(err)
	}
	if len(pos) == 0 {
		if *full {
			return usagef("--full goes with show NAME")
		}
		return listScenarios(stdout)
	}
	if pos[0] != "show" {
		return usagef("unknown argument %q; use: orgnet scenarios [show NAME]", pos[0])
	}
	if len(pos) != 2 {
		return usagef("show needs a preset name; presets: %s", strings.Join(availablePresets(), ", "))
	}
	name := pos[1]
	if !slices.Contains(availablePresets(), name) {
		return usagef("unknown scenario %q; presets: %s", name, strings.Join(availablePresets(), ", "))
	}
	if *full {
		cfg, err := scenarios.Preset(name)
		if err != nil {
			return err
		}
		_, err = stdout.Write(scenarios.Encode(cfg, true))
		return err
	}
	src, err := scenarios.Source(name)
	if err != nil {
		return err
	}
	_, err = stdout.Write(src)
	return err
}

// listScenarios prints the cases, then the what-if scenarios, each with the
// first sentence of its question.
func listScenarios(w io.Writer) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	for _, group := range []struct {
		head  string
		names []string
	}{{"Cases (the five networks of the case study):", scenarios.Cases}, {"What-if scenarios:", scenarios.Scenarios}} {
		fmt.Fprintln(tw, group.head)
		for _, n := range group.names {
			cfg, err := scenarios.Preset(n)
			if err != nil {
				continue // A preset that is not (yet) available.
			}
			fmt.Fprintf(tw, "  %s\t%s\n", n, firstSentence(cfg.Scenario.Question, 100))
		}
		fmt.Fprintln(tw)
	}
	fmt.Fprintf(tw, "orgnet scenarios show NAME prints one; orgnet run --scenario NAME runs it (default %s).\n", scenarios.Default)
	return tw.Flush()
}

// firstSentence returns the first sentence of s on one line, cut to at most
// n characters.
func firstSentence(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	cut := s
	if i := strings.Index(s, "? "); i >= 0 {
		cut = s[:i+1]
	} else if i := strings.Index(s, ". "); i >= 0 {
		cut = s[:i+1]
	}
	if strings.Count(cut, `"`)%2 == 0 {
		s = cut // Not when the cut falls inside a quotation.
	}
	if r := []rune(s); len(r) > n {
		s = string(r[:n-1]) + "…"
	}
	return s
}
