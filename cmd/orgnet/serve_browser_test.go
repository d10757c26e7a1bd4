package main

import (
	"bytes"
	"context"
	"encoding/base64"
	"fmt"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

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

// axePath finds axe-core's axe.min.js: $ORGNET_AXE, or the copy .ci/run
// installs with npm into .ci/node_modules.
func axePath() string {
	if p := os.Getenv("ORGNET_AXE"); p != "" {
		return p
	}
	return filepath.Join("..", "..", ".ci", "node_modules", "axe-core", "axe.min.js")
}

// TestBrowser drives the explorer in headless Chromium as a person preparing
// a meeting would: a run with bands and a baseline, the scrubber and the
// animated network, presenter mode, a share link reopened in a fresh browser
// context, the dilemma with its PNG export, both languages (no English label
// visible in Dutch), a phone-wide screen, and an accessibility check with
// axe-core. Screenshots go to $ORGNET_ARTEFACTS/screenshots.
func TestBrowser(t *testing.T) {
	exe := chromiumPath()
	if exe == "" {
		if os.Getenv("CI") == "true" {
			t.Fatal("no Chromium found (install Debian's chromium, or set ORGNET_CHROMIUM); the browser test must run in CI")
		}
		t.Skip("no Chromium found (install Debian's chromium, or set ORGNET_CHROMIUM)")
	}
	axe, axeErr := os.ReadFile(axePath())
	if axeErr != nil && os.Getenv("CI") == "true" {
		t.Fatalf("axe-core not found (%v): run `npm ci --prefix .ci` or set ORGNET_AXE", axeErr)
	}
	srv, err := web.New(web.Options{ResultsDir: filepath.Join(t.TempDir(), "results")})
	if err != nil {
		t.Fatal(err)
	}
	defer srv.Close()
	ts := httptest.NewServer(srv)
	defer ts.Close()

	ctx, cancel := context.WithTimeout(context.Background(), 150*time.Second)
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
	p := &page{t: t, ctx: bctx}

	const chartsLoaded = `['orientation','value','trust_legitimacy','partners','network'].every(c => { const i = document.getElementById('chart-' + c); return i.complete && i.naturalWidth > 0 && i.dataset.version == String(S.version); })`
	const liveLoaded = `S.series && S.state && S.series.to === S.state.tick + 1 && S.net && S.net.frames.length === S.state.frames`

	// Load the page: a run of several replications with bands.
	if err := chromedp.Do(bctx, chromedp.Navigate(ts.URL)); err != nil {
		t.Fatal(err)
	}
	p.wait("the first run to be set up", `S.state && S.state.ready`)
	p.wait("the charts", chartsLoaded)
	p.wait("the live series", liveLoaded)
	if got := p.str(`document.getElementById('run').textContent`); got != "Run" {
		t.Errorf("Run button reads %q", got)
	}
	if n := p.num(`S.series.reps`); n < 2 {
		t.Errorf("the main view shows %v replications, want a band of several", n)
	}
	if n := p.num(`document.querySelectorAll('#live-chart path[fill-opacity]').length`); n != 3 {
		t.Errorf("%v bands on the orientation chart, want 3 (one per level)", n)
	}

	// Choose a scenario: its base case is the baseline.
	preset := "turnover"
	p.js(fmt.Sprintf(`(() => { const s = document.getElementById('preset'); s.value = %q; s.dispatchEvent(new Event('change')); })()`, preset))
	p.wait("the scenario's run", fmt.Sprintf(`S.state.preset === %q && S.state.base !== ''`, preset))
	p.wait("the live series of the scenario", liveLoaded)
	if q := p.str(`document.getElementById('preset-question').textContent`); q == "" || strings.Contains(q, "network.institutionalisation") {
		t.Errorf("preset %s shows no question, or file keys in it: %q", preset, q)
	}
	if b := p.str(`document.getElementById('preset-base').textContent`); !strings.Contains(b, "MOM") {
		t.Errorf("the scenario does not say which case it builds on: %q", b)
	}
	if n := p.num(`document.querySelectorAll('#live-chart path[data-base]').length`); n != 3 {
		t.Errorf("%v baseline lines, want 3", n)
	}
	if opt := p.str(`[...document.querySelectorAll('#preset option')].find(o => o.value === 'national').textContent`); strings.Contains(opt, "national") || !p.bool(`[...document.querySelectorAll('#preset option')].find(o => o.value === 'national').disabled`) {
		t.Errorf("the national preset is offered or named by its internal name: %q", opt)
	}
	if !strings.Contains(p.str(`document.getElementById('preset-note').textContent`), "6000") {
		t.Error("the page does not say why the national preset is not offered")
	}

	// Move a slider, and shorten the run; the baseline is then the scenario unchanged.
	p.js(`(() => { const r = document.getElementById('p-forces.manager.loss_of_control'); r.value = '1.5'; r.dispatchEvent(new Event('input')); r.dispatchEvent(new Event('change')); })()`)
	p.wait("the slider's change to reach the run", `S.state.changes.some(c => c.path === 'forces.manager.loss_of_control' && c.value === '1.5')`)
	if p.str(`document.querySelector('.param[data-path="forces.manager.loss_of_control"]').className`) != "param changed" {
		t.Error("the moved slider is not marked as changed")
	}
	// A setting the model cannot run is refused next to its slider, which
	// goes back; the run stays.
	p.js(`(async () => { for (const k of ['municipality', 'housing', 'care', 'welfare', 'school', 'company', 'residents']) S.values['partners.' + k] = '0'; delete S.values['partners.residents']; renderParams(); const r = document.getElementById('p-partners.residents'); r.value = '0'; r.dispatchEvent(new Event('change')); })()`)
	p.wait("the refusal next to the slider", `document.querySelector('.param[data-path="partners.residents"] .field-error').textContent.includes('keep at least one partner organisation')`)
	if p.bool(`S.values['partners.residents'] === '0'`) || p.str(`S.state.preset`) != preset {
		t.Error("a refused setting was kept, or the run changed")
	}
	p.js(`(() => { for (const k of ['municipality', 'housing', 'care', 'welfare', 'school', 'company', 'residents']) delete S.values['partners.' + k]; renderParams(); })()`)
	p.js(`(() => { const y = document.getElementById('years'); y.value = '5'; y.dispatchEvent(new Event('change')); })()`)
	p.wait("a 5-year run", `S.state.ticks === 260 && S.state.tick === 0 && S.state.base === 'turnover'`)
	p.wait("the charts of week 0", chartsLoaded)
	if w := p.str(`document.getElementById('bn-wellbeing').textContent`); w != "–" {
		t.Errorf("wellbeing at week 0 reads %q, want undefined (–)", w)
	}
	before := p.str(`fetch(document.getElementById('chart-orientation').src).then(r => r.text())`)

	// Run it: the clock advances, the charts change, the network is animated.
	p.js(`document.getElementById('speed').value = '520'`)
	p.js(`document.getElementById('run').click()`)
	p.wait("the clock to advance", `Number(document.getElementById('tick').textContent) > 0`)
	p.wait("the run to finish", `S.state.done && !S.state.running`)
	p.wait("the charts of the last week", chartsLoaded)
	p.wait("the live series of the last week", liveLoaded)
	if tick := p.num(`Number(document.getElementById('tick').textContent)`); tick != 260 {
		t.Errorf("clock shows week %v at the end, want 260", tick)
	}
	after := p.str(`fetch(document.getElementById('chart-orientation').src).then(r => r.text())`)
	if after == before || !strings.Contains(after, "<svg") {
		t.Error("the orientation chart did not change while the model ran")
	}
	if n := p.num(`S.net.frames.length`); n < 50 {
		t.Errorf("%v network frames over 5 years, want one every few weeks", n)
	}
	p.shot("explore-en")

	// The scrubber goes back to year 1: numbers, cursor and network follow.
	end := p.str(`document.getElementById('net').innerHTML`)
	endCases := p.str(`document.getElementById('bn-cases').textContent`)
	p.js(`(() => { const s = document.getElementById('scrubber'); s.value = '52'; s.dispatchEvent(new Event('input')); })()`)
	if at := p.str(`document.getElementById('scrub-at').textContent`); !strings.Contains(at, "52") {
		t.Errorf("scrubber shows %q, want week 52", at)
	}
	if tick := p.num(`Number(document.getElementById('net').dataset.tick)`); tick > 52 || tick < 44 {
		t.Errorf("network shown at week %v, want the frame of week 52", tick)
	}
	if p.str(`document.getElementById('net').innerHTML`) == end || p.str(`document.getElementById('bn-cases').textContent`) == endCases {
		t.Error("the network or the big numbers did not go back with the scrubber")
	}
	// Hover on a person says who it is.
	p.js(`(() => { const c = document.querySelector('#net circle[data-person]'); const r = c.getBoundingClientRect(); c.dispatchEvent(new MouseEvent('mousemove', {bubbles: true, clientX: r.x + 1, clientY: r.y + 1})); })()`)
	if tip := p.str(`document.getElementById('net-tip').hidden ? '' : document.getElementById('net-tip').textContent`); !strings.Contains(tip, "orientation") {
		t.Errorf("hover on a person shows %q", tip)
	}
	// Replay animates the network through its frames.
	p.js(`document.getElementById('play').click()`)
	p.wait("the replay to move the network", `Number(document.getElementById('net').dataset.tick) > 0 && Number(document.getElementById('net').dataset.tick) < 52`)
	p.wait("the replay to end", `S.playing === null`)
	p.js(`document.getElementById('follow').click()`)
	p.js(`S.lastSlide = ''; document.getElementById('slide').click()`)
	p.wait("the run's slide", `S.lastSlide && S.lastSlide.startsWith('data:image/png') && S.lastSlide.length > 20000`)
	p.saveDataURL("slide-explore", `S.lastSlide`)
	runMetrics := p.str(`JSON.stringify(S.state.metrics)`)
	link := p.str(`shareURL()`)
	if !strings.Contains(link, "p.forces.manager.loss_of_control=1.5") || !strings.Contains(link, "years=5") {
		t.Errorf("share link lacks the settings: %s", link)
	}

	// Presenter mode: large type, big numbers, the network large.
	p.js(`document.getElementById('present').click()`)
	p.wait("presenter mode", `document.body.classList.contains('present') && location.search.includes('present=1')`)
	for _, size := range [][2]int64{{1920, 1080}, {1366, 768}} {
		p.viewport(size[0], size[1])
		if fs := p.num(`parseFloat(getComputedStyle(document.getElementById('bn-cases')).fontSize)`); fs < 40 {
			t.Errorf("presenter mode at %dx%d: big numbers in %vpx type", size[0], size[1], fs)
		}
		if w := p.num(`document.getElementById('net').getBoundingClientRect().width`); w < float64(size[1])/2.2 {
			t.Errorf("presenter mode at %dx%d: network %vpx wide", size[0], size[1], w)
		}
		if size[0] == 1920 && !p.bool(`document.querySelector('.scrub').getBoundingClientRect().bottom <= innerHeight`) {
			t.Error("presenter mode at 1920x1080 does not fit the screen: the scrubber is below it")
		}
		if p.bool(`document.getElementById('more').open`) {
			t.Error("presenter mode shows every setting")
		}
		p.shot(fmt.Sprintf("present-%dx%d", size[0], size[1]))
	}
	p.js(`document.getElementById('present').click()`)
	p.viewport(1440, 1000)

	// The share link reopens the same run in a fresh browser context.
	fctx, fcancel := chromedp.NewContext(bctx, chromedp.WithNewBrowserContext())
	fresh := &page{t: t, ctx: fctx}
	if err := chromedp.Do(fctx, chromedp.Navigate(link)); err != nil {
		t.Fatal(err)
	}
	fresh.wait("the shared run", `S.state && S.state.ready && S.state.ticks === 260`)
	fresh.js(`document.getElementById('speed').value = '0'`)
	fresh.js(`document.getElementById('run').click()`)
	fresh.wait("the shared run to finish", `S.state.done`)
	if got := fresh.str(`JSON.stringify(S.state.metrics)`); got != runMetrics {
		t.Errorf("the share link gave another run:\n%s\nwant\n%s", got, runMetrics)
	}
	fcancel()

	// Compare with the baseline in one click; export the dilemma's pictures.
	p.js(`document.getElementById('d-reps').value = '4'`)
	p.js(`document.getElementById('to-dilemma').click()`)
	p.wait("the dilemma's answer", `!document.getElementById('d-result').hidden && document.querySelectorAll('#d-sentences li').length > 0`)
	p.wait("the dilemma's charts", `[...document.querySelectorAll('img.d-chart')].every(i => i.complete && i.naturalWidth > 0)`)
	if a, b := p.str(`document.getElementById('a-preset').value`), p.str(`document.getElementById('b-preset').value`); a != "turnover" || b != "turnover" {
		t.Errorf("compare with the baseline set A=%s B=%s", a, b)
	}
	png := p.str(`fetch(document.getElementById('d-png-orientation').href).then(r => r.headers.get('content-type') + ' ' + r.headers.get('content-disposition'))`)
	if !strings.HasPrefix(png, "image/png") || !strings.Contains(png, "attachment") {
		t.Errorf("dilemma PNG export: %s", png)
	}
	p.js(`document.getElementById('d-slide').click()`)
	p.wait("the dilemma slide", `S.lastSlide && S.lastSlide.startsWith('data:image/png') && S.lastSlide.length > 20000`)
	p.saveDataURL("slide-dilemma", `S.lastSlide`)
	// A calibration's posterior loaded on the page: the dilemma offers it,
	// and its answer says that the intervals include parameter uncertainty.
	post := filepath.Join(t.TempDir(), "posterior.csv")
	if err := os.WriteFile(post, []byte("generation,particle,weight,distance,cases.detection\n0,0,0.5,0.1,40\n0,1,0.5,0.2,120\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(p.ctx, chromedp.SetUploadFiles("#d-post-file", []string{post})); err != nil {
		t.Fatal(err)
	}
	p.wait("the posterior offered", `!document.getElementById('d-post').hidden && document.getElementById('d-post-use').checked && document.getElementById('d-post-text').textContent.includes('posterior.csv')`)
	p.js(`document.getElementById('compare').click()`)
	p.wait("the answer with parameter uncertainty", `[...document.querySelectorAll('#d-sentences li')].some(li => li.textContent.includes('parameter uncertainty'))`)
	p.shot("dilemma-en")
	p.axe(axe, "dilemma view")
	p.js(`document.getElementById('tab-explore').click()`)
	p.axe(axe, "explore view")

	// Dutch: no English label visible, decimal commas, Dutch events.
	p.js(`document.getElementById('lang-nl').click()`)
	p.wait("Dutch labels", `document.getElementById('run').textContent === 'Start'`)
	p.wait("Dutch charts", `document.getElementById('chart-orientation').dataset.lang === 'nl'`)
	p.wait("the Dutch network", `S.net && document.getElementById('net').dataset.lang === 'nl'`)
	p.wait("the Dutch sliders and events", `document.querySelector('label[for="p-forces.manager.loss_of_control"]').textContent === 'Verlies van controle' && document.getElementById('events').textContent.includes('netwerkmanager')`)
	groups := p.str(`[...document.querySelectorAll('#params summary')].map(s => s.textContent).join('|')`)
	for _, want := range []string{"Middenmanagers: netwerkremmende krachten", "Bestuurders: netwerkbevorderende krachten", "Professionals: netwerkbevorderende krachten"} {
		if !strings.Contains(groups, want) {
			t.Errorf("Dutch page lacks %q; groups: %s", want, groups)
		}
	}
	if got := p.str(`document.querySelector('label[for="p-forces.manager.loss_of_control"]').textContent`); got != "Verlies van controle" {
		t.Errorf("Dutch slider label %q", got)
	}
	if v := p.str(`document.querySelector('.param[data-path="forces.manager.loss_of_control"] .pval').textContent`); !strings.Contains(v, "1,5") {
		t.Errorf("Dutch slider value %q, want a decimal comma", v)
	}
	if ev := p.str(`document.getElementById('events').textContent`); !strings.Contains(ev, "netwerkmanager vertrekt") {
		t.Errorf("Dutch events: %q", ev)
	}
	english := p.str(`Promise.all([fetch('/api/catalogue?lang=en').then(r => r.json()), fetch('/api/catalogue?lang=nl').then(r => r.json())]).then(([en, nl]) => JSON.stringify(Object.keys(en.labels).filter(k => en.labels[k] !== nl.labels[k] && en.labels[k].length >= 4 && !/%[sd]/.test(en.labels[k])).map(k => en.labels[k])))`)
	leaks := func(where string) {
		t.Helper()
		found := p.str(fmt.Sprintf(`(() => { const text = document.body.innerText; return JSON.stringify(%s.filter(s => new RegExp('(^|[^\\p{L}])' + s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&') + '($|[^\\p{L}])', 'u').test(text))); })()`, english))
		if found != "[]" {
			t.Errorf("English visible in Dutch mode on the %s: %s", where, found)
		}
	}
	p.js(`document.getElementById('scrubber').value = '100'; document.getElementById('scrubber').dispatchEvent(new Event('input'))`)
	leaks("explore view")
	if en := p.str(`[...document.querySelectorAll('#live-chart text, #net text')].map(e => e.textContent).filter(s => /\b(housing|welfare|municipality|company|residents|executive|manager|years)\b/.test(s)).join(' | ')`); en != "" {
		t.Errorf("English in the Dutch chart or network: %s", en)
	}
	if b := p.str(`document.getElementById('bn-trust').textContent`); !strings.Contains(b, ",") {
		t.Errorf("Dutch trust %q, want a decimal comma", b)
	}
	p.shot("explore-nl")
	p.js(`document.getElementById('tab-dilemma').click()`)
	p.wait("the Dutch dilemma", `document.getElementById('d-sentences').textContent.includes('herhalingen') || document.documentElement.lang === 'nl' && [...document.querySelectorAll('img.d-chart')].every(i => i.src.includes('lang=nl'))`)
	leaks("dilemma view")
	p.shot("dilemma-nl")
	p.js(`document.getElementById('tab-explore').click()`)

	// Arrow keys move between the tabs.
	p.js(`document.getElementById('tab-explore').focus()`)
	if err := chromedp.Do(bctx, chromedp.KeyEvent(kb.ArrowRight)); err != nil {
		t.Fatal(err)
	}
	if !p.bool(`!document.getElementById('view-dilemma').hidden && document.activeElement.id === 'tab-dilemma'`) {
		t.Error("the right arrow key did not move to the dilemma tab")
	}
	p.js(`document.getElementById('tab-explore').click()`)

	// A phone: the page fits 390 px without scrolling sideways.
	p.viewport(390, 844)
	if w := p.num(`document.documentElement.scrollWidth`); w > 390 {
		wide := p.str(`[...document.querySelectorAll('#view-explore section.main select, #view-explore section.main input, #view-explore section.main button, #view-explore section.main svg, #view-explore section.main img, #view-explore section.main canvas')].map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + ':' + Math.round(e.getBoundingClientRect().width)).join(' ')`)
		t.Errorf("at 390 px the page is %v px wide; widths of its controls: %s", w, wide)
	}
	p.shot("phone-390")
	p.viewport(1440, 1000)

	// Download the scenario; `orgnet run --config` must accept it.
	toml := p.str(`fetch(document.getElementById('dl-toml').href).then(r => r.text())`)
	cfg, err := scenarios.Parse("scenario.toml", []byte(toml))
	if err != nil {
		t.Fatalf("downloaded scenario does not parse: %v", err)
	}
	if cfg.Forces.Manager.LossOfControl != 1.5 || cfg.Run.Years != 5 {
		t.Errorf("downloaded scenario lost the page's settings: loss_of_control %v, years %v", cfg.Forces.Manager.LossOfControl, cfg.Run.Years)
	}
	dir := t.TempDir()
	file := filepath.Join(dir, "scenario.toml")
	if err := os.WriteFile(file, []byte(toml), 0o644); err != nil {
		t.Fatal(err)
	}
	var out, errb bytes.Buffer
	if code := run([]string{"run", "--config", file, "--out", filepath.Join(dir, "out")}, &out, &errb); code != 0 {
		t.Errorf("orgnet run --config with the downloaded scenario: exit %d\n%s", code, errb.String())
	}
}

// page evaluates and waits in one browser tab.
type page struct {
	t   *testing.T
	ctx context.Context
}

func (p *page) js(expr string) {
	p.t.Helper()
	if _, err := chromedp.Run(p.ctx, chromedp.Evaluate[any](expr, chromedp.EvalAwaitPromise)); err != nil {
		p.t.Fatalf("%s: %v", expr, err)
	}
}

func (p *page) str(expr string) string {
	p.t.Helper()
	s, err := chromedp.Run(p.ctx, chromedp.Evaluate[string](expr, chromedp.EvalAwaitPromise))
	if err != nil {
		p.t.Fatalf("%s: %v", expr, err)
	}
	return s
}

func (p *page) num(expr string) float64 {
	p.t.Helper()
	x, err := chromedp.Run(p.ctx, chromedp.Evaluate[float64](expr))
	if err != nil {
		p.t.Fatalf("%s: %v", expr, err)
	}
	return x
}

func (p *page) bool(expr string) bool {
	p.t.Helper()
	x, err := chromedp.Run(p.ctx, chromedp.Evaluate[bool](expr))
	if err != nil {
		p.t.Fatalf("%s: %v", expr, err)
	}
	return x
}

func (p *page) wait(what, expr string) {
	p.t.Helper()
	if _, err := chromedp.Run(p.ctx, chromedp.Poll[any](expr, chromedp.WithPollingInterval(50*time.Millisecond), chromedp.WithPollingTimeout(30*time.Second))); err != nil {
		p.t.Fatalf("waiting for %s (%s): %v; messages on the page: %q", what, expr, err, p.str(`[...document.querySelectorAll('#message, .field-error')].map(e => e.textContent).join(' | ')`))
	}
}

func (p *page) viewport(w, h int64) {
	p.t.Helper()
	if err := chromedp.Do(p.ctx, chromedp.EmulateViewport(w, h)); err != nil {
		p.t.Fatal(err)
	}
	p.js(`new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))`)
}

func (p *page) shot(name string) {
	p.t.Helper()
	png, err := chromedp.Run(p.ctx, chromedp.FullScreenshot(100))
	if err != nil {
		p.t.Fatalf("screenshot %s: %v", name, err)
	}
	path := filepath.Join(artefactDir(p.t), name+".png")
	if err := os.WriteFile(path, png, 0o644); err != nil {
		p.t.Fatal(err)
	}
	p.t.Logf("screenshot: %s", path)
}

// saveDataURL writes the PNG of a data: URL the page holds as an artefact.
func (p *page) saveDataURL(name, expr string) {
	p.t.Helper()
	u := p.str(expr)
	b64, ok := strings.CutPrefix(u, "data:image/png;base64,")
	if !ok {
		p.t.Fatalf("%s: not a PNG data URL: %.40q", name, u)
	}
	png, err := base64.StdEncoding.DecodeString(b64)
	if err != nil {
		p.t.Fatalf("%s: %v", name, err)
	}
	path := filepath.Join(artefactDir(p.t), name+".png")
	if err := os.WriteFile(path, png, 0o644); err != nil {
		p.t.Fatal(err)
	}
	p.t.Logf("picture: %s", path)
}

// axe runs axe-core on the page and fails on any critical violation.
func (p *page) axe(src []byte, where string) {
	p.t.Helper()
	if src == nil {
		p.t.Logf("accessibility check of the %s skipped: axe-core not found at %s (npm ci --prefix .ci)", where, axePath())
		return
	}
	if !p.bool(`typeof axe !== 'undefined'`) {
		p.js(string(src) + "\n;undefined")
	}
	got := p.str(`axe.run(document, {resultTypes: ['violations']}).then(r => JSON.stringify(r.violations.filter(v => v.impact === 'critical').map(v => v.id + ' (' + v.nodes.map(n => n.target.join(' ')).slice(0, 3).join(', ') + ')')))`)
	if got != "[]" {
		p.t.Errorf("axe-core: critical accessibility violations on the %s: %s", where, got)
	}
	serious := p.str(`axe.run(document, {resultTypes: ['violations']}).then(r => JSON.stringify(r.violations.filter(v => v.impact === 'serious').map(v => v.id)))`)
	p.t.Logf("axe-core on the %s: serious (not failing): %s", where, serious)
}
