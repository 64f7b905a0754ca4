#!/usr/bin/env bash
# Runs every benchmark against the dev datasets in ../shared/eval/data (unpacked once into BUILD/bench-data).
# Each benchmark checks its output first and reports ratios against a baseline measured in the same run.
set -euo pipefail
build=${1:-build}
shared=${PITH_SHARED_DIR:-$(cd "$(dirname "$0")/../.." && pwd)/shared}
if [ ! -d "$shared/eval/data" ]; then
  echo "bench: $shared/eval/data not found; the benchmarks need ../shared beside the project" >&2
  exit 1
fi
data=$(bash "$(dirname "$0")/../scripts/unpack-datasets.sh" "$shared" "$build/bench-data")

echo "== HTML parse throughput: pith vs libgumbo (all dev-set pages)"
"$build/bench/parse_bench" --rounds 5 "$data"/*/html

echo
echo "== Extraction throughput: pith (decode + parse + extract + text) vs libgumbo parse"
"$build/bench/extract_bench" --rounds 3 "$data/scrapinghub_aeb" "$data/wcxb-dev" "$data/cleaneval-dev" \
  "$data/readability" "$data/zh_wce_immortal_autumn" "$data/trafilatura_eval"

echo
echo "== Encoding: UTF-8 validation and GBK/EUC-KR decoding vs iconv"
"$build/bench/encoding_bench" --data "$data" --benchmark_repetitions=3 --benchmark_report_aggregates_only=true

echo
echo "== WARC: pith vs zcat on a Common-Crawl-like .warc.gz, and 1 -> 2 thread scaling"
bash "$(dirname "$0")/warc_bench.sh" "$build" wcxb-dev 3

echo
echo "== Metadata: title/author/date exact rates with score_meta.py (wcxb-dev, its halves, readability)"
bash "$(dirname "$0")/meta_bench.sh" "$build"
