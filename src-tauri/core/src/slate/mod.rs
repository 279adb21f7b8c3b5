//! DraftKings slates in the database: importing a salary file (one transaction, recognised by
//! content hash on re-import), listing and loading slates, and the user's per-player toggles
//! (lock, exclude, projection override) that the optimizer reads. The types are the domain's.

pub(crate) use crate::store::slate_import::import;
pub(crate) use crate::store::slates::{list, load, set_player_flags};
pub use nfl_dfs_domain::slate::*;
