#!/usr/bin/env bash
# Metadata accuracy, measured as the issue asks:
#   bench/meta_bench.sh BUILD_DIR [JOBS]
# Runs `pith extract -f json` over wcxb-dev and readability (the dev sets of ../shared/eval/data, unpacked
# once into BUILD_DIR/bench-data) and scores them with ../shared/eval/score_meta.py: wcxb-dev on title,
# author and date; readability on title and its `byline` as author (copied to `author` in a temporary
# meta.jsonl, since score_meta.py reads the field named like the prediction's). Pages are run as a
# directory, so no per-page URL is passed: URL dates come only from the page's canonical/og:url.
# Prints one row per set, plus wcxb-dev split in two halves by a hash of the domain (half A: md5 even),
# the guard against rules that fit one half only; trafilatura's wcxb-dev rates from the issue are shown
# for comparison.
set -euo pipefail
build=${1:?usage: meta_bench.sh BUILD_DIR [JOBS]}
jobs=${2:-2}
here=$(cd "$(dirname "$0")/.." && pwd)
shared=${PITH_SHARED_DIR:-$here/../shared}
score=$shared/eval/score_meta.py
[ -x "$build/pith" ] || { echo "meta_bench: $build/pith not built" >&2; exit 1; }
[ -f "$score" ] || { echo "meta_bench: $score not found" >&2; exit 1; }
data=$(bash "$here/scripts/unpack-datasets.sh" "$shared" "$build/bench-data")
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

"$build/pith" extract "$data/wcxb-dev/html" -o "$out/wcxb-dev" -f json -j "$jobs"
"$build/pith" extract "$data/readability/html" -o "$out/readability" -f json -j "$jobs"
python3 - "$data/readability/meta.jsonl" "$out/readability-meta.jsonl" <<'EOF'
import json, sys
with open(sys.argv[1], encoding="utf-8") as src, open(sys.argv[2], "w", encoding="utf-8") as dst:
    for line in src:
        m = json.loads(line)
        m["author"] = m.get("byline")
        dst.write(json.dumps(m, ensure_ascii=False) + "\n")
EOF
python3 "$score" "$data/wcxb-dev/meta.jsonl" "$out/wcxb-dev" --json "$out/wcxb.json" > /dev/null
python3 "$score" "$out/readability-meta.jsonl" "$out/readability" --fields title,author \
  --json "$out/readability.json" > /dev/null

# The halves: score_meta.py's own comparison (its norm()) applied to each half's pages.
python3 - "$score" "$data/wcxb-dev/meta.jsonl" "$out" <<'EOF'
import hashlib, importlib.util, json, os, sys
score, meta, out = sys.argv[1:4]
spec = importlib.util.spec_from_file_location("score_meta", score)
sm = importlib.util.module_from_spec(spec)
spec.loader.exec_module(sm)
fields = ("title", "author", "date")

def rates(rows, pred):
    stats = {f: [0, 0] for f in fields}
    for m in rows:
        try:
            with open(os.path.join(pred, m["id"] + ".json"), encoding="utf-8") as f:
                p = json.load(f)
        except (OSError, ValueError):
            p = {}
        for f in fields:
            want = m.get(f)
            if want in (None, "", []):
                continue
            got = p.get(f) or ""
            stats[f][0] += 1
            if f == "date":
                stats[f][1] += str(got)[:10] == str(want)[:10] and len(str(want)) >= 10
            else:
                stats[f][1] += sm.norm(want) == sm.norm(got)
    return {f: (s[1] / s[0], s[0]) if s[0] else None for f, s in stats.items()}

rows = [json.loads(l) for l in open(meta, encoding="utf-8")]
half = lambda m: "A" if int(hashlib.md5((m.get("domain") or m["id"]).encode()).hexdigest(), 16) % 2 == 0 else "B"
table = []
with open(os.path.join(out, "wcxb.json")) as f:
    w = json.load(f)
table.append(("wcxb-dev", {k: (v["exact"], v["pages"]) for k, v in w.items()}))
for h in "AB":
    table.append((f"wcxb-dev half {h}", rates([m for m in rows if half(m) == h], os.path.join(out, "wcxb-dev"))))
with open(os.path.join(out, "readability.json")) as f:
    r = json.load(f)
table.append(("readability (byline as author)", {k: (v["exact"], v["pages"]) for k, v in r.items()}))
table.append(("trafilatura 2.2.0 on wcxb-dev (issue)", {"title": (0.486, 1497), "author": (0.559, None), "date": (0.824, None)}))

print("| set | title exact | author exact | date exact |")
print("|---|---|---|---|")
for name, res in table:
    cells = []
    for f in fields:
        v = res.get(f)
        cells.append("-" if not v else f"{v[0]:.3f}" + (f" ({v[1]})" if v[1] else ""))
    print(f"| {name} | " + " | ".join(cells) + " |")
EOF
