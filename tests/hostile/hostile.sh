#!/usr/bin/env bash
# Hostile input against the govsim binary: one reproduction of issue 18 per case, each a CTest
# test (tests/hostile/CMakeLists.txt). Usage: hostile.sh GOVSIM WORKDIR CASE
# Every case checks the exit code (2 for a user's mistake, never 1 or a signal), the message, and
# that nothing already written was lost.
set -uo pipefail
govsim=${1:?usage: hostile.sh GOVSIM WORKDIR CASE}
work=${2:?}
case_name=${3:?}
rm -rf "$work/$case_name" && mkdir -p "$work/$case_name" && cd "$work/$case_name" || exit 1

small=(--set city.residents=600 --set city.grids=6 --set city.communities=3 --set city.streets=1
       --set run.warmup_days=0)

fail() { echo "FAIL ($case_name): $*" >&2; exit 1; }
# expect CODE TEXT -- command...: runs it, checks the exit code and that stderr holds TEXT.
expect() {
  local want=$1 text=$2
  shift 3
  timeout 60 "$@" >out.txt 2>err.txt
  local got=$?
  [[ $got == "$want" ]] || { cat out.txt err.txt >&2; fail "exit $got, wanted $want: $*"; }
  [[ -z $text ]] || grep -qF -- "$text" err.txt || { cat err.txt >&2; fail "stderr lacks '$text': $*"; }
}
small_db() {  # a finished experiment of two runs in $1
  "$govsim" compare baseline --days 4 -r 2 -q "${small[@]}" --db "$1" >/dev/null 2>&1 ||
    fail "could not make a small database"
}
same_bytes() { cmp -s "$1" "$2" || fail "$1 was changed"; }

