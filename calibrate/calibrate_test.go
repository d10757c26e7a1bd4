package calibrate

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/orgnet/orgnet/calibrate/abc"
	"github.com/orgnet/orgnet/sim"
)

func TestExampleParses(t *testing.T) {
	s, err := Parse("example.toml", []byte(Example))
	if err != nil {
		t.Fatal(err)
	}
	if len(s.Parameters) != 3 || len(s.Targets) != 4 || len(s.Constraints) != 1 || len(s.Scenarios) != 2 {
		t.Fatalf("example: %d parameters, %d targets, %d constraints, %d scenarios", len(s.Parameters), len(s.Targets), len(s.Constraints), len(s.Scenarios))
	}
	held := 0
	for _, tg := range s.Targets {
		if tg.HeldOut {
			held++
		}
	}
	if held != 1 {
		t.Errorf("example: %d held-out targets, want 1 (the 500 people supported)", held)
	}
}

// TestBadFiles: every problem is refused with file:line: key and what is
// allowed.
func TestBadFiles(t *testing.T) {
	base := `seed = 1
population = 10

[[parameters]]
path = "cases.detection"
prior = "uniform"
min = 20
max = 200

[[targets]]
scenario = "bossche-bond"
metric = "cases_solved_cum + cases_failed_cum"
year = 3.75
value = 250
scale = 25
`
	cases := []struct {
		name, from, to, want string
	}{
		{"unknown key", "seed = 1", "seed = 1\ncolour = 3", `bad.toml:2: colour: unknown key; allowed: mode, seed`},
		{"unknown parameter", `path = "cases.detection"`, `path = "cases.detektion"`, `bad.toml:5: parameters[0].path: unknown parameter`},
		{"out of registry range", "max = 200", "max = 200000", `bad.toml:8: parameters[0].max: 200000 is out of the parameter's range; allowed:`},
		{"unknown prior", `prior = "uniform"`, `prior = "gamma"`, `bad.toml:6: parameters[0].prior: unknown prior "gamma"; allowed: uniform, loguniform, normal, truncnormal`},
		{"min above max", "min = 20", "min = 500", `bad.toml:7: parameters[0].min: min 500 must be below max 200`},
		{"normal too wide", "prior = \"uniform\"\nmin = 20\nmax = 200", "prior = \"normal\"\nmean = 1\nsd = 1", `bad.toml:8: parameters[0].sd: mean ± 4 sd reaches -3`},
		{"loguniform at 0", "prior = \"uniform\"\nmin = 20", "prior = \"loguniform\"\nmin = 0", `bad.toml:7: parameters[0].min: a log-uniform prior needs min > 0`},
		{"unknown metric", `metric = "cases_solved_cum + cases_failed_cum"`, `metric = "cases_solved_cum + cases"`, `bad.toml:12: targets[0].metric: unknown metric "cases"; allowed:`},
		{"unknown preset", `scenario = "bossche-bond"`, `scenario = "bossche"`, `bad.toml:11: targets[0].scenario: unknown preset "bossche"`},
		{"year beyond run", "year = 3.75", "year = 99", `bad.toml:13: targets[0].year: 99 is not within the scenario's run`},
		{"no scale", "scale = 25\n", "\n", `bad.toml:10: targets[0]: scale is missing`},
		{"wrong type", "population = 10", `population = "ten"`, `bad.toml:2: population: wrong type`},
		{"kernel", "population = 10", "population = 10\nkernel = \"box\"", `bad.toml:3: kernel: unknown kernel "box"; allowed: normal`},
		{"population", "population = 10", "population = 1", `bad.toml:2: population: 1; allowed: an integer from 2`},
		{"bad op", "scale = 25\n", "scale = 25\n[[constraints]]\nscenario = \"bossche-bond\"\nyear = 3\nleft = \"trust\"\nop = \"=\"\nvalue = 0.5\n", `bad.toml:20: constraints[0].op: "="; allowed: > >= < <=`},
		{"choice parameter", `path = "cases.detection"`, `path = "network.governance"`, `bad.toml:5: parameters[0].path: network.governance is a choice; only numbers can be calibrated`},
		{"stop key", "scale = 25\n", "scale = 25\n[stop]\ngenerations = 0\n", `bad.toml:17: stop.generations: 0; allowed: an integer from 1 to 1000`},
	}
	if _, err := Parse("bad.toml", []byte(base)); err != nil {
		t.Fatalf("base file: %v", err)
	}
	for _, c := range cases {
		text := strings.Replace(base, c.from, c.to, 1)
		if text == base {
			t.Fatalf("%s: %q not in the base file", c.name, c.from)
		}
		_, err := Parse("bad.toml", []byte(text))
		var ce *Error
		if err == nil || !errors.As(err, &ce) {
			t.Errorf("%s: err %v, want a calibration file error", c.name, err)
			continue
		}
		if !strings.HasPrefix(err.Error(), c.want) {
			t.Errorf("%s:\n got %s\nwant %s...", c.name, err, c.want)
		}
	}
}

