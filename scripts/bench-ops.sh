#!/usr/bin/env bash
# Operations timings of issue 7 on the real seasons: database backup (VACUUM INTO) against a plain
# file copy in the same run (ratio printed), models archive, backup verification, a full restore,
# the troubleshooter and the monitor. Usage: scripts/bench-ops.sh [DATA_DIR] (default
# ../shared/data).
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --quiet -p nfl-dfs-core --example ops_timing
"${CARGO_TARGET_DIR:-target}/release/examples/ops_timing" "${1:-${NFL_DFS_REAL_DATA:-../shared/data}}"
