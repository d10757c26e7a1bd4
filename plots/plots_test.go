package plots

import (
	"bytes"
	"context"
	"encoding/xml"
	"image"
	"image/color"
	"image/png"
	"io"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"

	"github.com/orgnet/orgnet/ensemble"
	"github.com/orgnet/orgnet/i18n"
	"github.com/orgnet/orgnet/scenarios"
	"github.com/orgnet/orgnet/sim"
)

func testEnsemble(t *testing.T) (*sim.Config, *ensemble.Result, *ensemble.Summary) {
	t.Helper()
	cfg, err := scenarios.Preset("bossche-bond")
	if err != nil {
		t.Fatal(err)
	}
	cfg.Run.Years = 4
	res, err := ensemble.Run(context.Background(), cfg, 3, 3, ensemble.Options{SnapshotTicks: []int{52}})
	if err != nil {
		t.Fatal(err)
	}
	sum, err := res.Summary()
	if err != nil {
		t.Fatal(err)
	}
	return cfg, res, sum
}

// checkPNG decodes a PNG and checks that it is not blank: enough pixels
// differ from the background, in more than a handful of colours.
func checkPNG(t *testing.T, name string, data []byte) image.Image {
	t.Helper()
	img, err := png.Decode(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("%s: PNG does not decode: %v", name, err)
	}
	b := img.Bounds()
	if b.Dx() < 300 || b.Dy() < 200 {
		t.Errorf("%s: only %dx%d pixels", name, b.Dx(), b.Dy())
	}
	ink := 0
	colours := map[color.RGBA]bool{}
	for y := b.Min.Y; y < b.Max.Y; y += 2 {
		for x := b.Min.X; x < b.Max.X; x += 2 {
			r, g, bl, _ := img.At(x, y).RGBA()
			if r < 0xf000 || g < 0xf000 || bl < 0xf000 {
				ink++
			}
			colours[color.RGBA{uint8(r >> 8), uint8(g >> 8), uint8(bl >> 8), 0}] = true
		}
	}
	if frac := float64(ink) / float64(b.Dx()*b.Dy()/4); frac < 0.02 {
		t.Errorf("%s: looks blank (%.3f of pixels inked)", name, frac)
	}
	if len(colours) < 8 {
		t.Errorf("%s: only %d colours", name, len(colours))
	}
	return img
}

// checkSVG parses an SVG with encoding/xml and counts its elements.
func checkSVG(t *testing.T, name string, data []byte, wantText ...string) {
	t.Helper()
	d := xml.NewDecoder(bytes.NewReader(data))
	elems, root := 0, ""
	var text strings.Builder
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("%s: SVG does not parse: %v", name, err)
		}
		switch v := tok.(type) {
		case xml.StartElement:
			if root == "" {
				root = v.Name.Local
			}
			elems++
		case xml.CharData:
			text.Write(v)
		}
	}
	if root != "svg" || elems < 20 {
		t.Errorf("%s: root %q with %d elements", name, root, elems)
	}
	for _, w := range wantText {
		if !strings.Contains(text.String(), w) {
			t.Errorf("%s: SVG text lacks %q", name, w)
		}
	}
}

func TestFigures(t *testing.T) {
	cfg, res, sum := testEnsemble(t)
	other, err := ensemble.Summarise(res.Reps[:1])
	if err != nil {
		t.Fatal(err)
	}
	for _, lang := range i18n.Langs() {
		opt := Options{Lang: lang, Markers: EventMarkers(cfg.Events)}
		figs := map[string]func() (*Figure, error){
			"orientation":      func() (*Figure, error) { return Orientation(sum, opt) },
			"value":            func() (*Figure, error) { return Value(sum, opt) },
			"trust_legitimacy": func() (*Figure, error) { return TrustLegitimacy(sum, opt) },
			"partners_persons": func() (*Figure, error) { return PartnersPersons(sum, opt) },
			"metrics":          func() (*Figure, error) { return Metrics(sum, []string{"fund", "ambition", "coordination"}, opt) },
			"compare":          func() (*Figure, error) { return Compare(sum, other, "A", "B", []string{"trust", "cases_open"}, opt) },
			"network": func() (*Figure, error) {
				s := res.Reps[0].Snapshots
				return Network(s[len(s)-1], NetworkOptions{Lang: lang})
			},
		}
		wantText := map[string]string{
			"orientation": i18n.T(lang, "plot.orientation"),
			"value":       i18n.T(lang, "axis.time"),
			"network":     i18n.T(lang, "network.orientation"),
		}
		for name, mk := range figs {
			fig, err := mk()
			if err != nil {
				t.Fatalf("%s %s: %v", lang, name, err)
			}
			var pb, sb bytes.Buffer
			if err := fig.WritePNG(&pb); err != nil {
				t.Fatal(err)
			}
			if err := fig.WriteSVG(&sb); err != nil {
				t.Fatal(err)
			}
			checkPNG(t, string(lang)+" "+name, pb.Bytes())
			var want []string
			if w, ok := wantText[name]; ok {
				want = append(want, w)
			}
			checkSVG(t, string(lang)+" "+name, sb.Bytes(), want...)
		}
	}
}

func TestMarkersShowOnPlot(t *testing.T) {
	_, _, sum := testEnsemble(t)
	fig, err := Orientation(sum, Options{Markers: []Marker{{Year: 2, Label: "crisis hits"}, {Year: 50, Label: "outside the run"}}})
	if err != nil {
		t.Fatal(err)
	}
	svg, err := fig.SVG()
	if err != nil {
		t.Fatal(err)
	}
	checkSVG(t, "markers", svg, "crisis hits")
	if bytes.Contains(svg, []byte("outside the run")) {
		t.Error("a marker after the end of the run was drawn")
	}
}

