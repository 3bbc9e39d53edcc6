#!/usr/bin/env bash
# Installs whatever is missing, then runs every check the project has, in order, stopping at the
# first failure:
#   cargo fmt --check · clippy (host, all targets) · clippy (wasm32) · native cargo test ·
#   wasm-bindgen-test in headless Chromium · release build with Trunk · end-to-end tests (node --test,
#   playwright-core + Debian's Chromium) against dist/.
# Installs already done are skipped, so a second run only builds and tests. Works as root, with
# CI=true and no standard input. Usage: scripts/test.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
exec </dev/null
# Everything the stages print also goes to target/test-run.log, from which the closing line adds up
# the tests run.
mkdir -p target
RUN_LOG="$ROOT/target/test-run.log"
: >"$RUN_LOG"

banner "帮扶车间自评申报: install what is missing, then run every test ($(date -u +%FT%TZ), $(nproc) cores)"
ensure_rust
ensure_build_tools
run_stage "install: Debian ${APT_PACKAGES[*]}" ensure_apt_packages "${APT_PACKAGES[@]}"
run_stage "check: Trunk.toml agrees with Cargo.lock" check_trunk_toml
run_stage "cargo fetch --locked" fetch_crates
run_stage "prepare packet fonts (scripts/fonts.sh)" prepare_fonts

run_stage "cargo fmt --all --check" cargo fmt --all --check
run_stage "clippy: host, all targets" cargo clippy --workspace --all-targets --locked -- -D warnings
# The UI is wasm-only: its gated code is checked only here. `-p bangfu --all-targets` adds the
# in-browser tests (tests/*.rs) without pulling the domain crates' native-only dev-dependencies.
run_stage "clippy: wasm32, workspace" \
  cargo clippy --workspace --target wasm32-unknown-unknown --locked -- -D warnings
run_stage "clippy: wasm32, bangfu incl. browser tests" \
  cargo clippy -p bangfu --all-targets --target wasm32-unknown-unknown --locked -- -D warnings
run_stage "cargo test (native)" cargo test --workspace --locked
# Runner, chromedriver and Chromium flags come from .cargo/config.toml and tests/webdriver.json.
run_stage "cargo test (wasm32, headless Chromium)" \
  cargo test --target wasm32-unknown-unknown -p bangfu --locked
run_stage "release build (trunk build --release --offline)" build_release
run_stage "bundle size (gzip -9)" bash scripts/size.sh --summary
run_stage "end-to-end (node --test tests/e2e/)" node --test tests/e2e/

print_timings
banner "all checks passed"
tally_tests "$RUN_LOG"