// tiny is a real calibration small enough for a test: two generations of
// six particles on the two case presets.
func tiny(t *testing.T) *Spec {
	t.Helper()
	text := Example
	for _, r := range [][2]string{
		{"population = 500", "population = 6"}, {"generations = 12", "generations = 2"},
		{"max_simulations = 40000", "max_simulations = 60"}, {"predictive = 200", "predictive = 3"},
		{"replications = 4 ", "replications = 1 "},
	} {
		if !strings.Contains(text, r[0]) {
			t.Fatalf("example lacks %q", r[0])
		}
		text = strings.Replace(text, r[0], r[1], 1)
	}
	s, err := Parse("tiny.toml", []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// outputs reads a calibration folder's files but the journal (its lines
// come in the order simulations finish) and calibration.json's timing.
func outputs(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	out := map[string][]byte{}
	timing := regexp.MustCompile(`"(started|finished|elapsed_seconds|workers|resumed_simulations)": [^,\n]*`)
	err := filepath.Walk(dir, func(path string, fi os.FileInfo, err error) error {
		if err != nil || fi.IsDir() || fi.Name() == JournalName {
			return err
		}
		data, err := os.ReadFile(path)
		if fi.Name() == ManifestName {
			data = timing.ReplaceAll(data, nil)
		}
		rel, _ := filepath.Rel(dir, path)
		out[rel] = data
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func sameOutputs(t *testing.T, what string, a, b map[string][]byte) {
	t.Helper()
	if len(a) != len(b) {
		t.Fatalf("%s: %d files against %d", what, len(a), len(b))
	}
	for name, data := range a {
		if !bytes.Equal(data, b[name]) {
			t.Errorf("%s: %s differs", what, name)
		}
	}
}

// TestRealCalibration runs a tiny calibration of the model end to end and
// checks that its outputs are byte-identical for 1 and 2 workers and after
// an interruption followed by a resume.
func TestRealCalibration(t *testing.T) {
	s := tiny(t)
	dir := t.TempDir()
	one := filepath.Join(dir, "one")
	res, err := Run(context.Background(), s, Options{Dir: one, Workers: 1, Version: "test"})
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range []string{PosteriorCSV, PosteriorParquet, ManifestName, ReportHTML, "plots/marginals.svg", "plots/pairs.png", "plots/tolerance.svg"} {
		if _, err := os.Stat(filepath.Join(one, f)); err != nil {
			t.Errorf("missing output: %v", err)
		}
	}
	if len(res.ABC.Generations) != 2 || len(res.Predictive) != 4 || len(res.Parameters) != 3 {
		t.Fatalf("%d generations, %d checks, %d parameter summaries", len(res.ABC.Generations), len(res.Predictive), len(res.Parameters))
	}
	var m Manifest
	data, _ := os.ReadFile(filepath.Join(one, ManifestName))
	if err := json.Unmarshal(data, &m); err != nil || m.Calibration == nil || len(m.Generations) != 2 {
		t.Fatalf("calibration.json: %v", err)
	}
	report, _ := os.ReadFile(filepath.Join(one, ReportHTML))
	for _, want := range []string{"shrinkage", "pr_supported", "held out", "Posterior predictive check", "registry default"} {
		if !bytes.Contains(report, []byte(want)) {
			t.Errorf("report lacks %q", want)
		}
	}
	for _, p := range res.ABC.Final().Particles {
		if p.Stats[0] <= 0 {
			t.Errorf("particle %d: no cases handled in bossche-bond (%v)", p.Index, p.Stats)
		}
	}

	two := filepath.Join(dir, "two")
	if _, err := Run(context.Background(), s, Options{Dir: two, Workers: 2, Version: "test"}); err != nil {
		t.Fatal(err)
	}
	want := outputs(t, one)
	sameOutputs(t, "workers 1 and 2", want, outputs(t, two))

	// Interrupt after 7 simulations, then resume.
	cut := filepath.Join(dir, "cut")
	ctx, cancel := context.WithCancel(context.Background())
	pool := &abc.Pool{Sim: s.Simulate, Workers: 2, Progress: func(done int) {
		if done == 7 {
			cancel()
		}
	}}
	if _, err := Run(ctx, s, Options{Dir: cut, Workers: 2, Version: "test", Evaluator: pool}); !errors.Is(err, ErrInterrupted) {
		t.Fatalf("interrupted run: %v, want ErrInterrupted", err)
	}
	if _, err := os.Stat(filepath.Join(cut, PosteriorCSV)); err == nil {
		t.Fatal("an interrupted calibration wrote its posterior")
	}
	// A write torn by a crash at the end of the journal is cut off.
	jf, err := os.OpenFile(filepath.Join(cut, JournalName), os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	jf.WriteString(`{"g":0,"i":5,"v":[1,2`)
	jf.Close()
	if _, err := Run(context.Background(), s, Options{Dir: cut, Workers: 2, Version: "test"}); err == nil {
		t.Fatal("a new run into an unfinished calibration's folder was accepted")
	}
	r2, err := Run(context.Background(), s, Options{Dir: cut, Workers: 2, Version: "test", Resume: true})
	if err != nil {
		t.Fatal(err)
	}
	if r2.Resumed < 7 {
		t.Errorf("resumed %d simulations from the journal, want at least 7", r2.Resumed)
	}
	sameOutputs(t, "interrupted and resumed", want, outputs(t, cut))

	// A different calibration cannot resume this folder.
	s2 := tiny(t)
	s2.Seed = 99
	if _, err := Run(context.Background(), s2, Options{Dir: cut, Resume: true}); err == nil || !strings.Contains(err.Error(), "different calibration") {
		t.Errorf("resuming with another seed: %v", err)
	}
}

// TestSlurmSteps runs the Slurm path without a cluster: steps and tasks by
// hand, as driver.sh and the job array would, give the local result.
func TestSlurmSteps(t *testing.T) {
	s := tiny(t)
	dir := t.TempDir()
	local := filepath.Join(dir, "local")
	if _, err := Run(context.Background(), s, Options{Dir: local, Workers: 2}); err != nil {
		t.Fatal(err)
	}
	cl := filepath.Join(dir, "cluster")
	const tasks = 3
	for steps := 0; ; steps++ {
		if steps > 50 {
			t.Fatal("no end after 50 steps")
		}
		_, err := Run(context.Background(), s, Options{Dir: cl, Workers: 1, Resume: true, Evaluator: &Slurm{Dir: cl, Tasks: tasks, Hash: s.Hash()}})
		if err == nil {
			t.Logf("done after %d batches", steps)
			break
		}
		if !errors.Is(err, ErrPending) {
			t.Fatal(err)
		}
		if steps == 0 {
			other := tiny(t)
			other.Seed = 5
			if _, err := RunTask(context.Background(), other, cl, 1, tasks, 1); err == nil {
				t.Error("a task of another calibration ran the pending batch")
			}
		}
		for i := 1; i <= tasks; i++ {
			if _, err := RunTask(context.Background(), s, cl, i, tasks, 1); err != nil {
				t.Fatal(err)
			}
		}
	}
	a, b := outputs(t, local), outputs(t, cl)
	for name := range b {
		if strings.HasPrefix(name, SlurmDir+string(filepath.Separator)) {
			delete(b, name)
		}
	}
	sameOutputs(t, "local and Slurm", a, b)
}

// TestIdentifiability replaces the model by a stand-in whose cases handled
// are 100 × cases.detection (plus noise) and whose wellbeing ignores every
// parameter: cases.detection must come out identified near 2.5 and
// cases.effort_weeks, which nothing depends on, unidentified (shrinkage
// near 0), over three seeds, with both kernels.
func TestIdentifiability(t *testing.T) {
	old := runModel
	defer func() { runModel = old }()
	runModel = func(cfg *sim.Config, seed uint64) (*sim.Result, error) {
		r := rand.New(rand.NewPCG(seed, 9))
		rows := make([][sim.NumMetrics]float64, cfg.Ticks()+1)
		for i := range rows {
			y := float64(i) / sim.WeeksPerYear
			rows[i][sim.MYear] = y
			rows[i][sim.MCasesSolvedCum] = y / cfg.Run.Years * (100*cfg.Cases.Detection + 5*r.NormFloat64())
			rows[i][sim.MWellbeing] = 8 + 0.1*r.NormFloat64()
		}
		return &sim.Result{Rows: rows}, nil
	}
	text := `seed = SEED
kernel = "KERNEL"
population = 300
[stop]
generations = 8
min_tolerance = 0.3
[[parameters]]
path = "cases.detection"
prior = "uniform"
min = 0.5
max = 5
[[parameters]]
path = "cases.effort_weeks"
prior = "uniform"
min = 1
max = 16
[[targets]]
scenario = "bossche-bond"
metric = "cases_solved_cum"
year = 4
value = 250
scale = 10
[[targets]]
scenario = "bossche-bond"
metric = "wellbeing"
year = 4
value = 8
scale = 0.5
`
	for seed := 1; seed <= 3; seed++ {
		kernel := []string{"normal", "olcm"}[seed%2]
		s, err := Parse("stand-in.toml", []byte(strings.NewReplacer("SEED", strconv.Itoa(seed), "KERNEL", kernel).Replace(text)))
		if err != nil {
			t.Fatal(err)
		}
		r, err := Run(context.Background(), s, Options{Dir: filepath.Join(t.TempDir(), "out"), Workers: 2})
		if err != nil {
			t.Fatal(err)
		}
		det, eff := r.Parameters[0], r.Parameters[1]
		t.Logf("%s seed %d: detection %.3f ± %.3f (shrinkage %.3f, %s); effort_weeks %.2f ± %.2f (shrinkage %.3f, %s)",
			kernel, seed, det.Mean, det.SD, det.Shrinkage, det.Identified, eff.Mean, eff.SD, eff.Shrinkage, eff.Identified)
		if det.Identified != Identified || det.Shrinkage < 0.9 || det.Mean < 2.3 || det.Mean > 2.7 {
			t.Errorf("seed %d: cases.detection not identified near 2.5", seed)
		}
		if eff.Identified != Unidentified {
			t.Errorf("seed %d: cases.effort_weeks, which nothing depends on, is %s (shrinkage %.3f)", seed, eff.Identified, eff.Shrinkage)
		}
	}
}

// TestLoadPosterior: the last generation only, weights normalised, target
// columns skipped, draws the same for a seed and replication; bad files
// refused with their line.
func TestLoadPosterior(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, PosteriorCSV)
	os.WriteFile(path, []byte("generation,particle,weight,distance,cases.detection,bb_handled\n0,0,1,5,9,1\n1,3,2,0.5,1.5,240\n1,7,6,0.4,2.5,260\n"), 0o644)
	p, err := LoadPosterior(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Paths) != 1 || p.Paths[0] != "cases.detection" || len(p.Particles) != 2 || p.Particles[0].Weight != 0.25 {
		t.Fatalf("posterior: %+v", p)
	}
	counts := map[float64]int{}
	for i := range 400 {
		counts[p.Draw(11, i)[0]]++
	}
	if counts[2.5] < 250 || counts[2.5] > 350 || p.Draw(11, 5)[0] != p.Draw(11, 5)[0] {
		t.Errorf("draws by weight 0.75: %v", counts)
	}
	os.WriteFile(path, []byte("generation,particle,weight,distance,cases.detection\n1,0,1,0.5,1.5\nx,1,1,0.5,2\n"), 0o644)
	if _, err := LoadPosterior(path); err == nil || !strings.Contains(err.Error(), PosteriorCSV+":3: generation") {
		t.Errorf("bad generation: %v", err)
	}
}

// TestDefaultQuantile checks where a registry default falls in a weighted
// posterior, and that the summary carries the registry's default.
func TestDefaultQuantile(t *testing.T) {
	xs, ws := []float64{4, 1, 3, 2}, []float64{0.4, 0.1, 0.3, 0.2}
	for _, c := range []struct{ x, want float64 }{{0.5, 0}, {2.5, 0.3}, {3, 0.6}, {9, 1}} {
		if got := wcdf(xs, ws, c.x); math.Abs(got-c.want) > 1e-12 {
			t.Errorf("wcdf(%g) = %g, want %g", c.x, got, c.want)
		}
	}
	if (ParamSummary{DefaultQuantile: 0.97}).DefaultInside() || !(ParamSummary{DefaultQuantile: 0.5}).DefaultInside() {
		t.Error("DefaultInside does not follow the 5%-95% range")
	}
}

// galleryDir holds the example's calibration on the seed's figures,
// committed so that the registry can cite it (scripts/calibration-gallery.sh
// makes it again).
var galleryDir = filepath.Join("..", "results", "gallery", "calibration")

// loadGallery reads the committed calibration's calibration.json and
// posterior.
func loadGallery(t *testing.T) (Manifest, *Posterior) {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(galleryDir, ManifestName))
	if err != nil {
		t.Fatal(err)
	}
	var m Manifest
	if err := json.Unmarshal(data, &m); err != nil {
		t.Fatalf("%s: %v", ManifestName, err)
	}
	post, err := LoadPosterior(galleryDir)
	if err != nil {
		t.Fatal(err)
	}
	return m, post
}

// TestGalleryPosterior checks the committed calibration against the
// registry: it must be the example's calibration of the current presets and
// defaults (the same hash), every parameter it identifies at least partly
// must have its registry default inside the posterior's 90% interval, and
// an identified one must cite the posterior in its source.
func TestGalleryPosterior(t *testing.T) {
	m, post := loadGallery(t)
	s, err := Parse("example.toml", []byte(Example))
	if err != nil {
		t.Fatal(err)
	}
	if m.Hash != s.Hash() {
		t.Fatalf("results/gallery/calibration is the calibration %s, the example with today's presets and defaults is %s: "+
			"run sh scripts/calibration-gallery.sh, and update the registry's sources and docs/ODD.md from its report", m.Hash, s.Hash())
	}
	if len(m.Parameters) != len(post.Paths) {
		t.Fatalf("%d parameter summaries, %d posterior columns", len(m.Parameters), len(post.Paths))
	}
	for i, path := range post.Paths {
		sum := m.Parameters[i]
		reg, ok := sim.Lookup(path)
		if !ok || sum.Path != path {
			t.Fatalf("column %s: summary %s, in the registry: %v", path, sum.Path, ok)
		}
		xs := make([]float64, len(post.Particles))
		ws := make([]float64, len(post.Particles))
		for k, p := range post.Particles {
			xs[k], ws[k] = p.Values[i], p.Weight
		}
		q := wcdf(xs, ws, reg.Default)
		t.Logf("%s: %s (shrinkage %.2f), posterior 90%% %.4g to %.4g; default %g at quantile %.3f",
			path, sum.Identified, sum.Shrinkage, sum.Q05, sum.Q95, reg.Default, q)
		if sum.Identified == Unidentified {
			continue
		}
		if q < 0.05 || q > 0.95 {
			t.Errorf("%s: the registry default %g lies at the posterior's quantile %.3f, outside its 90%% interval %.4g to %.4g",
				path, reg.Default, q, sum.Q05, sum.Q95)
		}
		if !strings.Contains(reg.Source, "posterior") {
			t.Errorf("%s is %s by the seed's figures, but its registry source does not cite the posterior: %q", path, sum.Identified, reg.Source)
		}
	}
}

// galleryODDRows renders the rows of docs/ODD.md's posterior and
// predictive-check tables (section 1, Calibration) from the committed
// calibration, so that the document cannot drift from it.
func galleryODDRows(m Manifest, post *Posterior) []string {
	g3 := func(x float64) string { return strconv.FormatFloat(x, 'g', 3, 64) }
	var rows []string
	for i, ps := range m.Parameters {
		reg, _ := sim.Lookup(ps.Path)
		xs := make([]float64, len(post.Particles))
		ws := make([]float64, len(post.Particles))
		for k, p := range post.Particles {
			xs[k], ws[k] = p.Values[i], p.Weight
		}
		rows = append(rows, fmt.Sprintf("| `%s` | %s | %s – %s | %s | %.2f | %s | %g | %.2f |",
			ps.Path, g3(ps.Q50), g3(ps.Q05), g3(ps.Q95), reg.Unit, ps.Shrinkage, ps.Identified, reg.Default, wcdf(xs, ws, reg.Default)))
	}
	for _, c := range m.Predictive {
		use := "fitted"
		if c.HeldOut {
			use = "held out"
		}
		rows = append(rows, fmt.Sprintf("| `%s` | %s | %s | %s – %s | %s |", c.Name, g3(c.Value), g3(c.Mean), g3(c.Q05), g3(c.Q95), use))
	}
	return rows
}

// TestGalleryInODD checks that docs/ODD.md quotes the committed
// calibration as it is.
func TestGalleryInODD(t *testing.T) {
	m, post := loadGallery(t)
	odd, err := os.ReadFile(filepath.Join("..", "docs", "ODD.md"))
	if err != nil {
		t.Fatal(err)
	}
	for _, row := range galleryODDRows(m, post) {
		if !strings.Contains(string(odd), row+"\n") {
			t.Errorf("docs/ODD.md lacks the row\n%s", row)
		}
	}
}
