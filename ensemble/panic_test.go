package ensemble

import (
	"context"
	"testing"

	"github.com/orgnet/orgnet/sim"
)

// TestNoPanicEscapes runs a configuration the model cannot make (no partner
// organisation): the run ends with an error, never a panic that would take
// down a server running it.
func TestNoPanicEscapes(t *testing.T) {
	cfg := sim.Defaults()
	cfg.Run.Years = 0.5
	p := &cfg.Partners
	p.Municipality, p.Housing, p.Care, p.Welfare, p.School, p.Company, p.Residents = 0, 0, 0, 0, 0, 0, 0
	if _, err := Run(context.Background(), cfg, 1, 3, Options{Workers: 2}); err == nil {
		t.Error("a run without partners gave no error")
	}
}
