package plots

import (
	"errors"
	"fmt"
	"image/color"
	"math"
	"slices"
	"strconv"
	"strings"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"

	"github.com/orgnet/orgnet/ensemble"
	"github.com/orgnet/orgnet/i18n"
	"github.com/orgnet/orgnet/sim"
)

// Series is one line of a time-series panel: a mean over time, optionally
// with a band (Lo, Hi) around it.
type Series struct {
	Label  string
	X      []float64   // Time in years.
	Mean   []float64   // The line.
	Lo, Hi []float64   // The band; nil for none.
	Color  color.Color // nil: the next colour of Palette.
	Dashed bool        // A dashed line (used for the second ensemble of an overlay).
	// Metric names the metric the series shows ("" for none); a baseline
	// (Options.Baseline) is drawn for the series that name one.
	Metric string
	// Baseline marks a baseline's mean: a thin dotted line in its series'
	// colour, without a band, in the legend only when it has a label.
	Baseline bool
}

// Panel is one plot of a figure: a title, a y-axis label and its series.
type Panel struct {
	Title  string
	YLabel string
	Series []Series
	// YMin and YMax fix the y-axis when YMax > YMin; otherwise it runs from
	// 0 (or the smallest value, if negative) to just above the largest value.
	YMin, YMax float64
}

// Marker is an event drawn as a labelled vertical line on the time axis.
type Marker struct {
	Year  float64
	Label string
}

// Options are shared by the figure constructors. The zero value draws in
// English at the default size without markers.
type Options struct {
	Lang    i18n.Lang
	Markers []Marker
	// Width and Height override the figure's default size.
	Width, Height vg.Length
	// Title and Subtitle override the figure's default title and subtitle.
	Title, Subtitle string
	// XMax, when above the data's last year, fixes the end of the time axis
	// [years] (a run drawn while it goes on keeps its full length).
	XMax float64
	// Baseline, when set, draws its mean of every metric shown as a thin
	// dotted line beside the series (the run unchanged, say), with one
	// legend entry per panel labelled BaselineLabel.
	Baseline      *ensemble.Summary
	BaselineLabel string
}

// ErrNoData is returned for a figure without any series or points.
var ErrNoData = errors.New("plots: no data to draw")

// EventMarkers returns a marker for every event of a scenario that happens at
// a year (events with a yearly rate are not marked).
func EventMarkers(events []sim.Event) []Marker {
	var ms []Marker
	for i := range events {
		if e := &events[i]; e.Rate == 0 {
			ms = append(ms, Marker{Year: EventYear(e), Label: e.Describe()})
		}
	}
	return ms
}

// EventYear returns the year a scheduled event happens (given as a year
// or as a tick).
func EventYear(e *sim.Event) float64 {
	if e.Tick != 0 {
		return float64(e.Tick) / sim.WeeksPerYear
	}
	return e.Year
}

// RecordMarkers returns a marker for every event that happened in one run,
// dropping repeats of the same label in the same year.
func RecordMarkers(recs []sim.EventRecord) []Marker {
	var ms []Marker
	seen := map[Marker]bool{}
	for _, r := range recs {
		m := Marker{Year: r.Year, Label: r.Label}
		if m.Label == "" {
			m.Label = r.Type
		}
		if !seen[m] {
			seen[m] = true
			ms = append(ms, m)
		}
	}
	return ms
}

// SeriesOf returns the mean and 90% band of a metric (by name) over time.
func SeriesOf(sum *ensemble.Summary, metric string, lang i18n.Lang) (Series, error) {
	k := sim.MetricIndex(metric)
	if k < 0 {
		return Series{}, fmt.Errorf("plots: unknown metric %q", metric)
	}
	if sum == nil || sum.Ticks() == 0 {
		return Series{}, ErrNoData
	}
	mean, lo, hi := sum.Column(k)
	x, _, _ := sum.Column(sim.MYear)
	return Series{Label: i18n.Metric(lang, metric), X: x, Mean: mean, Lo: lo, Hi: hi, Color: metricColour[metric], Metric: metric}, nil
}

