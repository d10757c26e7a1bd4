package sweep

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/orgnet/orgnet/sim"
	"github.com/parquet-go/parquet-go"
)

func tinySpec(t *testing.T) *Spec {
	t.Helper()
	s, err := Parse("tiny.toml", []byte(tiny))
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func read(t *testing.T, path string) []byte {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// sweepInto runs s into a new directory and returns it.
func sweepInto(t *testing.T, s *Spec, opt Options) string {
	t.Helper()
	if opt.Dir == "" {
		opt.Dir = filepath.Join(t.TempDir(), "out")
	}
	sum, err := Run(context.Background(), s, opt)
	if err != nil {
		t.Fatal(err)
	}
	if !sum.Complete || sum.Done != sum.Total {
		t.Fatalf("sweep not complete: %+v", sum)
	}
	return opt.Dir
}

func TestRunsIdenticalForWorkersAndShards(t *testing.T) {
	s := tinySpec(t)
	one := sweepInto(t, s, Options{Workers: 1, Timeseries: true})
	two := sweepInto(t, s, Options{Workers: 2, Timeseries: true})
	want := read(t, filepath.Join(one, RunsCSV))
	if lines := bytes.Count(want, []byte("\n")); lines != 13 {
		t.Fatalf("runs.csv has %d lines, want a header and 12 runs", lines)
	}
	var shards []string
	for i := 1; i <= 3; i++ {
		shards = append(shards, sweepInto(t, s, Options{Workers: 2, Shard: i, Shards: 3, Timeseries: true}))
	}
	merged := filepath.Join(t.TempDir(), "merged")
	if _, err := Merge(merged, []string{shards[2], shards[0], shards[1]}, "test"); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{RunsCSV, RunsParquet, TimeseriesParquet} {
		want := read(t, filepath.Join(one, name))
		for what, dir := range map[string]string{"2 workers": two, "3 merged shards": merged} {
			if got := read(t, filepath.Join(dir, name)); !bytes.Equal(got, want) {
				t.Errorf("%s with %s differs from 1 worker", name, what)
			}
		}
	}
	// A shard holds only its runs.
	shard2 := string(read(t, filepath.Join(shards[1], RunsCSV)))
	if !strings.Contains(shard2, "\n1,0,1,") || strings.Contains(shard2, "\n0,0,0,") {
		t.Errorf("shard 2/3 holds the wrong runs:\n%s", shard2)
	}
}

func TestParquetContents(t *testing.T) {
	s := tinySpec(t)
	dir := sweepInto(t, s, Options{Workers: 2, Timeseries: true})
	check := func(name string, wantCols []string, wantRows int64) {
		data := read(t, filepath.Join(dir, name))
		f, err := parquet.OpenFile(bytes.NewReader(data), int64(len(data)))
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		var cols []string
		for _, c := range f.Schema().Fields() {
			cols = append(cols, c.Name())
		}
		if strings.Join(cols, ",") != strings.Join(wantCols, ",") {
			t.Errorf("%s columns %v, want %v", name, cols, wantCols)
		}
		if f.NumRows() != wantRows {
			t.Errorf("%s has %d rows, want %d", name, f.NumRows(), wantRows)
		}
	}
	check(RunsParquet, s.Columns(), 12)
	// A successful run's error is null, not an empty string.
	data := read(t, filepath.Join(dir, RunsParquet))
	pf, err := parquet.OpenFile(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	errCol, ok := pf.Schema().Lookup("error")
	if !ok {
		t.Fatal("no error column")
	}
	if !errCol.Node.Optional() {
		t.Error("the error column is required; want optional (null on success)")
	}
	rows := make([]parquet.Row, 12)
	rr := parquet.NewReader(bytes.NewReader(data))
	if n, _ := rr.ReadRows(rows); n != 12 {
		t.Fatalf("read %d rows", n)
	}
	for _, r := range rows {
		if v := r[errCol.ColumnIndex]; !v.IsNull() {
			t.Errorf("error of a successful run is %q, want null", v.String())
		}
	}
	check(TimeseriesParquet, append([]string{"run_id"}, sim.MetricNames[:]...), 12*int64(s.BaseConfig.Ticks()+1))
	_, res, err := ReadDir(dir)
	if err != nil || len(res) != 12 || res[11].RunID != 11 {
		t.Fatalf("ReadDir: %d results, %v", len(res), err)
	}
}

func TestResumeAfterTornJournal(t *testing.T) {
	s := tinySpec(t)
	ref := read(t, filepath.Join(sweepInto(t, s, Options{Workers: 2}), RunsCSV))
	dir := sweepInto(t, s, Options{Workers: 2})
	// Keep the header and five runs, and half of the sixth: a crash in the
	// middle of a write. The outputs are gone too.
	jpath := filepath.Join(dir, journalName)
	lines := bytes.SplitAfter(read(t, jpath), []byte("\n"))
	torn := append(bytes.Join(lines[:6], nil), lines[6][:len(lines[6])/2]...)
	if err := os.WriteFile(jpath, torn, 0o644); err != nil {
		t.Fatal(err)
	}
	os.Remove(filepath.Join(dir, RunsCSV))
	sum, err := Run(context.Background(), s, Options{Dir: dir, Workers: 2, Resume: true})
	if err != nil {
		t.Fatal(err)
	}
	if sum.Resumed != 5 || sum.Done != 12 {
		t.Errorf("resumed %d, done %d; want 5 and 12", sum.Resumed, sum.Done)
	}
	if got := read(t, filepath.Join(dir, RunsCSV)); !bytes.Equal(got, ref) {
		t.Errorf("resumed runs.csv differs:\n%s\nwant\n%s", got, ref)
	}
	if n := bytes.Count(read(t, jpath), []byte("\n")); n != 13 {
		t.Errorf("journal has %d lines after resume, want 13 (no run doubled)", n)
	}
}

func TestInterruptAndResume(t *testing.T) {
	s := tinySpec(t)
	ref := read(t, filepath.Join(sweepInto(t, s, Options{Workers: 2, Timeseries: true}), TimeseriesParquet))
	refCSV := read(t, filepath.Join(sweepInto(t, s, Options{Workers: 1}), RunsCSV))
	ctx, cancel := context.WithCancel(context.Background())
	var calls atomic.Int32
	runModel = func(cfg *sim.Config, seed uint64) (*sim.Result, error) {
		if calls.Add(1) == 4 {
			cancel()
		}
		return sim.Run(cfg, seed)
	}
	defer func() { runModel = sim.Run }()
	dir := filepath.Join(t.TempDir(), "out")
	sum, err := Run(ctx, s, Options{Dir: dir, Workers: 2, Timeseries: true})
	if !errors.Is(err, ErrInterrupted) {
		t.Fatalf("got %v, want ErrInterrupted", err)
	}
	if sum.Done < 4 || sum.Done >= 12 {
		t.Errorf("interrupted after %d runs; want the 4+ started before the stop", sum.Done)
	}
	if _, err := os.Stat(filepath.Join(dir, RunsCSV)); err == nil {
		t.Error("an interrupted sweep wrote runs.csv")
	}
	runModel = sim.Run
	if _, err := Run(context.Background(), s, Options{Dir: dir, Workers: 1, Resume: true}); err == nil {
		t.Error("resuming without --timeseries was accepted")
	}
	if _, err := Run(context.Background(), s, Options{Dir: dir, Workers: 1, Resume: true, Timeseries: true}); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(read(t, filepath.Join(dir, RunsCSV)), refCSV) {
		t.Error("resumed runs.csv differs")
	}
	if !bytes.Equal(read(t, filepath.Join(dir, TimeseriesParquet)), ref) {
		t.Error("resumed timeseries.parquet differs")
	}
}

func TestFailedRunsRecorded(t *testing.T) {
	s := tinySpec(t)
	runModel = func(cfg *sim.Config, seed uint64) (*sim.Result, error) {
		switch seed {
		case sim.DeriveSeed(s.Seed, 3):
			panic("boom")
		case sim.DeriveSeed(s.Seed, 5):
			return nil, errors.New("model refused")
		}
		return sim.Run(cfg, seed)
	}
	defer func() { runModel = sim.Run }()
	// A grid whose second half sets a value the registry refuses: 2 x 2 x 6
	// samples, 2 replications, runs 24 to 47 invalid.
	bad := *s
	bad.Method = Grid
	bad.Parameters = append([]Parameter(nil), s.Parameters...)
	bad.Parameters[0] = Parameter{Path: s.Parameters[0].Path, Values: []float64{0.5, 7}, Min: 0.5, Max: 7, Kind: sim.Float}
	dir := filepath.Join(t.TempDir(), "out")
	sum, err := Run(context.Background(), &bad, Options{Dir: dir, Workers: 2})
	if err != nil {
		t.Fatal(err)
	}
	if sum.Done != 48 || sum.Failed != 24+2 {
		t.Fatalf("done %d, failed %d; want 48 and 26", sum.Done, sum.Failed)
	}
	lines := strings.Split(strings.TrimSpace(string(read(t, filepath.Join(dir, RunsCSV)))), "\n")
	bad7 := ",,,,invalid sample: forces.manager.loss_of_control: 7 is out of range"
	for run, want := range map[int]string{3: ",,,,panic: boom", 5: ",,,,model refused", 24: bad7, 47: bad7} {
		if l := lines[1+run]; !strings.Contains(l, want) || !strings.HasPrefix(l, fmt.Sprint(run, ",")) {
			t.Errorf("run %d: %q, want %q in it", run, l, want)
		}
	}
	// Run 4 succeeded: outcomes (solved is never empty) and no error.
	if f := strings.Split(lines[1+4], ","); len(f) != 11 || f[7] == "" || f[10] != "" {
		t.Errorf("run 4: %q", lines[5])
	}
}

func TestMergeRefuses(t *testing.T) {
	s := tinySpec(t)
	shard := func(s *Spec, i, n int) string { return sweepInto(t, s, Options{Workers: 1, Shard: i, Shards: n}) }
	a1, a2, a3 := shard(s, 1, 3), shard(s, 2, 3), shard(s, 3, 3)
	other := tinySpec(t)
	other.Seed = 8
	b2 := shard(other, 2, 3)
	c2 := shard(s, 2, 2)
	unfinished := filepath.Join(t.TempDir(), "u")
	// Cancelled as its first run starts: the shard is left unfinished.
	ctx, cancel := context.WithCancel(context.Background())
	defer func(f func(*sim.Config, uint64) (*sim.Result, error)) { runModel = f }(runModel)
	runModel = func(c *sim.Config, seed uint64) (*sim.Result, error) {
		cancel()
		return sim.Run(c, seed)
	}
	if _, err := Run(ctx, s, Options{Dir: unfinished, Workers: 1, Shard: 3, Shards: 3}); !errors.Is(err, ErrInterrupted) {
		t.Fatalf("cancelled shard: %v", err)
	}
	runModel = sim.Run
	tests := []struct {
		name   string
		shards []string
		want   string
	}{
		{"missing", []string{a1, a3}, "missing shard 2/3"},
		{"overlapping", []string{a1, a2, a2, a3}, "shards overlap"},
		{"different sweeps", []string{a1, b2, a3}, "different sweeps"},
		{"different counts", []string{a1, c2, a3}, "shard counts differ"},
		{"unfinished", []string{a1, a2, unfinished}, "unfinished"},
		{"not a sweep", []string{a1, a2, t.TempDir()}, "not a sweep directory"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), "m")
			_, err := Merge(dir, tc.shards, "test")
			var me *MergeError
			if !errors.As(err, &me) || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("got %v, want a MergeError with %q", err, tc.want)
			}
			if _, err := os.Stat(dir); err == nil {
				t.Error("a refused merge created its directory")
			}
		})
	}
}

