# pith's entry points. Each target first installs any missing Debian package (scripts/install-deps.sh,
# a no-op when nothing is missing), then builds with CMake + Ninja (+ ccache).
#   make demo   build, then run the main job on the bundled sample and show the result
#   make test   build, run every test (release build, then ASan+UBSan build with the fuzzers)
#   make bench  build, run the benchmarks (checked outputs, ratios against baselines in the same run)

BUILD      ?= build
SAN_BUILD  ?= build-san
FUZZ_SECONDS ?= 60
CMAKE_FLAGS ?=
JOBS       ?= $(shell nproc)
# Lets a fresh clone elsewhere (CI) reuse this machine's ccache entries.
export CCACHE_BASEDIR := $(CURDIR)

.PHONY: all deps build build-san test test-release test-san fuzz demo bench clean

all: build

deps:
	@bash scripts/install-deps.sh

$(BUILD)/build.ninja: | deps
	cmake -S . -B $(BUILD) -G Ninja -DCMAKE_BUILD_TYPE=Release $(CMAKE_FLAGS)

build: deps $(BUILD)/build.ninja
	cmake --build $(BUILD) -j $(JOBS)

$(SAN_BUILD)/build.ninja: | deps
	CC=clang CXX=clang++ cmake -S . -B $(SAN_BUILD) -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
	  -DPITH_SANITIZE=ON -DPITH_FUZZ=ON $(CMAKE_FLAGS)

build-san: deps $(SAN_BUILD)/build.ninja
	cmake --build $(SAN_BUILD) -j $(JOBS)

test-release: build
	cd $(BUILD) && ctest --output-on-failure -j $(JOBS)

# The sanitizer run skips what only repeats the release run at ASan's cost: tests labelled slow, the
# passes over every dev-set page (DevDatasets) and the comparisons with score.py (ScoreAgainstPython).
test-san: build-san
	cd $(SAN_BUILD) && ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
	  ctest --output-on-failure -j $(JOBS) -LE slow -E '^(DevDatasets|ScoreAgainstPython)\.'

fuzz: build-san
	bash scripts/run-fuzzers.sh $(SAN_BUILD) $(FUZZ_SECONDS)

test: test-release test-san fuzz
	@echo "make test: all test suites passed"

demo: build
	bash scripts/demo.sh $(BUILD)

bench: build
	bash bench/run.sh $(BUILD)

clean:
	rm -rf $(BUILD) $(SAN_BUILD)