// withBaseline returns the panels with, after each panel's series, the
// baseline's mean of every series that names a metric.
func withBaseline(panels []Panel, opt Options) ([]Panel, error) {
	out := make([]Panel, len(panels))
	for k, pn := range panels {
		ss := slices.Clone(pn.Series)
		labelled := false
		for i, s := range pn.Series {
			if s.Metric == "" || s.Baseline {
				continue
			}
			b, err := SeriesOf(opt.Baseline, s.Metric, opt.Lang)
			if err != nil {
				return nil, fmt.Errorf("plots: baseline: %w", err)
			}
			b.Lo, b.Hi, b.Color, b.Baseline, b.Label = nil, nil, seriesColour(s, i), true, ""
			if !labelled && opt.BaselineLabel != "" {
				b.Label, labelled = opt.BaselineLabel, true
			}
			ss = append(ss, b)
		}
		pn.Series = ss
		out[k] = pn
	}
	return out, nil
}

// legendSeries are the series a panel's legend lists: all but the
// unlabelled baselines.
func legendSeries(ss []Series) []Series {
	return slices.DeleteFunc(slices.Clone(ss), func(s Series) bool { return s.Baseline && s.Label == "" })
}

func seriesList(sum *ensemble.Summary, lang i18n.Lang, metrics ...string) ([]Series, error) {
	var out []Series
	for _, m := range metrics {
		s, err := SeriesOf(sum, m, lang)
		if err != nil {
			return nil, err
		}
		out = append(out, s)
	}
	return out, nil
}

func subtitle(sum *ensemble.Summary, opt Options) string {
	if opt.Subtitle != "" {
		return opt.Subtitle
	}
	return i18n.Tf(opt.Lang, "plot.subtitle", sum.Reps)
}

func orDefault(s, def string) string {
	if s != "" {
		return s
	}
	return def
}

// Orientation draws the mean orientation of executives, middle managers and
// professionals (0 own organisation, 1 network).
func Orientation(sum *ensemble.Summary, opt Options) (*Figure, error) {
	ss, err := seriesList(sum, opt.Lang, "orientation_executive", "orientation_manager", "orientation_professional")
	if err != nil {
		return nil, err
	}
	l := opt.Lang
	return TimeSeries(orDefault(opt.Title, i18n.T(l, "plot.orientation")), subtitle(sum, opt),
		[]Panel{{YLabel: i18n.T(l, "axis.orientation"), Series: ss, YMin: 0, YMax: 1}}, 1, opt)
}

// Value draws the value of the network in six panels, two by two: cases
// solved and failed (cumulative) and open; the wellbeing of the residents
// supported (a gap until the first case closes); the share of households'
// problems reached and solved; the weeks a problem waited and a case took;
// learning, innovation and transformation; goal consensus and the share of
// the coordination hours each level needs that it has.
func Value(sum *ensemble.Summary, opt Options) (*Figure, error) {
	l := opt.Lang
	var sets [6][]Series
	for i, names := range [][]string{
		{"cases_solved_cum", "cases_failed_cum", "cases_open"},
		{"wellbeing"},
		{"problems_reached", "problems_solved"},
		{"waiting_weeks", "case_weeks"},
		{"learning", "innovation", "transformation"},
		{"goal_consensus", "carried_strategic", "carried_tactical", "carried_operational"},
	} {
		ss, err := seriesList(sum, l, names...)
		if err != nil {
			return nil, err
		}
		sets[i] = ss
	}
	sets[1][0].Color = Blue
	if opt.Height == 0 {
		opt.Height = 26 * vg.Centimeter
	}
	return TimeSeries(orDefault(opt.Title, i18n.T(l, "plot.value")), subtitle(sum, opt), []Panel{
		{Title: i18n.T(l, "plot.cases"), YLabel: i18n.T(l, "axis.cases"), Series: sets[0]},
		{Title: i18n.T(l, "plot.wellbeing"), YLabel: i18n.T(l, "axis.wellbeing"), Series: sets[1], YMin: 0, YMax: 10},
		{Title: i18n.T(l, "plot.reach"), YLabel: i18n.T(l, "axis.share"), Series: sets[2], YMin: 0, YMax: 1},
		{Title: i18n.T(l, "plot.weeks"), YLabel: i18n.T(l, "axis.weeks"), Series: sets[3]},
		{Title: i18n.T(l, "plot.learning"), YLabel: i18n.T(l, "axis.learning"), Series: sets[4], YMin: 0, YMax: 1},
		{Title: i18n.T(l, "plot.goals"), YLabel: i18n.T(l, "axis.share"), Series: sets[5], YMin: 0, YMax: 1},
	}, 2, opt)
}

