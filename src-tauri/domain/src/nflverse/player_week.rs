//! Weekly player stats, in both nflverse layouts: the legacy `player_stats` (53 columns,
//! `recent_team`, `interceptions`, `sacks`) and the current `stats_player_week` (114 columns,
//! `team`, `passing_interceptions`, `sacks_suffered`). Both read into [`PlayerWeek`], with the
//! DraftKings points computed from the stats.

use super::table::Table;
use crate::dk::FileError;
use crate::scoring::{offense_points, Offense};
use crate::team_code::normalise;

/// One player's game week.
#[derive(Debug, Clone, PartialEq)]
pub struct PlayerWeek {
    /// nflverse GSIS id.
    pub gsis_id: String,
    /// Season.
    pub season: i32,
    /// Week.
    pub week: i32,
    /// `REG` or `POST`.
    pub season_type: String,
    /// Display name.
    pub name: String,
    /// Position.
    pub position: Option<String>,
    /// Team (today's code).
    pub team: String,
    /// Opponent (today's code).
    pub opponent: Option<String>,
    /// The stats, in [`STAT_COLUMNS`] order (the last is the DraftKings points).
    pub stats: [f64; STAT_COLUMNS.len()],
    /// Share of the team's targets.
    pub target_share: Option<f64>,
    /// Share of the team's air yards.
    pub air_yards_share: Option<f64>,
    /// nflverse's PPR points.
    pub fantasy_points_ppr: Option<f64>,
}

/// Stored stat columns and the header names they come from in either layout (empty: computed).
pub const STAT_COLUMNS: [(&str, &[&str]); 22] = [
    ("completions", &["completions"]),
    ("attempts", &["attempts"]),
    ("passing_yards", &["passing_yards"]),
    ("passing_tds", &["passing_tds"]),
    ("interceptions", &["passing_interceptions", "interceptions"]),
    ("sacks", &["sacks_suffered", "sacks"]),
    ("sack_fumbles_lost", &["sack_fumbles_lost"]),
    ("passing_2pt", &["passing_2pt_conversions"]),
    ("carries", &["carries"]),
    ("rushing_yards", &["rushing_yards"]),
    ("rushing_tds", &["rushing_tds"]),
    ("rushing_fumbles_lost", &["rushing_fumbles_lost"]),
    ("rushing_2pt", &["rushing_2pt_conversions"]),
    ("receptions", &["receptions"]),
    ("targets", &["targets"]),
    ("receiving_yards", &["receiving_yards"]),
    ("receiving_tds", &["receiving_tds"]),
    ("receiving_fumbles_lost", &["receiving_fumbles_lost"]),
    ("receiving_2pt", &["receiving_2pt_conversions"]),
    ("receiving_air_yards", &["receiving_air_yards"]),
    ("special_teams_tds", &["special_teams_tds"]),
    ("dk_points", &[]),
];

/// Index of a stat in [`PlayerWeek::stats`].
pub fn stat(name: &str) -> usize {
    super::table::stat_index(&STAT_COLUMNS, name)
}

/// Whether the header is a weekly player stats file (either layout).
pub fn is_player_week(table: &Table) -> bool {
    table.has_all(&["player_id", "season", "week", "passing_yards"])
        && table.column(&["team", "recent_team"]).is_some()
}

impl PlayerWeek {
    /// The game as DraftKings scores it.
    pub fn offense(&self) -> Offense {
        let s = |n: &str| self.stats[stat(n)];
        Offense {
            passing_yards: s("passing_yards"),
            passing_tds: s("passing_tds"),
            interceptions: s("interceptions"),
            rushing_yards: s("rushing_yards"),
            rushing_tds: s("rushing_tds"),
            receptions: s("receptions"),
            receiving_yards: s("receiving_yards"),
            receiving_tds: s("receiving_tds"),
            return_tds: s("special_teams_tds"),
            fumbles_lost: s("sack_fumbles_lost")
                + s("rushing_fumbles_lost")
                + s("receiving_fumbles_lost"),
            two_point_conversions: s("passing_2pt") + s("rushing_2pt") + s("receiving_2pt"),
            fumble_recovery_tds: 0.0,
        }
    }
}

/// Reads every row of a weekly player stats file, streaming, calling `row` for each. Rows
/// without a player id (plays nflverse could not credit to a player) are skipped.
pub fn read(
    table: &mut Table,
    mut row: impl FnMut(PlayerWeek) -> Result<(), FileError>,
) -> Result<u64, FileError> {
    let id = table.require(&["player_id"])?;
    let season = table.require(&["season"])?;
    let week = table.require(&["week"])?;
    let season_type = table.column(&["season_type"]);
    let name = table.require(&["player_display_name", "player_name"])?;
    let position = table.column(&["position"]);
    let team = table.require(&["team", "recent_team"])?;
    let opponent = table.column(&["opponent_team"]);
    let stats: Vec<Option<usize>> = STAT_COLUMNS
        .iter()
        .map(|(_, names)| table.column(names))
        .collect();
    let target_share = table.column(&["target_share"]);
    let air_yards_share = table.column(&["air_yards_share"]);
    let ppr = table.column(&["fantasy_points_ppr"]);
    let mut count = 0;
    while table.advance()? {
        let Some(gsis_id) = table.optional_text(Some(id)).map(str::to_string) else {
            continue;
        };
        let mut values = [0.0; STAT_COLUMNS.len()];
        for (value, index) in values.iter_mut().zip(&stats) {
            *value = table.number(*index)?;
        }
        let mut week_row = PlayerWeek {
            gsis_id,
            season: table.season(season)?,
            week: table.week(week)?,
            season_type: table
                .optional_text(season_type)
                .unwrap_or("REG")
                .to_string(),
            name: table.required_text(name)?.to_string(),
            position: table.optional_text(position).map(str::to_string),
            team: normalise(table.required_text(team)?),
            opponent: table.optional_text(opponent).map(normalise),
            stats: values,
            target_share: table.optional_number(target_share)?,
            air_yards_share: table.optional_number(air_yards_share)?,
            fantasy_points_ppr: table.optional_number(ppr)?,
        };
        week_row.stats[stat("dk_points")] = offense_points(&week_row.offense());
        row(week_row)?;
        count += 1;
    }
    Ok(count)
}
