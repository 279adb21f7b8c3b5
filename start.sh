#!/usr/bin/env bash
# Sets everything up (first run only) and launches NFL DFS on the demo data folder.
# On a machine without a display it says so and runs the CLI demo instead.
set -euo pipefail
cd "$(dirname "$0")"
source scripts/setup.sh
ensure_setup
build_ui

# The demo runs in its own data folder so it never touches the user's real one.
export NFL_DFS_DATA_DIR="${NFL_DFS_DATA_DIR:-$NFL_DFS_TARGET_DIR/demo-data}"

step "Building the app"
cargo build -p nfl-dfs -p nfl-dfs-cli
cli="$NFL_DFS_TARGET_DIR/debug/nfl-dfs-cli"

# The demo slate (a generated salary file); importing it again is recognised and adds nothing.
step "Importing the demo slate"
"$cli" slate import data/DKSalaries-demo.csv --name "Demo slate"
# The demo NFL history and the shipped baseline models (loading again changes nothing).
step "Loading the demo NFL history and the baseline models"
"$cli" ingest --from data/nflverse-demo >/dev/null
"$cli" models install models >/dev/null

if [ "$(uname -s)" = "Linux" ] && [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
  step "No display found (DISPLAY and WAYLAND_DISPLAY are unset): running the CLI demo instead"
  "$cli" health
  echo
  "$cli" slate list
  echo
  "$cli" slate show | head -25
  echo
  "$cli" models list
  echo
  "$cli" project --slate 1 | head -12
  echo
  "$cli" optimize --slate 1 --lineups 3
  echo
  "$cli" settings get
  echo
  # The troubleshooter exits 1 on a problem (low disk, say): shown, not fatal to the demo.
  "$cli" doctor || true
  echo
  echo "Run ./start.sh on a desktop session to open the app window."
  exit 0
fi

step "Launching NFL DFS (data folder: $NFL_DFS_DATA_DIR)"
exec "$NFL_DFS_TARGET_DIR/debug/nfl-dfs"
