package plots

import (
	"fmt"
	"image/color"
	"math"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// Bars is one series of an index chart: one value per parameter, with an
// optional interval (Lo, Hi; nil for none). NaN values are not drawn.
type Bars struct {
	Label          string
	Values, Lo, Hi []float64
	Color          color.Color // nil: the next colour of Palette.
}

// IndexChart draws sensitivity indices as horizontal bars, one row per
// parameter (the first at the top), the series of groups side by side in
// each row, with their intervals as error bars.
func IndexChart(title, sub string, params []string, groups []Bars, xLabel string, opt Options) (*Figure, error) {
	if len(params) == 0 || len(groups) == 0 {
		return nil, ErrNoData
	}
	for _, g := range groups {
		if len(g.Values) != len(params) || (g.Lo != nil && len(g.Lo) != len(params)) || (g.Hi != nil && len(g.Hi) != len(params)) {
			return nil, fmt.Errorf("plots: series %q does not have one value per parameter", g.Label)
		}
	}
	p := plot.New()
	styleAxes(p)
	p.X.Label.Text = xLabel
	bp := &barsPlotter{groups: groups, n: len(params)}
	p.Add(bp, plotter.NewGrid())
	// Parameter names as tick labels on the left, first parameter on top.
	names := make([]string, len(params))
	for i, s := range params {
		names[len(params)-1-i] = s
	}
	p.NominalY(names...)
	p.Y.Tick.Label.Font.Size = 8
	p.Y.Padding = 2
	p.X.Tick.Marker = cleanTicks{lang: opt.Lang}
	for i, g := range groups {
		p.Legend.Add(g.Label, swatch{seriesColour(Series{Color: g.Color}, i)})
	}
	p.Legend.Top = true
	p.Legend.TextStyle.Font.Size = 8
	w, h := opt.Width, opt.Height
	if w == 0 {
		w = 16 * vg.Centimeter
	}
	if h == 0 {
		h = vg.Length(len(params)*len(groups))*0.5*vg.Centimeter + 5*vg.Centimeter
	}
	return framed(orDefault(opt.Title, title), orDefault(opt.Subtitle, sub), w, h, func(c draw.Canvas) { p.Draw(c) }), nil
}

// barsPlotter draws grouped horizontal bars with error bars in data
// coordinates: parameter i sits at y = n-1-i.
type barsPlotter struct {
	groups []Bars
	n      int
}

func (b *barsPlotter) slot() float64 { return 0.8 / float64(len(b.groups)) }

// Plot implements plot.Plotter.
func (b *barsPlotter) Plot(c draw.Canvas, p *plot.Plot) {
	trX, trY := p.Transforms(&c)
	s := b.slot()
	for gi, g := range b.groups {
		col := seriesColour(Series{Color: g.Color}, gi)
		for i, v := range g.Values {
			y := float64(b.n-1-i) + 0.4 - s*(float64(gi)+0.5)
			if !math.IsNaN(v) {
				x0, x1 := trX(0), trX(v)
				y0, y1 := trY(y-0.45*s), trY(y+0.45*s)
				c.FillPolygon(col, []vg.Point{{X: x0, Y: y0}, {X: x1, Y: y0}, {X: x1, Y: y1}, {X: x0, Y: y1}})
			}
			if g.Lo != nil && g.Hi != nil && !math.IsNaN(g.Lo[i]) && !math.IsNaN(g.Hi[i]) {
				ls := draw.LineStyle{Color: Black, Width: 0.9}
				yc := trY(y)
				cap := (trY(y+0.3*s) - trY(y-0.3*s)) / 2
				xl, xh := trX(g.Lo[i]), trX(g.Hi[i])
				c.StrokeLine2(ls, xl, yc, xh, yc)
				c.StrokeLine2(ls, xl, yc-cap, xl, yc+cap)
				c.StrokeLine2(ls, xh, yc-cap, xh, yc+cap)
			}
		}
	}
}

// DataRange implements plot.DataRanger.
func (b *barsPlotter) DataRange() (xmin, xmax, ymin, ymax float64) {
	xmin, xmax = 0, 0
	for _, g := range b.groups {
		for _, xs := range [][]float64{g.Values, g.Lo, g.Hi} {
			for _, x := range xs {
				if !math.IsNaN(x) && !math.IsInf(x, 0) {
					xmin, xmax = math.Min(xmin, x), math.Max(xmax, x)
				}
			}
		}
	}
	if xmax == xmin {
		xmax = xmin + 1
	}
	return xmin, xmax + 0.04*(xmax-xmin), -0.5, float64(b.n) - 0.5
}

// swatch is a legend thumbnail: a filled square.
type swatch struct{ c color.Color }

// Thumbnail implements plot.Thumbnailer.
func (s swatch) Thumbnail(c *draw.Canvas) {
	c.FillPolygon(s.c, []vg.Point{c.Min, {X: c.Max.X, Y: c.Min.Y}, c.Max, {X: c.Min.X, Y: c.Max.Y}})
}

// ScatterPanel is one panel of a scatter figure: points and, optionally, a
// binned mean (BinX, BinMean) with a band (BinLo, BinHi).
type ScatterPanel struct {
	Title          string
	XLabel, YLabel string
	X, Y           []float64
	BinX, BinMean  []float64
	BinLo, BinHi   []float64
	LogX           bool     // A logarithmic x axis (all X must be positive).
	XNames         []string // Names of the x values 0, 1, 2, ... (a choice); nil for numbers.
}

// Scatter draws panels of points with a binned mean line and band, in a grid
// of cols columns.
func Scatter(title, sub string, panels []ScatterPanel, cols int, opt Options) (*Figure, error) {
	if len(panels) == 0 {
		return nil, ErrNoData
	}
	grid, cols := newGrid(len(panels), cols)
	for i, pn := range panels {
		if len(pn.X) != len(pn.Y) || len(pn.BinX) != len(pn.BinMean) {
			return nil, fmt.Errorf("plots: scatter panel %q: lengths differ", pn.Title)
		}
		p := plot.New()
		styleAxes(p)
		p.Title.Text = pn.Title
		p.Title.TextStyle.Font.Size = 9
		p.X.Label.Text, p.Y.Label.Text = pn.XLabel, pn.YLabel
		var pts plotter.XYs
		for k := range pn.X {
			if !math.IsNaN(pn.Y[k]) && !math.IsNaN(pn.X[k]) {
				pts = append(pts, plotter.XY{X: pn.X[k], Y: pn.Y[k]})
			}
		}
		if len(pts) > 0 {
			sc, err := plotter.NewScatter(pts)
			if err != nil {
				return nil, fmt.Errorf("plots: scatter %q: %w", pn.Title, err)
			}
			sc.GlyphStyle = draw.GlyphStyle{Color: withAlpha(Grey, 0.45), Radius: 1.3, Shape: draw.CircleGlyph{}}
			p.Add(sc)
		}
		if len(pn.BinX) > 0 {
			var line, band plotter.XYs
			for k := range pn.BinX {
				if !math.IsNaN(pn.BinMean[k]) {
					line = append(line, plotter.XY{X: pn.BinX[k], Y: pn.BinMean[k]})
				}
			}
			if pn.BinLo != nil && pn.BinHi != nil {
				for k := range pn.BinX {
					if !math.IsNaN(pn.BinHi[k]) {
						band = append(band, plotter.XY{X: pn.BinX[k], Y: pn.BinHi[k]})
					}
				}
				for k := len(pn.BinX) - 1; k >= 0; k-- {
					if !math.IsNaN(pn.BinLo[k]) {
						band = append(band, plotter.XY{X: pn.BinX[k], Y: pn.BinLo[k]})
					}
				}
			}
			if len(band) >= 3 {
				poly, err := plotter.NewPolygon(band)
				if err != nil {
					return nil, fmt.Errorf("plots: band of %q: %w", pn.Title, err)
				}
				poly.Color = withAlpha(Blue, 0.22)
				poly.LineStyle.Width = 0
				p.Add(poly)
			}
			if len(line) > 0 {
				l, err := plotter.NewLine(line)
				if err != nil {
					return nil, fmt.Errorf("plots: mean of %q: %w", pn.Title, err)
				}
				l.LineStyle = draw.LineStyle{Color: Blue, Width: 1.6}
				p.Add(l)
			}
		}
		if pn.XNames != nil {
			p.NominalX(pn.XNames...)
		} else if pn.LogX {
			p.X.Scale = plot.LogScale{}
			p.X.Tick.Marker = plot.LogTicks{Prec: -1}
		} else {
			p.X.Tick.Marker = cleanTicks{lang: opt.Lang}
		}
		p.Y.Tick.Marker = cleanTicks{lang: opt.Lang}
		grid[i/cols][i%cols] = p
	}
	return gridFigure(title, sub, grid, 7*vg.Centimeter, opt), nil
}

// newGrid makes an empty grid of n tiles in at most cols columns, and
// returns it with its number of columns.
func newGrid(n, cols int) ([][]*plot.Plot, int) {
	cols = max(1, min(cols, n))
	grid := make([][]*plot.Plot, (n+cols-1)/cols)
	for r := range grid {
		grid[r] = make([]*plot.Plot, cols)
	}
	return grid, cols
}

// gridFigure frames a grid of plots (rows of equal length, nil for an empty
// tile), each tile 8 cm wide and rowHeight high unless opt sets the size.
func gridFigure(title, sub string, grid [][]*plot.Plot, rowHeight vg.Length, opt Options) *Figure {
	rows, cols := len(grid), len(grid[0])
	w, h := opt.Width, opt.Height
	if w == 0 {
		w = vg.Length(cols) * 8 * vg.Centimeter
	}
	if h == 0 {
		h = vg.Length(rows)*rowHeight + 1.5*vg.Centimeter
	}
	return framed(orDefault(opt.Title, title), orDefault(opt.Subtitle, sub), w, h, func(c draw.Canvas) {
		aligned := plot.Align(grid, drawTiles(rows, cols), c)
		for r := range grid {
			for k, p := range grid[r] {
				if p != nil {
					p.Draw(aligned[r][k])
				}
			}
		}
	})
}

// framed makes a figure with a title and a subtitle above a body drawn in
// the rest of the canvas.
func framed(title, sub string, w, h vg.Length, body func(c draw.Canvas)) *Figure {
	return &Figure{Width: w, Height: h, draw: func(c draw.Canvas) {
		const pad = 6
		body(drawFigureHeader(drawCrop(c, pad, pad, pad, pad), title, sub))
	}}
}
