#!/usr/bin/env bash
# Installs the Debian 12 packages govsim needs, and only those that are missing.
# Runs as root, or through sudo when it is available.
set -euo pipefail

packages=(
  build-essential cmake ninja-build pkg-config git
  gettext                     # msgfmt compiles the message catalogues (po/), xgettext checks them
  libtbb-dev libyaml-cpp-dev catch2 librandom123-dev libcli11-dev nlohmann-json3-dev
  libsqlite3-dev
  libnlopt-cxx-dev libeigen3-dev  # govsim calibrate: the optimiser, and the linear algebra of its intervals
  libsfml-dev libimgui-dev libgl-dev libx11-dev xvfb xauth
  fonts-dejavu-core           # the GUI's font (it falls back to ImGui's own without it)
  fonts-wqy-microhei          # the GUI's Chinese glyphs (names of cities, the zh_CN catalogue)
  libopenmpi-dev openmpi-bin  # MPI build of the batch runner (CI builds with MPI=ON)
  chromium                    # the test that opens the HTML report in a headless browser
  clang libclang-rt-14-dev    # make fuzz: clang++ and libFuzzer with the sanitizer runtimes
  clang-format clang-tidy     # make format-check and make tidy (CI runs both)
  # The Python module (import govsim, docs/PYTHON.md) and its tests, for Debian's /usr/bin/python3;
  # pip, venv and wheel for `pip install --no-build-isolation .`
  python3-dev pybind11-dev python3-numpy python3-pandas python3-pytest
  python3-pip python3-venv python3-setuptools python3-wheel
)

missing=()
for p in "${packages[@]}"; do
  status=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)
  [[ "$status" == "install ok installed" ]] || missing+=("$p")
done

if [[ ${#missing[@]} -eq 0 ]]; then
  exit 0
fi

echo "setup: installing ${missing[*]}" >&2
if [[ $(id -u) -eq 0 ]]; then
  run=()
elif command -v sudo >/dev/null 2>&1; then
  run=(sudo)
else
  echo "setup: these packages are missing and this user cannot install them: ${missing[*]}" >&2
  echo "setup: run 'apt-get install ${missing[*]}' as root, then try again" >&2
  exit 2
fi
export DEBIAN_FRONTEND=noninteractive
"${run[@]}" apt-get update -qq
"${run[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
