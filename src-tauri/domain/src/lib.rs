//! # nfl-dfs-domain
//!
//! The pure rules of NFL DFS. Nothing here knows a database, an async runtime, a window or the
//! file system: readers take bytes, computations take values. The app crate (`nfl-dfs-core`)
//! stores, schedules and serves what this crate computes. A test (`domain_has_no_io`) fails if
//! this crate's manifest gains sea-orm, tokio, tauri or reqwest, or its sources open files.
//!
//! Code map:
//! - [`capped_read`]: readers that stop at a cap (compressed or downloaded data, endless lines).
//! - [`nflverse`]: the nflverse file readers (stats, schedules, rosters, injuries, snaps, depth
//!   charts, play-by-play, advanced stats), recognised by header.
//! - [`clock`]: time as the caller reads it (the domain never reads the clock).
//! - [`contest`]: contests and their payouts, the correlated slate simulator, ownership, the
//!   field and the pick.
//! - [`dk`]: DraftKings file formats (salary file layouts, lineup files, positions, slots).
//! - [`scoring`]: DraftKings NFL classic scoring.
//! - [`team_code`]: one code per franchise across relocations and sources.
//! - [`slate`]: a slate, its games and players, and what an import reported.
//! - [`lineup`]: lineups and the independent validator.
//! - [`optimizer`]: lineups by integer programming (HiGHS), k best, explanations, late swap.
//! - [`projection`]: history, features, learners, metrics.
//! - [`identity`]: the name/team/position matcher.
//! - [`limits`]: every cap on input.
//! - [`error`]: the one error type, with a stable machine-readable [`ErrorCode`].

pub mod capped_read;
pub mod clock;
pub mod contest;
pub mod dk;
pub mod error;
pub mod identity;
pub mod limits;
pub mod linalg;
pub mod lineup;
pub mod nflverse;
pub mod optimizer;
pub mod projection;
pub mod scoring;
pub mod slate;
pub mod team_code;
pub mod thousands;

pub use error::{Error, ErrorCode, Result};