// TrustLegitimacy draws trust on the ties, trust in the network manager and
// between partner organisations, the key persons' social capital and
// internal and external
// legitimacy, and below them the structure of the first network: degree
// centralisation, the network manager's betweenness, the share of ties
// across organisations and the modularity by organisation.
func TrustLegitimacy(sum *ensemble.Summary, opt Options) (*Figure, error) {
	l := opt.Lang
	ss, err := seriesList(sum, l, "trust", "trust_manager", "structure_partner_trust", "key_capital", "legitimacy_internal", "legitimacy_external")
	if err != nil {
		return nil, err
	}
	st, err := seriesList(sum, l, "structure_centralisation", "structure_manager_betweenness", "structure_cross_share", "structure_modularity")
	if err != nil {
		return nil, err
	}
	if opt.Height == 0 {
		opt.Height = 18 * vg.Centimeter
	}
	return TimeSeries(orDefault(opt.Title, i18n.T(l, "plot.trust_legitimacy")), subtitle(sum, opt), []Panel{
		{Title: i18n.T(l, "plot.trust"), YLabel: i18n.T(l, "axis.trust"), Series: ss, YMin: 0, YMax: 1},
		{Title: i18n.T(l, "plot.structure"), YLabel: i18n.T(l, "axis.structure"), Series: st, YMin: 0, YMax: 1},
	}, 1, opt)
}

// PartnersPersons draws the active partner organisations and the persons in
// them, side by side.
func PartnersPersons(sum *ensemble.Summary, opt Options) (*Figure, error) {
	l := opt.Lang
	orgs, err := seriesList(sum, l, "partners")
	if err != nil {
		return nil, err
	}
	pers, err := seriesList(sum, l, "persons")
	if err != nil {
		return nil, err
	}
	orgs[0].Color, pers[0].Color = Blue, Green
	if opt.Height == 0 {
		opt.Height = 9 * vg.Centimeter
	}
	return TimeSeries(orDefault(opt.Title, i18n.T(l, "plot.partners_persons")), subtitle(sum, opt), []Panel{
		{Title: i18n.T(l, "plot.partners"), YLabel: i18n.T(l, "axis.partners"), Series: orgs},
		{Title: i18n.T(l, "plot.persons"), YLabel: i18n.T(l, "axis.persons"), Series: pers},
	}, 2, opt)
}

// Metrics draws any list of metrics (by name). Metrics that share a unit
// share a panel; panels are stacked.
func Metrics(sum *ensemble.Summary, metrics []string, opt Options) (*Figure, error) {
	if len(metrics) == 0 {
		return nil, ErrNoData
	}
	l := opt.Lang
	var units []string
	byUnit := map[string][]Series{}
	var labels []string
	for _, name := range metrics {
		s, err := SeriesOf(sum, name, l)
		if err != nil {
			return nil, err
		}
		u := sim.Metrics[sim.MetricIndex(name)].Unit
		if !slices.Contains(units, u) {
			units = append(units, u)
		}
		byUnit[u] = append(byUnit[u], s)
		labels = append(labels, s.Label)
	}
	var panels []Panel
	for _, u := range units {
		p := Panel{YLabel: axisLabel(l, byUnit[u], u), Series: byUnit[u]}
		switch u {
		case "0-1":
			p.YMax = 1
		case "0-10":
			p.YMax = 10
		}
		panels = append(panels, p)
	}
	if opt.Height == 0 && len(panels) > 1 {
		opt.Height = vg.Length(len(panels)) * 8 * vg.Centimeter
	}
	title := opt.Title
	if title == "" {
		title = joinLabels(labels)
	}
	return TimeSeries(title, subtitle(sum, opt), panels, 1, opt)
}

