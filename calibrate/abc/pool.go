package abc

import (
	"context"
	"fmt"
	"runtime"
	"sync"
)

// Simulator evaluates one parameter set with one seed. It must depend on
// nothing else, and be safe to call from several goroutines.
type Simulator func(values []float64, seed uint64) Eval

// Pool is an Evaluator running a Simulator on local goroutines. A panic in
// the simulator is recorded as a failed simulation (distance +Inf).
type Pool struct {
	Sim      Simulator
	Workers  int            // 0: runtime.NumCPU().
	Progress func(done int) // Called after each simulation with the count so far (from the calling goroutine).
	done     int
}

// Evaluate runs the jobs; on cancellation it finishes the simulations in
// flight, reports them, and returns ctx.Err().
func (p *Pool) Evaluate(ctx context.Context, jobs []Job, done func(i int, e Eval) error) error {
	workers := p.Workers
	if workers <= 0 {
		workers = runtime.NumCPU()
	}
	type res struct {
		i int
		e Eval
	}
	in := make(chan int)
	out := make(chan res, workers)
	var wg sync.WaitGroup
	for range min(workers, len(jobs)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range in {
				out <- res{i, safeSim(p.Sim, jobs[i])}
			}
		}()
	}
	go func() {
		defer close(in)
		for i := range jobs {
			select {
			case <-ctx.Done():
				return
			case in <- i:
			}
		}
	}()
	go func() {
		wg.Wait()
		close(out)
	}()
	var err error
	n := 0
	for r := range out {
		if err != nil {
			continue
		}
		if err = done(r.i, r.e); err == nil {
			n++
			p.done++
			if p.Progress != nil {
				p.Progress(p.done)
			}
		}
	}
	if err != nil {
		return err
	}
	if n < len(jobs) {
		return ctx.Err()
	}
	return nil
}

func safeSim(f Simulator, j Job) (e Eval) {
	defer func() {
		if r := recover(); r != nil {
			e = Eval{Distance: inf, Err: fmt.Sprintf("panic: %v", r)}
		}
	}()
	return f(j.Values, j.Seed)
}
