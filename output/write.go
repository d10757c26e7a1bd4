package output

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strconv"
	"time"

	"github.com/orgnet/orgnet/ensemble"
	"github.com/orgnet/orgnet/i18n"
	"github.com/orgnet/orgnet/plots"
	"github.com/orgnet/orgnet/scenarios"
	"github.com/orgnet/orgnet/sim"
)

// Run is a finished run, ready to be written.
type Run struct {
	Result  *ensemble.Result // Its Config is the full resolved scenario.
	Version string           // orgnet version.
	Command []string         // Command line, for the manifest.
	Start   time.Time
	End     time.Time
	Lang    i18n.Lang
	// SnapshotYears are the extra years at which the first replication's
	// network was recorded (its snapshots before the last, in order).
	SnapshotYears []float64
	// Posterior names the calibration posterior each replication drew its
	// parameters from ("" for none), PosteriorParams its parameters; the
	// report then says the bands include parameter uncertainty.
	Posterior, PosteriorParams string
}

// Write writes a complete results folder to target: Begin, write, Commit.
func Write(target string, r *Run, force bool) error {
	f, err := Begin(target, force)
	if err != nil {
		return err
	}
	if err := f.Write(r); err != nil {
		f.Abort()
		return err
	}
	if err := f.Commit(); err != nil {
		f.Abort()
		return err
	}
	return nil
}

// Write writes every file of the run into the temporary folder.
func (f *Folder) Write(r *Run) error {
	if r.Result == nil || len(r.Result.Reps) == 0 {
		return fmt.Errorf("output: no results to write")
	}
	dir := f.tmp
	sum, err := r.Result.Summary()
	if err != nil {
		return err
	}
	var files []string
	write := func(name string, fn func(io.Writer) error) error {
		files = append(files, name)
		return writeFile(filepath.Join(dir, name), fn)
	}
	reps := r.Result.Reps
	if err := write("timeseries.csv", func(w io.Writer) error { return WriteTimeseries(w, reps) }); err != nil {
		return err
	}
	if err := write("summary.csv", func(w io.Writer) error { return WriteSummary(w, sum) }); err != nil {
		return err
	}
	if err := write("events.csv", func(w io.Writer) error { return WriteEvents(w, reps) }); err != nil {
		return err
	}

	// Plots: each drawn once, written as PNG and SVG, and kept for the report.
	cfg := r.Result.Config
	opt := plots.Options{Lang: r.Lang, Markers: plots.EventMarkers(cfg.Events)}
	if err := os.Mkdir(filepath.Join(dir, "plots"), 0o755); err != nil {
		return fmt.Errorf("output: %w", err)
	}
	var figs []reportFigure
	for _, std := range StandardPlots {
		fig, err := std.Draw(sum, opt)
		if err != nil {
			return fmt.Errorf("output: plot %s: %w", std.Name, err)
		}
		rf, err := saveFigure(fig, dir, "plots/"+std.Name, &files)
		if err != nil {
			return err
		}
		rf.Caption = i18n.T(r.Lang, std.TitleKey)
		figs = append(figs, rf)
	}
	var nets []reportFigure
	snaps := reps[0].Snapshots
	title, _ := i18n.Preset(r.Lang, cfg.Scenario.Name, cfg.Scenario.Title, cfg.Scenario.Question)
	for i, s := range snaps {
		name := "network"
		year := float64(s.Tick) / sim.WeeksPerYear
		if i < len(snaps)-1 {
			name = "network_y" + strconv.FormatFloat(yearOf(r.SnapshotYears, i, year), 'f', -1, 64)
		}
		fig, err := plots.Network(s, plots.NetworkOptions{Lang: r.Lang, Title: title})
		if err != nil {
			return fmt.Errorf("output: network picture: %w", err)
		}
		rf, err := saveFigure(fig, dir, name, &files)
		if err != nil {
			return err
		}
		rf.Caption = i18n.Tf(r.Lang, "network.title", strconv.FormatFloat(roundYear(year), 'f', -1, 64))
		nets = append(nets, rf)
	}
	// The end state first in the report, then the earlier years in order.
	if len(nets) > 1 {
		nets = append(nets[len(nets)-1:], nets[:len(nets)-1]...)
	}
	// Beside the end state: the partners and the ties between them.
	if len(snaps) > 0 {
		end := snaps[len(snaps)-1]
		fig, err := plots.OrgNetwork(end, plots.NetworkOptions{Lang: r.Lang, Title: title})
		if err != nil {
			return fmt.Errorf("output: partner network picture: %w", err)
		}
		rf, err := saveFigure(fig, dir, "network_orgs", &files)
		if err != nil {
			return err
		}
		rf.Caption = i18n.Tf(r.Lang, "orgnet.title", strconv.FormatFloat(roundYear(float64(end.Tick)/sim.WeeksPerYear), 'f', -1, 64))
		nets = append(nets[:1], append([]reportFigure{rf}, nets[1:]...)...)
	}

	if err := write("report.html", func(w io.Writer) error { return writeReport(w, r, sum, figs, nets) }); err != nil {
		return err
	}
	files = append(files, "manifest.json")
	sort.Strings(files)
	m := newManifest(r, files)
	return writeFile(filepath.Join(dir, "manifest.json"), func(w io.Writer) error {
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		return enc.Encode(m)
	})
}

