//! Rosters (`roster_YYYY`, `roster_weekly_YYYY`), injury reports (`injuries_YYYY`) and snap
//! counts (`snap_counts_YYYY`): who is on which team with which status, who is listed Out, and
//! each player's share of his team's offensive snaps.

use super::table::Table;
use super::team_code::normalise;
use crate::dk::FileError;

/// A player on a roster.
#[derive(Debug, Clone, PartialEq)]
pub struct RosterEntry {
    /// Season.
    pub season: i32,
    /// Week (0 for a season roster).
    pub week: i32,
    /// GSIS id.
    pub gsis_id: String,
    /// Team (today's code).
    pub team: String,
    /// Full name.
    pub name: String,
    /// Position.
    pub position: Option<String>,
    /// Roster status (ACT, RES, INA, CUT, ...).
    pub status: Option<String>,
}

/// A player's line in a week's injury report.
#[derive(Debug, Clone, PartialEq)]
pub struct InjuryEntry {
    /// Season.
    pub season: i32,
    /// Week.
    pub week: i32,
    /// `REG` or `POST`.
    pub season_type: String,
    /// GSIS id.
    pub gsis_id: String,
    /// Team (today's code).
    pub team: String,
    /// Full name.
    pub name: String,
    /// Position.
    pub position: Option<String>,
    /// Game status: Out, Doubtful, Questionable, ...
    pub report_status: Option<String>,
    /// Practice participation.
    pub practice_status: Option<String>,
}

/// A player's offensive snaps in a game.
#[derive(Debug, Clone, PartialEq)]
pub struct SnapEntry {
    /// nflverse game id.
    pub game_id: String,
    /// Pro Football Reference player id.
    pub pfr_player_id: String,
    /// Season.
    pub season: i32,
    /// Week.
    pub week: i32,
    /// Name.
    pub name: String,
    /// Position.
    pub position: Option<String>,
    /// Team (today's code).
    pub team: String,
    /// Opponent (today's code).
    pub opponent: Option<String>,
    /// Offensive snaps.
    pub offense_snaps: f64,
    /// Share of the team's offensive snaps (0-1).
    pub offense_pct: f64,
}

/// Whether the header is a roster.
pub fn is_roster(table: &Table) -> bool {
    table.has_all(&["season", "team", "gsis_id", "full_name", "status"])
        && !table.has_all(&["report_status"])
}

/// Whether the header is an injury report.
pub fn is_injuries(table: &Table) -> bool {
    table.has_all(&["season", "week", "team", "gsis_id", "report_status"])
}

/// Whether the header is snap counts.
pub fn is_snap_counts(table: &Table) -> bool {
    table.has_all(&["game_id", "pfr_player_id", "offense_snaps", "offense_pct"])
}

/// Reads a roster; players without a GSIS id (never on a game-day roster) are skipped.
pub fn read_roster(table: &mut Table) -> Result<Vec<RosterEntry>, FileError> {
    let season = table.require(&["season"])?;
    let week = table.column(&["week"]);
    let id = table.require(&["gsis_id"])?;
    let team = table.require(&["team"])?;
    let name = table.require(&["full_name"])?;
    let position = table.column(&["position"]);
    let status = table.column(&["status"]);
    let mut rows = Vec::new();
    while table.advance()? {
        let Some(gsis_id) = table.optional_text(Some(id)).map(str::to_string) else {
            continue;
        };
        rows.push(RosterEntry {
            season: table.season(season)?,
            week: table.optional_week(week)?,
            gsis_id,
            team: normalise(table.required_text(team)?),
            name: table.required_text(name)?.to_string(),
            position: table.optional_text(position).map(str::to_string),
            status: table.optional_text(status).map(str::to_string),
        });
    }
    Ok(rows)
}

/// Reads an injury report; lines without a GSIS id are skipped.
pub fn read_injuries(table: &mut Table) -> Result<Vec<InjuryEntry>, FileError> {
    let season = table.require(&["season"])?;
    let week = table.require(&["week"])?;
    let season_type = table.column(&["season_type", "game_type"]);
    let id = table.require(&["gsis_id"])?;
    let team = table.require(&["team"])?;
    let name = table.require(&["full_name"])?;
    let position = table.column(&["position"]);
    let report = table.column(&["report_status"]);
    let practice = table.column(&["practice_status"]);
    let mut rows = Vec::new();
    while table.advance()? {
        let Some(gsis_id) = table.optional_text(Some(id)).map(str::to_string) else {
            continue;
        };
        rows.push(InjuryEntry {
            season: table.season(season)?,
            week: table.week(week)?,
            season_type: table
                .optional_text(season_type)
                .unwrap_or("REG")
                .to_string(),
            gsis_id,
            team: normalise(table.required_text(team)?),
            name: table.required_text(name)?.to_string(),
            position: table.optional_text(position).map(str::to_string),
            report_status: table.optional_text(report).map(str::to_string),
            practice_status: table.optional_text(practice).map(str::to_string),
        });
    }
    Ok(rows)
}

/// Reads snap counts.
pub fn read_snap_counts(table: &mut Table) -> Result<Vec<SnapEntry>, FileError> {
    let game_id = table.require(&["game_id"])?;
    let pfr = table.require(&["pfr_player_id"])?;
    let season = table.require(&["season"])?;
    let week = table.require(&["week"])?;
    let name = table.require(&["player"])?;
    let position = table.column(&["position"]);
    let team = table.require(&["team"])?;
    let opponent = table.column(&["opponent"]);
    let snaps = table.column(&["offense_snaps"]);
    let pct = table.column(&["offense_pct"]);
    let mut rows = Vec::new();
    while table.advance()? {
        rows.push(SnapEntry {
            game_id: table.required_text(game_id)?.to_string(),
            pfr_player_id: table.required_text(pfr)?.to_string(),
            season: table.season(season)?,
            week: table.week(week)?,
            name: table.required_text(name)?.to_string(),
            position: table.optional_text(position).map(str::to_string),
            team: normalise(table.required_text(team)?),
            opponent: table.optional_text(opponent).map(normalise),
            offense_snaps: table.number(snaps)?,
            offense_pct: table.number(pct)?,
        });
    }
    Ok(rows)
}
