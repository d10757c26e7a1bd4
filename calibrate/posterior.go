package calibrate

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strconv"

	"github.com/orgnet/orgnet/calibrate/abc"
	"github.com/orgnet/orgnet/sim"
)

// Posterior is the last generation of a calibration: weighted parameter
// sets.
type Posterior struct {
	File      string   // posterior.csv as given.
	Paths     []string // Parameter paths, in column order.
	Particles []abc.Particle
}

// PosteriorError is a posterior file that cannot be used.
type PosteriorError struct {
	File    string
	Line    int
	Problem string
}

func (e *PosteriorError) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Problem)
	}
	return e.File + ": " + e.Problem
}

// LoadPosterior reads the last generation of a posterior.csv (or of the
// posterior.csv in a calibration folder). Its parameter columns are the
// columns after distance that name registry parameters.
func LoadPosterior(path string) (*Posterior, error) {
	if fi, err := os.Stat(path); err == nil && fi.IsDir() {
		path = filepath.Join(path, PosteriorCSV)
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, &PosteriorError{File: path, Problem: fmt.Sprintf("cannot read: %v", errors.Unwrap(err))}
	}
	defer f.Close()
	return ParsePosterior(path, f)
}

// ParsePosterior reads the last generation of a posterior.csv from r; file
// names it in errors and in Posterior.File.
func ParsePosterior(path string, r io.Reader) (*Posterior, error) {
	recs, err := csv.NewReader(r).ReadAll()
	if err != nil {
		return nil, &PosteriorError{File: path, Problem: fmt.Sprintf("not a CSV file: %v", err)}
	}
	if len(recs) < 2 || len(recs[0]) < len(fixedColumns) || !slices.Equal(recs[0][:len(fixedColumns)], fixedColumns) {
		return nil, &PosteriorError{File: path, Line: 1, Problem: "not a posterior.csv of orgnet calibrate (columns generation, particle, weight, distance, parameters...)"}
	}
	p := &Posterior{File: path}
	var cols []int
	for i, name := range recs[0][len(fixedColumns):] {
		if q, ok := sim.Lookup(name); ok && (q.Kind == sim.Float || q.Kind == sim.Int) {
			p.Paths = append(p.Paths, name)
			cols = append(cols, len(fixedColumns)+i)
		}
	}
	if len(p.Paths) == 0 {
		return nil, &PosteriorError{File: path, Line: 1, Problem: "no parameter columns"}
	}
	last := -1
	for n, r := range recs[1:] {
		g, err := strconv.Atoi(r[0])
		if err != nil {
			return nil, &PosteriorError{File: path, Line: n + 2, Problem: fmt.Sprintf("generation %q is not an integer", r[0])}
		}
		if g > last {
			last = g
			p.Particles = p.Particles[:0]
		}
		if g < last {
			continue
		}
		var q abc.Particle
		q.Index, err = strconv.Atoi(r[1])
		if err == nil {
			q.Weight, err = strconv.ParseFloat(r[2], 64)
		}
		for _, c := range cols {
			if err != nil {
				break
			}
			var x float64
			x, err = strconv.ParseFloat(r[c], 64)
			q.Values = append(q.Values, x)
		}
		if err != nil || !(q.Weight >= 0) || math.IsInf(q.Weight, 0) {
			return nil, &PosteriorError{File: path, Line: n + 2, Problem: "a particle, weight or parameter value is not a number"}
		}
		for k, x := range q.Values {
			if reg, _ := sim.Lookup(p.Paths[k]); !(x >= reg.Min && x <= reg.Max) {
				return nil, &PosteriorError{File: path, Line: n + 2, Problem: fmt.Sprintf("%s = %g is outside its range; allowed: %g to %g", p.Paths[k], x, reg.Min, reg.Max)}
			}
		}
		p.Particles = append(p.Particles, q)
	}
	sum := 0.0
	for _, q := range p.Particles {
		sum += q.Weight
	}
	if !(sum > 0) {
		return nil, &PosteriorError{File: path, Problem: "the last generation's weights do not add up to a positive number"}
	}
	for i := range p.Particles {
		p.Particles[i].Weight /= sum
	}
	return p, nil
}

// Draw returns the parameter values of draw i for a run with master seed:
// a particle drawn by weight with a stream of its own, so replication i of
// two scenarios with the same seed draws the same parameter set.
func (p *Posterior) Draw(seed uint64, i int) []float64 {
	return p.Particles[abc.Pick(p.Particles, seed, i)].Values
}

// Vary returns a function for ensemble.Options.Vary that sets replication
// i's parameters to draw i.
func (p *Posterior) Vary(seed uint64) func(i int, cfg *sim.Config) error {
	return func(i int, cfg *sim.Config) error {
		for k, x := range p.Draw(seed, i) {
			if err := cfg.SetValue(p.Paths[k], x); err != nil {
				return fmt.Errorf("posterior %s: %w", p.File, err)
			}
		}
		return nil
	}
}

// Describe lists the posterior's parameters with their weighted means
// ("cases.detection ≈ 72, cases.effort_weeks ≈ 4.2").
func (p *Posterior) Describe() string {
	s := ""
	for k, path := range p.Paths {
		m, _ := abc.Moments(p.Particles, k)
		if k > 0 {
			s += ", "
		}
		s += fmt.Sprintf("%s ≈ %.3g", path, m)
	}
	return s
}
