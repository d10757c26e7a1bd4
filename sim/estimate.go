package sim

import (
	"fmt"
	"math"
	"strconv"
	"strings"
)

// Rough costs of a run, measured on the default scenario and on networks of
// 1,000 to 100,000 professionals (go test ./sim -run Estimate logs them
// against the real figures): memory per person at the start, per
// cross-organisation tie slot a person keeps room for, and time per person
// per week on one core.
const (
	bytesPerPerson     = 320
	bytesPerTieSlot    = 24
	nanosPerPersonWeek = 130
	bytesPerRow        = NumMetrics * 8
)

// Estimate is a forecast, from the configuration alone, of what one run
// takes: its persons and tie slots, the memory its model and metric rows
// need, and the time on one core. It is rough (within a factor of about
// two) and meant to refuse configurations that cannot fit before anything
// is allocated.
type Estimate struct {
	Persons  int64   // Persons at the start, all networks together (an upper bound).
	TieSlots int64   // Room for cross-organisation ties: persons times trust.max_ties.
	Weeks    int     // Ticks of the run.
	Bytes    int64   // Memory of one run: the model and its metric rows.
	Seconds  float64 // Time of one run on one core.
}

// EstimateRun forecasts the memory and time of one run of c. It allocates
// nothing in proportion to the configuration's size.
func EstimateRun(c *Config) Estimate {
	m := &Model{cfg: c}
	persons := int64(m.personsBound(m.partnerCounts()))
	slots := persons * int64(c.Trust.MaxTies)
	weeks := c.Ticks()
	return Estimate{
		Persons:  persons,
		TieSlots: slots,
		Weeks:    weeks,
		Bytes:    persons*bytesPerPerson + slots*bytesPerTieSlot + int64(weeks+1)*bytesPerRow,
		Seconds:  float64(persons) * float64(weeks) * nanosPerPersonWeek * 1e-9,
	}
}

// Many returns the memory of runs replications with at most concurrent of
// them at once: the models in flight and every run's metric rows.
func (e Estimate) Many(runs, concurrent int) int64 {
	concurrent = max(1, min(runs, concurrent))
	return int64(concurrent)*e.Bytes + int64(runs-concurrent)*int64(e.Weeks+1)*bytesPerRow
}

// SizeError refuses a configuration whose memory estimate is above a limit.
type SizeError struct {
	Need, Limit int64  // Bytes.
	What        string // What needs the memory, e.g. "10 replications of 2.3 billion persons".
}

func (e *SizeError) Error() string {
	return fmt.Sprintf("%s would need about %s of memory, more than the limit of %s", e.What, FormatBytes(e.Need), FormatBytes(e.Limit))
}

// CheckSize refuses a run of c with reps replications, concurrent at once,
// that needs more than limit bytes (limit <= 0: no limit).
func CheckSize(c *Config, reps, concurrent int, limit int64) error {
	e := EstimateRun(c)
	need := e.Many(reps, concurrent)
	if limit <= 0 || need <= limit {
		return nil
	}
	return &SizeError{Need: need, Limit: limit,
		What: fmt.Sprintf("%s of %s persons each (%s), %s at once", plural(reps, "replication"), FormatCount(e.Persons), plural(c.Network.Count, "network"), FormatCount(int64(max(1, min(reps, concurrent)))))}
}

// FormatBytes writes a memory size for people: "730 MB", "23 GB", "1.4 TB".
func FormatBytes(b int64) string {
	x := float64(b)
	for _, u := range []string{"bytes", "kB", "MB", "GB", "TB"} {
		if x < 1000 || u == "TB" {
			if x < 10 && u != "bytes" {
				return strings.TrimSuffix(fmt.Sprintf("%.1f", x), ".0") + " " + u
			}
			return fmt.Sprintf("%.0f %s", x, u)
		}
		x /= 1000
	}
	return ""
}

// FormatDuration writes a time in seconds for people: "0.02 s", "40 s",
// "12 min", "3.5 h", "6 days".
func FormatDuration(s float64) string {
	switch {
	case s < 1:
		return strconv.FormatFloat(s, 'g', 1, 64) + " s"
	case s < 90:
		return fmt.Sprintf("%.0f s", math.Ceil(s))
	case s < 90*60:
		return fmt.Sprintf("%.0f min", s/60)
	case s < 48*3600:
		return fmt.Sprintf("%.1f h", s/3600)
	}
	return fmt.Sprintf("%.0f days", s/86400)
}

// FormatCount writes a count for people: 1,234,567 below ten million, then
// "23 million" or "2.3 billion".
func FormatCount(n int64) string {
	switch {
	case n >= 1e9:
		return fmt.Sprintf("%.1f billion", float64(n)/1e9)
	case n >= 1e7:
		return fmt.Sprintf("%.0f million", float64(n)/1e6)
	}
	s := fmt.Sprint(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

// plural writes "1 replication", "2 replications".
func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return FormatCount(int64(n)) + " " + word + "s"
}
