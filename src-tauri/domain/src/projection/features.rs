//! Feature rows: for a player (or DST) and a game, numbers made only from games before that
//! game's week, plus the game's own betting lines. The same code makes training rows from
//! history and prediction rows for a slate, so a model sees the same thing in both.

use super::depth::DepthCharts;
use super::distribution::{std_dev, SpreadInputs};
use super::history::{model_position, week_key, DstGame, History, PlayerGame, WeekKey};
use super::teammates::Teammates;
use crate::dk::Position;
use std::collections::HashMap;
use std::sync::Arc;

/// Version of the feature definitions, recorded with every model; bump on any change.
pub const FEATURE_VERSION: u32 = 5;

/// Features of QB, RB, WR and TE models, in row order.
pub const OFFENSE_FEATURES: [&str; 33] = [
    "dk_points_last1",
    "dk_points_avg3",
    "dk_points_avg5",
    "dk_points_season",
    "games_season",
    "dk_points_trend",
    "dk_points_prev_season",
    "dk_points_career",
    "targets_avg3",
    "carries_avg3",
    "pass_attempts_avg3",
    "target_share_avg3",
    "air_yards_share_avg3",
    "opponent_allowed_to_position",
    "team_implied_total",
    "team_spread",
    "home",
    "dome",
    "rest_days",
    "targets_season",
    "carries_season",
    "implied_x_season",
    "allowed_x_season",
    "snap_share_avg3",
    "snap_share_trend",
    "snaps_known",
    "vacated_targets",
    "vacated_carries",
    "inherited_targets",
    "inherited_carries",
    "inherited_attempts",
    "returning_targets",
    "returning_carries",
];

/// Features of DST models, in row order.
pub const DST_FEATURES: [&str; 12] = [
    "dk_points_last1",
    "dk_points_avg3",
    "dk_points_season",
    "dk_points_prev_season",
    "sacks_avg5",
    "takeaways_avg5",
    "points_allowed_avg5",
    "opponent_implied_total",
    "team_spread",
    "home",
    "dome",
    "opponent_scored_avg",
];

/// The features of a position's model.
pub fn feature_names(position: Position) -> &'static [&'static str] {
    match position {
        Position::DST => &DST_FEATURES,
        _ => &OFFENSE_FEATURES,
    }
}

/// Points a team gives up to a position in a game, before anything is known (typical values).
fn typical_allowed(position: Position) -> f64 {
    match position {
        Position::QB => 18.0,
        Position::RB => 24.0,
        Position::WR => 36.0,
        Position::TE => 11.0,
        Position::DST => 7.0,
    }
}

/// A game from one team's side.
#[derive(Debug, Clone, PartialEq)]
pub struct Context {
    /// Season.
    pub season: i32,
    /// Week.
    pub week: i32,
    /// The team.
    pub team: String,
    /// Its opponent.
    pub opponent: String,
    /// Whether the team is at home.
    pub home: bool,
    /// Expected margin for the team (positive: favoured).
    pub spread: f64,
    /// Expected total points.
    pub total: f64,
    /// Played under a roof.
    pub dome: bool,
    /// Days of rest.
    pub rest: f64,
    /// Whether the spread and total are the game's betting lines (not neutral stand-ins).
    pub lines_known: bool,
}

impl Context {
    /// Points the team is expected to score.
    pub fn implied(&self) -> f64 {
        (self.total + self.spread) / 2.0
    }
}

/// A training or prediction row.
#[derive(Debug, Clone, PartialEq)]
pub struct Example {
    /// GSIS id, or the team for a DST.
    pub id: String,
    /// Name.
    pub name: String,
    /// Model position.
    pub position: Position,
    /// Season of the game.
    pub season: i32,
    /// Week of the game.
    pub week: i32,
    /// The features.
    pub x: Vec<f64>,
    /// The DraftKings points scored (0 for a prediction row).
    pub y: f64,
    /// Season-to-date average before this game (the baseline), if any game this season.
    pub season_avg: Option<f64>,
    /// Games this season before this one.
    pub games_season: usize,
    /// Standard deviation of his DraftKings points over his last games (what his range is
    /// made from).
    pub volatility: f64,
    /// How many games that volatility is taken over.
    pub volatility_games: usize,
}

