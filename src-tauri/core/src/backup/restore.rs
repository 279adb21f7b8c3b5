//! Restoring: a database backup is verified (it opens, `PRAGMA integrity_check` says `ok`, its
//! schema has only migrations this version knows, and every table has the columns and types
//! that schema promises, see `store::schema_shape`) before anything changes; the current database
//! is kept (a snapshot when it is healthy, the file itself set aside when it is damaged); the
//! backup is copied through SQLite and swapped in with a rename. The caller then opens it,
//! which runs pending migrations.

use super::catalog::{list, BackupEntry, BackupKind, BackupReason, TIME_FORMAT};
use super::snapshot::{archive_models, snapshot_database};
use crate::paths::{with_suffix, DataPaths};
use crate::{limits, safe_fs, store};
use crate::{Error, Result};
use chrono::{DateTime, Utc};
use migration::{Migrator, MigratorTrait};
use serde::Serialize;
use std::path::{Path, PathBuf};
use ts_rs::TS;

/// What verifying a database backup found.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct BackupCheck {
    /// The file checked.
    pub file: String,
    /// Its newest migration.
    pub schema_version: String,
    /// Migrations this version would still apply after restoring it.
    pub pending_migrations: u32,
}

fn refused(file: &Path, reason: impl Into<String>) -> Error {
    Error::InvalidBackup {
        file: file.display().to_string(),
        reason: reason.into(),
    }
}

/// Checks that `file` is a whole NFL DFS database this version can open, without changing it.
pub async fn verify_database(file: &Path) -> Result<BackupCheck> {
    let meta =
        std::fs::metadata(file).map_err(|e| refused(file, safe_fs::plainly(e).to_string()))?;
    if let Some(what) = safe_fs::not_a_file(&meta) {
        return Err(refused(file, format!("it is {what}, not a database file")));
    }
    let db = store::open_read_only(file)
        .await
        .map_err(|e| refused(file, format!("it does not open as a database ({e})")))?;
    let result = check_open(&db, file).await;
    db.close().await.ok();
    result
}

async fn check_open(db: &store::Db, file: &Path) -> Result<BackupCheck> {
    let problems = store::integrity_problems(db, true)
        .await
        .map_err(|e| refused(file, format!("it is not a readable database ({e})")))?;
    if !problems.is_empty() {
        return Err(refused(
            file,
            format!("the integrity check failed: {}", problems.join("; ")),
        ));
    }
    let state = store::schema_state(db)
        .await
        .map_err(|e| refused(file, e.to_string()))?;
    let Some(version) = state.version() else {
        return Err(refused(file, "it holds no NFL DFS schema"));
    };
    let known: Vec<String> = Migrator::migrations()
        .iter()
        .map(|m| m.name().to_string())
        .collect();
    if let Some(unknown) = state.applied.iter().find(|m| !known.contains(m)) {
        return Err(refused(
            file,
            format!(
                "it was written by a newer version of NFL DFS (schema '{unknown}', unknown to \
                 version {})",
                crate::APP_VERSION
            ),
        ));
    }
    let shape = store::schema_shape::problems(db)
        .await
        .map_err(|e| refused(file, e.to_string()))?;
    if !shape.is_empty() {
        return Err(refused(
            file,
            format!(
                "its tables are not what its schema version promises: {}",
                shape.join("; ")
            ),
        ));
    }
    Ok(BackupCheck {
        file: file.display().to_string(),
        schema_version: version.to_string(),
        pending_migrations: (known.len() - state.applied.len()) as u32,
    })
}

/// The newest database backup in `dir` that verifies, if any.
pub async fn newest_good(dir: &Path) -> Result<Option<BackupEntry>> {
    for entry in list(dir)?
        .into_iter()
        .filter(|e| e.kind == BackupKind::Database)
    {
        match verify_database(Path::new(&entry.path)).await {
            Ok(_) => return Ok(Some(entry)),
            Err(e) => tracing::warn!("backup {} is not usable: {e}", entry.file_name),
        }
    }
    Ok(None)
}

/// Copies the database `file` into the new file `to` through SQLite: `VACUUM INTO` reads the
/// backup as SQLite sees it (with its journal, if one lies beside it) and writes one whole,
/// self-contained file. The backup itself is opened read-only and never changed.
async fn copy_database(file: &Path, to: &Path) -> Result<()> {
    let db = store::open_read_only(file)
        .await
        .map_err(|e| refused(file, format!("it does not open as a database ({e})")))?;
    let copied = store::vacuum_into(&db, to).await;
    db.close().await.ok();
    copied.map_err(|e| {
        std::fs::remove_file(to).ok();
        store::db_err("copying the backup")(e)
    })?;
    // The copy must be on disk before it replaces the database.
    std::fs::File::open(to)
        .and_then(|f| f.sync_all())
        .map_err(Error::io("copying the backup", to))
}

