package plots

import (
	"cmp"
	"image/color"
	"math"
	"slices"
	"strings"

	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"

	"github.com/orgnet/orgnet/i18n"
	"github.com/orgnet/orgnet/sim"
)

// NetworkOptions tune the picture of a network. The zero value draws in
// English at 20 × 20 cm with at most 40 organisations.
type NetworkOptions struct {
	Lang i18n.Lang
	// Title and Subtitle override the defaults ("The network in year Y" and
	// a count of persons and ties).
	Title, Subtitle string
	Width, Height   vg.Length
	// MaxOrgs caps the organisations drawn (default 40); organisations are
	// kept in order of network and index, so whole local networks show.
	MaxOrgs int
	// MaxProfessionals caps the professionals drawn per organisation
	// (default 40); executives and managers are always drawn.
	MaxProfessionals int
}

// OrientationColour maps an orientation (0 own organisation, 1 network) to
// the colour used for persons in the network picture: orange for the own
// organisation, through a pale middle, to blue for the network.
func OrientationColour(x float64) color.Color {
	x = math.Max(0, math.Min(1, x))
	own := [3]float64{213, 94, 0}
	mid := [3]float64{238, 226, 200}
	net := [3]float64{0, 90, 170}
	a, b, t := own, mid, x*2
	if x > 0.5 {
		a, b, t = mid, net, (x-0.5)*2
	}
	var c [3]uint8
	for i := range c {
		c[i] = uint8(math.Round(a[i] + t*(b[i]-a[i])))
	}
	return color.RGBA{c[0], c[1], c[2], 255}
}

type placed struct {
	x, y  float64 // Unit coordinates: the circle of organisations has radius 1.
	level string
	col   color.Color
	ring  bool
	betw  float64 // Normalised betweenness: the larger, the larger the person is drawn.
}

type orgPlace struct {
	x, y, angle float64
	name        string
	active      bool
	core        bool
	n           int
}

