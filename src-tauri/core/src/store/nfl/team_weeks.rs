//! Weekly team stats (`nfl_team_weeks`) and their DST points, which need both teams' rows and
//! the schedule's score, so they are recomputed for a season whenever either changes.

use super::{upsert, WRITING};
use crate::store::db_err;
use crate::Result;
use nfl_dfs_domain::nflverse::team_week::{self, TeamWeek};
use nfl_dfs_domain::scoring::{defense_points, points_allowed, Defense, DstEvents};
use sea_orm::{ConnectionTrait, DatabaseTransaction, DbBackend, FromQueryResult, Statement, Value};
use std::collections::{BTreeSet, HashMap};

/// Stores team weeks (their DST points follow in [`dst_points`]).
pub(super) async fn team_weeks(txn: &DatabaseTransaction, rows: &[TeamWeek]) -> Result<()> {
    let mut columns = vec!["team", "season", "week", "season_type", "opponent"];
    columns.extend(team_week::STAT_COLUMNS.iter().map(|(c, _)| *c));
    let blocked = team_week::stat("blocked_kicks");
    // A team's blocked kicks are the kicks of its opponent that were blocked.
    let kicks_blocked: HashMap<(&str, i32, i32), f64> = rows
        .iter()
        .map(|r| ((r.team.as_str(), r.season, r.week), r.kicks_blocked))
        .collect();
    let values = rows
        .iter()
        .map(|r| {
            let mut stats = r.stats;
            stats[blocked] = r
                .opponent
                .as_deref()
                .and_then(|o| kicks_blocked.get(&(o, r.season, r.week)))
                .copied()
                .unwrap_or(0.0);
            let mut v: Vec<Value> = vec![
                r.team.clone().into(),
                r.season.into(),
                r.week.into(),
                r.season_type.clone().into(),
                r.opponent.clone().into(),
            ];
            v.extend(stats.iter().map(|s| Value::from(*s)));
            v
        })
        .collect();
    upsert(
        txn,
        "nfl_team_weeks",
        &columns,
        &["team", "season", "week", "season_type"],
        values,
    )
    .await
}

#[derive(Debug, FromQueryResult)]
struct TeamRow {
    team: String,
    season: i32,
    week: i32,
    season_type: String,
    opponent: Option<String>,
    def_sacks: f64,
    def_interceptions: f64,
    def_fumbles_recovered: f64,
    def_tds: f64,
    def_safeties: f64,
    special_teams_tds: f64,
    blocked_kicks: f64,
}

#[derive(Debug, FromQueryResult)]
struct Score {
    season: i32,
    week: i32,
    away_team: String,
    home_team: String,
    away_score: Option<i32>,
    home_score: Option<i32>,
}

/// Recomputes points allowed and DST points of every team week of `seasons`.
pub(super) async fn dst_points(txn: &DatabaseTransaction, seasons: &BTreeSet<i32>) -> Result<()> {
    if seasons.is_empty() {
        return Ok(());
    }
    let list = seasons
        .iter()
        .map(i32::to_string)
        .collect::<Vec<_>>()
        .join(",");
    let teams = TeamRow::find_by_statement(Statement::from_string(
        DbBackend::Sqlite,
        format!(
            "SELECT team, season, week, season_type, opponent, def_sacks, def_interceptions, \
             def_fumbles_recovered, def_tds, def_safeties, special_teams_tds, blocked_kicks \
             FROM nfl_team_weeks WHERE season IN ({list})"
        ),
    ))
    .all(txn)
    .await
    .map_err(db_err(WRITING))?;
    let scores = Score::find_by_statement(Statement::from_string(
        DbBackend::Sqlite,
        format!(
            "SELECT season, week, away_team, home_team, away_score, home_score \
             FROM nfl_schedule WHERE season IN ({list})"
        ),
    ))
    .all(txn)
    .await
    .map_err(db_err(WRITING))?;
    // (season, week, team) -> points the team scored.
    let mut scored: HashMap<(i32, i32, &str), i32> = HashMap::new();
    for s in &scores {
        if let (Some(a), Some(h)) = (s.away_score, s.home_score) {
            scored.insert((s.season, s.week, s.away_team.as_str()), a);
            scored.insert((s.season, s.week, s.home_team.as_str()), h);
        }
    }
    let events: HashMap<(i32, i32, &str), DstEvents> = teams
        .iter()
        .map(|t| {
            (
                (t.season, t.week, t.team.as_str()),
                DstEvents {
                    def_tds: t.def_tds,
                    def_safeties: t.def_safeties,
                },
            )
        })
        .collect();
    for t in &teams {
        let allowed = t.opponent.as_deref().and_then(|o| {
            let score = scored.get(&(t.season, t.week, o))?;
            let theirs = events
                .get(&(t.season, t.week, o))
                .copied()
                .unwrap_or_default();
            Some(points_allowed(*score, &theirs))
        });
        let points = allowed.map_or(0.0, |allowed| {
            defense_points(&Defense {
                sacks: t.def_sacks,
                interceptions: t.def_interceptions,
                fumbles_recovered: t.def_fumbles_recovered,
                return_tds: t.def_tds + t.special_teams_tds,
                safeties: t.def_safeties,
                blocked_kicks: t.blocked_kicks,
                conversion_returns: 0.0,
                points_allowed: allowed,
            })
        });
        txn.execute_raw(Statement::from_sql_and_values(
            DbBackend::Sqlite,
            "UPDATE nfl_team_weeks SET points_allowed = ?, dk_points = ? \
             WHERE team = ? AND season = ? AND week = ? AND season_type = ?",
            [
                allowed.map(|a| a as i32).into(),
                points.into(),
                t.team.clone().into(),
                t.season.into(),
                t.week.into(),
                t.season_type.clone().into(),
            ],
        ))
        .await
        .map_err(db_err(WRITING))?;
    }
    Ok(())
}
