package main

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"runtime"
	"runtime/debug"
	"strings"
	"sync"
	"time"

	"github.com/orgnet/orgnet/scenarios"
	"github.com/orgnet/orgnet/sim"
)

func init() {
	register(command{name: "bench", summary: "measure speed: ticks, runs, the national preset and a sweep, with parallel efficiency", run: runBench})
}

const benchUsage = `Usage: orgnet bench [--quick] [--sweep-runs N] [--national-years Y] [--threads T]

Measures orgnet's speed on this machine and prints, for each benchmark,
person-ticks per second, runs per second, allocations and peak memory:

  tick/CASE      one week of each case preset (after two years of warm-up,
                 without its events)
  run10/CASE     a 10-year run of each case preset, construction included
  national/setup building the national preset (about a million persons)
  national/Yy    Y simulated years of the national preset on T threads
  sweep/W        a sweep of N 10-year runs of ` + scenarios.Default + ` on W workers
                 (1 and all), with the parallel efficiency

--quick runs a short version (a tenth of the national preset for a few
weeks, a sweep of 40 runs) in a few seconds. Peak memory is the process's
peak resident set, reset before each benchmark where the system allows it.
The same benchmarks exist for go test: go test ./sim -run '^$' -bench .
`

// benchOptions are the parsed flags of orgnet bench.
type benchOptions struct {
	quick         bool
	sweepRuns     int
	nationalYears float64
	threads       int
}

func runBench(args []string, stdout, stderr io.Writer) error {
	var o benchOptions
	fs := newFlagSet("bench", benchUsage, stdout)
	fs.BoolVar(&o.quick, "quick", false, "a short version (seconds)")
	fs.IntVar(&o.sweepRuns, "sweep-runs", 0, "runs `N` in the sweep (default 1000, 40 with --quick)")
	fs.Float64Var(&o.nationalYears, "national-years", 1, "simulated `Y`ears of the national preset")
	fs.IntVar(&o.threads, "threads", 1, "threads `T` sharing the national run (its networks' weeks)")
	if _, err := parseArgs(fs, args, 0, 0); err != nil {
		return helpOK(err)
	}
	if o.sweepRuns == 0 {
		o.sweepRuns = 1000
		if o.quick {
			o.sweepRuns = 40
		}
	}
	switch {
	case o.sweepRuns < 1:
		return usagef("--sweep-runs %d: need at least 1", o.sweepRuns)
	case o.nationalYears <= 0 || o.nationalYears > 100:
		return usagef("--national-years %v: allowed 0 < Y <= 100", o.nationalYears)
	case o.threads < 1:
		return usagef("--threads %d: need at least 1", o.threads)
	}
	return benchAll(o, stdout)
}

// benchResult is one measured benchmark.
type benchResult struct {
	name        string
	ops         int           // Iterations.
	elapsed     time.Duration // Total time of the iterations.
	personTicks float64       // Person-weeks simulated in all iterations.
	runs        int           // Complete runs in all iterations (0: not a run benchmark).
	cpu         time.Duration // Processor time of the process in all iterations, -1 if unknown.
	allocs      uint64        // Heap allocations in all iterations.
	bytes       uint64        // Heap bytes allocated in all iterations.
	peakRSS     int64         // Peak resident memory in bytes, -1 if unknown.
}

// measure times f (one iteration, returning the person-ticks and runs it
// simulated) until minTime has passed, counting allocations and peak memory.
// setup, if not nil, runs before each iteration outside the measurement.
func measure(name string, minTime time.Duration, setup func(), f func() (personTicks float64, runs int)) benchResult {
	r := benchResult{name: name}
	debug.FreeOSMemory() // so that the peak starts from what is in use now
	resetPeakRSS()
	var before, after runtime.MemStats
	for r.ops == 0 || r.elapsed < minTime {
		if setup != nil {
			setup()
		}
		cpu0 := cpuTime() // outside the allocation count: reading it allocates
		runtime.ReadMemStats(&before)
		start := time.Now()
		pt, runs := f()
		r.elapsed += time.Since(start)
		runtime.ReadMemStats(&after)
		if cpu1 := cpuTime(); cpu0 >= 0 && cpu1 >= 0 && r.cpu >= 0 {
			r.cpu += cpu1 - cpu0
		} else {
			r.cpu = -1
		}
		r.ops++
		r.personTicks += pt
		r.runs += runs
		r.allocs += after.Mallocs - before.Mallocs
		r.bytes += after.TotalAlloc - before.TotalAlloc
	}
	r.peakRSS = peakRSS()
	return r
}

