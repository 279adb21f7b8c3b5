//! Lineups: the files DraftKings takes (upload file, entries-file fill) and gives back. The
//! types and the validator are the domain's; storing them is the store's (`store::lineups`).

mod files;

pub use crate::store::lineups::Saved;
pub use files::{export, read_file, ExportReport, ExportRequest, LineupImportReport};
pub use nfl_dfs_domain::lineup::*;
