//! The NFL history models learn from, read from the database once into memory: every game
//! with its betting lines, every player's game (DraftKings points and opportunity), every
//! DST's game (play-by-play where loaded, else the team-stats estimate).

use crate::nflverse::team_code::normalise;
use crate::{Error, Result};
use sea_orm::{DatabaseConnection, DbBackend, FromQueryResult, Statement};

/// A week's place in time: `season * 100 + week`.
pub type WeekKey = i32;

/// The key of a season's week.
pub fn week_key(season: i32, week: i32) -> WeekKey {
    season * 100 + week
}

/// One scheduled game.
#[derive(Debug, Clone, PartialEq, FromQueryResult)]
pub struct Game {
    /// Season.
    pub season: i32,
    /// Week.
    pub week: i32,
    /// Date of the game (`YYYY-MM-DD`, local to the stadium as nflverse gives it).
    pub gameday: String,
    /// Away team (today's code).
    pub away_team: String,
    /// Home team (today's code).
    pub home_team: String,
    /// Points the home team is favoured by (nflverse `spread_line`).
    pub spread_line: Option<f64>,
    /// Expected total points.
    pub total_line: Option<f64>,
    /// `dome`, `closed`, `open`, `outdoors`.
    pub roof: Option<String>,
    /// Away team's days of rest.
    pub away_rest: Option<i32>,
    /// Home team's days of rest.
    pub home_rest: Option<i32>,
}

/// One player's game.
#[derive(Debug, Clone, PartialEq, FromQueryResult)]
pub struct PlayerGame {
    /// GSIS id.
    pub gsis_id: String,
    /// Name.
    pub name: String,
    /// Position (QB, RB, WR, TE; FB counts as RB).
    pub position: String,
    /// Team.
    pub team: String,
    /// Season.
    pub season: i32,
    /// Week.
    pub week: i32,
    /// DraftKings points.
    pub dk_points: f64,
    /// Pass attempts.
    pub attempts: f64,
    /// Carries.
    pub carries: f64,
    /// Targets.
    pub targets: f64,
    /// Share of the team's targets.
    pub target_share: Option<f64>,
    /// Share of the team's air yards.
    pub air_yards_share: Option<f64>,
}

/// One DST's game.
#[derive(Debug, Clone, PartialEq, FromQueryResult)]
pub struct DstGame {
    /// Team.
    pub team: String,
    /// Opponent.
    pub opponent: String,
    /// Season.
    pub season: i32,
    /// Week.
    pub week: i32,
    /// DraftKings points.
    pub dk_points: f64,
    /// Sacks.
    pub sacks: f64,
    /// Interceptions and fumble recoveries.
    pub takeaways: f64,
    /// Points allowed as DraftKings counts them.
    pub points_allowed: Option<f64>,
}

/// Everything the features are made from.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct History {
    /// Games, by season and week.
    pub games: Vec<Game>,
    /// Player games, by season and week.
    pub players: Vec<PlayerGame>,
    /// DST games, by season and week.
    pub dsts: Vec<DstGame>,
}

const READING: &str = "reading NFL history";

impl History {
    /// Reads the history from the database.
    pub async fn load(db: &DatabaseConnection) -> Result<History> {
        let games = Game::find_by_statement(Statement::from_string(
            DbBackend::Sqlite,
            "SELECT season, week, gameday, away_team, home_team, spread_line, total_line, roof, \
             away_rest, home_rest FROM nfl_schedule ORDER BY season, week, game_id",
        ))
        .all(db)
        .await
        .map_err(Error::db(READING))?;
        let players = PlayerGame::find_by_statement(Statement::from_string(
            DbBackend::Sqlite,
            "SELECT gsis_id, name, CASE position WHEN 'FB' THEN 'RB' ELSE position END AS position, \
             team, season, week, dk_points, attempts, carries, targets, target_share, \
             air_yards_share FROM nfl_player_weeks \
             WHERE position IN ('QB', 'RB', 'FB', 'WR', 'TE') ORDER BY season, week, gsis_id",
        ))
        .all(db)
        .await
        .map_err(Error::db(READING))?;
        let dsts = DstGame::find_by_statement(Statement::from_string(
            DbBackend::Sqlite,
            "SELECT team, opponent, season, week, dk_points, sacks, \
               interceptions + fumbles_recovered AS takeaways, points_allowed \
             FROM nfl_dst_games \
             UNION ALL \
             SELECT t.team, t.opponent, t.season, t.week, t.dk_points, t.def_sacks AS sacks, \
               t.def_interceptions + t.def_fumbles_recovered AS takeaways, \
               CAST(t.points_allowed AS REAL) AS points_allowed \
             FROM nfl_team_weeks t WHERE t.opponent IS NOT NULL AND t.points_allowed IS NOT NULL \
               AND NOT EXISTS (SELECT 1 FROM nfl_dst_games d WHERE d.season = t.season \
               AND d.week = t.week AND d.team = t.team) \
             ORDER BY season, week, team",
        ))
        .all(db)
        .await
        .map_err(Error::db(READING))?;
        let mut history = History {
            games,
            players,
            dsts,
        };
        for g in &mut history.games {
            g.away_team = normalise(&g.away_team);
            g.home_team = normalise(&g.home_team);
        }
        Ok(history)
    }

    /// The weeks with player games, in order.
    pub fn weeks(&self) -> Vec<WeekKey> {
        let mut weeks: Vec<WeekKey> = self
            .players
            .iter()
            .map(|p| week_key(p.season, p.week))
            .collect();
        weeks.sort_unstable();
        weeks.dedup();
        weeks
    }
}
