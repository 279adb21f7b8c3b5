//! Making backups: `VACUUM INTO` for the database (a consistent copy taken inside SQLite while
//! the app keeps working) and a gzipped tar of the model registry. Both are written to a
//! temporary `.partial` file created exclusively in the folder and renamed when whole, so a
//! backup in the folder is always complete.

use super::catalog::{entry_of, new_path, BackupEntry, BackupKind, BackupReason};
use crate::{Error, Result};
use chrono::{DateTime, Utc};
use std::path::Path;

/// A new, empty temporary file in `dir` (created exclusively, so no planted link is
/// followed) named after the backup it becomes.
fn partial_beside(path: &Path, dir: &Path) -> Result<tempfile::NamedTempFile> {
    let name = path
        .file_name()
        .map_or_else(|| "backup".into(), |n| n.to_string_lossy().into_owned());
    tempfile::Builder::new()
        .prefix(&format!(".{name}."))
        .suffix(".partial")
        .tempfile_in(dir)
        .map_err(Error::io("creating a backup in", dir))
}

fn finish(partial: tempfile::NamedTempFile, path: &Path) -> Result<BackupEntry> {
    partial
        .persist(path)
        .map_err(|e| Error::io("finishing the backup", path)(e.error))?;
    Ok(entry_of(path).expect("named by new_path"))
}

/// Snapshots the database into the backups folder `dir`.
pub(crate) async fn snapshot_database(
    db: &crate::store::Db,
    dir: &Path,
    reason: BackupReason,
    now: DateTime<Utc>,
) -> Result<BackupEntry> {
    std::fs::create_dir_all(dir).map_err(Error::io("creating the backups folder", dir))?;
    let path = new_path(dir, BackupKind::Database, reason, now);
    // `VACUUM INTO` writes into an empty file; it is removed again if the snapshot fails.
    let partial = partial_beside(&path, dir)?;
    crate::store::vacuum_into(db, partial.path())
        .await
        .map_err(crate::store::db_err("backing up the database"))?;
    let entry = finish(partial, &path)?;
    tracing::info!(file = %entry.file_name, bytes = entry.bytes, "database backed up");
    Ok(entry)
}

/// Archives the model folder `models` (the registry and anything beside it) into `dir`.
pub fn archive_models(
    models: &Path,
    dir: &Path,
    reason: BackupReason,
    now: DateTime<Utc>,
) -> Result<BackupEntry> {
    std::fs::create_dir_all(dir).map_err(Error::io("creating the backups folder", dir))?;
    let path = new_path(dir, BackupKind::Models, reason, now);
    let mut partial = partial_beside(&path, dir)?;
    let write = |file: &mut std::fs::File| -> std::io::Result<()> {
        let gz = flate2::write::GzEncoder::new(file, flate2::Compression::default());
        let mut tar = tar::Builder::new(gz);
        if models.is_dir() {
            tar.append_dir_all("models", models)?;
        } else {
            let mut header = tar::Header::new_gnu();
            header.set_entry_type(tar::EntryType::Directory);
            header.set_mode(0o755);
            header.set_size(0);
            tar.append_data(&mut header, "models", std::io::empty())?;
        }
        tar.into_inner()?.finish()?.sync_all()
    };
    write(partial.as_file_mut()).map_err(Error::io("archiving the models", models))?;
    let entry = finish(partial, &path)?;
    tracing::info!(file = %entry.file_name, bytes = entry.bytes, "models backed up");
    Ok(entry)
}