impl Example {
    /// What the range of a prediction for this row depends on.
    pub fn spread_inputs(&self, projection: f64) -> SpreadInputs {
        SpreadInputs {
            projection,
            volatility: self.volatility,
            games: self.volatility_games,
        }
    }

    fn new(id: &str, name: &str, position: Position, ctx: &Context, row: Row, y: f64) -> Example {
        Example {
            id: id.to_string(),
            name: name.to_string(),
            position,
            season: ctx.season,
            week: ctx.week,
            x: row.x,
            y,
            season_avg: row.season_avg,
            games_season: row.games_season,
            volatility: row.volatility,
            volatility_games: row.volatility_games,
        }
    }
}

/// Games the volatility of a player is measured over.
const VOLATILITY_WINDOW: usize = 16;

/// A feature row with what comes with it.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    /// The features.
    pub x: Vec<f64>,
    /// Season-to-date average before the game, if any game this season.
    pub season_avg: Option<f64>,
    /// Games this season before this one.
    pub games_season: usize,
    /// Standard deviation of his DraftKings points over his last games.
    pub volatility: f64,
    /// How many games that is taken over.
    pub volatility_games: usize,
}

impl Row {
    /// What the range of a prediction from this row depends on.
    pub fn spread_inputs(&self, projection: f64) -> SpreadInputs {
        SpreadInputs {
            projection,
            volatility: self.volatility,
            games: self.volatility_games,
        }
    }

    fn new(x: Vec<f64>, so_far: &PointsSoFar, recent: &[f64]) -> Row {
        let recent = &recent[recent.len().saturating_sub(VOLATILITY_WINDOW)..];
        Row {
            x,
            season_avg: so_far.season_avg,
            games_season: so_far.games_season,
            volatility: std_dev(recent),
            volatility_games: recent.len(),
        }
    }
}

/// Indexes over a history for fast feature rows.
pub struct Features<'a> {
    history: &'a History,
    contexts: HashMap<(String, WeekKey), Context>,
    /// (team, game day) -> week key.
    by_day: HashMap<(String, String), WeekKey>,
    by_player: HashMap<&'a str, Vec<usize>>,
    by_dst: HashMap<&'a str, Vec<usize>>,
    /// (team, position) -> (week, points its opponents' players of that position scored).
    allowed: HashMap<(String, Position), Vec<(WeekKey, f64)>>,
    /// team -> (week, points it scored), from the DSTs that faced it.
    scored: HashMap<String, Vec<(WeekKey, f64)>>,
    /// (team, season) -> after each of its game weeks, the players of earlier games who did not
    /// play that one, with their targets and carries per game so far (by GSIS id).
    absent: HashMap<(&'a str, i32), AbsentByWeek<'a>>,
    /// Who played each team game, for what the next man up inherits.
    teammates: Teammates<'a>,
    /// Depth charts as of each team game.
    depth: Arc<DepthCharts>,
}

/// A team-season's game weeks, each with who did not play it.
type AbsentByWeek<'a> = Vec<(i32, Vec<Absent<'a>>)>;

/// A player who did not play his team's last game: his targets and carries per game before it.
struct Absent<'a> {
    gsis_id: &'a str,
    targets: f64,
    carries: f64,
}

