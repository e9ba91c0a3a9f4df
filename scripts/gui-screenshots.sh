#!/usr/bin/env bash
# Renders the GUI pictures of the README and docs/GUI.md (docs/images/*.png) with
# `govsim-gui --screenshot` under a virtual X server. GUI=path/to/govsim-gui to use another build.
set -euo pipefail
cd "$(dirname "$0")/.."
gui=${GUI:-build/viz/govsim-gui}
run() { xvfb-run -a -s '-screen 0 1600x1000x24' "$gui" --frames 20 "$@"; }
mkdir -p docs/images
run grid-one-branch --until-day 200 --select 36 --screenshot docs/images/main.png
run baseline --view compare --compare modern --until-day 365 --screenshot docs/images/compare.png
run --lesson platform-switch --until-day 150 --metric response --screenshot docs/images/lesson.png
