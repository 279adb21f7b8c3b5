#!/usr/bin/env bash
# Projections on the real slates (issue 25): per slate with points, models trained only on the
# weeks before it, the pool error against AvgPointsPerGame, stars' play probability against who
# played, players projected 0 who scored, the best lineup's projected and actual points; the
# play probability's reliability by tenth; the least-squares weight of the app against the salary's
# implied points, per season; 2022 week 1 with a gap in the loaded data.
# Usage: scripts/bench-slates.sh [DATA_DIR] (default ../shared/data).
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --quiet -p nfl-dfs-core --example slate_check
"${CARGO_TARGET_DIR:-target}/release/examples/slate_check" "${1:-${NFL_DFS_REAL_DATA:-../shared/data}}"
