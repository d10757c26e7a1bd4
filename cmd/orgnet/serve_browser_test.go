package main

import (
	"bytes"
	"context"
	"fmt"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/orgnet/orgnet/scenarios"
	"github.com/orgnet/orgnet/web"
)

// chromiumPath finds a Chromium or Chrome binary: $ORGNET_CHROMIUM, then the
// usual names on the PATH.
func chromiumPath() string {
	if p := os.Getenv("ORGNET_CHROMIUM"); p != "" {
		return p
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// artefactDir is where the browser test keeps its screenshots:
// $ORGNET_ARTEFACTS/screenshots, or a folder in the system's temporary folder.
func artefactDir(t *testing.T) string {
	root := os.Getenv("ORGNET_ARTEFACTS")
	if root == "" {
		root = filepath.Join(os.TempDir(), "orgnet-artefacts")
	}
	dir := filepath.Join(root, "screenshots")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	return dir
}

// TestBrowser drives the explorer in headless Chromium as a person would:
// choose a preset, move a slider, run, watch the charts and the clock, switch
// to Dutch, compare a dilemma and download the scenario, which `orgnet run
// --config` must accept.
func TestBrowser(t *testing.T) {
	exe := chromiumPath()
	if exe == "" {
		if os.Getenv("CI") == "true" {
			t.Fatal("no Chromium found (install Debian's chromium, or set ORGNET_CHROMIUM); the browser test must run in CI")
		}
		t.Skip("no Chromium found (install Debian's chromium, or set ORGNET_CHROMIUM)")
	}
	srv, err := web.New(web.Options{ResultsDir: filepath.Join(t.TempDir(), "results")})
	if err != nil {
		t.Fatal(err)
	}
	defer srv.Close()
	ts := httptest.NewServer(srv)
	defer ts.Close()

	ctx, cancel := context.WithTimeout(context.Background(), 100*time.Second)
	defer cancel()
	actx, acancel := chromedp.NewExecAllocator(ctx,
		chromedp.ExecPath(exe),
		chromedp.Flag("headless", true),
		chromedp.Flag("no-sandbox", true),
		chromedp.Flag("disable-gpu", true),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("no-first-run", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.Flag("hide-scrollbars", true),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(1440, 1000),
	)
	defer acancel()
	bctx, bcancel := chromedp.NewContext(actx)
	defer bcancel()

	// js evaluates an expression in the page.
	js := func(expr string) {
		t.Helper()
		if _, err := chromedp.Run(bctx, chromedp.Evaluate[any](expr, chromedp.EvalAwaitPromise)); err != nil {
			t.Fatalf("%s: %v", expr, err)
		}
	}
	str := func(expr string) string {
		t.Helper()
		s, err := chromedp.Run(bctx, chromedp.Evaluate[string](expr, chromedp.EvalAwaitPromise))
		if err != nil {
			t.Fatalf("%s: %v", expr, err)
		}
		return s
	}
	num := func(expr string) float64 {
		t.Helper()
		x, err := chromedp.Run(bctx, chromedp.Evaluate[float64](expr))
		if err != nil {
			t.Fatalf("%s: %v", expr, err)
		}
		return x
	}
	wait := func(what, expr string) {
		t.Helper()
		if _, err := chromedp.Run(bctx, chromedp.Poll[any](expr, chromedp.WithPollingInterval(50*time.Millisecond), chromedp.WithPollingTimeout(30*time.Second))); err != nil {
			t.Fatalf("waiting for %s (%s): %v; message on the page: %q", what, expr, err, str(`document.getElementById('message').textContent`))
		}
	}
	shot := func(name string) {
		t.Helper()
		png, err := chromedp.Run(bctx, chromedp.FullScreenshot(100))
		if err != nil {
			t.Fatalf("screenshot %s: %v", name, err)
		}
		path := filepath.Join(artefactDir(t), name+".png")
		if err := os.WriteFile(path, png, 0o644); err != nil {
			t.Fatal(err)
		}
		t.Logf("screenshot: %s", path)
	}
	const chartsLoaded = `['orientation','value','trust_legitimacy','partners','network'].every(c => { const i = document.getElementById('chart-' + c); return i.complete && i.naturalWidth > 0 && i.dataset.version == String(S.version); })`

	// Load the page.
	if err := chromedp.Do(bctx, chromedp.Navigate(ts.URL)); err != nil {
		t.Fatal(err)
	}
	wait("the first run to be set up", `S.state && S.state.ready`)
	wait("the charts", chartsLoaded)
	if got := str(`document.getElementById('run').textContent`); got != "Run" {
		t.Errorf("Run button reads %q", got)
	}

	// Choose a preset other than the default.
	preset := scenarios.Names()[1]
	if _, err := scenarios.Preset(preset); err != nil {
		preset = scenarios.Default
	}
	js(fmt.Sprintf(`(() => { const s = document.getElementById('preset'); s.value = %q; s.dispatchEvent(new Event('change')); })()`, preset))
	wait("the preset's run", fmt.Sprintf(`S.state.preset === %q && document.getElementById('preset-title').textContent.length > 0`, preset))
	if q := str(`document.getElementById('preset-question').textContent`); q == "" {
		t.Errorf("preset %s shows no question", preset)
	}

	// Move a slider, and shorten the run.
	js(`(() => { const r = document.getElementById('p-forces.manager.loss_of_control'); r.value = '1.5'; r.dispatchEvent(new Event('input')); r.dispatchEvent(new Event('change')); })()`)
	wait("the slider's change to reach the run", `S.state.changes.some(c => c.path === 'forces.manager.loss_of_control' && c.value === '1.5')`)
	if str(`document.querySelector('.param[data-path="forces.manager.loss_of_control"]').className`) != "param changed" {
		t.Error("the moved slider is not marked as changed")
	}
	js(`(() => { const y = document.getElementById('years'); y.value = '3'; y.dispatchEvent(new Event('change')); })()`)
	wait("a 3-year run", `S.state.ticks === 156 && S.state.tick === 0`)
	wait("the charts of week 0", chartsLoaded)
	before := str(`fetch(document.getElementById('chart-orientation').src).then(r => r.text())`)

	// Run it: the clock advances and the charts change.
	js(`document.getElementById('speed').value = '156'`)
	js(`document.getElementById('run').click()`)
	wait("the clock to advance", `Number(document.getElementById('tick').textContent) > 0`)
	wait("the run to finish", `S.state.done && !S.state.running`)
	wait("the charts of the last week", chartsLoaded)
	if tick := num(`Number(document.getElementById('tick').textContent)`); tick != 156 {
		t.Errorf("clock shows week %v at the end, want 156", tick)
	}
	after := str(`fetch(document.getElementById('chart-orientation').src).then(r => r.text())`)
	if after == before || !strings.Contains(after, "<svg") {
		t.Error("the orientation chart did not change while the model ran")
	}
	shot("explore-en")

	// Switch to Dutch.
	js(`document.getElementById('lang-nl').click()`)
	wait("Dutch labels", `document.getElementById('run').textContent === 'Start'`)
	wait("Dutch charts", `document.getElementById('chart-orientation').dataset.lang === 'nl'`)
	groups := str(`[...document.querySelectorAll('#params summary')].map(s => s.textContent).join('|')`)
	for _, want := range []string{"Middenmanagers: netwerkremmende krachten", "Bestuurders: netwerkbevorderende krachten", "Professionals: netwerkbevorderende krachten"} {
		if !strings.Contains(groups, want) {
			t.Errorf("Dutch page lacks %q; groups: %s", want, groups)
		}
	}
	if got := str(`document.querySelector('label[for="p-forces.manager.loss_of_control"]').textContent`); got != "Verlies van controle" {
		t.Errorf("Dutch slider label %q", got)
	}
	if svg := str(`fetch(document.getElementById('chart-orientation').src).then(r => r.text())`); !strings.Contains(svg, "middenmanagers") {
		t.Error("the Dutch orientation chart does not speak of middenmanagers")
	}
	shot("explore-nl")

	// Download the scenario; `orgnet run --config` must accept it.
	toml := str(`fetch(document.getElementById('dl-toml').href).then(r => r.text())`)
	cfg, err := scenarios.Parse("scenario.toml", []byte(toml))
	if err != nil {
		t.Fatalf("downloaded scenario does not parse: %v", err)
	}
	if cfg.Forces.Manager.LossOfControl != 1.5 || cfg.Run.Years != 3 {
		t.Errorf("downloaded scenario lost the page's settings: loss_of_control %v, years %v", cfg.Forces.Manager.LossOfControl, cfg.Run.Years)
	}
	dir := t.TempDir()
	file := filepath.Join(dir, "scenario.toml")
	if err := os.WriteFile(file, []byte(toml), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, ok := commands["run"]; ok {
		var out, errb bytes.Buffer
		if code := run([]string{"run", "--config", file, "--out", filepath.Join(dir, "out")}, &out, &errb); code != 0 {
			t.Errorf("orgnet run --config with the downloaded scenario: exit %d\n%s", code, errb.String())
		}
	} else {
		t.Error("orgnet has no run command to accept the downloaded scenario")
	}

	// Compare a dilemma.
	js(`document.getElementById('tab-dilemma').click()`)
	js(`document.getElementById('d-years').value = '2'; document.getElementById('d-reps').value = '4'`)
	js(`document.querySelector('button.add[data-side="b"]').click()`)
	js(`(() => { const li = document.querySelector('#b-changes li'); const s = li.querySelector('.cpath'); s.value = 'intervention.share'; s.dispatchEvent(new Event('change')); li.querySelector('.cvalue').value = '1'; })()`)
	js(`document.getElementById('compare').click()`)
	wait("the dilemma's answer", `!document.getElementById('d-result').hidden && document.querySelectorAll('#d-sentences li').length > 0`)
	wait("the dilemma's charts", `[...document.querySelectorAll('img.d-chart')].every(i => i.complete && i.naturalWidth > 0)`)
	if n := num(`document.querySelectorAll('img.d-chart').length`); n != 2 {
		t.Errorf("%v dilemma charts, want 2", n)
	}
	if s := str(`document.getElementById('d-sentences').textContent`); !strings.Contains(s, "replicaties") {
		t.Errorf("dilemma sentences are not in Dutch: %s", s)
	}
	shot("dilemma-nl")
}
