#!/bin/sh
# Calibrates the model on the seed's figures with the example file
# (orgnet calibrate --example) and keeps its posterior, calibration.json,
# report and plots in results/gallery/calibration, where the registry's
# sources, docs/ODD.md (section 1, Calibration) and `orgnet compare
# --posterior` use it. About 25 minutes on two cores. Run it after a change
# to a preset or a default (TestGalleryPosterior says when), then update the
# figures the registry and the ODD quote from the new report.
set -eu
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
go build -o "$work/orgnet" ./cmd/orgnet
"$work/orgnet" calibrate --example >"$work/calibration.toml"
# Run from the work folder, so that calibration.json names the file alone.
(cd "$work" && ./orgnet calibrate calibration.toml --out out)
gallery=results/gallery/calibration
mkdir -p "$gallery/plots"
cp "$work/calibration.toml" "$work/out/posterior.csv" "$work/out/calibration.json" "$work/out/report.html" "$gallery/"
cp "$work/out/plots/"*.png "$gallery/plots/"
echo "calibration-gallery: $gallery updated"
