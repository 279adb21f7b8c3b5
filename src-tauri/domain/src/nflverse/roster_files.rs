//! Rosters (`roster_YYYY`, `roster_weekly_YYYY`), injury reports (`injuries_YYYY`), snap
//! counts (`snap_counts_YYYY`) and player-id crosswalks (`ff_playerids`, `players`): who is on
//! which team with which status, who is listed Out, each player's share of his team's
//! offensive snaps, and which GSIS id a Pro Football Reference id is.

use super::table::Table;
use crate::dk::FileError;
use crate::team_code::normalise;

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
    /// Pro Football Reference id, when the roster has it.
    pub pfr_id: Option<String>,
}

/// A player's Pro Football Reference id and GSIS id.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IdLink {
    /// Pro Football Reference id, e.g. `BradTo00`.
    pub pfr_id: String,
    /// GSIS id, e.g. `00-0019596`.
    pub gsis_id: String,
}

/// The links of a crosswalk file and the rows skipped for lacking a valid id of either kind.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IdLinks {
    /// The links read.
    pub links: Vec<IdLink>,
    /// Rows without a valid pair (counted, never guessed).
    pub skipped: u64,
}

/// Whether `id` has the shape of a GSIS id (`00-0012345`).
pub fn is_gsis_id(id: &str) -> bool {
    let b = id.as_bytes();
    b.len() == 10 && b[2] == b'-' && b[..2].iter().chain(&b[3..]).all(u8::is_ascii_digit)
}

/// Whether `id` has the shape of a Pro Football Reference player id (`BradTo00`: four letters
/// of the last name, two of the first, two digits). PFR's own files hold a few that stretch it
/// (a hyphenated name, `Ya-SRo00`; a third digit, `WillDa011`), so a letter, then letters,
/// digits, `.`, `'` or `-`, ending in two digits, 6 to 12 characters, is accepted; spaces,
/// separators and control characters are not.
pub fn is_pfr_id(id: &str) -> bool {
    let b = id.as_bytes();
    (6..=12).contains(&b.len())
        && b[0].is_ascii_alphabetic()
        && b.iter()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, b'.' | b'\'' | b'-'))
        && b[b.len() - 2..].iter().all(u8::is_ascii_digit)
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

/// Whether the header is a player-id crosswalk (both ids, no season of a roster).
pub fn is_player_ids(table: &Table) -> bool {
    table.has_all(&["gsis_id", "pfr_id"]) && !table.has_all(&["season"])
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
    let pfr = table.column(&["pfr_id"]);
    let mut rows = Vec::new();
    while table.advance()? {
        let Some(gsis_id) = table.optional_text(Some(id)).map(str::to_string) else {
            continue;
        };
        let pfr_id = table
            .optional_text(pfr)
            .filter(|p| is_pfr_id(p) && is_gsis_id(&gsis_id))
            .map(str::to_string);
        rows.push(RosterEntry {
            pfr_id,
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

/// An injury report, read: its lines, and what was counted rather than stored.
#[derive(Debug, Clone, PartialEq)]
pub struct InjuryReport {
    /// The lines read.
    pub rows: Vec<InjuryEntry>,
    /// Lines without a GSIS id (a practice-squad or free-agent line), skipped.
    pub skipped: u64,
    /// Lines whose game status the app does not know: stored, and read as no information
    /// (never as cleared to play).
    pub unknown_status: u64,
}

/// The longest player name a report line may give.
const MAX_NAME_CHARS: usize = 100;

/// Reads an injury report. A line without a GSIS id is skipped and counted; a malformed id, a
/// team that is no NFL franchise or a name that is no name refuses the file, naming the line.
pub fn read_injuries(table: &mut Table) -> Result<InjuryReport, FileError> {
    let season = table.require(&["season"])?;
    let week = table.require(&["week"])?;
    let season_type = table.column(&["season_type", "game_type"]);
    let id = table.require(&["gsis_id"])?;
    let team = table.require(&["team"])?;
    let name = table.require(&["full_name"])?;
    let position = table.column(&["position"]);
    let report = table.column(&["report_status"]);
    let practice = table.column(&["practice_status"]);
    let mut out = InjuryReport {
        rows: Vec::new(),
        skipped: 0,
        unknown_status: 0,
    };
    while table.advance()? {
        let Some(gsis_id) = table.optional_text(Some(id)).map(str::to_string) else {
            out.skipped += 1;
            continue;
        };
        if !is_gsis_id(&gsis_id) {
            let shown: String = gsis_id.chars().take(40).collect();
            return Err(table.error(
                id,
                format!("'{shown}' is not a GSIS id (two digits, a dash, seven digits)"),
            ));
        }
        let team_code = table.required_text(team)?;
        if !crate::team_code::is_team(team_code) {
            let shown: String = team_code.chars().take(20).collect();
            return Err(table.error(team, format!("'{shown}' is not an NFL team code")));
        }
        let full_name = table.required_text(name)?;
        if full_name.chars().count() > MAX_NAME_CHARS || full_name.chars().any(char::is_control) {
            return Err(table.error(
                name,
                format!(
                    "is not a player's name (more than {MAX_NAME_CHARS} characters, or control \
                     characters)"
                ),
            ));
        }
        let report_status = table.optional_text(report).map(str::to_string);
        let practice_status = table.optional_text(practice).map(str::to_string);
        let known = crate::projection::availability::Report::of(
            report_status.as_deref(),
            practice_status.as_deref(),
        )
        .is_known();
        out.unknown_status += u64::from(!known);
        out.rows.push(InjuryEntry {
            season: table.season(season)?,
            week: table.week(week)?,
            season_type: table
                .optional_text(season_type)
                .unwrap_or("REG")
                .to_string(),
            gsis_id,
            team: normalise(team_code),
            name: full_name.to_string(),
            position: table.optional_text(position).map(str::to_string),
            report_status,
            practice_status,
        });
    }
    Ok(out)
}

/// Reads a player-id crosswalk: rows whose GSIS or PFR id is missing or malformed are skipped
/// and counted.
pub fn read_player_ids(table: &mut Table) -> Result<IdLinks, FileError> {
    let gsis = table.require(&["gsis_id"])?;
    let pfr = table.require(&["pfr_id"])?;
    let mut out = IdLinks {
        links: Vec::new(),
        skipped: 0,
    };
    while table.advance()? {
        match (
            table.optional_text(Some(gsis)),
            table.optional_text(Some(pfr)),
        ) {
            (Some(g), Some(p)) if is_gsis_id(g) && is_pfr_id(p) => out.links.push(IdLink {
                pfr_id: p.to_string(),
                gsis_id: g.to_string(),
            }),
            _ => out.skipped += 1,
        }
    }
    Ok(out)
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