func TestDirectoryGuards(t *testing.T) {
	s := tinySpec(t)
	dir := sweepInto(t, s, Options{Workers: 1})
	var de *DirError
	if _, err := Run(context.Background(), s, Options{Dir: dir}); !errors.As(err, &de) || !strings.Contains(err.Error(), "not empty") {
		t.Errorf("a second sweep into a used directory: %v", err)
	}
	other := tinySpec(t)
	other.Replications = 3
	if _, err := Run(context.Background(), other, Options{Dir: dir, Resume: true}); !errors.As(err, &de) || !strings.Contains(err.Error(), "different sweep") {
		t.Errorf("resuming another sweep: %v", err)
	}
	if _, err := Run(context.Background(), s, Options{Dir: dir, Resume: true, Shard: 1, Shards: 2}); !errors.As(err, &de) || !strings.Contains(err.Error(), "shard") {
		t.Errorf("resuming as another shard: %v", err)
	}
	// Resuming a finished sweep changes nothing.
	before := read(t, filepath.Join(dir, RunsCSV))
	sum, err := Run(context.Background(), s, Options{Dir: dir, Resume: true})
	if err != nil || sum.Resumed != 12 || !bytes.Equal(before, read(t, filepath.Join(dir, RunsCSV))) {
		t.Errorf("resuming a finished sweep: %+v, %v", sum, err)
	}
}

