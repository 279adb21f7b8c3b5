//! Reading nflverse files: weekly player stats (legacy and current layouts), weekly team stats,
//! the schedule with betting lines, play-by-play (DST games), rosters, injury reports, snap
//! counts, depth charts, the player-id crosswalk and advanced stats, read by header name from
//! plain or gzip CSV, streamed, with errors that name the file, line and column. A file is
//! recognised by its header ([`FileKind`]) and read whole ([`read_file`]) before anything is
//! stored; team codes are normalised to one code per franchise; DraftKings points are computed
//! as rows are read. Storing is the app's (`nfl-dfs-core`).

pub mod advanced;
pub mod depth_charts;
pub mod play_by_play;
pub mod player_week;
pub mod roster_files;
pub mod schedule;
pub mod table;
pub mod team_week;

use crate::dk::FileError;
use crate::{Error, Result};
use advanced::AdvancedStats;
use chrono::Datelike;
use depth_charts::DepthCharts;
use play_by_play::DstGame;
use player_week::PlayerWeek;
use roster_files::{IdLinks, InjuryReport, RosterEntry, SnapEntry};
use schedule::ScheduledGame;
use serde::Serialize;
use std::io::Read;
use table::{RowHook, Table};
use team_week::TeamWeek;
use ts_rs::TS;

/// The kinds of nflverse files the app reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum FileKind {
    /// Weekly player stats (either layout).
    PlayerWeeks,
    /// Weekly team stats.
    TeamWeeks,
    /// The schedule, `games.csv`.
    Schedule,
    /// Play-by-play (read into DST games).
    PlayByPlay,
    /// A season or weekly roster.
    Rosters,
    /// Injury reports.
    Injuries,
    /// Snap counts.
    SnapCounts,
    /// A player-id crosswalk (PFR id to GSIS id).
    PlayerIds,
    /// Pro Football Reference's advanced weekly stats (passing, rushing, receiving, defense).
    PfrAdvanced,
    /// Next Gen Stats (passing, receiving, rushing).
    NextGenStats,
    /// Depth charts (weekly, or dated snapshots).
    DepthCharts,
}

impl FileKind {
    /// The kind as stored and shown.
    pub fn as_str(self) -> &'static str {
        match self {
            FileKind::PlayerWeeks => "player_weeks",
            FileKind::TeamWeeks => "team_weeks",
            FileKind::Schedule => "schedule",
            FileKind::PlayByPlay => "play_by_play",
            FileKind::Rosters => "rosters",
            FileKind::Injuries => "injuries",
            FileKind::SnapCounts => "snap_counts",
            FileKind::PlayerIds => "player_ids",
            FileKind::PfrAdvanced => "pfr_advanced",
            FileKind::NextGenStats => "next_gen_stats",
            FileKind::DepthCharts => "depth_charts",
        }
    }

    fn of(table: &Table) -> Option<FileKind> {
        // Advanced stats first: PFR's defense files also have team-week columns.
        if let Some(source) = advanced::source_of(table) {
            Some(if source.is_pfr() {
                FileKind::PfrAdvanced
            } else {
                FileKind::NextGenStats
            })
        } else if depth_charts::is_depth_chart(table) {
            Some(FileKind::DepthCharts)
        } else if play_by_play::is_play_by_play(table) {
            Some(FileKind::PlayByPlay)
        } else if player_week::is_player_week(table) {
            Some(FileKind::PlayerWeeks)
        } else if team_week::is_team_week(table) {
            Some(FileKind::TeamWeeks)
        } else if schedule::is_schedule(table) {
            Some(FileKind::Schedule)
        } else if roster_files::is_injuries(table) {
            Some(FileKind::Injuries)
        } else if roster_files::is_roster(table) {
            Some(FileKind::Rosters)
        } else if roster_files::is_snap_counts(table) {
            Some(FileKind::SnapCounts)
        } else if roster_files::is_player_ids(table) {
            Some(FileKind::PlayerIds)
        } else {
            None
        }
    }
}

/// The rows of one file, read before anything is written.
pub enum Rows {
    /// Weekly player stats.
    Players(Vec<PlayerWeek>),
    /// Weekly team stats.
    Teams(Vec<TeamWeek>),
    /// Schedules.
    Games(Vec<ScheduledGame>),
    /// DST games from play-by-play.
    Dst(Vec<DstGame>),
    /// Season rosters.
    Rosters(Vec<RosterEntry>),
    /// Injury reports.
    Injuries(InjuryReport),
    /// Snap counts.
    Snaps(Vec<SnapEntry>),
    /// A player-id crosswalk.
    Ids(IdLinks),
    /// Advanced weekly stats (PFR or Next Gen Stats).
    Advanced(AdvancedStats),
    /// Depth charts.
    Depth(DepthCharts),
}

