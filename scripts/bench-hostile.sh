#!/usr/bin/env bash
# Times how the release CLI refuses hostile input: for each case, the exit code, the wall
# time and the peak memory (GNU time), against the 10 s the reliability review allows.
# The tests (src-tauri/cli/tests/hostile.rs) check the refusals themselves; this prints figures.
set -euo pipefail
cd "$(dirname "$0")/.."
target="${CARGO_TARGET_DIR:-$PWD/target}"
cargo build --release -q -p nfl-dfs-cli
cli="$target/release/nfl-dfs-cli"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
data="$work/data"
run() { "$cli" --data-dir "$data" "$@" >/dev/null 2>&1; }

run slate import data/DKSalaries-demo.csv
run ingest --from data/nflverse-demo
run models install models

python3 - "$work" <<'EOF'
import gzip, json, sys, os
work = sys.argv[1]
head = open("data/nflverse-demo/stats_player_week_2025.csv").readline()
row = open("data/nflverse-demo/stats_player_week_2025.csv").readlines()[1]
with gzip.open(f"{work}/rows.csv.gz", "wb", 9) as f:
    f.write(head.encode())
    for _ in range(3_000_000):
        f.write(row.encode())
with gzip.open(f"{work}/line.csv.gz", "wb", 9) as f:
    f.write(head.encode())
    for _ in range(1024):
        f.write(b"7" * (1 << 20))
lines = open("data/DKSalaries-demo.csv", newline="").read().split("\r\n")
cells = lines[1].split(",")
cells[5] = "3000000000"
lines[1] = ",".join(cells)
open(f"{work}/salary.csv", "w", newline="").write("\r\n".join(lines))
os.makedirs(f"{work}/bomb/QB/big")
for name in ["features.json", "metadata.json"]:
    data = open(f"models/QB/baseline/{name}").read().replace('"version": "baseline"', '"version": "big"')
    open(f"{work}/bomb/QB/big/{name}", "w").write(data)
with gzip.open(f"{work}/bomb/QB/big/model.json.gz", "wb", 9) as f:
    for _ in range(300):
        f.write(b" " * (1 << 20))
lines = ["Position,Name + ID,Name,ID,Roster Position,Salary,Game Info,TeamAbbrev,AvgPointsPerGame"]
code = lambda n: "".join(chr(65 + d % 26) for d in (n // 676, n // 26, n))
for g in range(10_000):
    away, home = code(g % 8000), code(8000 + g % 8000)
    lines.append(f"WR,P{g} ({10_000_000 + g}),P{g},{10_000_000 + g},WR/FLEX,3000,"
                 f"{away}@{home} 01/{1 + g // 8000:02d}/2027 01:00PM ET,{away},1.0")
open(f"{work}/games.csv", "w").write("\n".join(lines) + "\n")
head = ("season,game_type,team,week,gsis_id,position,full_name,first_name,last_name,"
        "report_primary_injury,report_secondary_injury,report_status,practice_primary_injury,"
        "practice_secondary_injury,practice_status,date_modified")
line = "2023,REG,{},1,{},RB,{},A,B,Ankle,,Out,Ankle,,Full Participation in Practice,2023-09-08"
for name, team, gsis, who in [("injuries_team.csv", "XXX", "00-0036358", "Josh Jacobs"),
                               ("injuries_id.csv", "KC", "../../etc/passwd", "Josh Jacobs"),
                               ("injuries_name.csv", "KC", "00-0036358", "x" * 100_000)]:
    open(f"{work}/{name}", "w", newline="").write(head + "\r\n" + line.format(team, gsis, who) + "\r\n")
EOF
mkfifo "$work/pipe.csv"
mkdir -p "$work/fifo-model/QB/fifo"
cp models/QB/baseline/features.json "$work/fifo-model/QB/fifo/"
sed 's/"version": "baseline"/"version": "fifo"/' models/QB/baseline/metadata.json > "$work/fifo-model/QB/fifo/metadata.json"
mkfifo "$work/fifo-model/QB/fifo/model.json.gz"
touch "$work/a-file"
ln -s loop-b "$work/loop-a" && ln -s loop-a "$work/loop-b"

printf '%-52s %5s %9s %11s\n' case exit seconds "peak MB"
measure() {
  local name="$1"
  shift
  /usr/bin/time -o "$work/time" -f '%x %e %M' "$cli" --data-dir "$data" "$@" >/dev/null 2>&1 || true
  read -r code secs kb < <(tail -1 "$work/time")
  printf '%-52s %5s %9s %11s\n' "$name" "$code" "$secs" "$((kb / 1024))"
}
measure "models delete QB ../.." models delete QB ../..
measure "restore the live database" restore "$data/nfl-dfs.sqlite"
measure "salary 3,000,000,000" slate import "$work/salary.csv"
measure "1 MB gzip of 3,000,000 rows" ingest --from "$work/rows.csv.gz"
measure "1 MB gzip of one 1 GB line" ingest --from "$work/line.csv.gz"
measure "model.json.gz unpacking to 300 MB" models install "$work/bomb"
measure "optimize --min-salary 60000" optimize --slate 1 --min-salary 60000
measure "optimize --game-stack 9" optimize --slate 1 --game-stack 9
measure "optimize --qb-stack 4 --bring-back 4" optimize --slate 1 --qb-stack 4 --bring-back 4
measure "train --until 2147483647-1" train --until 2147483647-1
measure "salary file of 10,000 games (imports)" slate import "$work/games.csv"
measure "models export --to the registry" models export --to "$data/models/registry" --as x
measure "models install: model.json.gz is a FIFO" models install "$work/fifo-model"
measure "slate import of a FIFO" slate import "$work/pipe.csv"
measure "ingest --from /dev/zero" ingest --from /dev/zero
measure "restore /dev/zero" restore /dev/zero
measure "injury report: team XXX" ingest --from "$work/injuries_team.csv"
measure "injury report: gsis_id ../../etc/passwd" ingest --from "$work/injuries_id.csv"
measure "injury report: 100,000-character name" ingest --from "$work/injuries_name.csv"
measure "nfl_data_url with a user and password" settings set nfl_data_url https://u:p@example.com/x
measure "contest named with a right-to-left override" contest add --slate 1 --type double-up --entries 10 --fee 5 --name $'a\u202eb'
for dir in "$work/a-file" "$work/loop-a"; do
  /usr/bin/time -o "$work/time" -f '%x %e %M' "$cli" --data-dir "$dir" health >/dev/null 2>&1 || true
  read -r code secs kb < <(tail -1 "$work/time")
  printf '%-52s %5s %9s %11s\n' "--data-dir ${dir##*/}" "$code" "$secs" "$((kb / 1024))"
done