func TestSlurmScripts(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "my sweep")
	submit, err := WriteSlurm(Slurm{Orgnet: "/opt/orgnet", File: "/data/s.toml", Dir: dir, Shards: 4, CPUs: 2, Name: "orgnet-s"})
	if err != nil {
		t.Fatal(err)
	}
	array := string(read(t, filepath.Join(dir, SlurmDir, "sweep.sbatch")))
	merge := string(read(t, filepath.Join(dir, SlurmDir, "merge.sbatch")))
	sub := string(read(t, submit))
	for _, want := range []string{"#SBATCH --array=1-4", "#SBATCH --cpus-per-task=2", `--shard "$i/4"`, "SLURM_ARRAY_TASK_ID", "--resume", fmt.Sprintf("'%s/shards'/\"$i\"", dir)} {
		if !strings.Contains(array, want) {
			t.Errorf("sweep.sbatch lacks %q:\n%s", want, array)
		}
	}
	if !strings.Contains(merge, "merge '"+dir+"'") || !strings.Contains(sub, "--dependency=afterok:") {
		t.Errorf("merge or submit script wrong:\n%s\n%s", merge, sub)
	}
	// Without a lasting binary (go run) the scripts require ORGNET and say
	// how to get one, instead of naming a deleted file.
	dir2 := filepath.Join(t.TempDir(), "gorun")
	if _, err := WriteSlurm(Slurm{File: "/data/s.toml", Dir: dir2, Shards: 2, Name: "orgnet-s"}); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"sweep.sbatch", "merge.sbatch"} {
		script := string(read(t, filepath.Join(dir2, SlurmDir, name)))
		var line string
		for _, l := range strings.Split(script, "\n") {
			if strings.HasPrefix(l, "ORGNET=") {
				line = l
			}
		}
		if !strings.Contains(line, "go install") {
			t.Errorf("%s does not say how to get a binary:\n%s", name, script)
		}
		cmd := exec.Command("bash", "-c", line+"; echo ran")
		cmd.Env = []string{"PATH=" + os.Getenv("PATH")}
		if out, err := cmd.CombinedOutput(); err == nil || strings.Contains(string(out), "ran") {
			t.Errorf("%s runs without ORGNET: %s", name, out)
		}
	}
}

