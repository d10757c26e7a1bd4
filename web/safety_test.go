package web

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"
)

// request sends a request with the given Host and Origin headers.
func request(s *Server, method, path, host, origin string) *httptest.ResponseRecorder {
	r := httptest.NewRequest(method, path, nil)
	r.Host = host
	if origin != "" {
		r.Header.Set("Origin", origin)
	}
	w := httptest.NewRecorder()
	s.ServeHTTP(w, r)
	return w
}

func TestForeignHostRefused(t *testing.T) {
	s := newTestServer(t, Options{})
	// DNS rebinding: another site's name resolving to this computer, its
	// page sending same-origin requests.
	for _, tc := range []struct{ method, path string }{{"POST", "/api/sessions"}, {"GET", "/"}, {"GET", "/api/presets"}} {
		w := request(s, tc.method, tc.path, "evil.example:8080", "http://evil.example:8080")
		if w.Code != http.StatusForbidden || !strings.Contains(w.Body.String(), "--allow-host") {
			t.Errorf("%s %s from evil.example: %d %s", tc.method, tc.path, w.Code, w.Body)
		}
		if w := request(s, tc.method, tc.path, "evil.example:8080", ""); w.Code != http.StatusForbidden {
			t.Errorf("%s %s with Host evil.example: %d", tc.method, tc.path, w.Code)
		}
	}
	// A loopback Host with a foreign Origin.
	if w := request(s, "POST", "/api/sessions", "127.0.0.1:8080", "http://evil.example:8080"); w.Code != http.StatusForbidden {
		t.Errorf("foreign Origin: %d", w.Code)
	}
	// A loopback Origin of another port is another site too.
	if w := request(s, "POST", "/api/sessions", "127.0.0.1:8080", "http://127.0.0.1:9999"); w.Code != http.StatusForbidden {
		t.Errorf("Origin of another port: %d", w.Code)
	}
	for _, host := range []string{"127.0.0.1:8080", "localhost:8080", "[::1]:8080", "LOCALHOST", "127.0.0.2:80"} {
		if w := request(s, "POST", "/api/sessions", host, "http://"+host); w.Code != http.StatusCreated {
			t.Errorf("Host %s: %d %s", host, w.Code, w.Body)
		}
	}
	// A name allowed on purpose, for a room.
	room := newTestServer(t, Options{AllowHosts: []string{"meeting-room.local"}})
	if w := request(room, "POST", "/api/sessions", "meeting-room.local:8080", "http://meeting-room.local:8080"); w.Code != http.StatusCreated {
		t.Errorf("allowed host: %d %s", w.Code, w.Body)
	}
	if w := request(room, "GET", "/", "evil.example", ""); w.Code != http.StatusForbidden {
		t.Errorf("a room server answers evil.example: %d", w.Code)
	}
}

func TestSaveCap(t *testing.T) {
	s := newTestServer(t, Options{MaxSaved: 2})
	id := setupRun(t, s, shortRun)
	for i := range 3 {
		w := do(s, "POST", "/api/sessions/"+id+"/save", "")
		if i < 2 && w.Code != 200 {
			t.Fatalf("save %d: %d %s", i, w.Code, w.Body)
		}
		if i == 2 && (w.Code != http.StatusTooManyRequests || !strings.Contains(w.Body.String(), "results folder is full (2 folders")) {
			t.Errorf("third save: %d %s", w.Code, w.Body)
		}
	}
	small := newTestServer(t, Options{MaxSavedBytes: 1000})
	id = setupRun(t, small, shortRun)
	if w := do(small, "POST", "/api/sessions/"+id+"/save", ""); w.Code != 200 {
		t.Fatalf("first save: %d %s", w.Code, w.Body)
	}
	if w := do(small, "POST", "/api/sessions/"+id+"/save", ""); w.Code != http.StatusTooManyRequests || !strings.Contains(w.Body.String(), "0.0 MB") {
		t.Errorf("save over the byte cap: %d %s", w.Code, w.Body)
	}
}

