package web

import (
	"context"
	"crypto/rand"
	"embed"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"log"
	"net"
	"net/http"
	"net/url"
	"path/filepath"
	"runtime/debug"
	"strings"
	"sync"
	"time"

	"github.com/orgnet/orgnet/calibrate"
)

//go:embed assets/index.html assets/app.js assets/style.css
var assets embed.FS

// Options configure a Server. Zero fields take the defaults of DefaultOptions.
type Options struct {
	ResultsDir       string        // Folder that saved run folders go into; nothing is written elsewhere.
	MaxYears         float64       // Longest run a page may ask for [years].
	MaxPersons       int           // Most persons (all levels, all networks) in one run.
	MaxReplications  int           // Most replications per side of a dilemma.
	MaxRunsPerClient int           // Runs (live or dilemma) one client may have going at once.
	MaxRuns          int           // Runs (live or dilemma) going at once over all clients.
	MaxSessions      int           // Open pages one client may have at once.
	SessionTimeout   time.Duration // A page that has not been heard from for this long is closed and its run stopped.
	IdleTakeover     time.Duration // A page not heard from for this long gives its place to a new page of the same client.
	MaxSaved         int           // Most run folders the results folder may hold before saving is refused.
	MaxSavedBytes    int64         // Most bytes the results folder may hold before saving is refused.
	Replications     int           // Replications of a live run (the bands on the page); the first is the run shown.
	// AllowHosts are host names besides the loopback ones (localhost,
	// 127.0.0.1, ::1) that requests may name in their Host and Origin
	// headers: the names of this computer when serving a room on purpose.
	// Any other name is refused, which stops DNS-rebinding pages.
	AllowHosts []string
	// Posterior, if not nil, is a calibration's posterior that the dilemma
	// view offers to draw each pair's parameters from (a page may load its
	// own instead).
	Posterior *calibrate.Posterior
}

// DefaultOptions returns the options `orgnet serve` uses.
func DefaultOptions() Options {
	return Options{
		ResultsDir:       "results",
		MaxYears:         30,
		MaxPersons:       6000,
		MaxReplications:  20,
		MaxRunsPerClient: 2,
		MaxRuns:          8,
		MaxSessions:      8,
		SessionTimeout:   5 * time.Minute,
		IdleTakeover:     15 * time.Second,
		MaxSaved:         50,
		MaxSavedBytes:    500 << 20,
		Replications:     4,
	}
}

func (o Options) withDefaults() Options {
	d := DefaultOptions()
	if o.ResultsDir == "" {
		o.ResultsDir = d.ResultsDir
	}
	if o.MaxYears <= 0 {
		o.MaxYears = d.MaxYears
	}
	if o.MaxPersons <= 0 {
		o.MaxPersons = d.MaxPersons
	}
	if o.MaxReplications <= 0 {
		o.MaxReplications = d.MaxReplications
	}
	if o.MaxRunsPerClient <= 0 {
		o.MaxRunsPerClient = d.MaxRunsPerClient
	}
	if o.MaxRuns <= 0 {
		o.MaxRuns = d.MaxRuns
	}
	if o.IdleTakeover <= 0 {
		o.IdleTakeover = d.IdleTakeover
	}
	if o.MaxSaved <= 0 {
		o.MaxSaved = d.MaxSaved
	}
	if o.MaxSavedBytes <= 0 {
		o.MaxSavedBytes = d.MaxSavedBytes
	}
	if o.Replications <= 0 {
		o.Replications = d.Replications
	}
	if o.MaxSessions <= 0 {
		o.MaxSessions = d.MaxSessions
	}
	if o.SessionTimeout <= 0 {
		o.SessionTimeout = d.SessionTimeout
	}
	return o
}

// Server is the explorer: its page, its API and the sessions of the pages
// that are open. Create it with New and stop it with Close.
type Server struct {
	opts Options
	mux  *http.ServeMux

	mu       sync.Mutex
	sessions map[string]*session
	runs     map[string]int // Runs going per client.
	allRuns  int            // Runs going over all clients.
	saveMu   sync.Mutex     // One save at a time, so that the caps hold.

	ctx    context.Context
	cancel context.CancelFunc
	done   chan struct{}
}

