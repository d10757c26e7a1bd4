package sensitivity

import (
	"bufio"
	"encoding/csv"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/orgnet/orgnet/ensemble"
	"github.com/orgnet/orgnet/i18n"
	"github.com/orgnet/orgnet/plots"
	"github.com/orgnet/orgnet/sim"
	"github.com/orgnet/orgnet/sweep"
)

// FileName is the table of indices Analyse writes in a sweep folder.
const FileName = "sensitivity.csv"

// PlotDir is the folder, inside the sweep folder, of the plots Analyse draws.
const PlotDir = "plots"

// Bootstrap is the number of bootstrap resamples behind every interval.
const Bootstrap = 1000

// Row is one line of sensitivity.csv: one index of one parameter for one
// outcome.
type Row struct {
	Method    string  // "morris" or "sobol".
	Outcome   string  // Outcome name (runs.csv column).
	Parameter string  // Parameter path.
	Index     string  // mu_star, mu, sigma (morris); S1, ST (sobol).
	Value     float64 // NaN when it cannot be estimated.
	Low, High float64 // Bootstrap 95% interval; NaN where there is none.
}

// Options tune AnalyseWith.
type Options struct {
	Lang i18n.Lang // Language of the plots (English if empty).
	Log  io.Writer // Where to say what was written (nil: nowhere).
	// Bootstrap resamples (0: Bootstrap).
	Bootstrap int
}

// Analyse reads the sweep folder dir (sweep.json and the finished runs) and
// writes the sensitivity analysis next to them, with English plots. See
// AnalyseWith.
func Analyse(dir string) error { return AnalyseWith(dir, Options{}) }

// AnalyseWith writes, for a morris or sobol sweep, sensitivity.csv with the
// indices of every parameter for every outcome (outcomes averaged over the
// replications of a sample first), and, for every method, plots in
// dir/plots: a bar chart of the indices per outcome (morris, sobol), each
// outcome against each parameter (dots per run, mean per bin with a 90%
// band), and a heatmap of each outcome for a grid over two parameters.
// The results are deterministic: the bootstrap is seeded from the sweep's
// master seed.
func AnalyseWith(dir string, opt Options) error {
	if opt.Lang == "" {
		opt.Lang = i18n.EN
	}
	if opt.Bootstrap <= 0 {
		opt.Bootstrap = Bootstrap
	}
	spec, results, err := sweep.ReadDir(dir)
	if err != nil {
		return fmt.Errorf("reading sweep %s: %w", dir, err)
	}
	design, err := sweep.Design(spec)
	if err != nil {
		return fmt.Errorf("sweep %s: design: %w", dir, err)
	}
	if len(results) == 0 {
		return fmt.Errorf("sweep %s: no finished runs", dir)
	}
	means := SampleMeans(spec, design, results)
	var rows []Row
	switch spec.Method {
	case sweep.Morris:
		rows, err = morrisRows(spec, design, means)
	case sweep.Sobol:
		rows, err = sobolRows(spec, means)
	}
	if err != nil {
		return fmt.Errorf("sweep %s: %w", dir, err)
	}
	if rows != nil {
		if err := WriteCSV(filepath.Join(dir, FileName), rows); err != nil {
			return err
		}
		logf(opt.Log, "wrote %s\n", filepath.Join(dir, FileName))
	}
	pdir := filepath.Join(dir, PlotDir)
	if err := os.MkdirAll(pdir, 0o755); err != nil {
		return fmt.Errorf("sensitivity plots: %w", err)
	}
	figs, problems := figures(spec, design, results, means, rows, opt)
	for _, f := range figs {
		base := filepath.Join(pdir, f.name)
		if err := f.fig.Save(base); err != nil {
			problems = append(problems, fmt.Sprintf("plot %s: %v", f.name, err))
			continue
		}
		logf(opt.Log, "wrote %s.png and .svg\n", base)
	}
	if len(problems) > 0 {
		return &PlotError{Problems: problems}
	}
	return nil
}

// PlotError reports plots of a sweep that could not be drawn, for example
// of an outcome no run reached. Everything else was written: callers treat
// it as a warning.
type PlotError struct{ Problems []string }

func (e *PlotError) Error() string {
	if len(e.Problems) == 1 {
		return "1 plot not drawn: " + e.Problems[0]
	}
	return fmt.Sprintf("%d plots not drawn: %s", len(e.Problems), strings.Join(e.Problems, "; "))
}

