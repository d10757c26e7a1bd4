package sim

import (
	"fmt"
	"math"
	"strconv"
	"strings"
)

// Checks of a configuration as a whole, beyond each parameter's range
// (checkParam) and each event's own fields (Event.validate): what a run
// needs to be possible at all. Config.Validate runs them, so every entry
// point (scenario files, --set, sweeps, the web page) refuses the same
// configurations before a model is built.

// partnerPaths are the registry paths of the partner counts of one network.
var partnerPaths = []string{"partners.municipality", "partners.housing", "partners.care", "partners.welfare",
	"partners.school", "partners.company", "partners.residents"}

// validateWhole checks what a run needs: at least one partner organisation
// and one professional per network, and events with exactly one time.
func (c *Config) validateWhole() error {
	p := c.Partners
	if p.Municipality+p.Housing+p.Care+p.Welfare+p.School+p.Company+p.Residents < 1 {
		return &ParamError{"partners", "no partner organisations; allowed: at least 1 in all, in any of " + strings.Join(partnerPaths, ", ")}
	}
	if c.Persons.Professionals < 1 {
		return &ParamError{"persons.professionals", "no professionals; allowed: an integer from 1 to " + formatBound(mustLookup("persons.professionals").Max)}
	}
	for i := range c.Events {
		if e := &c.Events[i]; e.Year == 0 && e.Tick == 0 && e.Rate == 0 {
			return &ParamError{fmt.Sprintf("events[%d].type", i), "the event has no time; allowed: one of year (years after the start, more than 0), tick (weeks after the start, 1 or more) or rate (times per year); an event at the start: tick = 1"}
		}
	}
	return nil
}

// afterEnd reports whether an event happens once, after the last week of
// the run (it would never fire).
func (c *Config) afterEnd(e *Event) bool {
	switch {
	case e.Rate > 0:
		return false
	case e.Tick > 0:
		return e.Tick > c.Ticks()
	}
	return int(math.Round(e.Year*WeeksPerYear)) > c.Ticks()
}

// CheckEventsInRun refuses a one-off event after the end of the run: a
// scenario file that schedules one has a mistake in it. (A run shortened
// after loading, by --years or a sweep, drops such events with TrimEvents.)
func (c *Config) CheckEventsInRun() error {
	years := strconv.FormatFloat(c.Run.Years, 'f', -1, 64)
	for i := range c.Events {
		e := &c.Events[i]
		if !c.afterEnd(e) {
			continue
		}
		if e.Tick > 0 {
			return &ParamError{fmt.Sprintf("events[%d].tick", i), fmt.Sprintf("week %d is after the end of the run (week %d, %s years); allowed: an integer from 1 to %d", e.Tick, c.Ticks(), years, c.Ticks())}
		}
		return &ParamError{fmt.Sprintf("events[%d].year", i), fmt.Sprintf("year %s is after the end of the run; allowed: a number from 0 to %s (run.years)", strconv.FormatFloat(e.Year, 'f', -1, 64), years)}
	}
	return nil
}

// TrimEvents removes the one-off events after the end of the run (they
// would never fire) and returns them, so that a caller that shortened the
// run can say so.
func (c *Config) TrimEvents() []Event {
	var kept, dropped []Event
	for _, e := range c.Events {
		if c.afterEnd(&e) {
			dropped = append(dropped, e)
		} else {
			kept = append(kept, e)
		}
	}
	if dropped != nil {
		c.Events = kept
	}
	return dropped
}

// finite checks that the numbers of event i are finite (NaN and infinity
// compare false with every bound, so range checks alone let them through).
func (e *Event) finite(i int) error {
	for _, f := range []struct {
		key string
		x   float64
	}{{"year", e.Year}, {"rate", e.Rate}, {"share", e.Share}, {"severity", e.Severity}, {"weeks", e.Weeks}, {"value", e.Value}} {
		if math.IsNaN(f.x) || math.IsInf(f.x, 0) {
			return &ParamError{fmt.Sprintf("events[%d].%s", i, f.key), fmt.Sprintf("%v is not a number; allowed: a finite number", f.x)}
		}
	}
	return nil
}

// formatBound writes a range bound in plain words: 2^53 for the largest
// integer a float64 holds exactly (seeds), otherwise the number without an
// exponent.
func formatBound(x float64) string {
	if x >= 1<<53-1 {
		return "2^53"
	}
	return strconv.FormatFloat(x, 'f', -1, 64)
}

func mustLookup(path string) Param {
	p, ok := Lookup(path)
	if !ok {
		panic("sim: no parameter " + path)
	}
	return p
}
