package calibrate

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strings"

	"github.com/orgnet/orgnet/calibrate/abc"
	"github.com/orgnet/orgnet/sweep"
)

// On a Slurm cluster a calibration runs as a loop (slurm/driver.sh, on the
// login node or as a job of its own): `orgnet calibrate FILE --out DIR
// --step` replays the journal and advances until it needs a batch of
// simulations; it writes the batch (slurm/batches/ID/jobs.json), names it
// in slurm/pending and exits with status 3. The driver then runs the batch
// as a job array (`sbatch --wait`), whose task i of n runs `orgnet
// calibrate FILE --out DIR --task i/n`: the batch's jobs k with k % n ==
// i-1, into slurm/batches/ID/task-i.journal. The next step reads the
// tasks' results into the journal and goes on. The batches are the ones a
// local run makes, so the result is the same.

// SlurmDir is the folder of a calibration's Slurm scripts, batches and
// logs inside its output folder.
const SlurmDir = "slurm"

// ErrPending is returned (wrapped) by Run with a Slurm evaluator when a
// batch of simulations waits to be run by a job array.
var ErrPending = errors.New("a batch of simulations is pending")

const pendingName = "pending"

// Slurm is the Evaluator of a calibration's driver step on a cluster.
type Slurm struct {
	Dir   string // The calibration's output folder.
	Tasks int    // Array tasks per batch.
	Hash  string // Spec.Hash of the calibration: tasks check they run the same one.
}

// batchFile is a batch's jobs.json.
type batchFile struct {
	Calibration string    `json:"orgnet_calibration"`
	Jobs        []abc.Job `json:"jobs"`
}

func (c *Slurm) batchDir(id string) string { return filepath.Join(c.Dir, SlurmDir, "batches", id) }

