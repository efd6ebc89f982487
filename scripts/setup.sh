#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Install what contact-audit needs from Debian 12 (only what is missing) and build it.
# Usage: bash scripts/setup.sh [preset]   (preset: release (default), dev, asan, fuzz)
set -euo pipefail
cd "$(dirname "$0")/.."
preset="${1:-release}"

packages=(
  build-essential cmake ninja-build pkg-config git
  libphonenumber-dev libicu-dev libprotobuf-dev
  libpoco-dev libssl-dev libboost-program-options-dev libsqlite3-dev sqlite3 libgoogle-perftools-dev
  libtomlplusplus-dev libexpected-dev doctest-dev libkainjow-mustache-dev
  libpango1.0-dev libcairo2-dev fonts-dejavu-core poppler-utils chromium
  clang libclang-rt-14-dev
)

missing=()
for package in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$package")
  fi
done
if ((${#missing[@]})); then
  echo "setup: installing ${missing[*]}" >&2
  if [[ $(id -u) -ne 0 ]]; then
    sudo=sudo
  else
    sudo=
  fi
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

cmake --preset "$preset" >/dev/null
cmake --build --preset "$preset"
