# Quick start: `make run` and `make test`. Both install what is missing (Debian 12), then build.
BUILD    ?= build
TYPE     ?= Release
WERROR   ?= OFF
VIZ      ?= ON
JOBS     ?= $(shell nproc)
CMAKE_ARGS ?=

GOVSIM = $(BUILD)/cli/govsim

.PHONY: all setup configure build run test bench bench-quick format format-check clean

all: build

setup:
	@bash scripts/setup.sh

configure: setup
	@cmake -S . -B $(BUILD) -G Ninja -DCMAKE_BUILD_TYPE=$(TYPE) -DGOVSIM_WERROR=$(WERROR) \
	  -DGOVSIM_BUILD_VIZ=$(VIZ) $(CMAKE_ARGS) >/dev/null

build: configure
	@cmake --build $(BUILD) -j $(JOBS)

# The main job: the built-in baseline city under its default design, with a readable summary.
run: build
	@$(GOVSIM) run --out out/baseline

test: build
	@cd $(BUILD) && ctest --output-on-failure -j $(JOBS)

# The performance suite: prints every figure and writes bench/results.json. Takes a few
# minutes (the 10-million-resident megacity is the longest); bench-quick leaves it out.
bench: build
	@$(BUILD)/bench/govsim-bench --out bench/results.json

bench-quick: build
	@$(BUILD)/bench/govsim-bench --quick --out bench/results.json

format:
	@git ls-files '*.cpp' '*.hpp' | xargs clang-format -i

format-check:
	@git ls-files '*.cpp' '*.hpp' | xargs clang-format --dry-run --Werror

clean:
	@rm -rf $(BUILD)
