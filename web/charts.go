package web

import (
	"bytes"
	"fmt"
	"net/http"
	"slices"
	"strings"

	"github.com/orgnet/orgnet/ensemble"
	"github.com/orgnet/orgnet/i18n"
	"github.com/orgnet/orgnet/plots"
)

// chartNames are the live run's pictures, in the page's order.
var chartNames = []string{"orientation", "value", "trust_legitimacy", "partners", "network"}

// snapshotPersons caps the persons taken into the network picture (0: all;
// plots samples large networks itself, and the server caps persons).
const snapshotPersons = 0

// figureOf draws one of the live run's pictures with package plots, the same
// figures the command line makes; ss.mu is held.
func (ss *session) figureLocked(name string, l i18n.Lang) (*plots.Figure, error) {
	if ss.model == nil {
		return nil, badInput("nothing to draw: set up a run first")
	}
	if name == "network" {
		return plots.Network(ss.model.Snapshot(snapshotPersons), plots.NetworkOptions{Lang: l})
	}
	// Every replication, so that the pictures show the band the page does.
	reps := []ensemble.Replication{{Rows: ss.rows}}
	for _, r := range ss.extra {
		reps = append(reps, ensemble.Replication{Rows: r.rows})
	}
	sum, err := ensemble.Summarise(reps)
	if err != nil {
		return nil, fmt.Errorf("summarising the run: %w", err)
	}
	sub := i18n.Tf(l, "web.chart.subtitle", ss.cfg.Run.Seed, ss.model.Tick(), ss.cfg.Ticks())
	if len(reps) > 1 {
		sub = i18n.Tf(l, "web.chart.subtitle.reps", len(reps), ss.cfg.Run.Seed, ss.model.Tick(), ss.cfg.Ticks())
	}
	opt := plots.Options{
		Lang:     l,
		Markers:  plots.RecordMarkers(ss.events),
		Subtitle: sub,
		XMax:     ss.cfg.Run.Years,
	}
	// The baseline, as on the page: its mean over the same seeds, dotted.
	if len(ss.base) > 0 && len(ss.base[0].rows) > 0 {
		breps := make([]ensemble.Replication, len(ss.base))
		for i, r := range ss.base {
			breps[i] = ensemble.Replication{Rows: r.rows}
		}
		if opt.Baseline, err = ensemble.Summarise(breps); err != nil {
			return nil, fmt.Errorf("summarising the baseline: %w", err)
		}
		opt.BaselineLabel = i18n.Tf(l, "web.base.label", ss.baseName)
	}
	return timeFigure(name, sum, opt)
}

// timeFigure draws a time-series figure by name.
func timeFigure(name string, sum *ensemble.Summary, opt plots.Options) (*plots.Figure, error) {
	switch name {
	case "orientation":
		return plots.Orientation(sum, opt)
	case "value":
		return plots.Value(sum, opt)
	case "trust_legitimacy":
		return plots.TrustLegitimacy(sum, opt)
	case "partners":
		return plots.PartnersPersons(sum, opt)
	}
	return nil, badInput("chart: unknown chart %q; allowed: %s", name, strings.Join(chartNames, ", "))
}

// splitPicture splits "name.svg" or "name.png" into name and format,
// accepting only the given names.
func splitPicture(file string, names []string) (name, format string, err error) {
	name, format, ok := strings.Cut(file, ".")
	if !ok || (format != "svg" && format != "png") || !slices.Contains(names, name) {
		return "", "", badInput("picture: %q is not offered; allowed: NAME.svg or NAME.png with NAME one of %s", file, strings.Join(names, ", "))
	}
	return name, format, nil
}

// render writes a figure in a format.
func render(f *plots.Figure, format string) ([]byte, error) {
	var b bytes.Buffer
	var err error
	if format == "png" {
		err = f.WritePNG(&b)
	} else {
		err = f.WriteSVG(&b)
	}
	if err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// picture returns a live-run picture, from the cache when the run has not
// moved since it was drawn.
func (ss *session) picture(name, format string, l i18n.Lang) ([]byte, error) {
	ss.mu.Lock()
	defer ss.mu.Unlock()
	key := fmt.Sprintf("%s.%s/%s/%d", name, format, l, ss.version)
	if b, ok := ss.cache[key]; ok {
		return b, nil
	}
	f, err := ss.figureLocked(name, l)
	if err != nil {
		return nil, err
	}
	b, err := render(f, format)
	if err != nil {
		return nil, fmt.Errorf("drawing %s: %w", name, err)
	}
	if len(ss.cache) > 40 {
		clear(ss.cache)
	}
	ss.cache[key] = b
	return b, nil
}

func contentType(format string) string {
	switch format {
	case "png":
		return "image/png"
	case "svg":
		return "image/svg+xml"
	case "csv":
		return "text/csv; charset=utf-8"
	case "toml":
		return "application/toml; charset=utf-8"
	case "html":
		return "text/html; charset=utf-8"
	case "json":
		return "application/json; charset=utf-8"
	}
	return "application/octet-stream"
}

// sendFile writes data; as an attachment named name when download is set.
func sendFile(w http.ResponseWriter, name, format string, data []byte, download bool) {
	h := w.Header()
	h.Set("Content-Type", contentType(format))
	h.Set("Cache-Control", "no-store")
	if download {
		h.Set("Content-Disposition", fmt.Sprintf("attachment; filename=%q", name))
	}
	w.Write(data)
}
