#!/usr/bin/env bash
# Installs what is missing (wasm32 target, Trunk, wasm-bindgen-cli at Cargo.lock's version, npm
# binaryen for wasm-opt), builds the release bundle into dist/ and serves it on
# http://127.0.0.1:8080 until Ctrl-C. Port: first argument or PORT. Usage: scripts/serve.sh [PORT]
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

PORT="${1:-${PORT:-8080}}"
[[ "$PORT" =~ ^[0-9]+$ ]] || die "port must be a number, got '$PORT'"

ensure_rust
ensure_build_tools
run_stage "cargo fetch --locked" fetch_crates
run_stage "prepare packet fonts (scripts/fonts.sh)" prepare_fonts
run_stage "release build (trunk build --release --offline)" build_release
print_timings

# The same small static server the end-to-end tests use (node:http, .wasm as application/wasm,
# 127.0.0.1 only: the app and its data never need to be reachable from another machine).
banner "serving dist/ (Ctrl-C to stop)"
exec node "$ROOT/tests/e2e/harness.mjs" serve "$ROOT/dist" "$PORT"
