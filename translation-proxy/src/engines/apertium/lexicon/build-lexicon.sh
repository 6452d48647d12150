#!/usr/bin/env bash
# Builds Parley's support-domain eng-spa Apertium mode from the stock Debian pair and the lexicon
# sources beside this script:
#   support.eng.dix      English words/phrases  -> appended to the stock analyser (weighted)
#   support.eng-spa.dix  translations           -> appended to the stock bilingual dictionary
#   support.spa.dix      Spanish forms          -> appended to the stock generator
#   support.eng-spa.lrx  lexical selection      -> an extra lrx-proc stage before the stock one
# Writes data/apertium/eng-spa/*.bin and data/apertium/modes/eng-spa.mode at the repo root
# (or under $1), which the Apertium engine prefers over the stock mode. Needs lttoolbox
# (lt-comp, lt-append) and lrx-comp (Debian package apertium-lex-tools-dev).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../../../../.." && pwd)"
out="${1:-$root/data/apertium}"
stock="${APERTIUM_PAIR_DIR:-/usr/share/apertium/apertium-eng-spa}"
stock_mode="${APERTIUM_MODES_DIR:-/usr/share/apertium/modes}/eng-spa.mode"

for tool in lt-comp lt-append lrx-comp; do
  command -v "$tool" >/dev/null || { echo "build-lexicon: $tool is not installed" >&2; exit 1; }
done
[ -f "$stock_mode" ] || { echo "build-lexicon: $stock_mode not found (install apertium-eng-spa)" >&2; exit 1; }

build="$out/eng-spa"
mkdir -p "$build" "$out/modes"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

quiet() { "$@" >/dev/null; }
quiet lt-comp lr "$here/support.eng.dix" "$tmp/support.eng.bin"
quiet lt-comp lr "$here/support.eng-spa.dix" "$tmp/support.eng-spa.bin"
quiet lt-comp rl "$here/support.spa.dix" "$tmp/support.spa.bin"
quiet lt-append "$stock/eng-spa.automorf.bin" "$tmp/support.eng.bin" "$build/eng-spa.automorf.bin"
quiet lt-append "$stock/eng-spa.autobil.bin" "$tmp/support.eng-spa.bin" "$build/eng-spa.autobil.bin"
quiet lt-append "$stock/eng-spa.autogen.bin" "$tmp/support.spa.bin" "$build/eng-spa.autogen.bin"
quiet lrx-comp "$here/support.eng-spa.lrx" "$build/eng-spa.support.lrx.bin" 2>/dev/null

# The stock mode with the three dictionaries swapped for the extended ones, the analyser keeping
# only its best-weighted readings (-L 1: the support readings weigh -1, stock ones 0), and the
# support lexical selection run just before the stock one.
sed \
  -e "s#lt-proc '$stock/eng-spa.automorf.bin'#lt-proc -L 1 '$build/eng-spa.automorf.bin'#" \
  -e "s#'$stock/eng-spa.autobil.bin'#'$build/eng-spa.autobil.bin'#" \
  -e "s#'$stock/eng-spa.autogen.bin'#'$build/eng-spa.autogen.bin'#" \
  -e "s#lrx-proc -m '$stock/eng-spa.autolex.bin'#lrx-proc -m '$build/eng-spa.support.lrx.bin' | &#" \
  "$stock_mode" >"$tmp/eng-spa.mode"
for expected in "$build/eng-spa.automorf.bin" "$build/eng-spa.autobil.bin" \
  "$build/eng-spa.autogen.bin" "$build/eng-spa.support.lrx.bin"; do
  grep -qF "$expected" "$tmp/eng-spa.mode" || {
    echo "build-lexicon: the stock eng-spa.mode has an unexpected shape; $expected not wired in" >&2
    exit 1
  }
done
mv "$tmp/eng-spa.mode" "$out/modes/eng-spa.mode"
echo "build-lexicon: wrote $out/modes/eng-spa.mode"
