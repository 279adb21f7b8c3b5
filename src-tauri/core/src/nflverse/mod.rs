//! NFL history from nflverse, picked from disk or downloaded (cached, retried), and stored
//! idempotently one file per transaction. The readers are the domain's
//! (`nfl_dfs_domain::nflverse`, re-exported here); this module finds the files, fetches them,
//! and hands what was read to the store.

mod fetch;
mod ingest;
mod load;
mod progress;
mod remote;

pub use crate::scoring::{points_allowed, DstEvents};
pub use crate::store::nfl_queries::{
    DstPoints, NflPlayerSummary, PlayerPoints, SeasonData, WeekPoints,
};
pub use fetch::{is_secure_address, Fetched, Fetcher};
pub use ingest::{files_of, Found, IngestedFile, MAX_FOLDER_FILES};
pub(crate) use load::{download, load_paths};
pub use load::{refresh_due, IngestReport, OnProgress, RefreshSchedule};
pub use nfl_dfs_domain::nflverse::{
    advanced, check_season, check_week, check_week_number, depth_charts, play_by_play, player_week,
    roster_files, schedule, table, team_week, FileKind, Rows,
};
pub use nfl_dfs_domain::team_code;
pub use progress::{LoadProgress, LoadStage};
pub use remote::{recent_seasons, remote_files, season_of, RemoteFile, DEFAULT_DATA_URL};
pub use table::Table;
