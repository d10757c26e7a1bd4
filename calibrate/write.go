package calibrate

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"html/template"
	"io"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/orgnet/orgnet/calibrate/abc"
	"github.com/orgnet/orgnet/output"
	"github.com/orgnet/orgnet/plots"
	"github.com/orgnet/orgnet/sweep"
	"gonum.org/v1/plot/vg"
)

// Files of a calibration folder.
const (
	PosteriorCSV     = "posterior.csv"
	PosteriorParquet = "posterior.parquet"
	ManifestName     = "calibration.json"
	ReportHTML       = "report.html"
	PlotsDir         = "plots"
)

// Manifest is calibration.json.
type Manifest struct {
	Version        string           `json:"orgnet_version"`
	Hash           string           `json:"hash"`
	Started        string           `json:"started"`
	Finished       string           `json:"finished"`
	ElapsedSeconds float64          `json:"elapsed_seconds"` // Wall time of the last invocation.
	Workers        int              `json:"workers"`
	Resumed        int              `json:"resumed_simulations"`
	Simulations    int              `json:"simulations"`     // Attempts of the accepted generations.
	SimulationsRun int              `json:"simulations_run"` // All simulations run (without the predictive check).
	Stop           string           `json:"stopped_by"`
	Generations    []abc.Generation `json:"generations"`
	Parameters     []ParamSummary   `json:"parameters"`
	Predictive     []Check          `json:"predictive_check"`
	Calibration    *Spec            `json:"calibration"`
}

// Columns returns the columns of posterior.csv: generation, particle
// (attempt within the generation), weight, distance, the parameters by
// path, then the targets' simulated values by name.
func (s *Spec) Columns() []string {
	cols := append([]string{}, fixedColumns...)
	for _, p := range s.Parameters {
		cols = append(cols, p.Path)
	}
	for _, t := range s.Targets {
		cols = append(cols, t.Name)
	}
	return cols
}

// rows returns every generation's particles as rows of Columns.
func rows(s *Spec, res *abc.Result) [][]float64 {
	var out [][]float64
	for _, g := range res.Generations {
		for _, p := range g.Particles {
			r := []float64{float64(g.Gen), float64(p.Index), p.Weight, p.Distance}
			r = append(r, p.Values...)
			for i := range s.Targets {
				x := math.NaN()
				if i < len(p.Stats) {
					x = p.Stats[i]
				}
				r = append(r, x)
			}
			out = append(out, r)
		}
	}
	return out
}

func write(dir string, r *Result, opt Options, start time.Time) error {
	s := r.Spec
	table := rows(s, r.ABC)
	if err := sweep.WriteFile(filepath.Join(dir, PosteriorCSV), func(f *os.File) error { return writeCSV(f, s.Columns(), table) }); err != nil {
		return err
	}
	if err := sweep.WriteFile(filepath.Join(dir, PosteriorParquet), func(f *os.File) error { return sweep.WriteTable(f, s.Columns(), 2, table) }); err != nil {
		return err
	}
	m := Manifest{Version: opt.Version, Hash: s.Hash(), Started: start.UTC().Format(time.RFC3339), Finished: time.Now().UTC().Format(time.RFC3339),
		ElapsedSeconds: math.Round(r.Elapsed.Seconds()*1000) / 1000, Workers: opt.Workers, Resumed: r.Resumed,
		Simulations: r.ABC.Simulations, SimulationsRun: r.ABC.Run, Stop: r.ABC.Stop, Generations: r.ABC.Generations, Parameters: r.Parameters,
		Predictive: r.Predictive, Calibration: s}
	if err := sweep.WriteFile(filepath.Join(dir, ManifestName), func(f *os.File) error {
		data, err := json.MarshalIndent(jsonSafe(m), "", "  ")
		if err != nil {
			return err
		}
		_, err = f.Write(append(data, '\n'))
		return err
	}); err != nil {
		return err
	}
	figs, err := Figures(r)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Join(dir, PlotsDir), 0o755); err != nil {
		return err
	}
	var inline []reportFigure
	for _, nf := range figs {
		if err := nf.fig.Save(filepath.Join(dir, PlotsDir, nf.name)); err != nil {
			return err
		}
		svg, err := nf.fig.SVG()
		if err != nil {
			return err
		}
		inline = append(inline, reportFigure{Caption: nf.caption, File: PlotsDir + "/" + nf.name + ".svg", SVG: output.InlineSVG(svg)})
	}
	return sweep.WriteFile(filepath.Join(dir, ReportHTML), func(f *os.File) error { return writeReport(f, r, inline) })
}

