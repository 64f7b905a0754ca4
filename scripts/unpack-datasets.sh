#!/usr/bin/env bash
# Unpacks ../shared/eval/data/*.tar.zst into DEST (once; a marker file records completion) and prints DEST.
# Usage: unpack-datasets.sh SHARED_DIR DEST
set -euo pipefail
shared=${1:?usage: unpack-datasets.sh SHARED_DIR DEST}
dest=${2:?usage: unpack-datasets.sh SHARED_DIR DEST}
mkdir -p "$dest"
for archive in "$shared"/eval/data/*.tar.zst; do
  name=$(basename "$archive" .tar.zst)
  if [ ! -f "$dest/.$name.done" ]; then
    tar --zstd -xf "$archive" -C "$dest"
    touch "$dest/.$name.done"
  fi
done
echo "$dest"
