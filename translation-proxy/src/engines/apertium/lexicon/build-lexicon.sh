#!/usr/bin/env bash
# Builds Parley's Apertium modes from Debian's stock pairs and the lexicon sources beside this
# script, appended to the stock dictionaries:
#
# - the support-domain eng-spa and spa-eng:
#     eng-spa (what agents write)            spa-eng (what customers write)
#     support.eng.dix      analyser          support.spa-eng.spa.dix  analyser
#     support.eng-spa.dix  bilingual         support.spa-eng.dix      bilingual
#     support.spa.dix      generator         support.spa-eng.eng.dix  generator
#     support.eng-spa.lrx  lexical selection support.spa-eng.lrx      lexical selection (an lrx-proc
#                                                                      stage before the stock one)
#     support.eng-spa.rlx  constraint grammar (a cg-proc stage before the tagger)
# - the first legs of the bridges to English through Spanish, with general words their stock
#   dictionaries lack: general.<mode>.<source>.dix (analyser), general.<mode>.dix (bilingual),
#   general.<mode>.spa.dix (Spanish generator), and where a customer's word has a support sense,
#   support.<mode>.lrx (lexical selection just after the bilingual dictionary); where the stock
#   tagger or transfer needs a correction, general.<mode>.tagged.sed and .transferred.sed (sed
#   stages before the transfer and before the generator; ro-es only).
#
# Writes data/apertium/<mode>/*.bin and data/apertium/modes/<mode>.mode at the repo root (or under
# $1), which the Apertium engine prefers over the stock modes. Needs lttoolbox (lt-comp, lt-append),
# lrx-comp (Debian package apertium-lex-tools-dev) and cg-comp (cg3).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../../../../.." && pwd)"
out="${1:-$root/data/apertium}"
pairs="${APERTIUM_PAIRS_DIR:-/usr/share/apertium}"
stock_modes="${APERTIUM_MODES_DIR:-/usr/share/apertium/modes}"

for tool in lt-comp lt-append lrx-comp cg-comp; do
  command -v "$tool" >/dev/null || { echo "build-lexicon: $tool is not installed" >&2; exit 1; }
done
mkdir -p "$out/modes"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
quiet() { "$@" >/dev/null; }

# lt-comp only warns about a source without entries, and the empty transducer appended to a stock
# one lost the stock entries: a source must hold at least one.
compile() {
  local direction="$1" source="$2" output="$3"
  grep -q '<e[ >]' "$here/$source" || { echo "build-lexicon: $source has no entries" >&2; exit 1; }
  quiet lt-comp "$direction" "$here/$source" "$output"
}

# compile_rules MODE RULES: MODE's lexical-selection rules, to $out/MODE/MODE.support.lrx.bin.
compile_rules() {
  mkdir -p "$out/$1"
  quiet lrx-comp "$here/$2" "$out/$1/$1.support.lrx.bin" 2>/dev/null
}

# extend_mode MODE PAIR ANALYSER BILINGUAL GENERATOR [SED_EXPRESSION...]: writes $tmp/MODE.mode,
# the stock mode of the Debian pair PAIR with its three dictionaries swapped for the stock ones
# with the given sources appended, and the further sed expressions applied. lt-append replaces a
# stock section of the same name, so the sources name theirs "support" or "general".
extend_mode() {
  local mode="$1" stock="$pairs/$2" analyser="$3" bilingual="$4" generator="$5"
  shift 5
  local stock_mode="$stock_modes/$mode.mode" build="$out/$mode"
  [ -f "$stock_mode" ] || { echo "build-lexicon: $stock_mode not found (install $2)" >&2; exit 1; }
  mkdir -p "$build"
  compile lr "$analyser" "$tmp/$mode.morf.bin"
  compile lr "$bilingual" "$tmp/$mode.bil.bin"
  compile rl "$generator" "$tmp/$mode.gen.bin"
  quiet lt-append "$stock/$mode.automorf.bin" "$tmp/$mode.morf.bin" "$build/$mode.automorf.bin"
  quiet lt-append "$stock/$mode.autobil.bin" "$tmp/$mode.bil.bin" "$build/$mode.autobil.bin"
  quiet lt-append "$stock/$mode.autogen.bin" "$tmp/$mode.gen.bin" "$build/$mode.autogen.bin"
  sed \
    -e "s#'$stock/$mode.automorf.bin'#'$build/$mode.automorf.bin'#" \
    -e "s#'$stock/$mode.autobil.bin'#'$build/$mode.autobil.bin'#" \
    -e "s#'$stock/$mode.autogen.bin'#'$build/$mode.autogen.bin'#" \
    "$@" "$stock_mode" >"$tmp/$mode.mode"
  expect_in_mode "$mode" "$build/$mode.automorf.bin" "$build/$mode.autobil.bin" \
    "$build/$mode.autogen.bin"
}

