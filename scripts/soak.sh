#!/usr/bin/env bash
# make soak: two long jobs that must run in flat memory. Too long for CI; run it before a release.
#
#   (a) one run of the baseline city for SOAK_DAYS days (default 3650, ten years);
#   (b) a sweep of SOAK_RUNS small runs (default 1000: classroom-town, 10 platform levels x
#       SOAK_RUNS/10 replications), every run stored in an SQLite file.
#
# Each job runs under a pseudo-terminal (script(1)), so that govsim draws its progress line; every
# SOAK_INTERVAL seconds (default 0.25) the resident set size (VmRSS in /proc/PID/status) is
# written with the progress so far to out/soak-run.csv and out/soak-sweep.csv
# ("seconds,progress,rss_kb"; progress is the simulated day, or the number of runs done). The
# summary shows the RSS every simulated year and every tenth of the sweep, and the growth of the
# peak from the first half of each job to the second. The script fails when that growth passes
# SOAK_MAX_GROWTH percent (default 10).
set -euo pipefail

GOVSIM=${GOVSIM:-build/cli/govsim}
OUT=${OUT:-out}
DAYS=${SOAK_DAYS:-3650}
RUNS=${SOAK_RUNS:-1000}
JOBS=${JOBS:-$(nproc)}
MAX_GROWTH=${SOAK_MAX_GROWTH:-10}
INTERVAL=${SOAK_INTERVAL:-0.25}  # seconds between samples
mkdir -p "$OUT"

# watch CSV PATTERN COMMAND...: runs COMMAND under a pseudo-terminal and samples its memory.
# PATTERN is an extended regular expression whose first number is the progress.
watch() {
  local csv=$1 pattern=$2
  shift 2
  local log command spid pid
  log=$(mktemp)
  printf -v command '%q ' "$@"
  script -qfec "exec $command" "$log" >/dev/null </dev/null &
  spid=$!
  pid=""
  for _ in $(seq 100); do
    pid=$(pgrep -P "$spid" | head -n 1 || true)
    [[ -n $pid ]] && break
    sleep 0.05
  done
  echo "seconds,progress,rss_kb" >"$csv"
  local start=$EPOCHREALTIME rss progress key value rest
  while [[ -n $pid && -r /proc/$pid/status ]]; do
    rss=""
    while read -r key value rest; do
      [[ $key == VmRSS: ]] && rss=$value && break
    done <"/proc/$pid/status" 2>/dev/null || true
    [[ -n $rss ]] || break
    progress=$(tail -c 2000 "$log" | tr '\r' '\n' | grep -oE "$pattern" | tail -n 1 |
      grep -oE '[0-9]+' | head -n 1 || true)
    awk -v a="$start" -v b="$EPOCHREALTIME" -v p="${progress:-0}" -v r="$rss" \
      'BEGIN { printf "%.2f,%s,%s\n", b - a, p, r }' >>"$csv"
    sleep "$INTERVAL"
  done
  local code=0
  wait "$spid" || code=$?
  if [[ $code -ne 0 ]]; then
    echo "soak: '$*' failed with exit code $code; its output:" >&2
    tr '\r' '\n' <"$log" | tail -n 20 >&2
    rm -f "$log"
    exit 1
  fi
  rm -f "$log"
}

# summarise CSV UNIT STEP TOTAL: the RSS at every STEP of progress, and the growth: the peak of
# the second half of the job against the peak of the first (allocators return memory unevenly, so
# single samples jitter by a few MiB).
summarise() {
  awk -F, -v unit="$2" -v step="$3" -v total="$4" -v limit="$MAX_GROWTH" '
    BEGIN { next_mark = 1 }
    NR == 1 { next }
    {
      t = $1; p = $2; r = $3; last_t = t; last_r = r
      if (p < total / 2) { if (r > first_peak) first_peak = r } else if (r > second_peak) second_peak = r
      while (p >= next_mark * step && next_mark * step <= total) {
        printf "  %s %6d  %7.2f s  RSS %6.1f MiB\n", unit, next_mark * step, t, r / 1024
        next_mark++
      }
    }
    END {
      if (second_peak == 0) second_peak = last_r
      growth = first_peak > 0 ? 100 * (second_peak - first_peak) / first_peak : 0
      printf "  end %14.2f s  RSS %6.1f MiB; peak of the first half %.1f MiB, of the second %.1f MiB: %+.1f %%\n",
             last_t, last_r / 1024, first_peak / 1024, second_peak / 1024, growth
      if (growth > limit) { printf "  memory grew by more than %s %%\n", limit; exit 1 }
    }' "$1"
}

echo "soak (a): $GOVSIM run baseline --days $DAYS"
start=$(date +%s)
watch "$OUT/soak-run.csv" 'day [0-9]+/' \
  "$GOVSIM" run baseline --days "$DAYS" --threads "$JOBS" --out "$OUT/soak-run"
echo "  took $(($(date +%s) - start)) s; RSS every simulated year ($OUT/soak-run.csv):"
summarise "$OUT/soak-run.csv" day 365 "$DAYS"

reps=$((RUNS / 10))
echo "soak (b): $GOVSIM sweep classroom-town, 10 platform levels x $reps replications"
start=$(date +%s)
watch "$OUT/soak-sweep.csv" '[0-9]+/[0-9]+ runs' \
  "$GOVSIM" sweep classroom-town --vary governance.platform.level=0:0.9:0.1 \
  --replications "$reps" --jobs "$JOBS" --db "$OUT/soak-sweep.db" --overwrite
echo "  took $(($(date +%s) - start)) s; RSS every $((RUNS / 10)) runs ($OUT/soak-sweep.csv):"
summarise "$OUT/soak-sweep.csv" runs $((RUNS / 10)) "$RUNS"