/// For each game week of one team-season (games sorted by week), the players of earlier games
/// who did not play that week, in GSIS-id order (so sums over them are the same bit for bit).
fn absences<'a>(games: &[&'a PlayerGame]) -> AbsentByWeek<'a> {
    // GSIS id -> (targets, carries, games, last week played).
    let mut totals: std::collections::BTreeMap<&str, (f64, f64, f64, i32)> =
        std::collections::BTreeMap::new();
    let mut out = Vec::new();
    for (i, g) in games.iter().enumerate() {
        let e = totals.entry(g.gsis_id.as_str()).or_default();
        e.0 += g.targets;
        e.1 += g.carries;
        e.2 += 1.0;
        e.3 = g.week;
        if games.get(i + 1).is_some_and(|next| next.week == g.week) {
            continue;
        }
        let absent = totals
            .iter()
            .filter(|(_, t)| t.3 != g.week)
            .map(|(id, t)| Absent {
                gsis_id: id,
                targets: t.0 / t.2,
                carries: t.1 / t.2,
            })
            .collect();
        out.push((g.week, absent));
    }
    out
}

/// The absent players' targets and carries per game, each times `weight` of him; `gsis_id`
/// himself left out.
fn weighted_usage(absent: &[Absent], gsis_id: &str, weight: &dyn Fn(&str) -> f64) -> (f64, f64) {
    absent
        .iter()
        .filter(|a| a.gsis_id != gsis_id)
        .fold((0.0, 0.0), |(targets, carries), a| {
            let w = weight(a.gsis_id);
            (targets + w * a.targets, carries + w * a.carries)
        })
}

fn mean(values: impl IntoIterator<Item = f64>) -> Option<f64> {
    let (sum, n) = values
        .into_iter()
        .fold((0.0, 0usize), |(s, n), v| (s + v, n + 1));
    (n > 0).then(|| sum / n as f64)
}

/// DraftKings points before a game: this season's average and games, last season's average
/// (the career average when he did not play then) and the career average.
struct PointsSoFar {
    season_avg: Option<f64>,
    games_season: usize,
    prev: f64,
    career: f64,
}

impl PointsSoFar {
    fn of(games: impl Iterator<Item = (i32, f64)> + Clone, season: i32) -> PointsSoFar {
        let career = mean(games.clone().map(|g| g.1)).unwrap_or(0.0);
        let in_season = |s: i32| games.clone().filter(move |g| g.0 == s).map(|g| g.1);
        PointsSoFar {
            season_avg: mean(in_season(season)),
            games_season: in_season(season).count(),
            prev: mean(in_season(season - 1)).unwrap_or(career),
            career,
        }
    }
}

fn last_mean<T>(items: &[T], n: usize, value: impl Fn(&T) -> f64) -> f64 {
    mean(items[items.len().saturating_sub(n)..].iter().map(value)).unwrap_or(0.0)
}