// Network draws a snapshot: organisations as groups on a circle, each
// person a marker in its organisation's group (executives squares at the
// centre, middle managers triangles around them, professionals dots on the
// outside) coloured by orientation, with a ring for ambassadors and network
// managers; ties between persons of different organisations as lines whose
// darkness and width grow with trust. Large snapshots are sampled (see
// NetworkOptions) and the subtitle says so.
func Network(s sim.Snapshot, opt NetworkOptions) (*Figure, error) {
	if len(s.Orgs) == 0 {
		return nil, ErrNoData
	}
	l := opt.Lang
	maxOrgs := cmp.Or(opt.MaxOrgs, 40)
	maxProf := cmp.Or(opt.MaxProfessionals, 40)

	// Organisations with persons, in order of network and index.
	count := make([]int, len(s.Orgs))
	for _, p := range s.Persons {
		if p.Org >= 0 && p.Org < len(s.Orgs) {
			count[p.Org]++
		}
	}
	var orgIdx []int
	for i := range s.Orgs {
		if count[i] > 0 || len(s.Persons) == 0 {
			orgIdx = append(orgIdx, i)
		}
	}
	slices.SortStableFunc(orgIdx, func(a, b int) int { return cmp.Compare(s.Orgs[a].Network, s.Orgs[b].Network) })
	if len(orgIdx) > maxOrgs {
		orgIdx = orgIdx[:maxOrgs]
	}
	// Organisations without persons in the snapshot (cut off by
	// Snapshot's maxPersons) count as not shown.
	shownOrgs := len(s.Orgs)
	sampled := len(orgIdx) < shownOrgs
	n := len(orgIdx)
	slot := map[int]int{}
	orgs := make([]orgPlace, n)
	spacing := 2 * math.Sin(math.Pi/float64(max(n, 2)))
	cr := math.Min(0.4*spacing, 0.34) // Radius of an organisation's group.
	if n == 1 {
		cr = 0.6
	}
	for k, i := range orgIdx {
		slot[i] = k
		a := math.Pi/2 - 2*math.Pi*float64(k)/float64(n)
		o := s.Orgs[i]
		orgs[k] = orgPlace{x: math.Cos(a), y: math.Sin(a), angle: a, name: orgName(l, o.Name), active: o.Active, core: o.Core}
		if n == 1 {
			orgs[k].x, orgs[k].y = 0, 0
		}
	}

	// Persons per organisation and level, sampling professionals.
	byOrg := make([][3][]int, n)
	levelIndex := map[string]int{"executive": 0, "manager": 1, "professional": 2}
	for pi, p := range s.Persons {
		k, ok := slot[p.Org]
		if !ok {
			continue
		}
		lv, ok := levelIndex[p.Level]
		if !ok {
			lv = 2
		}
		byOrg[k][lv] = append(byOrg[k][lv], pi)
	}
	pos := make([]*placed, len(s.Persons))
	shown, total := 0, 0
	for k := range byOrg {
		total += len(byOrg[k][0]) + len(byOrg[k][1]) + len(byOrg[k][2])
		profs := byOrg[k][2]
		if len(profs) > maxProf {
			keep := make([]int, maxProf)
			for j := range keep {
				keep[j] = profs[j*len(profs)/maxProf]
			}
			byOrg[k][2] = keep
			sampled = true
		}
		o := orgs[k]
		// Rings: executives near the centre, managers around them,
		// professionals in the outer band.
		bands := [3][2]float64{{0, 0.22}, {0.32, 0.5}, {0.6, 0.95}}
		for lv := range 3 {
			list := byOrg[k][lv]
			for j, pi := range list {
				px, py := spread(j, len(list), bands[lv][0], bands[lv][1], o.angle)
				p := s.Persons[pi]
				pos[pi] = &placed{x: o.x + cr*px, y: o.y + cr*py, level: p.Level,
					col: OrientationColour(p.Orientation), ring: p.Ambassador || p.NetworkManager, betw: p.Betweenness}
				shown++
			}
		}
		orgs[k].n = len(byOrg[k][0]) + len(byOrg[k][1]) + len(byOrg[k][2])
	}
	ties := make([]sim.SnapshotTie, 0, len(s.Ties))
	for _, t := range s.Ties {
		if t.A >= 0 && t.A < len(pos) && t.B >= 0 && t.B < len(pos) && pos[t.A] != nil && pos[t.B] != nil {
			ties = append(ties, t)
		}
	}
	slices.SortStableFunc(ties, func(a, b sim.SnapshotTie) int { return cmp.Compare(a.Trust, b.Trust) })

	title := opt.Title
	if title == "" {
		title = i18n.Tf(l, "network.title", yearText(float64(s.Tick)/sim.WeeksPerYear))
	}
	sub := opt.Subtitle
	if sub == "" {
		sub = i18n.Tf(l, "network.title", yearText(float64(s.Tick)/sim.WeeksPerYear)) + " · " + i18n.Tf(l, "network.persons", shown, len(ties))
		if opt.Title == "" {
			sub = i18n.Tf(l, "network.persons", shown, len(ties))
		}
		if sampled {
			sub += " · " + i18n.Tf(l, "network.sampled", n, shownOrgs)
		}
		sub += whichNetworks(l, s, orgIdx)
	}
	w, h := cmp.Or(opt.Width, 20*vg.Centimeter), cmp.Or(opt.Height, 21*vg.Centimeter)

	drawFn := func(c draw.Canvas) {
		c = drawCrop(c, 8, 8, 6, 8)
		top := drawFigureHeader(c, title, sub).Max.Y

		legendH := vg.Length(62)
		drawNetworkLegend(drawCrop(draw.Canvas{Canvas: c.Canvas, Rectangle: vg.Rectangle{Min: c.Min, Max: vg.Point{X: c.Max.X, Y: c.Min.Y + legendH}}}, 0, 0, 0, 0), l)

		// The network area, with room for names around the circle.
		area := vg.Rectangle{Min: vg.Point{X: c.Min.X, Y: c.Min.Y + legendH + 6}, Max: vg.Point{X: c.Max.X, Y: top}}
		labels, at, scale := layoutCircle(l, orgs, cr, area)

		// Groups.
		for _, o := range orgs {
			fill := color.RGBA{240, 240, 240, 255}
			edge := draw.LineStyle{Color: color.RGBA{170, 170, 170, 255}, Width: 0.6}
			if o.core {
				edge = draw.LineStyle{Color: color.RGBA{90, 90, 90, 255}, Width: 1.2}
			}
			if !o.active {
				fill = color.RGBA{250, 250, 250, 255}
				edge.Dashes = []vg.Length{2, 2}
			}
			circ := circlePath(at(o.x, o.y), vg.Length(cr)*scale)
			c.SetColor(fill)
			c.Fill(circ)
			c.SetLineStyle(edge)
			c.Stroke(circ)
		}
		// Ties, weakest first.
		for _, t := range ties {
			a, b := pos[t.A], pos[t.B]
			tr := math.Max(0, math.Min(1, t.Trust))
			ls := draw.LineStyle{Color: color.NRGBA{40, 55, 75, uint8(25 + 150*tr)}, Width: vg.Length(0.25 + 1.3*tr)}
			c.StrokeLine2(ls, at(a.x, a.y).X, at(a.x, a.y).Y, at(b.x, b.y).X, at(b.x, b.y).Y)
		}
		// Persons.
		gr := min(max(vg.Length(cr)*scale*0.09, 1.6), 4)
		for _, p := range pos {
			if p == nil {
				continue
			}
			// Hubs and brokers are drawn larger: the radius grows with the
			// square root of the person's betweenness (up to 3.5 times).
			drawPerson(c, at(p.x, p.y), p.level, p.col, p.ring, gr*vg.Length(1+2.5*math.Sqrt(math.Min(1, p.betw))))
		}
		// Names, outside the circle.
		for _, lb := range labels {
			c.FillText(lb.sty, at(lb.x, lb.y), lb.text)
		}
	}
	return &Figure{Width: w, Height: h, draw: drawFn}, nil
}

