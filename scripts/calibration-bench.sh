#!/usr/bin/env bash
# The size benchmark of `govsim calibrate` (docs/PERFORMANCE.md, "Calibrating to a district"):
# a year of records of a 100 000-resident district with about 200 000 cases (the volume of a
# 12345 hotline and a grid platform together: every domain's rate raised), imported by
# `govsim records`, then fitted with the default settings on every core. Prints both times.
#
#   scripts/calibration-bench.sh build/cli/govsim [OUT_DIR]
set -euo pipefail
govsim=${1:?usage: scripts/calibration-bench.sh GOVSIM [OUT_DIR]}
out=${2:-out/calibration-bench}
mkdir -p "$out"
district=(--set city.residents=100000 --set model.rates.dispute=0.035
          --set model.rates.administrative=0.95 --set model.rates.livelihood=0.71
          --set model.rates.environment=0.47 --set model.rates.safety=0.236)
"$govsim" synth baseline "${district[@]}" --days 395 --out "$out/records.csv" --overwrite

start=$(date +%s%N)
"$govsim" records "$out/records.csv" >/dev/null
import_ms=$((($(date +%s%N) - start) / 1000000))

start=$(date +%s%N)
"$govsim" calibrate baseline "${district[@]}" --records "$out/records.csv" \
  --out "$out/fitted.yaml" --report "$out/fit.html" --json "$out/fit.json" --overwrite --quiet
calibrate_s=$((($(date +%s%N) - start) / 1000000000))

cases=$(($(wc -l <"$out/records.csv") - 1))
printf 'import of %d records: %d ms (target < 5 s)\n' "$cases" "$import_ms"
printf 'calibrate: %d s (target < 600 s on 2 cores)\n' "$calibrate_s"
