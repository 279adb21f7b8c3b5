#!/usr/bin/env bash
# Salary-file loading, NFL DFS against pydfs-lineup-optimizer 3.6.1 (the peer DFS players use),
# in one run on the same machine: the median of 51 loads of each real file, and the ratio.
# Then the criterion benchmarks of import into SQLite and of 500-lineup exports.
# Needs ../shared/data (the real salary files) and Python 3 with pip.
set -euo pipefail
cd "$(dirname "$0")/.."
data="${NFL_DFS_REAL_DATA:-../shared/data}/dk_salaries"
[ -d "$data" ] || { echo "no real data at $data: set NFL_DFS_REAL_DATA" >&2; exit 1; }

venv="${HOME}/.cache/nfl-dfs/pydfs-venv"
if [ ! -x "$venv/bin/python" ]; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet pydfs-lineup-optimizer==3.6.1
fi

# pydfs reads the standard layout only; the same files are timed on both sides.
files=()
for f in "$data"/*.csv; do
  case "$f" in *oldformat*|*template*) ;; *) files+=("$f") ;; esac
done

cargo build --release --quiet -p nfl-dfs-core --example parse_timing
ours="$(target/release/examples/parse_timing "${files[@]}")"
peer="$("$venv/bin/python" -W ignore - "${files[@]}" <<'PY'
import statistics, sys, time
from pydfs_lineup_optimizer import Site, Sport, get_optimizer
for path in sys.argv[1:]:
    times, players = [], 0
    for _ in range(51):
        optimizer = get_optimizer(Site.DRAFTKINGS, Sport.FOOTBALL)
        start = time.perf_counter()
        optimizer.load_players_from_csv(path)
        times.append((time.perf_counter() - start) * 1e6)
        players = len(optimizer.player_pool.all_players)
    print(f"{path.rsplit('/', 1)[-1]}\t{players}\t{statistics.median(times):.1f}")
PY
)"

printf '%-34s %8s %12s %12s %8s\n' file players "ours (µs)" "pydfs (µs)" ratio
join -t $'\t' <(sort <<<"$ours") <(sort <<<"$peer") |
  awk -F'\t' '{ printf "%-34s %8s %12.1f %12.1f %7.0fx\n", $1, $2, $3, $5, $5 / $3 }'

cargo bench --quiet -p nfl-dfs-core --bench slate_io -- --noplot 2>/dev/null | grep -E "^(parse|import|export|fill)|time:"
