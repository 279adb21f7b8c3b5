//! Weekly team stats (`stats_team_week`): the inputs of DST scoring and team totals. nflverse
//! writes today's team codes for every season.

use super::table::Table;
use crate::dk::FileError;
use crate::team_code::normalise;

/// One team's game week.
#[derive(Debug, Clone, PartialEq)]
pub struct TeamWeek {
    /// Team (today's code).
    pub team: String,
    /// Season.
    pub season: i32,
    /// Week.
    pub week: i32,
    /// `REG` or `POST`.
    pub season_type: String,
    /// Opponent (today's code).
    pub opponent: Option<String>,
    /// The stats, in [`STAT_COLUMNS`] order.
    pub stats: [f64; STAT_COLUMNS.len()],
    /// Kicks of this team that were blocked (field goals and extra points): the opponent's
    /// blocked kicks.
    pub kicks_blocked: f64,
}

/// Stored stat columns and the header names they come from (empty: computed at ingest).
pub const STAT_COLUMNS: [(&str, &[&str]); 12] = [
    ("attempts", &["attempts"]),
    ("passing_yards", &["passing_yards"]),
    ("carries", &["carries"]),
    ("rushing_yards", &["rushing_yards"]),
    ("def_sacks", &["def_sacks"]),
    ("def_interceptions", &["def_interceptions"]),
    ("def_fumbles_recovered", &["fumble_recovery_opp"]),
    ("def_tds", &["def_tds"]),
    ("def_safeties", &["def_safeties"]),
    ("special_teams_tds", &["special_teams_tds"]),
    ("blocked_kicks", &[]),
    ("dk_points", &[]),
];

/// Index of a stat in [`TeamWeek::stats`].
pub fn stat(name: &str) -> usize {
    super::table::stat_index(&STAT_COLUMNS, name)
}

/// Whether the header is a weekly team stats file.
pub fn is_team_week(table: &Table) -> bool {
    table.has_all(&["team", "season", "week", "def_sacks"]) && !table.has_all(&["player_id"])
}

/// Reads every row of a weekly team stats file, calling `row` for each.
pub fn read(
    table: &mut Table,
    mut row: impl FnMut(TeamWeek) -> Result<(), FileError>,
) -> Result<u64, FileError> {
    let team = table.require(&["team"])?;
    let season = table.require(&["season"])?;
    let week = table.require(&["week"])?;
    let season_type = table.column(&["season_type"]);
    let opponent = table.column(&["opponent_team"]);
    let stats: Vec<Option<usize>> = STAT_COLUMNS
        .iter()
        .map(|(_, names)| {
            if names.is_empty() {
                None
            } else {
                table.column(names)
            }
        })
        .collect();
    let fg_blocked = table.column(&["fg_blocked"]);
    let pat_blocked = table.column(&["pat_blocked"]);
    let mut count = 0;
    while table.advance()? {
        let mut values = [0.0; STAT_COLUMNS.len()];
        for (value, index) in values.iter_mut().zip(&stats) {
            *value = table.number(*index)?;
        }
        row(TeamWeek {
            team: normalise(table.required_text(team)?),
            season: table.season(season)?,
            week: table.week(week)?,
            season_type: table
                .optional_text(season_type)
                .unwrap_or("REG")
                .to_string(),
            opponent: table.optional_text(opponent).map(normalise),
            stats: values,
            kicks_blocked: table.number(fg_blocked)? + table.number(pat_blocked)?,
        })?;
        count += 1;
    }
    Ok(count)
}