// layoutCircle places the names of organisations on a circle (groups of
// radius cr in unit coordinates) in area, and returns them with the
// mapping from unit coordinates to the canvas at the largest scale at which
// every name fits.
func layoutCircle(l i18n.Lang, orgs []orgPlace, cr float64, area vg.Rectangle) ([]nameLabel, func(x, y float64) vg.Point, vg.Length) {
	n := len(orgs)
	nameSty := sans(8.5, true, Black)
	nameW := (area.Max.X - area.Min.X) / 4
	ext := 1 + cr // Extent of the groups in unit coordinates.
	halfW, halfH := (area.Max.X-area.Min.X)/2-4, (area.Max.Y-area.Min.Y)/2-4
	scale := min(halfW, halfH) / vg.Length(ext)
	labels := make([]nameLabel, len(orgs))
	for k, o := range orgs {
		labels[k] = placeName(l, o, n, cr, nameSty, nameW)
		lb := labels[k]
		tw, th := nameSty.Width(lb.text), nameSty.FontExtents().Height
		limit := func(u float64, room vg.Length) {
			if u > 1e-9 {
				scale = min(scale, room/vg.Length(u))
			}
		}
		if lb.radial {
			ca, sa := math.Abs(math.Cos(lb.angle)), math.Abs(math.Sin(lb.angle))
			limit(math.Abs(lb.x), halfW-tw*vg.Length(ca)-th/2)
			limit(math.Abs(lb.y), halfH-tw*vg.Length(sa)-th/2)
			continue
		}
		switch lb.sty.XAlign {
		case text.XLeft:
			limit(lb.x, halfW-tw)
		case text.XRight:
			limit(-lb.x, halfW-tw)
		default:
			limit(math.Abs(lb.x), halfW-tw/2)
		}
		switch lb.sty.YAlign {
		case text.YBottom:
			limit(lb.y, halfH-th)
		case text.YTop:
			limit(-lb.y, halfH-th)
		default:
			limit(math.Abs(lb.y), halfH-th/2)
		}
	}
	scale = max(scale, 1)
	cx, cy := (area.Min.X+area.Max.X)/2, (area.Min.Y+area.Max.Y)/2
	at := func(x, y float64) vg.Point { return vg.Point{X: cx + vg.Length(x)*scale, Y: cy + vg.Length(y)*scale} }
	return labels, at, scale
}

// nameLabel is an organisation's name placed outside the circle.
type nameLabel struct {
	x, y   float64 // Anchor in unit coordinates.
	text   string
	sty    text.Style
	radial bool    // Written along the radius (many organisations).
	angle  float64 // Direction from the centre.
}

// radialFrom is the number of organisations from which names are written
// along the radius, so that neighbours never overlap.
const radialFrom = 21

