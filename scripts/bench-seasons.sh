#!/usr/bin/env bash
# Walk-forward accuracy per position on 2019, 2020, 2021 and 2022 apart (issue 25), with every
# input a user can load, next to the season-to-date average on the same rows.
# Usage: scripts/bench-seasons.sh [DATA_DIR] (default ../shared/data).
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --quiet -p nfl-dfs-core --example season_check
"${CARGO_TARGET_DIR:-target}/release/examples/season_check" "${1:-${NFL_DFS_REAL_DATA:-../shared/data}}"
