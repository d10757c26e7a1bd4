package web

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

func TestSeriesBandsAndBaseline(t *testing.T) {
	s := newTestServer(t, Options{Replications: 3})
	id := setupRun(t, s, `{"preset":"bossche-bond","years":1,"seed":4,"params":{"trust.initial":0.6}}`)
	sp := "/api/sessions/" + id
	do(s, "POST", sp+"/control", `{"action":"step","weeks":20}`)
	v := decode[seriesView](t, do(s, "GET", sp+"/series", ""))
	if v.From != 0 || v.To != 21 || v.Replications != 3 || v.Base != "bossche-bond" {
		t.Fatalf("series: from %d to %d, %d replications, base %q", v.From, v.To, v.Replications, v.Base)
	}
	tr := v.Metrics["trust"]
	if len(tr.Mean) != 21 || len(tr.Base) != 21 || *tr.Lo[20] > *tr.Mean[20] || *tr.Hi[20] < *tr.Mean[20] {
		t.Fatalf("trust series: %d means, %d baseline", len(tr.Mean), len(tr.Base))
	}
	if *tr.Lo[20] == *tr.Hi[20] {
		t.Error("three replications with the same trust: no band")
	}
	if *tr.Base[0] >= *tr.Mean[0] {
		t.Errorf("baseline trust %v at week 0 not below the run's %v (initial trust raised to 0.6)", *tr.Base[0], *tr.Mean[0])
	}
	if wb := v.Metrics["wellbeing"]; wb.Mean[0] != nil || wb.Run[0] != nil {
		t.Error("wellbeing defined at week 0, before any case closed")
	}
	// Incremental: from week 15 on.
	w := decode[seriesView](t, do(s, "GET", sp+"/series?from=15", ""))
	if w.From != 15 || len(w.Metrics["trust"].Mean) != 6 || *w.Metrics["trust"].Mean[5] != *tr.Mean[20] {
		t.Errorf("series from 15: %+v", w.From)
	}
	if w := do(s, "GET", sp+"/series?from=-1", ""); w.Code != 400 {
		t.Errorf("from=-1: %d", w.Code)
	}
	// The run shown is replication 0: its state's metrics are the series' run.
	st := decode[stateView](t, do(s, "GET", sp+"/state", ""))
	if st.Metrics["trust"] != *tr.Run[20] || st.Reps != 3 || st.Base != "bossche-bond" {
		t.Errorf("state: trust %v, run %v, %d replications", st.Metrics["trust"], *tr.Run[20], st.Reps)
	}
	if _, ok := st.Metrics["wellbeing"]; ok && st.Metrics["cases_solved_cum"]+st.Metrics["cases_failed_cum"] == 0 {
		t.Error("state gives wellbeing before any case closed")
	}
	// The server-drawn pictures carry the baseline as the page does.
	for _, chart := range []string{"trust_legitimacy.svg", "value.svg"} {
		if svg := do(s, "GET", sp+"/chart/"+chart, "").Body.String(); !strings.Contains(svg, "baseline: bossche-bond unchanged") {
			t.Errorf("%s lacks the baseline's legend entry", chart)
		}
	}
	if svg := do(s, "GET", sp+"/download/orientation.svg?lang=nl", "").Body.String(); !strings.Contains(svg, "bossche-bond") {
		t.Error("the downloaded Dutch orientation picture lacks the baseline")
	}
	// A scenario without changes is drawn against the case it builds on.
	id2 := setupRun(t, s, `{"preset":"turnover","years":1}`)
	if st := decode[stateView](t, do(s, "GET", "/api/sessions/"+id2+"/state", "")); st.Base != "mom" {
		t.Errorf("turnover's baseline: %q, want mom", st.Base)
	}
	// A case without changes has none.
	id3 := setupRun(t, s, `{"preset":"mom","years":1}`)
	if v := decode[seriesView](t, do(s, "GET", "/api/sessions/"+id3+"/series", "")); v.Base != "" || len(v.Metrics["trust"].Base) != 0 {
		t.Errorf("mom unchanged has a baseline %q", v.Base)
	}
	if svg := do(s, "GET", "/api/sessions/"+id3+"/chart/orientation.svg", "").Body.String(); strings.Contains(svg, "unchanged") {
		t.Error("mom unchanged is drawn with a baseline")
	}
}