case "$case_name" in
  # 1: checkpoints that are not regular files.
  resume_dev_zero) expect 2 "not a regular file" -- "$govsim" resume /dev/zero ;;
  resume_fifo) mkfifo fifo; expect 2 "FIFO" -- "$govsim" resume fifo ;;
  resume_directory) mkdir d; expect 2 "a directory" -- "$govsim" resume d ;;
  # 2: an output written over the database.
  report_over_db)
    small_db x.db; cp x.db before.db
    expect 2 "is the same file as" -- "$govsim" report x.db --out x.db
    expect 2 "is the same file as" -- "$govsim" report x.db --out ./sub/../x.db
    ln -s x.db link.html
    expect 2 "is the same file as" -- "$govsim" report x.db --out link.html
    same_bytes x.db before.db ;;
  compare_report_over_db)
    small_db x.db; cp x.db before.db
    expect 2 "is the same file as" -- "$govsim" compare baseline --days 4 -r 40 -q "${small[@]}" \
      --db x.db --resume --report x.db
    same_bytes x.db before.db ;;
  sensitivity_json_over_db)
    expect 2 "is the same file as" -- "$govsim" sensitivity baseline --days 4 -q "${small[@]}" \
      --trajectories 2 --db s.db --json s.db
    [[ ! -s s.db ]] || "$govsim" export s.db --csv csv >/dev/null 2>&1 ||
      fail "s.db is no longer a readable database" ;;
  # 3: --overwrite of something that is not a results database.
  overwrite_device)
    ln -s /dev/null mynull
    expect 2 "character device" -- "$govsim" compare baseline --days 4 -r 1 -q "${small[@]}" \
      --db mynull --overwrite
    [[ -L mynull && -c /dev/null ]] || fail "the device or its link was removed" ;;
  overwrite_fifo)
    mkfifo f.db
    expect 2 "FIFO" -- "$govsim" compare baseline --days 4 -r 1 -q "${small[@]}" --db f.db --overwrite
    [[ -p f.db ]] || fail "the FIFO was removed" ;;
  # 4: a second writer, or an --overwrite, while an experiment writes.
  second_writer)
    "$govsim" compare baseline --days 800 -r 20 -j 1 -q "${small[@]}" --db ow.db >a.out 2>a.err &
    a=$!
    for _ in $(seq 100); do [[ -s ow.db ]] && break; sleep 0.1; done
    expect 2 "being written by another govsim" -- "$govsim" compare baseline --days 4 -r 2 -q \
      "${small[@]}" --db ow.db --overwrite
    wait $a || fail "the first writer failed: $(cat a.err)"
    runs=$("$govsim" export ow.db --csv csv >/dev/null && tail -n +2 csv/runs.csv | wc -l)
    [[ $runs == 20 ]] || fail "ow.db holds $runs runs, not the first writer's 20" ;;
  # 4, under load: two writers and an --overwrite started at pseudo-random offsets, 20 rounds.
  # Each command either succeeds, and then its runs were in the file when it said so (the last
  # to finish leaves exactly its own), or is refused with exit 2; never exit 1 or a signal.
  writers_race)
    RANDOM=18
    for round in $(seq 20); do
      rm -f race.db race.db.lock ./*.status ./*.out ./*.err
      for who in a b c; do
        case $who in
          a) r=3; extra=() ;;
          b) r=2; extra=(--overwrite) ;;
          c) r=4; extra=(--overwrite) ;;
        esac
        delay=$(printf '0.%02d' $((RANDOM % 30)))
        ( sleep "$delay"
          timeout 60 "$govsim" compare baseline --days 4 -r $r "${small[@]}" --db race.db \
            "${extra[@]}" >$who.out 2>$who.err
          echo "$? $(date +%s%N) $r" >$who.status ) &
      done
      wait
      last=""; last_t=0
      for who in a b c; do
        read -r code t r <$who.status
        case $code in
          0) grep -qF "results: race.db ($r runs" $who.out ||
               fail "round $round: $who succeeded without its $r runs: $(cat $who.out)"
             if ((t > last_t)); then last=$who; last_r=$r; last_t=$t; fi ;;
          2) ;;
          *) fail "round $round: $who exited $code: $(cat $who.err)" ;;
        esac
      done
      [[ -n $last ]] || fail "round $round: no writer succeeded"
      runs=$("$govsim" export race.db --csv csv$round >/dev/null 2>&1 &&
             tail -n +2 csv$round/runs.csv | wc -l)
      [[ $runs == "$last_r" ]] ||
        fail "round $round: race.db holds $runs runs, not the $last_r of the last writer ($last)"
    done ;;
  # 5: shards of different plans; a partial shard.
  merge_different_replications)
    "$govsim" compare baseline --days 4 -r 2 -q "${small[@]}" --shard 1/2 --db s1.db || fail "shard 1"
    "$govsim" compare baseline --days 4 -r 4 -q "${small[@]}" --shard 2/2 --db s2.db || fail "shard 2"
    expect 2 "shards of different plans" -- "$govsim" merge m.db s1.db s2.db
    [[ ! -e m.db ]] || fail "a refused merge left m.db" ;;
  merge_missing_shard)
    "$govsim" compare baseline --days 4 -r 2 -q "${small[@]}" --shard 1/2 --db s1.db || fail "shard 1"
    expect 0 "incomplete" -- "$govsim" merge m.db s1.db
    expect 0 "is incomplete" -- "$govsim" report m.db --out r.html ;;
  # 6: odd flags.
  days_1e2)
    expect 0 "" -- "$govsim" run --days 1e2 "${small[@]:0:8}" --out run -q
    grep -q '"measured_days": 70' run/summary.json || fail "measured_days is not 70"
    grep -q "warm-up shortened" err.txt && fail "the warm-up was shortened" ;;
  empty_values)
    for flag in --days --seed; do expect 2 "empty value" -- "$govsim" run "$flag" "" --out u; done
    expect 2 "empty value" -- "$govsim" compare baseline --shard "" --db e.db
    expect 2 "empty value" -- "$govsim" compare baseline --days "" ;;
  negative_seed) expect 2 "not a whole number" -- "$govsim" compare baseline --seed -1 -r 1 ;;
  large_seed_one_replication)
    expect 0 "" -- "$govsim" compare baseline --days 4 -r 1 -q "${small[@]}" --seed 9007199254740990 ;;
  # 7: users' mistakes that were internal errors.
  invalid_utf8_name)
    printf 'name: "caf\xe9"\nextends: baseline\n' >bad.yaml
    expect 2 "not UTF-8" -- "$govsim" compare bad.yaml baseline --days 4 -r 1 -q "${small[@]}" ;;
  report_out_directory)
    small_db x.db; mkdir d
    expect 2 "a directory" -- "$govsim" report x.db --out d
    expect 2 "empty value" -- "$govsim" report x.db --out "" ;;
  db_symlink_loop)
    ln -s loop1 loop2; ln -s loop2 loop1
    expect 2 "loop of symbolic links" -- "$govsim" compare baseline --days 4 -r 1 -q "${small[@]}" \
      --db loop1 ;;
  db_dangling_symlink)
    ln -s nowhere/x.db dangling.db
    expect 2 "symbolic link to nothing" -- "$govsim" compare baseline --days 4 -r 1 -q "${small[@]}" \
      --db dangling.db ;;
  report_unwritable)
    touch afile
    # Refused before the runs, not after them (exit 1 once every run had finished).
    expect 2 "not a folder" -- "$govsim" compare baseline --days 4 -r 1 -q "${small[@]}" \
      --report afile/r.html ;;
  damaged_db)
    # The b-tree headers of pages 2 to 4 overwritten: "database disk image is malformed".
    small_db x.db
    for page in 1 2 3; do
      printf '\x0d\xff\xff\xff\xff\xff\xff' | dd of=x.db bs=1 seek=$((4096 * page)) conv=notrunc 2>/dev/null
    done
    expect 2 "damaged" -- "$govsim" report x.db --out r.html ;;
  # 8: a read-only database (as root, permissions are not enforced: skipped).
  read_only_db)
    [[ $(id -u) == 0 ]] && exit 77
    small_db ro/x.db 2>/dev/null || { mkdir ro; small_db ro/x.db; }
    chmod a-w ro/x.db ro
    expect 0 "" -- "$govsim" export ro/x.db --csv csv
    expect 0 "" -- "$govsim" report ro/x.db --out r.html
    chmod u+w ro ;;
  # 9: messages.
  out_dangling_symlink)
    ln -s nowhere/dir outlink
    expect 2 "symbolic link to nothing" -- "$govsim" run --days 2 "${small[@]}" --out outlink ;;
  fifo_city_table)
    mkfifo city.csv; printf 'city:\n  table: city.csv\n' >s.yaml
    expect 2 "FIFO" -- "$govsim" check s.yaml ;;
  control_characters)
    expect 2 "\\x1b[2J" -- "$govsim" check baseline --set $'run.days=\e[2J'
    grep -q $'\e' err.txt && fail "an escape character reached the terminal"
    true ;;
  nul_in_yaml)
    printf 'run:\n  days: 10\n\0run:\n  seed: 2\n' >nul.yaml  # was "un: unknown key"
    expect 2 "NUL byte" -- "$govsim" check nul.yaml ;;
  # 11: temporary files: a stale one of a dead process is removed by the next write; Ctrl-C
  # removes the one being written and exits 130.
  stale_temp)
    mkdir run; : >run/.timeseries.csv.tmp-999999999; : >run/.grids.csv.tmp-1  # pid 1 is alive
    expect 0 "" -- "$govsim" run --days 3 -q "${small[@]}" --out run
    [[ ! -e run/.timeseries.csv.tmp-999999999 ]] || fail "the stale temporary file is still there"
    [[ -e run/.grids.csv.tmp-1 ]] || fail "a live process's temporary file was removed" ;;
  interrupt)
    "$govsim" run --days 3000 -q "${small[@]:0:8}" --set city.residents=20000 --checkpoint-every 1 \
      --out run 2>err.txt &
    pid=$!
    for _ in $(seq 200); do [[ -e run/checkpoint.bin ]] && break; sleep 0.05; done
    kill -INT $pid
    wait $pid
    code=$?
    [[ $code == 130 ]] || fail "exit $code after SIGINT, wanted 130"
    leftovers=$(find run -name '.*.tmp-*' | wc -l)
    [[ $leftovers == 0 ]] || fail "$leftovers temporary files left" ;;
  # 13: govsim-bench outside the repository root.
  bench_outside_root)
    bench=$(dirname "$govsim")/../bench/govsim-bench
    [[ -x $bench ]] || exit 77  # not built (sanitizer builds leave the benchmarks out)
    timeout 60 "$bench" --only queue --days 30 --repeat 2 --out r.json >out.txt 2>err.txt ||
      fail "govsim-bench failed outside the repository root: $(cat err.txt)"
    grep -q "queue-mmc" out.txt || fail "no queue row"
    grep -q "error:" out.txt && fail "the queue case failed: $(cat out.txt)"
    grep -q "median of 2 rounds" out.txt || fail "no median of the two rounds: $(cat out.txt)"
    grep -q '"rounds": 2' r.json || fail "results.json does not count two rounds"
    # The bare M/M/c beside it draws the same numbers: the same waits, to the last bit.
    grep -q "^queue-mmc.* yes$" out.txt || fail "no reference row with the same waits: $(cat out.txt)"
    grep -q '"same_waits": true' r.json || fail "results.json has no reference with the same waits"
    grep -q "^queue-mmc.* NO$" out.txt && fail "a round's reference waited otherwise: $(cat out.txt)"
    grep -q '"same_waits": false' r.json && fail "a round's reference waited otherwise (results.json)"
    # A usage mistake is the user's: exit 2, with the option named.
    expect 2 "--repeat" -- "$bench" --repeat 0
    true ;;
  # 13b: every round of a repeated bench gets the threads it asks for (a child forked after the
  # parent had started TBB's workers would run its "2 threads" on one).
  bench_threads_every_round)
    bench=$(dirname "$govsim")/../bench/govsim-bench
    [[ -x $bench ]] || exit 77
    timeout 100 "$bench" --only large --days 31 --repeat 2 --out r.json >out.txt 2>err.txt ||
      fail "govsim-bench failed: $(cat err.txt)"
    grep -q "error:" out.txt && fail "a case failed: $(cat out.txt)"
    [[ $(grep -c "^large-city-1m  *2 " out.txt) == 3 ]] || fail "no 2-thread rows: $(cat out.txt)"
    grep -q "threads could run" out.txt && fail "a round ran short of threads: $(cat out.txt)"
    true ;;
  # 12: an empty scenario file.
  empty_scenario) : >empty.yaml; expect 2 "extends: baseline" -- "$govsim" check empty.yaml ;;
  *) fail "unknown case" ;;
esac
exit 0
