package web

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/orgnet/orgnet/calibrate"
	"github.com/orgnet/orgnet/i18n"
	"github.com/orgnet/orgnet/sim"
	"gonum.org/v1/gonum/stat"
)

// A posterior with two very different detection rates (20 and 300
// households a year; the preset has 72), equally likely: a
// dilemma that draws from it must spread its replications much more than
// one at the preset's rate.
const widePosterior = `generation,particle,weight,distance,cases.detection
0,0,1,0.5,72
1,0,0.5,0.1,20
1,1,0.5,0.2,300
`

func postPosterior(s *Server, sp, name, body string) *httptest.ResponseRecorder {
	r := httptest.NewRequest("POST", sp+"/posterior?name="+name, strings.NewReader(body))
	r.Header.Set("Content-Type", "text/csv")
	r.Host = "127.0.0.1:8080"
	w := httptest.NewRecorder()
	s.ServeHTTP(w, r)
	return w
}

// endSpread is the standard deviation over replications of a metric's end
// value on one side of the session's dilemma.
func endSpread(ss *session, m int) float64 {
	var xs []float64
	for _, r := range ss.dilemma.res.RunsA.Reps {
		xs = append(xs, r.Rows[len(r.Rows)-1][m])
	}
	return stat.StdDev(xs, nil)
}

func TestDilemmaWithPosterior(t *testing.T) {
	s := newTestServer(t, Options{})
	id := newSessionID(t, s)
	sp := "/api/sessions/" + id
	const plain = `{"a":{"preset":"bossche-bond"},"b":{"preset":"bossche-bond","params":{"trust.initial":"0.6"}},"years":1,"seed":2,"replications":6`
	if w := do(s, "POST", sp+"/dilemma", plain+`,"posterior":true}`); w.Code != 400 || !strings.Contains(w.Body.String(), "No calibration posterior") {
		t.Fatalf("dilemma with a posterior before one is loaded: %d %s", w.Code, w.Body)
	}
	for _, bad := range []struct{ body, want string }{
		{"a,b\n1,2\n", "post.csv:1: not a posterior.csv"},
		{"generation,particle,weight,distance,cases.detection\n0,0,1,0.1,-4\n", "post.csv:2: cases.detection = -4 is outside its range"},
		{"generation,particle,weight,distance,cases.detection\n0,0,x,0.1,1\n", "post.csv:2: a particle, weight"},
	} {
		if w := postPosterior(s, sp, "post.csv", bad.body); w.Code != 400 || !strings.Contains(w.Body.String(), bad.want) {
			t.Errorf("posterior %q: %d %s, want 400 with %q", bad.body, w.Code, w.Body, bad.want)
		}
	}

	// Without the posterior: chance alone.
	if w := do(s, "POST", sp+"/dilemma", plain+`}`); w.Code != 200 {
		t.Fatalf("dilemma: %d %s", w.Code, w.Body)
	}
	s.mu.Lock()
	ss := s.sessions[id]
	s.mu.Unlock()
	chance := endSpread(ss, sim.MCasesSolvedCum)
	if v := ss.dilemma.view(i18n.EN); v.Posterior != "" || strings.Contains(strings.Join(v.Sentences, " "), "parameter uncertainty") {
		t.Errorf("a dilemma without a posterior speaks of one: %+v", v)
	}

	// Loaded on the page (a folder in its name is dropped).
	w := postPosterior(s, sp, "..%2Fcalib%2Fpost.csv", widePosterior)
	if w.Code != 200 {
		t.Fatalf("loading the posterior: %d %s", w.Code, w.Body)
	}
	got := decode[struct{ Posterior *posteriorView }](t, w)
	if p := got.Posterior; p == nil || p.File != "post.csv" || p.Particles != 2 || !strings.Contains(p.Params, "≈ 160") {
		t.Fatalf("loaded posterior: %+v (want the last generation's 2 sets, mean detection 160)", p)
	}
	w = do(s, "POST", sp+"/dilemma?lang=nl", plain+`,"posterior":true}`)
	if w.Code != 200 {
		t.Fatalf("dilemma with the posterior: %d %s", w.Code, w.Body)
	}
	v := decode[dilemmaView](t, w)
	if v.Posterior != "post.csv" || len(v.Sentences) < 2 || !strings.Contains(v.Sentences[1], "parameteronzekerheid") || !strings.Contains(v.Sentences[1], "≈ 160") {
		t.Errorf("the answer does not say it includes parameter uncertainty: %q", v.Sentences)
	}
	withPost := endSpread(ss, sim.MCasesSolvedCum)
	if !(withPost > 3*chance) {
		t.Errorf("cases solved spread over replications: %.3g with detection 20 or 300 drawn per pair, %.3g at the preset's rate; want far wider", withPost, chance)
	}
	// Each pair drew one set for both sides: A's and B's replication i ran
	// at the same rate, so their case counts stay close, not 20 against 300.
	res := ss.dilemma.res
	for i := range res.RunsA.Reps {
		a, b := res.RunsA.Reps[i].Rows, res.RunsB.Reps[i].Rows
		ca, cb := a[len(a)-1][sim.MCasesSolvedCum], b[len(b)-1][sim.MCasesSolvedCum]
		if ca > 2*cb+5 || cb > 2*ca+5 {
			t.Errorf("pair %d: %v against %v cases solved; the sides drew different parameter sets", i, ca, cb)
		}
	}
	// The same request again gives the same answer.
	again := decode[dilemmaView](t, do(s, "POST", sp+"/dilemma?lang=nl", plain+`,"posterior":true}`))
	if strings.Join(again.Sentences, "\n") != strings.Join(v.Sentences, "\n") {
		t.Errorf("the same dilemma with the posterior gave another answer:\n%q\n%q", again.Sentences, v.Sentences)
	}
	// An empty body drops it again.
	if got := decode[struct{ Posterior *posteriorView }](t, postPosterior(s, sp, "", "")); got.Posterior != nil {
		t.Errorf("posterior after dropping it: %+v", got.Posterior)
	}
}

func TestServerPosteriorOffered(t *testing.T) {
	p, err := calibrate.ParsePosterior("calib/posterior.csv", strings.NewReader(widePosterior))
	if err != nil {
		t.Fatal(err)
	}
	s := newTestServer(t, Options{Posterior: p})
	c := decode[struct{ Posterior *posteriorView }](t, do(s, "GET", "/api/catalogue?lang=en", ""))
	if c.Posterior == nil || c.Posterior.File != "posterior.csv" || c.Posterior.Particles != 2 {
		t.Fatalf("catalogue posterior: %+v", c.Posterior)
	}
	id := newSessionID(t, s)
	w := do(s, "POST", "/api/sessions/"+id+"/dilemma", `{"a":{"preset":"bossche-bond"},"b":{"preset":"bossche-bond"},"years":0.5,"replications":2,"posterior":true}`)
	if w.Code != http.StatusOK || !strings.Contains(w.Body.String(), "Including parameter uncertainty") {
		t.Errorf("dilemma with the server's posterior: %d %s", w.Code, w.Body)
	}
}
