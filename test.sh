#!/usr/bin/env bash
# Sets everything up (first run only) and runs every test: formatting, lints, the Rust
# workspace's tests, the UI's type check, lint and unit tests, and the end-to-end test of the
# real app in a real window (Xvfb + tauri-driver + WebKitWebDriver), and the .deb and .rpm
# bundles.
set -euo pipefail
cd "$(dirname "$0")"
source scripts/setup.sh
ensure_setup
ensure_tauri_driver

step "cargo fmt --check"
cargo fmt --all --check

# The app embeds ui/dist at compile time, so the UI is built before any cargo build.
build_ui

step "cargo clippy"
cargo clippy --workspace --all-targets --locked -- -D warnings

step "cargo test"
cargo test --workspace --locked

step "UI: type check, lint, unit tests"
npm --prefix ui run check
npm --prefix ui run lint
npm --prefix ui test

step "End-to-end: the real app under Xvfb"
# Same target selection as `cargo test --workspace`, so features unify alike and nothing rebuilds.
cargo build --workspace --all-targets --locked
export CARGO_TARGET_DIR="$NFL_DFS_TARGET_DIR"
export NO_AT_BRIDGE=1
# WebKit wants a session bus; the accessibility bridge is not needed and can stall it.
run_e2e=(dbus-run-session -- npm --prefix ui run e2e)
if [ -z "${DISPLAY:-}" ]; then
  run_e2e=(xvfb-run -a -s "-screen 0 1400x900x24" "${run_e2e[@]}")
fi
"${run_e2e[@]}"

step "Linux bundles: tauri makes a .deb and an .rpm a desktop can install"
scripts/check-bundles.sh

step "All tests passed"