func TestNetworkSampling(t *testing.T) {
	// A large synthetic snapshot: 60 organisations of 100 persons each.
	var s sim.Snapshot
	for o := range 60 {
		s.Orgs = append(s.Orgs, sim.SnapshotOrg{Name: "care " + string(rune('A'+o%26)), Active: o%7 != 0, Core: o < 5, Network: o / 20})
		for p := range 100 {
			level := "professional"
			if p == 0 {
				level = "executive"
			} else if p < 5 {
				level = "manager"
			}
			s.Persons = append(s.Persons, sim.SnapshotPerson{Org: o, Level: level, Orientation: float64(p) / 100, Ambassador: p == 1})
		}
	}
	for i := 0; i+150 < len(s.Persons); i += 7 {
		s.Ties = append(s.Ties, sim.SnapshotTie{A: i, B: i + 150, Trust: float64(i%10) / 10})
	}
	fig, err := Network(s, NetworkOptions{MaxOrgs: 25, MaxProfessionals: 10})
	if err != nil {
		t.Fatal(err)
	}
	svg, err := fig.SVG()
	if err != nil {
		t.Fatal(err)
	}
	checkSVG(t, "sampled network", svg, "showing 25 of 60 organisations", "(left)")
	var pb bytes.Buffer
	if err := fig.WritePNG(&pb); err != nil {
		t.Fatal(err)
	}
	checkPNG(t, "sampled network", pb.Bytes())
	if _, err := Network(sim.Snapshot{}, NetworkOptions{}); err != ErrNoData {
		t.Errorf("empty snapshot: %v", err)
	}
}

func TestOrientationColour(t *testing.T) {
	own, net := OrientationColour(0).(color.RGBA), OrientationColour(1).(color.RGBA)
	if own.R <= own.B || net.B <= net.R {
		t.Errorf("own %v should be warm, network %v blue", own, net)
	}
	if OrientationColour(-1) != OrientationColour(0) || OrientationColour(2) != OrientationColour(1) {
		t.Error("orientation outside 0-1 not clamped")
	}
}

func TestBadInput(t *testing.T) {
	_, _, sum := testEnsemble(t)
	if _, err := SeriesOf(sum, "nope", i18n.EN); err == nil {
		t.Error("unknown metric accepted")
	}
	if _, err := Metrics(sum, nil, Options{}); err != ErrNoData {
		t.Errorf("no metrics: %v", err)
	}
	if _, err := TimeSeries("x", "", []Panel{{Series: []Series{{X: []float64{0, 1}, Mean: []float64{1}}}}}, 1, Options{}); err == nil {
		t.Error("series of unequal length accepted")
	}
}

func TestSave(t *testing.T) {
	_, _, sum := testEnsemble(t)
	fig, err := TrustLegitimacy(sum, Options{})
	if err != nil {
		t.Fatal(err)
	}
	base := filepath.Join(t.TempDir(), "trust")
	if err := fig.Save(base); err != nil {
		t.Fatal(err)
	}
	for _, ext := range []string{".png", ".svg"} {
		fi, err := os.Stat(base + ext)
		if err != nil || fi.Size() == 0 || fi.Mode().Perm() != 0o644 {
			t.Errorf("%s: %v %v", ext, err, fi)
		}
	}
	entries, _ := os.ReadDir(filepath.Dir(base))
	if len(entries) != 2 {
		t.Errorf("temporary files left: %v", entries)
	}
}

// Event labels go where the series leave room: the longest stretch of
// height free of means and bands beside the marker.
func TestMarkerLabelsAvoidSeries(t *testing.T) {
	s := Series{X: []float64{0, 1, 2, 3}, Mean: []float64{0.5, 0.5, 0.5, 0.5}, Lo: []float64{0.3, 0.3, 0.3, 0.3}, Hi: []float64{0.65, 0.65, 0.65, 0.65}}
	m := markerPlotter{series: []Series{s}}
	c := draw.Canvas{Rectangle: vg.Rectangle{Min: vg.Point{}, Max: vg.Point{X: 300, Y: 100}}}
	trX := func(x float64) vg.Length { return vg.Length(x * 100) }
	trY := func(y float64) vg.Length { return vg.Length(y * 100) }
	lo, hi := m.freeSpan(c, trX, trY, 100, 110)
	if lo < 65 || hi > 100 || hi-lo < 30 {
		t.Errorf("free span %v–%v, want the stretch above the band (67–100)", lo, hi)
	}
	if got := splitLabel("core coalition's executives leave"); len(got) != 2 || got[0] != "core coalition's" {
		t.Errorf("splitLabel = %q", got)
	}
}

// A series with undefined values (NaN) is drawn with gaps, not refused.
func TestUndefinedValuesLeaveGaps(t *testing.T) {
	nan := math.NaN()
	s := Series{Label: "wellbeing", X: []float64{0, 1, 2, 3, 4}, Mean: []float64{nan, 3, nan, 5, 6},
		Lo: []float64{nan, 2, nan, 4, 5}, Hi: []float64{nan, 4, nan, 6, 7}}
	fig, err := TimeSeries("t", "s", []Panel{{Title: "p", Series: []Series{s}}}, 1, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := fig.SVG(); err != nil {
		t.Fatal(err)
	}
	if got := definedRuns(5, func(k int) bool { return !math.IsNaN(s.Mean[k]) }); len(got) != 2 || got[0] != [2]int{1, 2} || got[1] != [2]int{3, 5} {
		t.Errorf("definedRuns = %v", got)
	}
}
