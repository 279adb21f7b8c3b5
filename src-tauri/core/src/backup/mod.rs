//! Backups: consistent snapshots of the live database (`VACUUM INTO`, never a file copy of a
//! database in use), gzipped tar archives of the model registry, their catalogue and retention,
//! the schedule (database daily at 03:00 local time, models weekly) and verified restore.
//!
//! Invariant: a restore checks the backup (`PRAGMA integrity_check`, a schema this version
//! knows) before it touches anything, keeps a copy of the current database, and swaps the file
//! with a rename, so a refused or interrupted restore leaves the current database as it was.

mod catalog;
mod restore;
mod schedule;
mod snapshot;

pub use catalog::{list, prune, BackupEntry, BackupKind, BackupReason};
pub(crate) use restore::restore_database;
pub use restore::{
    clean_leftovers, is_models_archive, newest_good, restore_models, verify_database, BackupCheck,
};
pub use schedule::{due, due_now, DAILY_HOUR, MODEL_BACKUP_DAYS};
pub use snapshot::archive_models;
pub(crate) use snapshot::snapshot_database;
