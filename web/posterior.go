package web

import (
	"bytes"
	"errors"
	"io"
	"net/http"
	"path"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/orgnet/orgnet/calibrate"
	"github.com/orgnet/orgnet/calibrate/abc"
	"github.com/orgnet/orgnet/i18n"
)

// A calibration's posterior on the page: the server's (orgnet serve
// --posterior FILE) or one the page loads (a posterior.csv of orgnet
// calibrate). When the dilemma asks for it, each pair of replications draws
// its parameter set from the posterior, the same for A and B, so that the
// answer's intervals include the uncertainty of those parameters as well as
// chance.

// maxPosteriorBytes bounds a posterior.csv the page may load.
const maxPosteriorBytes = 8 << 20

// posteriorView tells the page which posterior a dilemma may draw from.
type posteriorView struct {
	File      string `json:"file"`      // The posterior's file name.
	Params    string `json:"params"`    // Its parameters with their posterior means.
	Particles int    `json:"particles"` // Parameter sets in its last generation.
}

func posteriorOf(l i18n.Lang, p *calibrate.Posterior) *posteriorView {
	if p == nil {
		return nil
	}
	return &posteriorView{File: posteriorName(p), Params: describePosterior(l, p), Particles: len(p.Particles)}
}

// posteriorName is the posterior's file name without its folder; "" for
// none.
func posteriorName(p *calibrate.Posterior) string {
	if p == nil {
		return ""
	}
	return filepath.Base(p.File)
}

// describePosterior names a posterior's parameters as the page's sliders do,
// each with its posterior mean ("Detection rate ≈ 1.3, ...").
func describePosterior(l i18n.Lang, p *calibrate.Posterior) string {
	var parts []string
	for k, path := range p.Paths {
		m, _ := abc.Moments(p.Particles, k)
		parts = append(parts, paramLabel(l, path)+" ≈ "+i18n.Decimal(l, strconv.FormatFloat(m, 'g', 3, 64)))
	}
	return strings.Join(parts, ", ")
}

// posterior returns the posterior a dilemma of this session draws from: the
// one the page loaded, else the server's; nil for none.
func (ss *session) posterior() *calibrate.Posterior {
	ss.mu.Lock()
	defer ss.mu.Unlock()
	if ss.post != nil {
		return ss.post
	}
	return ss.srv.opts.Posterior
}

// handlePosterior loads a posterior.csv the page sends (its file name in
// ?name=) into the session; an empty body drops the page's posterior, so
// that the server's (if any) applies again. It answers with the posterior
// the dilemma now offers, or null.
func (s *Server) handlePosterior(w http.ResponseWriter, r *http.Request, ss *session) {
	l, err := langOf(r)
	if err != nil {
		fail(w, err)
		return
	}
	data, err := io.ReadAll(http.MaxBytesReader(w, r.Body, maxPosteriorBytes))
	if err != nil {
		fail(w, badInput("posterior file: too large or unreadable (at most %d MB): %v", maxPosteriorBytes>>20, err))
		return
	}
	var p *calibrate.Posterior
	if len(bytes.TrimSpace(data)) > 0 {
		name := path.Base(strings.ReplaceAll(r.URL.Query().Get("name"), `\`, "/"))
		if name == "." || name == "/" || name == "" {
			name = "posterior.csv"
		}
		p, err = calibrate.ParsePosterior(name, bytes.NewReader(data))
		if err != nil {
			var pe *calibrate.PosteriorError
			if errors.As(err, &pe) {
				fail(w, badInput("%v", pe))
				return
			}
			fail(w, err)
			return
		}
	}
	ss.mu.Lock()
	ss.post = p
	ss.mu.Unlock()
	writeJSON(w, http.StatusOK, map[string]any{"posterior": posteriorOf(l, ss.posterior())})
}
