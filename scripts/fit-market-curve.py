#!/usr/bin/env python3
"""Fits the shipped market curve (src-tauri/domain/src/projection/market_default.json): per
position, what DraftKings' salary says a player scores if he plays (least squares, points on
salary in $1,000s), and how likely a player with no NFL game yet is to play (one logistic on
salary for every position: a rookie, a call-up), from the real slates of ../shared/data with
points, matched to the weekly player stats by name and team. Only the slates of 2018-2020 are
used, so the 2021 and 2022 slates stay out of sample for the benches; the chance to play of a
new player comes from the 2019-2020 slates (in 2018 every veteran is new to the loaded stats).
The DST curve is fitted by `scripts/bench-slates.sh` (WRITE_DEFAULTS=1), which has the app's DST
points; this script keeps the one in the shipped file.
Usage: scripts/fit-market-curve.py [DATA_DIR] > market.json, then move it over
src-tauri/domain/src/projection/market_default.json
"""
import csv
import json
import math
import re
import sys

DATA = sys.argv[1] if len(sys.argv) > 1 else "../shared/data"
SLATES = [
    ("2018_w05_sun_10-07_main.csv", 2018, 5), ("2018_w07_sun_10-21.csv", 2018, 7),
    ("2018_w08_sun_10-28.csv", 2018, 8), ("2018_w10_sun_11-11.csv", 2018, 10),
    ("2018_w11_sun_11-18.csv", 2018, 11), ("2019_w01_thu-mon_09-05_09-09.csv", 2019, 1),
    ("2019_w03_sun_09-22.csv", 2019, 3), ("2020_w10_sun_11-15.csv", 2020, 10),
    ("2020_w16_sun_12-27.csv", 2020, 16),
]
TEAM = {"OAK": "LV", "SD": "LAC", "STL": "LA", "LAR": "LA", "JAC": "JAX", "WSH": "WAS"}


def name(n):
    n = n.lower().replace(".", "").replace("'", "").strip()
    n = re.sub(r"\s+(jr|sr|ii|iii|iv|v)$", "", n)
    return re.sub(r"[^a-z ]", "", n).strip()


def team(t):
    return TEAM.get(t.strip(), t.strip())


def number(r, column):
    return float(r.get(column) or 0)


def dk_points(r):
    """DraftKings points from nflverse's PPR points: interceptions and lost fumbles cost 1, not
    2, and 300 passing or 100 rushing or receiving yards add 3."""
    lost = number(r, "rushing_fumbles_lost") + number(r, "receiving_fumbles_lost") + number(r, "sack_fumbles_lost")
    bonus = 3 * (number(r, "passing_yards") >= 300) + 3 * (number(r, "rushing_yards") >= 100) \
        + 3 * (number(r, "receiving_yards") >= 100)
    return number(r, "fantasy_points_ppr") + number(r, "interceptions") + lost + bonus


points = {}
first_game = {}
for season in range(2018, 2021):
    with open(f"{DATA}/nflverse/player_stats_weekly/player_stats_{season}.csv") as f:
        for r in csv.DictReader(f):
            key = (season, int(r["week"]), name(r["player_display_name"]), team(r["recent_team"]))
            points[key] = dk_points(r)
            week_key = season * 100 + int(r["week"])
            player = name(r["player_display_name"])
            first_game[player] = min(first_game.get(player, week_key), week_key)

samples = {p: [] for p in ("QB", "RB", "WR", "TE")}
new = []
for file, season, week in SLATES:
    with open(f"{DATA}/dk_salaries/{file}", encoding="utf-8-sig") as f:
        for r in csv.DictReader(f):
            if r["Position"] not in samples:
                continue
            scored = points.get((season, week, name(r["Name"]), team(r["TeamAbbrev"])))
            salary = int(r["Salary"]) / 1000.0
            samples[r["Position"]].append((salary, scored))
            if season >= 2019 and first_game.get(name(r["Name"]), 999999) >= season * 100 + week:
                new.append((salary, 1.0 if scored is not None else 0.0))


def least_squares(xy):
    n = len(xy)
    mx = sum(x for x, _ in xy) / n
    my = sum(y for _, y in xy) / n
    b = sum((x - mx) * (y - my) for x, y in xy) / sum((x - mx) ** 2 for x, _ in xy)
    return my - b * mx, b


def logistic(xy):
    """Newton's method on the log likelihood of played (y = 1) on salary."""
    a, b = 0.0, 0.0
    for _ in range(50):
        ga = gb = haa = hab = hbb = 0.0
        for x, y in xy:
            p = 1 / (1 + math.exp(-(a + b * x)))
            ga += y - p
            gb += (y - p) * x
            w = p * (1 - p)
            haa += w
            hab += w * x
            hbb += w * x * x
        det = haa * hbb - hab * hab
        a += (hbb * ga - hab * gb) / det
        b += (haa * gb - hab * ga) / det
    return a, b


SHIPPED = "src-tauri/domain/src/projection/market_default.json"
try:
    with open(SHIPPED) as f:
        curve = {k: v for k, v in json.load(f)["positions"].items() if k == "DST"}
except (OSError, KeyError, ValueError):
    curve = {}
for position, rows in samples.items():
    played = [(x, y) for x, y in rows if y is not None]
    a, b = least_squares(played)
    curve[position] = {"points": [round(a, 4), round(b, 4)], "samples": len(played)}
c, d = logistic(new)
json.dump(
    {
        "positions": curve,
        "new_play": [round(c, 4), round(d, 4)],
        "new_samples": len(new),
        "new_played": int(sum(y for _, y in new)),
    },
    sys.stdout,
    indent=2,
)
print()
