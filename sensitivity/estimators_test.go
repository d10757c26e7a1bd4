package sensitivity

import (
	"math"
	"math/rand/v2"
	"testing"
)

// ishigami is f(x) = sin x1 + a sin² x2 + b x3⁴ sin x1 with a = 7, b = 0.1 and
// x on [-π, π]³, given here in unit scale.
func ishigami(u []float64) float64 {
	const a, b = 7, 0.1
	x1, x2, x3 := -math.Pi+2*math.Pi*u[0], -math.Pi+2*math.Pi*u[1], -math.Pi+2*math.Pi*u[2]
	return math.Sin(x1) + a*math.Pow(math.Sin(x2), 2) + b*math.Pow(x3, 4)*math.Sin(x1)
}

// saltelli evaluates f on random matrices A and B (n rows, k columns, unit
// scale) and on every AB_i.
func saltelli(f func([]float64) float64, n, k int, seed uint64) (yA, yB []float64, yAB [][]float64) {
	rng := rand.New(rand.NewPCG(seed, 1))
	a, b := make([][]float64, n), make([][]float64, n)
	for j := range n {
		a[j], b[j] = make([]float64, k), make([]float64, k)
		for i := range k {
			a[j][i], b[j][i] = rng.Float64(), rng.Float64()
		}
	}
	yA, yB = make([]float64, n), make([]float64, n)
	yAB = make([][]float64, k)
	row := make([]float64, k)
	for j := range n {
		yA[j], yB[j] = f(a[j]), f(b[j])
	}
	for i := range k {
		yAB[i] = make([]float64, n)
		for j := range n {
			copy(row, a[j])
			row[i] = b[j][i]
			yAB[i][j] = f(row)
		}
	}
	return yA, yB, yAB
}

// morrisDesign draws r trajectories of k+1 points on a grid of p levels with
// step Δ = p/(2(p−1)), each factor moved once per trajectory in random order
// and direction (Morris 1991).
func morrisDesign(r, k, p int, seed uint64) [][]float64 {
	rng := rand.New(rand.NewPCG(seed, 2))
	delta := float64(p) / (2 * float64(p-1))
	var x [][]float64
	for range r {
		cur := make([]float64, k)
		for i := range cur {
			// A start level from which the step +Δ or −Δ stays on the grid.
			cur[i] = float64(rng.IntN(p)) / float64(p-1)
		}
		x = append(x, append([]float64(nil), cur...))
		for _, i := range rng.Perm(k) {
			if cur[i]+delta <= 1+1e-12 {
				cur[i] += delta
			} else {
				cur[i] -= delta
			}
			x = append(x, append([]float64(nil), cur...))
		}
	}
	return x
}

func evalAll(f func([]float64) float64, x [][]float64) []float64 {
	y := make([]float64, len(x))
	for j, p := range x {
		y[j] = f(p)
	}
	return y
}

func TestSobolIshigami(t *testing.T) {
	// Analytic indices of the Ishigami function with a = 7, b = 0.1.
	wantS1 := []float64{0.3139, 0.4424, 0}
	wantST := []float64{0.5576, 0.4424, 0.2437}
	const tol = 0.03
	yA, yB, yAB := saltelli(ishigami, 1<<15, 3, 42)
	got, err := Sobol(yA, yB, yAB, 200, 7)
	if err != nil {
		t.Fatal(err)
	}
	for i, g := range got {
		if math.Abs(g.S1-wantS1[i]) > tol {
			t.Errorf("S1[x%d] = %.4f, want %.4f ± %.2f", i+1, g.S1, wantS1[i], tol)
		}
		if math.Abs(g.ST-wantST[i]) > tol {
			t.Errorf("ST[x%d] = %.4f, want %.4f ± %.2f", i+1, g.ST, wantST[i], tol)
		}
		if !(g.S1Low <= g.S1 && g.S1 <= g.S1High) || !(g.STLow <= g.ST && g.ST <= g.STHigh) {
			t.Errorf("x%d: estimate outside its interval: %+v", i+1, g)
		}
		if g.S1High-g.S1Low > 2*tol || g.STHigh-g.STLow > 2*tol {
			t.Errorf("x%d: intervals wider than %.2f: %+v", i+1, 2*tol, g)
		}
	}
}

func TestSobolDeterministicAndFailedRows(t *testing.T) {
	yA, yB, yAB := saltelli(ishigami, 2000, 3, 3)
	first, err := Sobol(yA, yB, yAB, 100, 11)
	if err != nil {
		t.Fatal(err)
	}
	again, _ := Sobol(yA, yB, yAB, 100, 11)
	for i := range first {
		if first[i] != again[i] {
			t.Fatalf("same seed, different result: %+v vs %+v", first[i], again[i])
		}
	}
	// A failed run (NaN) removes its row from every index, as if never drawn.
	yAB[1][5] = math.NaN()
	withNaN, err := Sobol(yA, yB, yAB, 0, 11)
	if err != nil {
		t.Fatal(err)
	}
	drop := func(y []float64) []float64 { return append(append([]float64(nil), y[:5]...), y[6:]...) }
	without, _ := Sobol(drop(yA), drop(yB), [][]float64{drop(yAB[0]), drop(yAB[1]), drop(yAB[2])}, 0, 11)
	for i := range withNaN {
		if math.Abs(withNaN[i].S1-without[i].S1) > 1e-12 || math.Abs(withNaN[i].ST-without[i].ST) > 1e-12 {
			t.Errorf("x%d: NaN row not dropped: %+v vs %+v", i+1, withNaN[i], without[i])
		}
	}
}