func logf(w io.Writer, format string, args ...any) {
	if w != nil {
		fmt.Fprintf(w, format, args...)
	}
}

// SampleMeans averages each outcome over the successful replications of
// each sample: means[o][sampleID], NaN where no replication gave a value.
func SampleMeans(spec *sweep.Spec, design []sweep.Sample, results []sweep.Result) [][]float64 {
	means := make([][]float64, len(spec.Outcomes))
	counts := make([][]int, len(spec.Outcomes))
	for o := range means {
		means[o] = make([]float64, len(design))
		counts[o] = make([]int, len(design))
	}
	for _, r := range results {
		if r.Err != "" || r.SampleID < 0 || r.SampleID >= len(design) {
			continue
		}
		for o, v := range r.Outcomes {
			if o < len(means) && !math.IsNaN(v) {
				means[o][r.SampleID] += v
				counts[o][r.SampleID]++
			}
		}
	}
	for o := range means {
		for s := range means[o] {
			if counts[o][s] == 0 {
				means[o][s] = math.NaN()
			} else {
				means[o][s] /= float64(counts[o][s])
			}
		}
	}
	return means
}

// bootSeed derives the bootstrap seed of outcome o from the sweep's seed.
func bootSeed(spec *sweep.Spec, o int) uint64 {
	return sim.DeriveSeed(sim.SplitMix64(spec.Seed^0x73656e73), o)
}

func morrisRows(spec *sweep.Spec, design []sweep.Sample, means [][]float64) ([]Row, error) {
	x := make([][]float64, len(design))
	for i, s := range design {
		x[i] = s.Unit
	}
	var rows []Row
	for o, out := range spec.Outcomes {
		idx, err := Morris(x, means[o], Bootstrap, bootSeed(spec, o))
		if err != nil {
			return nil, fmt.Errorf("outcome %s: %w", out.Name, err)
		}
		for i, p := range spec.Parameters {
			m := idx[i]
			nan := math.NaN()
			rows = append(rows,
				Row{"morris", out.Name, p.Path, "mu_star", m.MuStar, m.MuStarLow, m.MuStarHigh},
				Row{"morris", out.Name, p.Path, "mu", m.Mu, nan, nan},
				Row{"morris", out.Name, p.Path, "sigma", m.Sigma, nan, nan})
		}
	}
	return rows, nil
}

func sobolRows(spec *sweep.Spec, means [][]float64) ([]Row, error) {
	k := len(spec.Parameters)
	n := spec.Samples
	var rows []Row
	for o, out := range spec.Outcomes {
		y := means[o]
		if len(y) != n*(k+2) {
			return nil, fmt.Errorf("sobol design has %d samples, want %d", len(y), n*(k+2))
		}
		yA, yB := make([]float64, n), make([]float64, n)
		yAB := make([][]float64, k)
		for i := range yAB {
			yAB[i] = make([]float64, n)
		}
		for j := range n {
			yA[j], yB[j] = y[j*(k+2)], y[j*(k+2)+1]
			for i := range k {
				yAB[i][j] = y[j*(k+2)+2+i]
			}
		}
		idx, err := Sobol(yA, yB, yAB, Bootstrap, bootSeed(spec, o))
		if err != nil {
			return nil, fmt.Errorf("outcome %s: %w", out.Name, err)
		}
		for i, p := range spec.Parameters {
			s := idx[i]
			rows = append(rows,
				Row{"sobol", out.Name, p.Path, "S1", s.S1, s.S1Low, s.S1High},
				Row{"sobol", out.Name, p.Path, "ST", s.ST, s.STLow, s.STHigh})
		}
	}
	return rows, nil
}

// WriteCSV writes rows as sensitivity.csv (header: method, outcome,
// parameter, index, value, ci_low, ci_high; missing values empty) through a
// temporary file renamed into place.
func WriteCSV(path string, rows []Row) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".tmp*")
	if err != nil {
		return fmt.Errorf("writing %s: %w", path, err)
	}
	defer os.Remove(tmp.Name())
	bw := bufio.NewWriter(tmp)
	w := csv.NewWriter(bw)
	w.Write([]string{"method", "outcome", "parameter", "index", "value", "ci_low", "ci_high"})
	for _, r := range rows {
		w.Write([]string{r.Method, r.Outcome, r.Parameter, r.Index, num(r.Value), num(r.Low), num(r.High)})
	}
	w.Flush()
	if err := w.Error(); err != nil {
		tmp.Close()
		return fmt.Errorf("writing %s: %w", path, err)
	}
	if err := bw.Flush(); err != nil {
		tmp.Close()
		return fmt.Errorf("writing %s: %w", path, err)
	}
	if err := tmp.Chmod(0o644); err != nil {
		tmp.Close()
		return fmt.Errorf("writing %s: %w", path, err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("writing %s: %w", path, err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("writing %s: %w", path, err)
	}
	return nil
}

// num formats a number for CSV: shortest round-trip form, empty for NaN.
func num(x float64) string {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return ""
	}
	return strconv.FormatFloat(x, 'g', -1, 64)
}

