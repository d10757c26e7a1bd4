// Package ensemble runs replications of one scenario in parallel and
// summarises them.
//
// Replication i runs with the seed sim.DeriveSeed(master, i). Results are
// stored by replication index, so everything derived from an ensemble is the
// same whatever the number of workers.
package ensemble

import (
	"context"
	"errors"
	"fmt"
	"math"
	"reflect"
	"runtime"
	"slices"
	"sort"
	"sync"

	"github.com/orgnet/orgnet/sim"
)

// Options tune how an ensemble runs. The zero value runs on every core.
type Options struct {
	// Workers is the number of replications run at once; 0 means
	// runtime.NumCPU().
	Workers int
	// Progress, if set, is called after each replication finishes with the
	// number finished so far and the total. It is called from the worker
	// goroutines, one call at a time.
	Progress func(done, total int)
	// SnapshotTicks lists ticks at which the first replication's network is
	// recorded (see Replication.Snapshots); the end state is always recorded.
	SnapshotTicks []int
	// SnapshotPersons caps the persons of each snapshot (0: all); see
	// sim.Model.Snapshot.
	SnapshotPersons int
	// Threads is the number of goroutines sharing one run's orientation
	// update (sim.Model.SetThreads); results do not depend on it.
	Threads int
	// Vary, if set, changes replication i's own copy of the configuration
	// before it runs (e.g. parameters drawn from a posterior). It must
	// depend only on i and be safe to call from several goroutines.
	Vary func(i int, cfg *sim.Config) error
}

// Replication is the outcome of one run.
type Replication struct {
	Index  int
	Seed   uint64
	Rows   [][sim.NumMetrics]float64 // One row per tick, from tick 0.
	Events []sim.EventRecord
	// Snapshots holds the network at the requested ticks and at the end, in
	// order of tick. Only the first replication (index 0) records them.
	Snapshots []sim.Snapshot
}

// Identical reports whether two sets of replications hold the same results
// bit for bit: indices, seeds, rows, events and snapshots, an undefined
// value (NaN, as wellbeing before the first case closes) equal to an
// undefined value. reflect.DeepEqual would call them different, since NaN
// is not equal to NaN.
func Identical(a, b []Replication) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		x, y := &a[i], &b[i]
		if x.Index != y.Index || x.Seed != y.Seed || !SameRows(x.Rows, y.Rows) ||
			!reflect.DeepEqual(x.Events, y.Events) || !reflect.DeepEqual(x.Snapshots, y.Snapshots) {
			return false
		}
	}
	return true
}

// SameRows reports whether two runs' metric rows are the same bit for bit
// (NaN equal to NaN).
func SameRows(a, b [][sim.NumMetrics]float64) bool {
	if len(a) != len(b) {
		return false
	}
	for t := range a {
		for m := range a[t] {
			if math.Float64bits(a[t][m]) != math.Float64bits(b[t][m]) {
				return false
			}
		}
	}
	return true
}

// Result is a finished ensemble.
type Result struct {
	Config *sim.Config   // The configuration every replication ran.
	Master uint64        // Master seed.
	Reps   []Replication // Ordered by Index.
}

// Seeds returns the seed of every replication, in order.
func (r *Result) Seeds() []uint64 {
	s := make([]uint64, len(r.Reps))
	for i, rep := range r.Reps {
		s[i] = rep.Seed
	}
	return s
}

// Seeds returns the seeds of n replications of master.
func Seeds(master uint64, n int) []uint64 {
	s := make([]uint64, n)
	for i := range s {
		s[i] = sim.DeriveSeed(master, i)
	}
	return s
}

// Run runs reps replications of cfg with seeds derived from master. It stops
// early, returning ctx.Err(), when ctx is cancelled.
func Run(ctx context.Context, cfg *sim.Config, master uint64, reps int, opt Options) (*Result, error) {
	if reps < 1 {
		return nil, fmt.Errorf("ensemble: %d replications; need at least 1", reps)
	}
	if err := cfg.Validate(); err != nil {
		return nil, fmt.Errorf("ensemble: invalid scenario: %w", err)
	}
	workers := opt.Workers
	if workers <= 0 {
		workers = runtime.NumCPU()
	}
	workers = min(workers, reps)
	res := &Result{Config: cfg.Clone(), Master: master, Reps: make([]Replication, reps)}

	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	jobs := make(chan int)
	var (
		wg       sync.WaitGroup
		mu       sync.Mutex
		done     int
		firstErr error
	)
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range jobs {
				rep, err := runOne(ctx, res.Config, master, i, opt)
				mu.Lock()
				if err != nil {
					if firstErr == nil {
						firstErr = err
					}
					cancel()
				} else {
					res.Reps[i] = rep
					done++
					if opt.Progress != nil {
						opt.Progress(done, reps)
					}
				}
				mu.Unlock()
			}
		}()
	}
feed:
	for i := range reps {
		select {
		case jobs <- i:
		case <-ctx.Done():
			break feed
		}
	}
	close(jobs)
	wg.Wait()
	if firstErr != nil {
		return nil, firstErr
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	return res, nil
}