// placeName puts an organisation's name just outside its group, aligned
// away from the centre of the circle.
func placeName(l i18n.Lang, o orgPlace, n int, cr float64, bold text.Style, maxW vg.Length) nameLabel {
	sty := bold
	if !o.core {
		sty = sans(8.5, false, Black)
	}
	name := o.name
	if !o.active {
		name += " (" + i18n.T(l, "network.left") + ")"
		sty.Color = Grey
	}
	r := 1 + cr + 0.03
	lb := nameLabel{x: o.x * r, y: o.y * r, angle: o.angle}
	ca := math.Cos(o.angle)
	if n >= radialFrom {
		lb.radial = true
		sty.YAlign = text.YCenter
		if ca >= 0 {
			sty.Rotation, sty.XAlign = o.angle, text.XLeft
		} else {
			sty.Rotation, sty.XAlign = o.angle+math.Pi, text.XRight
		}
		lb.sty = sty
		lb.text = fitText(sty, name, maxW)
		return lb
	}
	switch {
	case n == 1:
		lb.x, lb.y = 0, -cr-0.04
		sty.XAlign, sty.YAlign = text.XCenter, text.YTop
	case ca > 0.25:
		sty.XAlign, sty.YAlign = text.XLeft, text.YCenter
	case ca < -0.25:
		sty.XAlign, sty.YAlign = text.XRight, text.YCenter
	case o.y > 0:
		sty.XAlign, sty.YAlign = text.XCenter, text.YBottom
	default:
		sty.XAlign, sty.YAlign = text.XCenter, text.YTop
	}
	lb.sty = sty
	lb.text = fitText(sty, name, maxW)
	return lb
}

// whichNetworks names the local networks a picture shows when a run has
// more than one (" · local networks 1–2 of 300"), or "".
func whichNetworks(l i18n.Lang, s sim.Snapshot, orgIdx []int) string {
	total := 0
	for _, o := range s.Orgs {
		total = max(total, o.Network+1)
	}
	if total < 2 || len(orgIdx) == 0 {
		return ""
	}
	lo, hi := total, -1
	for _, i := range orgIdx {
		lo, hi = min(lo, s.Orgs[i].Network), max(hi, s.Orgs[i].Network)
	}
	if lo == hi {
		return " · " + i18n.Tf(l, "network.which1", lo+1, total)
	}
	return " · " + i18n.Tf(l, "network.which", lo+1, hi+1, total)
}

// orgName translates the kind in a model name such as "care 3".
func orgName(l i18n.Lang, name string) string {
	kind, rest, ok := strings.Cut(name, " ")
	if !ok || !i18n.Has(l, "kind."+kind) {
		return name
	}
	return i18n.T(l, "kind."+kind) + " " + rest
}

// spread returns the j-th of n positions in the annulus between radii r0
// and r1 of the unit disc: a ring for few persons, a sunflower pattern for
// many. The pattern is turned by angle so groups look alike around the circle.
func spread(j, n int, r0, r1, angle float64) (float64, float64) {
	if n == 1 && r0 == 0 {
		return 0, 0
	}
	const golden = 2.399963229728653 // Golden angle in radians.
	var r, a float64
	if n <= 8 {
		r = (r0 + r1) / 2
		if r0 == 0 {
			r = r1 * 0.7
		}
		a = 2*math.Pi*float64(j)/float64(n) + angle
	} else {
		// Equal area per person between r0 and r1.
		f := (float64(j) + 0.5) / float64(n)
		r = math.Sqrt(r0*r0 + f*(r1*r1-r0*r0))
		a = float64(j)*golden + angle
	}
	return r * math.Cos(a), r * math.Sin(a)
}

func circlePath(c vg.Point, r vg.Length) vg.Path {
	var p vg.Path
	p.Move(vg.Point{X: c.X + r, Y: c.Y})
	p.Arc(c, r, 0, 2*math.Pi)
	p.Close()
	return p
}

// drawPerson draws a person's marker: a square (executive), a triangle
// (middle manager) or a dot (professional), with a dark ring for
// ambassadors and network managers.
func drawPerson(c draw.Canvas, pt vg.Point, level string, col color.Color, ring bool, r vg.Length) {
	var path vg.Path
	switch level {
	case "executive":
		r *= 1.5
		s := r * 0.9
		path.Move(vg.Point{X: pt.X - s, Y: pt.Y - s})
		path.Line(vg.Point{X: pt.X + s, Y: pt.Y - s})
		path.Line(vg.Point{X: pt.X + s, Y: pt.Y + s})
		path.Line(vg.Point{X: pt.X - s, Y: pt.Y + s})
		path.Close()
	case "manager":
		r *= 1.4
		path.Move(vg.Point{X: pt.X, Y: pt.Y + r*1.15})
		path.Line(vg.Point{X: pt.X + r, Y: pt.Y - r*0.65})
		path.Line(vg.Point{X: pt.X - r, Y: pt.Y - r*0.65})
		path.Close()
	default:
		path = circlePath(pt, r)
	}
	c.SetColor(col)
	c.Fill(path)
	edge := draw.LineStyle{Color: color.RGBA{80, 80, 80, 255}, Width: 0.35}
	if ring {
		edge = draw.LineStyle{Color: Black, Width: 1.1}
	}
	c.SetLineStyle(edge)
	c.Stroke(path)
}

