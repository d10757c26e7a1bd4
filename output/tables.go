package output

import (
	"bufio"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"os"
	"strconv"
	"time"

	"github.com/orgnet/orgnet/ensemble"
	"github.com/orgnet/orgnet/scenarios"
	"github.com/orgnet/orgnet/sim"
)

// ManifestFormat is the version of the manifest's layout.
const ManifestFormat = 1

// Manifest records everything needed to reproduce a run: the full resolved
// scenario (Scenario, a complete scenario file whose [run] table holds the
// seed, years and replications), the seeds, the version and platform.
// `orgnet run --config manifest.json` runs it again bit for bit.
type Manifest struct {
	Format        int       `json:"manifest_format"`
	Orgnet        string    `json:"orgnet_version"`
	Name          string    `json:"scenario_name"`
	Title         string    `json:"scenario_title"`
	Seed          uint64    `json:"seed"`
	Replications  int       `json:"replications"`
	Seeds         []uint64  `json:"replication_seeds"`
	Years         float64   `json:"years"`
	Ticks         int       `json:"ticks"`
	SnapshotYears []float64 `json:"snapshot_years,omitempty"`
	Lang          string    `json:"lang"`
	Start         time.Time `json:"start"`
	End           time.Time `json:"end"`
	GoVersion     string    `json:"go_version"`
	Platform      string    `json:"platform"`
	Command       []string  `json:"command"`
	Files         []string  `json:"files"`
	Scenario      string    `json:"scenario"`
	Posterior     string    `json:"posterior,omitempty"` // Posterior the replications drew their parameters from.
}

// ReadManifest reads a manifest.json.
func ReadManifest(path string) (*Manifest, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, &scenarios.Error{File: path, Problem: fmt.Sprintf("cannot read: %v", unwrapPath(err))}
	}
	return ParseManifest(path, data)
}

// ParseManifest reads manifest text; file names it in errors.
func ParseManifest(file string, data []byte) (*Manifest, error) {
	var m Manifest
	if err := json.Unmarshal(data, &m); err != nil {
		return nil, &scenarios.Error{File: file, Problem: "not a manifest.json: " + err.Error()}
	}
	if m.Scenario == "" {
		return nil, &scenarios.Error{File: file, Key: "scenario", Problem: "the manifest holds no scenario"}
	}
	if m.Format > ManifestFormat {
		return nil, &scenarios.Error{File: file, Key: "manifest_format", Problem: fmt.Sprintf("format %d is newer than this orgnet reads (%d)", m.Format, ManifestFormat)}
	}
	return &m, nil
}

// Config returns the manifest's scenario; file names it in errors (line
// numbers count within the scenario text).
func (m *Manifest) Config(file string) (*sim.Config, error) {
	return scenarios.Parse(file+" (scenario)", []byte(m.Scenario))
}

func num(x float64) string { return strconv.FormatFloat(x, 'g', -1, 64) }

// appendCell appends a number as a CSV cell: empty for an undefined value
// (NaN), so that R, pandas and DuckDB read it as missing.
func appendCell(buf []byte, v float64) []byte {
	if math.IsNaN(v) {
		return buf
	}
	return strconv.AppendFloat(buf, v, 'g', -1, 64)
}

// WriteTimeseries writes every replication's metrics: a header `rep`, then
// sim.MetricNames; one row per replication and tick, replications in order.
func WriteTimeseries(w io.Writer, reps []ensemble.Replication) error {
	b := bufio.NewWriterSize(w, 1<<16)
	b.WriteString("rep")
	for _, n := range sim.MetricNames {
		b.WriteByte(',')
		b.WriteString(n)
	}
	b.WriteByte('\n')
	var buf []byte
	for _, r := range reps {
		for _, row := range r.Rows {
			buf = strconv.AppendInt(buf[:0], int64(r.Index), 10)
			for _, v := range row {
				buf = appendCell(append(buf, ','), v)
			}
			buf = append(buf, '\n')
			if _, err := b.Write(buf); err != nil {
				return fmt.Errorf("timeseries.csv: %w", err)
			}
		}
	}
	if err := b.Flush(); err != nil {
		return fmt.Errorf("timeseries.csv: %w", err)
	}
	return nil
}

// WriteSummary writes the summary in long format: metric,tick,year,mean,
// p05,p95, for every metric except tick and year (in sim.MetricNames
// order), then by tick. p05 and p95 bound the 90% band over replications.
func WriteSummary(w io.Writer, s *ensemble.Summary) error {
	b := bufio.NewWriterSize(w, 1<<16)
	b.WriteString("metric,tick,year,mean,p05,p95\n")
	var buf []byte
	for m := sim.MYear + 1; m < sim.NumMetrics; m++ {
		for t := range s.Mean {
			buf = append(buf[:0], sim.MetricNames[m]...)
			for _, v := range []float64{s.Mean[t][sim.MTick], s.Mean[t][sim.MYear], s.Mean[t][m], s.P05[t][m], s.P95[t][m]} {
				buf = appendCell(append(buf, ','), v)
			}
			buf = append(buf, '\n')
			if _, err := b.Write(buf); err != nil {
				return fmt.Errorf("summary.csv: %w", err)
			}
		}
	}
	if err := b.Flush(); err != nil {
		return fmt.Errorf("summary.csv: %w", err)
	}
	return nil
}

// WriteEvents writes the events that happened: rep,tick,year,type,label.
func WriteEvents(w io.Writer, reps []ensemble.Replication) error {
	cw := csv.NewWriter(w)
	cw.Write([]string{"rep", "tick", "year", "type", "label"})
	for _, r := range reps {
		for _, e := range r.Events {
			cw.Write([]string{strconv.Itoa(r.Index), strconv.Itoa(e.Tick), num(e.Year), e.Type, e.Label})
		}
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return fmt.Errorf("events.csv: %w", err)
	}
	return nil
}
