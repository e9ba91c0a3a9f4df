#!/usr/bin/env bash
# Byte-for-byte comparison of what two govsim builds write, for refactorings that must not change
# a single output bit. Runs every shipped scenario, every lesson, the validation quick run, a
# compare, a sweep and a sensitivity screen with both binaries, then diffs every file. Manifests
# are compared without their timings (wall time, per-phase seconds), build fields and the keys
# named in IGNORE_KEYS; SQLite stores table by table (rows as sets: runs finish in any order).
#
#   scripts/compare-outputs.sh OLD_GOVSIM NEW_GOVSIM [WORKDIR]
#
# IGNORE_KEYS: space-separated scenario keys (dotted, e.g. model.behaviour.x) that the new build
# adds; they are dropped from the new manifests before the comparison.
# IGNORE_COLUMNS: space-separated output columns the new build adds (CSV and JSON); dropped too.
# Exits 0 when every file matches, 1 otherwise, listing the files that differ.
set -euo pipefail
old=$(realpath "$1"); new=$(realpath "$2"); work=${3:-$(mktemp -d)}
mkdir -p "$work"
days=${DAYS:-}   # set DAYS to shorten every scenario (for a quick check)

scenarios=$("$old" scenarios | awk '{print $1}')
jobs=()
for s in $scenarios; do jobs+=("run $s"); done
jobs+=("compare fragmented grid-one-branch modern --replications 2")
jobs+=("sweep baseline --vary governance.platform.level=0,0.5,1 --replications 1")
jobs+=("sensitivity baseline --trajectories 2 --days 120")
jobs+=("validate --quick")

run_all() {
  local bin=$1 dir=$2
  rm -rf "$dir"; mkdir -p "$dir"
  local i=0
  for j in "${jobs[@]}"; do
    i=$((i + 1))
    local out="$dir/$i"
    mkdir -p "$out"
    # shellcheck disable=SC2086
    set -- $j
    local cmd=$1; shift
    local extra=()
    [[ -n "$days" && "$cmd" == run ]] && extra+=(--days "$days")
    case $cmd in
      run) "$bin" run "$@" "${extra[@]}" --out "$out" --threads 2 >"$out/stdout.txt" 2>&1 ;;
      compare|sweep|sensitivity)
        "$bin" "$cmd" "$@" --db "$out/store.db" --report "$out/report.html" -j 2 -q \
          >"$out/stdout.txt" 2>&1
        "$bin" export "$out/store.db" --csv "$out/csv" >/dev/null ;;
      validate) "$bin" validate "$@" >"$out/stdout.txt" 2>&1 || true ;;
    esac
    echo "$i $j" >>"$dir/jobs.txt"
  done
}

normalise() {  # strips what may differ between two builds or two runs of one build
  python3 - "$1" <<'PY'
import csv, io, json, os, re, sqlite3, sys
root = sys.argv[1]
ign_keys = os.environ.get("IGNORE_KEYS", "").split()
ign_cols = set(os.environ.get("IGNORE_COLUMNS", "").split())
timing = ("wall_time_s", "profile_s", "start_time_utc", "git_revision", "govsim_version",
          "platform", "hash", "created_utc", "command", "started_utc", "wall_s", "host", "wall_seconds", "scenario_hash", "run_key",
          "key")
def drop_key(d, path):
    parts = path.split(".")
    for p in parts[:-1]:
        if not isinstance(d, dict) or p not in d: return
        d = d[p]
    if isinstance(d, dict): d.pop(parts[-1], None)
def clean(x):
    if isinstance(x, dict):
        for k in list(x):
            if k in timing or k in ign_cols: x.pop(k)
            else: clean(x[k])
    elif isinstance(x, list):
        for y in x: clean(y)
    return x
def clean_manifest(m):
    clean(m)
    for k in ign_keys:
        drop_key(m.get("resolved_scenario", {}), k)
        for c in m.get("resolved_scenario", {}).get("changes", []):
            drop_key(c, k)
    return m
def clean_csv(text, sort):
    rows = list(csv.reader(io.StringIO(text)))
    if not rows: return text
    keep = [i for i, h in enumerate(rows[0]) if h not in ign_cols and h not in timing]
    # tidy tables name an outcome in a cell: a new outcome's rows are left out too
    body = [[r[i] for i in keep if i < len(r)] for r in rows[1:] if not ign_cols & set(r)]
    if sort: body.sort()
    return "\n".join(",".join(r) for r in [[rows[0][i] for i in keep]] + body) + "\n"
for d, _, files in os.walk(root):
    for f in files:
        p = os.path.join(d, f)
        if f == "manifest.json":
            json.dump(clean_manifest(json.load(open(p))), open(p, "w"), indent=1, sort_keys=True)
        elif f.endswith(".json"):
            json.dump(clean(json.load(open(p))), open(p, "w"), indent=1, sort_keys=True)
        elif f.endswith(".csv"):
            # batch stores fill in the order runs finish: rows are compared as sets
            text = open(p).read()
            open(p, "w").write(clean_csv(text, sort="/csv/" in p))
        elif f.endswith(".txt"):
            t = open(p).read().replace(root, "ROOT")
            t = re.sub(r"[0-9][0-9.,]* ?(s|ms|min|runs/s)\b", "T", t)
            open(p, "w").write(t)
        elif f.endswith(".html"):
            t = re.sub(r"\(git [0-9a-f]+\)", "(git X)", open(p).read())
            t = re.sub(r'<section id="runs">.*?</section>', "", t, flags=re.S)
            t = re.sub(r'<section id="manifest">.*?</section>', "", t, flags=re.S)
            t = re.sub(r"Written by \S+ \(git \w+\)", "Written by BUILD", t)  # the build, as in manifests
            open(p, "w").write(t)
        elif f.endswith(".db"):
            con = sqlite3.connect(p)
            out = []
            for (name,) in con.execute("select name from sqlite_master where type='table' order by name"):
                if name in ("meta", "runs"): continue   # timings, times and hosts
                cols = [c[1] for c in con.execute(f"pragma table_info({name})") if c[1] not in ign_cols and c[1] not in timing]
                rows = sorted(repr(r) for r in con.execute(f"select {','.join(cols)} from {name}")
                              if not ign_cols & set(map(str, r)))
                out.append(f"-- {name} ({','.join(cols)})\n" + "\n".join(rows))
            con.close(); os.remove(p)
            open(p + ".tables", "w").write("\n".join(out) + "\n")
PY
}

echo "old: $old"; run_all "$old" "$work/old"
echo "new: $new"; run_all "$new" "$work/new"
normalise "$work/old"; normalise "$work/new"
if diff -r -q "$work/old" "$work/new"; then
  echo "compare-outputs: every file is identical ($(find "$work/old" -type f | wc -l) files)"
else
  echo "compare-outputs: files differ (see diff -r $work/old $work/new)"; exit 1
fi