// New returns a Server with opts. It starts a janitor that closes the
// sessions of pages that went away; Close stops it.
func New(opts Options) (*Server, error) {
	opts = opts.withDefaults()
	abs, err := filepath.Abs(opts.ResultsDir)
	if err != nil {
		return nil, fmt.Errorf("results folder %s: %w", opts.ResultsDir, err)
	}
	opts.ResultsDir = abs
	ctx, cancel := context.WithCancel(context.Background())
	s := &Server{
		opts:     opts,
		mux:      http.NewServeMux(),
		sessions: map[string]*session{},
		runs:     map[string]int{},
		ctx:      ctx,
		cancel:   cancel,
		done:     make(chan struct{}),
	}
	s.routes()
	go s.janitor()
	return s, nil
}

// Close stops every run and the janitor.
func (s *Server) Close() {
	s.cancel()
	<-s.done
	s.mu.Lock()
	list := make([]*session, 0, len(s.sessions))
	for id, ss := range s.sessions {
		list = append(list, ss)
		delete(s.sessions, id)
	}
	s.mu.Unlock()
	for _, ss := range list {
		ss.close()
	}
}

// Options returns the server's options with defaults filled in.
func (s *Server) Options() Options { return s.opts }

// ServeHTTP serves the page, its assets and the API.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Referrer-Policy", "no-referrer")
	h.Set("Content-Security-Policy", "default-src 'self'; img-src 'self' data: blob:; style-src 'self'; script-src 'self'; connect-src 'self'; frame-ancestors 'none'")
	// A page of another site may reach this server by a name of its own
	// that resolves to this computer (DNS rebinding): refuse every name
	// but the loopback ones and those allowed on purpose.
	if !s.hostAllowed(r.Host) {
		httpError(w, http.StatusForbidden, fmt.Sprintf("refused: this server answers to localhost, 127.0.0.1 and [::1] only, not to %q; to serve a room on purpose, start it with --allow-host NAME", r.Host))
		return
	}
	// Refuse requests that another site's page makes the browser send.
	if o := r.Header.Get("Origin"); o != "" {
		same := o == "http://"+r.Host || o == "https://"+r.Host
		if u, err := url.Parse(o); err != nil || !same || !s.hostAllowed(u.Host) {
			httpError(w, http.StatusForbidden, "refused: request from another site ("+o+")")
			return
		}
	}
	defer func() {
		// A bug in a handler answers that request with an error; the
		// server and every other page go on.
		if v := recover(); v != nil {
			if v == http.ErrAbortHandler {
				panic(v)
			}
			log.Printf("orgnet serve: %s %s: internal error: %v\n%s", r.Method, r.URL.Path, v, debug.Stack())
			httpError(w, http.StatusInternalServerError, fmt.Sprintf("internal error (the server goes on): %v", v))
		}
	}()
	s.mux.ServeHTTP(w, r)
}

// hostAllowed reports whether a Host header (name, with or without a port)
// names this computer's loopback interface or one of the allowed names.
func (s *Server) hostAllowed(hostport string) bool {
	host := hostport
	if h, _, err := net.SplitHostPort(hostport); err == nil {
		host = h
	}
	host = strings.TrimSuffix(strings.ToLower(strings.Trim(host, "[]")), ".")
	if host == "" {
		return false
	}
	if host == "localhost" || strings.HasSuffix(host, ".localhost") {
		return true
	}
	if ip := net.ParseIP(host); ip != nil && ip.IsLoopback() {
		return true
	}
	for _, a := range s.opts.AllowHosts {
		if strings.EqualFold(strings.Trim(a, "[]"), host) {
			return true
		}
	}
	return false
}

