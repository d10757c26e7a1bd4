package web

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/orgnet/orgnet/i18n"
	"github.com/orgnet/orgnet/scenarios"
	"github.com/orgnet/orgnet/sim"
)

func newTestServer(t *testing.T, opts Options) *Server {
	t.Helper()
	if opts.ResultsDir == "" {
		opts.ResultsDir = filepath.Join(t.TempDir(), "results")
	}
	s, err := New(opts)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(s.Close)
	return s
}

// do sends a request to s from client "192.0.2.1" (or from, if given) and
// returns the recorder.
func do(s *Server, method, path, body string, from ...string) *httptest.ResponseRecorder {
	var r *http.Request
	if body != "" {
		r = httptest.NewRequest(method, path, strings.NewReader(body))
		r.Header.Set("Content-Type", "application/json")
	} else {
		r = httptest.NewRequest(method, path, nil)
	}
	if len(from) > 0 {
		r.RemoteAddr = from[0] + ":4000"
	}
	r.Host = "127.0.0.1:8080"
	w := httptest.NewRecorder()
	s.ServeHTTP(w, r)
	return w
}

func decode[T any](t *testing.T, w *httptest.ResponseRecorder) T {
	t.Helper()
	var v T
	if err := json.Unmarshal(w.Body.Bytes(), &v); err != nil {
		t.Fatalf("decoding %q: %v", w.Body.String(), err)
	}
	return v
}

func newSessionID(t *testing.T, s *Server, from ...string) string {
	t.Helper()
	w := do(s, "POST", "/api/sessions", "", from...)
	if w.Code != http.StatusCreated {
		t.Fatalf("new session: %d %s", w.Code, w.Body)
	}
	return decode[map[string]any](t, w)["id"].(string)
}

// setupRun creates a session with a short run of the default preset.
func setupRun(t *testing.T, s *Server, body string) string {
	t.Helper()
	id := newSessionID(t, s)
	if w := do(s, "POST", "/api/sessions/"+id+"/setup", body); w.Code != http.StatusOK {
		t.Fatalf("setup: %d %s", w.Code, w.Body)
	}
	return id
}

const shortRun = `{"preset":"bossche-bond","years":1,"seed":3}`

