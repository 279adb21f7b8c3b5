//! # nfl-dfs-core
//!
//! The domain core of NFL DFS. Everything the app does lives here and is usable without a
//! window: the Tauri shell and the `nfl-dfs-cli` binary are two thin front ends over
//! [`Workspace`]. This crate knows nothing of Tauri or IPC; its public types are plain data
//! (serde + ts-rs derives, so the shell can generate TypeScript from them).
//!
//! Code map:
//! - [`dk`]: DraftKings file formats (salary file layouts, lineup files, positions, slots).
//! - [`slate`]: imported slates in the database, and the user's per-player toggles.
//! - [`optimizer`]: lineups by integer programming (HiGHS), k best by partitioning, reasons
//!   when none exists.
//! - [`lineup`]: the independent lineup validator, stored lineups, export and entries fill.
//! - `demo` (feature `demo`, for tests and regenerating `data/`): the generated
//!   demo slate and NFL history.
//! - [`backup`]: database snapshots and model archives, their schedule, retention and
//!   verified restore.
//! - [`paths`]: where the database, logs, cache, models and backups live.
//! - [`data_lock`]: the data-folder lock the window and the CLI share (a restore holds it alone).
//! - [`limits`]: every cap on input (file, row, model, archive and download sizes, times).
//! - [`safe_fs`]: checked names that become paths, whole-or-nothing writes, capped reads.
//! - `store` (private): the SQLite database (sea-orm): opening, pragmas, migrations, one
//!   module per table or aggregate; only the use cases of [`Workspace`] reach it.
//! - `test_support` (feature `test-support`, for the core's tests and benchmarks): the
//!   database handle and the store's readers.
//! - [`settings`]: typed, validated settings with defaults and environment overrides.
//! - [`health`]: the report behind the `health` command and the status bar.
//! - [`monitor`]: resource samples, command latency and alerts.
//! - [`doctor`]: the troubleshooter's checks, each with its fix.
//! - [`logging`]: console and daily-rotated file logs.
//! - [`error`]: the one error type, with a stable machine-readable [`ErrorCode`].

pub mod backup;
pub mod data_lock;
#[cfg(feature = "demo")]
pub mod demo;
pub mod doctor;
pub mod health;
pub mod identity;
pub mod lineup;
pub mod logging;
pub mod monitor;
pub mod nflverse;
pub mod paths;
pub mod profile;
pub mod projection;
pub mod safe_fs;
pub mod scheduled;
pub mod settings;
pub mod slate;
mod store;
#[cfg(feature = "test-support")]
pub mod test_support;
mod workspace;

pub use nfl_dfs_domain::{clock, contest, dk, error, limits, optimizer, scoring, thousands};
pub use nfl_dfs_domain::{Error, ErrorCode, Result};
pub use nflverse::IngestReport;
pub use workspace::{choices, demo_folder, self_tuning};
pub use workspace::{
    ContestBacktest, ContestEdit, FieldCheck, FieldRequest, LineupOutcome, LineupPlayer,
    NewContest, OwnershipReport, PickReport, PickRequest, PlayerOwnership, RealFinish,
    SimulatedLineup, SimulationReport, Spread, StandingsReport,
};
pub use workspace::{
    ModelCheck, PlayerView, RecordRequest, RecordedContest, RestoreReport, SlateProjections,
    SlateView, StoredLineups, TrackRecord, TrainReport, TrainRequest, TrainingRun, Workspace,
    MAX_SEARCH_SECONDS,
};

/// The app's version, shared by the shell, the CLI and the core (one workspace version).
pub const APP_VERSION: &str = env!("CARGO_PKG_VERSION");

/// Where releases announce themselves: the `latest.json` the release workflow publishes.
pub const UPDATE_URL: &str =
    "https://github.com/nfl-dfs/nfl-dfs/releases/latest/download/latest.json";

/// The bundle identifier; it names the per-platform app-data folder, as Tauri does.
pub const APP_IDENTIFIER: &str = "com.nfldfs.desktop";

/// The wall clock as the domain takes it ([`nfl_dfs_domain::clock::Clock`]): monotonic time
/// since the process first read it.
pub fn wall_clock() -> std::time::Duration {
    static ORIGIN: std::sync::OnceLock<std::time::Instant> = std::sync::OnceLock::new();
    ORIGIN.get_or_init(std::time::Instant::now).elapsed()
}