// runOne runs replication i, checking ctx every simulated year. A panic of
// the model becomes the replication's error, so that a server running it
// goes on.
func runOne(ctx context.Context, cfg *sim.Config, master uint64, i int, opt Options) (rep Replication, err error) {
	defer func() {
		if v := recover(); v != nil {
			rep, err = Replication{}, fmt.Errorf("replication %d: the model failed: %v", i, v)
		}
	}()
	seed := sim.DeriveSeed(master, i)
	if opt.Vary != nil {
		cfg = cfg.Clone()
		if err := opt.Vary(i, cfg); err != nil {
			return Replication{}, fmt.Errorf("replication %d: %w", i, err)
		}
	}
	m, err := sim.New(cfg, seed)
	if err != nil {
		return Replication{}, fmt.Errorf("replication %d: %w", i, err)
	}
	m.SetThreads(opt.Threads)
	var snapAt []int
	if i == 0 {
		snapAt = slices.Clone(opt.SnapshotTicks)
		sort.Ints(snapAt)
	}
	rep = Replication{Index: i, Seed: seed}
	rows := make([][sim.NumMetrics]float64, 0, cfg.Ticks()+1)
	rows = append(rows, m.Metrics())
	snap := func() {
		for len(snapAt) > 0 && snapAt[0] <= m.Tick() {
			if snapAt[0] == m.Tick() && m.Tick() < cfg.Ticks() {
				rep.Snapshots = append(rep.Snapshots, m.Snapshot(opt.SnapshotPersons))
			}
			snapAt = snapAt[1:]
		}
	}
	snap()
	for !m.Done() {
		if m.Tick()%sim.WeeksPerYear == 0 {
			if err := ctx.Err(); err != nil {
				return Replication{}, err
			}
		}
		m.Step()
		rows = append(rows, m.Metrics())
		snap()
	}
	if i == 0 {
		rep.Snapshots = append(rep.Snapshots, m.Snapshot(opt.SnapshotPersons))
	}
	rep.Rows = rows
	rep.Events = slices.Clone(m.Events())
	return rep, nil
}

// Summary holds, per tick and metric, the mean and the 5th and 95th
// percentiles over the replications of an ensemble (a 90% band).
type Summary struct {
	Mean, P05, P95 [][sim.NumMetrics]float64 // Indexed [tick][metric].
	Reps           int
}

// Ticks returns the number of rows (ticks 0..end) of the summary.
func (s *Summary) Ticks() int { return len(s.Mean) }

// Column returns one metric of the summary as three slices over ticks.
func (s *Summary) Column(metric int) (mean, p05, p95 []float64) {
	mean = make([]float64, len(s.Mean))
	p05 = make([]float64, len(s.Mean))
	p95 = make([]float64, len(s.Mean))
	for t := range s.Mean {
		mean[t], p05[t], p95[t] = s.Mean[t][metric], s.P05[t][metric], s.P95[t][metric]
	}
	return mean, p05, p95
}

// ErrEmpty is returned when summarising no replications.
var ErrEmpty = errors.New("ensemble: no replications to summarise")

// Summarise computes the Summary of a set of replications. Percentiles
// interpolate linearly between order statistics (the R-7 / NumPy default
// definition), so a single replication gives a band of zero width. Ticks
// beyond the shortest replication are dropped. Undefined values (NaN) are
// left out of the mean and the percentiles.
func Summarise(reps []Replication) (*Summary, error) {
	if len(reps) == 0 {
		return nil, ErrEmpty
	}
	n := len(reps[0].Rows)
	for _, r := range reps {
		n = min(n, len(r.Rows))
	}
	s := &Summary{
		Mean: make([][sim.NumMetrics]float64, n),
		P05:  make([][sim.NumMetrics]float64, n),
		P95:  make([][sim.NumMetrics]float64, n),
		Reps: len(reps),
	}
	vals := make([]float64, 0, len(reps))
	for t := range n {
		for m := range sim.NumMetrics {
			// Undefined values (NaN) are left out; none at all gives NaN.
			sum := 0.0
			vals = vals[:0]
			for _, r := range reps {
				if x := r.Rows[t][m]; !math.IsNaN(x) {
					vals = append(vals, x)
					sum += x
				}
			}
			sort.Float64s(vals)
			s.Mean[t][m] = sum / float64(len(vals))
			s.P05[t][m] = Quantile(vals, 0.05)
			s.P95[t][m] = Quantile(vals, 0.95)
		}
	}
	return s, nil
}

// Summary summarises the result's replications.
func (r *Result) Summary() (*Summary, error) { return Summarise(r.Reps) }

// Quantile returns the q-quantile of sorted values by linear interpolation
// between order statistics. It returns NaN for no values.
func Quantile(sorted []float64, q float64) float64 {
	n := len(sorted)
	if n == 0 {
		return math.NaN()
	}
	h := q * float64(n-1)
	lo := int(math.Floor(h))
	if lo >= n-1 {
		return sorted[n-1]
	}
	return sorted[lo] + (h-float64(lo))*(sorted[lo+1]-sorted[lo])
}
