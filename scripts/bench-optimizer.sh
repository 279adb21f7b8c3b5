#!/usr/bin/env bash
# The optimizer against pydfs-lineup-optimizer 3.6.1 (PuLP + CBC) in one run on this machine:
# one lineup, 150 unique lineups with DraftKings' rules only, 150 with a QB stack of 1 and
# no offense against the DST, and 150 differing in at least 3 players, on real slates
# (AvgPointsPerGame as projection). Prints the times, the ratios, and both optima.
# Usage: scripts/bench-optimizer.sh [salary files...] (default: three real slates)
# Needs ../shared/data and Python 3 with pip; LINEUPS=N changes 150.
set -euo pipefail
cd "$(dirname "$0")/.."
data="${NFL_DFS_REAL_DATA:-../shared/data}/dk_salaries"
if [ "$#" -gt 0 ]; then files=("$@"); else
  files=("$data/2018_w05_sun_10-07_main.csv" "$data/2020_w16_sun_12-27.csv" "$data/2025_w12_sun-mon_11-23_11-24.csv")
fi
lineups="${LINEUPS:-150}"

venv="${HOME}/.cache/nfl-dfs/pydfs-venv"
if [ ! -x "$venv/bin/python" ]; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet pydfs-lineup-optimizer==3.6.1
fi

cargo build --release --quiet -p nfl-dfs-core --example optimize_timing
ours="$(LINEUPS="$lineups" "${CARGO_TARGET_DIR:-target}/release/examples/optimize_timing" "${files[@]}")"
peer="$(LINEUPS="$lineups" "$venv/bin/python" -W ignore - "${files[@]}" <<'PY'
import os, statistics, sys, time
from pydfs_lineup_optimizer import Site, Sport, PositionsStack, get_optimizer
n = int(os.environ["LINEUPS"])
def fresh(path):
    o = get_optimizer(Site.DRAFTKINGS, Sport.FOOTBALL)
    o.load_players_from_csv(path)
    return o
for path in sys.argv[1:]:
    name = path.rsplit("/", 1)[-1]
    times, best = [], 0.0
    for _ in range(5):
        o = fresh(path)
        start = time.perf_counter()
        lineup = next(o.optimize(1))
        times.append(time.perf_counter() - start)
        best = sum(p.fppg for p in lineup.players)
    print(f"{name}\tone\t1\t{statistics.median(times):.4f}\t{best:.2f}")
    for mode in ("many", "stack", "unique3"):
        o = fresh(path)
        if mode == "stack":
            o.add_stack(PositionsStack(["QB", ("WR", "TE")]))
            o.restrict_positions_for_opposing_team(["DST"], ["QB", "RB", "WR", "TE"])
        if mode == "unique3":
            o.set_max_repeating_players(6)
        start = time.perf_counter()
        found = list(o.optimize(n))
        best = max(sum(p.fppg for p in l.players) for l in found)
        print(f"{name}\t{mode}\t{len(found)}\t{time.perf_counter() - start:.3f}\t{best:.2f}")
PY
)"

printf '%-34s %-6s %8s %10s %10s %8s  %s\n' file mode lineups "ours (s)" "pydfs (s)" ratio "best: ours / pydfs"
join -t $'\t' <(awk -F'\t' '{print $1"|"$2"\t"$3"\t"$4"\t"$5}' <<<"$ours" | sort) \
              <(awk -F'\t' '{print $1"|"$2"\t"$3"\t"$4"\t"$5}' <<<"$peer" | sort) |
  awk -F'\t' '{ split($1, k, "|"); printf "%-34s %-6s %8s %10.3f %10.3f %7.1fx  %s / %s\n", k[1], k[2], $2, $3, $6, $6 / $3, $4, $7 }'
