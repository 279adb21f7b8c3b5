//! DraftKings slates: the domain's types (a slate, its games and players with the user's
//! toggles), under the name the front ends use. Importing, listing and loading them is the
//! store's (`store::slate_import`, `store::slates`), behind `Workspace`.

pub use nfl_dfs_domain::slate::*;