// jsonSafe replaces infinite tolerances (the first generation's) by -1 in
// the JSON, which has no infinity; the report says so.
func jsonSafe(m Manifest) Manifest {
	gs := make([]abc.Generation, len(m.Generations))
	copy(gs, m.Generations)
	for i := range gs {
		if math.IsInf(gs[i].Tolerance, 0) {
			gs[i].Tolerance = -1
		}
	}
	m.Generations = gs
	return m
}

func writeCSV(f io.Writer, cols []string, table [][]float64) error {
	bw := bufio.NewWriter(f)
	w := csv.NewWriter(bw)
	if err := w.Write(cols); err != nil {
		return err
	}
	rec := make([]string, len(cols))
	for _, r := range table {
		for i, x := range r {
			rec[i] = ""
			if !math.IsNaN(x) {
				rec[i] = strconv.FormatFloat(x, 'g', -1, 64)
			}
		}
		if err := w.Write(rec); err != nil {
			return err
		}
	}
	w.Flush()
	if err := w.Error(); err != nil {
		return err
	}
	return bw.Flush()
}

type namedFigure struct {
	name, caption string
	fig           *plots.Figure
}

// Figures draws the calibration's plots: marginal posteriors against the
// priors, pair plots of the posterior, and the tolerance per generation.
func Figures(r *Result) ([]namedFigure, error) {
	s := r.Spec
	g := r.ABC.Final()
	var out []namedFigure
	var marg []plots.CurvePanel
	for i, p := range s.Parameters {
		lo, hi := p.Prior.Bounds()
		if p.Prior.Kind == abc.Normal {
			lo, hi = p.Prior.Mean-4*p.Prior.SD, p.Prior.Mean+4*p.Prior.SD
		}
		xs, post, prior := densities(p.Prior, g.Particles, i, lo, hi)
		marg = append(marg, plots.CurvePanel{Title: p.Path, XLabel: p.Path, YLabel: "density",
			Curves: []plots.Curve{{X: xs, Y: post}, {X: xs, Y: prior}}})
	}
	fig, err := plots.Curves("Marginal posteriors", "solid: posterior (last generation, weighted); dashed: prior", marg, 3, plots.Options{})
	if err != nil {
		return nil, err
	}
	out = append(out, namedFigure{"marginals", "Each parameter's posterior against its prior: a posterior as wide as its prior means the targets do not identify the parameter.", fig})
	if len(s.Parameters) >= 2 {
		var pairs []plots.ScatterPanel
		for a := range s.Parameters {
			for b := a + 1; b < len(s.Parameters); b++ {
				pn := plots.ScatterPanel{Title: s.Parameters[a].Path + " / " + s.Parameters[b].Path,
					XLabel: s.Parameters[a].Path, YLabel: s.Parameters[b].Path}
				for _, q := range g.Particles {
					pn.X = append(pn.X, q.Values[a])
					pn.Y = append(pn.Y, q.Values[b])
				}
				pairs = append(pairs, pn)
			}
		}
		fig, err := plots.Scatter("Pairs of parameters", "particles of the last generation", pairs, 3, plots.Options{})
		if err != nil {
			return nil, err
		}
		out = append(out, namedFigure{"pairs", "The posterior's particles for every pair of parameters: a ridge means the targets fix a combination of the two, not each.", fig})
	}
	var gx, tol []float64
	for _, gen := range r.ABC.Generations {
		if !math.IsInf(gen.Tolerance, 0) {
			gx = append(gx, float64(gen.Gen))
			tol = append(tol, gen.Tolerance)
		}
	}
	if len(gx) > 0 {
		fig, err := plots.Curves("Tolerance per generation", "largest distance accepted; generation 0 accepts every draw",
			[]plots.CurvePanel{{Title: "tolerance", XLabel: "generation", YLabel: "distance", Curves: []plots.Curve{{X: gx, Y: tol}}, Points: true}}, 1,
			plots.Options{Width: 14 * vg.Centimeter})
		if err != nil {
			return nil, err
		}
		out = append(out, namedFigure{"tolerance", "The tolerance of each generation.", fig})
	}
	return out, nil
}