func benchAll(o benchOptions, w io.Writer) error {
	minTime := time.Second
	if o.quick {
		minTime = 50 * time.Millisecond
	}
	fmt.Fprintf(w, "orgnet bench %s: %s, %d CPUs (GOMAXPROCS %d), %s %s/%s, %s%s\n\n",
		versionString(), cpuModel(), runtime.NumCPU(), runtime.GOMAXPROCS(0), runtime.Version(), runtime.GOOS, runtime.GOARCH,
		time.Now().UTC().Format("2006-01-02 15:04 UTC"), loadNote())
	const row = "%-34s %10s %12s %14s %9s %10s %10s %11s\n"
	fmt.Fprintf(w, row, "benchmark", "iterations", "time/op", "person-ticks/s", "runs/s", "allocs/op", "bytes/op", "peak memory")
	emit := func(r benchResult) {
		per := r.elapsed / time.Duration(r.ops)
		rate, runsPerSec := "-", "-"
		if r.personTicks > 0 {
			rate = fmt.Sprintf("%.3g", r.personTicks/r.elapsed.Seconds())
		}
		if r.runs > 0 {
			runsPerSec = fmt.Sprintf("%.1f", float64(r.runs)/r.elapsed.Seconds())
		}
		fmt.Fprintf(w, row, r.name, fmt.Sprint(r.ops), roundDuration(per), rate, runsPerSec,
			allocCount(float64(r.allocs)/float64(r.ops)), byteSize(int64(r.bytes/uint64(r.ops))), byteSize(r.peakRSS))
	}

	var cases []string
	for _, name := range scenarios.Cases {
		if _, err := scenarios.Preset(name); err == nil {
			cases = append(cases, name)
		}
	}
	// One week of each case preset, after two years of warm-up.
	for _, name := range cases {
		cfg, err := benchConfig(name, 100)
		if err != nil {
			return err
		}
		cfg.Events = nil // the steady week; partners joining or leaving rebuild indexes
		// Partners attracted by legitimacy join, too.
		cfg.Legitimacy.Attraction = 0
		m, err := warmModel(cfg)
		if err != nil {
			return err
		}
		const batch = 52
		emit(measure("tick/"+name, minTime, func() {
			if m.Tick()+batch > cfg.Ticks() {
				m, _ = warmModel(cfg)
			}
		}, func() (float64, int) {
			pt := 0.0
			for range batch {
				m.Step()
				pt += m.Metrics()[sim.MPersons]
			}
			return pt, 0
		}).perOp(batch))
	}
	// A 10-year run of each case preset.
	for _, name := range cases {
		cfg, err := benchConfig(name, 10)
		if err != nil {
			return err
		}
		emit(measure("run10/"+name, minTime, nil, func() (float64, int) {
			res, err := sim.Run(cfg, 1)
			if err != nil {
				panic(err) // the preset validated above
			}
			return personTicks(res), 1
		}))
	}
	// The national preset: construction, then years of simulation.
	national, err := scenarios.Preset("national")
	if err != nil {
		return fmt.Errorf("national preset: %w", err)
	}
	label := "national"
	if o.quick {
		if err := national.Set("network.count", "30"); err != nil {
			return err
		}
		label = "national(30 networks)"
		o.nationalYears = 4.0 / sim.WeeksPerYear
	}
	var nm *sim.Model
	emit(measure(label+"/setup", 0, nil, func() (float64, int) {
		var err error
		nm, err = sim.New(national, 1)
		if err != nil {
			panic(err)
		}
		return 0, 0
	}))
	nm.SetThreads(o.threads)
	weeks := max(1, int(o.nationalYears*sim.WeeksPerYear+0.5))
	name := fmt.Sprintf("%s/%dw", label, weeks)
	if weeks%sim.WeeksPerYear == 0 {
		name = fmt.Sprintf("%s/%dy", label, weeks/sim.WeeksPerYear)
	}
	if o.threads > 1 {
		name += fmt.Sprintf("/%dthreads", o.threads)
	}
	emit(measure(name, 0, nil, func() (float64, int) {
		pt := 0.0
		for range weeks {
			nm.Step()
			pt += nm.Metrics()[sim.MPersons]
		}
		return pt, 0
	}))
	nm = nil

	// A sweep at one worker and at all.
	cfg, err := benchConfig(scenarios.Default, 10)
	if err != nil {
		return err
	}
	var t1, cpu1 time.Duration
	var finals1 []float64
	allWorkers := runtime.GOMAXPROCS(0)
	for _, workers := range uniqueInts(1, allWorkers) {
		var finals []float64
		r := measure(fmt.Sprintf("sweep/%d-runs/%d-worker", o.sweepRuns, workers), 0, nil, func() (float64, int) {
			var pt float64
			finals, pt = benchSweep(cfg, o.sweepRuns, workers)
			return pt, o.sweepRuns
		})
		emit(r)
		if workers == 1 {
			t1, cpu1, finals1 = r.elapsed, r.cpu, finals
			continue
		}
		for i := range finals {
			if finals[i] != finals1[i] {
				return fmt.Errorf("sweep: run %d differs between 1 and %d workers", i, workers)
			}
		}
		speedup := t1.Seconds() / r.elapsed.Seconds()
		fmt.Fprintf(w, "\nsweep speed-up 1 -> %d workers: %.2fx, parallel efficiency %.0f%% (results identical)\n",
			workers, speedup, 100*speedup/float64(workers))
		if cpu1 >= 0 && r.cpu >= 0 {
			// Processor time per run stays the same when the runs scale; a
			// lower wall-clock efficiency then means the cores were busy
			// with other work.
			fmt.Fprintf(w, "processor time per run: %s at 1 worker, %s at %d (%.0f%% of the cores' time given to orgnet)\n",
				roundDuration(cpu1/time.Duration(o.sweepRuns)), roundDuration(r.cpu/time.Duration(o.sweepRuns)), workers,
				100*r.cpu.Seconds()/(r.elapsed.Seconds()*float64(workers)))
		}
	}
	return nil
}

