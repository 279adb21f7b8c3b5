#!/usr/bin/env bash
# Who plays (issue 16): on every real slate of ../shared/data with stats for its week, the
# offensive players projected above 5 points who did not play, without availability and with
# it, and the Brier score of the play probability. Usage: scripts/bench-availability.sh [DATA_DIR].
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --quiet -p nfl-dfs-core --example availability_check
"${CARGO_TARGET_DIR:-target}/release/examples/availability_check" "${1:-${NFL_DFS_REAL_DATA:-../shared/data}}"
cargo build --release --quiet -p nfl-dfs-core --example availability_walk
"${CARGO_TARGET_DIR:-target}/release/examples/availability_walk" "${1:-${NFL_DFS_REAL_DATA:-../shared/data}}"
