// Package plots draws orgnet's figures: time series of an ensemble with a
// mean line and a 90% band over replications, overlays of two ensembles,
// event markers on the time axis, and the picture of the network itself.
//
// It is the single plotting path of orgnet: the run command, the HTML report,
// the web page and the sweep and compare commands all draw through it. Every
// figure is a *Figure that writes PNG or SVG to an io.Writer. Labels come
// from package i18n, so a figure can be drawn in English or Dutch.
//
// Typical use:
//
//	sum, _ := result.Summary()
//	fig, _ := plots.Orientation(sum, plots.Options{Lang: i18n.NL, Markers: plots.EventMarkers(cfg.Events)})
//	fig.WriteSVG(w)
package plots

import (
	"bytes"
	"fmt"
	"image/color"
	"io"
	"os"
	"path/filepath"

	xfont "golang.org/x/image/font"
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgimg"
	"gonum.org/v1/plot/vg/vgsvg"
)

// DPI is the resolution of PNG output.
const DPI = 150

// Figure is a finished drawing of a given size, ready to be written as PNG
// or SVG any number of times.
type Figure struct {
	Width, Height vg.Length
	draw          func(c draw.Canvas)
}

// NewFigure makes a Figure from a drawing function, for callers that compose
// their own drawings with the same writers.
func NewFigure(width, height vg.Length, drawFn func(c draw.Canvas)) *Figure {
	return &Figure{Width: width, Height: height, draw: drawFn}
}

// Draw draws the figure on c (filling it with white first).
func (f *Figure) Draw(c draw.Canvas) {
	c.SetColor(color.White)
	c.Fill(c.Rectangle.Path())
	f.draw(c)
}

// WritePNG writes the figure as a PNG image at DPI dots per inch.
func (f *Figure) WritePNG(w io.Writer) error { return f.WritePNGAt(w, DPI) }

// WritePNGAt writes the figure as a PNG image at dpi dots per inch (a
// smaller dpi gives a smaller file, as for a gallery).
func (f *Figure) WritePNGAt(w io.Writer, dpi int) error {
	c := vgimg.PngCanvas{Canvas: vgimg.NewWith(vgimg.UseWH(f.Width, f.Height), vgimg.UseDPI(dpi), vgimg.UseBackgroundColor(color.White))}
	f.Draw(draw.New(c))
	if _, err := c.WriteTo(w); err != nil {
		return fmt.Errorf("plots: writing PNG: %w", err)
	}
	return nil
}

// WriteSVG writes the figure as an SVG document (fonts are referred to by
// name, not embedded).
func (f *Figure) WriteSVG(w io.Writer) error {
	c := vgsvg.New(f.Width, f.Height)
	f.Draw(draw.New(c))
	if _, err := c.WriteTo(w); err != nil {
		return fmt.Errorf("plots: writing SVG: %w", err)
	}
	return nil
}

// SVG returns the figure as SVG text.
func (f *Figure) SVG() ([]byte, error) {
	var b bytes.Buffer
	err := f.WriteSVG(&b)
	return b.Bytes(), err
}

// Save writes base+".png" and base+".svg", each through a temporary file
// renamed into place.
func (f *Figure) Save(base string) error {
	for _, ext := range []string{".png", ".svg"} {
		write := f.WritePNG
		if ext == ".svg" {
			write = f.WriteSVG
		}
		if err := writeFile(base+ext, write); err != nil {
			return err
		}
	}
	return nil
}

func writeFile(path string, write func(io.Writer) error) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), ".tmp-"+filepath.Base(path)+"-*")
	if err != nil {
		return fmt.Errorf("plots: %w", err)
	}
	defer os.Remove(tmp.Name())
	if err := tmp.Chmod(0o644); err != nil {
		tmp.Close()
		return fmt.Errorf("plots: %w", err)
	}
	if err := write(tmp); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("plots: %w", err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("plots: %w", err)
	}
	return nil
}

// Colours: a palette that stays distinguishable for colour-blind readers
// (Okabe & Ito).
var (
	Blue       = color.RGBA{0, 114, 178, 255}
	Orange     = color.RGBA{230, 159, 0, 255}
	Green      = color.RGBA{0, 158, 115, 255}
	Vermillion = color.RGBA{213, 94, 0, 255}
	Purple     = color.RGBA{204, 121, 167, 255}
	Sky        = color.RGBA{86, 180, 233, 255}
	Yellow     = color.RGBA{240, 228, 66, 255}
	Black      = color.RGBA{0, 0, 0, 255}
	Grey       = color.RGBA{110, 110, 110, 255}
)

// Palette is the order in which series get their colours.
var Palette = []color.Color{Blue, Vermillion, Green, Orange, Purple, Sky, Black, Yellow}

// Fixed colours of things that appear in several figures, so a level or a
// metric has the same colour everywhere.
var metricColour = map[string]color.Color{
	"orientation_executive":    Blue,
	"orientation_manager":      Vermillion,
	"orientation_professional": Green,
	"cases_solved_cum":         Green,
	"cases_failed_cum":         Vermillion,
	"cases_open":               Blue,
	"trust":                    Blue,
	"trust_manager":            Sky,
	"key_capital":              Purple,
	"legitimacy_internal":      Green,
	"legitimacy_external":      Orange,
	"learning":                 Blue,
	"innovation":               Orange,
	"transformation":           Purple,
}

// sans returns a text style in Liberation Sans.
func sans(size vg.Length, bold bool, c color.Color) text.Style {
	f := font.Font{Typeface: "Liberation", Variant: "Sans", Size: size}
	if bold {
		f.Weight = xfont.WeightBold
	}
	return text.Style{Color: c, Font: f, Handler: plot.DefaultTextHandler}
}

// styleAxes sets every text of p in Liberation Sans at readable sizes.
func styleAxes(p *plot.Plot) {
	p.Title.TextStyle.Font = font.Font{Typeface: "Liberation", Variant: "Sans", Weight: xfont.WeightBold, Size: 10}
	for _, a := range []*plot.Axis{&p.X, &p.Y} {
		a.Label.TextStyle.Font = font.Font{Typeface: "Liberation", Variant: "Sans", Size: 9}
		a.Tick.Label.Font = font.Font{Typeface: "Liberation", Variant: "Sans", Size: 8}
		a.Tick.Length = 4
		a.Padding = 2
	}
	p.Legend.TextStyle.Font = font.Font{Typeface: "Liberation", Variant: "Sans", Size: 8}
}

// withAlpha returns c with opacity a (0-1), premultiplied as image/color
// expects.
func withAlpha(c color.Color, a float64) color.Color {
	r, g, b, _ := c.RGBA()
	return color.NRGBA{uint8(r >> 8), uint8(g >> 8), uint8(b >> 8), uint8(a*255 + 0.5)}
}