// allocCount formats allocations per operation: whole numbers, or a
// fraction where fewer than one (growth now and then in a steady loop).
func allocCount(a float64) string {
	if a >= 10 || a == 0 {
		return fmt.Sprintf("%.0f", a)
	}
	return fmt.Sprintf("%.3g", a)
}

// perOp scales a result measured in batches of n to one operation per item.
func (r benchResult) perOp(n int) benchResult {
	r.ops *= n
	return r
}

// benchConfig returns a preset with run.years set.
func benchConfig(name string, years float64) (*sim.Config, error) {
	cfg, err := scenarios.Preset(name)
	if err != nil {
		return nil, fmt.Errorf("preset %s: %w", name, err)
	}
	cfg.Run.Years = years
	return cfg, nil
}

// warmModel builds a model of cfg and steps it two years.
func warmModel(cfg *sim.Config) (*sim.Model, error) {
	m, err := sim.New(cfg, 1)
	if err != nil {
		return nil, err
	}
	for range 2 * sim.WeeksPerYear {
		m.Step()
	}
	return m, nil
}

// personTicks sums the persons over a run's weeks.
func personTicks(res *sim.Result) float64 {
	pt := 0.0
	for _, r := range res.Rows[1:] {
		pt += r[sim.MPersons]
	}
	return pt
}

