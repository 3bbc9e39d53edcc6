# Shared helpers for scripts/serve.sh, scripts/test.sh and scripts/bench.sh. Source it; don't run it.
#
# Every tool comes from a package registry (crates.io, npm, Debian) and is found on PATH: nothing is
# downloaded from anywhere else (see shared/toolchain.md). Each `ensure_*` function installs only what
# is missing or at the wrong version, so a second run skips every install.
#
# Environment knobs:
#   BANGFU_SKIP_APT=1   don't install Debian packages (for a machine where apt is not ours to use)

set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

TRUNK_VERSION="0.21.14"
# fonts-noto-cjk and chromium-l10n: Chinese text and a zh-CN browser for screenshots (scripts/screenshots.mjs)
# and for the end-to-end tests that measure layout.
APT_PACKAGES=(chromium chromium-driver qpdf poppler-utils fonts-noto-cjk chromium-l10n)

# cargo-installed tools first after node_modules/.bin (wasm-opt from npm binaryen 132 must win over
# any Debian binaryen, which corrupts wasm-bindgen's externref table).
CARGO_BIN="${CARGO_HOME:-$HOME/.cargo}/bin"
export PATH="$ROOT/node_modules/.bin:$CARGO_BIN:$PATH"
# Trunk would otherwise ask crates.io's web API for a newer Trunk on every run.
export TRUNK_SKIP_VERSION_CHECK=true
# No prompts anywhere: CI runs with no standard input.
export DEBIAN_FRONTEND=noninteractive
export npm_config_yes=true npm_config_fund=false npm_config_audit=false npm_config_update_notifier=false

# ---------------------------------------------------------------------------------------------------
# Output and timing

STAGE_NAMES=()
STAGE_SECS=()
STAGE_STATUS=()

banner() { printf '\n\033[1m==> %s\033[0m\n' "$*"; }
note() { printf '    %s\n' "$*"; }
die() {
  printf '\n\033[1;31m!!! %s\033[0m\n' "$*" >&2
  exit 1
}

fmt_secs() {
  local s=$1
  if ((s >= 60)); then printf '%dm%02ds' $((s / 60)) $((s % 60)); else printf '%ds' "$s"; fi
}

# run_stage NAME CMD...: runs CMD (a command or a function from this file) in a subshell with a
# banner, records its wall time, and stops everything on failure.
run_stage() {
  local name=$1
  shift
  banner "$name"
  local start=$SECONDS rc=0
  # A subshell with errexit on, outside any `||` context (which would silently disable errexit in
  # the stage's functions): the first failing command fails the stage.
  # With RUN_LOG set, the output is also appended there (for tally_tests).
  set +e
  if [[ -n "${RUN_LOG:-}" ]]; then
    (
      set -e
      "$@"
    ) 2>&1 | tee -a "$RUN_LOG"
    rc=${PIPESTATUS[0]}
  else
    (
      set -e
      "$@"
    )
    rc=$?
  fi
  set -e
  local took=$((SECONDS - start))
  STAGE_NAMES+=("$name")
  STAGE_SECS+=("$took")
  if ((rc != 0)); then
    STAGE_STATUS+=("FAILED (exit $rc)")
    print_timings
    die "FAILED: $name (exit $rc after $(fmt_secs "$took"))"
  fi
  STAGE_STATUS+=("ok")
  note "done: $name in $(fmt_secs "$took")"
}