type namedFigure struct {
	name string
	fig  *plots.Figure
}

// maxDots caps the dots of a scatter panel; the bins use every run.
const maxDots = 4000

// figures builds the plots of a sweep; a plot that cannot be built is
// described in problems and left out.
func figures(spec *sweep.Spec, design []sweep.Sample, results []sweep.Result, means [][]float64, rows []Row, opt Options) (figs []namedFigure, problems []string) {
	l := opt.Lang
	po := plots.Options{Lang: l}
	params := make([]string, len(spec.Parameters))
	for i, p := range spec.Parameters {
		params[i] = p.Path
	}
	for o, out := range spec.Outcomes {
		label := outcomeLabel(l, out)
		file := safeName(out.Name)
		// Index bars.
		switch spec.Method {
		case sweep.Morris, sweep.Sobol:
			var groups []plots.Bars
			var title, sub, xlabel string
			pick := func(index string) (v, lo, hi []float64) {
				for _, p := range params {
					r := findRow(rows, out.Name, p, index)
					v, lo, hi = append(v, r.Value), append(lo, r.Low), append(hi, r.High)
				}
				return
			}
			if spec.Method == sweep.Morris {
				mv, ml, mh := pick("mu_star")
				sv, _, _ := pick("sigma")
				groups = []plots.Bars{{Label: "μ*", Values: mv, Lo: ml, Hi: mh, Color: plots.Blue},
					{Label: i18n.T(l, "sens.sigma"), Values: sv, Color: plots.Orange}}
				title = i18n.Tf(l, "sens.morris.title", label)
				sub = i18n.Tf(l, "sens.morris.sub", spec.Samples)
				xlabel = i18n.T(l, "sens.mustar")
			} else {
				v1, l1, h1 := pick("S1")
				vt, lt, ht := pick("ST")
				groups = []plots.Bars{{Label: i18n.T(l, "sens.s1"), Values: v1, Lo: l1, Hi: h1, Color: plots.Blue},
					{Label: i18n.T(l, "sens.st"), Values: vt, Lo: lt, Hi: ht, Color: plots.Vermillion}}
				title = i18n.Tf(l, "sens.sobol.title", label)
				sub = i18n.Tf(l, "sens.sobol.sub", spec.Samples)
				xlabel = i18n.T(l, "sens.index")
			}
			fig, err := plots.IndexChart(title, sub, params, groups, xlabel, po)
			if err != nil {
				problems = append(problems, fmt.Sprintf("index chart of %s: %v", out.Name, err))
			} else {
				figs = append(figs, namedFigure{"sens-indices_" + file, fig})
			}
		}
		// Outcome against each parameter.
		panels, runs := scatterPanels(spec, design, results, o, label)
		cols := min(3, len(panels))
		fig, err := plots.Scatter(i18n.Tf(l, "sens.scatter.title", label), i18n.Tf(l, "sens.scatter.sub", runs), panels, cols, po)
		if err != nil {
			problems = append(problems, fmt.Sprintf("scatter of %s: %v", out.Name, err))
		} else {
			figs = append(figs, namedFigure{"sens-scatter_" + file, fig})
		}
		// Heatmap of a two-parameter grid.
		if spec.Method == sweep.Grid && len(spec.Parameters) == 2 {
			xs, ys, z := gridValues(design, means[o])
			fig, err := plots.Heatmap(i18n.Tf(l, "sens.heatmap.title", label),
				i18n.Tf(l, "sens.heatmap.sub", spec.Replications), params[0], params[1], label, xs, ys, z, po)
			if err != nil {
				problems = append(problems, fmt.Sprintf("heatmap of %s: %v", out.Name, err))
			} else {
				figs = append(figs, namedFigure{"sens-heatmap_" + file, fig})
			}
		}
	}
	return figs, problems
}

