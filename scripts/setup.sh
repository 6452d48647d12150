#!/usr/bin/env bash
# Sets up what Parley needs on a fresh Debian machine that has only Node 20 and npm:
# Debian packages (Apertium and its pairs; with --test also PostgreSQL, Chromium and Apertium
# APy), npm dependencies, and Parley's Apertium modes (the support-domain lexicon). Safe to run again: it only does what is
# missing. Used by `npm start` and `npm test`.
set -euo pipefail
cd "$(dirname "$0")/.."

runtime_packages=(
  apertium lttoolbox apertium-lex-tools apertium-lex-tools-dev cg3
  apertium-eng-spa apertium-es-pt apertium-fr-es apertium-spa-ita apertium-spa-cat apertium-es-gl apertium-es-ro
)
test_packages=(postgresql chromium apertium-apy)

packages=("${runtime_packages[@]}")
[[ "${1:-}" == "--test" ]] && packages+=("${test_packages[@]}")

missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed' || missing+=("$package")
done
if ((${#missing[@]})); then
  echo "setup: installing Debian packages: ${missing[*]}"
  sudo_cmd=()
  if [[ $(id -u) -ne 0 ]]; then
    command -v sudo >/dev/null || { echo "setup: run as root or install sudo to install ${missing[*]}" >&2; exit 1; }
    sudo_cmd=(sudo)
  fi
  export DEBIAN_FRONTEND=noninteractive
  "${sudo_cmd[@]}" apt-get update -qq
  "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# npm ci only when the lock file changed since the last install (it rebuilds better-sqlite3).
if [[ ! -f node_modules/.package-lock.json || package-lock.json -nt node_modules/.package-lock.json ]]; then
  echo "setup: installing npm dependencies"
  npm ci --no-audit --no-fund
fi

mkdir -p data
# Parley's eng→spa mode with the support-domain lexicon (writes data/apertium/, about a second).
bash translation-proxy/src/engines/apertium/lexicon/build-lexicon.sh
echo "setup: ready"
