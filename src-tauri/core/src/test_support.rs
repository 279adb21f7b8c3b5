//! What the core's own tests and benchmarks reach behind the use cases (feature
//! `test-support`): the database handle, to alter a file behind the app's back as another
//! program would, and the store's readers, to check what a use case stored. The shell and the
//! CLI never enable the feature.

pub use crate::store::history::load as load_history;
pub use crate::store::standings::latest as latest_standings;
pub use crate::store::{checkpoint, connect, schema_state, Db};

/// The workspace's database connection.
pub fn database(ws: &crate::Workspace) -> &Db {
    ws.db()
}

/// One database snapshot into `dir`, as the backup use case makes it (without the models
/// archive and the pruning), for timing it.
pub async fn snapshot_database(
    ws: &crate::Workspace,
    dir: &std::path::Path,
) -> crate::Result<crate::backup::BackupEntry> {
    crate::backup::snapshot_database(
        ws.db(),
        dir,
        crate::backup::BackupReason::Manual,
        chrono::Utc::now(),
    )
    .await
}

/// A slate's players as the ownership model sees them, in the view's order (the benchmarks'
/// ownership samples).
pub fn ownership_players(
    view: &crate::SlateView,
) -> Vec<crate::contest::ownership::OwnershipPlayer> {
    crate::workspace::ownership_players(view)
}