// Compare overlays two ensembles, A (solid) and B (dashed), one panel per
// metric, each with its mean and 90% band.
func Compare(a, b *ensemble.Summary, labelA, labelB string, metrics []string, opt Options) (*Figure, error) {
	if len(metrics) == 0 {
		return nil, ErrNoData
	}
	l := opt.Lang
	var panels []Panel
	var labels []string
	for _, name := range metrics {
		sa, err := SeriesOf(a, name, l)
		if err != nil {
			return nil, err
		}
		sb, err := SeriesOf(b, name, l)
		if err != nil {
			return nil, err
		}
		labels = append(labels, metricTitle(l, name))
		sa.Label, sa.Color = labelA, Blue
		sb.Label, sb.Color, sb.Dashed = labelB, Vermillion, true
		u := sim.Metrics[sim.MetricIndex(name)].Unit
		p := Panel{Title: metricTitle(l, name), YLabel: axisLabel(l, []Series{{Label: metricTitle(l, name)}}, u), Series: []Series{sa, sb}}
		switch u {
		case "0-1":
			p.YMax = 1
		case "0-10":
			p.YMax = 10
		}
		panels = append(panels, p)
	}
	cols := min(2, len(panels))
	rows := (len(panels) + cols - 1) / cols
	if opt.Width == 0 && cols == 2 {
		opt.Width = 22 * vg.Centimeter
	}
	if opt.Height == 0 {
		opt.Height = vg.Length(rows)*8*vg.Centimeter + 2*vg.Centimeter
	}
	sub := opt.Subtitle
	if sub == "" {
		sub = fmt.Sprintf("A: %s (%s)   B: %s (%s)", labelA, i18n.Tf(l, "plot.subtitle", a.Reps), labelB, i18n.Tf(l, "plot.subtitle", b.Reps))
	}
	title := opt.Title
	if title == "" {
		title = i18n.Tf(l, "plot.compare", joinLabels(labels))
	}
	return TimeSeries(title, sub, panels, cols, opt)
}

// metricTitle is a metric's label that stands on its own ("orientation:
// executives" rather than "executives").
func metricTitle(l i18n.Lang, name string) string {
	if strings.HasPrefix(name, "orientation_") {
		return i18n.T(l, "term.orientation") + ": " + i18n.Metric(l, name)
	}
	return i18n.Metric(l, name)
}

func joinLabels(labels []string) string {
	s := ""
	for i, x := range labels {
		if i > 0 {
			s += ", "
		}
		s += x
	}
	return s
}

// axisLabel is "label [unit]" for one series, or the unit alone for several.
func axisLabel(l i18n.Lang, ss []Series, unit string) string {
	u := i18n.Unit(l, unit)
	if len(ss) == 1 {
		return i18n.Tf(l, "axis.value", ss[0].Label, u)
	}
	return "[" + u + "]"
}

// TimeSeries composes panels into a figure with a title, a subtitle, a
// legend above each panel and the markers of opt on every panel (labelled on
// the top row). Panels fill a grid of cols columns, row by row.
func TimeSeries(title, sub string, panels []Panel, cols int, opt Options) (*Figure, error) {
	if len(panels) == 0 {
		return nil, ErrNoData
	}
	if cols < 1 {
		cols = 1
	}
	if opt.Baseline != nil {
		var err error
		if panels, err = withBaseline(panels, opt); err != nil {
			return nil, err
		}
	}
	rows := (len(panels) + cols - 1) / cols
	plots := make([][]*plot.Plot, rows)
	for r := range plots {
		plots[r] = make([]*plot.Plot, cols)
	}
	for i, pn := range panels {
		if len(pn.Series) == 0 {
			return nil, ErrNoData
		}
		p, err := panelPlot(pn, opt, i < cols)
		if err != nil {
			return nil, err
		}
		p.X.Label.Text = i18n.T(opt.Lang, "axis.time")
		plots[i/cols][i%cols] = p
	}
	w, h := opt.Width, opt.Height
	if w == 0 {
		w = 16 * vg.Centimeter
	}
	if h == 0 {
		h = vg.Length(rows)*9*vg.Centimeter + 1.5*vg.Centimeter
	}
	panelTitleSty := sans(10, true, Black)
	legendSty := sans(8.5, false, Black)
	drawFn := func(c draw.Canvas) {
		const pad = 6
		c = drawFigureHeader(drawCrop(c, pad, pad, pad, pad), title, sub)
		tiles := drawTiles(rows, cols)
		// The header of a panel (its title and legend) has the same height in
		// every panel, so that plot.Align keeps the data areas aligned.
		tileW := (c.Max.X-c.Min.X-vg.Length(cols-1)*tiles.PadX)/vg.Length(cols) - 4
		var header vg.Length
		for _, pn := range panels {
			header = max(header, headerHeight(pn, tileW, panelTitleSty, legendSty))
		}
		aligned := plot.Align(plots, tiles, c)
		for r := range plots {
			for k, p := range plots[r] {
				if p == nil {
					continue
				}
				pc := aligned[r][k]
				hc := pc
				hc.Max.Y = tiles.At(c, k, r).Max.Y
				hc.Min.Y = hc.Max.Y - header
				drawHeader(hc, panels[r*cols+k], panelTitleSty, legendSty)
				pc.Max.Y -= header
				p.Draw(pc)
			}
		}
	}
	return &Figure{Width: w, Height: h, draw: drawFn}, nil
}