// Evaluate returns the batch's results when its tasks have written them,
// else writes the batch for the job array and returns ErrPending.
func (c *Slurm) Evaluate(ctx context.Context, jobs []abc.Job, done func(i int, e abc.Eval) error) error {
	id := fmt.Sprintf("g%d-i%d-n%d", jobs[0].Gen, jobs[0].Index, len(jobs))
	dir := c.batchDir(id)
	found := map[[2]int]journalLine{}
	complete := true
	for t := 1; t <= c.Tasks; t++ {
		data, err := os.ReadFile(filepath.Join(dir, fmt.Sprintf("task-%d.journal", t)))
		if err != nil {
			complete = false
			break
		}
		for _, line := range bytes.Split(bytes.TrimSuffix(data, []byte("\n")), []byte("\n")) {
			var l journalLine
			if len(line) > 0 && sweep.DecodeLine(line, &l) {
				found[[2]int{l.Gen, l.Index}] = l
			}
		}
	}
	if complete {
		for i, j := range jobs {
			l, ok := found[[2]int{j.Gen, j.Index}]
			if !ok {
				return fmt.Errorf("batch %s: the tasks' results lack attempt %d of generation %d", id, j.Index, j.Gen)
			}
			if err := done(i, evalOf(l)); err != nil {
				return err
			}
		}
		return os.Remove(filepath.Join(c.Dir, SlurmDir, pendingName))
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	if err := sweep.WriteFile(filepath.Join(dir, "jobs.json"), func(f *os.File) error {
		return json.NewEncoder(f).Encode(batchFile{Calibration: c.Hash, Jobs: jobs})
	}); err != nil {
		return err
	}
	if err := sweep.WriteFile(filepath.Join(c.Dir, SlurmDir, pendingName), func(f *os.File) error {
		_, err := f.WriteString(id + "\n")
		return err
	}); err != nil {
		return err
	}
	return fmt.Errorf("%w: batch %s of %d simulations", ErrPending, id, len(jobs))
}

// RunTask runs task i of n of the pending batch of the calibration in dir
// on workers goroutines, and writes its results.
func RunTask(ctx context.Context, s *Spec, dir string, i, n, workers int) (int, error) {
	data, err := os.ReadFile(filepath.Join(dir, SlurmDir, pendingName))
	if err != nil {
		return 0, fmt.Errorf("no pending batch in %s: %w", dir, err)
	}
	id := strings.TrimSpace(string(data))
	c := &Slurm{Dir: dir, Tasks: n}
	raw, err := os.ReadFile(filepath.Join(c.batchDir(id), "jobs.json"))
	if err != nil {
		return 0, err
	}
	var b batchFile
	if err := json.Unmarshal(raw, &b); err != nil {
		return 0, fmt.Errorf("batch %s: %w", id, err)
	}
	if b.Calibration != s.Hash() {
		return 0, &DirError{dir, fmt.Sprintf("batch %s belongs to calibration %s, not to this file's %s: the file changed since the driver started", id, b.Calibration, s.Hash())}
	}
	all := b.Jobs
	var mine []abc.Job
	for k, j := range all {
		if k%n == i-1 {
			mine = append(mine, j)
		}
	}
	out := make([][]byte, len(mine))
	pool := &abc.Pool{Sim: s.Simulate, Workers: workers}
	if err := pool.Evaluate(ctx, mine, func(k int, e abc.Eval) error {
		if math.IsNaN(e.Distance) {
			e.Distance = math.Inf(1)
		}
		out[k] = lineOf(mine[k], e)
		return nil
	}); err != nil {
		return 0, err
	}
	return len(mine), sweep.WriteFile(filepath.Join(c.batchDir(id), fmt.Sprintf("task-%d.journal", i)), func(f *os.File) error {
		_, err := f.Write(bytes.Join(out, nil))
		return err
	})
}

// SlurmScripts describes the scripts WriteSlurm writes.
type SlurmScripts struct {
	Orgnet string // Absolute path of the orgnet binary (ORGNET overrides it).
	File   string // Absolute path of the calibration file.
	Dir    string // Absolute output folder.
	Tasks  int    // Array tasks per batch.
	CPUs   int    // CPUs per task.
	Name   string // Job name.
}

// WriteSlurm writes DIR/slurm/batch.sbatch (the job array of one batch),
// DIR/slurm/driver.sh (the loop of steps and batches, to run on a login
// node) and DIR/slurm/driver.sbatch (the same loop as a job). It returns
// the path of driver.sh.
func WriteSlurm(c SlurmScripts) (string, error) {
	if c.Tasks < 1 {
		return "", fmt.Errorf("tasks: %d; allowed: at least 1", c.Tasks)
	}
	c.CPUs = max(c.CPUs, 1)
	if entries, err := os.ReadDir(c.Dir); err == nil && len(entries) > 0 {
		return "", &DirError{c.Dir, "is not empty; choose another --out"}
	}
	sdir := filepath.Join(c.Dir, SlurmDir)
	if err := os.MkdirAll(filepath.Join(sdir, "logs"), 0o755); err != nil {
		return "", err
	}
	q := sweep.ShellQuote
	batch := fmt.Sprintf(`#!/bin/bash
# One batch of the orgnet calibration %[1]s as a job array: task i of %[2]d
# runs the pending batch's simulations k with k %% %[2]d == i-1.
#SBATCH --job-name=%[3]s
#SBATCH --array=1-%[2]d
#SBATCH --cpus-per-task=%[4]d
#SBATCH --output=%[5]s/logs/task-%%A-%%a.out
##SBATCH --time=01:00:00
##SBATCH --partition=PARTITION
set -euo pipefail
ORGNET=${ORGNET:-%[6]s}
i=${SLURM_ARRAY_TASK_ID:?this script runs as a Slurm array task}
exec "$ORGNET" calibrate %[7]s --out %[8]s --task "$i/%[2]d" --workers "${SLURM_CPUS_PER_TASK:-1}"
`, c.File, c.Tasks, c.Name, c.CPUs, q(sdir), q(c.Orgnet), q(c.File), q(c.Dir))
	driver := fmt.Sprintf(`#!/bin/bash
# Runs the orgnet calibration %[1]s on Slurm: each step advances the
# calibration until it needs a batch of simulations, which runs as a job
# array (batch.sbatch); repeat until done. Safe to restart: the journal
# keeps every finished simulation.
set -uo pipefail
ORGNET=${ORGNET:-%[2]s}
export ORGNET
while :; do
	"$ORGNET" calibrate %[3]s --out %[4]s --step --tasks %[5]d -q
	rc=$?
	case $rc in
	0) echo "calibration done: %[4]s/report.html"; exit 0 ;;
	3) sbatch --wait %[6]s/batch.sbatch >/dev/null || { echo "a batch job failed; see %[6]s/logs" >&2; exit 1; } ;;
	*) exit $rc ;;
	esac
done
`, c.File, q(c.Orgnet), q(c.File), q(c.Dir), c.Tasks, q(sdir))
	driverJob := fmt.Sprintf(`#!/bin/bash
# The driver loop of the orgnet calibration %[1]s as a job of one CPU.
#SBATCH --job-name=%[2]s-driver
#SBATCH --cpus-per-task=1
#SBATCH --output=%[3]s/logs/driver.out
exec bash %[3]s/driver.sh
`, c.File, c.Name, q(sdir))
	if err := sweep.WriteScripts(sdir, map[string]string{"batch.sbatch": batch, "driver.sh": driver, "driver.sbatch": driverJob}); err != nil {
		return "", err
	}
	return filepath.Join(sdir, "driver.sh"), nil
}
