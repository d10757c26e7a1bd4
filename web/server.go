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
	"net"
	"net/http"
	"path/filepath"
	"strings"
	"sync"
	"time"
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
	MaxSessions      int           // Open pages one client may have at once.
	SessionTimeout   time.Duration // A page that has not been heard from for this long is closed and its run stopped.
}

// DefaultOptions returns the options `orgnet serve` uses.
func DefaultOptions() Options {
	return Options{
		ResultsDir:       "results",
		MaxYears:         30,
		MaxPersons:       6000,
		MaxReplications:  20,
		MaxRunsPerClient: 2,
		MaxSessions:      8,
		SessionTimeout:   5 * time.Minute,
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
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		// Refuse requests that another site's page makes the browser send.
		if o := r.Header.Get("Origin"); o != "" && o != "http://"+r.Host && o != "https://"+r.Host {
			httpError(w, http.StatusForbidden, "refused: request from another site ("+o+")")
			return
		}
	}
	s.mux.ServeHTTP(w, r)
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
	m.HandleFunc("POST /api/sessions/{id}/close", s.handleClose)
	m.HandleFunc("GET /api/sessions/{id}/chart/{name}", s.withSession(s.handleChart))
	m.HandleFunc("GET /api/sessions/{id}/download/{file}", s.withSession(s.handleDownload))
	m.HandleFunc("POST /api/sessions/{id}/save", s.withSession(s.handleSave))
	m.HandleFunc("POST /api/sessions/{id}/dilemma", s.withSession(s.handleDilemma))
	m.HandleFunc("GET /api/sessions/{id}/dilemma/{file}", s.withSession(s.handleDilemmaFile))
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

// acquireRun takes one of the client's run slots; release gives it back.
func (s *Server) acquireRun(client string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.runs[client] >= s.opts.MaxRunsPerClient {
		return &limitError{fmt.Sprintf("too many runs at once: at most %d per client; pause or wait for one to finish", s.opts.MaxRunsPerClient)}
	}
	s.runs[client]++
	return nil
}

func (s *Server) releaseRun(client string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.runs[client] > 0 {
		s.runs[client]--
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
		s.mu.Unlock()
		httpError(w, http.StatusTooManyRequests, fmt.Sprintf("too many open pages: at most %d per client; close one or wait %v", s.opts.MaxSessions, s.opts.SessionTimeout))
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