func TestBadInput(t *testing.T) {
	s := newTestServer(t, Options{MaxPersons: 3000})
	id := setupRun(t, s, shortRun)
	blank := newSessionID(t, s)
	sp := "/api/sessions/" + id
	tests := []struct {
		name, method, path, body string
		status                   int
		want                     string // In the error message.
	}{
		{"catalogue lang", "GET", "/api/catalogue?lang=fr", "", 400, "lang"},
		{"presets lang", "GET", "/api/presets?lang=xx", "", 400, "allowed: en, nl"},
		{"params preset", "GET", "/api/params?preset=atlantis", "", 400, "unknown preset"},
		{"params lang", "GET", "/api/params?lang=de", "", 400, "lang"},
		{"setup no session", "POST", "/api/sessions/nope/setup", shortRun, 404, "no such session"},
		{"setup bad JSON", "POST", sp + "/setup", `{"preset":`, 400, "bad JSON"},
		{"setup unknown field", "POST", sp + "/setup", `{"presets":"mom"}`, 400, "unknown field"},
		{"setup two values", "POST", sp + "/setup", `{} {}`, 400, "more than one"},
		{"setup unknown preset", "POST", sp + "/setup", `{"preset":"atlantis"}`, 400, "unknown preset"},
		{"setup out of range", "POST", sp + "/setup", `{"params":{"forces.manager.loss_of_control":"7"}}`, 400, "forces.manager.loss_of_control: 7 is out of range; allowed: a number from 0 to 5"},
		{"setup out of range number", "POST", sp + "/setup", `{"params":{"trust.initial":1.5}}`, 400, "trust.initial: 1.5 is out of range; allowed: a number from 0 to 1"},
		{"setup not a number", "POST", sp + "/setup", `{"params":{"trust.initial":"lots"}}`, 400, "trust.initial"},
		{"setup bad choice", "POST", sp + "/setup", `{"params":{"network.governance":"king"}}`, 400, "allowed: shared, lead, nao"},
		{"setup bad value type", "POST", sp + "/setup", `{"params":{"trust.initial":[1]}}`, 400, "string, number or boolean"},
		{"setup unknown param", "POST", sp + "/setup", `{"params":{"forces.manager.magic":"1"}}`, 400, "unknown parameter"},
		{"setup run param", "POST", sp + "/setup", `{"params":{"run.years":"2"}}`, 400, "years and seed fields"},
		{"setup years cap", "POST", sp + "/setup", `{"years":31}`, 400, "years: 31 is out of range; allowed: a number from 0.02 to 30"},
		{"setup years negative", "POST", sp + "/setup", `{"years":-1}`, 400, "years"},
		{"setup seed negative", "POST", sp + "/setup", `{"seed":-5}`, 400, "run.seed"},
		{"setup persons cap", "POST", sp + "/setup", `{"params":{"persons.professionals":"2900"}}`, 400, "persons.professionals"},
		{"setup networks cap", "POST", sp + "/setup", `{"params":{"network.count":"50"}}`, 400, "at most 3000"},
		{"setup event after end", "POST", sp + "/setup", `{"years":1}`, 0, ""},
		{"control action", "POST", sp + "/control", `{"action":"fly"}`, 400, "allowed: run, pause, step, reset"},
		{"control weeks", "POST", sp + "/control", `{"action":"step","weeks":100000}`, 400, "weeks: 100000 is out of range"},
		{"control negative weeks", "POST", sp + "/control", `{"action":"step","weeks":-2}`, 400, "weeks"},
		{"control speed", "POST", sp + "/control", `{"action":"run","speed":7}`, 400, "speed: 7"},
		{"control before setup", "POST", "/api/sessions/" + blank + "/control", `{"action":"run"}`, 400, "set up a run first"},
		{"state no session", "GET", "/api/sessions/0000/state", "", 404, "no such session"},
		{"chart name", "GET", sp + "/chart/pie.svg", "", 400, "not offered"},
		{"chart format", "GET", sp + "/chart/orientation.gif", "", 400, "not offered"},
		{"chart traversal", "GET", sp + "/chart/..%2f..%2fgo.mod", "", 400, "not offered"},
		{"chart lang", "GET", sp + "/chart/orientation.svg?lang=fr", "", 400, "lang"},
		{"chart before setup", "GET", "/api/sessions/" + blank + "/chart/orientation.svg", "", 400, "set up a run first"},
		{"download unknown", "GET", sp + "/download/passwd", "", 400, "not offered"},
		{"download traversal", "GET", sp + "/download/..%2f..%2f..%2fetc%2fpasswd", "", 400, "not offered"},
		{"download lang", "GET", sp + "/download/report.html?lang=xx", "", 400, "lang"},
		{"download before setup", "GET", "/api/sessions/" + blank + "/download/results.csv", "", 400, "set up a run first"},
		{"save before setup", "POST", "/api/sessions/" + blank + "/save", "", 400, "set up a run first"},
		{"save lang", "POST", sp + "/save?lang=xx", "", 400, "lang"},
		{"dilemma reps low", "POST", sp + "/dilemma", `{"a":{"preset":"bossche-bond"},"b":{"preset":"bossche-bond"},"years":1,"replications":1}`, 400, "replications: 1 is out of range; allowed: an integer from 2 to 20"},
		{"dilemma reps high", "POST", sp + "/dilemma", `{"a":{},"b":{},"years":1,"replications":500}`, 400, "replications: 500"},
		{"dilemma bad A", "POST", sp + "/dilemma", `{"a":{"params":{"trust.initial":"2"}},"b":{},"years":1,"replications":2}`, 400, "A: parameter trust.initial: 2 is out of range"},
		{"dilemma bad B", "POST", sp + "/dilemma", `{"a":{},"b":{"preset":"atlantis"},"years":1,"replications":2}`, 400, "B: preset"},
		{"dilemma years", "POST", sp + "/dilemma", `{"a":{},"b":{},"years":99,"replications":2}`, 400, "years: 99"},
		{"dilemma bad JSON", "POST", sp + "/dilemma", `[`, 400, "bad JSON"},
		{"dilemma lang", "POST", sp + "/dilemma?lang=fr", `{"a":{},"b":{},"replications":2}`, 400, "lang"},
		{"dilemma file before compare", "GET", sp + "/dilemma/report.html", "", 404, "no dilemma yet"},
		{"close no session", "POST", "/api/sessions/nope/close", "", 404, "no such session"},
		{"asset traversal", "GET", "/../go.mod", "", 0, ""},
		{"asset not offered", "GET", "/assets/app.js", "", 404, "serves only its own"},
		{"source not offered", "GET", "/server.go", "", 404, "serves only its own"},
		{"method", "DELETE", sp + "/state", "", 0, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			w := do(s, tc.method, tc.path, tc.body)
			if tc.status == 0 {
				if w.Code == http.StatusOK && strings.Contains(w.Body.String(), "module ") {
					t.Fatalf("served a file outside its assets: %s", w.Body)
				}
				return
			}
			if w.Code != tc.status {
				t.Fatalf("status %d, want %d; body %s", w.Code, tc.status, w.Body)
			}
			if msg := decode[map[string]string](t, w)["error"]; !strings.Contains(msg, tc.want) {
				t.Errorf("error %q does not contain %q", msg, tc.want)
			}
		})
	}
}

