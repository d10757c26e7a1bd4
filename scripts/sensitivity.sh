#!/bin/sh
# Global sensitivity of orgnet to its modelling assumptions (docs/SENSITIVITY.md).
#
# For each case preset: a Sobol sweep over every registry parameter whose
# source is a modelling assumption, run with `orgnet sweep` and analysed with
# `orgnet analyse`; then docs/SENSITIVITY.md and docs/sensitivity/*.png are
# written from the analyses.
#
#   sh scripts/sensitivity.sh          # N=256, REPS=2: half an hour to an hour on two cores
#   N=16 sh scripts/sensitivity.sh     # a few minutes, to try it out
#
# Settings (environment): N Sobol base rows (256), REPS replications per
# point (2), WORKERS parallel runs (2), OUT results folder
# (results/sensitivity/nN-rREPS), DOCS documentation folder (docs).
# Running the same command again finishes an interrupted analysis from the
# sweeps' journals (orgnet sweep --resume) and reuses a finished one.
set -eu
N=${N:-256}
REPS=${REPS:-2}
WORKERS=${WORKERS:-2}
OUT=${OUT:-results/sensitivity/n$N-r$REPS}
DOCS=${DOCS:-docs}

mkdir -p "$OUT"
go build -o "$OUT/orgnet" ./cmd/orgnet
go run ./scripts/sensitivity sweeps -samples "$N" -reps "$REPS" -out "$OUT"
for c in $(go run ./scripts/sensitivity cases); do
	resume=
	if [ -f "$OUT/$c/runs.journal" ]; then
		resume=--resume
	fi
	"$OUT/orgnet" sweep "$OUT/$c.toml" --out "$OUT/$c" --workers "$WORKERS" --quiet $resume
	"$OUT/orgnet" analyse "$OUT/$c" >/dev/null
done
command="N=$N REPS=$REPS sh scripts/sensitivity.sh"
if [ "$N" = 256 ] && [ "$REPS" = 2 ]; then
	command="sh scripts/sensitivity.sh"
fi
go run ./scripts/sensitivity doc -in "$OUT" -docs "$DOCS" -command "$command"
echo "wrote $DOCS/SENSITIVITY.md"