/// Moves the database `target` and its journal files (`-wal`, `-shm`) into `backups` as
/// `damaged-<time>-<name>…`, together, so the set aside copy keeps every committed page.
fn move_aside(target: &Path, backups: &Path, now: DateTime<Utc>) -> Result<PathBuf> {
    std::fs::create_dir_all(backups).map_err(Error::io("creating the backups folder", backups))?;
    let name = target.file_name().map_or_else(
        || "database".to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    let aside = backups.join(format!("damaged-{}-{name}", now.format(TIME_FORMAT)));
    // The journal first: the main file moved alone would lose what the journal holds.
    for suffix in ["-wal", "-shm"] {
        let journal = with_suffix(target, suffix);
        if journal.exists() {
            let to = with_suffix(&aside, suffix);
            std::fs::rename(&journal, &to)
                .map_err(Error::io("moving the damaged database's journal", &journal))?;
        }
    }
    std::fs::rename(target, &aside).map_err(Error::io("moving the damaged database", target))?;
    Ok(aside)
}

/// Replaces the database of `paths` with the backup `file`. The caller holds the data folder
/// alone ([`crate::data_lock`]), so no other process has the database open. `current` is the
/// open database, if it opened: it is snapshotted (reason `before-restore`), its journal
/// written into the file, and closed. Without one, or when that fails (a damaged database),
/// the file is moved aside with its journal into the backups folder as
/// `damaged-<time>-<name>`. The backup is copied beside the database first and swapped in with
/// a rename. Returns the check of the backup and the path of the kept copy. Nothing changes when
/// the backup is refused, and the live database itself is refused.
pub(crate) async fn restore_database(
    paths: &DataPaths,
    file: &Path,
    current: Option<&store::Db>,
    now: DateTime<Utc>,
) -> Result<(BackupCheck, Option<String>)> {
    let Some(target) = paths.database_file.clone() else {
        return Err(Error::InvalidInput(
            "this database lives in memory; there is no file to restore into".into(),
        ));
    };
    let live = ["", "-wal", "-shm"]
        .iter()
        .any(|suffix| safe_fs::same_file(file, &with_suffix(&target, suffix)));
    if live {
        return Err(refused(
            file,
            "it is the live database itself; restore a backup from the backups folder",
        ));
    }
    let check = verify_database(file).await?;
    let backups = paths.backups_dir();
    // Copy first: a failure here leaves the current database untouched.
    let incoming = with_suffix(&target, ".restoring");
    if incoming.exists() {
        std::fs::remove_file(&incoming).map_err(Error::io("clearing", &incoming))?;
    }
    copy_database(file, &incoming).await?;
    // Keep the current database: a snapshot when it reads whole, its journal then written into
    // the file; otherwise (it did not open, or it is too damaged) the file and its journal are
    // moved aside as they are.
    let kept = match current {
        Some(db) => {
            let kept = snapshot_database(db, &backups, BackupReason::BeforeRestore, now).await;
            let checkpointed = store::checkpoint(db).await;
            db.clone().close().await.ok();
            match (kept, checkpointed) {
                (Ok(kept), Ok(())) => Some(kept.path),
                (kept, checkpointed) => {
                    tracing::warn!(
                        snapshot = ?kept.err(),
                        checkpoint = ?checkpointed.err(),
                        "the current database could not be kept whole; moving it aside"
                    );
                    None
                }
            }
        }
        None => None,
    };
    let kept = match kept {
        Some(path) => {
            // The journal was written into the file: what is left of it is empty.
            for suffix in ["-wal", "-shm"] {
                let path = with_suffix(&target, suffix);
                if path.exists() {
                    std::fs::remove_file(&path)
                        .map_err(Error::io("removing the old journal", &path))?;
                }
            }
            Some(path)
        }
        None if target.exists() => match move_aside(&target, &backups, now) {
            Ok(aside) => Some(aside.display().to_string()),
            Err(e) => {
                std::fs::remove_file(&incoming).ok();
                return Err(e);
            }
        },
        None => None,
    };
    std::fs::rename(&incoming, &target).map_err(Error::io("swapping in the backup", &target))?;
    tracing::info!(backup = %file.display(), kept = ?kept, "database restored");
    Ok((check, kept))
}

/// Replaces the model folder `models` with a models backup, after archiving the current one
/// into `backups`. The archive is unpacked beside the folder first and checked to hold only a
/// `models/` tree that passes `check` (handed the unpacked folder: the caller's deploy checks);
/// the folders are then swapped with renames. Returns the archive of the old
/// models.
pub fn restore_models(
    models: &Path,
    backups: &Path,
    file: &Path,
    now: DateTime<Utc>,
    check: impl FnOnce(&Path) -> std::result::Result<(), String>,
) -> Result<BackupEntry> {
    let staging = with_suffix(models, ".restoring");
    if staging.exists() {
        std::fs::remove_dir_all(&staging).map_err(Error::io("clearing", &staging))?;
    }
    std::fs::create_dir_all(&staging).map_err(Error::io("creating", &staging))?;
    let unpack = || -> std::result::Result<(), String> {
        let reader = safe_fs::open_regular(file).map_err(|e| e.to_string())?;
        // Capped twice: the bytes unpacked, and the sizes the entries declare.
        let mut archive = tar::Archive::new(safe_fs::CappedReader::new(
            flate2::read::GzDecoder::new(reader),
            limits::MAX_ARCHIVE_UNPACKED_BYTES + (64 << 20),
        ));
        let (mut entries, mut bytes) = (0u64, 0u64);
        for entry in archive
            .entries()
            .map_err(|e| format!("not a .tar.gz archive ({e})"))?
        {
            let mut entry = entry.map_err(|e| format!("the archive is damaged ({e})"))?;
            let path = entry.path().map_err(|e| e.to_string())?.into_owned();
            if !path.starts_with("models") {
                return Err(format!("it holds '{}', outside models/", path.display()));
            }
            let kind = entry.header().entry_type();
            if !(kind.is_file() || kind.is_dir()) {
                return Err(format!(
                    "it holds '{}', which is neither a file nor a folder",
                    path.display()
                ));
            }
            entries += 1;
            bytes = bytes.saturating_add(entry.header().size().unwrap_or(u64::MAX));
            if entries > limits::MAX_ARCHIVE_ENTRIES || bytes > limits::MAX_ARCHIVE_UNPACKED_BYTES {
                return Err(format!(
                    "it unpacks to more than {} entries or {}, more than a models backup holds",
                    limits::MAX_ARCHIVE_ENTRIES,
                    safe_fs::human_bytes(limits::MAX_ARCHIVE_UNPACKED_BYTES)
                ));
            }
            // `unpack_in` refuses paths that climb out of the staging folder.
            if !entry
                .unpack_in(&staging)
                .map_err(|e| format!("the archive is damaged ({e})"))?
            {
                return Err(format!("it holds an unsafe path '{}'", path.display()));
            }
        }
        Ok(())
    };
    if let Err(reason) = unpack() {
        std::fs::remove_dir_all(&staging).ok();
        return Err(refused(file, reason));
    }
    let unpacked = staging.join("models");
    if !unpacked.is_dir() {
        std::fs::remove_dir_all(&staging).ok();
        return Err(refused(file, "it holds no models/ folder"));
    }
    if let Err(reason) = check(&unpacked) {
        std::fs::remove_dir_all(&staging).ok();
        return Err(refused(file, reason));
    }
    let kept = archive_models(models, backups, BackupReason::BeforeRestore, now)?;
    let previous = with_suffix(models, ".previous");
    if previous.exists() {
        std::fs::remove_dir_all(&previous).map_err(Error::io("clearing", &previous))?;
    }
    if models.exists() {
        std::fs::rename(models, &previous).map_err(Error::io("moving aside", models))?;
    }
    std::fs::rename(&unpacked, models).map_err(Error::io("swapping in the models", models))?;
    std::fs::remove_dir_all(&staging).ok();
    std::fs::remove_dir_all(&previous).ok();
    tracing::info!(backup = %file.display(), "models restored");
    Ok(kept)
}

/// Finishes or undoes what a restore killed half-way left in the data folder: a model folder
/// being unpacked (`models.restoring`) is removed; a model folder moved aside
/// (`models.previous`) is put back when no `models` took its place, else removed; a database
/// copy not yet swapped in (`<database>.restoring`) is removed. Returns what it did, in words.
pub fn clean_leftovers(models: &Path, database: Option<&Path>) -> Vec<String> {
    let mut done = Vec::new();
    let staging = with_suffix(models, ".restoring");
    if staging.exists() && std::fs::remove_dir_all(&staging).is_ok() {
        done.push(format!("removed {}", staging.display()));
    }
    let previous = with_suffix(models, ".previous");
    if previous.exists() {
        if !models.exists() {
            if std::fs::rename(&previous, models).is_ok() {
                done.push(format!("put back {}", models.display()));
            }
        } else if std::fs::remove_dir_all(&previous).is_ok() {
            done.push(format!("removed {}", previous.display()));
        }
    }
    if let Some(database) = database {
        let incoming = with_suffix(database, ".restoring");
        if incoming.exists() && std::fs::remove_file(&incoming).is_ok() {
            done.push(format!("removed {}", incoming.display()));
        }
    }
    done
}

/// Whether `file` looks like a models backup (by name) rather than a database.
pub fn is_models_archive(file: &Path) -> bool {
    let name = file
        .file_name()
        .map(|n| n.to_string_lossy().to_ascii_lowercase());
    name.is_some_and(|n| n.ends_with(".tar.gz") || n.ends_with(".tgz"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_database_set_aside_keeps_its_journal_beside_it() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("nfl-dfs.sqlite");
        for (suffix, bytes) in [("", "main"), ("-wal", "journal"), ("-shm", "index")] {
            std::fs::write(with_suffix(&target, suffix), bytes).unwrap();
        }
        let backups = dir.path().join("backups");
        let aside = move_aside(&target, &backups, Utc::now()).unwrap();
        for (suffix, bytes) in [("", "main"), ("-wal", "journal"), ("-shm", "index")] {
            assert!(!with_suffix(&target, suffix).exists());
            assert_eq!(
                std::fs::read_to_string(with_suffix(&aside, suffix)).unwrap(),
                bytes
            );
        }
    }
}