func TestFormPostRefused(t *testing.T) {
	s := newTestServer(t, Options{})
	id := newSessionID(t, s)
	r := httptest.NewRequest("POST", "/api/sessions/"+id+"/setup", strings.NewReader("preset=mom"))
	r.Host = "127.0.0.1:8080"
	r.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	w := httptest.NewRecorder()
	s.ServeHTTP(w, r)
	if w.Code != 400 || !strings.Contains(w.Body.String(), "send JSON") {
		t.Errorf("form post: %d %s", w.Code, w.Body)
	}
}

func TestSetupRefusedKeepsRun(t *testing.T) {
	s := newTestServer(t, Options{})
	id := setupRun(t, s, shortRun)
	do(s, "POST", "/api/sessions/"+id+"/control", `{"action":"step","weeks":5}`)
	if w := do(s, "POST", "/api/sessions/"+id+"/setup", `{"params":{"trust.initial":"9"}}`); w.Code != 400 {
		t.Fatalf("status %d", w.Code)
	}
	st := decode[stateView](t, do(s, "GET", "/api/sessions/"+id+"/state", ""))
	if st.Tick != 5 {
		t.Errorf("a refused setup changed the run: tick %d, want 5", st.Tick)
	}
}

func TestOtherClientCannotUseSession(t *testing.T) {
	s := newTestServer(t, Options{})
	id := setupRun(t, s, shortRun)
	for _, path := range []string{"/state", "/chart/orientation.svg", "/download/scenario.toml"} {
		if w := do(s, "GET", "/api/sessions/"+id+path, "", "198.51.100.7"); w.Code != 404 {
			t.Errorf("%s from another client: status %d, want 404", path, w.Code)
		}
	}
	if w := do(s, "POST", "/api/sessions/"+id+"/close", "", "198.51.100.7"); w.Code != 404 {
		t.Errorf("close from another client: status %d, want 404", w.Code)
	}
	if w := do(s, "GET", "/api/sessions/"+id+"/state", ""); w.Code != 200 {
		t.Errorf("owner lost the session: %d", w.Code)
	}
}

func TestCrossSiteRequestRefused(t *testing.T) {
	s := newTestServer(t, Options{})
	r := httptest.NewRequest("POST", "/api/sessions", nil)
	r.Host = "127.0.0.1:8080"
	r.Header.Set("Origin", "http://evil.example")
	w := httptest.NewRecorder()
	s.ServeHTTP(w, r)
	if w.Code != http.StatusForbidden {
		t.Errorf("status %d, want 403", w.Code)
	}
}

func TestSessionCap(t *testing.T) {
	s := newTestServer(t, Options{MaxSessions: 2})
	newSessionID(t, s)
	newSessionID(t, s)
	if w := do(s, "POST", "/api/sessions", ""); w.Code != http.StatusTooManyRequests || !strings.Contains(w.Body.String(), "at most 2") {
		t.Errorf("third page: %d %s", w.Code, w.Body)
	}
	newSessionID(t, s, "198.51.100.7") // Another client has its own allowance.
}

