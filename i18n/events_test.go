package i18n

import (
	"testing"

	"github.com/orgnet/orgnet/scenarios"
)

// Every event of every preset has a Dutch label.
func TestPresetEventLabelsDutch(t *testing.T) {
	for _, name := range scenarios.Names() {
		cfg, err := scenarios.Preset(name)
		if err != nil {
			t.Fatal(err)
		}
		for i := range cfg.Events {
			label := cfg.Events[i].Describe()
			if EventLabel(NL, label) == label && label != "crisis" {
				t.Errorf("preset %s: event label %q has no Dutch label", name, label)
			}
		}
	}
}