impl<'a> Features<'a> {
    /// Indexes a history.
    pub fn new(history: &'a History) -> Features<'a> {
        let mut contexts = HashMap::new();
        let mut by_day = HashMap::new();
        for g in &history.games {
            for team in [&g.home_team, &g.away_team] {
                by_day.insert(
                    (team.clone(), g.gameday.clone()),
                    week_key(g.season, g.week),
                );
            }
            let total = g.total_line.unwrap_or(44.0);
            let spread = g.spread_line.unwrap_or(0.0);
            let dome = matches!(g.roof.as_deref(), Some("dome" | "closed"));
            for (team, opponent, home) in [
                (&g.home_team, &g.away_team, true),
                (&g.away_team, &g.home_team, false),
            ] {
                let rest = if home { g.home_rest } else { g.away_rest };
                contexts.insert(
                    (team.clone(), week_key(g.season, g.week)),
                    Context {
                        season: g.season,
                        week: g.week,
                        team: team.clone(),
                        opponent: opponent.clone(),
                        home,
                        spread: if home { spread } else { -spread },
                        total,
                        dome,
                        rest: rest.map_or(7.0, f64::from),
                        lines_known: g.total_line.is_some() && g.spread_line.is_some(),
                    },
                );
            }
        }
        let mut by_player: HashMap<&str, Vec<usize>> = HashMap::new();
        let mut per_game: HashMap<(String, Position, WeekKey), f64> = HashMap::new();
        for (i, p) in history.players.iter().enumerate() {
            by_player.entry(p.gsis_id.as_str()).or_default().push(i);
            let key = week_key(p.season, p.week);
            if let (Some(ctx), Some(pos)) = (
                contexts.get(&(p.team.clone(), key)),
                model_position(&p.position),
            ) {
                *per_game
                    .entry((ctx.opponent.clone(), pos, key))
                    .or_default() += p.dk_points;
            }
        }
        let mut allowed: HashMap<(String, Position), Vec<(WeekKey, f64)>> = HashMap::new();
        for ((team, pos, key), points) in per_game {
            allowed.entry((team, pos)).or_default().push((key, points));
        }
        allowed.values_mut().for_each(|v| v.sort_by_key(|e| e.0));
        let mut by_dst: HashMap<&str, Vec<usize>> = HashMap::new();
        let mut scored: HashMap<String, Vec<(WeekKey, f64)>> = HashMap::new();
        for (i, d) in history.dsts.iter().enumerate() {
            by_dst.entry(d.team.as_str()).or_default().push(i);
            if let Some(pa) = d.points_allowed {
                scored
                    .entry(d.opponent.clone())
                    .or_default()
                    .push((week_key(d.season, d.week), pa));
            }
        }
        scored.values_mut().for_each(|v| v.sort_by_key(|e| e.0));
        let mut team_games: HashMap<(&str, i32), Vec<&PlayerGame>> = HashMap::new();
        for p in &history.players {
            team_games
                .entry((p.team.as_str(), p.season))
                .or_default()
                .push(p);
        }
        let absent = team_games
            .into_iter()
            .map(|(key, mut games)| {
                games.sort_by_key(|p| p.week);
                (key, absences(&games))
            })
            .collect();
        let players = &history.players;
        for list in by_player.values_mut() {
            list.sort_by_key(|&i| week_key(players[i].season, players[i].week));
        }
        let dsts = &history.dsts;
        for list in by_dst.values_mut() {
            list.sort_by_key(|&i| week_key(dsts[i].season, dsts[i].week));
        }
        Features {
            history,
            contexts,
            by_day,
            by_player,
            by_dst,
            allowed,
            scored,
            absent,
            teammates: Teammates::new(history),
            depth: Arc::new(DepthCharts::new(history)),
        }
    }

    /// The depth charts as of each team game, to share with the availability index
    /// ([`super::availability::PlayIndex::with_charts`]) instead of building them again.
    pub fn depth_charts(&self) -> Arc<DepthCharts> {
        Arc::clone(&self.depth)
    }

    /// Targets and carries per game of a team's players who did not play its last game before
    /// `week` (known before kickoff: they are likely out again), each at his average of this
    /// season's earlier games; `gsis_id` himself excluded.
    fn vacated(&self, gsis_id: &str, team: &str, season: i32, week: i32) -> (f64, f64) {
        let absent = self
            .absent_from_last_game(team, season, week)
            .unwrap_or(&[]);
        weighted_usage(absent, gsis_id, &|_| 1.0)
    }

    /// Targets and carries per game of the teammates who did not play the team's last game
    /// before `week` but play this one, each at his average of the games he played for the
    /// team, weighted by his chance to play this one (`plays`, from 0 to 1): a starter back
    /// from injury takes back the share his stand-ins filled, and the stand-ins' recent games
    /// overstate them. Before a team's first game of a season the last game is last season's
    /// final one (a player who missed the end of last season and is back); `gsis_id` himself
    /// excluded.
    fn returning(
        &self,
        gsis_id: &str,
        team: &str,
        season: i32,
        week: i32,
        plays: &dyn Fn(&str) -> f64,
    ) -> (f64, f64) {
        let absent = self
            .absent_from_last_game(team, season, week)
            .or_else(|| Some(self.absent.get(&(team, season - 1))?.last()?.1.as_slice()))
            .unwrap_or(&[]);
        weighted_usage(absent, gsis_id, &|id| plays(id).clamp(0.0, 1.0))
    }

    /// The players of a team's earlier games this season who missed its last game before
    /// `week`; None before its first game of the season.
    fn absent_from_last_game<'s>(
        &'s self,
        team: &'s str,
        season: i32,
        week: i32,
    ) -> Option<&'s [Absent<'a>]> {
        let weeks = self.absent.get(&(team, season))?;
        let (_, absent) = weeks[..weeks.partition_point(|(w, _)| *w < week)].last()?;
        Some(absent)
    }

    /// A team's game in a week, from the schedule.
    pub fn context(&self, team: &str, season: i32, week: i32) -> Option<&Context> {
        self.contexts
            .get(&(team.to_string(), week_key(season, week)))
    }

    /// A team's game on a day (`YYYY-MM-DD`), from the schedule.
    pub fn context_on(&self, team: &str, day: &str) -> Option<&Context> {
        let key = self.by_day.get(&(team.to_string(), day.to_string()))?;
        self.contexts.get(&(team.to_string(), *key))
    }

    /// The last week with player games in a season, if any.
    pub fn last_week(&self, season: i32) -> Option<i32> {
        self.history
            .players
            .iter()
            .filter(|p| p.season == season)
            .map(|p| p.week)
            .max()
    }

    /// Average of a team's per-game values this season before `key`; else last season's; else
    /// `fallback`.
    fn season_rate(list: Option<&Vec<(WeekKey, f64)>>, key: WeekKey, fallback: f64) -> f64 {
        let Some(list) = list else { return fallback };
        let before = &list[..list.partition_point(|e| e.0 < key)];
        let season = key / 100;
        mean(before.iter().filter(|e| e.0 / 100 == season).map(|e| e.1))
            .or_else(|| {
                mean(
                    before
                        .iter()
                        .filter(|e| e.0 / 100 == season - 1)
                        .map(|e| e.1),
                )
            })
            .unwrap_or(fallback)
    }

    /// A player's games before a week.
    fn prior_games(&self, gsis_id: &str, key: WeekKey) -> Vec<&'a PlayerGame> {
        let Some(list) = self.by_player.get(gsis_id) else {
            return Vec::new();
        };
        let players = &self.history.players;
        let end = list.partition_point(|&i| week_key(players[i].season, players[i].week) < key);
        list[..end].iter().map(|&i| &players[i]).collect()
    }

    /// The feature row of a player for a game (only games before it count, and each
    /// teammate's chance to play it, `plays`, 0 to 1); `None` without any earlier game.
    pub fn offense_row(
        &self,
        gsis_id: &str,
        position: Position,
        ctx: &Context,
        plays: &dyn Fn(&str) -> f64,
    ) -> Option<Row> {
        let key = week_key(ctx.season, ctx.week);
        let prior = self.prior_games(gsis_id, key);
        if prior.is_empty() {
            return None;
        }
        let pts = |g: &&PlayerGame| g.dk_points;
        let so_far = PointsSoFar::of(prior.iter().map(|g| (g.season, g.dk_points)), ctx.season);
        let (season_avg, prev, career) = (so_far.season_avg, so_far.prev, so_far.career);
        let season = season_avg.unwrap_or(prev);
        let avg3 = last_mean(&prior, 3, pts);
        // An opportunity's season-to-date average (last season's before the first game).
        let season_mean = |value: fn(&PlayerGame) -> f64| {
            let of = |s: i32| mean(prior.iter().filter(|g| g.season == s).map(|g| value(g)));
            of(ctx.season).or_else(|| of(ctx.season - 1)).unwrap_or(0.0)
        };
        let allowed = Self::season_rate(
            self.allowed.get(&(ctx.opponent.clone(), position)),
            key,
            typical_allowed(position),
        );
        let snaps: Vec<f64> = prior[prior.len().saturating_sub(3)..]
            .iter()
            .filter_map(|g| g.offense_pct)
            .collect();
        let snap_avg = mean(snaps.iter().copied()).unwrap_or(0.0);
        let snap_last = prior.last().and_then(|g| g.offense_pct).unwrap_or(snap_avg);
        let (vacated_targets, vacated_carries) =
            self.vacated(gsis_id, &ctx.team, ctx.season, ctx.week);
        let inherited = self.teammates.inherited(
            gsis_id,
            &ctx.team,
            ctx.season,
            ctx.week,
            self.depth.chart(&ctx.team, key),
            plays,
        );
        let (returning_targets, returning_carries) =
            self.returning(gsis_id, &ctx.team, ctx.season, ctx.week, plays);
        let row = vec![
            prior.last().map_or(0.0, |g| g.dk_points),
            avg3,
            last_mean(&prior, 5, pts),
            season,
            so_far.games_season as f64,
            avg3 - season,
            prev,
            career,
            last_mean(&prior, 3, |g| g.targets),
            last_mean(&prior, 3, |g| g.carries),
            last_mean(&prior, 3, |g| g.attempts),
            last_mean(&prior, 3, |g| g.target_share.unwrap_or(0.0)),
            last_mean(&prior, 3, |g| g.air_yards_share.unwrap_or(0.0)),
            allowed,
            ctx.implied(),
            ctx.spread,
            f64::from(u8::from(ctx.home)),
            f64::from(u8::from(ctx.dome)),
            ctx.rest,
            season_mean(|g| g.targets),
            season_mean(|g| g.carries),
            ctx.implied() * season / 22.0,
            allowed * season / typical_allowed(position),
            snap_avg,
            snap_last - snap_avg,
            f64::from(u8::from(!snaps.is_empty())),
            vacated_targets,
            vacated_carries,
            inherited.targets,
            inherited.carries,
            inherited.attempts,
            returning_targets,
            returning_carries,
        ];
        let points: Vec<f64> = prior.iter().map(|g| g.dk_points).collect();
        Some(Row::new(row, &so_far, &points))
    }

    /// The feature row of a DST for a game, like [`Features::offense_row`].
    pub fn dst_row(&self, ctx: &Context) -> Option<Row> {
        let key = week_key(ctx.season, ctx.week);
        let list = self.by_dst.get(ctx.team.as_str())?;
        let dsts = &self.history.dsts;
        let end = list.partition_point(|&i| week_key(dsts[i].season, dsts[i].week) < key);
        let prior: Vec<&DstGame> = list[..end].iter().map(|&i| &dsts[i]).collect();
        if prior.is_empty() {
            return None;
        }
        let pts = |g: &&DstGame| g.dk_points;
        let so_far = PointsSoFar::of(prior.iter().map(|g| (g.season, g.dk_points)), ctx.season);
        let (season_avg, prev) = (so_far.season_avg, so_far.prev);
        let opponent_scored = Self::season_rate(self.scored.get(&ctx.opponent), key, 22.0);
        let row = vec![
            prior.last().map_or(0.0, |g| g.dk_points),
            last_mean(&prior, 3, pts),
            season_avg.unwrap_or(prev),
            prev,
            last_mean(&prior, 5, |g| g.sacks),
            last_mean(&prior, 5, |g| g.takeaways),
            last_mean(&prior, 5, |g| g.points_allowed.unwrap_or(22.0)),
            ctx.total - ctx.implied(),
            ctx.spread,
            f64::from(u8::from(ctx.home)),
            f64::from(u8::from(ctx.dome)),
            opponent_scored,
        ];
        let points: Vec<f64> = prior.iter().map(|g| g.dk_points).collect();
        Some(Row::new(row, &so_far, &points))
    }

    /// Training rows of every player and DST game with `from <= week < until` that has an
    /// earlier game and a scheduled game.
    pub fn examples(&self, from: WeekKey, until: WeekKey) -> Vec<Example> {
        let mut out = Vec::new();
        for p in &self.history.players {
            let key = week_key(p.season, p.week);
            if key < from || key >= until {
                continue;
            }
            let (Some(position), Some(ctx)) = (
                model_position(&p.position),
                self.context(&p.team, p.season, p.week),
            ) else {
                continue;
            };
            // Training rows know who played the game.
            let Some(played) = self.teammates.played_in(&p.team, p.season, p.week) else {
                continue;
            };
            if let Some(row) = self.offense_row(&p.gsis_id, position, ctx, &played) {
                out.push(Example::new(
                    &p.gsis_id,
                    &p.name,
                    position,
                    ctx,
                    row,
                    p.dk_points,
                ));
            }
        }
        for d in &self.history.dsts {
            let key = week_key(d.season, d.week);
            if key < from || key >= until {
                continue;
            }
            let Some(ctx) = self.context(&d.team, d.season, d.week) else {
                continue;
            };
            if let Some(row) = self.dst_row(ctx) {
                out.push(Example::new(
                    &d.team,
                    &d.team,
                    Position::DST,
                    ctx,
                    row,
                    d.dk_points,
                ));
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn game(gsis: &str, season: i32, week: i32, targets: f64, carries: f64) -> PlayerGame {
        PlayerGame::kc_for_tests(gsis, "RB", season, week, targets, carries)
    }

    /// The starter `rb1` (18 carries, 4 targets) misses 2021's final week 17 and 2022's week 2;
    /// `rb2` plays every game.
    fn history() -> History {
        let mut players = Vec::new();
        for (season, weeks) in [(2021, 1..=17), (2022, 1..=3)] {
            for week in weeks {
                if !matches!((season, week), (2021, 17) | (2022, 2)) {
                    players.push(game("rb1", season, week, 4.0, 18.0));
                }
                players.push(game("rb2", season, week, 1.0, 6.0));
            }
        }
        History {
            players,
            ..History::default()
        }
    }

    #[test]
    fn a_starter_back_from_a_missed_game_brings_his_share_by_his_chance_to_play() {
        let h = history();
        let f = Features::new(&h);
        let back = |p: f64| move |id: &str| if id == "rb1" { p } else { 1.0 };
        // Week 3: he missed week 2.
        let (targets, carries) = f.returning("rb2", "KC", 2022, 3, &back(1.0));
        assert_eq!((targets, carries), (4.0, 18.0));
        let (targets, carries) = f.returning("rb2", "KC", 2022, 3, &back(0.5));
        assert_eq!((targets, carries), (2.0, 9.0));
        // Nobody returns to himself, nor does one who stays out.
        assert_eq!(f.returning("rb1", "KC", 2022, 3, &back(1.0)), (0.0, 0.0));
        assert_eq!(f.returning("rb2", "KC", 2022, 3, &back(0.0)), (0.0, 0.0));
        // Week 2 follows a game he played.
        assert_eq!(f.returning("rb2", "KC", 2022, 2, &back(1.0)), (0.0, 0.0));
    }

    #[test]
    fn a_seasons_first_game_follows_last_seasons_final_one() {
        let h = history();
        let f = Features::new(&h);
        let plays = |id: &str| if id == "rb1" { 0.8 } else { 1.0 };
        let (targets, carries) = f.returning("rb2", "KC", 2022, 1, &plays);
        assert!((targets - 3.2).abs() < 1e-9 && (carries - 14.4).abs() < 1e-9);
        // A team with no game loaded before has nobody to bring back.
        assert_eq!(f.returning("rb2", "DEN", 2022, 1, &plays), (0.0, 0.0));
    }
}