func (s *Server) routes() {
	m := s.mux
	m.HandleFunc("GET /{$}", s.asset("assets/index.html", "text/html; charset=utf-8"))
	m.HandleFunc("GET /app.js", s.asset("assets/app.js", "text/javascript; charset=utf-8"))
	m.HandleFunc("GET /style.css", s.asset("assets/style.css", "text/css; charset=utf-8"))
	m.HandleFunc("GET /api/catalogue", s.handleCatalogue)
	m.HandleFunc("GET /api/presets", s.handlePresets)
	m.HandleFunc("GET /api/params", s.handleParams)
	m.HandleFunc("POST /api/sessions", s.handleNewSession)
	m.HandleFunc("POST /api/sessions/{id}/setup", s.withSession(s.handleSetup))
	m.HandleFunc("POST /api/sessions/{id}/control", s.withSession(s.handleControl))
	m.HandleFunc("GET /api/sessions/{id}/state", s.withSession(s.handleState))
	m.HandleFunc("GET /api/sessions/{id}/series", s.withSession(s.handleSeries))
	m.HandleFunc("GET /api/sessions/{id}/network", s.withSession(s.handleNetwork))
	m.HandleFunc("POST /api/scenario", s.handleScenario)
	m.HandleFunc("POST /api/sessions/{id}/close", s.handleClose)
	m.HandleFunc("GET /api/sessions/{id}/chart/{name}", s.withSession(s.handleChart))
	m.HandleFunc("GET /api/sessions/{id}/download/{file}", s.withSession(s.handleDownload))
	m.HandleFunc("POST /api/sessions/{id}/save", s.withSession(s.handleSave))
	m.HandleFunc("POST /api/sessions/{id}/dilemma", s.withSession(s.handleDilemma))
	m.HandleFunc("GET /api/sessions/{id}/dilemma/{file}", s.withSession(s.handleDilemmaFile))
	m.HandleFunc("POST /api/sessions/{id}/posterior", s.withSession(s.handlePosterior))
	m.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		httpError(w, http.StatusNotFound, "not found: this server serves only its own page and API")
	})
}

// asset serves one embedded file.
func (s *Server) asset(name, ctype string) http.HandlerFunc {
	data, err := fs.ReadFile(assets, name)
	if err != nil {
		panic("web: missing embedded asset " + name)
	}
	return func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", ctype)
		w.Header().Set("Cache-Control", "no-cache")
		w.Write(data)
	}
}

// janitor closes sessions whose page has not been heard from in time.
func (s *Server) janitor() {
	defer close(s.done)
	t := time.NewTicker(s.opts.SessionTimeout / 4)
	defer t.Stop()
	for {
		select {
		case <-s.ctx.Done():
			return
		case now := <-t.C:
			s.expire(now)
		}
	}
}

// expire closes the sessions last seen more than the timeout before now.
func (s *Server) expire(now time.Time) {
	var stale []*session
	s.mu.Lock()
	for id, ss := range s.sessions {
		if now.Sub(ss.seen()) > s.opts.SessionTimeout {
			stale = append(stale, ss)
			delete(s.sessions, id)
		}
	}
	s.mu.Unlock()
	for _, ss := range stale {
		ss.close()
	}
}

// clientOf identifies the client of a request by its address.
func clientOf(r *http.Request) string {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		return r.RemoteAddr
	}
	return host
}

// acquireRun takes one of the client's run slots and one of the server's;
// releaseRun gives them back.
func (s *Server) acquireRun(client string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.runs[client] >= s.opts.MaxRunsPerClient {
		return &limitError{fmt.Sprintf("too many runs at once: at most %d per client; pause or wait for one to finish", s.opts.MaxRunsPerClient)}
	}
	if s.allRuns >= s.opts.MaxRuns {
		return &limitError{fmt.Sprintf("the server is busy: %d runs are going, its most at once; try again in a moment", s.allRuns)}
	}
	s.runs[client]++
	s.allRuns++
	return nil
}

func (s *Server) releaseRun(client string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.runs[client] > 0 {
		s.runs[client]--
		s.allRuns--
	}
	if s.runs[client] == 0 {
		delete(s.runs, client)
	}
}

// limitError is a request refused because a per-client cap is reached (HTTP 429).
type limitError struct{ msg string }

func (e *limitError) Error() string { return e.msg }

