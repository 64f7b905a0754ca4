#!/usr/bin/env bash
# Runs every libFuzzer target of a PITH_FUZZ build for a bounded time, sharing TOTAL_SECONDS between
# them, each seeded from tests/fuzz/corpus/<target>/ when that exists. Fails on the first crash.
set -euo pipefail
build=${1:?usage: run-fuzzers.sh BUILD_DIR [TOTAL_SECONDS]}
total=${2:-60}
targets=()
while IFS= read -r -d '' t; do targets+=("$t"); done < <(find "$build/tests/fuzz" -maxdepth 1 -type f -name 'fuzz_*' -perm -u+x -print0 2>/dev/null | sort -z)
if [ ${#targets[@]} -eq 0 ]; then
  echo "run-fuzzers: no fuzz targets built in $build/tests/fuzz" >&2
  exit 1
fi
per=$(( total / ${#targets[@]} )); [ "$per" -ge 5 ] || per=5
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
for t in "${targets[@]}"; do
  name=$(basename "$t")
  corpus="$work/$name"; mkdir -p "$corpus"
  seeds="tests/fuzz/corpus/$name"
  [ -d "$seeds" ] && cp -r "$seeds/." "$corpus/"
  echo "fuzz: $name for ${per}s"
  "$t" -max_total_time="$per" -rss_limit_mb=2048 -timeout=10 -print_final_stats=1 \
    -artifact_prefix="$work/" "$corpus" >"$work/$name.log" 2>&1 || {
      echo "fuzz: $name FAILED"; tail -50 "$work/$name.log"; exit 1; }
  grep -E 'stat::number_of_executed_units' "$work/$name.log" | sed "s/^/fuzz: $name /"
done
echo "fuzz: ${#targets[@]} targets ran clean"
