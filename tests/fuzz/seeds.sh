#!/usr/bin/env bash
# Writes the seed inputs of the fuzz targets into OUT/{loader,city_table,geojson,checkpoint}, from
# the shipped scenarios, the city tables and the test fixtures; the checkpoints are written by
# the built fuzz_checkpoint (BUILD/tests/fuzz, BUILD being OUT's parent) when it exists.
# Usage: tests/fuzz/seeds.sh OUT
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
out=${1:?usage: seeds.sh OUT}
mkdir -p "$out/loader" "$out/city_table" "$out/geojson"

sep=$'\n#==\n'  # separates the parts of a loader input (see fuzz_loader.cpp)
n=0
seed() { n=$((n + 1)); printf '%s' "$1" > "$out/loader/seed-$n"; }

csv=$(cat "$root/scenarios/cities/sample-district.csv")
geojson=$(cat "$root/tests/scenarios/geojson/square-km.geojson")
overrides=$'governance.platform.level=0.8\ncity.grids=40\nrun.days=30\nrun.seed=7'

for f in "$root"/scenarios/*.yaml "$root"/tests/scenarios/good/*.yaml \
         "$root"/tests/scenarios/broken/*.yaml "$root"/tests/scenarios/geojson/*.yaml; do
  text=$(cat "$f")
  # City tables are read beside main.yaml, as city.csv or city.geojson.
  text=$(printf '%s' "$text" | sed -E 's#(table: *).*\.csv#\1city.csv#; s#(table: *).*\.(geo)?json#\1city.geojson#')
  seed "$text$sep$sep$sep$csv$sep$geojson"
  # The same as the parent of a small child, with overrides.
  seed "extends: parent.yaml"$'\nrun:\n  days: 20\n'"$sep$text$sep$overrides$sep$csv$sep$geojson"
done
seed "extends: parent.yaml$sep""extends: main.yaml"  # a cycle
seed "city:"$'\n  table: city.geojson\n'"$sep$sep$overrides$sep$sep$geojson"

cp "$root"/scenarios/cities/*.csv "$root"/tests/scenarios/broken/*.csv "$out/city_table/"
cp "$root"/scenarios/cities/*.geojson "$root"/tests/scenarios/geojson/*.geojson "$out/geojson/"

# Checkpoint payloads of a few small runs, written by the target itself (see fuzz_checkpoint.cpp).
checkpoint_target=$(cd "$(dirname "$out")" && pwd)/tests/fuzz/fuzz_checkpoint
if [[ -x "$checkpoint_target" ]]; then
  mkdir -p "$out/checkpoint"
  (cd "$root" && GOVSIM_FUZZ_CHECKPOINT_SEEDS="$(cd "$out" && pwd)/checkpoint" "$checkpoint_target")
fi
