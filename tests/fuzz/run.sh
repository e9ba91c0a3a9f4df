#!/usr/bin/env bash
# Runs one fuzz target: first over its committed corpus (tests/fuzz/corpus/TARGET) and the seeds,
# then fuzzes for SECONDS. New inputs go to BUILD/fuzz-corpus/TARGET (never into the source
# tree); a crashing, hanging or leaking input is saved under BUILD/fuzz-artifacts/ and the script
# exits nonzero.
# Usage: tests/fuzz/run.sh BUILD TARGET SECONDS  (TARGET: loader, city_table, geojson, checkpoint)
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
build=${1:?usage: run.sh BUILD TARGET SECONDS}
target=${2:?usage: run.sh BUILD TARGET SECONDS}
seconds=${3:?usage: run.sh BUILD TARGET SECONDS}
timeout=${FUZZ_TIMEOUT:-5}

case "$target" in
  loader) dict=yaml.dict max_len=8192 ;;
  city_table) dict=csv.dict max_len=4096 ;;
  geojson) dict=geojson.dict max_len=16384 ;;
  checkpoint) dict="" max_len=131072 ;;  # a small run's payload is some 60-100 KB
  *) echo "run.sh: unknown target '$target' (loader, city_table, geojson, checkpoint)" >&2
     exit 2 ;;
esac

binary=$build/tests/fuzz/fuzz_$target
corpus=$root/tests/fuzz/corpus/$target
seeds=$build/fuzz-seeds/$target
work=$build/fuzz-corpus/$target
artifacts=$build/fuzz-artifacts
mkdir -p "$work" "$artifacts" "$corpus"
[[ -d "$seeds" ]] || "$root/tests/fuzz/seeds.sh" "$build/fuzz-seeds" >/dev/null

flags=(-timeout="$timeout" -rss_limit_mb=2048 ${dict:+-dict="$root/tests/fuzz/$dict"}
       -artifact_prefix="$artifacts/$target-" -print_final_stats=1)
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}

# Whole files first: the corpus keeps findings larger than the fuzzing length limit.
echo "fuzz $target: the committed corpus and the seeds" >&2
"$binary" "${flags[@]}" -runs=0 "$corpus" "$seeds"
echo "fuzz $target: fuzzing for $seconds s" >&2
"$binary" "${flags[@]}" -max_len="$max_len" -max_total_time="$seconds" "$work" "$corpus" "$seeds"