impl Rows {
    /// What a skipped row of this kind is, in words (an injury report also counts the lines
    /// whose status the app does not know, which are kept).
    pub fn skipped_reason(&self) -> String {
        match self {
            Rows::Advanced(_) => "(season totals, postseason weeks or no player id)".into(),
            Rows::Depth(_) => "(no player id, or no week)".into(),
            Rows::Injuries(report) if report.unknown_status > 0 => format!(
                "without a player id; {} line(s) kept with a status the app does not know, \
                 read as no information",
                report.unknown_status
            ),
            Rows::Injuries(_) => "without a player id".into(),
            _ => "without a valid id".into(),
        }
    }

    /// Rows the file had that were skipped as unusable.
    pub fn skipped(&self) -> u64 {
        match self {
            Rows::Ids(ids) => ids.skipped,
            Rows::Advanced(stats) => stats.skipped,
            Rows::Depth(charts) => charts.skipped,
            Rows::Injuries(report) => report.skipped,
            _ => 0,
        }
    }
}

/// Reads one file (plain or gzip) completely, or fails naming file, line and column.
pub fn read_file(
    file: &str,
    input: impl Read + Send + 'static,
    on_rows: RowHook,
) -> Result<(FileKind, Rows), FileError> {
    let mut table = Table::open(file, input)?;
    table.on_rows(on_rows);
    let kind =
        FileKind::of(&table).ok_or_else(|| FileError::new(file, Some(1), None, NOT_NFLVERSE))?;
    let rows = match kind {
        FileKind::PlayerWeeks => {
            let mut rows = Vec::new();
            player_week::read(&mut table, |r| {
                rows.push(r);
                Ok(())
            })?;
            Rows::Players(rows)
        }
        FileKind::TeamWeeks => {
            let mut rows = Vec::new();
            team_week::read(&mut table, |r| {
                rows.push(r);
                Ok(())
            })?;
            Rows::Teams(rows)
        }
        FileKind::Schedule => {
            let mut rows = Vec::new();
            schedule::read(&mut table, |r| {
                rows.push(r);
                Ok(())
            })?;
            Rows::Games(rows)
        }
        FileKind::PlayByPlay => Rows::Dst(play_by_play::read(&mut table)?),
        FileKind::Rosters => Rows::Rosters(roster_files::read_roster(&mut table)?),
        FileKind::Injuries => Rows::Injuries(roster_files::read_injuries(&mut table)?),
        FileKind::SnapCounts => Rows::Snaps(roster_files::read_snap_counts(&mut table)?),
        FileKind::PlayerIds => Rows::Ids(roster_files::read_player_ids(&mut table)?),
        FileKind::PfrAdvanced | FileKind::NextGenStats => {
            Rows::Advanced(advanced::read(&mut table)?)
        }
        FileKind::DepthCharts => Rows::Depth(depth_charts::read(&mut table)?),
    };
    if table.stopped() {
        return Err(FileError::new(file, None, None, STOPPED));
    }
    Ok((kind, rows))
}

/// The message of a file whose header is of no kind the app reads: refused when the user named
/// the file, left alone when a chosen folder holds it (a data dictionary beside the data).
pub const NOT_NFLVERSE: &str = "not an nflverse file this app reads (weekly player or team \
     stats, games.csv, play-by-play, rosters, injuries, snap counts, depth charts, a player-id \
     crosswalk, PFR advanced stats or Next Gen Stats): its header has none of their columns";

/// The message of a read stopped by its progress callback (never shown: it becomes
/// a cancellation).
pub const STOPPED: &str = "reading was stopped";

/// Checks a season and week asked for (a command-line flag, a request from the window):
/// seasons 1999-2100, weeks 1-22.
pub fn check_week(season: i32, week: i32) -> Result<()> {
    check_season(season)?;
    check_week_number(week)
}

/// Checks a week number asked for: 1 to 22, playoffs included.
pub fn check_week_number(week: i32) -> Result<()> {
    if !table::WEEKS.contains(&week) {
        return Err(Error::InvalidInput(format!(
            "week {week} is not a week of an NFL season (1 to 22)"
        )));
    }
    Ok(())
}

/// Checks a season asked for: 1999 (the first nflverse season) to 2100.
pub fn check_season(season: i32) -> Result<()> {
    if table::SEASONS.contains(&season) {
        Ok(())
    } else {
        Err(Error::InvalidInput(format!(
            "{season} is not a season NFL data covers (1999 to 2100)"
        )))
    }
}

/// The NFL season a date belongs to: a season starts in September and its playoffs end in
/// February, so January to August belong to the season before.
pub fn season_of(date: chrono::NaiveDate) -> i32 {
    if date.month() >= 9 {
        date.year()
    } else {
        date.year() - 1
    }
}
