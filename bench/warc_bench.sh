#!/usr/bin/env bash
# WARC speed against plain decompression, measured in the same run (DESIGN.md rule 12):
#   bench/warc_bench.sh BUILD_DIR [DATASET] [ROUNDS]
# Builds a Common-Crawl-like .warc.gz (one gzip member per record, --quirks) with
# ../shared/eval/make_warc.py from DATASET's pages (default wcxb-dev), then, ROUNDS times interleaved,
# on that ONE file: `zcat FILE > /dev/null` (the floor), `warc_bench FILE` (the reader alone: every
# record read, HTTP-parsed, selected, bodies decoded), and `pith warc -j1` and `pith warc -j2` end to end
# with the real extractor, each under /usr/bin/time -v for its peak RSS. Every count is checked before
# any timing counts: the reader's and both runs' records against make_warc.py's manifest, and the -j2
# output byte-identical to the -j1 output. Reports medians: MB/s, ratios to zcat (target >= 0.33 on
# one core), the scaling -j2 / -j1 on one file (target >= 1.8 on 2 cores), peak RSS, and the load
# average before and after (measure on a quiet machine: 1-minute load < 0.5).
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
file=$work/$dataset-1.warc.gz
[ -f "$file" ] || python3 "$make_warc" "$work/$dataset/html" "$file" "${meta[@]}" --quirks --seed 1
records=$(wc -l < "$file.manifest.jsonl")
mb=$(stat -c %s "$file" | awk '{printf "%.2f", $1 / 1e6}')
echo "warc_bench: $file, $mb MB gzip, $records records (one gzip member per record)"

now() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.4f", b - a }'; }
median() { printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
load() { cut -d' ' -f1 /proc/loadavg; }
pith_bin=$build/pith
[ -x "$pith_bin" ] || { echo "warc_bench.sh: build $pith_bin first (ninja -C $build pith)" >&2; exit 1; }
out_dir=$(mktemp -d); trap 'rm -rf "$out_dir"' EXIT
load_before=$(load)
echo "warc_bench: load average (1 min) before: $load_before$(awk -v l="$load_before" 'BEGIN { if (l >= 0.5) print " -- NOT quiet, figures are pessimistic" }')"

# pith warc -jN FILE, timed, under /usr/bin/time -v; sets last_seconds, last_rss_mb and last_cpu (user +
# system seconds), checks the count.
run_pith() {
  local jobs=$1 out=$out_dir/j$1
  rm -rf "$out" && mkdir -p "$out"
  local t0 t1
  t0=$(now)
  /usr/bin/time -v -o "$out/time.txt" "$pith_bin" warc -j "$jobs" "$file" -o "$out/out.jsonl" \
    --stats "$out/stats.json" --added 2000-01-01T00:00:00Z 2>/dev/null
  t1=$(now)
  last_seconds=$(elapsed "$t0" "$t1")
  last_rss_mb=$(awk -F: '/Maximum resident set size/ { printf "%.1f", $2 / 1024 }' "$out/time.txt")
  last_cpu=$(awk -F: '/User time|System time/ { t += $2 } END { printf "%.2f", t }' "$out/time.txt")
  local read_count
  read_count=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["records"])' "$out/stats.json")
  if [ "$read_count" != "$records" ]; then
    echo "warc_bench: pith warc -j$jobs read $read_count records, the manifest has $records: timings do not count" >&2
    exit 1
  fi
}

zcat_times=(); reader_times=(); j1_times=(); j2_times=(); j1_rss=(); j2_rss=(); j1_cpu=(); j2_cpu=()
for round in $(seq "$rounds"); do
  t0=$(now); zcat "$file" > /dev/null; t1=$(now)
  zcat_times+=("$(elapsed "$t0" "$t1")")
  line=$("$bench" "$file" --expect-records "$records" --repeat 1)
  reader_times+=("$(echo "$line" | head -1 | awk '{ for (i = 1; i < NF; ++i) if ($i == "seconds") print $(i + 1) }')")
  run_pith 1; j1_times+=("$last_seconds"); j1_rss+=("$last_rss_mb"); j1_cpu+=("$last_cpu")
  run_pith 2; j2_times+=("$last_seconds"); j2_rss+=("$last_rss_mb"); j2_cpu+=("$last_cpu")
  if ! cmp -s "$out_dir/j1/out.jsonl" "$out_dir/j2/out.jsonl"; then
    echo "warc_bench: pith warc -j2 output differs from -j1: timings do not count" >&2
    exit 1
  fi
  echo "  round $round: zcat ${zcat_times[-1]}s, reader ${reader_times[-1]}s, pith warc -j1 ${j1_times[-1]}s (cpu ${j1_cpu[-1]}s, ${j1_rss[-1]} MB), -j2 ${j2_times[-1]}s (cpu ${j2_cpu[-1]}s, ${j2_rss[-1]} MB), load $(load)"
done
echo "$line" | tail -n +2
z=$(median "${zcat_times[@]}"); r=$(median "${reader_times[@]}")
e1=$(median "${j1_times[@]}"); e2=$(median "${j2_times[@]}")
m1=$(median "${j1_rss[@]}"); m2=$(median "${j2_rss[@]}")
c1=$(median "${j1_cpu[@]}"); c2=$(median "${j2_cpu[@]}")
awk -v mb="$mb" -v z="$z" -v r="$r" -v e1="$e1" -v e2="$e2" -v m1="$m1" -v m2="$m2" -v n="$rounds" -v c1="$c1" -v c2="$c2" \
    -v lb="$load_before" -v la="$(load)" 'BEGIN {
  printf "warc_bench (medians of %d, one file): zcat %.1f MB/s; reader alone %.1f MB/s = %.2fx zcat\n", n, mb / z, mb / r, z / r
  printf "warc_bench: pith warc -j1 end to end %.1f MB/s = %.2fx zcat (target >= 0.33), peak RSS %.0f MB\n", mb / e1, z / e1, m1
  printf "warc_bench: pith warc -j2 end to end %.1f MB/s = %.2fx zcat, peak RSS %.0f MB; scaling -j2/-j1 on one file %.2fx (target >= 1.8)\n", mb / e2, z / e2, m2, e1 / e2
  printf "warc_bench: CPU time (user + system) -j1 %.2fs, -j2 %.2fs (%+.1f%%: the cost of running in parallel)\n", c1, c2, (c2 / c1 - 1) * 100
  printf "warc_bench: load average (1 min) before %s, after %s\n", lb, la }'
