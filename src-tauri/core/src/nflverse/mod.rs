//! NFL history from nflverse, picked from disk or downloaded (cached, retried): weekly player stats (legacy and current layouts), weekly team
//! stats, the schedule with betting lines, play-by-play (DST games), rosters, injury reports
//! snap counts and depth charts, read by header name from plain or gzip CSV,
//! streamed, and stored idempotently one file per transaction. Team codes are normalised to one
//! code per franchise (`team_code`); DraftKings points are computed as rows are read.

pub mod advanced;
pub mod depth_charts;
mod fetch;
mod ingest;
mod load;
pub mod play_by_play;
pub mod player_week;
mod progress;
mod remote;
pub mod roster_files;
pub mod schedule;
mod table;
pub use nfl_dfs_domain::team_code;
pub mod team_week;

pub use crate::scoring::{points_allowed, DstEvents};
pub(crate) use crate::store::ingests::last_download;
pub(crate) use crate::store::nfl_queries::{search_players, seasons, week_points};
pub use crate::store::nfl_queries::{
    DstPoints, NflPlayerSummary, PlayerPoints, SeasonData, WeekPoints,
};
pub use fetch::{is_secure_address, Fetched, Fetcher};
pub use ingest::{files_of, FileKind, IngestedFile, Rows};
pub(crate) use load::{download, load_paths};
pub use load::{refresh_due, IngestReport, OnProgress, RefreshSchedule};
pub use progress::{LoadProgress, LoadStage};
pub use remote::{recent_seasons, remote_files, season_of, RemoteFile, DEFAULT_DATA_URL};
pub use table::Table;

/// Checks a season and week asked for (a command-line flag, a request from the window):
/// seasons 1999-2100, weeks 1-22.
pub fn check_week(season: i32, week: i32) -> crate::Result<()> {
    check_season(season)?;
    check_week_number(week)
}

/// Checks a week number asked for: 1 to 22, playoffs included.
pub fn check_week_number(week: i32) -> crate::Result<()> {
    if !table::WEEKS.contains(&week) {
        return Err(crate::Error::InvalidInput(format!(
            "week {week} is not a week of an NFL season (1 to 22)"
        )));
    }
    Ok(())
}

/// Checks a season asked for: 1999 (the first nflverse season) to 2100.
pub fn check_season(season: i32) -> crate::Result<()> {
    if table::SEASONS.contains(&season) {
        Ok(())
    } else {
        Err(crate::Error::InvalidInput(format!(
            "{season} is not a season NFL data covers (1999 to 2100)"
        )))
    }
}
