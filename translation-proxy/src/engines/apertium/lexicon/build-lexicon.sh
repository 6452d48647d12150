#!/usr/bin/env bash
# Builds Parley's support-domain Apertium modes, eng-spa and spa-eng, from the stock Debian pair and
# the lexicon sources beside this script:
#   eng-spa (what agents write)            spa-eng (what customers write)
#   support.eng.dix      analyser          support.spa-eng.spa.dix  analyser   (appended to the stock one)
#   support.eng-spa.dix  bilingual         support.spa-eng.dix      bilingual  (appended)
#   support.spa.dix      generator         support.spa-eng.eng.dix  generator  (appended)
#   support.eng-spa.lrx  lexical selection support.spa-eng.lrx      lexical selection (an lrx-proc
#                                                                    stage before the stock one)
# Writes data/apertium/<mode>/*.bin and data/apertium/modes/<mode>.mode at the repo root (or under
# $1), which the Apertium engine prefers over the stock modes. Needs lttoolbox (lt-comp, lt-append)
# and lrx-comp (Debian package apertium-lex-tools-dev).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../../../../.." && pwd)"
out="${1:-$root/data/apertium}"
stock="${APERTIUM_PAIR_DIR:-/usr/share/apertium/apertium-eng-spa}"
stock_modes="${APERTIUM_MODES_DIR:-/usr/share/apertium/modes}"

for tool in lt-comp lt-append lrx-comp; do
  command -v "$tool" >/dev/null || { echo "build-lexicon: $tool is not installed" >&2; exit 1; }
done
mkdir -p "$out/modes"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
quiet() { "$@" >/dev/null; }

# build_mode MODE ANALYSER BILINGUAL GENERATOR RULES ANALYSER_OPTION
build_mode() {
  local mode="$1" analyser="$2" bilingual="$3" generator="$4" rules="$5" analyse="$6"
  local stock_mode="$stock_modes/$mode.mode" build="$out/$mode"
  [ -f "$stock_mode" ] || { echo "build-lexicon: $stock_mode not found (install apertium-eng-spa)" >&2; exit 1; }
  mkdir -p "$build"
  quiet lt-comp lr "$here/$analyser" "$tmp/$mode.morf.bin"
  quiet lt-comp lr "$here/$bilingual" "$tmp/$mode.bil.bin"
  quiet lt-comp rl "$here/$generator" "$tmp/$mode.gen.bin"
  quiet lt-append "$stock/$mode.automorf.bin" "$tmp/$mode.morf.bin" "$build/$mode.automorf.bin"
  quiet lt-append "$stock/$mode.autobil.bin" "$tmp/$mode.bil.bin" "$build/$mode.autobil.bin"
  quiet lt-append "$stock/$mode.autogen.bin" "$tmp/$mode.gen.bin" "$build/$mode.autogen.bin"
  quiet lrx-comp "$here/$rules" "$build/$mode.support.lrx.bin" 2>/dev/null

  # The stock mode with the three dictionaries swapped for the extended ones and the support
  # lexical selection run just before the stock one.
  sed \
    -e "s#lt-proc '$stock/$mode.automorf.bin'#lt-proc $analyse'$build/$mode.automorf.bin'#" \
    -e "s#'$stock/$mode.autobil.bin'#'$build/$mode.autobil.bin'#" \
    -e "s#'$stock/$mode.autogen.bin'#'$build/$mode.autogen.bin'#" \
    -e "s#lrx-proc -m '$stock/$mode.autolex.bin'#lrx-proc -m '$build/$mode.support.lrx.bin' | &#" \
    "$stock_mode" >"$tmp/$mode.mode"
  for expected in "$build/$mode.automorf.bin" "$build/$mode.autobil.bin" \
    "$build/$mode.autogen.bin" "$build/$mode.support.lrx.bin"; do
    grep -qF "$expected" "$tmp/$mode.mode" || {
      echo "build-lexicon: the stock $mode.mode has an unexpected shape; $expected not wired in" >&2
      exit 1
    }
  done
  mv "$tmp/$mode.mode" "$out/modes/$mode.mode"
  echo "build-lexicon: wrote $out/modes/$mode.mode"
}

# eng-spa's analyser keeps only its best-weighted readings (-L 1: the support readings weigh -1,
# stock ones 0), so support senses replace stock ones; spa-eng's support entries are new surface
# forms and phrases (the longest match wins), so its analyser keeps every stock reading.
build_mode eng-spa support.eng.dix support.eng-spa.dix support.spa.dix support.eng-spa.lrx '-L 1 '
build_mode spa-eng support.spa-eng.spa.dix support.spa-eng.dix support.spa-eng.eng.dix support.spa-eng.lrx ''