// inputError is a request with bad input (HTTP 400).
type inputError struct{ msg string }

func (e *inputError) Error() string { return e.msg }

func badInput(format string, args ...any) error { return &inputError{fmt.Sprintf(format, args...)} }

func (s *Server) handleNewSession(w http.ResponseWriter, r *http.Request) {
	client := clientOf(r)
	s.mu.Lock()
	n := 0
	for _, ss := range s.sessions {
		if ss.client == client {
			n++
		}
	}
	if n >= s.opts.MaxSessions {
		// A page that has gone quiet (closed without saying so, or a
		// browser that crashed) gives its place to the new one.
		var idle *session
		for _, ss := range s.sessions {
			if ss.client == client && time.Since(ss.seen()) > s.opts.IdleTakeover && (idle == nil || ss.seen().Before(idle.seen())) {
				idle = ss
			}
		}
		if idle != nil {
			delete(s.sessions, idle.id)
			n--
			go idle.close()
		}
	}
	if n >= s.opts.MaxSessions {
		s.mu.Unlock()
		httpError(w, http.StatusTooManyRequests, fmt.Sprintf("too many open pages: at most %d per client, all in use; close one, or wait %v for one to go quiet", s.opts.MaxSessions, s.opts.IdleTakeover))
		return
	}
	ss := newSession(s, newID(), client)
	s.sessions[ss.id] = ss
	s.mu.Unlock()
	writeJSON(w, http.StatusCreated, map[string]any{"id": ss.id, "timeout_seconds": s.opts.SessionTimeout.Seconds()})
}

func (s *Server) handleClose(w http.ResponseWriter, r *http.Request) {
	id := r.PathValue("id")
	s.mu.Lock()
	ss, ok := s.sessions[id]
	if ok && ss.client == clientOf(r) {
		delete(s.sessions, id)
	}
	s.mu.Unlock()
	if !ok || ss.client != clientOf(r) {
		httpError(w, http.StatusNotFound, "no such session: it may have timed out; reload the page")
		return
	}
	ss.close()
	w.WriteHeader(http.StatusNoContent)
}

// withSession looks up the request's session (404 if it is unknown or
// belongs to another client) and marks it as seen.
func (s *Server) withSession(h func(http.ResponseWriter, *http.Request, *session)) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		s.mu.Lock()
		ss, ok := s.sessions[r.PathValue("id")]
		s.mu.Unlock()
		if !ok || ss.client != clientOf(r) {
			httpError(w, http.StatusNotFound, "no such session: it may have timed out; reload the page")
			return
		}
		ss.touch()
		h(w, r, ss)
	}
}

func newID() string {
	var b [12]byte
	rand.Read(b[:])
	return hex.EncodeToString(b[:])
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(true)
	enc.Encode(v)
}

func httpError(w http.ResponseWriter, status int, msg string) {
	writeJSON(w, status, map[string]string{"error": msg})
}

// fail writes err with the status its kind calls for.
func fail(w http.ResponseWriter, err error) {
	var ie *inputError
	var le *limitError
	switch {
	case errors.As(err, &ie):
		httpError(w, http.StatusBadRequest, ie.msg)
	case errors.As(err, &le):
		httpError(w, http.StatusTooManyRequests, le.msg)
	case errors.Is(err, context.Canceled):
		httpError(w, http.StatusServiceUnavailable, "stopped: "+err.Error())
	default:
		httpError(w, http.StatusInternalServerError, err.Error())
	}
}

// readJSON decodes a small JSON body into v, refusing unknown fields.
func readJSON(w http.ResponseWriter, r *http.Request, v any) error {
	if ct := r.Header.Get("Content-Type"); ct != "" && !strings.HasPrefix(ct, "application/json") {
		return badInput("send JSON (Content-Type: application/json), not %s", ct)
	}
	r.Body = http.MaxBytesReader(w, r.Body, 64<<10)
	dec := json.NewDecoder(r.Body)
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return badInput("bad JSON body: %v", err)
	}
	if dec.More() {
		return badInput("bad JSON body: more than one value")
	}
	return nil
}
