#!/bin/bash
# Runs a calibration three ways and checks that they agree byte for byte:
#   1. --workers 2, timed (the reference);
#   2. --workers 1;
#   3. --workers 2, killed (SIGKILL) after KILL_AFTER seconds, then --resume.
# Runs 2 and 3 go side by side, one core each. Every output but the journal
# (whose lines come in the order simulations finish) and calibration.json's
# timing fields must be identical.
#
# Usage: sh scripts/calibration-check.sh [FILE.toml]
# Without FILE it checks the example (orgnet calibrate --example): about 25
# minutes for run 1 and 50 for runs 2 and 3 on two cores. A file with a small
# population and budget checks the same in a minute or two.
# Environment: CHECK_DIR (work folder, default a new temporary one, kept),
# KILL_AFTER (seconds, default a third of run 1's time).
set -eu

cd "$(dirname "$0")/.."
work=${CHECK_DIR:-$(mktemp -d)}
mkdir -p "$work"
say() { echo "calibration-check: $*"; }

go build -o "$work/orgnet" ./cmd/orgnet
if [ $# -ge 1 ]; then
	cp "$1" "$work/calibration.toml"
else
	"$work/orgnet" calibrate --example >"$work/calibration.toml"
fi
cal() { "$work/orgnet" calibrate "$work/calibration.toml" -q "$@"; }

say "run 1: --workers 2 (timed)"
start=$(date +%s)
cal --out "$work/w2" --workers 2
secs=$(($(date +%s) - start))
say "run 1 took ${secs} s on $(nproc) cores"

kill_after=${KILL_AFTER:-$((secs / 3 + 1))}
say "runs 2 and 3: --workers 1, and --workers 2 killed after ${kill_after} s then resumed"
cal --out "$work/w1" --workers 1 &
w1=$!
cal --out "$work/kr" --workers 2 &
kr=$!
sleep "$kill_after"
if kill -KILL "$kr" 2>/dev/null; then
	say "killed run 3 after ${kill_after} s; $(wc -l <"$work/kr/calibration.journal") journal lines"
else
	say "run 3 finished before the kill; lower KILL_AFTER" >&2
	exit 1
fi
wait "$kr" 2>/dev/null || true
cal --out "$work/kr" --workers 2 --resume
wait "$w1"

# Compare everything but the journal, with the timing fields blanked.
strip() {
	(cd "$1" && find . -type f ! -name calibration.journal | sort | while read -r f; do
		echo "== $f"
		if [ "$(basename "$f")" = calibration.json ]; then
			sed -E 's/"(started|finished|elapsed_seconds|workers|resumed_simulations)": [^,]*//' "$f"
		else
			sha256sum <"$f"
		fi
	done)
}
strip "$work/w2" >"$work/w2.sum"
bad=0
for run in w1 kr; do
	strip "$work/$run" >"$work/$run.sum"
	if cmp -s "$work/w2.sum" "$work/$run.sum"; then
		say "$run: identical to run 1 ($(grep -c '^==' "$work/$run.sum") files)"
	else
		say "$run: differs from run 1:" >&2
		diff "$work/w2.sum" "$work/$run.sum" | head -20 >&2
		bad=1
	fi
done
say "outputs in $work"
exit $bad