func TestNetworkFrames(t *testing.T) {
	s := newTestServer(t, Options{Replications: 1})
	id := setupRun(t, s, `{"preset":"mom","years":1}`)
	sp := "/api/sessions/" + id
	do(s, "POST", sp+"/control", `{"action":"step","weeks":52}`)
	type framesView struct {
		Orgs   []orgView  `json:"orgs"`
		Levels []string   `json:"levels"`
		Frames []netFrame `json:"frames"`
	}
	v := decode[framesView](t, do(s, "GET", sp+"/network?lang=nl", ""))
	if len(v.Frames) != 14 || v.Frames[0].Tick != 0 || v.Frames[13].Tick != 52 {
		t.Fatalf("%d frames, want 14 (weeks 0, 4, ..., 52)", len(v.Frames))
	}
	if v.Levels[1] != "middenmanager" || len(v.Orgs) == 0 || v.Orgs[0].Kind == "" || !strings.HasPrefix(v.Orgs[0].Name, v.Orgs[0].Kind) {
		t.Errorf("levels %v, orgs %+v", v.Levels, v.Orgs[:1])
	}
	last := v.Frames[13]
	for _, p := range last.Persons {
		if int(p[0]) >= len(v.Orgs) || p[1] < 0 || p[1] > 2 || p[2] < 0 || p[2] > 100 {
			t.Fatalf("person %v out of range", p)
		}
	}
	for _, tie := range last.Ties {
		if int(tie[0]) >= len(last.Persons) || int(tie[1]) >= len(last.Persons) {
			t.Fatalf("tie %v to a person not in the frame", tie)
		}
	}
	if len(last.Ties) == 0 || len(last.Ties) == len(v.Frames[0].Ties) && last.Persons[0] == v.Frames[0].Persons[0] {
		t.Error("the network did not change over a year")
	}
	rest := decode[struct {
		From   int        `json:"from"`
		Frames []netFrame `json:"frames"`
	}](t, do(s, "GET", sp+"/network?from=10", ""))
	if rest.From != 10 || len(rest.Frames) != 4 {
		t.Errorf("frames from 10: %d", len(rest.Frames))
	}
}

func TestScenarioFileOpened(t *testing.T) {
	s := newTestServer(t, Options{Replications: 1})
	id := setupRun(t, s, `{"preset":"cimot","years":2,"seed":9,"params":{"forces.manager.loss_of_control":"0.8","network.governance":"nao"}}`)
	file := do(s, "GET", "/api/sessions/"+id+"/download/scenario.toml", "").Body.String()
	r := httptest.NewRequest("POST", "/api/scenario", strings.NewReader(file))
	r.Host = "127.0.0.1:8080"
	r.Header.Set("Content-Type", "application/toml")
	w := httptest.NewRecorder()
	s.ServeHTTP(w, r)
	if w.Code != http.StatusOK {
		t.Fatalf("open scenario: %d %s", w.Code, w.Body)
	}
	got := decode[struct {
		Preset string            `json:"preset"`
		Params map[string]string `json:"params"`
		Years  float64           `json:"years"`
		Seed   int64             `json:"seed"`
	}](t, w)
	if got.Preset != "cimot" || got.Years != 2 || got.Seed != 9 || len(got.Params) != 2 || got.Params["forces.manager.loss_of_control"] != "0.8" || got.Params["network.governance"] != "nao" {
		t.Errorf("opened scenario: %+v", got)
	}
	for body, want := range map[string]string{
		"[forces.manager]\nloss_of_control = 9\n":                                     "loss_of_control",
		"[run]\nyears = 2\n[[events]]\ntype = \"crisis\"\nyear = 1\nduration = 0.5\n": "events",
		"not toml = = =": "scenario file",
	} {
		r := httptest.NewRequest("POST", "/api/scenario", strings.NewReader(body))
		r.Host = "127.0.0.1:8080"
		w := httptest.NewRecorder()
		s.ServeHTTP(w, r)
		if w.Code != 400 || !strings.Contains(w.Body.String(), want) {
			t.Errorf("bad scenario %q: %d %s", body, w.Code, w.Body)
		}
	}
}

func TestPresetTextsInPlainWords(t *testing.T) {
	s := newTestServer(t, Options{})
	for _, lang := range []string{"en", "nl"} {
		p := decode[struct {
			Presets []presetView `json:"presets"`
		}](t, do(s, "GET", "/api/presets?lang="+lang, ""))
		for _, pv := range p.Presets {
			for _, key := range []string{"network.", "sovereignty.", "trust.initial", "fund.", `"nao"`} {
				if strings.Contains(pv.Question, key) {
					t.Errorf("%s %s: question names a file key %q: %s", lang, pv.Name, key, pv.Question)
				}
			}
			if strings.Contains(pv.Short, ":") || pv.Short == pv.Name && pv.Name != "mom" {
				t.Errorf("%s %s: short title %q", lang, pv.Name, pv.Short)
			}
		}
		if lang == "nl" {
			for _, pv := range p.Presets {
				if pv.Name == "turnover" && !strings.Contains(pv.Question, "= 0,6") {
					t.Errorf("Dutch turnover question without a decimal comma: %s", pv.Question)
				}
			}
		}
	}
}

func TestDutchReport(t *testing.T) {
	s := newTestServer(t, Options{Replications: 1})
	id := setupRun(t, s, `{"preset":"turnover","years":4.5,"params":{"trust.initial":0.45}}`)
	sp := "/api/sessions/" + id
	do(s, "POST", sp+"/control", `{"action":"step","weeks":234}`)
	rep := do(s, "GET", sp+"/download/report.html?lang=nl", "").Body.String()
	for _, want := range []string{"netwerkmanager vertrekt", "jaar 4,0", "0,45", "4,5 jaar"} {
		if !strings.Contains(rep, want) {
			t.Errorf("Dutch report lacks %q", want)
		}
	}
	if strings.Contains(rep, "network manager leaves") {
		t.Error("Dutch report has the English event label")
	}
	st := decode[stateView](t, do(s, "GET", sp+"/state?lang=nl", ""))
	if len(st.Events) == 0 || st.Events[0].Label != "netwerkmanager vertrekt" {
		t.Errorf("Dutch events: %+v", st.Events)
	}
}
