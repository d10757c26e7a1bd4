#!/bin/bash
# Runs a small orgnet sweep and a tiny calibration on a single-node Slurm
# cluster started here, and checks that their results (the merged job array;
# the calibration's posterior) equal local runs'.
#
# Needs root (it installs slurm-wlm from Debian if sbatch is missing and starts
# slurmctld and slurmd without systemd). Used by .ci/run; run it by hand with
#   sudo bash scripts/slurm-local.sh
# Environment: SLURM_TEST_DIR (work folder, default a new temporary one),
# SLURM_TEST_TIMEOUT (seconds to wait for the jobs, default 600).
set -euo pipefail

cd "$(dirname "$0")/.."
root=$(pwd)
work=${SLURM_TEST_DIR:-}
keep=1
if [ -z "$work" ]; then
	work=$(mktemp -d)
	keep=0
fi
timeout=${SLURM_TEST_TIMEOUT:-600}
mkdir -p "$work"
say() { echo "slurm-local: $*"; }

if [ "$(id -u)" != 0 ]; then
	say "needs root (to install and start Slurm)" >&2
	exit 1
fi
if ! command -v sbatch >/dev/null || ! command -v slurmctld >/dev/null; then
	say "installing slurm-wlm"
	export DEBIAN_FRONTEND=noninteractive
	apt-get update -qq
	apt-get install -y -qq slurm-wlm >"$work/apt.log" 2>&1 || { cat "$work/apt.log"; exit 1; }
fi

say "building orgnet"
go build -o "$work/orgnet" ./cmd/orgnet

# A single-node cluster: no cgroup.conf, no accounting, no munge.
conf="$work/etc/slurm.conf"
state="$work/state"
mkdir -p "$work/etc" "$state/ctld" "$state/spool"
host=$(hostname -s)
cpus=$(nproc)
mem=$(( $(awk '/MemTotal/ {print int($2/1024)}' /proc/meminfo) * 9 / 10 ))
cat >"$conf" <<CONF
ClusterName=orgnet-test
SlurmctldHost=$host(127.0.0.1)
SlurmUser=root
SlurmdUser=root
AuthType=auth/none
CredType=cred/none
MpiDefault=none
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
JobCompType=jobcomp/none
SchedulerType=sched/backfill
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
ReturnToService=2
StateSaveLocation=$state/ctld
SlurmdSpoolDir=$state/spool
SlurmctldPidFile=$state/slurmctld.pid
SlurmdPidFile=$state/slurmd.pid
SlurmctldLogFile=$state/slurmctld.log
SlurmdLogFile=$state/slurmd.log
NodeName=localhost NodeHostname=$host NodeAddr=127.0.0.1 CPUs=$cpus RealMemory=$mem State=UNKNOWN
PartitionName=test Nodes=localhost Default=YES MaxTime=INFINITE State=UP
CONF
export SLURM_CONF=$conf

pids=()
cleanup() {
	for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
	wait 2>/dev/null || true
	if [ "$keep" = 0 ] && [ "${ok:-0}" = 1 ]; then rm -rf "$work"; fi
}
trap cleanup EXIT

say "starting slurmctld and slurmd"
slurmctld -D -i -f "$conf" >"$state/slurmctld.out" 2>&1 &
pids+=($!)
slurmd -D -N localhost -f "$conf" >"$state/slurmd.out" 2>&1 &
pids+=($!)
for _ in $(seq 1 60); do
	s=$(sinfo -h -n localhost -o %T 2>/dev/null || true)
	case "$s" in idle*|mixed*|allocated*) break ;; esac
	sleep 0.5
done
s=$(sinfo -h -n localhost -o %T 2>/dev/null || true)
case "$s" in
idle*|mixed*|allocated*) say "node is $s" ;;
*)
	say "the node did not come up (state: '$s')" >&2
	tail -n 20 "$state"/slurm*.log "$state"/slurm*.out >&2 || true
	exit 1
	;;
esac

# 40 runs of one simulated year, in 4 shards.
cat >"$work/sweep.toml" <<'SWEEP'
base = "bossche-bond"
method = "lhs"
samples = 20
replications = 2
seed = 42
years = 1

[[parameters]]
path = "forces.manager.loss_of_control"
min = 0.0
max = 1.0

