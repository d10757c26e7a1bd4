package sweep

import (
	"fmt"
	"io"
	"strings"
	"time"
)

// progress reports runs done, rate and ETA: as a bar redrawn in place on a
// terminal, otherwise as a plain line now and then.
type progress struct {
	w        io.Writer
	terminal bool
	total    int
	resumed  int
	start    time.Time
	last     time.Time
	drawn    bool
}

const plainEvery = 15 * time.Second

func newProgress(w io.Writer, terminal bool, total, resumed int) *progress {
	now := time.Now()
	return &progress{w: w, terminal: terminal, total: total, resumed: resumed, start: now, last: now}
}

func (p *progress) update(done, failed int) {
	if p.w == nil {
		return
	}
	now := time.Now()
	every := plainEvery
	if p.terminal {
		every = 100 * time.Millisecond
	}
	if now.Sub(p.last) < every {
		return
	}
	p.last = now
	p.draw(done, failed, now)
}

func (p *progress) draw(done, failed int, now time.Time) {
	elapsed := now.Sub(p.start).Seconds()
	rate := 0.0
	if elapsed > 0 {
		rate = float64(done-p.resumed) / elapsed
	}
	eta := "?"
	if rate > 0 {
		eta = clock(time.Duration(float64(p.total-done) / rate * float64(time.Second)))
	}
	fail := ""
	if failed > 0 {
		fail = fmt.Sprintf("  %d failed", failed)
	}
	if !p.terminal {
		fmt.Fprintf(p.w, "sweep: %d/%d runs, %.1f runs/s, ETA %s%s\n", done, p.total, rate, eta, fail)
		return
	}
	const width = 30
	n := 0
	if p.total > 0 {
		n = width * done / p.total
	}
	bar := strings.Repeat("=", n) + strings.Repeat(" ", width-n)
	fmt.Fprintf(p.w, "\r[%s] %d/%d runs  %.1f runs/s  ETA %s%s\033[K", bar, done, p.total, rate, eta, fail)
	p.drawn = true
}

// finish draws the final state and ends the bar's line.
func (p *progress) finish(done, failed int) {
	if p.w == nil {
		return
	}
	if p.terminal {
		p.draw(done, failed, time.Now())
		fmt.Fprintln(p.w)
	}
}

func clock(d time.Duration) string {
	s := int(d.Round(time.Second).Seconds())
	if s >= 3600 {
		return fmt.Sprintf("%d:%02d:%02d", s/3600, s/60%60, s%60)
	}
	return fmt.Sprintf("%d:%02d", s/60, s%60)
}
