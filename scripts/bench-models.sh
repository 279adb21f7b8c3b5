#!/usr/bin/env bash
# Model training and projection against the targets of issue 6: walk-forward MAE per position on
# 2022 (trained only on earlier weeks) next to the season-to-date baseline on the same rows,
# training time for all positions (target <= 60 s on 2 cores), slate projection time (target
# <= 200 ms) and backtests of every real slate with results, each with models trained only on
# the weeks before it. Usage: scripts/bench-models.sh [DATA_DIR] (default ../shared/data).
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --quiet -p nfl-dfs-core --example train_timing
"${CARGO_TARGET_DIR:-target}/release/examples/train_timing" "${1:-${NFL_DFS_REAL_DATA:-../shared/data}}"
