#!/usr/bin/env bash
# Benchmarks (not part of scripts/test.sh): installs what is missing, builds the release bundle,
# then prints figures from
#   - the workspace's bench binaries (`cargo bench --workspace --benches`, release profile),
#   - the browser benchmarks tests/e2e/*.bench.mjs (headless Chromium against dist/),
#   - scripts/size.sh (gzip -9 sizes of dist/ and of the initial page load).
# Usage: scripts/bench.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
exec </dev/null

ensure_rust
ensure_build_tools
run_stage "install: Debian chromium chromium-driver" ensure_apt_packages chromium chromium-driver
run_stage "cargo fetch --locked" fetch_crates
run_stage "prepare packet fonts (scripts/fonts.sh)" prepare_fonts
run_stage "release build (trunk build --release --offline)" build_release

bench_binaries() {
  local n
  n="$(cargo metadata --no-deps --format-version 1 --locked |
    node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>{const m=JSON.parse(s);
      console.log(m.packages.flatMap(p=>p.targets).filter(t=>t.kind.includes("bench")).length)})')"
  if ((n == 0)); then
    note "no bench targets in the workspace yet"
    return 0
  fi
  note "$n bench target(s)"
  cargo bench --workspace --benches --locked
}
run_stage "bench binaries (cargo bench --workspace --benches)" bench_binaries

browser_benches() {
  local f found=0
  for f in tests/e2e/*.bench.mjs; do
    [[ -f "$f" ]] || continue
    found=1
    banner "$f"
    node "$f"
  done
  ((found)) || note "no tests/e2e/*.bench.mjs"
}
run_stage "browser benchmarks (tests/e2e/*.bench.mjs)" browser_benches
run_stage "bundle size (gzip -9)" bash scripts/size.sh

print_timings
