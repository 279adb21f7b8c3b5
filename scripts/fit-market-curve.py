#!/usr/bin/env python3
"""Fits the shipped market curve (src-tauri/domain/src/projection/market_default.json): per
position, what DraftKings' salary says a player scores if he plays (least squares, points on
salary in $1,000s), and how likely a player with no NFL game yet is to play (a rookie, a
call-up): logistic on salary and whether he is a quarterback, and with the week's depth chart
where one is loaded, on his place on it too (listed 1st or 2nd, 3rd or lower, not listed). Fitted
on the real slates of ../shared/data with points, matched to the weekly player stats and the
depth charts by name and team. Only the slates of 2018-2020 are used, so the 2021 and 2022
slates stay out of sample for the benches; the chance to play of a new player comes from the
2019-2020 slates (in 2018 every veteran is new to the loaded stats). The chance to play of a
player whose recent games the app has not seen (a gap in the loaded data before the slate: the
salary file and the week's depth chart are all it has) is logistic in the same inputs,
whether he is a quarterback listed 1st (one plays: 92% of those with an average, against 31% of
those listed 2nd) and whether DraftKings has an average for him, fitted on every player of the
2018-2020 slates past their season's first week (when the average is this season's).
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

# (season, week, team, name) -> his best place on the week's offense chart (QB, RB, WR, TE).
CHART_POSITIONS = {"QB", "RB", "HB", "FB", "WR", "TE"}
places = {}
for season in range(2018, 2021):
    with open(f"{DATA}/nflverse/depth_charts/depth_charts_{season}.csv") as f:
        for r in csv.DictReader(f):
            if r["formation"] != "Offense" or r["position"] not in CHART_POSITIONS:
                continue
            try:
                week, depth = int(float(r["week"])), int(r["depth_team"])
            except ValueError:
                continue
            key = (season, week, team(r["club_code"]), name(r["full_name"]))
            places[key] = min(places.get(key, depth), depth)
charted = {(s, w, t) for s, w, t, _ in places}


def new_row(salary, position, place):
    """A new player's row: 1, salary in $1,000s, quarterback, then (with a chart) listed 1st or
    2nd, listed 3rd or lower."""
    row = [1.0, salary, 1.0 if position == "QB" else 0.0]
    if place is not False:
        row += [1.0 if place in (1, 2) else 0.0, 1.0 if place and place >= 3 else 0.0]
    return row


samples = {p: [] for p in ("QB", "RB", "WR", "TE")}
new = []
unseen = []
for file, season, week in SLATES:
    with open(f"{DATA}/dk_salaries/{file}", encoding="utf-8-sig") as f:
        for r in csv.DictReader(f):
            if r["Position"] not in samples:
                continue
            scored = points.get((season, week, name(r["Name"]), team(r["TeamAbbrev"])))
            salary = int(r["Salary"]) / 1000.0
            samples[r["Position"]].append((salary, scored))
            key = (season, week, team(r["TeamAbbrev"]), name(r["Name"]))
            place = places.get(key) if key[:3] in charted else False
            played = 1.0 if scored is not None else 0.0
            if season >= 2019 and first_game.get(name(r["Name"]), 999999) >= season * 100 + week:
                new.append((r["Position"], salary, place, played))
            if week > 1:
                averaged = 1.0 if float(r["AvgPointsPerGame"] or 0) > 0 else 0.0
                unseen.append((r["Position"], salary, place, averaged, played))


def least_squares(xy):
    n = len(xy)
    mx = sum(x for x, _ in xy) / n
    my = sum(y for _, y in xy) / n
    b = sum((x - mx) * (y - my) for x, y in xy) / sum((x - mx) ** 2 for x, _ in xy)
    return my - b * mx, b


def logistic(rows, ridge=1.0):
    """Newton's method on the log likelihood of played (y = 1) on the rows' features (the first
    is 1), with a small ridge on all but the intercept."""
    k = len(rows[0][0])
    w = [0.0] * k
    for _ in range(100):
        g = [-ridge * w[j] if j else 0.0 for j in range(k)]
        h = [[(ridge if i == j and i else 0.0) for j in range(k)] for i in range(k)]
        for x, y in rows:
            p = 1 / (1 + math.exp(-sum(a * b for a, b in zip(w, x))))
            for i in range(k):
                g[i] += (y - p) * x[i]
                for j in range(k):
                    h[i][j] += p * (1 - p) * x[i] * x[j]
        w = [a + b for a, b in zip(w, solve(h, g))]
    return w


def solve(a, b):
    """Gaussian elimination with partial pivoting."""
    n = len(b)
    m = [row[:] + [b[i]] for i, row in enumerate(a)]
    for c in range(n):
        pivot = max(range(c, n), key=lambda r: abs(m[r][c]))
        m[c], m[pivot] = m[pivot], m[c]
        for r in range(c + 1, n):
            f = m[r][c] / m[c][c]
            for j in range(c, n + 1):
                m[r][j] -= f * m[c][j]
    x = [0.0] * n
    for r in reversed(range(n)):
        x[r] = (m[r][n] - sum(m[r][j] * x[j] for j in range(r + 1, n))) / m[r][r]
    return x


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
salary_only = logistic([(new_row(x, position, False), y) for position, x, _, y in new])
with_chart = logistic(
    [(new_row(x, position, place), y) for position, x, place, y in new if place is not False]
)
unseen_salary = logistic(
    [(new_row(x, position, False) + [averaged], y) for position, x, _, averaged, y in unseen]
)
unseen_chart = logistic(
    [
        (new_row(x, position, place) + [1.0 if position == "QB" and place == 1 else 0.0, averaged], y)
        for position, x, place, averaged, y in unseen
        if place is not False
    ]
)
json.dump(
    {
        "positions": curve,
        "new_play": {
            "salary": [round(v, 4) for v in salary_only],
            "chart": [round(v, 4) for v in with_chart],
        },
        "unseen_play": {
            "salary": [round(v, 4) for v in unseen_salary],
            "chart": [round(v, 4) for v in unseen_chart],
        },
        "new_samples": len(new),
        "new_played": int(sum(y for *_, y in new)),
        "new_charted": sum(1 for _, _, place, _ in new if place is not False),
        "unseen_samples": len(unseen),
        "unseen_played": int(sum(y for *_, y in unseen)),
    },
    sys.stdout,
    indent=2,
)
print()
