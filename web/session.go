package web

import (
	"context"
	"fmt"
	"log"
	"runtime/debug"
	"slices"
	"sync"
	"time"

	"github.com/orgnet/orgnet/calibrate"
	"github.com/orgnet/orgnet/sim"
)

// Speeds a live run can go at, in simulated weeks per second; 0 is as fast
// as the machine allows.
var speeds = []int{13, 52, 156, 520, 0}

// tickInterval is how often a live run advances.
const tickInterval = 50 * time.Millisecond

// session is one open page: its current run (a model stepped on the
// server, with a few more replications for the bands and the baseline's
// replications), its last dilemma, and when it was last heard from.
type session struct {
	srv    *Server
	id     string
	client string

	mu       sync.Mutex
	lastSeen time.Time
	closed   bool

	preset  string      // Preset the run started from.
	changes []change    // Parameters the page set on top of the preset.
	cfg     *sim.Config // Resolved configuration of the run.
	seed    uint64      // Seed the model runs with: replication 0 of cfg.Run.Seed.
	model   *sim.Model  // Replication 0: the run shown, saved and downloaded.
	rows    [][sim.NumMetrics]float64
	events  []sim.EventRecord
	extra   []*replica // Replications 1, 2, ... of the same configuration (the bands).
	base    []*replica // The baseline's replications over the same seeds; nil for none.
	// baseName names the baseline: the preset (unchanged) or the case a
	// scenario builds on.
	baseName string
	baseCfg  *sim.Config
	frames   []netFrame // The network of replication 0 every frameEvery weeks.
	setups   int        // Counts setups; tells the page its series start again.
	version  int        // Bumped whenever rows or model change; keys the chart cache.
	failure  string     // Why the run stopped with an error (a bug), if it did.

	running bool
	speed   int // Weeks per second; 0: as fast as possible.
	stopRun context.CancelFunc
	runDone chan struct{}
	// Weeks per second the run actually went at, over its last second.
	actual float64

	dilemma *dilemmaResult
	post    *calibrate.Posterior // Posterior the page loaded; nil: the server's, if any.

	cache map[string][]byte // Rendered pictures by name, language and version.
}

// replica is one more replication stepped in lockstep with the shown run.
type replica struct {
	model *sim.Model
	rows  [][sim.NumMetrics]float64
}

// change is one parameter set on top of a preset, in --set form.
type change struct {
	Path  string `json:"path"`
	Value string `json:"value"`
}

func newSession(srv *Server, id, client string) *session {
	return &session{srv: srv, id: id, client: client, lastSeen: time.Now(), speed: 52, cache: map[string][]byte{}}
}

func (ss *session) touch() {
	ss.mu.Lock()
	ss.lastSeen = time.Now()
	ss.mu.Unlock()
}

func (ss *session) seen() time.Time {
	ss.mu.Lock()
	defer ss.mu.Unlock()
	return ss.lastSeen
}

// close stops the session's run and marks it closed.
func (ss *session) close() {
	ss.mu.Lock()
	ss.closed = true
	ss.mu.Unlock()
	ss.pause()
}

// recovered turns a panic of the model into an error for this session
// alone, logging where it happened; the server and other pages go on.
func recovered(what string, err *error) {
	if v := recover(); v != nil {
		log.Printf("orgnet serve: %s: internal error: %v\n%s", what, v, debug.Stack())
		*err = fmt.Errorf("the model failed (%v); this run stopped, the server goes on; please report it with the scenario file", v)
	}
}

// newModel makes a model, turning a panic into an error.
func newModel(cfg *sim.Config, seed uint64) (m *sim.Model, err error) {
	defer recovered("setting up a run", &err)
	m, err = sim.New(cfg, seed)
	if err != nil {
		return nil, badInput("%v", err)
	}
	return m, nil
}

// newReplicas makes the models of replications from..n-1 of cfg's seed.
func newReplicas(cfg *sim.Config, from, n int) ([]*replica, error) {
	var out []*replica
	for i := from; i < n; i++ {
		m, err := newModel(cfg, sim.DeriveSeed(uint64(cfg.Run.Seed), i))
		if err != nil {
			return nil, err
		}
		out = append(out, &replica{model: m, rows: [][sim.NumMetrics]float64{m.Metrics()}})
	}
	return out, nil
}

// setup replaces the session's run with new models of cfg at tick 0, and
// of the baseline (base, nil for none) over the same seeds.
func (ss *session) setup(preset string, changes []change, cfg *sim.Config, baseName string, base *sim.Config) error {
	// The live run is replication 0 of the scenario, so that the downloaded
	// scenario file reproduces it with `orgnet run --config`.
	seed := sim.DeriveSeed(uint64(cfg.Run.Seed), 0)
	m, err := newModel(cfg, seed)
	if err != nil {
		return err
	}
	n := ss.srv.opts.Replications
	extra, err := newReplicas(cfg, 1, n)
	if err != nil {
		return err
	}
	var baseReps []*replica
	if base != nil {
		if baseReps, err = newReplicas(base, 0, n); err != nil {
			return fmt.Errorf("baseline %s: %w", baseName, err)
		}
	}
	ss.pause()
	ss.mu.Lock()
	defer ss.mu.Unlock()
	ss.preset, ss.changes, ss.cfg, ss.seed, ss.model = preset, changes, cfg, seed, m
	ss.rows = [][sim.NumMetrics]float64{m.Metrics()}
	ss.events = nil
	ss.extra, ss.base, ss.baseName, ss.baseCfg = extra, baseReps, baseName, base
	if base == nil {
		ss.baseName = ""
	}
	ss.frames = []netFrame{frameOf(m)}
	ss.failure = ""
	ss.actual = 0
	ss.setups++
	ss.version++
	clear(ss.cache)
	return nil
}

