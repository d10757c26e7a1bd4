package sweep

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// Slurm describes a sweep to run on a Slurm cluster as a job array.
type Slurm struct {
	Orgnet     string // Absolute path of the orgnet binary on the cluster (ORGNET in the environment overrides it); "" if unknown: the scripts then need ORGNET.
	File       string // Absolute path of the sweep file.
	Dir        string // Absolute output directory: shards go to Dir/shards/i, the merged result to Dir.
	Shards     int    // Array tasks, one shard each.
	CPUs       int    // CPUs per array task (workers of each shard).
	Timeseries bool   // Record metric series.
	Name       string // Job name.
}

// Slurm layout inside the output directory.
const (
	SlurmDir  = "slurm"  // Scripts and logs.
	ShardsDir = "shards" // One directory per shard, named by its number.
)

// WriteSlurm writes DIR/slurm/sweep.sbatch (the job array: array task i
// runs shard i/n), DIR/slurm/merge.sbatch (merges the shards into DIR once
// every task succeeded) and DIR/slurm/submit.sh, which submits both with
// --dependency=afterok. It returns the path of submit.sh.
func WriteSlurm(c Slurm) (string, error) {
	if c.Shards < 1 {
		return "", fmt.Errorf("shards: %d; allowed: at least 1", c.Shards)
	}
	if c.CPUs < 1 {
		c.CPUs = 1
	}
	if _, err := freshDir(c.Dir); err != nil {
		return "", err
	}
	sdir := filepath.Join(c.Dir, SlurmDir)
	if err := os.MkdirAll(filepath.Join(sdir, "logs"), 0o755); err != nil {
		return "", err
	}
	ts := ""
	if c.Timeseries {
		ts = " --timeseries"
	}
	shards := filepath.Join(c.Dir, ShardsDir)
	orgnet := "ORGNET=${ORGNET:-" + shq(c.Orgnet) + "}"
	if c.Orgnet == "" {
		orgnet = `ORGNET=${ORGNET:?set ORGNET to the orgnet binary on the cluster, e.g. after go install github.com/orgnet/orgnet/cmd/orgnet@latest: ORGNET=$HOME/go/bin/orgnet}`
	}
	array := fmt.Sprintf(`#!/bin/bash
# Job array of the orgnet sweep %[1]s: array task i runs shard i/%[2]d.
# Submit with submit.sh (it also queues the merge). Add your cluster's
# limits below (time, partition, account, memory) as needed.
#SBATCH --job-name=%[3]s
#SBATCH --array=1-%[2]d
#SBATCH --cpus-per-task=%[4]d
#SBATCH --output=%[5]s/logs/shard-%%a.out
##SBATCH --time=02:00:00
##SBATCH --partition=PARTITION
set -euo pipefail
%[6]s
i=${SLURM_ARRAY_TASK_ID:?this script runs as a Slurm array task}
# --resume: a task that is requeued (node lost, preempted) continues where it stopped.
exec "$ORGNET" sweep %[7]s --shard "$i/%[2]d" --out %[8]s/"$i" --workers "${SLURM_CPUS_PER_TASK:-1}" --resume%[9]s
`, c.File, c.Shards, c.Name, c.CPUs, shq(sdir), orgnet, shq(c.File), shq(shards), ts)
	merge := fmt.Sprintf(`#!/bin/bash
# Merges the %[1]d shards of the orgnet sweep %[2]s into %[3]s.
#SBATCH --job-name=%[4]s-merge
#SBATCH --cpus-per-task=1
#SBATCH --output=%[5]s/logs/merge.out
set -euo pipefail
%[6]s
shards=()
for i in $(seq 1 %[1]d); do shards+=(%[7]s/"$i"); done
exec "$ORGNET" merge %[3]s "${shards[@]}"
`, c.Shards, c.File, shq(c.Dir), c.Name, shq(sdir), orgnet, shq(shards))
	submit := fmt.Sprintf(`#!/bin/bash
# Submits the sweep's job array and, after it succeeds, the merge job.
set -euo pipefail
cd %[1]s
array=$(sbatch --parsable sweep.sbatch)
array=${array%%%%;*}
merge=$(sbatch --parsable --dependency=afterok:"$array" merge.sbatch)
merge=${merge%%%%;*}
echo "submitted job array $array (%[2]d shards) and merge job $merge"
echo "follow with: squeue -j $array,$merge    logs: %[1]s/logs"
echo "result when done: %[3]s/runs.csv"
`, shq(sdir), c.Shards, c.Dir)
	if err := WriteScripts(sdir, map[string]string{"sweep.sbatch": array, "merge.sbatch": merge, "submit.sh": submit}); err != nil {
		return "", err
	}
	return filepath.Join(sdir, "submit.sh"), nil
}

// WriteScripts writes executable scripts (name to text) into dir, each
// through a temporary file and a rename.
func WriteScripts(dir string, scripts map[string]string) error {
	for name, text := range scripts {
		path := filepath.Join(dir, name)
		if err := writeFile(path, func(f *os.File) error {
			_, err := f.WriteString(text)
			return err
		}); err != nil {
			return err
		}
		if err := os.Chmod(path, 0o755); err != nil {
			return err
		}
	}
	return nil
}

// shq quotes a string for the shell.
func shq(s string) string {
	if s != "" && strings.Trim(s, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-./+=:,@") == "" {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}

// ShellQuote quotes a string for the shell (as the Slurm scripts do).
func ShellQuote(s string) string { return shq(s) }
