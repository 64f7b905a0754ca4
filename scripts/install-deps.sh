#!/usr/bin/env bash
# Installs the Debian packages pith needs, and only those `dpkg -s` reports missing, so a machine that
# already has everything pays nothing (no apt-get update, no network). Idempotent; run as root.
set -euo pipefail

packages=(
  build-essential cmake ninja-build ccache clang libclang-rt-14-dev
  googletest libgtest-dev libgmock-dev libbenchmark-dev
  zlib1g-dev libdeflate-dev libzstd-dev zstd libbrotli-dev
  libcli11-dev libcld2-dev pkg-config
  libgumbo-dev nlohmann-json3-dev libicu-dev
  libuchardet-dev
  python3
)

missing=()
for pkg in "${packages[@]}"; do
  if ! dpkg -s "$pkg" 2>/dev/null | grep -q '^Status: install ok installed'; then
    missing+=("$pkg")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

echo "install-deps: installing ${missing[*]}" >&2
if [ "$(id -u)" -ne 0 ]; then
  echo "install-deps: missing packages and not root; run: sudo apt-get install ${missing[*]}" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
