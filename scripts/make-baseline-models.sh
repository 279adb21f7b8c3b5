#!/usr/bin/env bash
# Makes the shipped baseline models in models/ from the generated demo history in
# data/nflverse-demo/ (itself made by `nfl_dfs_core::demo::files`): ingest it into a scratch
# data folder, train every position, export the production versions as `baseline`.
# Reproducible: the same history and seeds give the same models.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --quiet -p nfl-dfs-cli
cli="${CARGO_TARGET_DIR:-target}/debug/nfl-dfs-cli"
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
"$cli" --data-dir "$scratch" ingest --from data/nflverse-demo >/dev/null
"$cli" --data-dir "$scratch" train
rm -rf models/QB models/RB models/WR models/TE models/DST
"$cli" --data-dir "$scratch" models export --to models --as baseline
