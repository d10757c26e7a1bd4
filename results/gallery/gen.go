//go:build ignore

// gen.go draws the pictures of the README gallery from a run of the default
// preset. Run it from the repository root:
//
//	go run results/gallery/gen.go
//
// It writes orientation.png, value.png and network.png (at a lower
// resolution, to keep the gallery small) into results/gallery.
package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/orgnet/orgnet/ensemble"
	"github.com/orgnet/orgnet/plots"
	"github.com/orgnet/orgnet/scenarios"
)

func main() {
	if err := gen(filepath.Join("results", "gallery")); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}

func gen(dir string) error {
	cfg, err := scenarios.Preset(scenarios.Default)
	if err != nil {
		return err
	}
	res, err := ensemble.Run(context.Background(), cfg, uint64(cfg.Run.Seed), cfg.Run.Replications, ensemble.Options{})
	if err != nil {
		return err
	}
	sum, err := res.Summary()
	if err != nil {
		return err
	}
	opt := plots.Options{Markers: plots.EventMarkers(cfg.Events)}
	orient, err := plots.Orientation(sum, opt)
	if err != nil {
		return err
	}
	value, err := plots.Value(sum, opt)
	if err != nil {
		return err
	}
	snaps := res.Reps[0].Snapshots
	network, err := plots.Network(snaps[len(snaps)-1], plots.NetworkOptions{Title: cfg.Scenario.Title})
	if err != nil {
		return err
	}
	for _, f := range []struct {
		name string
		fig  *plots.Figure
		dpi  int
	}{{"orientation.png", orient, 110}, {"value.png", value, 90}, {"network.png", network, 90}} {
		if err := save(filepath.Join(dir, f.name), func(w io.Writer) error { return f.fig.WritePNGAt(w, f.dpi) }); err != nil {
			return err
		}
	}
	return nil
}

func save(path string, write func(io.Writer) error) error {
	tmp := path + ".tmp"
	f, err := os.Create(tmp)
	if err != nil {
		return err
	}
	if err := write(f); err != nil {
		f.Close()
		os.Remove(tmp)
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	return os.Rename(tmp, path)
}
