//! Lineups: storage (one transaction per batch, duplicates recognised), and the files
//! DraftKings takes (upload file, entries-file fill) and gives back. The types and the validator
//! are the domain's.

mod files;

pub use crate::store::lineups::Saved;
pub(crate) use crate::store::lineups::{delete, list, save};
pub use files::{export, read_file, ExportReport, ExportRequest, LineupImportReport};
pub use nfl_dfs_domain::lineup::*;
