#!/usr/bin/env python3
"""Do PFR's advanced stats or Next Gen Stats predict next week's points (issue 16)?

For every RB, WR and TE game of 2018-2022 after two earlier games that season averaging 5+ PPR
points: a least-squares fit of the game's PPR points on the player's season-to-date points,
target share, air-yards share and carries, with and without one advanced stat's season-to-date
mean, fitted on 2018-2020 and scored (mean absolute error) on 2021-2022. Prints the gain each
stat adds. Usage: scripts/bench-advanced-stats.py [SHARED_DATA_DIR] (default ../shared/data).
"""
import csv
import glob
import math
import sys
from collections import defaultdict

DATA = (sys.argv[1] if len(sys.argv) > 1 else "../shared/data") + "/nflverse"


def number(text):
    try:
        v = float(text)
        return v if math.isfinite(v) else None
    except (TypeError, ValueError):
        return None


def mean(values):
    values = [v for v in values if v is not None]
    return sum(values) / len(values) if values else None


def solve(rows, targets):
    """Least squares by the normal equations (a few columns) with Gaussian elimination."""
    k = len(rows[0])
    a = [[sum(r[i] * r[j] for r in rows) for j in range(k)] for i in range(k)]
    b = [sum(r[i] * y for r, y in zip(rows, targets)) for i in range(k)]
    for i in range(k):
        a[i][i] += 1e-9
        pivot = max(range(i, k), key=lambda r: abs(a[r][i]))
        a[i], a[pivot], b[i], b[pivot] = a[pivot], a[i], b[pivot], b[i]
        for r in range(i + 1, k):
            f = a[r][i] / a[i][i]
            a[r] = [x - f * y for x, y in zip(a[r], a[i])]
            b[r] -= f * b[i]
    x = [0.0] * k
    for i in reversed(range(k)):
        x[i] = (b[i] - sum(a[i][j] * x[j] for j in range(i + 1, k))) / a[i][i]
    return x


def main():
    games = {}
    for season in range(2018, 2023):
        for r in csv.DictReader(open(f"{DATA}/player_stats_weekly/player_stats_{season}.csv")):
            if r["season_type"] == "REG":
                games[(r["player_id"], season, int(r["week"]))] = r
    sources = {}
    for kind, key in [("receiving", "ngs_rec"), ("rushing", "ngs_rush")]:
        table = {}
        for r in csv.DictReader(open(f"{DATA}/nextgen_stats/ngs_{kind}_2016_2022.csv")):
            if r["season_type"] == "REG" and r["week"] != "0":
                table[(r["player_gsis_id"], int(r["season"]), int(r["week"]))] = r
        sources[key] = table
    crosswalk = {
        r["pfr_id"]: r["gsis_id"]
        for r in csv.DictReader(open(f"{DATA}/ids/ff_playerids_2025.csv"))
        if r.get("pfr_id") and r.get("gsis_id")
    }
    pfr = {}
    for path in glob.glob(f"{DATA}/pfr_advstats/advstats_week_*_*.csv"):
        if "_def_" in path or "_pass_" in path:
            continue
        for r in csv.DictReader(open(path)):
            gsis = crosswalk.get(r["pfr_player_id"])
            if gsis and r["game_type"] == "REG":
                pfr.setdefault((gsis, int(r["season"]), int(r["week"])), {}).update(r)
    sources["pfr"] = pfr
    stats = [
        ("ngs_rec", "avg_separation"),
        ("ngs_rec", "avg_cushion"),
        ("ngs_rec", "avg_yac_above_expectation"),
        ("ngs_rush", "rush_yards_over_expected_per_att"),
        ("ngs_rush", "efficiency"),
        ("pfr", "receiving_broken_tackles"),
        ("pfr", "receiving_drop_pct"),
        ("pfr", "rushing_yards_before_contact_avg"),
        ("pfr", "rushing_yards_after_contact_avg"),
        ("pfr", "rushing_broken_tackles"),
    ]
    weeks = defaultdict(list)
    for pid, season, week in games:
        weeks[(pid, season)].append(week)
    examples = []
    for (pid, season), ws in weeks.items():
        ws.sort()
        for i in range(2, len(ws)):
            row = games[(pid, season, ws[i])]
            if row["position"] not in ("RB", "WR", "TE"):
                continue
            prior = [games[(pid, season, w)] for w in ws[:i]]
            points = mean([number(p["fantasy_points_ppr"]) for p in prior])
            if points is None or points < 5:
                continue
            base = [
                1.0,
                points,
                mean([number(p["target_share"]) for p in prior]) or 0.0,
                mean([number(p["air_yards_share"]) for p in prior]) or 0.0,
                mean([number(p["carries"]) for p in prior]) or 0.0,
            ]
            extra = {}
            for source, stat in stats:
                table = sources[source]
                extra[stat] = mean(
                    [number(table[(pid, season, w)].get(stat)) for w in ws[:i] if (pid, season, w) in table]
                )
            examples.append((row["position"], season, base, extra, number(row["fantasy_points_ppr"]) or 0.0))
    print("| position | stat | games | MAE without | with | gain |")
    print("|---|---|---|---|---|---|")
    for position in ("RB", "WR", "TE"):
        for _, stat in stats:
            chosen = [e for e in examples if e[0] == position and e[3][stat] is not None]
            train = [e for e in chosen if e[1] <= 2020]
            test = [e for e in chosen if e[1] >= 2021]
            if len(train) < 200 or len(test) < 100:
                continue
            errors = []
            for with_stat in (False, True):
                x = lambda e: e[2] + ([e[3][stat]] if with_stat else [])
                beta = solve([x(e) for e in train], [e[4] for e in train])
                errors.append(mean([abs(sum(b * v for b, v in zip(beta, x(e))) - e[4]) for e in test]))
            gain = 100 * (errors[0] - errors[1]) / errors[0]
            print(f"| {position} | {stat} | {len(chosen)} | {errors[0]:.3f} | {errors[1]:.3f} | {gain:+.2f}% |")


if __name__ == "__main__":
    main()
