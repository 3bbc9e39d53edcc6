#!/usr/bin/env bash
# Benchmarks (not part of scripts/test.sh): installs what is missing, builds the release bundle,
# then prints figures from
#   - every bench binary of the workspace (`[[bench]]` targets, `cargo bench -p PKG --bench NAME`),
#   - the in-browser measurements tests/web_bench*.rs, including their #[ignore]d full-size cases
#     (wasm-bindgen-test, release profile, headless Chromium; their `console_log!` lines are the
#     figures),
#   - the page-load benchmarks tests/e2e/*.bench.mjs (headless Chromium against dist/),
#   - scripts/size.sh (gzip -9 sizes of dist/ and of the initial page load).
# It ends with a summary: the figures issue 13 asks for, picked from all of the above
# (keystroke to verdict and what a keystroke costs, assess full vs incremental, first-packet
# bytes, packet times, first-load bytes).
# Usage: scripts/bench.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
exec </dev/null
RUN_LOG="$ROOT/target/bench-run.log"
mkdir -p "$(dirname "$RUN_LOG")"
: >"$RUN_LOG"

ensure_rust
ensure_build_tools
run_stage "install: Debian chromium chromium-driver" ensure_apt_packages chromium chromium-driver
run_stage "cargo fetch --locked" fetch_crates
run_stage "prepare packet fonts (scripts/fonts.sh)" prepare_fonts
run_stage "release build (trunk build --release --offline)" build_release

# "package bench-name" for every [[bench]] target in the workspace.
bench_targets() {
  cargo metadata --no-deps --format-version 1 --locked | node -e '
    let s = ""; process.stdin.on("data", (d) => (s += d)).on("end", () => {
      for (const p of JSON.parse(s).packages)
        for (const t of p.targets) if (t.kind.includes("bench")) console.log(p.name, t.name);
    });'
}

bench_binaries() {
  local pkg name found=0
  while read -r pkg name; do
    found=1
    banner "cargo bench -p $pkg --bench $name"
    cargo bench --locked -p "$pkg" --bench "$name"
  done < <(bench_targets)
  ((found)) || note "no bench targets in the workspace"
}
run_stage "bench binaries (cargo bench)" bench_binaries

wasm_benches() {
  local f found=0
  for f in tests/web_bench*.rs; do
    [[ -f "$f" ]] || continue
    found=1
    banner "$f (release, headless Chromium)"
    cargo test --locked --release --target wasm32-unknown-unknown -p bangfu --test "$(basename "$f" .rs)" -- --nocapture --include-ignored
  done
  ((found)) || note "no tests/web_bench*.rs"
}
run_stage "in-browser measurements (tests/web_bench*.rs)" wasm_benches

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
run_stage "page-load benchmarks (tests/e2e/*.bench.mjs)" browser_benches
run_stage "bundle size (gzip -9)" bash scripts/size.sh

banner "summary"
grep -E "^(keystroke to verdict|  per keystroke|BENCH rules\.assess|[0-9,]+ employees × 12 months +(first|incremental)|first packet|packet in browser worker|initial page load)" "$RUN_LOG" |
  sed -E 's/^(BENCH )//' || note "no figures found in $RUN_LOG"

print_timings
