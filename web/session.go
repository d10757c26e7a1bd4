package web

import (
	"context"
	"slices"
	"sync"
	"time"

	"github.com/orgnet/orgnet/sim"
)

// Speeds a live run can go at, in simulated weeks per second; 0 is as fast
// as the machine allows.
var speeds = []int{13, 52, 156, 520, 0}

// tickInterval is how often a live run advances.
const tickInterval = 50 * time.Millisecond

// session is one open page: its current run (a model stepped on the
// server), its last dilemma, and when it was last heard from.
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
	model   *sim.Model
	rows    [][sim.NumMetrics]float64
	events  []sim.EventRecord
	version int // Bumped whenever rows or model change; keys the chart cache.

	running bool
	speed   int // Weeks per second; 0: as fast as possible.
	stopRun context.CancelFunc
	runDone chan struct{}

	dilemma *dilemmaResult

	cache map[string][]byte // Rendered pictures by name, language and version.
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

// setup replaces the session's run with a new model of cfg at tick 0.
func (ss *session) setup(preset string, changes []change, cfg *sim.Config) error {
	ss.pause()
	// The live run is replication 0 of the scenario, so that the downloaded
	// scenario file reproduces it with `orgnet run --config`.
	seed := sim.DeriveSeed(uint64(cfg.Run.Seed), 0)
	m, err := sim.New(cfg, seed)
	if err != nil {
		return badInput("%v", err)
	}
	ss.mu.Lock()
	defer ss.mu.Unlock()
	ss.preset, ss.changes, ss.cfg, ss.seed, ss.model = preset, changes, cfg, seed, m
	ss.rows = [][sim.NumMetrics]float64{m.Metrics()}
	ss.events = nil
	ss.version++
	clear(ss.cache)
	return nil
}

// stepLocked advances the model by up to n weeks; ss.mu is held.
func (ss *session) stepLocked(n int) {
	for range n {
		if ss.model == nil || ss.model.Done() {
			break
		}
		ss.model.Step()
		ss.rows = append(ss.rows, ss.model.Metrics())
	}
	ss.events = slices.Clone(ss.model.Events())
	ss.version++
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
	ss.stepLocked(n)
	return nil
}

// start runs the model on the server at the session's speed until it is done,
// paused, or the session closes. It takes one of the client's run slots.
func (ss *session) start() error {
	ss.mu.Lock()
	if ss.model == nil {
		ss.mu.Unlock()
		return badInput("nothing to run: set up a run first")
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

func (ss *session) loop(ctx context.Context, done chan struct{}) {
	defer close(done)
	defer ss.srv.releaseRun(ss.client)
	t := time.NewTicker(tickInterval)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
		ss.mu.Lock()
		n := ss.speed * int(tickInterval/time.Millisecond) / 1000
		if ss.speed == 0 {
			n = sim.WeeksPerYear
		}
		ss.stepLocked(max(n, 1))
		finished := ss.model.Done()
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
	cfg, preset, changes := ss.cfg, ss.preset, ss.changes
	ss.mu.Unlock()
	if cfg == nil {
		return badInput("nothing to reset: set up a run first")
	}
	return ss.setup(preset, changes, cfg)
}