func TestSobolConstantOutcome(t *testing.T) {
	y := []float64{1, 1, 1}
	got, err := Sobol(y, y, [][]float64{y, y}, 10, 1)
	if err != nil {
		t.Fatal(err)
	}
	for _, g := range got {
		if !math.IsNaN(g.S1) || !math.IsNaN(g.ST) {
			t.Errorf("constant outcome: want NaN indices, got %+v", g)
		}
	}
}

func TestSobolErrors(t *testing.T) {
	for _, c := range []struct {
		name   string
		yA, yB []float64
		yAB    [][]float64
	}{
		{"empty", nil, nil, [][]float64{{}}},
		{"B short", []float64{1, 2}, []float64{1}, [][]float64{{1, 2}}},
		{"no AB", []float64{1, 2}, []float64{1, 2}, nil},
		{"AB short", []float64{1, 2}, []float64{1, 2}, [][]float64{{1}}},
	} {
		if _, err := Sobol(c.yA, c.yB, c.yAB, 0, 1); err == nil {
			t.Errorf("%s: no error", c.name)
		}
	}
}

func TestMorrisLinearAndDummy(t *testing.T) {
	// y = 3·x1 − 2·x2 + 0·x3 with x1 on [0, 10], x2 on [5, 6], x3 a dummy on [0, 1]:
	// the effect per unit scale is coefficient × range.
	lo := []float64{0, 5, 0}
	hi := []float64{10, 6, 1}
	coef := []float64{3, -2, 0}
	f := func(u []float64) float64 {
		s := 0.0
		for i := range u {
			s += coef[i] * (lo[i] + u[i]*(hi[i]-lo[i]))
		}
		return s
	}
	x := morrisDesign(20, 3, 4, 5)
	got, err := Morris(x, evalAll(f, x), 200, 9)
	if err != nil {
		t.Fatal(err)
	}
	for i, g := range got {
		want := math.Abs(coef[i]) * (hi[i] - lo[i])
		if math.Abs(g.MuStar-want) > 1e-9 {
			t.Errorf("x%d: mu* = %g, want %g", i+1, g.MuStar, want)
		}
		if math.Abs(g.Mu-coef[i]*(hi[i]-lo[i])) > 1e-9 {
			t.Errorf("x%d: mu = %g, want %g", i+1, g.Mu, coef[i]*(hi[i]-lo[i]))
		}
		if g.Sigma > 1e-9 {
			t.Errorf("x%d: sigma = %g for a linear function, want 0", i+1, g.Sigma)
		}
		if g.N != 20 {
			t.Errorf("x%d: %d effects, want 20", i+1, g.N)
		}
	}
}

func TestMorrisIshigamiRanking(t *testing.T) {
	// On Ishigami x3 acts only through its interaction with x1: mu* is large
	// for x1 and x2, and sigma of x3 is large relative to its mu.
	x := morrisDesign(200, 4, 4, 6)
	f := func(u []float64) float64 { return ishigami(u[:3]) } // x4 is a dummy
	got, err := Morris(x, evalAll(f, x), 0, 1)
	if err != nil {
		t.Fatal(err)
	}
	if got[3].MuStar != 0 || got[3].Sigma != 0 {
		t.Errorf("dummy x4: mu* = %g, sigma = %g, want 0", got[3].MuStar, got[3].Sigma)
	}
	for i := range 3 {
		if got[i].MuStar < 1 {
			t.Errorf("x%d: mu* = %g, want it clearly above the dummy", i+1, got[i].MuStar)
		}
	}
	if math.Abs(got[2].Mu) > 0.5*got[2].Sigma {
		t.Errorf("x3: mu = %g, sigma = %g; want effects of both signs", got[2].Mu, got[2].Sigma)
	}
}

func TestMorrisNoisyDummy(t *testing.T) {
	// With noise in the model, the dummy's mu* is small compared with a real factor.
	rng := rand.New(rand.NewPCG(1, 1))
	x := morrisDesign(50, 2, 4, 8)
	y := make([]float64, len(x))
	for j, p := range x {
		y[j] = 4*p[0] + 0.01*rng.NormFloat64()
	}
	got, err := Morris(x, y, 100, 2)
	if err != nil {
		t.Fatal(err)
	}
	if got[1].MuStar > 0.05 || got[0].MuStar < 3.9 {
		t.Errorf("mu* = %g (real), %g (dummy)", got[0].MuStar, got[1].MuStar)
	}
	if !(got[0].MuStarLow <= got[0].MuStar && got[0].MuStar <= got[0].MuStarHigh) {
		t.Errorf("mu* outside its interval: %+v", got[0])
	}
}

func TestMorrisFailedRunAndErrors(t *testing.T) {
	x := [][]float64{{0, 0}, {0.5, 0}, {0.5, 0.5}}
	got, err := Morris(x, []float64{0, 1, math.NaN()}, 0, 1)
	if err != nil {
		t.Fatal(err)
	}
	if got[0].N != 1 || got[0].MuStar != 2 || got[1].N != 0 || !math.IsNaN(got[1].MuStar) {
		t.Errorf("failed run: %+v", got)
	}
	for _, c := range []struct {
		name string
		x    [][]float64
		y    []float64
	}{
		{"no points", nil, nil},
		{"lengths", x, []float64{1, 2}},
		{"partial trajectory", x[:2], []float64{1, 2}},
		{"two factors change", [][]float64{{0, 0}, {0.5, 0.5}, {0.5, 0}}, []float64{1, 2, 3}},
		{"nothing changes", [][]float64{{0, 0}, {0, 0}, {0.5, 0}}, []float64{1, 2, 3}},
	} {
		if _, err := Morris(c.x, c.y, 0, 1); err == nil {
			t.Errorf("%s: no error", c.name)
		}
	}
}
