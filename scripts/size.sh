#!/usr/bin/env bash
# gzip -9 sizes of the release bundle in dist/: every file, the wasm, everything, and the initial page
# load (index.html plus the files it references: what a user downloads before the first screen;
# on-demand bundles such as the packet worker and fonts are not part of it).
# Fails when the initial page load is over INITIAL_BUDGET_KB, issue 13's 450 KB (a phone on a
# poor connection opens the app with that; the township workspace, the packet and the import are
# fetched when asked for). A feature that needs more pays for it elsewhere first.
# Usage: scripts/size.sh [--summary] [DIST]   (--summary: only the totals)
set -euo pipefail
INITIAL_BUDGET_KB=450
cd "$(dirname "${BASH_SOURCE[0]}")/.."

summary=0
if [[ "${1:-}" == --summary ]]; then summary=1; shift; fi
DIST="${1:-dist}"
[[ -f "$DIST/index.html" ]] || { echo "no $DIST/index.html: build first (scripts/serve.sh or scripts/test.sh)" >&2; exit 1; }

gz() { gzip -9 -c "$1" | wc -c; }
kb() { awk -v b="$1" 'BEGIN { printf "%.1f KB", b / 1024 }'; }

# Files named in index.html (href/src attributes and the loader script's import paths).
initial=("index.html")
while IFS= read -r ref; do
  ref="${ref#/}"
  [[ -f "$DIST/$ref" && ! " ${initial[*]} " =~ " $ref " ]] && initial+=("$ref")
done < <(grep -oE "[A-Za-z0-9_./-]+\.(js|mjs|wasm|css|woff2?|ttf|otf|png|svg|ico|json|webmanifest)" "$DIST/index.html" | sort -u)

total_raw=0 total_gz=0 init_raw=0 init_gz=0 wasm_raw=0 wasm_gz=0
rows=()
while IFS= read -r -d '' f; do
  rel="${f#"$DIST"/}"
  raw=$(stat -c %s "$f")
  z=$(gz "$f")
  total_raw=$((total_raw + raw)); total_gz=$((total_gz + z))
  mark=""
  if [[ " ${initial[*]} " =~ " $rel " ]]; then init_raw=$((init_raw + raw)); init_gz=$((init_gz + z)); mark="initial"; fi
  if [[ "$rel" == *.wasm ]]; then wasm_raw=$((wasm_raw + raw)); wasm_gz=$((wasm_gz + z)); fi
  rows+=("$(printf '%12d %12d  %-8s %s' "$raw" "$z" "$mark" "$rel")")
done < <(find "$DIST" -type f -print0 | sort -z)

if ((summary == 0)); then
  printf '%12s %12s  %-8s %s\n' "bytes" "gzip -9" "" "file"
  printf '%s\n' "${rows[@]}" | sort -k2 -n -r
  echo
fi
printf 'wasm (all .wasm):     %10s gzip  (%s raw)\n' "$(kb "$wasm_gz")" "$(kb "$wasm_raw")"
printf 'initial page load:    %10s gzip  (%s raw)  %s\n' "$(kb "$init_gz")" "$(kb "$init_raw")" "${initial[*]}"
init_br=0
for f in "${initial[@]}"; do
  [[ -f "$DIST/$f.br" ]] && init_br=$((init_br + $(stat -c %s "$DIST/$f.br"))) || init_br=$((init_br + $(gz "$DIST/$f")))
done
printf 'initial page load:    %10s brotli (the precompressed .br a server sends when the browser accepts it)\n' "$(kb "$init_br")"
printf 'all of dist/:         %10s gzip  (%s raw)  %d files\n' "$(kb "$total_gz")" "$(kb "$total_raw")" "${#rows[@]}"
# The first packet: the worker (loader, glue, wasm) and the fonts every packet fetches (manifest,
# core, bold). The slices a draft's names need come on top: `cargo bench -p bangfu-packet --bench
# packet` prints them for sample drafts of 25, 300 and 3,000 people.
packet_gz=0
for f in "$DIST"/packet-worker_loader.js "$DIST"/packet-worker.js "$DIST"/packet-worker_bg.wasm \
  "$DIST"/fonts/manifest.json "$DIST"/fonts/NotoSerifSC-Regular.ttf "$DIST"/fonts/NotoSerifSC-Bold.ttf; do
  [[ -f "$f" ]] && packet_gz=$((packet_gz + $(gz "$f")))
done
printf 'first packet, before name slices: %s gzip  (packet worker and the core and bold fonts)\n' "$(kb "$packet_gz")"

if ((init_gz > INITIAL_BUDGET_KB * 1024)); then
  echo "size.sh: the initial page load is $(kb "$init_gz") gzip, over the budget of $INITIAL_BUDGET_KB KB" >&2
  exit 1
fi