print_timings() {
  ((${#STAGE_NAMES[@]})) || return 0
  printf '\n\033[1m==> Timings\033[0m\n'
  local i total=0
  for i in "${!STAGE_NAMES[@]}"; do
    printf '    %-58s %8s  %s\n' "${STAGE_NAMES[$i]}" "$(fmt_secs "${STAGE_SECS[$i]}")" "${STAGE_STATUS[$i]}"
    total=$((total + STAGE_SECS[i]))
  done
  printf '    %-58s %8s\n' "total" "$(fmt_secs "$total")"
}

# tally_tests LOG: one closing line adding up every test runner's summary in LOG: cargo test and
# wasm-bindgen-test ("test result: ok. N passed; N failed; N ignored") and node's test runner
# ("# pass N", "# fail N", "# skipped N", "# todo N").
tally_tests() {
  sed 's/\x1b\[[0-9;]*m//g' "$1" | awk '
    /^test result: / {
      for (i = 1; i <= NF; i++) {
        if ($(i + 1) ~ /^passed/) pass += $i
        if ($(i + 1) ~ /^failed/) fail += $i
        if ($(i + 1) ~ /^ignored/) skip += $i
      }
    }
    /^# pass [0-9]+$/ { pass += $3 }
    /^# fail [0-9]+$/ { fail += $3 }
    /^# (skipped|todo) [0-9]+$/ { skip += $3 }
    END { printf "tests: %d passed, %d failed, %d skipped\n", pass, fail, skip }'
}

# ---------------------------------------------------------------------------------------------------
# Versions read from the repository (never hard-coded twice)

# lock_version CRATE: the version of CRATE in Cargo.lock; fails unless there is exactly one.
lock_version() {
  local crate=$1 versions
  versions="$(awk -v want="name = \"$crate\"" '
    $0 == want { getline; gsub(/^version = "|"$/, ""); print }' Cargo.lock)"
  [[ -n "$versions" ]] || die "Cargo.lock has no '$crate' package"
  [[ "$(wc -l <<<"$versions")" -eq 1 ]] ||
    die "Cargo.lock has several versions of '$crate' ($(tr '\n' ' ' <<<"$versions")); pin one"
  printf '%s\n' "$versions"
}

# trunk_toml_tool KEY: the value of KEY in Trunk.toml's [tools] table.
trunk_toml_tool() {
  awk -v key="$1" '
    /^\[/ { in_tools = ($0 ~ /^\[tools\]/) }
    in_tools && $1 == key { sub(/^[^=]*=[ \t]*"/, ""); sub(/".*$/, ""); print; exit }' Trunk.toml
}

# Trunk downloads wasm-bindgen from GitHub when its [tools] pin differs from the binary on PATH,
# which fails here: insist that Trunk.toml, Cargo.lock and the installed CLI all agree.
check_trunk_toml() {
  local want have
  want="$(lock_version wasm-bindgen)"
  have="$(trunk_toml_tool wasm_bindgen)"
  if [[ "$have" != "$want" ]]; then
    die "Trunk.toml [tools] wasm_bindgen = \"$have\" but Cargo.lock has wasm-bindgen $want.
    Set wasm_bindgen = \"$want\" in Trunk.toml (the wasm-bindgen CLI must match the crate exactly)."
  fi
  [[ "$(trunk_toml_tool wasm_opt)" == "version_132" ]] ||
    die "Trunk.toml [tools] wasm_opt must be \"version_132\" (npm binaryen 132; never Debian's binaryen)"
  note "Trunk.toml agrees with Cargo.lock: wasm-bindgen $want, wasm-opt version_132"
}

# ---------------------------------------------------------------------------------------------------
# Installers: each one is a no-op when the right thing is already there.

as_root() {
  if [[ "$(id -u)" -eq 0 ]]; then
    "$@"
  elif command -v sudo >/dev/null 2>&1; then
    sudo -n "$@"
  else
    die "need root (or passwordless sudo) to run: $*"
  fi
}

ensure_rust() {
  command -v cargo >/dev/null 2>&1 || die "cargo not found: install Rust with rustup first"
  command -v rustup >/dev/null 2>&1 || die "rustup not found: the wasm32 target is installed with rustup"
  note "$(rustc --version)"
}

ensure_wasm_target() {
  if rustup target list --installed | grep -qx wasm32-unknown-unknown; then
    note "skip: wasm32-unknown-unknown target already installed"
  else
    rustup target add wasm32-unknown-unknown
  fi
  # rustfmt and clippy ship with the default rustup profile; add them if a minimal profile lacks them.
  local c
  for c in rustfmt clippy; do
    if ! rustup component list --installed | grep -q "^$c"; then rustup component add "$c"; fi
  done
}

# Trunk 0.22 needs a newer rustc than 1.95: pin 0.21.14 with its own lockfile.
ensure_trunk() {
  if [[ "$(trunk --version 2>/dev/null || true)" == "trunk $TRUNK_VERSION" ]]; then
    note "skip: trunk $TRUNK_VERSION already installed"
    return 0
  fi
  note "installing trunk $TRUNK_VERSION (cargo install, ~5-6 min on 2 cores)"
  cargo install trunk --version "$TRUNK_VERSION" --locked --force
  [[ "$(trunk --version)" == "trunk $TRUNK_VERSION" ]] || die "trunk on PATH is not $TRUNK_VERSION: $(command -v trunk)"
}

# The CLI must be exactly the wasm-bindgen crate's version. `--locked` fails against the registry
# mirror (a pinned webpki-roots is not served), so it resolves dependencies afresh.
ensure_wasm_bindgen() {
  local want
  want="$(lock_version wasm-bindgen)"
  if [[ "$(wasm-bindgen --version 2>/dev/null || true)" == "wasm-bindgen $want" &&
    "$(wasm-bindgen-test-runner --version 2>/dev/null || true)" == "wasm-bindgen-test-runner $want" ]]; then
    note "skip: wasm-bindgen-cli $want already installed"
    return 0
  fi
  note "installing wasm-bindgen-cli $want (version from Cargo.lock, ~2 min)"
  cargo install wasm-bindgen-cli --version "=$want" --force
  [[ "$(wasm-bindgen --version)" == "wasm-bindgen $want" ]] ||
    die "wasm-bindgen on PATH is not $want: $(command -v wasm-bindgen)"
}

# npm ci when node_modules is missing or was installed from another package-lock.json.
ensure_node_modules() {
  command -v node >/dev/null 2>&1 || die "node not found (node 20 and npm are expected on the machine)"
  command -v npm >/dev/null 2>&1 || die "npm not found"
  local stamp="node_modules/.bangfu-lock.sha256" want
  want="$(sha256sum package.json package-lock.json | sha256sum | cut -d' ' -f1)"
  if [[ -f "$stamp" && "$(cat "$stamp")" == "$want" && -x node_modules/.bin/wasm-opt &&
    -d node_modules/playwright-core ]]; then
    note "skip: node_modules matches package-lock.json"
  else
    note "npm ci (binaryen, playwright-core)"
    npm ci --no-audit --no-fund
    printf '%s\n' "$want" >"$stamp"
  fi
  local v
  v="$(wasm-opt --version 2>/dev/null || true)"
  [[ "$v" == *"(version_132)"* ]] || die "wasm-opt on PATH is not npm binaryen 132: '$v' from $(command -v wasm-opt)"
  note "wasm-opt: $(command -v wasm-opt) ($v)"
}

pkg_installed() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed'; }

# Chromium + chromedriver for the browser tests, qpdf + poppler-utils to check the PDF packet.
ensure_apt_packages() {
  local missing=() p
  for p in "$@"; do pkg_installed "$p" || missing+=("$p"); done
  if ((${#missing[@]} == 0)); then
    note "skip: Debian packages already installed: $*"
    return 0
  fi
  [[ "${BANGFU_SKIP_APT:-}" == 1 ]] && die "missing Debian packages ${missing[*]} and BANGFU_SKIP_APT=1"
  note "apt-get install ${missing[*]}"
  as_root apt-get update -q
  as_root apt-get install -y -q "${missing[@]}" </dev/null
}

ensure_build_tools() {
  run_stage "install: Rust wasm32 target" ensure_wasm_target
  run_stage "install: trunk $TRUNK_VERSION" ensure_trunk
  run_stage "install: wasm-bindgen-cli (= Cargo.lock)" ensure_wasm_bindgen
  run_stage "install: npm packages (binaryen 132, playwright-core)" ensure_node_modules
}

# ---------------------------------------------------------------------------------------------------
# The release build

fetch_crates() { cargo fetch --locked; }

# The packet's fonts are generated (scripts/fonts.sh): the packet tests read them and Trunk copies
# them into dist/fonts/. Run it before tests, benches and builds (cheap when nothing changed).
prepare_fonts() {
  # Unihan (frequency order of the hanzi slices) and bzcat to read it.
  ensure_apt_packages unicode-data bzip2
  if [[ -f scripts/fonts.sh ]]; then
    bash scripts/fonts.sh
  else
    note "no scripts/fonts.sh: nothing to prepare"
  fi
}

# trunk build --release --offline: zero network connections. Run fetch_crates and prepare_fonts first.
build_release() {
  check_trunk_toml
  rm -rf dist
  trunk build --release --offline
  [[ -f dist/index.html ]] || die "trunk build produced no dist/index.html"
}
