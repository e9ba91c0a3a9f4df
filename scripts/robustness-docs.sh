#!/usr/bin/env bash
# Regenerates the robustness tables of docs/VALIDATION.md and README.md from a run of
# `govsim validate --robustness-only`, after the model's coefficients or mechanisms change.
# The tables sit between marker comments in both files and are replaced whole; the line above
# each names the commit and the command that produced it.
#
#   scripts/robustness-docs.sh [GOVSIM] [-- extra validate options, e.g. --points 200]
#
# Run from the repository root, with a build of the commit whose results the tables should show
# (a tree with uncommitted changes is marked "-dirty"). The full run is 100 points of 365 days of
# the nine claim designs: 900 runs of the baseline city, about 6 minutes of one core.
set -euo pipefail
govsim=${1:-build/cli/govsim}
shift || true
[[ "${1:-}" == "--" ]] && shift
extra=("$@")

commit=$(git rev-parse --short=12 HEAD)
git diff --quiet HEAD -- . ':!docs/VALIDATION.md' ':!README.md' || commit="$commit-dirty"
out=$(mktemp)
trap 'rm -f "$out"' EXIT
"$govsim" validate --robustness-only --markdown "$out" "${extra[@]}"

# splice FILE BEGIN_MARKER END_MARKER CONTENT_FILE
splice() {
  local file=$1 begin=$2 end=$3 content=$4
  grep -qF "$begin" "$file" || { echo "$file: no '$begin' marker" >&2; exit 1; }
  awk -v b="$begin" -v e="$end" -v c="$content" '
    index($0, b) { print; while ((getline line < c) > 0) print line; skip = 1; next }
    index($0, e) { skip = 0 }
    !skip { print }' "$file" >"$file.tmp"
  mv "$file.tmp" "$file"
}

command="govsim validate --robustness-only${extra[*]:+ ${extra[*]}}"
stamp="Generated at commit $commit by \`scripts/robustness-docs.sh\` (\`$command\`)."
validation=$(mktemp)
readme=$(mktemp)
trap 'rm -f "$out" "$validation" "$readme"' EXIT
{ echo "$stamp"; echo; awk '/^<!-- robustness: README.md -->/ { exit } NR > 1 { print }' "$out"; } >"$validation"
{ echo "$stamp"; echo; awk 'f { print } /^<!-- robustness: README.md -->/ { f = 1 }' "$out"; } >"$readme"
splice docs/VALIDATION.md "<!-- robustness table: begin -->" "<!-- robustness table: end -->" "$validation"
splice README.md "<!-- robustness table: begin -->" "<!-- robustness table: end -->" "$readme"
echo "updated docs/VALIDATION.md and README.md (commit $commit)"
