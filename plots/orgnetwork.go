package plots

import (
	"cmp"
	"image/color"
	"math"
	"slices"

	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"

	"github.com/orgnet/orgnet/i18n"
	"github.com/orgnet/orgnet/sim"
)

// orgTie is the ties between the persons of two organisations.
type orgTie struct {
	a, b  int // Slots of the organisations in the picture.
	n     int
	trust float64 // Sum of the ties' trust.
}

// OrgNetwork draws a snapshot at the level of organisations, beside the
// person-level picture of Network: each partner a circle on a ring (its
// area grows with its persons, its colour is their mean orientation), and
// each pair of partners whose persons share ties a line, wider with more
// ties and darker with more mean trust. Organisations are chosen as in
// Network (opt.MaxOrgs, in order of network), and the subtitle names the
// local networks shown.
func OrgNetwork(s sim.Snapshot, opt NetworkOptions) (*Figure, error) {
	if len(s.Orgs) == 0 {
		return nil, ErrNoData
	}
	l := opt.Lang
	maxOrgs := cmp.Or(opt.MaxOrgs, 40)
	persons := make([]int, len(s.Orgs))
	orient := make([]float64, len(s.Orgs))
	for _, p := range s.Persons {
		if p.Org >= 0 && p.Org < len(s.Orgs) {
			persons[p.Org]++
			orient[p.Org] += p.Orientation
		}
	}
	var orgIdx []int
	for i := range s.Orgs {
		if persons[i] > 0 {
			orgIdx = append(orgIdx, i)
		}
	}
	if len(orgIdx) == 0 {
		return nil, ErrNoData
	}
	slices.SortStableFunc(orgIdx, func(a, b int) int { return cmp.Compare(s.Orgs[a].Network, s.Orgs[b].Network) })
	sampled := len(orgIdx) > maxOrgs
	if sampled {
		orgIdx = orgIdx[:maxOrgs]
	}
	n := len(orgIdx)
	slot := make(map[int]int, n)
	orgs := make([]orgPlace, n)
	most := 1
	for k, i := range orgIdx {
		slot[i] = k
		a := math.Pi/2 - 2*math.Pi*float64(k)/float64(n)
		o := s.Orgs[i]
		orgs[k] = orgPlace{x: math.Cos(a), y: math.Sin(a), angle: a, name: orgName(l, o.Name), active: o.Active, core: o.Core, n: persons[i]}
		if n == 1 {
			orgs[k].x, orgs[k].y = 0, 0
		}
		most = max(most, persons[i])
	}
	// Ties summed per pair of organisations.
	pairs := map[[2]int]*orgTie{}
	ties := 0
	for _, t := range s.Ties {
		if t.A < 0 || t.A >= len(s.Persons) || t.B < 0 || t.B >= len(s.Persons) {
			continue
		}
		a, okA := slot[s.Persons[t.A].Org]
		b, okB := slot[s.Persons[t.B].Org]
		if !okA || !okB || a == b {
			continue
		}
		key := [2]int{min(a, b), max(a, b)}
		e := pairs[key]
		if e == nil {
			e = &orgTie{a: key[0], b: key[1]}
			pairs[key] = e
		}
		e.n++
		e.trust += t.Trust
		ties++
	}
	edges := make([]*orgTie, 0, len(pairs))
	mostTies := 1
	for _, e := range pairs {
		edges = append(edges, e)
		mostTies = max(mostTies, e.n)
	}
	// Weakest first, so the strongest lie on top; ties broken by slot for
	// a picture that does not depend on map order.
	slices.SortFunc(edges, func(x, y *orgTie) int {
		return cmp.Or(cmp.Compare(x.trust/float64(x.n), y.trust/float64(y.n)), cmp.Compare(x.a, y.a), cmp.Compare(x.b, y.b))
	})

	title := opt.Title
	if title == "" {
		title = i18n.Tf(l, "orgnet.title", yearText(float64(s.Tick)/sim.WeeksPerYear))
	}
	sub := opt.Subtitle
	if sub == "" {
		sub = i18n.Tf(l, "orgnet.sub", n, len(edges), ties)
		if opt.Title != "" {
			sub = i18n.Tf(l, "orgnet.title", yearText(float64(s.Tick)/sim.WeeksPerYear)) + " · " + sub
		}
		sub += whichNetworks(l, s, orgIdx)
	}
	spacing := 2 * math.Sin(math.Pi/float64(max(n, 2)))
	rmax := math.Min(0.4*spacing, 0.22) // Radius of the largest organisation.
	if n == 1 {
		rmax = 0.5
	}
	w, h := cmp.Or(opt.Width, 20*vg.Centimeter), cmp.Or(opt.Height, 21*vg.Centimeter)
	drawFn := func(c draw.Canvas) {
		c = drawCrop(c, 8, 8, 6, 8)
		top := drawFigureHeader(c, title, sub).Max.Y
		legendH := vg.Length(30)
		legend := sans(8.5, false, Black)
		c.FillText(legend, vg.Point{X: c.Min.X, Y: c.Min.Y + legendH - 12}, i18n.Tf(l, "orgnet.legend.ties", mostTies))
		c.FillText(legend, vg.Point{X: c.Min.X, Y: c.Min.Y + 4}, i18n.T(l, "orgnet.legend.orgs"))
		area := vg.Rectangle{Min: vg.Point{X: c.Min.X, Y: c.Min.Y + legendH + 6}, Max: vg.Point{X: c.Max.X, Y: top}}
		labels, at, scale := layoutCircle(l, orgs, rmax, area)
		for _, e := range edges {
			tr := math.Max(0, math.Min(1, e.trust/float64(e.n)))
			// Width in proportion to the ties (a pair with the most ties, or
			// with 6 where no pair has more, is 5.3 points wide).
			ls := draw.LineStyle{Color: color.NRGBA{40, 55, 75, uint8(25 + 170*tr)}, Width: vg.Length(0.3 + 5*float64(e.n)/float64(max(mostTies, 6)))}
			a, b := at(orgs[e.a].x, orgs[e.a].y), at(orgs[e.b].x, orgs[e.b].y)
			c.StrokeLine2(ls, a.X, a.Y, b.X, b.Y)
		}
		for k, o := range orgs {
			r := vg.Length(rmax*math.Sqrt(float64(o.n)/float64(most))) * scale
			r = max(r, 2)
			circ := circlePath(at(o.x, o.y), r)
			c.SetColor(OrientationColour(orient[orgIdx[k]] / float64(max(o.n, 1))))
			c.Fill(circ)
			edge := draw.LineStyle{Color: color.RGBA{90, 90, 90, 255}, Width: 0.6}
			if o.core {
				edge.Width = 1.4
			}
			if !o.active {
				edge.Dashes = []vg.Length{2, 2}
			}
			c.SetLineStyle(edge)
			c.Stroke(circ)
		}
		for _, lb := range labels {
			c.FillText(lb.sty, at(lb.x, lb.y), lb.text)
		}
	}
	return &Figure{Width: w, Height: h, draw: drawFn}, nil
}