// densities evaluates, on 100 points over [lo, hi], a weighted Gaussian
// kernel density of parameter i's posterior (Silverman's bandwidth on the
// effective sample size) and the prior density of the value.
func densities(pr abc.Prior, ps []abc.Particle, i int, lo, hi float64) (xs, post, prior []float64) {
	_, v := abc.Moments(ps, i)
	ess := 0.0
	for _, p := range ps {
		ess += p.Weight * p.Weight
	}
	ess = 1 / ess
	bw := 1.06 * math.Sqrt(v) * math.Pow(ess, -0.2)
	if !(bw > 0) {
		bw = (hi - lo) / 100
	}
	const n = 100
	for k := range n {
		x := lo + (hi-lo)*float64(k)/(n-1)
		d := 0.0
		for _, p := range ps {
			z := (x - p.Values[i]) / bw
			d += p.Weight * math.Exp(-z*z/2)
		}
		xs = append(xs, x)
		post = append(post, d/(bw*math.Sqrt(2*math.Pi)))
		u := pr.Internal(x)
		dens := math.Exp(pr.LogPDF(u))
		if pr.Kind == abc.LogUniform {
			dens /= x // Density of the value: d(log x)/dx.
		}
		prior = append(prior, dens)
	}
	return xs, post, prior
}

type reportFigure struct {
	Caption, File string
	SVG           template.HTML
}

func writeReport(w io.Writer, r *Result, figs []reportFigure) error {
	s := r.Spec
	type genRow struct {
		Gen                              int
		Tolerance, Sims, Acceptance, ESS string
	}
	var gens []genRow
	for _, g := range r.ABC.Generations {
		tol := "∞ (every draw)"
		if !math.IsInf(g.Tolerance, 0) {
			tol = num(g.Tolerance)
		}
		gens = append(gens, genRow{g.Gen, tol, strconv.Itoa(g.Simulations), fmt.Sprintf("%.3f", g.Acceptance), fmt.Sprintf("%.0f", g.ESS)})
	}
	var ident, partly, unident []string
	for _, p := range r.Parameters {
		switch p.Identified {
		case Identified:
			ident = append(ident, p.Path)
		case Partly:
			partly = append(partly, p.Path)
		default:
			unident = append(unident, p.Path)
		}
	}
	var constraints []string
	for _, c := range s.Constraints {
		constraints = append(constraints, c.Text())
	}
	data := map[string]any{
		"File": filepath.Base(s.File), "Mode": s.Mode, "Population": s.Population, "Replications": s.Replications,
		"Seed": s.Seed, "Stop": r.ABC.Stop, "Sims": r.ABC.Run, "Generations": gens,
		"Params": r.Parameters, "Checks": r.Predictive, "Spec": s, "Figures": figs, "Constraints": constraints,
		"Identified": strings.Join(ident, ", "), "Partly": strings.Join(partly, ", "), "Unidentified": strings.Join(unident, ", "),
		"Predictive": s.Predictive,
	}
	var buf bytes.Buffer
	if err := reportTmpl.Execute(&buf, data); err != nil {
		return err
	}
	_, err := w.Write(buf.Bytes())
	return err
}

func num(x float64) string {
	if math.IsNaN(x) {
		return "–"
	}
	return strconv.FormatFloat(x, 'g', 4, 64)
}