// A folder left by a sweep that stopped before its first run finished (a
// journal without runs) does not block a new sweep there; a folder with
// finished runs or other files does, with advice that fits.
func TestLeftoverSetupDoesNotBlock(t *testing.T) {
	s := tinySpec(t)
	dir := filepath.Join(t.TempDir(), "out")
	os.MkdirAll(dir, 0o755)
	head := &journalHeader{Sweep: "0123", Version: "old", Shard: 1, Shards: 1}
	os.WriteFile(filepath.Join(dir, journalName), encodeLine(head), 0o644)
	os.WriteFile(filepath.Join(dir, ManifestName), []byte(`{"orgnet_version": "old"}`), 0o644)
	sweepInto(t, s, Options{Dir: dir, Workers: 1})

	// Now it holds runs: a new sweep there is refused and told to resume.
	if _, err := Run(context.Background(), s, Options{Dir: dir, Workers: 1}); err == nil || !strings.Contains(err.Error(), "--resume") {
		t.Errorf("a finished sweep's folder: %v", err)
	}
	other := t.TempDir()
	os.WriteFile(filepath.Join(other, "notes.txt"), []byte("x"), 0o644)
	if _, err := Run(context.Background(), s, Options{Dir: other, Workers: 1}); err == nil || strings.Contains(err.Error(), "--resume") {
		t.Errorf("a folder of other files: %v", err)
	}
	// Merging into a non-empty folder is refused with advice for merging.
	if _, err := Merge(other, []string{dir}, "test"); err == nil || !strings.Contains(err.Error(), "merge into a new or empty folder") {
		t.Errorf("merge into a non-empty folder: %v", err)
	}
}