// frameEvery is how many weeks apart the network's frames are kept: every
// 4 weeks, or fewer frames for long runs.
func (ss *session) frameEvery() int {
	return max(4, ss.cfg.Ticks()/130)
}

// stepLocked advances every model by up to n weeks; ss.mu is held. A panic
// of the model stops the run with an error kept in the session.
func (ss *session) stepLocked(n int) (err error) {
	defer func() {
		if err != nil {
			ss.failure = err.Error()
			ss.running = false
		}
		ss.version++
	}()
	defer recovered("stepping a run", &err)
	if ss.failure != "" {
		return fmt.Errorf("%s", ss.failure)
	}
	for range n {
		if ss.model == nil || ss.model.Done() {
			break
		}
		ss.model.Step()
		ss.rows = append(ss.rows, ss.model.Metrics())
		for _, r := range ss.extra {
			r.model.Step()
			r.rows = append(r.rows, r.model.Metrics())
		}
		for _, r := range ss.base {
			if !r.model.Done() {
				r.model.Step()
				r.rows = append(r.rows, r.model.Metrics())
			}
		}
		if t := ss.model.Tick(); t%ss.frameEvery() == 0 || ss.model.Done() {
			ss.frames = append(ss.frames, frameOf(ss.model))
		}
	}
	ss.events = slices.Clone(ss.model.Events())
	return nil
}

// step advances a paused run by n weeks.
func (ss *session) step(n int) error {
	ss.mu.Lock()
	defer ss.mu.Unlock()
	if ss.model == nil {
		return badInput("nothing to step: set up a run first")
	}
	if ss.running {
		return badInput("the run is going: pause it before stepping")
	}
	return ss.stepLocked(n)
}

// start runs the model on the server at the session's speed until it is done,
// paused, or the session closes. It takes one of the client's run slots.
func (ss *session) start() error {
	ss.mu.Lock()
	if ss.model == nil {
		ss.mu.Unlock()
		return badInput("nothing to run: set up a run first")
	}
	if ss.failure != "" {
		ss.mu.Unlock()
		return fmt.Errorf("%s", ss.failure)
	}
	if ss.running || ss.model.Done() || ss.closed {
		ss.mu.Unlock()
		return nil
	}
	if ss.stopRun != nil { // A run that finished by itself.
		ss.stopRun()
		ss.stopRun, ss.runDone = nil, nil
	}
	ss.mu.Unlock()
	if err := ss.srv.acquireRun(ss.client); err != nil {
		return err
	}
	ctx, cancel := context.WithCancel(ss.srv.ctx)
	done := make(chan struct{})
	ss.mu.Lock()
	ss.running, ss.stopRun, ss.runDone = true, cancel, done
	ss.mu.Unlock()
	go ss.loop(ctx, done)
	return nil
}

// loop steps the run so that it keeps to its speed in simulated weeks per
// second, measured from when it started or the speed last changed; when the
// machine cannot keep up, it goes as fast as it can and reports the speed it
// reached. At most 40 ms of stepping happen under the session's lock at a
// time, so the page's requests are answered while it runs.
func (ss *session) loop(ctx context.Context, done chan struct{}) {
	defer close(done)
	defer ss.srv.releaseRun(ss.client)
	t := time.NewTicker(tickInterval)
	defer t.Stop()
	start, weeks, speed := time.Now(), 0, -1
	type mark struct {
		at   time.Time
		tick int
	}
	var recent []mark
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
		ss.mu.Lock()
		if ss.speed != speed {
			start, weeks, speed = time.Now(), 0, ss.speed
		}
		target := weeks + sim.WeeksPerYear
		if speed > 0 {
			target = int(time.Since(start).Seconds() * float64(speed))
		}
		budget := time.Now().Add(40 * time.Millisecond)
		var err error
		for weeks < target && !ss.model.Done() && err == nil && time.Now().Before(budget) {
			err = ss.stepLocked(1)
			weeks++
		}
		if speed > 0 && target-weeks > speed {
			// Behind by more than a second: do not try to catch up later.
			start, weeks = time.Now(), 0
		}
		now := time.Now()
		recent = append(recent, mark{now, ss.model.Tick()})
		for len(recent) > 2 && now.Sub(recent[0].at) > time.Second {
			recent = recent[1:]
		}
		if dt := now.Sub(recent[0].at).Seconds(); dt > 0.2 {
			ss.actual = float64(recent[len(recent)-1].tick-recent[0].tick) / dt
		}
		finished := ss.model.Done() || err != nil
		if finished {
			ss.running = false
		}
		ss.mu.Unlock()
		if finished {
			return
		}
	}
}

// pause stops a live run and waits until it has stopped.
func (ss *session) pause() {
	ss.mu.Lock()
	cancel, done := ss.stopRun, ss.runDone
	ss.stopRun, ss.runDone = nil, nil
	ss.running = false
	ss.mu.Unlock()
	if cancel != nil {
		cancel()
		<-done
	}
}

// reset puts the run back at tick 0 with the same configuration.
func (ss *session) reset() error {
	ss.mu.Lock()
	cfg, preset, changes, baseName := ss.cfg, ss.preset, ss.changes, ss.baseName
	var base *sim.Config
	if len(ss.base) > 0 {
		base = ss.baseCfg
	}
	ss.mu.Unlock()
	if cfg == nil {
		return badInput("nothing to reset: set up a run first")
	}
	return ss.setup(preset, changes, cfg, baseName, base)
}
