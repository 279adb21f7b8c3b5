#!/usr/bin/env bash
# Contest simulation against the targets of issue 17 (see the example's header): correlations
# by role pair against held-back 2022, ownership error against the value baseline, the field's
# edge on every real contest (leave one slate out), every real contest's pick and
# highest-projected lineup ranked in the real field, decisions scored on an
# independent simulation, and the speed of 10,000 slates x 1,000 candidates x 2,272 entries.
# Usage: scripts/bench-contests.sh [DATA_DIR] (default ../shared/data). WRITE_DEFAULTS=1 also
# rewrites the shipped correlations and ownership model.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --quiet -p nfl-dfs-core --example contest_bench
"${CARGO_TARGET_DIR:-target}/release/examples/contest_bench" "${1:-${NFL_DFS_REAL_DATA:-../shared/data}}"
