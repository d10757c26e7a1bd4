package calibrate

import (
	"testing"
)

func TestExampleParses(t *testing.T) {
	s, err := Parse("example.toml", []byte(Example))
	if err != nil {
		t.Fatal(err)
	}
	if len(s.Parameters) != 3 || len(s.Targets) != 4 || len(s.Constraints) != 1 || len(s.Scenarios) != 2 {
		t.Fatalf("example: %d parameters, %d targets, %d constraints, %d scenarios", len(s.Parameters), len(s.Targets), len(s.Constraints), len(s.Scenarios))
	}
}
