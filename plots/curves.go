package plots

import (
	"fmt"
	"math"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// Curve is one line of a panel; the first curve of a panel is drawn solid
// in blue, the others dashed in grey (say which is which in the subtitle).
type Curve struct {
	X, Y []float64
}

// CurvePanel is one panel of a Curves figure.
type CurvePanel struct {
	Title          string
	XLabel, YLabel string
	Curves         []Curve
	Points         bool // Also mark each point of the first curve.
}

// Curves draws panels of lines in a grid of cols columns: densities of a
// posterior against its prior, a tolerance per generation.
func Curves(title, sub string, panels []CurvePanel, cols int, opt Options) (*Figure, error) {
	if len(panels) == 0 {
		return nil, ErrNoData
	}
	grid, cols := newGrid(len(panels), cols)
	for i, pn := range panels {
		p := plot.New()
		styleAxes(p)
		p.Title.Text = pn.Title
		p.Title.TextStyle.Font.Size = 9
		p.X.Label.Text, p.Y.Label.Text = pn.XLabel, pn.YLabel
		for k := len(pn.Curves) - 1; k >= 0; k-- {
			c := pn.Curves[k]
			if len(c.X) != len(c.Y) {
				return nil, fmt.Errorf("plots: curve %d of %q: lengths differ", k, pn.Title)
			}
			var pts plotter.XYs
			for j := range c.X {
				if !math.IsNaN(c.Y[j]) && !math.IsInf(c.Y[j], 0) {
					pts = append(pts, plotter.XY{X: c.X[j], Y: c.Y[j]})
				}
			}
			if len(pts) == 0 {
				continue
			}
			l, err := plotter.NewLine(pts)
			if err != nil {
				return nil, fmt.Errorf("plots: curve of %q: %w", pn.Title, err)
			}
			if k == 0 {
				l.LineStyle = draw.LineStyle{Color: Blue, Width: 1.6}
				if pn.Points {
					sc, err := plotter.NewScatter(pts)
					if err != nil {
						return nil, err
					}
					sc.GlyphStyle = draw.GlyphStyle{Color: Blue, Radius: 2, Shape: draw.CircleGlyph{}}
					p.Add(sc)
				}
			} else {
				l.LineStyle = draw.LineStyle{Color: Grey, Width: 1.2, Dashes: []vg.Length{4, 3}}
			}
			p.Add(l)
		}
		p.X.Tick.Marker = cleanTicks{}
		p.Y.Tick.Marker = cleanTicks{}
		grid[i/cols][i%cols] = p
	}
	return gridFigure(title, sub, grid, 6*vg.Centimeter, opt), nil
}