[[parameters]]
path = "network.governance"
values = ["shared", "lead", "nao"]

[[outcomes]]
name = "solved"
metric = "cases_solved_cum"

[[outcomes]]
name = "manager"
metric = "orientation_manager"
stat = "mean"

# Never reached: its plots cannot be drawn, which is a warning, not a failure.
[[outcomes]]
name = "never"
metric = "trust"
stat = "time_to"
threshold = 2
SWEEP

rm -rf "$work/cluster" "$work/local"
"$work/orgnet" sweep "$work/sweep.toml" --slurm --shards 4 --out "$work/cluster"
bash "$work/cluster/slurm/submit.sh"

say "waiting for the jobs (at most ${timeout}s)"
start=$(date +%s)
while [ -n "$(squeue -h -o %i 2>/dev/null)" ]; do
	if [ $(( $(date +%s) - start )) -gt "$timeout" ]; then
		say "jobs did not finish in time" >&2
		squeue >&2 || true
		exit 1
	fi
	sleep 1
done
say "jobs done after $(( $(date +%s) - start ))s"
if [ ! -f "$work/cluster/runs.csv" ]; then
	say "no merged runs.csv; logs:" >&2
	tail -n 20 "$work"/cluster/slurm/logs/* >&2 || true
	exit 1
fi

# The merge job exits 0 although one outcome is never reached (its plots are
# empty or, where they cannot be drawn, a warning), and that outcome is an
# empty (missing) cell in every run.
if grep -q "^orgnet merge:" "$work/cluster/slurm/logs/merge.out"; then
	say "FAIL: the merge job failed:" >&2
	cat "$work/cluster/slurm/logs/merge.out" >&2
	exit 1
fi
col=$(head -n 1 "$work/cluster/runs.csv" | tr ',' '\n' | grep -n '^never$' | cut -d: -f1)
if [ -z "$col" ] || [ -n "$(tail -n +2 "$work/cluster/runs.csv" | cut -d, -f"$col" | grep -v '^$' | head -n 1)" ]; then
	say "FAIL: the never-reached outcome is not an empty cell in every run" >&2
	exit 1
fi

"$work/orgnet" sweep "$work/sweep.toml" --out "$work/local" --quiet
if ! cmp "$work/cluster/runs.csv" "$work/local/runs.csv"; then
	say "FAIL: the merged runs.csv differs from a local run's" >&2
	diff "$work/cluster/runs.csv" "$work/local/runs.csv" | head -20 >&2
	exit 1
fi
say "OK: merged runs.csv of $(( $(wc -l <"$work/local/runs.csv") - 1 )) runs from 4 array tasks equals the local run's"

# A tiny calibration (two generations of six particles): driver.sh runs each
# batch of simulations as a job array of 2 tasks; the posterior and the
# report must equal a local run's byte for byte.
"$work/orgnet" calibrate --example | sed -e 's/^population = 500/population = 6/' -e 's/^generations = 12/generations = 2/' \
	-e 's/^max_simulations = 40000/max_simulations = 60/' -e 's/^predictive = 200/predictive = 3/' -e 's/^replications = 4 /replications = 1 /' >"$work/calibration.toml"
rm -rf "$work/cal-cluster" "$work/cal-local"
"$work/orgnet" calibrate "$work/calibration.toml" --slurm --tasks 2 --out "$work/cal-cluster"
say "running the calibration's driver (at most ${timeout}s)"
start=$(date +%s)
if ! timeout "$timeout" bash "$work/cal-cluster/slurm/driver.sh"; then
	say "FAIL: the calibration's driver failed; logs:" >&2
	tail -n 20 "$work"/cal-cluster/slurm/logs/* >&2 || true
	exit 1
fi
batches=$(ls "$work/cal-cluster/slurm/batches" | wc -l)
say "calibration done after $(( $(date +%s) - start ))s, $batches job arrays"
"$work/orgnet" calibrate "$work/calibration.toml" --out "$work/cal-local" -q
for f in posterior.csv posterior.parquet report.html; do
	if ! cmp "$work/cal-cluster/$f" "$work/cal-local/$f"; then
		say "FAIL: the calibration's $f on Slurm differs from a local run's" >&2
		exit 1
	fi
done
say "OK: the calibration's posterior and report from $batches job arrays equal a local run's"
ok=1