func drawTiles(rows, cols int) draw.Tiles {
	return draw.Tiles{Rows: rows, Cols: cols, PadX: 14, PadY: 12, PadRight: 4}
}

// drawCrop shrinks c by the given margins.
func drawCrop(c draw.Canvas, left, right, bottom, top vg.Length) draw.Canvas {
	return draw.Crop(c, left, -right, bottom, -top)
}

// drawFigureHeader writes a figure's title (fitted to the width) and, if not
// empty, its subtitle at the top of c, and returns the canvas below them.
func drawFigureHeader(c draw.Canvas, title, sub string) draw.Canvas {
	width := c.Max.X - c.Min.X
	top := c.Max.Y
	titleSty := fitTitle(title, width)
	c.FillText(titleSty, vg.Point{X: c.Min.X, Y: top}, fitText(titleSty, title, width))
	top -= titleSty.Rectangle(title).Size().Y + 2
	if sub != "" {
		subSty := sans(9, false, Grey)
		subSty.XAlign, subSty.YAlign = text.XLeft, text.YTop
		c.FillText(subSty, vg.Point{X: c.Min.X, Y: top}, fitText(subSty, sub, width))
		top -= subSty.Rectangle(sub).Size().Y + 4
	}
	c.Max.Y = top
	return c
}

// fitTitle returns the style of a figure title: bold, 13 points, smaller
// (down to 10 points) if the title is wider than width; left and top aligned.
func fitTitle(title string, width vg.Length) text.Style {
	size := vg.Length(13)
	sty := sans(size, true, Black)
	for size > 10 && sty.Width(title) > width {
		size -= 0.5
		sty = sans(size, true, Black)
	}
	sty.XAlign, sty.YAlign = text.XLeft, text.YTop
	return sty
}

// fitText shortens s with an ellipsis until it fits width.
func fitText(sty text.Style, s string, width vg.Length) string {
	r := []rune(s)
	for len(r) > 4 && sty.Width(string(r)) > width {
		r = append(r[:len(r)-2], '…')
	}
	return string(r)
}

const (
	swatchW   = 18
	entryGap  = 12
	legendRow = 13
)

// legendLayout places the legend entries of a panel in rows of at most
// width; it returns each entry's row and x offset, and the number of rows.
func legendLayout(ss []Series, width vg.Length, sty text.Style) (rows []int, xs []vg.Length, n int) {
	var x vg.Length
	row := 0
	for _, s := range ss {
		w := swatchW + 4 + sty.Width(s.Label)
		if x > 0 && x+w > width {
			row++
			x = 0
		}
		rows = append(rows, row)
		xs = append(xs, x)
		x += w + entryGap
	}
	return rows, xs, row + 1
}

func headerHeight(pn Panel, width vg.Length, titleSty, legendSty text.Style) vg.Length {
	var h vg.Length
	if pn.Title != "" {
		h += titleSty.Rectangle(pn.Title).Size().Y + 3
	}
	_, _, n := legendLayout(legendSeries(pn.Series), width, legendSty)
	return h + vg.Length(n)*legendRow + 4
}

