# Quick start: `make run` and `make test`. Both install what is missing (Debian 12), then build.
BUILD    ?= build
TYPE     ?= Release
WERROR   ?= OFF
VIZ      ?= ON
MPI      ?= OFF
JOBS     ?= $(shell nproc)
CMAKE_ARGS ?=

GOVSIM = $(BUILD)/cli/govsim

.PHONY: all setup configure build run test test-asan test-tsan soak bench bench-quick fuzz-build fuzz \
        fuzz-smoke format format-check tidy clean

all: build

setup:
	@bash scripts/setup.sh

configure: setup
	@cmake -S . -B $(BUILD) -G Ninja -DCMAKE_BUILD_TYPE=$(TYPE) -DGOVSIM_WERROR=$(WERROR) \
	  -DGOVSIM_BUILD_VIZ=$(VIZ) -DGOVSIM_MPI=$(MPI) $(CMAKE_ARGS) >/dev/null

build: configure
	@cmake --build $(BUILD) -j $(JOBS)

# The main job: the shipped designs on the baseline city, compared over paired replications
# (common random numbers). Prints the comparison table; writes out/compare.db and out/report.html.
DESIGNS      ?= fragmented grid-one-branch grid-multi-branch grid-volunteers grid-mediators \
                grid-legal grid-platform modern
REPLICATIONS ?= 3
run: build
	@$(GOVSIM) compare $(DESIGNS) --replications $(REPLICATIONS) \
	  --db out/compare.db --overwrite --report out/report.html

test: build
	@cd $(BUILD) && ctest --output-on-failure -j $(JOBS)

# The whole test suite under sanitizers, each in its own build folder. The GUI is left out: its
# tests need a display, and the engine is what the sanitizers are for.
SAN_ARGS = -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DGOVSIM_WERROR=$(WERROR) -DGOVSIM_BUILD_VIZ=OFF \
  -DGOVSIM_BUILD_BENCH=OFF $(CMAKE_ARGS)

test-asan: setup
	@cmake -S . -B $(BUILD)-asan $(SAN_ARGS) -DGOVSIM_SANITIZE=address,undefined >/dev/null
	@cmake --build $(BUILD)-asan -j $(JOBS)
	@cd $(BUILD)-asan && ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 \
	  UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 ctest --output-on-failure -j $(JOBS)

test-tsan: setup
	@cmake -S . -B $(BUILD)-tsan $(SAN_ARGS) -DGOVSIM_SANITIZE=thread >/dev/null
	@cmake --build $(BUILD)-tsan -j $(JOBS)
	@cd $(BUILD)-tsan && TSAN_OPTIONS=halt_on_error=1:second_deadlock_stack=1 \
	  ctest --output-on-failure -j $(JOBS)

# Memory over long jobs, too long for CI (some minutes): a ten-year run of the baseline city and a
# sweep of 1 000 small runs into an SQLite file, the resident set size sampled every second into
# out/soak-run.csv and out/soak-sweep.csv. Prints the curve (RSS every simulated year, every 100
# runs) and fails if memory grows by more than 10 %. docs/RELIABILITY.md has the figures.
soak: build
	@GOVSIM=$(GOVSIM) JOBS=$(JOBS) bash scripts/soak.sh

# The performance suite: prints every figure and writes bench/results.json. It runs the whole
# suite BENCH_REPEAT times in turn (3 unless set) and reports each figure and target as the median
# of the rounds, with its range, since a single run on a busy machine can be far off: about three
# minutes on 2 cores, most of it the 10-million-resident megacity. bench-quick leaves the
# megacity out and runs one round unless BENCH_REPEAT is given.
BENCH_REPEAT ?= 3
BENCH_QUICK_REPEAT = $(if $(filter command line environment,$(origin BENCH_REPEAT)),$(BENCH_REPEAT),1)
# PYTHON_BENCH: govsim.run against `govsim run` on the baseline for 365 days (bench/python_overhead.py;
# skipped when the Python module was not built).
PYTHON ?= /usr/bin/python3
PYTHON_BENCH = if ls $(BUILD)/python/govsim/_core*.so >/dev/null 2>&1; then \
	  PYTHONPATH=$(BUILD)/python $(PYTHON) bench/python_overhead.py --cli $(GOVSIM) \
	    --out bench/python.json; \
	else echo "python overhead: skipped (no Python module in $(BUILD)/python)"; fi

