#!/usr/bin/env bash
# WARC reading speed against plain decompression, measured in the same run (DESIGN.md rule 12):
#   bench/warc_bench.sh BUILD_DIR [DATASET] [ROUNDS]
# Builds a Common-Crawl-like .warc.gz (one gzip member per record, --quirks) with
# ../shared/eval/make_warc.py from DATASET's pages (default wcxb-dev), then, ROUNDS times interleaved,
# times `zcat FILE > /dev/null` and `warc_bench FILE` (every record read, HTTP-parsed, selected, bodies
# decoded; record count checked against the manifest first). Reports the best of each and the ratio
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
best_zcat=999999; best_pith=999999
for round in $(seq "$rounds"); do
  t0=$(now); zcat "$file" > /dev/null; t1=$(now)
  zcat_s=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.4f", b - a }')
  line=$("$bench" "$file" --expect-records "$records" --repeat 1)
  pith_s=$(echo "$line" | head -1 | awk '{ for (i = 1; i < NF; ++i) if ($i == "seconds") print $(i + 1) }')
  echo "  round $round: zcat ${zcat_s}s, pith ${pith_s}s"
  best_zcat=$(awk -v a="$best_zcat" -v b="$zcat_s" 'BEGIN { print (b < a ? b : a) }')
  best_pith=$(awk -v a="$best_pith" -v b="$pith_s" 'BEGIN { print (b < a ? b : a) }')
done
echo "$line" | tail -n +2
awk -v mb="$mb" -v z="$best_zcat" -v p="$best_pith" 'BEGIN {
  printf "warc_bench: read+parse+select, one core: pith %.1f MB/s, zcat %.1f MB/s, ratio %.2f (target >= 0.33)\n",
         mb / p, mb / z, (mb / p) / (mb / z) }'

files=("$work/$dataset"-[1-4].warc.gz)
total=0
for f in "${files[@]}"; do total=$((total + $(wc -l < "$f.manifest.jsonl"))); done
one=$("$bench" --pipeline 1 "${files[@]}" --expect-records "$total" --repeat "$rounds" | head -1)
two=$("$bench" --pipeline 2 "${files[@]}" --expect-records "$total" --repeat "$rounds" | head -1)
s1=$(echo "$one" | awk '{ for (i = 1; i < NF; ++i) if ($i == "compressed_MB_per_s") print $(i + 1) }')
s2=$(echo "$two" | awk '{ for (i = 1; i < NF; ++i) if ($i == "compressed_MB_per_s") print $(i + 1) }')
awk -v a="$s1" -v b="$s2" 'BEGIN {
  printf "warc_bench: pipeline (stand-in step), 4 files: 1 thread %.1f MB/s, 2 threads %.1f MB/s, scaling %.2fx\n", a, b, b / a }'
