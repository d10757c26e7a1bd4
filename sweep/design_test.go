package sweep

import (
	"math"
	"reflect"
	"slices"
	"testing"

	"github.com/orgnet/orgnet/sim"
)

func specWith(method string, samples int, params ...Parameter) *Spec {
	for i := range params {
		p, _ := sim.Lookup(params[i].Path)
		params[i].Kind = p.Kind
		if params[i].Values != nil {
			params[i].Min, params[i].Max = slices.Min(params[i].Values), slices.Max(params[i].Values)
		}
	}
	return &Spec{Method: method, Samples: samples, Replications: 1, Seed: 3, Levels: 4, Parameters: params}
}

var (
	pA = Parameter{Path: "trust.gain", Min: 0.01, Max: 0.2}
	pB = Parameter{Path: "influence.rate", Min: 0, Max: 1}
	pC = Parameter{Path: "network.governance", Values: []float64{0, 1, 2}}
)

func TestDesignSizes(t *testing.T) {
	tests := []struct {
		method  string
		samples int
		want    int
	}{
		{Grid, 4, 4 * 4 * 3},
		{Random, 7, 7},
		{LHS, 9, 9},
		{Sobol, 8, 8 * (3 + 2)},
		{Morris, 5, 5 * (3 + 1)},
	}
	for _, tc := range tests {
		s := specWith(tc.method, tc.samples, pA, pB, pC)
		d, err := Design(s)
		if err != nil {
			t.Fatal(err)
		}
		if len(d) != tc.want {
			t.Errorf("%s: %d samples, want %d", tc.method, len(d), tc.want)
		}
		for i, x := range d {
			if x.ID != i || len(x.Values) != 3 || len(x.Unit) != 3 {
				t.Fatalf("%s: sample %d malformed: %+v", tc.method, i, x)
			}
			for j, p := range s.Parameters {
				if v := x.Values[j]; v < p.Min || v > p.Max {
					t.Errorf("%s: sample %d: %s = %v outside [%v, %v]", tc.method, i, p.Path, v, p.Min, p.Max)
				}
			}
		}
		again, _ := Design(s)
		if !reflect.DeepEqual(d, again) {
			t.Errorf("%s: design not deterministic", tc.method)
		}
	}
}

func TestGridOrder(t *testing.T) {
	d, _ := Design(specWith(Grid, 3, pB, pC))
	// First parameter slowest: influence.rate 0, 0, 0, 0.5, ...; governance 0, 1, 2, 0, ...
	want := [][]float64{{0, 0}, {0, 1}, {0, 2}, {0.5, 0}, {0.5, 1}, {0.5, 2}, {1, 0}, {1, 1}, {1, 2}}
	for i, w := range want {
		if !slices.Equal(d[i].Values, w) {
			t.Errorf("grid point %d = %v, want %v", i, d[i].Values, w)
		}
	}
}

func TestLHSStratified(t *testing.T) {
	const n = 20
	d, _ := Design(specWith(LHS, n, pA, pB))
	for j := range 2 {
		seen := make([]bool, n)
		for _, x := range d {
			seen[int(x.Unit[j]*n)] = true
		}
		if slices.Contains(seen, false) {
			t.Errorf("parameter %d: not one point per stratum", j)
		}
	}
}

func TestSobolLayout(t *testing.T) {
	s := specWith(Sobol, 16, pA, pB, pC)
	d, _ := Design(s)
	k := 3
	for j := range 16 {
		a, b := d[j*(k+2)], d[j*(k+2)+1]
		if a.Group != GroupA || b.Group != GroupB || a.Row != j || b.Row != j {
			t.Fatalf("row %d: A/B layout wrong: %+v %+v", j, a, b)
		}
		for i := range k {
			ab := d[j*(k+2)+2+i]
			if ab.Group != GroupAB || ab.Row != j || ab.Param != i {
				t.Fatalf("row %d: AB_%d layout wrong: %+v", j, i, ab)
			}
			for c := range k {
				want := a.Unit[c]
				if c == i {
					want = b.Unit[c]
				}
				if ab.Unit[c] != want {
					t.Errorf("row %d AB_%d coordinate %d = %v, want %v", j, i, c, ab.Unit[c], want)
				}
			}
		}
	}
	// A and B cover the unit square evenly (quasi-random): every quarter of
	// each coordinate holds a fair share of the 16 points.
	for c := range 2 * k {
		var counts [4]int
		for j := range 16 {
			u := d[j*(k+2)+c/k].Unit[c%k]
			counts[min(int(u*4), 3)]++
		}
		for _, n := range counts {
			if n < 2 || n > 6 {
				t.Errorf("column %d: uneven quarters %v", c, counts)
				break
			}
		}
	}
}

func TestMorrisTrajectories(t *testing.T) {
	s := specWith(Morris, 10, pA, pB, pC)
	d, _ := Design(s)
	k := 3
	delta := MorrisDelta(4)
	for tr := range 10 {
		changed := map[int]bool{}
		for st := 0; st <= k; st++ {
			x := d[tr*(k+1)+st]
			if x.Group != GroupMorris || x.Row != tr || x.Step != st {
				t.Fatalf("trajectory %d step %d: layout %+v", tr, st, x)
			}
			for _, u := range x.Unit {
				if l := u * 3; math.Abs(l-math.Round(l)) > 1e-12 {
					t.Errorf("coordinate %v not on the 4-level grid", u)
				}
			}
			if st == 0 {
				if x.Param != -1 {
					t.Errorf("step 0 has Param %d", x.Param)
				}
				continue
			}
			prev := d[tr*(k+1)+st-1]
			changed[x.Param] = true
			for c := range k {
				diff := math.Abs(x.Unit[c] - prev.Unit[c])
				if c == x.Param && math.Abs(diff-delta) > 1e-12 || c != x.Param && diff != 0 {
					t.Errorf("trajectory %d step %d: coordinate %d moved by %v (changed parameter %d)", tr, st, c, diff, x.Param)
				}
			}
		}
		if len(changed) != k {
			t.Errorf("trajectory %d changes %d parameters, want each of %d once", tr, len(changed), k)
		}
	}
}

func TestParameterValue(t *testing.T) {
	log := Parameter{Path: "trust.gain", Min: 0.01, Max: 1, Log: true}
	if got := log.value(0.5); math.Abs(got-0.1) > 1e-12 {
		t.Errorf("log midpoint %v, want 0.1", got)
	}
	in := Parameter{Path: "persons.span_of_control", Min: 5, Max: 15, Kind: sim.Int}
	if got := in.value(0.33); got != 8 {
		t.Errorf("integer %v, want 8 (rounded 8.3)", got)
	}
	if got := pC.value(1); got != 2 {
		t.Errorf("values list at u=1: %v, want the last", got)
	}
}
