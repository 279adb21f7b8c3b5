//! Reading the stored NFL history back: a week's DraftKings points, and what is loaded.

use crate::Result;
use sea_orm::{DatabaseConnection, DbBackend, FromQueryResult, Statement};
use serde::Serialize;
use ts_rs::TS;

const READING: &str = "reading NFL data";

/// One player's DraftKings points in a week.
#[derive(Debug, Clone, PartialEq, Serialize, FromQueryResult, TS)]
pub struct PlayerPoints {
    /// nflverse GSIS id.
    pub gsis_id: String,
    /// Name.
    pub name: String,
    /// Position.
    pub position: Option<String>,
    /// Team.
    pub team: String,
    /// DraftKings points.
    pub dk_points: f64,
}

/// One DST's DraftKings points in a week.
#[derive(Debug, Clone, PartialEq, Serialize, FromQueryResult, TS)]
pub struct DstPoints {
    /// Team.
    pub team: String,
    /// Opponent.
    pub opponent: Option<String>,
    /// Points allowed; None when the game's score is not loaded (then no points).
    pub points_allowed: Option<i32>,
    /// DraftKings points.
    pub dk_points: f64,
}

/// Every player's and DST's DraftKings points of one week.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct WeekPoints {
    /// Season.
    pub season: i32,
    /// Week.
    pub week: i32,
    /// Players, best first.
    pub players: Vec<PlayerPoints>,
    /// DSTs, best first.
    pub dsts: Vec<DstPoints>,
}

/// The points of a week (regular season and playoffs alike, by week number).
pub async fn week_points(db: &DatabaseConnection, season: i32, week: i32) -> Result<WeekPoints> {
    let players = PlayerPoints::find_by_statement(Statement::from_sql_and_values(
        DbBackend::Sqlite,
        "SELECT gsis_id, name, position, team, dk_points FROM nfl_player_weeks \
         WHERE season = ? AND week = ? ORDER BY dk_points DESC, name",
        [season.into(), week.into()],
    ))
    .all(db)
    .await
    .map_err(super::db_err(READING))?;
    // Play-by-play where loaded (exact), else the team-stats estimate.
    let dsts = DstPoints::find_by_statement(Statement::from_sql_and_values(
        DbBackend::Sqlite,
        "SELECT team, opponent, CAST(points_allowed AS INTEGER) AS points_allowed, dk_points \
         FROM nfl_dst_games WHERE season = ?1 AND week = ?2 \
         UNION ALL \
         SELECT t.team, t.opponent, t.points_allowed, t.dk_points FROM nfl_team_weeks t \
         WHERE t.season = ?1 AND t.week = ?2 AND NOT EXISTS (SELECT 1 FROM nfl_dst_games d \
           WHERE d.season = t.season AND d.week = t.week AND d.team = t.team) \
         ORDER BY dk_points DESC, team",
        [season.into(), week.into()],
    ))
    .all(db)
    .await
    .map_err(super::db_err(READING))?;
    Ok(WeekPoints {
        season,
        week,
        players,
        dsts,
    })
}

/// What is loaded for one season.
#[derive(Debug, Clone, PartialEq, Serialize, FromQueryResult, TS)]
pub struct SeasonData {
    /// Season.
    pub season: i32,
    /// Player weeks stored.
    #[ts(type = "number")]
    pub player_weeks: i64,
    /// Team weeks stored.
    #[ts(type = "number")]
    pub team_weeks: i64,
    /// Scheduled games stored.
    #[ts(type = "number")]
    pub games: i64,
    /// Last week with player stats.
    pub last_week: Option<i32>,
}

/// Per season, what is loaded; newest season first.
pub async fn seasons(db: &DatabaseConnection) -> Result<Vec<SeasonData>> {
    SeasonData::find_by_statement(Statement::from_string(
        DbBackend::Sqlite,
        "WITH s AS (SELECT season FROM nfl_player_weeks UNION SELECT season FROM nfl_team_weeks \
         UNION SELECT season FROM nfl_schedule) \
         SELECT s.season, \
           (SELECT COUNT(*) FROM nfl_player_weeks p WHERE p.season = s.season) AS player_weeks, \
           (SELECT COUNT(*) FROM nfl_team_weeks t WHERE t.season = s.season) AS team_weeks, \
           (SELECT COUNT(*) FROM nfl_schedule g WHERE g.season = s.season) AS games, \
           (SELECT MAX(week) FROM nfl_player_weeks p WHERE p.season = s.season) AS last_week \
         FROM s ORDER BY s.season DESC",
    ))
    .all(db)
    .await
    .map_err(super::db_err(READING))
}

/// An NFL player found by name.
#[derive(Debug, Clone, PartialEq, Serialize, FromQueryResult, TS)]
pub struct NflPlayerSummary {
    /// nflverse GSIS id.
    pub gsis_id: String,
    /// Name.
    pub name: String,
    /// Position.
    pub position: String,
    /// Latest team.
    pub team: Option<String>,
}

/// Up to 20 NFL players whose name contains `query` (case-insensitive), by name.
pub async fn search_players(db: &DatabaseConnection, query: &str) -> Result<Vec<NflPlayerSummary>> {
    let pattern = format!(
        "%{}%",
        query
            .trim()
            .replace('\\', "\\\\")
            .replace('%', "\\%")
            .replace('_', "\\_")
    );
    NflPlayerSummary::find_by_statement(Statement::from_sql_and_values(
        DbBackend::Sqlite,
        "SELECT gsis_id, name, position, team FROM players \
         WHERE gsis_id IS NOT NULL AND name LIKE ? ESCAPE '\\' ORDER BY name LIMIT 20",
        [pattern.into()],
    ))
    .all(db)
    .await
    .map_err(super::db_err(READING))
}