// TestGlobalRunCap starts runs from 30 clients at once: no more than the
// server's cap run, the others are told the server is busy, and the page
// itself still answers meanwhile. The runs are paced (30 years at 520 weeks
// a second take at least three seconds), so none ends and frees its slot
// while the requests come in.
func TestGlobalRunCap(t *testing.T) {
	s := newTestServer(t, Options{MaxRuns: 3, Replications: 1})
	ts := httptest.NewServer(s)
	defer ts.Close()
	const clients = 30
	ids := make([]string, clients)
	for i := range ids {
		ids[i] = newSessionID(t, s, fmt.Sprintf("10.0.0.%d", i+1))
		if w := do(s, "POST", "/api/sessions/"+ids[i]+"/setup", `{"preset":"bossche-bond","years":30}`, fmt.Sprintf("10.0.0.%d", i+1)); w.Code != 200 {
			t.Fatalf("setup %d: %d %s", i, w.Code, w.Body)
		}
	}
	var wg sync.WaitGroup
	codes := make([]int, clients)
	for i := range ids {
		wg.Add(1)
		go func() {
			defer wg.Done()
			codes[i] = do(s, "POST", "/api/sessions/"+ids[i]+"/control", `{"action":"run","speed":520}`, fmt.Sprintf("10.0.0.%d", i+1)).Code
		}()
	}
	wg.Wait()
	ok, busy := 0, 0
	for _, c := range codes {
		switch c {
		case 200:
			ok++
		case http.StatusTooManyRequests:
			busy++
		}
	}
	if ok != 3 || busy != clients-3 {
		t.Errorf("%d runs started and %d told busy, want 3 and %d", ok, busy, clients-3)
	}
	s.mu.Lock()
	n := s.allRuns
	s.mu.Unlock()
	if n > 3 {
		t.Errorf("%d runs going, cap 3", n)
	}
	// The page answers over the loopback network while the runs go.
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	for range 5 {
		req, _ := http.NewRequestWithContext(ctx, "GET", ts.URL+"/api/presets", nil)
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatalf("page request while runs go: %v", err)
		}
		resp.Body.Close()
		if resp.StatusCode != 200 {
			t.Errorf("page request: %d", resp.StatusCode)
		}
	}
	for i := range ids {
		do(s, "POST", "/api/sessions/"+ids[i]+"/control", `{"action":"pause"}`, fmt.Sprintf("10.0.0.%d", i+1))
	}
}

func TestNoPartnersRefused(t *testing.T) {
	s := newTestServer(t, Options{})
	id := newSessionID(t, s)
	body := `{"preset":"bossche-bond","years":1,"params":{"partners.municipality":0,"partners.housing":0,"partners.care":0,"partners.welfare":0,"partners.school":0,"partners.company":0,"partners.residents":0}}`
	w := do(s, "POST", "/api/sessions/"+id+"/setup", body)
	if w.Code != http.StatusBadRequest || !strings.Contains(w.Body.String(), "partner") {
		t.Fatalf("no partners: %d %s", w.Code, w.Body)
	}
	// The server goes on: the same page runs a good setting to its end.
	id2 := setupRun(t, s, shortRun)
	if w := do(s, "POST", "/api/sessions/"+id2+"/control", `{"action":"step","weeks":52}`); w.Code != 200 || decode[stateView](t, w).Tick != 52 {
		t.Errorf("after the refused run: %d %s", w.Code, w.Body)
	}
}

func TestPanicBecomesError(t *testing.T) {
	f := func() (err error) {
		defer recovered("a test", &err)
		var m map[string]int
		m["x"] = 1
		return nil
	}
	if err := f(); err == nil || !strings.Contains(err.Error(), "the server goes on") {
		t.Errorf("recovered panic: %v", err)
	}
	// A handler that panics answers 500; the server goes on.
	s := newTestServer(t, Options{})
	s.mux.HandleFunc("GET /api/boom", func(http.ResponseWriter, *http.Request) { panic(errors.New("boom")) })
	if w := do(s, "GET", "/api/boom", ""); w.Code != 500 || !strings.Contains(w.Body.String(), "boom") {
		t.Errorf("panicking handler: %d %s", w.Code, w.Body)
	}
	if w := do(s, "GET", "/api/presets", ""); w.Code != 200 {
		t.Errorf("after a panic: %d", w.Code)
	}
}

func TestIdlePageTakenOver(t *testing.T) {
	s := newTestServer(t, Options{MaxSessions: 2, IdleTakeover: 30 * time.Millisecond})
	a := newSessionID(t, s)
	newSessionID(t, s)
	s.mu.Lock()
	s.sessions[a].lastSeen = time.Now().Add(-time.Second) // The first page went quiet.
	s.mu.Unlock()
	newSessionID(t, s)
	if w := do(s, "GET", "/api/sessions/"+a+"/state", ""); w.Code != 404 {
		t.Errorf("the quiet page's session is still there: %d", w.Code)
	}
}
