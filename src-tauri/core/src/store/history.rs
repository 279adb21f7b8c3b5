//! The NFL history models learn from (`nfl_schedule`, `nfl_player_weeks` with each game's
//! snap share from `nfl_snap_counts` through `nfl_player_ids`, `nfl_dst_games`,
//! `nfl_team_weeks`, `nfl_injuries`, who was on a roster in each season from `nfl_rosters`, the
//! snap-count games of offensive players without a stats row, the depth charts of
//! `nfl_depth_charts`), read once into the domain's
//! [`History`].

use super::db_err;
use crate::Result;
use nfl_dfs_domain::projection::history::{
    DepthChartEntry, DstGame, Game, History, InjuryReport, PlayerGame, SnapGame,
};
use nfl_dfs_domain::team_code::normalise;
use sea_orm::{DatabaseConnection, DbBackend, FromQueryResult, Statement};

const READING: &str = "reading NFL history";

/// Reads the history from the database.
pub async fn load(db: &DatabaseConnection) -> Result<History> {
    let games = GameRow::find_by_statement(Statement::from_string(
        DbBackend::Sqlite,
        "SELECT season, week, gameday, away_team, home_team, spread_line, total_line, roof, \
         away_rest, home_rest FROM nfl_schedule ORDER BY season, week, game_id",
    ))
    .all(db)
    .await
    .map_err(db_err(READING))?;
    let players = PlayerRow::find_by_statement(Statement::from_string(
        DbBackend::Sqlite,
        "SELECT w.gsis_id, w.name, \
           CASE w.position WHEN 'FB' THEN 'RB' ELSE w.position END AS position, \
           w.team, w.season, w.week, w.dk_points, w.attempts, w.carries, w.targets, \
           w.target_share, w.air_yards_share, s.offense_pct \
         FROM nfl_player_weeks w \
         LEFT JOIN (SELECT i.gsis_id, c.season, c.week, MAX(c.offense_pct) AS offense_pct \
             FROM nfl_snap_counts c JOIN nfl_player_ids i ON i.pfr_id = c.pfr_player_id \
             GROUP BY i.gsis_id, c.season, c.week) s \
           ON s.gsis_id = w.gsis_id AND s.season = w.season AND s.week = w.week \
         WHERE w.position IN ('QB', 'RB', 'FB', 'WR', 'TE') \
         ORDER BY w.season, w.week, w.gsis_id",
    ))
    .all(db)
    .await
    .map_err(db_err(READING))?;
    let dsts = DstRow::find_by_statement(Statement::from_string(
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
    .map_err(db_err(READING))?;
    let injuries = InjuryRow::find_by_statement(Statement::from_string(
        DbBackend::Sqlite,
        "SELECT gsis_id, season, week, report_status, practice_status FROM nfl_injuries \
         ORDER BY season, week, gsis_id",
    ))
    .all(db)
    .await
    .map_err(db_err(READING))?;
    let rostered = RosteredRow::find_by_statement(Statement::from_string(
        DbBackend::Sqlite,
        "SELECT DISTINCT gsis_id, season FROM nfl_rosters ORDER BY season, gsis_id",
    ))
    .all(db)
    .await
    .map_err(db_err(READING))?;
    let snap_games = SnapRow::find_by_statement(Statement::from_string(
        DbBackend::Sqlite,
        "SELECT i.gsis_id, MAX(c.team) AS team, c.season, c.week, MAX(c.offense_pct) AS offense_pct \
         FROM nfl_snap_counts c JOIN nfl_player_ids i ON i.pfr_id = c.pfr_player_id \
         WHERE c.position IN ('QB', 'RB', 'FB', 'WR', 'TE') AND c.offense_snaps > 0 \
           AND NOT EXISTS (SELECT 1 FROM nfl_player_weeks w WHERE w.gsis_id = i.gsis_id \
             AND w.season = c.season AND w.week = c.week) \
         GROUP BY i.gsis_id, c.season, c.week \
         ORDER BY c.season, c.week, i.gsis_id",
    ))
    .all(db)
    .await
    .map_err(db_err(READING))?;
    let depth_charts = DepthRow::find_by_statement(Statement::from_string(
        DbBackend::Sqlite,
        "SELECT season, week, as_of, team, gsis_id, position, depth FROM nfl_depth_charts \
         ORDER BY season, week, as_of, team, gsis_id",
    ))
    .all(db)
    .await
    .map_err(db_err(READING))?;
    let mut history = History {
        games: games.into_iter().map(Into::into).collect(),
        players: players.into_iter().map(Into::into).collect(),
        dsts: dsts.into_iter().map(Into::into).collect(),
        injuries: injuries.into_iter().map(Into::into).collect(),
        snap_games: snap_games
            .into_iter()
            .map(|r| SnapGame {
                team: normalise(&r.team),
                ..r.into()
            })
            .collect(),
        rostered: rostered
            .into_iter()
            .map(|r| (r.gsis_id, r.season))
            .collect(),
        depth_charts: depth_charts.into_iter().map(Into::into).collect(),
    };
    for g in &mut history.games {
        g.away_team = normalise(&g.away_team);
        g.home_team = normalise(&g.home_team);
    }
    Ok(history)
}

macro_rules! row {
    ($row:ident => $domain:ident { $($field:ident: $ty:ty),* $(,)? }) => {
        #[derive(FromQueryResult)]
        struct $row {
            $($field: $ty),*
        }

        impl From<$row> for $domain {
            fn from(r: $row) -> $domain {
                $domain { $($field: r.$field),* }
            }
        }
    };
}

row!(GameRow => Game {
    season: i32, week: i32, gameday: String, away_team: String, home_team: String,
    spread_line: Option<f64>, total_line: Option<f64>, roof: Option<String>,
    away_rest: Option<i32>, home_rest: Option<i32>,
});

row!(PlayerRow => PlayerGame {
    gsis_id: String, name: String, position: String, team: String, season: i32, week: i32,
    dk_points: f64, attempts: f64, carries: f64, targets: f64, target_share: Option<f64>,
    air_yards_share: Option<f64>, offense_pct: Option<f64>,
});

row!(DstRow => DstGame {
    team: String, opponent: String, season: i32, week: i32, dk_points: f64, sacks: f64,
    takeaways: f64, points_allowed: Option<f64>,
});

#[derive(FromQueryResult)]
struct RosteredRow {
    gsis_id: String,
    season: i32,
}

row!(InjuryRow => InjuryReport {
    gsis_id: String, season: i32, week: i32, report_status: Option<String>,
    practice_status: Option<String>,
});

#[derive(FromQueryResult)]
struct DepthRow {
    season: i32,
    week: i32,
    as_of: String,
    team: String,
    gsis_id: String,
    position: String,
    depth: i32,
}

impl From<DepthRow> for DepthChartEntry {
    fn from(r: DepthRow) -> DepthChartEntry {
        DepthChartEntry {
            season: r.season,
            week: (r.week > 0).then_some(r.week),
            as_of: (!r.as_of.is_empty()).then_some(r.as_of),
            team: normalise(&r.team),
            gsis_id: r.gsis_id,
            position: r.position,
            depth: r.depth,
        }
    }
}

row!(SnapRow => SnapGame {
    gsis_id: String, team: String, season: i32, week: i32, offense_pct: f64,
});