func yearOf(years []float64, i int, fallback float64) float64 {
	if i < len(years) {
		return years[i]
	}
	return roundYear(fallback)
}

func roundYear(y float64) float64 {
	r, _ := strconv.ParseFloat(strconv.FormatFloat(y, 'f', 2, 64), 64)
	return r
}

// StandardPlot is one of the time-series figures of a run folder.
type StandardPlot struct {
	Name     string // File name without extension, under plots/.
	TitleKey string // i18n key of its title.
	Draw     func(*ensemble.Summary, plots.Options) (*plots.Figure, error)
}

// StandardPlots are the figures every run folder has, in report order.
var StandardPlots = []StandardPlot{
	{"orientation", "plot.orientation", plots.Orientation},
	{"value", "plot.value", plots.Value},
	{"trust_legitimacy", "plot.trust_legitimacy", plots.TrustLegitimacy},
	{"partners_persons", "plot.partners_persons", plots.PartnersPersons},
}

func saveFigure(fig *plots.Figure, dir, name string, files *[]string) (reportFigure, error) {
	svg, err := fig.SVG()
	if err != nil {
		return reportFigure{}, err
	}
	if err := writeFile(filepath.Join(dir, name+".svg"), func(w io.Writer) error { _, err := w.Write(svg); return err }); err != nil {
		return reportFigure{}, err
	}
	if err := writeFile(filepath.Join(dir, name+".png"), fig.WritePNG); err != nil {
		return reportFigure{}, err
	}
	*files = append(*files, name+".png", name+".svg")
	return reportFigure{File: name + ".png", SVG: InlineSVG(svg)}, nil
}

func newManifest(r *Run, files []string) *Manifest {
	cfg := r.Result.Config
	return &Manifest{
		Format:        ManifestFormat,
		Orgnet:        r.Version,
		Name:          cfg.Scenario.Name,
		Title:         cfg.Scenario.Title,
		Seed:          r.Result.Master,
		Replications:  len(r.Result.Reps),
		Seeds:         r.Result.Seeds(),
		Years:         cfg.Run.Years,
		Ticks:         cfg.Ticks(),
		SnapshotYears: r.SnapshotYears,
		Lang:          string(r.Lang),
		Start:         r.Start.UTC().Round(time.Millisecond),
		End:           r.End.UTC().Round(time.Millisecond),
		GoVersion:     runtime.Version(),
		Platform:      runtime.GOOS + "/" + runtime.GOARCH,
		Command:       r.Command,
		Files:         files,
		Scenario:      string(scenarios.Encode(cfg, false)),
		Posterior:     r.Posterior,
	}
}

// WriteFile writes a file through fn into a temporary file next to path,
// renamed into place when fn and the close succeed: a failed write leaves
// nothing half-written.
func WriteFile(path string, fn func(io.Writer) error) error { return writeFile(path, fn) }

// writeFile writes path through a temporary file in the same folder.
func writeFile(path string, fn func(io.Writer) error) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), ".tmp-"+filepath.Base(path)+"-*")
	if err != nil {
		return fmt.Errorf("output: %w", err)
	}
	defer os.Remove(tmp.Name())
	if err := tmp.Chmod(0o644); err != nil {
		tmp.Close()
		return fmt.Errorf("output: %w", err)
	}
	if err := fn(tmp); err != nil {
		tmp.Close()
		return fmt.Errorf("output: %s: %w", filepath.Base(path), err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("output: %w", err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("output: %w", err)
	}
	return nil
}
