#!/usr/bin/env bash
# Produces the packet fonts in crates/packet/fonts/ (core, bold, on-demand slices, manifest.json,
# OFL.txt) from Noto Serif SC, pinned by crates/packet-fonts/npm/package-lock.json. The slices of
# common hanzi are ordered by frequency from Unicode's Unihan database (Debian's unicode-data,
# installed by scripts/lib.sh's prepare_fonts).
#
# Idempotent and cheap when nothing changed: the npm download is cached in target/font-src and
# fontgen keeps a stamp of its inputs there. The output folder holds only generated files (it is
# shipped whole with the app); crates/packet-fonts/README.md describes them. Call it before native
# tests, benches and trunk builds:
#   bash scripts/fonts.sh
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
src=$root/target/font-src
pkg=$src/node_modules/@expo-google-fonts/noto-serif-sc
out=$root/crates/packet/fonts

if ! cmp -s "$root/crates/packet-fonts/npm/package-lock.json" "$src/package-lock.json" \
   || [ ! -f "$pkg/400Regular/NotoSerifSC_400Regular.ttf" ] \
   || [ ! -f "$pkg/700Bold/NotoSerifSC_700Bold.ttf" ]; then
  mkdir -p "$src"
  cp "$root/crates/packet-fonts/npm/package.json" "$root/crates/packet-fonts/npm/package-lock.json" "$src/"
  (cd "$src" && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error)
fi

# Unihan's readings (kHanyuPinlu: counts from 《现代汉语频率词典》) and variants, as Debian ships them.
unihan=/usr/share/unicode
for f in Unihan_Readings Unihan_Variants; do
  if [ ! -s "$src/$f.txt" ] || [ "$unihan/$f.txt.bz2" -nt "$src/$f.txt" ]; then
    mkdir -p "$src"
    bzcat "$unihan/$f.txt.bz2" >"$src/$f.txt.tmp" && mv "$src/$f.txt.tmp" "$src/$f.txt"
  fi
done

cd "$root"
cargo run --quiet -p bangfu-packet-fonts --bin fontgen -- \
  --regular "$pkg/400Regular/NotoSerifSC_400Regular.ttf" \
  --bold "$pkg/700Bold/NotoSerifSC_700Bold.ttf" \
  --licence "$pkg/LICENSE_FONT" \
  --root "$root" \
  --out "$out" \
  --stamp "$src/fontgen.stamp" \
  --unihan "$src"