// drawHeader draws a panel's title and its legend (a coloured line with the
// band behind it, then the label) in c, left-aligned.
func drawHeader(c draw.Canvas, pn Panel, titleSty, legendSty text.Style) {
	top := c.Max.Y
	x0 := c.Min.X + 2
	if pn.Title != "" {
		titleSty.XAlign, titleSty.YAlign = text.XLeft, text.YTop
		c.FillText(titleSty, vg.Point{X: x0, Y: top}, pn.Title)
		top -= titleSty.Rectangle(pn.Title).Size().Y + 3
	}
	entries := legendSeries(pn.Series)
	rows, xs, _ := legendLayout(entries, c.Max.X-x0, legendSty)
	legendSty.XAlign, legendSty.YAlign = text.XLeft, text.YCenter
	for i, s := range entries {
		col := seriesColour(s, i)
		if s.Baseline {
			col = Grey
		}
		y := top - vg.Length(rows[i])*legendRow - legendRow/2
		x := x0 + xs[i]
		if s.Lo != nil {
			c.FillPolygon(withAlpha(col, 0.22), []vg.Point{{X: x, Y: y - 4}, {X: x + swatchW, Y: y - 4}, {X: x + swatchW, Y: y + 4}, {X: x, Y: y + 4}})
		}
		c.StrokeLine2(lineStyle(s, col, i), x, y, x+swatchW, y)
		c.FillText(legendSty, vg.Point{X: x + swatchW + 4, Y: y}, s.Label)
	}
}

func seriesColour(s Series, i int) color.Color {
	if s.Color != nil {
		return s.Color
	}
	return Palette[i%len(Palette)]
}

// lineDashes tell the lines of a panel apart without colour (in greyscale):
// solid, long dashes, dots, dash-dot, by the series' place in the panel.
var lineDashes = [][]vg.Length{nil, {7, 3}, {1.6, 2.4}, {7, 2.5, 1.6, 2.5}}

func lineStyle(s Series, col color.Color, i int) draw.LineStyle {
	ls := draw.LineStyle{Color: col, Width: 1.6, Dashes: lineDashes[i%len(lineDashes)]}
	if s.Dashed {
		ls.Dashes = []vg.Length{5, 3}
	}
	if s.Baseline {
		ls.Width, ls.Dashes = 1.1, []vg.Length{1.2, 2.2}
	}
	return ls
}