# expect_in_mode MODE FILE...: fails unless $tmp/MODE.mode runs every FILE.
expect_in_mode() {
  local mode="$1"
  shift
  for expected in "$@"; do
    grep -qF "'$expected'" "$tmp/$mode.mode" || {
      echo "build-lexicon: the stock $mode.mode has an unexpected shape; $expected not wired in" >&2
      exit 1
    }
  done
}

install_mode() {
  mv "$tmp/$1.mode" "$out/modes/$1.mode"
  echo "build-lexicon: wrote $out/modes/$1.mode"
}

# build_support_mode MODE ANALYSER BILINGUAL GENERATOR RULES ANALYSER_OPTION: the stock eng-spa
# pair's MODE extended, with the support lexical selection run just before the stock one and,
# where support.MODE.rlx exists, its constraint grammar just before the tagger.
build_support_mode() {
  local mode="$1" rules="$5" analyse="$6" build="$out/$1" stock="$pairs/apertium-eng-spa"
  local grammar="support.$1.rlx" constrain=()
  compile_rules "$mode" "$rules"
  if [ -f "$here/$grammar" ]; then
    quiet cg-comp "$here/$grammar" "$build/$mode.support.rlx.bin"
    constrain=(-e "s#| apertium-tagger #| cg-proc '$build/$mode.support.rlx.bin' &#")
  fi
  extend_mode "$mode" apertium-eng-spa "$2" "$3" "$4" \
    -e "s#lt-proc '$build/$mode.automorf.bin'#lt-proc $analyse'$build/$mode.automorf.bin'#" \
    -e "s#lrx-proc -m '$stock/$mode.autolex.bin'#lrx-proc -m '$build/$mode.support.lrx.bin' | &#" \
    "${constrain[@]}"
  expect_in_mode "$mode" "$build/$mode.support.lrx.bin"
  [ ${#constrain[@]} -eq 0 ] || expect_in_mode "$mode" "$build/$mode.support.rlx.bin"
  install_mode "$mode"
}

# build_first_leg MODE PAIR SOURCE_LANGUAGE: a bridge's first leg with general.MODE.* appended.
# A first leg's support.<mode>.lrx, when there is one, picks the support sense among the
# translations its bilingual dictionary now offers, just after that dictionary. ro-es has no such
# place: its transfer looks words up itself and takes the first translation, which is that of
# general.ro-es.dix where both offer one, so its support senses are bilingual entries.
# extend_mode swaps its dictionary in the transfer's arguments as it does after lt-proc -b.
# A first leg's general.<mode>.tagged.sed, when there is one, rewrites the tagger's choices just
# after apertium-pretransfer, and its general.<mode>.transferred.sed the Spanish lexical units the
# transfer wrote, just before the generator (GNU sed, extended regexps; the engine adds -z).
build_first_leg() {
  local mode="$1" build="$out/$1" rules="support.$1.lrx"
  local select=() expected=()
  if [ -f "$here/$rules" ]; then
    compile_rules "$mode" "$rules"
    select=(-e "s#lt-proc -b '$build/$mode.autobil.bin'#& | lrx-proc -m '$build/$mode.support.lrx.bin'#")
    expected+=("$build/$mode.support.lrx.bin")
  fi
  mkdir -p "$build"
  if [ -f "$here/general.$mode.tagged.sed" ]; then
    cp "$here/general.$mode.tagged.sed" "$build/$mode.tagged.sed"
    select+=(-e "s#| apertium-pretransfer |#| apertium-pretransfer | sed -u -E -f '$build/$mode.tagged.sed' |#")
    expected+=("$build/$mode.tagged.sed")
  fi
  if [ -f "$here/general.$mode.transferred.sed" ]; then
    cp "$here/general.$mode.transferred.sed" "$build/$mode.transferred.sed"
    select+=(-e "s#| lt-proc \$1 '$build/$mode.autogen.bin'#| sed -u -E -f '$build/$mode.transferred.sed' &#")
    expected+=("$build/$mode.transferred.sed")
  fi
  extend_mode "$mode" "$2" "general.$mode.$3.dix" "general.$mode.dix" "general.$mode.spa.dix" "${select[@]}"
  [ ${#expected[@]} -eq 0 ] || expect_in_mode "$mode" "${expected[@]}"
  install_mode "$mode"
}

# eng-spa's analyser keeps only its best-weighted readings (-L 1: the support readings weigh -1,
# stock ones 0), so support senses replace stock ones; spa-eng's support entries are new surface
# forms and phrases (the longest match wins), so its analyser keeps every stock reading.
build_support_mode eng-spa support.eng.dix support.eng-spa.dix support.spa.dix support.eng-spa.lrx '-L 1 '
build_support_mode spa-eng support.spa-eng.spa.dix support.spa-eng.dix support.spa-eng.eng.dix support.spa-eng.lrx ''
build_first_leg ita-spa apertium-spa-ita ita
build_first_leg fr-es apertium-fr-es fr
build_first_leg pt-es apertium-es-pt pt
build_first_leg gl-es apertium-es-gl gl
build_first_leg cat-spa apertium-spa-cat cat
build_first_leg ro-es apertium-es-ro ro