func TestRunCapAndPause(t *testing.T) {
	s := newTestServer(t, Options{MaxRunsPerClient: 1})
	slow := `{"action":"run","speed":13}`
	a := setupRun(t, s, `{"years":20}`)
	b := setupRun(t, s, `{"years":20}`)
	if w := do(s, "POST", "/api/sessions/"+a+"/control", slow); w.Code != 200 {
		t.Fatalf("run a: %d %s", w.Code, w.Body)
	}
	w := do(s, "POST", "/api/sessions/"+b+"/control", slow)
	if w.Code != http.StatusTooManyRequests || !strings.Contains(w.Body.String(), "at most 1") {
		t.Fatalf("second run: %d %s", w.Code, w.Body)
	}
	if w := do(s, "POST", "/api/sessions/"+a+"/control", `{"action":"pause"}`); w.Code != 200 || decode[stateView](t, w).Running {
		t.Fatalf("pause: %d %s", w.Code, w.Body)
	}
	if w := do(s, "POST", "/api/sessions/"+b+"/control", slow); w.Code != 200 {
		t.Fatalf("run b after pausing a: %d %s", w.Code, w.Body)
	}
	if w := do(s, "POST", "/api/sessions/"+b+"/control", `{"action":"step"}`); w.Code != 400 {
		t.Errorf("step while running: %d, want 400", w.Code)
	}
}