// panelPlot builds the gonum plot of one panel: bands, then lines, then the
// event markers (labelled if labels).
func panelPlot(pn Panel, opt Options, labels bool) (*plot.Plot, error) {
	p := plot.New()
	styleAxes(p)
	p.Y.Label.Text = pn.YLabel
	ymin, ymax := math.Inf(1), math.Inf(-1)
	xmin, xmax := math.Inf(1), math.Inf(-1)
	for i, s := range pn.Series {
		if len(s.X) == 0 || len(s.X) != len(s.Mean) {
			return nil, fmt.Errorf("plots: series %q has %d times and %d values", s.Label, len(s.X), len(s.Mean))
		}
		col := seriesColour(s, i)
		if s.Lo != nil && s.Hi != nil {
			if len(s.Lo) != len(s.X) || len(s.Hi) != len(s.X) {
				return nil, fmt.Errorf("plots: band of series %q has the wrong length", s.Label)
			}
			for _, seg := range definedRuns(len(s.X), func(k int) bool { return defined(s.Lo[k]) && defined(s.Hi[k]) }) {
				pts := make(plotter.XYs, 0, 2*(seg[1]-seg[0]))
				for k := seg[0]; k < seg[1]; k++ {
					pts = append(pts, plotter.XY{X: s.X[k], Y: s.Hi[k]})
				}
				for k := seg[1] - 1; k >= seg[0]; k-- {
					pts = append(pts, plotter.XY{X: s.X[k], Y: s.Lo[k]})
				}
				poly, err := plotter.NewPolygon(pts)
				if err != nil {
					return nil, fmt.Errorf("plots: band of %q: %w", s.Label, err)
				}
				poly.Color = withAlpha(col, 0.22)
				poly.LineStyle.Width = 0
				p.Add(poly)
				for k := seg[0]; k < seg[1]; k++ {
					ymin, ymax = math.Min(ymin, s.Lo[k]), math.Max(ymax, s.Hi[k])
				}
			}
		}
		for k := range s.X {
			if defined(s.Mean[k]) {
				ymin, ymax = math.Min(ymin, s.Mean[k]), math.Max(ymax, s.Mean[k])
			}
			xmin, xmax = math.Min(xmin, s.X[k]), math.Max(xmax, s.X[k])
		}
	}
	if math.IsInf(ymin, 1) {
		ymin, ymax = 0, 1 // Nothing defined to draw: an empty panel.
	}
	// Lines, broken where a value is undefined (NaN).
	for i, s := range pn.Series {
		for _, seg := range definedRuns(len(s.X), func(k int) bool { return defined(s.Mean[k]) }) {
			pts := make(plotter.XYs, 0, seg[1]-seg[0])
			for k := seg[0]; k < seg[1]; k++ {
				pts = append(pts, plotter.XY{X: s.X[k], Y: s.Mean[k]})
			}
			line, err := plotter.NewLine(pts)
			if err != nil {
				return nil, fmt.Errorf("plots: line of %q: %w", s.Label, err)
			}
			line.LineStyle = lineStyle(s, seriesColour(s, i), i)
			p.Add(line)
		}
	}
	if pn.YMax > pn.YMin {
		p.Y.Min, p.Y.Max = pn.YMin, pn.YMax
	} else {
		p.Y.Min = math.Min(0, ymin)
		p.Y.Max = ymax * 1.05
		if ymax <= 0 {
			p.Y.Max = 1
		}
	}
	p.X.Min, p.X.Max = xmin, math.Max(xmax, opt.XMax)
	p.X.Tick.Marker = cleanTicks{lang: opt.Lang}
	p.Y.Tick.Marker = cleanTicks{lang: opt.Lang}
	if len(opt.Markers) > 0 {
		ms := make([]Marker, len(opt.Markers))
		for i, m := range opt.Markers {
			ms[i] = Marker{Year: m.Year, Label: i18n.EventLabel(opt.Lang, m.Label)}
		}
		p.Add(markerPlotter{markers: ms, labels: labels, series: pn.Series})
	}
	return p, nil
}

// markerPlotter draws event markers: a dashed vertical line per event and,
// if labels, the events' labels written upwards beside the lines, in the
// largest stretch of height that the series (means and bands) leave free
// there, on two lines if one does not fit. Markers closer together than a
// line of text share one label.
type markerPlotter struct {
	markers []Marker
	labels  bool
	series  []Series
}

// Plot implements plot.Plotter.
func (m markerPlotter) Plot(c draw.Canvas, p *plot.Plot) {
	trX, trY := p.Transforms(&c)
	ms := slices.Clone(m.markers)
	slices.SortStableFunc(ms, func(a, b Marker) int { return cmpFloat(a.Year, b.Year) })
	ls := draw.LineStyle{Color: Grey, Width: 0.8, Dashes: []vg.Length{3, 2}}
	sty := sans(7.5, false, color.RGBA{60, 60, 60, 255})
	sty.Rotation = math.Pi / 2
	sty.XAlign, sty.YAlign = text.XRight, text.YTop
	lineH := sty.FontExtents().Height
	type group struct {
		x      vg.Length
		labels []string
	}
	var groups []group
	for _, mk := range ms {
		x := trX(mk.Year)
		if x < c.Min.X-0.5 || x > c.Max.X+0.5 {
			continue
		}
		c.StrokeLine2(ls, x, c.Min.Y, x, c.Max.Y)
		if n := len(groups); n > 0 && x-groups[n-1].x < lineH+2 {
			if !slices.Contains(groups[n-1].labels, mk.Label) {
				groups[n-1].labels = append(groups[n-1].labels, mk.Label)
			}
			continue
		}
		groups = append(groups, group{x: x, labels: []string{mk.Label}})
	}
	if !m.labels {
		return
	}
	for gi, g := range groups {
		label := strings.Join(g.labels, "; ")
		// Room to the right of the line up to the next group (or the edge);
		// near the right edge the label goes to the left of the line.
		right := c.Max.X
		if gi+1 < len(groups) {
			right = groups[gi+1].x - 1
		}
		left := g.x + 1.5
		if left+lineH > c.Max.X {
			left = max(c.Min.X, g.x-1.5-2*lineH)
			right = g.x - 1.5
		}
		lines := 1
		if right-left >= 2*lineH+1 {
			lines = 2
		}
		lo, hi := m.freeSpan(c, trX, trY, left, left+vg.Length(lines)*lineH)
		parts := []string{label}
		if lines == 2 && sty.Width(label) > hi-lo-6 {
			parts = splitLabel(label)
		}
		for k, part := range parts {
			part = fitText(sty, part, hi-lo-6)
			w := sty.Width(part)
			x := left + vg.Length(k)*lineH
			pt := vg.Point{X: x + lineH, Y: hi - 3}
			s := sty
			s.XAlign, s.YAlign = text.XRight, text.YBottom
			c.FillPolygon(color.NRGBA{255, 255, 255, 210}, []vg.Point{{X: x, Y: pt.Y - w}, {X: x + lineH, Y: pt.Y - w}, {X: x + lineH, Y: pt.Y}, {X: x, Y: pt.Y}})
			c.FillText(s, pt, part)
		}
	}
}