func findRow(rows []Row, outcome, param, index string) Row {
	for _, r := range rows {
		if r.Outcome == outcome && r.Parameter == param && r.Index == index {
			return r
		}
	}
	return Row{Value: math.NaN(), Low: math.NaN(), High: math.NaN()}
}

// outcomeLabel is the outcome's name with the metric it is about.
func outcomeLabel(l i18n.Lang, o sweep.Outcome) string {
	m := i18n.Metric(l, o.Metric)
	if strings.Contains(o.Name, o.Metric) || o.Name == m {
		return o.Name
	}
	return o.Name + " (" + m + ")"
}

// safeName keeps letters, digits, '-', '_' and '.' of a name for a file name.
func safeName(s string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r >= '0' && r <= '9', r == '-', r == '_', r == '.':
			return r
		}
		return '_'
	}, s)
}

// scatterPanels builds, for outcome o, one panel per parameter: a dot per
// successful run and the mean and 5–95% range of the runs per bin of the
// parameter (one bin per value when it takes at most 12 values, else 10
// equal bins of its unit coordinate, i.e. of its log for a log range).
func scatterPanels(spec *sweep.Spec, design []sweep.Sample, results []sweep.Result, o int, label string) ([]plots.ScatterPanel, int) {
	type point struct{ unit, x, y float64 }
	var panels []plots.ScatterPanel
	var runs int
	for i, p := range spec.Parameters {
		var pts []point
		for _, r := range results {
			if r.Err != "" || r.SampleID < 0 || r.SampleID >= len(design) || o >= len(r.Outcomes) || math.IsNaN(r.Outcomes[o]) {
				continue
			}
			s := design[r.SampleID]
			pts = append(pts, point{s.Unit[i], s.Values[i], r.Outcomes[o]})
		}
		runs = len(pts)
		pn := plots.ScatterPanel{Title: p.Path, XLabel: p.Path, YLabel: label, LogX: p.Log && p.Min > 0}
		if rp, ok := sim.Lookup(p.Path); ok && rp.Kind == sim.Choice {
			pn.XNames = rp.Choices
		}
		step := max(1, (len(pts)+maxDots-1)/maxDots)
		for k := 0; k < len(pts); k += step {
			pn.X = append(pn.X, pts[k].x)
			pn.Y = append(pn.Y, pts[k].y)
		}
		// Bins.
		distinct := map[float64]bool{}
		for _, q := range pts {
			distinct[q.x] = true
		}
		binOf := func(q point) float64 { return q.x }
		if len(distinct) > 12 {
			binOf = func(q point) float64 { return math.Min(math.Floor(q.unit*10), 9) }
		}
		groups := map[float64][]point{}
		for _, q := range pts {
			b := binOf(q)
			groups[b] = append(groups[b], q)
		}
		keys := make([]float64, 0, len(groups))
		for b := range groups {
			keys = append(keys, b)
		}
		slices.Sort(keys)
		for _, b := range keys {
			g := groups[b]
			var sx, sy float64
			ys := make([]float64, len(g))
			for k, q := range g {
				sx += q.x
				sy += q.y
				ys[k] = q.y
			}
			slices.Sort(ys)
			pn.BinX = append(pn.BinX, sx/float64(len(g)))
			pn.BinMean = append(pn.BinMean, sy/float64(len(g)))
			pn.BinLo = append(pn.BinLo, ensemble.Quantile(ys, 0.05))
			pn.BinHi = append(pn.BinHi, ensemble.Quantile(ys, 0.95))
		}
		panels = append(panels, pn)
	}
	return panels, runs
}

// gridValues arranges the sample means of a two-parameter grid as a matrix
// z[iy][ix] over the distinct values of the first (x) and second (y)
// parameter.
func gridValues(design []sweep.Sample, y []float64) (xs, ys []float64, z [][]float64) {
	for _, s := range design {
		if !slices.Contains(xs, s.Values[0]) {
			xs = append(xs, s.Values[0])
		}
		if !slices.Contains(ys, s.Values[1]) {
			ys = append(ys, s.Values[1])
		}
	}
	slices.Sort(xs)
	slices.Sort(ys)
	z = make([][]float64, len(ys))
	for r := range z {
		z[r] = make([]float64, len(xs))
		for c := range z[r] {
			z[r][c] = math.NaN()
		}
	}
	for _, s := range design {
		ix, iy := slices.Index(xs, s.Values[0]), slices.Index(ys, s.Values[1])
		z[iy][ix] = y[s.ID]
	}
	return xs, ys, z
}