bench: build
	@$(BUILD)/bench/govsim-bench --repeat $(BENCH_REPEAT) --out bench/results.json
	@$(PYTHON_BENCH)

bench-quick: build
	@$(BUILD)/bench/govsim-bench --quick --repeat $(BENCH_QUICK_REPEAT) --out bench/results.json
	@$(PYTHON_BENCH)

# Fuzzing the readers of user input with libFuzzer (clang, ASan + UBSan): the scenario loader,
# the CSV city table, the GeoJSON city and checkpoints; see tests/fuzz/README.md. `make fuzz` fuzzes each
# target for FUZZ_SECONDS; `make fuzz-smoke` replays the committed corpus and fuzzes each target
# for FUZZ_SMOKE_SECONDS. Both exit nonzero on the first crash, hang, leak or sanitizer report.
FUZZ_BUILD         ?= build-fuzz
FUZZ_SECONDS       ?= 600
FUZZ_SMOKE_SECONDS ?= 60
FUZZ_TARGETS       ?= loader city_table geojson checkpoint

fuzz-build: setup
	@cmake -S . -B $(FUZZ_BUILD) -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
	  -DCMAKE_CXX_COMPILER=clang++ -DGOVSIM_FUZZ=ON -DGOVSIM_BUILD_VIZ=OFF -DGOVSIM_BUILD_BENCH=OFF \
	  -DGOVSIM_BUILD_TESTS=OFF $(CMAKE_ARGS) >/dev/null
	@cmake --build $(FUZZ_BUILD) -j $(JOBS) --target $(addprefix fuzz_,$(FUZZ_TARGETS))
	@rm -rf $(FUZZ_BUILD)/fuzz-seeds && tests/fuzz/seeds.sh $(FUZZ_BUILD)/fuzz-seeds

fuzz: fuzz-build
	@for t in $(FUZZ_TARGETS); do tests/fuzz/run.sh $(FUZZ_BUILD) $$t $(FUZZ_SECONDS) || exit 1; done

fuzz-smoke: fuzz-build
	@for t in $(FUZZ_TARGETS); do \
	  log=$(FUZZ_BUILD)/fuzz-smoke-$$t.log; \
	  if tests/fuzz/run.sh $(FUZZ_BUILD) $$t $(FUZZ_SMOKE_SECONDS) >$$log 2>&1; then \
	    echo "fuzz-smoke $$t: ok, $$(grep -h 'stat::number_of_executed_units' $$log | tail -n 1)"; \
	  else tail -n 80 $$log; echo "fuzz-smoke $$t: FAILED (log: $$log)"; exit 1; fi; done

format:
	@git ls-files '*.cpp' '*.hpp' | xargs clang-format -i

format-check: setup
	@git ls-files '*.cpp' '*.hpp' | xargs clang-format --dry-run --Werror

# clang-tidy (the checks in .clang-tidy, and the stricter function size in the folders that have
# their own) over every project source the build compiles, warnings as errors. It needs only the
# compile commands, so a configured $(BUILD) is enough; the generated sources in it are skipped.
# The compiler's own warnings are the GCC build's business (-Werror there), so clang's are not
# errors here and GCC-only warning flags are not complained about.
tidy: setup
	@test -f $(BUILD)/compile_commands.json || $(MAKE) --no-print-directory configure
	@sed -n 's/^ *"file": "\(.*\)",\{0,1\}$$/\1/p' $(BUILD)/compile_commands.json | \
	  grep -v '^$(abspath $(BUILD))/' | \
	  xargs -P $(JOBS) -n 1 clang-tidy -p $(BUILD) --quiet --warnings-as-errors='*' \
	    --extra-arg=-Wno-unknown-warning-option --extra-arg=-Wno-error

clean:
	@rm -rf $(BUILD)
