#!/usr/bin/env bash
# nflverse ingest timings against the targets of issue 5: five seasons of weekly player and
# team stats plus games.csv, one generated play-by-play season (50,000 x 372, gzip), and the
# peak memory. Usage: scripts/bench-ingest.sh [DATA_DIR] (default ../shared/data).
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --quiet -p nfl-dfs-core --example ingest_timing
"${CARGO_TARGET_DIR:-target}/release/examples/ingest_timing" "${1:-${NFL_DFS_REAL_DATA:-../shared/data}}"
