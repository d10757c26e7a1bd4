package web

import (
	"math"
	"net/http"
	"slices"

	"github.com/orgnet/orgnet/sim"
)

// The page draws its main chart itself from these series: per metric and
// week, the mean over the live run's replications, the lowest and highest
// replication (the band), the shown run, and the baseline's mean.

// seriesView holds weeks from..to-1 of every metric; null where a metric is
// undefined (wellbeing before the first case closes).
type seriesView struct {
	Setup        int                   `json:"setup"` // Changes when the run is set up again: start over.
	From         int                   `json:"from"`
	To           int                   `json:"to"`
	Replications int                   `json:"replications"`
	Base         string                `json:"base"` // The baseline's preset; "" for none.
	Metrics      map[string]metricPart `json:"metrics"`
}

type metricPart struct {
	Run  []*float64 `json:"run"`  // Replication 0, the run shown.
	Mean []*float64 `json:"mean"` // Mean over the replications.
	Lo   []*float64 `json:"lo"`   // Lowest replication.
	Hi   []*float64 `json:"hi"`   // Highest replication.
	Base []*float64 `json:"base,omitempty"`
}

// undefined reports whether metric i of a row has no value (NaN, as
// wellbeing before any case has closed, or infinite): JSON has no NaN, so
// the page gets null.
func undefined(row *[sim.NumMetrics]float64, i int) bool {
	return math.IsNaN(row[i]) || math.IsInf(row[i], 0)
}

// stats returns the mean, lowest and highest defined value of metric i at
// week t over rows; nil when none is defined.
func stats(reps [][][sim.NumMetrics]float64, t, i int) (mean, lo, hi *float64) {
	var sum float64
	n := 0
	l, h := math.Inf(1), math.Inf(-1)
	for _, rows := range reps {
		if t >= len(rows) || undefined(&rows[t], i) {
			continue
		}
		x := rows[t][i]
		sum += x
		n++
		l, h = min(l, x), max(h, x)
	}
	if n == 0 {
		return nil, nil, nil
	}
	m := sum / float64(n)
	return &m, &l, &h
}

// handleSeries serves the live run's series from week `from` on.
func (s *Server) handleSeries(w http.ResponseWriter, r *http.Request, ss *session) {
	from, err := fromParam(r, "a week")
	if err != nil {
		fail(w, err)
		return
	}
	ss.mu.Lock()
	defer ss.mu.Unlock()
	if ss.model == nil {
		fail(w, badInput("nothing to show: set up a run first"))
		return
	}
	reps := [][][sim.NumMetrics]float64{ss.rows}
	for _, x := range ss.extra {
		reps = append(reps, x.rows)
	}
	var base [][][sim.NumMetrics]float64
	for _, x := range ss.base {
		base = append(base, x.rows)
	}
	to := len(ss.rows)
	from = min(from, to)
	v := seriesView{Setup: ss.setups, From: from, To: to, Replications: len(reps), Base: ss.baseName, Metrics: map[string]metricPart{}}
	for i, name := range sim.MetricNames {
		if i == sim.MTick || i == sim.MYear {
			continue
		}
		var p metricPart
		for t := from; t < to; t++ {
			var run *float64
			if !undefined(&ss.rows[t], i) {
				x := ss.rows[t][i]
				run = &x
			}
			mean, lo, hi := stats(reps, t, i)
			p.Run, p.Mean, p.Lo, p.Hi = append(p.Run, run), append(p.Mean, mean), append(p.Lo, lo), append(p.Hi, hi)
			if len(base) > 0 {
				bm, _, _ := stats(base, t, i)
				p.Base = append(p.Base, bm)
			}
		}
		v.Metrics[name] = p
	}
	writeJSON(w, http.StatusOK, v)
}

// metricsOffered lists the metrics the page may chart, in column order.
func metricsOffered() []string {
	var out []string
	for i, n := range sim.MetricNames {
		if i != sim.MTick && i != sim.MYear {
			out = append(out, n)
		}
	}
	return slices.Clip(out)
}
