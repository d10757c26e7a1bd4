package sim

import (
	"fmt"
	"math/rand/v2"
)

// Model is one run of the simulation: the organisations, persons, ties,
// networks and open cases, advanced one week per Step.
type Model struct {
	cfg  *Config
	rng  *rand.Rand
	tick int

	orgs   []org
	nets   []network
	people persons
	ties   tieStore

	byLevel [3][]int32 // Person indices per level, for turnover.

	scheduled []int  // Per event: the tick it fires once, or -1 for recurring.
	fired     []bool // Per event: whether a one-off event has fired.
	events    []EventRecord

	crisisUntil    int
	crisisSeverity float64

	// trustSumsFresh says whether the networks' trustSum still add up to
	// the trust on all ties (true from networkWeeks until a tie changes).
	trustSumsFresh bool

	seed       uint64
	threads    int
	metrics    [NumMetrics]float64
	src        *rand.PCG
	scratchSum []float64
	scratchN   []float64
	orgAmb     []float64 // Per organisation: its managers who are ambassadors (adoption).
	orgMgr     []float64 // Per organisation: its managers (adoption).

	kindCount     [numKinds]int       // Organisations created of each kind (for names).
	prevalence    [numDomains]float64 // The domains' prevalences, normalised (cases.prevalence).
	scratchLevels [3][]int32          // Per-level person lists of one network (setup).
	structure     structureState      // Graph metrics of network 1, refreshed every structureEvery weeks.
}

// Step kinds recorded in the schedule (ODD: Process overview and scheduling).
//
// Each week, in this order: events due; turnover; governance (coordination
// efficiency); cases (arrival, joint work, closing); ties (decay, brokering,
// meetings); orientation (forces and influence, synchronous), these three
// network by network (networkWeeks); indirect value; legitimacy and
// ambition; sovereignty (capacity) and partners leaving; the fund; the
// networks' reviews of themselves (adaptation); metrics.

// New builds the initial state of a run of cfg with the given seed. The
// config is validated first; New never changes it.
func New(cfg *Config, seed uint64) (*Model, error) {
	if err := cfg.Validate(); err != nil {
		return nil, fmt.Errorf("invalid scenario: %w", err)
	}
	src := rand.NewPCG(seed, streamModel)
	m := &Model{
		cfg:     cfg.Clone(),
		seed:    seed,
		src:     src,
		rng:     rand.New(src),
		threads: 1,
	}
	m.prevalence = m.cfg.Cases.Prevalence.shares()
	m.setup()
	m.structure.tick = -1
	m.computeMetrics()
	return m, nil
}

// SetThreads sets how many goroutines share the networks' weeks (cases,
// ties, orientation; see networkWeeks) in one large run, or the orientation
// update of a run of one large network. Results do not depend on it.
func (m *Model) SetThreads(n int) {
	if n < 1 {
		n = 1
	}
	m.threads = n
}

// Config returns the run's configuration (do not modify it).
func (m *Model) Config() *Config { return m.cfg }

// Tick returns the number of weeks simulated so far.
func (m *Model) Tick() int { return m.tick }

// Done reports whether the run has reached run.years.
func (m *Model) Done() bool { return m.tick >= m.cfg.Ticks() }

// Metrics returns the current metrics, indexed like MetricNames.
func (m *Model) Metrics() [NumMetrics]float64 { return m.metrics }

// Events returns the events that have happened so far.
func (m *Model) Events() []EventRecord { return m.events }

// Step advances the model by one week.
func (m *Model) Step() {
	m.tick++
	m.trustSumsFresh = false
	m.applyEvents()
	m.turnover()
	m.governance()
	m.networkWeeks() // cases, ties and orientation, network by network
	m.indirectValue()
	m.legitimacy()
	m.sovereignty()
	m.ownership()
	m.fund()
	m.adaptation()
	m.computeMetrics()
}

// Result holds the metrics of one run, one row per tick from 0 to the end,
// and the events that happened.
type Result struct {
	Rows   [][NumMetrics]float64
	Events []EventRecord
}

// Final returns the value of a metric at the last tick.
func (r *Result) Final(metric int) float64 { return r.Rows[len(r.Rows)-1][metric] }

// Run runs cfg with the given seed to the end and returns every tick's metrics.
func Run(cfg *Config, seed uint64) (*Result, error) {
	m, err := New(cfg, seed)
	if err != nil {
		return nil, err
	}
	return m.RunToEnd(), nil
}

// RunToEnd steps the model to the end and returns all metrics, including the
// state at the tick the model was at when called.
func (m *Model) RunToEnd() *Result {
	res := &Result{Rows: make([][NumMetrics]float64, 0, m.cfg.Ticks()-m.tick+1)}
	res.Rows = append(res.Rows, m.metrics)
	for !m.Done() {
		m.Step()
		res.Rows = append(res.Rows, m.metrics)
	}
	res.Events = m.events
	return res
}