// freeSpan returns the longest vertical stretch of the canvas, between x0
// and x1, that no series' mean or band covers.
func (m markerPlotter) freeSpan(c draw.Canvas, trX, trY func(float64) vg.Length, x0, x1 vg.Length) (lo, hi vg.Length) {
	type span struct{ lo, hi vg.Length }
	var used []span
	for _, s := range m.series {
		for k := range s.X {
			x := trX(s.X[k])
			if x < x0-2 || x > x1+2 {
				continue
			}
			a, b := s.Mean[k], s.Mean[k]
			if s.Lo != nil && s.Hi != nil {
				a, b = math.Min(a, s.Lo[k]), math.Max(b, s.Hi[k])
			}
			if math.IsNaN(a) || math.IsNaN(b) {
				continue
			}
			used = append(used, span{trY(a) - 2, trY(b) + 2})
		}
	}
	slices.SortFunc(used, func(a, b span) int { return cmpFloat(float64(a.lo), float64(b.lo)) })
	lo, hi = c.Min.Y, c.Min.Y
	at := c.Min.Y
	for _, u := range append(used, span{c.Max.Y, c.Max.Y}) {
		end := min(u.lo, c.Max.Y)
		if end-at > hi-lo {
			lo, hi = at, end
		}
		at = max(at, u.hi)
	}
	return lo, hi
}

// splitLabel splits a label into two lines at the space nearest its middle.
func splitLabel(s string) []string {
	best := -1
	for i, r := range s {
		if r == ' ' && (best < 0 || abs(i-len(s)/2) < abs(best-len(s)/2)) {
			best = i
		}
	}
	if best < 0 {
		return []string{s}
	}
	return []string{s[:best], s[best+1:]}
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// defined reports whether a value can be drawn (not NaN or infinite).
func defined(x float64) bool { return !math.IsNaN(x) && !math.IsInf(x, 0) }

// definedRuns returns the runs [start, end) of consecutive indices below n
// where ok holds.
func definedRuns(n int, ok func(int) bool) [][2]int {
	var runs [][2]int
	for k := 0; k < n; {
		if !ok(k) {
			k++
			continue
		}
		start := k
		for k < n && ok(k) {
			k++
		}
		runs = append(runs, [2]int{start, k})
	}
	return runs
}

func cmpFloat(a, b float64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// yearText formats a year for titles: "3", "2.5".
func yearText(y float64) string { return strconv.FormatFloat(math.Round(y*100)/100, 'f', -1, 64) }

// cleanTicks are gonum's default ticks with labels written without
// trailing zeros ("250", not "250.00"), with a decimal comma in Dutch.
type cleanTicks struct{ lang i18n.Lang }

// Ticks implements plot.Ticker.
func (t cleanTicks) Ticks(lo, hi float64) []plot.Tick {
	ts := plot.DefaultTicks{}.Ticks(lo, hi)
	for i := range ts {
		if ts[i].Label != "" {
			v := math.Round(ts[i].Value*1e9) / 1e9
			ts[i].Label = i18n.Decimal(t.lang, strconv.FormatFloat(v, 'f', -1, 64))
		}
	}
	return ts
}