// benchSweep runs n runs of cfg (seeds derived from 1) on a pool of workers and
// returns each run's final solved cases, in run order, and the person-ticks.
// Workers share nothing but the job counter.
func benchSweep(cfg *sim.Config, n, workers int) ([]float64, float64) {
	finals := make([]float64, n)
	pts := make([]float64, workers)
	jobs := make(chan int, n)
	for i := range n {
		jobs <- i
	}
	close(jobs)
	var wg sync.WaitGroup
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range jobs {
				res, err := sim.Run(cfg, sim.DeriveSeed(1, i))
				if err != nil {
					panic(err) // the preset validated above
				}
				finals[i] = res.Final(sim.MCasesSolvedCum)
				pts[w] += personTicks(res)
			}
		}()
	}
	wg.Wait()
	total := 0.0
	for _, p := range pts {
		total += p
	}
	return finals, total
}

func uniqueInts(a, b int) []int {
	if a == b {
		return []int{a}
	}
	return []int{a, b}
}

func roundDuration(d time.Duration) time.Duration {
	switch {
	case d >= time.Second:
		return d.Round(time.Millisecond)
	case d >= time.Millisecond:
		return d.Round(time.Microsecond)
	default:
		return d.Round(10 * time.Nanosecond)
	}
}

// byteSize formats a number of bytes ("n/a" if negative).
func byteSize(b int64) string {
	switch {
	case b < 0:
		return "n/a"
	case b < 1<<10:
		return fmt.Sprintf("%d B", b)
	case b < 1<<20:
		return fmt.Sprintf("%.1f KiB", float64(b)/(1<<10))
	case b < 1<<30:
		return fmt.Sprintf("%.1f MiB", float64(b)/(1<<20))
	default:
		return fmt.Sprintf("%.2f GiB", float64(b)/(1<<30))
	}
}

// resetPeakRSS resets the process's peak resident set where the system
// allows it (Linux: /proc/self/clear_refs), so peakRSS measures from now.
func resetPeakRSS() {
	f, err := os.OpenFile("/proc/self/clear_refs", os.O_WRONLY, 0)
	if err != nil {
		return
	}
	f.WriteString("5")
	f.Close()
}

// peakRSS returns the process's peak resident set in bytes (Linux:
// VmHWM in /proc/self/status), or -1 where the system does not tell.
func peakRSS() int64 {
	f, err := os.Open("/proc/self/status")
	if err != nil {
		return -1
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if v, ok := strings.CutPrefix(sc.Text(), "VmHWM:"); ok {
			var kb int64
			if _, err := fmt.Sscanf(strings.TrimSpace(v), "%d kB", &kb); err == nil {
				return kb << 10
			}
		}
	}
	return -1
}

// cpuModel returns the processor's model name where the system tells it.
func cpuModel() string {
	f, err := os.Open("/proc/cpuinfo")
	if err != nil {
		return "unknown CPU"
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if k, v, ok := strings.Cut(sc.Text(), ":"); ok && strings.TrimSpace(k) == "model name" {
			return strings.TrimSpace(v)
		}
	}
	return "unknown CPU"
}

// cpuTime returns the processor time (user and system) the process has used
// (Linux: /proc/self/stat, in units of 1/100 s), or -1 where the system does
// not tell.
func cpuTime() time.Duration {
	b, err := os.ReadFile("/proc/self/stat")
	if err != nil {
		return -1
	}
	// Fields after the command name (which is in parentheses): state is
	// field 3, utime 14 and stime 15.
	i := strings.LastIndexByte(string(b), ')')
	if i < 0 {
		return -1
	}
	f := strings.Fields(string(b[i+1:]))
	if len(f) < 13 {
		return -1
	}
	var ut, st int64
	if _, err := fmt.Sscan(f[11], &ut); err != nil {
		return -1
	}
	if _, err := fmt.Sscan(f[12], &st); err != nil {
		return -1
	}
	return time.Duration(ut+st) * (time.Second / 100)
}

// loadNote returns ", load average X" where the system tells it: other work
// on the machine slows the benchmarks, the parallel ones most.
func loadNote() string {
	b, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return ""
	}
	if f := strings.Fields(string(b)); len(f) > 0 {
		return ", load average " + f[0]
	}
	return ""
}
