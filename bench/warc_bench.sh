#!/usr/bin/env bash
# WARC reading speed against plain decompression, measured in the same run (DESIGN.md rule 12):
#   bench/warc_bench.sh BUILD_DIR [DATASET] [ROUNDS]
# Builds a Common-Crawl-like .warc.gz (one gzip member per record, --quirks) with
# ../shared/eval/make_warc.py from DATASET's pages (default wcxb-dev), then, ROUNDS times interleaved,
# times `zcat FILE > /dev/null` and `warc_bench FILE` (every record read, HTTP-parsed, selected, bodies
# decoded; record count checked against the manifest first) and `pith warc -j1` end to end (its record
# count checked too). Reports medians and the ratios
# pith MB/s / zcat MB/s on one core (target >= 0.33). Then the corpus pipeline (body-info stand-in) over
# four such files with 1 and 2 threads, and the scaling between them.
set -euo pipefail
build=${1:?usage: warc_bench.sh BUILD_DIR [DATASET] [ROUNDS]}
dataset=${2:-wcxb-dev}
rounds=${3:-3}
here=$(cd "$(dirname "$0")/.." && pwd)
shared=${PITH_SHARED_DIR:-$here/../shared}
bench=$build/bench/warc_bench
make_warc=$shared/eval/make_warc.py
tarball=$shared/eval/data/$dataset.tar.zst
[ -x "$bench" ] || { echo "warc_bench.sh: build $bench first (ninja -C $build warc_bench)" >&2; exit 1; }
[ -f "$make_warc" ] && [ -f "$tarball" ] || { echo "warc_bench.sh: needs $make_warc and $tarball; skipped" >&2; exit 0; }

work=$build/warc_bench_data
mkdir -p "$work"
if [ ! -d "$work/$dataset/html" ]; then
  tar --zstd -xf "$tarball" -C "$work"
fi
meta=()
[ -f "$work/$dataset/meta.jsonl" ] && meta=(--meta "$work/$dataset/meta.jsonl")
for seed in 1 2 3 4; do
  out=$work/$dataset-$seed.warc.gz
  [ -f "$out" ] || python3 "$make_warc" "$work/$dataset/html" "$out" "${meta[@]}" --quirks --seed "$seed"
done
file=$work/$dataset-1.warc.gz
records=$(wc -l < "$file.manifest.jsonl")
mb=$(stat -c %s "$file" | awk '{printf "%.2f", $1 / 1e6}')
echo "warc_bench: $file, $mb MB gzip, $records records (one gzip member per record)"

now() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.4f", b - a }'; }
median() { printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
pith_bin=$build/pith
out_dir=$(mktemp -d); trap 'rm -rf "$out_dir"' EXIT
zcat_times=(); reader_times=(); e2e_times=()
for round in $(seq "$rounds"); do
  t0=$(now); zcat "$file" > /dev/null; t1=$(now)
  zcat_times+=("$(elapsed "$t0" "$t1")")
  line=$("$bench" "$file" --expect-records "$records" --repeat 1)
  reader_times+=("$(echo "$line" | head -1 | awk '{ for (i = 1; i < NF; ++i) if ($i == "seconds") print $(i + 1) }')")
  # End to end: extraction and JSONL output included, one worker; its accounting must cover every record.
  rm -rf "$out_dir"/*
  t0=$(now); "$pith_bin" warc -j 1 "$file" -o "$out_dir/out.jsonl" --stats "$out_dir/stats.json" 2>/dev/null; t1=$(now)
  e2e_times+=("$(elapsed "$t0" "$t1")")
  read_count=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["records"])' "$out_dir/stats.json")
  if [ "$read_count" != "$records" ]; then
    echo "warc_bench: pith warc read $read_count records, the manifest has $records: timings do not count" >&2
    exit 1
  fi
  echo "  round $round: zcat ${zcat_times[-1]}s, reader ${reader_times[-1]}s, pith warc -j1 ${e2e_times[-1]}s"
done
echo "$line" | tail -n +2
z=$(median "${zcat_times[@]}"); r=$(median "${reader_times[@]}"); e=$(median "${e2e_times[@]}")
awk -v mb="$mb" -v z="$z" -v r="$r" -v e="$e" -v n="$rounds" 'BEGIN {
  printf "warc_bench (medians of %d): zcat %.1f MB/s; reader alone %.1f MB/s = %.2fx zcat; pith warc -j1 end to end %.1f MB/s = %.2fx zcat (target >= 0.33)\n",
         n, mb / z, mb / r, z / r, mb / e, z / e }'

files=("$work/$dataset"-[1-4].warc.gz)
total=0
for f in "${files[@]}"; do total=$((total + $(wc -l < "$f.manifest.jsonl"))); done
one=$("$bench" --pipeline 1 "${files[@]}" --expect-records "$total" --repeat "$rounds" | head -1)
two=$("$bench" --pipeline 2 "${files[@]}" --expect-records "$total" --repeat "$rounds" | head -1)
s1=$(echo "$one" | awk '{ for (i = 1; i < NF; ++i) if ($i == "compressed_MB_per_s") print $(i + 1) }')
s2=$(echo "$two" | awk '{ for (i = 1; i < NF; ++i) if ($i == "compressed_MB_per_s") print $(i + 1) }')
awk -v a="$s1" -v b="$s2" 'BEGIN {
  printf "warc_bench: pipeline (stand-in step), 4 files: 1 thread %.1f MB/s, 2 threads %.1f MB/s, scaling %.2fx\n", a, b, b / a }'
