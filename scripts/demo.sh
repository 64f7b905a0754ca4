#!/usr/bin/env bash
# make demo: the main job on the bundled sample. `pith warc` turns tests/fixtures/sample.warc.gz (six
# news pages in six languages and encodings, plus a revisit, a 404, an image and request records) into a
# JSONL corpus, then this shows the accounting and the first records.
set -euo pipefail
build=${1:-build}
out="$build/demo"
rm -rf "$out"
mkdir -p "$out"
echo "\$ pith warc tests/fixtures/sample.warc.gz -o $out/sample.jsonl --stats $out/stats.json --rejects $out/rejects.jsonl"
"$build/pith" warc tests/fixtures/sample.warc.gz -o "$out/sample.jsonl" --stats "$out/stats.json" \
  --rejects "$out/rejects.jsonl"
echo
echo "== records written ($out/sample.jsonl):"
/usr/bin/python3 - "$out/sample.jsonl" <<'PY'
import json, sys, textwrap
for line in open(sys.argv[1], encoding="utf-8"):
    rec = json.loads(line)
    m = rec["metadata"]
    print(f"- {m.get('url')}")
    print(f"  title: {m.get('title')!r}  language: {m.get('language')}  encoding: {m.get('encoding')} ({m.get('encoding_source')})")
    print(f"  author: {m.get('author')!r}  date: {m.get('date')!r}  site: {m.get('sitename')!r}")
    first = rec["text"].split("\n", 1)[0]
    print("  text: " + textwrap.shorten(first, 150) + f"  [{len(rec['text'])} chars]")
PY
echo
echo "== skipped records by reason ($out/rejects.jsonl):"
/usr/bin/python3 -c 'import json,sys,collections; c=collections.Counter(json.loads(l)["reason"] for l in open(sys.argv[1])); print("  " + ", ".join(f"{k}: {v}" for k,v in sorted(c.items())))' "$out/rejects.jsonl"