var reportTmpl = template.Must(template.New("report").Funcs(template.FuncMap{"num": num,
	"join": func(xs []string) string { return strings.Join(xs, " + ") }}).Parse(`<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>orgnet calibration {{.File}}</title>
<style>body{font-family:sans-serif;max-width:60em;margin:2em auto;padding:0 1em;color:#222}
table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #ccc;padding:.2em .5em;text-align:right}
th{background:#f3f3f3}td:first-child,th:first-child{text-align:left}figure{margin:1.5em 0}svg{max-width:100%;height:auto}
.no{color:#a00}.yes{color:#070}</style></head><body>
<h1>Calibration {{.File}}</h1>
<p>Approximate Bayesian Computation ({{if eq .Mode "smc"}}ABC-SMC with adaptive tolerances{{else}}rejection ABC{{end}}):
{{.Population}} particles per generation, {{.Replications}} replication(s) per particle and scenario, seed {{.Seed}};
{{.Sims}} simulations; stopped by {{.Stop}}.</p>

<h2>What the targets identify</h2>
<p>Shrinkage is 1 − posterior variance / prior variance: near 1 the targets pin the parameter down, near 0 the
posterior is the prior (the targets say nothing about it). At least 0.5 counts as identified, below 0.2 as unidentified.</p>
<ul>
<li>Identified: {{if .Identified}}{{.Identified}}{{else}}none{{end}}</li>
<li>Partly identified: {{if .Partly}}{{.Partly}}{{else}}none{{end}}</li>
<li>Unidentified: {{if .Unidentified}}{{.Unidentified}}{{else}}none{{end}}</li>
</ul>
<table><tr><th>parameter</th><th>prior mean</th><th>prior sd</th><th>posterior mean</th><th>posterior sd</th><th>5%</th><th>median</th><th>95%</th><th>shrinkage</th><th></th><th>registry default</th><th>its posterior quantile</th></tr>
{{range .Params}}<tr><td>{{.Path}}</td><td>{{num .PriorMean}}</td><td>{{num .PriorSD}}</td><td>{{num .Mean}}</td><td>{{num .SD}}</td><td>{{num .Q05}}</td><td>{{num .Q50}}</td><td>{{num .Q95}}</td><td>{{num .Shrinkage}}</td><td>{{.Identified}}</td><td>{{num .Default}}</td><td>{{num .DefaultQuantile}}{{if .DefaultInside}}{{else}} <span class="no">outside the 90% interval</span>{{end}}</td></tr>
{{end}}</table>
<p>The registry default is the value a run takes when the scenario does not set the parameter; its posterior quantile is
the posterior mass at or below it. A default outside the 5%–95% range disagrees with these targets.</p>

<h2>Posterior predictive check</h2>
{{if .Checks}}<p>{{.Predictive}} parameter sets drawn from the posterior, each simulated afresh (new seeds). Held-out figures
were not fitted: they test the calibrated model.</p>
<table><tr><th>target</th><th>scenario, year</th><th>metric</th><th>seed's figure</th><th>predicted mean</th><th>90% interval</th><th>figure inside</th><th></th></tr>
{{range $i, $c := .Checks}}{{with index $.Spec.Targets $i}}<tr><td>{{$c.Name}}</td><td>{{.Scenario}}, {{.Year}}</td><td>{{join .Metrics}}</td><td>{{num $c.Value}}</td><td>{{num $c.Mean}}</td><td>{{num $c.Q05}} – {{num $c.Q95}}</td><td>{{if $c.Inside}}<span class="yes">yes</span>{{else}}<span class="no">no</span>{{end}}</td><td>{{if $c.HeldOut}}held out{{else}}fitted{{end}}</td></tr>
{{end}}{{end}}</table>{{else}}<p>No predictive check (predictive = 0).</p>{{end}}
{{if .Constraints}}<p>Every accepted parameter set passed the constraints: {{range $i, $c := .Constraints}}{{if $i}}; {{end}}{{$c}}{{end}}.</p>{{end}}

<h2>Generations</h2>
<table><tr><th>generation</th><th>tolerance</th><th>simulations</th><th>acceptance</th><th>effective sample size</th></tr>
{{range .Generations}}<tr><td>{{.Gen}}</td><td>{{.Tolerance}}</td><td>{{.Sims}}</td><td>{{.Acceptance}}</td><td>{{.ESS}}</td></tr>
{{end}}</table>

{{range .Figures}}<figure>{{.SVG}}<figcaption>{{.Caption}} ({{.File}})</figcaption></figure>
{{end}}
<h2>Targets</h2>
<table><tr><th>target</th><th>scenario</th><th>year</th><th>metric</th><th>figure</th><th>scale</th><th>source</th></tr>
{{range .Spec.Targets}}<tr><td>{{.Name}}{{if .HeldOut}} (held out){{end}}</td><td>{{.Scenario}}</td><td>{{.Year}}</td><td>{{join .Metrics}}</td><td>{{num .Value}}</td><td>{{num .Scale}}</td><td>{{.Source}}</td></tr>
{{end}}</table>
<p>Posterior draws in posterior.csv and posterior.parquet (the last generation is the posterior; weights sum to 1 per
generation); the resolved calibration, timing and acceptance rates in calibration.json.</p>
</body></html>
`))