// waitFor polls cond until it holds or a generous deadline passes.
func waitFor(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("gave up waiting for %s", what)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

func TestPageGoneStopsRun(t *testing.T) {
	s := newTestServer(t, Options{SessionTimeout: 200 * time.Millisecond, MaxRunsPerClient: 1})
	id := setupRun(t, s, `{"years":30}`)
	if w := do(s, "POST", "/api/sessions/"+id+"/control", `{"action":"run","speed":13}`); w.Code != 200 {
		t.Fatalf("run: %d %s", w.Code, w.Body)
	}
	// Nobody polls: the session times out, its run stops and frees the slot.
	waitFor(t, "the session to expire", func() bool {
		s.mu.Lock()
		defer s.mu.Unlock()
		return s.sessions[id] == nil
	})
	waitFor(t, "the run slot to be freed", func() bool {
		s.mu.Lock()
		defer s.mu.Unlock()
		return s.runs["192.0.2.1"] == 0
	})
}

func TestCloseStopsRun(t *testing.T) {
	s := newTestServer(t, Options{MaxRunsPerClient: 1})
	id := setupRun(t, s, `{"years":30}`)
	do(s, "POST", "/api/sessions/"+id+"/control", `{"action":"run","speed":13}`)
	if w := do(s, "POST", "/api/sessions/"+id+"/close", ""); w.Code != http.StatusNoContent {
		t.Fatalf("close: %d %s", w.Code, w.Body)
	}
	s.mu.Lock()
	n := s.runs["192.0.2.1"]
	s.mu.Unlock()
	if n != 0 {
		t.Errorf("run still going after its page closed")
	}
}

func TestRunToEndAndReproduce(t *testing.T) {
	s := newTestServer(t, Options{})
	id := setupRun(t, s, `{"preset":"bossche-bond","years":1.5,"seed":11,"params":{"forces.manager.loss_of_control":"0.9","fund.enabled":true}}`)
	sp := "/api/sessions/" + id
	if w := do(s, "POST", sp+"/control", `{"action":"run","speed":0}`); w.Code != 200 {
		t.Fatalf("run: %d %s", w.Code, w.Body)
	}
	var st stateView
	waitFor(t, "the run to finish", func() bool {
		st = decode[stateView](t, do(s, "GET", sp+"/state", ""))
		return st.Done
	})
	if st.Tick != 78 || st.Running {
		t.Fatalf("finished at tick %d (running %v), want 78", st.Tick, st.Running)
	}
	w := do(s, "GET", sp+"/download/scenario.toml", "")
	if w.Code != 200 || !strings.Contains(w.Header().Get("Content-Disposition"), "bossche-bond-scenario.toml") {
		t.Fatalf("download: %d %v", w.Code, w.Header())
	}
	cfg, err := scenarios.Parse("scenario.toml", w.Body.Bytes())
	if err != nil {
		t.Fatalf("downloaded scenario does not parse: %v\n%s", err, w.Body)
	}
	if cfg.Forces.Manager.LossOfControl != 0.9 || !cfg.Fund.Enabled || cfg.Run.Seed != 11 || cfg.Run.Years != 1.5 || cfg.Run.Replications != DefaultOptions().Replications {
		t.Errorf("downloaded scenario lost settings: %+v %+v", cfg.Forces.Manager, cfg.Run)
	}
	res, err := sim.Run(cfg, sim.DeriveSeed(uint64(cfg.Run.Seed), 0))
	if err != nil {
		t.Fatal(err)
	}
	for i, name := range sim.MetricNames {
		if got, want := res.Final(i), st.Metrics[name]; got != want {
			t.Errorf("rerun of the downloaded scenario: %s = %v, the page had %v", name, got, want)
		}
	}
	csv := do(s, "GET", sp+"/download/results.csv", "")
	if lines := strings.Count(csv.Body.String(), "\n"); lines != 80 || !strings.HasPrefix(csv.Body.String(), "rep,tick,year,") {
		t.Errorf("results.csv: %d lines, want 80 (header and weeks 0-78); starts %.40q", lines, csv.Body.String())
	}
	for _, f := range []string{"report.html?lang=nl", "orientation.svg", "network.png", "value.svg?lang=nl"} {
		w := do(s, "GET", sp+"/download/"+f, "")
		if w.Code != 200 || w.Body.Len() < 1000 {
			t.Errorf("download %s: %d, %d bytes", f, w.Code, w.Body.Len())
		}
	}
	rep := do(s, "GET", sp+"/download/report.html?lang=nl", "").Body.String()
	for _, want := range []string{"Gewijzigd op de pagina", "Verlies van controle", `src="data:image/svg`} {
		if !strings.Contains(rep, want) {
			t.Errorf("Dutch report lacks %q", want)
		}
	}
}

func TestStepResetAndCharts(t *testing.T) {
	s := newTestServer(t, Options{})
	id := setupRun(t, s, shortRun)
	sp := "/api/sessions/" + id
	before := do(s, "GET", sp+"/chart/orientation.svg", "").Body.String()
	st := decode[stateView](t, do(s, "POST", sp+"/control", `{"action":"step","weeks":10}`))
	if st.Tick != 10 {
		t.Fatalf("tick %d after 10 steps", st.Tick)
	}
	w := do(s, "GET", sp+"/chart/orientation.svg", "")
	if w.Code != 200 || w.Header().Get("Content-Type") != "image/svg+xml" || w.Body.String() == before {
		t.Errorf("chart did not change after stepping: %d %s", w.Code, w.Header().Get("Content-Type"))
	}
	nl := do(s, "GET", sp+"/chart/orientation.svg?lang=nl", "").Body.String()
	if !strings.Contains(nl, "middenmanagers") || !strings.Contains(nl, "bestuurders") {
		t.Errorf("Dutch chart lacks Dutch labels")
	}
	st = decode[stateView](t, do(s, "POST", sp+"/control", `{"action":"reset"}`))
	if st.Tick != 0 || st.Seed != 3 {
		t.Errorf("reset: tick %d seed %d", st.Tick, st.Seed)
	}
}

func TestParamsAndPresets(t *testing.T) {
	s := newTestServer(t, Options{})
	p := decode[struct {
		Groups []groupView `json:"groups"`
	}](t, do(s, "GET", "/api/params?preset=bossche-bond&lang=nl", ""))
	found := map[string]paramView{}
	for _, g := range p.Groups {
		for _, pv := range g.Params {
			found[pv.Path] = pv
			if pv.Meaning == "" || pv.Label == "" || pv.Max < pv.Min || pv.Max > pv.RMax {
				t.Errorf("%s: bad view %+v", pv.Path, pv)
			}
		}
	}
	if got := found["fund.enabled"]; got.Kind != "boolean" || got.Value != "true" {
		t.Errorf("fund.enabled of bossche-bond: %+v", got)
	}
	if got := found["forces.manager.loss_of_control"]; got.Label != "Verlies van controle" || !strings.Contains(got.Meaning, "professionals") {
		t.Errorf("Dutch slider: %+v", got)
	}
	titles := map[string]bool{}
	for _, g := range p.Groups {
		titles[g.Title] = true
	}
	for _, want := range []string{"Middenmanagers: netwerkremmende krachten", "Bestuurders: netwerkbevorderende krachten", "Professionals: netwerkbevorderende krachten"} {
		if !titles[want] {
			t.Errorf("no group %q in %v", want, titles)
		}
	}
	pr := decode[struct {
		Presets []presetView `json:"presets"`
	}](t, do(s, "GET", "/api/presets", ""))
	if len(pr.Presets) == 0 || pr.Presets[0].Name != scenarios.Cases[0] || pr.Presets[0].Question == "" {
		t.Errorf("presets: %+v", pr.Presets)
	}
}

func TestDilemma(t *testing.T) {
	s := newTestServer(t, Options{})
	id := setupRun(t, s, shortRun)
	sp := "/api/sessions/" + id
	body := `{"a":{"preset":"bossche-bond"},"b":{"preset":"bossche-bond","params":{"intervention.share":"1","forces.manager.loss_of_control":"2"}},"years":1,"seed":2,"replications":3}`
	w := do(s, "POST", sp+"/dilemma?lang=nl", body)
	if w.Code != 200 {
		t.Fatalf("dilemma: %d %s", w.Code, w.Body)
	}
	v := decode[dilemmaView](t, w)
	if len(v.Sentences) == 0 || len(v.Charts) != 2 || v.Reps != 3 || len(v.Changes) != 2 {
		t.Fatalf("dilemma view: %+v", v)
	}
	for _, f := range []string{"orientation.svg", "value.png", "compare.csv", "report.html?lang=nl", "a.toml", "b.toml", "result.json?lang=en"} {
		w := do(s, "GET", sp+"/dilemma/"+f, "")
		if w.Code != 200 || w.Body.Len() < 100 {
			t.Errorf("dilemma file %s: %d %d bytes", f, w.Code, w.Body.Len())
		}
	}
	bt := do(s, "GET", sp+"/dilemma/b.toml", "").Body.Bytes()
	cfg, err := scenarios.Parse("b.toml", bt)
	if err != nil || cfg.Intervention.Share != 1 || cfg.Run.Replications != 3 {
		t.Errorf("b.toml: %v %+v", err, cfg)
	}
}

func TestSaveWritesInsideResults(t *testing.T) {
	root := filepath.Join(t.TempDir(), "results")
	s := newTestServer(t, Options{ResultsDir: root})
	id := setupRun(t, s, shortRun)
	do(s, "POST", "/api/sessions/"+id+"/control", `{"action":"step","weeks":20}`)
	var names []string
	for range 2 {
		w := do(s, "POST", "/api/sessions/"+id+"/save?lang=nl", "")
		if w.Code != 200 {
			t.Fatalf("save: %d %s", w.Code, w.Body)
		}
		names = append(names, decode[map[string]string](t, w)["folder"])
	}
	if names[0] == names[1] {
		t.Errorf("second save reused folder %s", names[0])
	}
	for _, n := range names {
		if strings.ContainsAny(n, `/\`) || strings.HasPrefix(n, ".") {
			t.Errorf("folder name %q is not a plain name", n)
		}
		for _, f := range []string{"manifest.json", "timeseries.csv", "report.html"} {
			if _, err := os.Stat(filepath.Join(root, n, f)); err != nil {
				t.Errorf("saved folder lacks %s: %v", f, err)
			}
		}
	}
	entries, _ := os.ReadDir(filepath.Dir(root))
	if len(entries) != 1 {
		t.Errorf("wrote beside the results folder: %v", entries)
	}
}

func TestWithin(t *testing.T) {
	for _, tc := range []struct {
		path string
		want bool
	}{{"/r/a", true}, {"/r/a/b", true}, {"/r", false}, {"/r/../x", false}, {"/x", false}, {"/r/..a", true}} {
		if got := within("/r", tc.path); got != tc.want {
			t.Errorf("within(/r, %s) = %v", tc.path, got)
		}
	}
}

func TestAssetsServed(t *testing.T) {
	s := newTestServer(t, Options{})
	for path, ctype := range map[string]string{"/": "text/html", "/app.js": "text/javascript", "/style.css": "text/css"} {
		w := do(s, "GET", path, "")
		if w.Code != 200 || !strings.HasPrefix(w.Header().Get("Content-Type"), ctype) {
			t.Errorf("%s: %d %s", path, w.Code, w.Header().Get("Content-Type"))
		}
		if w.Header().Get("Content-Security-Policy") == "" {
			t.Errorf("%s: no Content-Security-Policy", path)
		}
	}
}

func TestEveryCuratedParamLabelled(t *testing.T) {
	for _, g := range groups {
		for _, p := range g.Paths {
			for _, l := range []string{"en", "nl"} {
				v := viewOf(sim.Defaults(), p, i18n.Lang(l))
				if v.Label == p {
					t.Errorf("%s: no %s label", p, l)
				}
			}
		}
	}
}