// drawNetworkLegend draws, in c, the shapes of the three levels, the ring,
// a tie, and a colour bar of orientation.
func drawNetworkLegend(c draw.Canvas, l i18n.Lang) {
	sty := sans(8.5, false, Black)
	sty.XAlign, sty.YAlign = text.XLeft, text.YCenter
	half := (c.Max.X - c.Min.X) / 2
	// Left: shapes.
	rowH := vg.Length(14)
	y := c.Max.Y - rowH/2
	x := c.Min.X + 6
	mid := OrientationColour(0.5)
	items := []struct {
		level, key string
		ring       bool
	}{
		{"executive", "network.executive", false},
		{"manager", "network.manager", false},
		{"professional", "network.professional", false},
	}
	colW := half / 3
	for i, it := range items {
		px := x + vg.Length(i)*colW
		drawPerson(c, vg.Point{X: px, Y: y}, it.level, mid, it.ring, 2.6)
		c.FillText(sty, vg.Point{X: px + 8, Y: y}, fitText(sty, i18n.T(l, it.key), colW-14))
	}
	drawPerson(c, vg.Point{X: x, Y: y - rowH}, "manager", mid, true, 2.6)
	c.FillText(sty, vg.Point{X: x + 8, Y: y - rowH}, fitText(sty, i18n.T(l, "network.ambassador"), half-20))
	py := y - 2*rowH
	c.StrokeLine2(draw.LineStyle{Color: color.NRGBA{40, 55, 75, 160}, Width: 1.2}, x-4, py, x+8, py)
	c.FillText(sty, vg.Point{X: x + 12, Y: py}, fitText(sty, i18n.T(l, "network.tie"), half-20))
	py -= rowH
	csty := sans(8.5, true, Black)
	csty.XAlign, csty.YAlign = text.XLeft, text.YCenter
	c.FillText(csty, vg.Point{X: x + 12, Y: py}, fitText(csty, i18n.T(l, "network.core"), half-20))
	c.SetLineStyle(draw.LineStyle{Color: color.RGBA{90, 90, 90, 255}, Width: 1.2})
	c.Stroke(circlePath(vg.Point{X: x + 2, Y: py}, 5))

	// Right: colour bar of orientation.
	bx0, bx1 := c.Min.X+half+20, c.Max.X-10
	by := c.Max.Y - 24
	tsty := sans(9, true, Black)
	tsty.XAlign, tsty.YAlign = text.XCenter, text.YBottom
	c.FillText(tsty, vg.Point{X: (bx0 + bx1) / 2, Y: by + 12}, i18n.T(l, "network.orientation"))
	const steps = 60
	sw := (bx1 - bx0) / steps
	for i := range steps {
		x0 := bx0 + vg.Length(i)*sw
		c.FillPolygon(OrientationColour((float64(i)+0.5)/steps), []vg.Point{{X: x0, Y: by - 5}, {X: x0 + sw + 0.3, Y: by - 5}, {X: x0 + sw + 0.3, Y: by + 7}, {X: x0, Y: by + 7}})
	}
	c.SetLineStyle(draw.LineStyle{Color: Grey, Width: 0.5})
	var box vg.Path
	box.Move(vg.Point{X: bx0, Y: by - 5})
	box.Line(vg.Point{X: bx1, Y: by - 5})
	box.Line(vg.Point{X: bx1, Y: by + 7})
	box.Line(vg.Point{X: bx0, Y: by + 7})
	box.Close()
	c.Stroke(box)
	ts := sans(8, false, Black)
	for _, t := range []struct {
		v     float64
		label string
		align text.XAlignment
	}{{0, "0 " + i18n.T(l, "network.own"), text.XLeft}, {0.5, "0.5", text.XCenter}, {1, i18n.T(l, "network.network") + " 1", text.XRight}} {
		xx := bx0 + vg.Length(t.v)*(bx1-bx0)
		c.StrokeLine2(draw.LineStyle{Color: Grey, Width: 0.5}, xx, by-5, xx, by-8)
		ts.XAlign, ts.YAlign = t.align, text.YTop
		c.FillText(ts, vg.Point{X: xx, Y: by - 9}, t.label)
	}
}
