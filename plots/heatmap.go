package plots

import (
	"fmt"
	"image/color"
	"math"
	"strconv"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/palette"
	"gonum.org/v1/plot/palette/moreland"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// Heatmap draws a value over a two-parameter grid: one cell per pair of
// values (xs along the x axis, ys along the y axis), coloured by z[iy][ix]
// on a scale from dark (low) to light (high), with a colour bar. Grids of up to 144
// cells carry their values as text. NaN cells are left grey.
func Heatmap(title, sub, xLabel, yLabel, zLabel string, xs, ys []float64, z [][]float64, opt Options) (*Figure, error) {
	if len(xs) == 0 || len(ys) == 0 {
		return nil, ErrNoData
	}
	if len(z) != len(ys) {
		return nil, fmt.Errorf("plots: heatmap has %d rows of values for %d y values", len(z), len(ys))
	}
	lo, hi := math.Inf(1), math.Inf(-1)
	for _, row := range z {
		if len(row) != len(xs) {
			return nil, fmt.Errorf("plots: heatmap row has %d values for %d x values", len(row), len(xs))
		}
		for _, v := range row {
			if !math.IsNaN(v) {
				lo, hi = math.Min(lo, v), math.Max(hi, v)
			}
		}
	}
	if math.IsInf(lo, 1) {
		return nil, ErrNoData
	}
	if hi == lo {
		hi = lo + 1
	}
	cm, err := moreland.NewLuminance([]color.Color{
		color.RGBA{0x44, 0x01, 0x54, 255}, color.RGBA{0x3b, 0x52, 0x8b, 255}, color.RGBA{0x21, 0x91, 0x8c, 255},
		color.RGBA{0x5e, 0xc9, 0x62, 255}, color.RGBA{0xfd, 0xe7, 0x25, 255}})
	if err != nil {
		return nil, fmt.Errorf("plots: heatmap colours: %w", err)
	}
	cm.SetMin(lo)
	cm.SetMax(hi)

	p := plot.New()
	styleAxes(p)
	p.X.Label.Text, p.Y.Label.Text = xLabel, yLabel
	p.Add(&cells{z: z, cm: cm, labels: len(xs)*len(ys) <= 144})
	p.NominalX(valueLabels(xs)...)
	p.NominalY(valueLabels(ys)...)

	bar := plot.New()
	styleAxes(bar)
	bar.Add(&plotter.ColorBar{ColorMap: cm, Vertical: true, Colors: 64})
	bar.HideX()
	bar.Y.Label.Text = zLabel
	bar.Y.Tick.Marker = cleanTicks{lang: opt.Lang}

	w, h := opt.Width, opt.Height
	if w == 0 {
		w = 16 * vg.Centimeter
	}
	if h == 0 {
		h = 13 * vg.Centimeter
	}
	return framed(orDefault(opt.Title, title), orDefault(opt.Subtitle, sub), w, h, func(c draw.Canvas) {
		split := c.Min.X + (c.Max.X-c.Min.X)*0.8
		left, right := c, c
		left.Max.X = split
		right.Min.X = split + 10
		p.Draw(left)
		bar.Draw(right)
	}), nil
}

// valueLabels formats grid values for tick labels.
func valueLabels(vs []float64) []string {
	out := make([]string, len(vs))
	for i, v := range vs {
		out[i] = strconv.FormatFloat(v, 'g', 4, 64)
	}
	return out
}

// cells draws a grid of coloured cells at integer positions (column ix at
// x = ix, row iy at y = iy).
type cells struct {
	z      [][]float64
	cm     palette.ColorMap
	labels bool
}

// Plot implements plot.Plotter.
func (h *cells) Plot(c draw.Canvas, p *plot.Plot) {
	trX, trY := p.Transforms(&c)
	sty := sans(7, false, Black)
	sty.XAlign, sty.YAlign = text.XCenter, text.YCenter
	for iy, row := range h.z {
		for ix, v := range row {
			x0, x1 := trX(float64(ix)-0.5), trX(float64(ix)+0.5)
			y0, y1 := trY(float64(iy)-0.5), trY(float64(iy)+0.5)
			col := color.Color(color.RGBA{200, 200, 200, 255})
			if !math.IsNaN(v) {
				if k, err := h.cm.At(v); err == nil {
					col = k
				}
			}
			c.FillPolygon(col, []vg.Point{{X: x0, Y: y0}, {X: x1, Y: y0}, {X: x1, Y: y1}, {X: x0, Y: y1}})
			if h.labels && !math.IsNaN(v) {
				s := sty
				s.Color = Black
				if luminance(col) < 0.45 {
					s.Color = color.White
				}
				c.FillText(s, vg.Point{X: (x0 + x1) / 2, Y: (y0 + y1) / 2}, strconv.FormatFloat(v, 'g', 3, 64))
			}
		}
	}
}

// DataRange implements plot.DataRanger.
func (h *cells) DataRange() (xmin, xmax, ymin, ymax float64) {
	return -0.5, float64(len(h.z[0])) - 0.5, -0.5, float64(len(h.z)) - 0.5
}

// luminance is the relative luminance of c (0 black, 1 white).
func luminance(c color.Color) float64 {
	r, g, b, _ := c.RGBA()
	return (0.2126*float64(r) + 0.7152*float64(g) + 0.0722*float64(b)) / 0xffff
}
