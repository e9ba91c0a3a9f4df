#!/usr/bin/env bash
# Parameter recovery of `govsim calibrate` at full size (docs/CALIBRATION.md, "Fitting to a
# district's records"): for each city and seed, records of a year are synthesised from the city
# with keys moved away from the scenario's values (the truth), the scenario is fitted to them with
# the default settings, and each fitted key's 95 % interval is checked against the truth. Prints
# one line per fit and the coverage; writes the fits into the folder given (default
# out/recovery). The CI test (tests/experiments/test_calibrate.cpp) does the same at a small size.
#
#   scripts/calibration-recovery.sh build/cli/govsim [OUT_DIR] [SEEDS...]
set -euo pipefail
govsim=${1:?usage: scripts/calibration-recovery.sh GOVSIM [OUT_DIR] [SEEDS...]}
out=${2:-out/recovery}
shift $(($# < 2 ? $# : 2))
seeds=("$@")
[[ ${#seeds[@]} -gt 0 ]] || seeds=(11 12 13)
mkdir -p "$out"

# The truth: two rates, two handling times and three behavioural coefficients moved.
truth=(model.rates.dispute=0.0098 model.rates.environment=0.0364
       model.process_median_h.small=18 model.process_median_h.big=50
       model.behaviour.effort.process_sigma=0.6 model.behaviour.routing.lost_on_bounce=0.2
       model.behaviour.success.staff_task=0.7)
sets=()
for t in "${truth[@]}"; do sets+=(--set "$t"); done

for city in baseline modern; do
  for seed in "${seeds[@]}"; do
    name="$out/$city-$seed"
    "$govsim" synth "$city" "${sets[@]}" --days 395 --seed "$seed" --start 2025-01-01 \
      --out "$name-records.csv" --overwrite >/dev/null
    start=$(date +%s)
    "$govsim" calibrate "$city" --records "$name-records.csv" --out "$name-fitted.yaml" \
      --json "$name-fit.json" --report "$name-fit.html" --overwrite --quiet >/dev/null
    echo "$city seed $seed: $(($(date +%s) - start)) s"
  done
done

python3 - "$out" "${truth[@]}" <<'EOF'
import glob, json, sys
out, truth = sys.argv[1], dict(t.split("=") for t in sys.argv[2:])
covered = total = identified = 0
for path in sorted(glob.glob(out + "/*-fit.json")):
    fit = json.load(open(path))
    for k in fit["keys"]:
        t = float(truth.get(k["key"], k["start"]))
        inside = k["low"] <= t <= k["high"]
        covered += inside
        identified += k["identified"]
        total += 1
        if not inside:
            print(f"  {path.split('/')[-1]}: {k['key']} = {t:g} outside "
                  f"[{k['low']:.4g}, {k['high']:.4g}] (fitted {k['value']:.4g})")
print(f"covered {covered} of {total} ({100 * covered / total:.1f} %); "
      f"identified {identified} of {total}")
EOF
