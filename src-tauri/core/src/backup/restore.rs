//! Restoring: a database backup is verified (it opens, `PRAGMA integrity_check` says `ok`, its
//! schema has only migrations this version knows) before anything changes; the current database
//! is kept (a snapshot when it is healthy, the file itself set aside when it is damaged); the
//! file is swapped in with a rename. The caller then opens it, which runs pending migrations.

use super::catalog::{list, BackupEntry, BackupKind, BackupReason, TIME_FORMAT};
use super::snapshot::{archive_models, snapshot_database};
use crate::paths::{with_suffix, DataPaths};
use crate::store;
use crate::{Error, Result};
use chrono::{DateTime, Utc};
use migration::{Migrator, MigratorTrait};
use sea_orm::sqlx::sqlite::{SqliteConnectOptions, SqlitePoolOptions};
use sea_orm::{DatabaseConnection, SqlxSqliteConnector};
use serde::Serialize;
use std::path::Path;
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
    let meta = std::fs::metadata(file).map_err(|e| refused(file, e.to_string()))?;
    if !meta.is_file() {
        return Err(refused(file, "it is a folder, not a database file"));
    }
    let options = SqliteConnectOptions::new()
        .filename(file)
        .read_only(true)
        .create_if_missing(false);
    let pool = SqlitePoolOptions::new()
        .max_connections(1)
        .connect_with(options)
        .await
        .map_err(|e| refused(file, format!("it does not open as a database ({e})")))?;
    let db = SqlxSqliteConnector::from_sqlx_sqlite_pool(pool);
    let result = check_open(&db, file).await;
    db.close().await.ok();
    result
}

async fn check_open(db: &DatabaseConnection, file: &Path) -> Result<BackupCheck> {
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

/// Replaces the database of `paths` with the backup `file`. `current` is the open database, if
/// it opened: it is snapshotted (reason `before-restore`) and closed. Without one, or when the
/// snapshot fails (a damaged database), the file is moved aside into the backups folder as
/// `damaged-<time>-<name>`. Returns
/// the check of the backup and the path of the kept copy. Nothing changes when the backup is
/// refused.
pub async fn restore_database(
    paths: &DataPaths,
    file: &Path,
    current: Option<&DatabaseConnection>,
    now: DateTime<Utc>,
) -> Result<(BackupCheck, Option<String>)> {
    let check = verify_database(file).await?;
    let Some(target) = paths.database_file.clone() else {
        return Err(Error::InvalidInput(
            "this database lives in memory; there is no file to restore into".into(),
        ));
    };
    let backups = paths.backups_dir();
    // Copy first: a failure here leaves the current database untouched.
    let incoming = with_suffix(&target, ".restoring");
    std::fs::copy(file, &incoming).map_err(Error::io("copying the backup", file))?;
    // Keep the current database: a snapshot when it reads whole; otherwise (it did not open,
    // or it is too damaged to snapshot) the file itself is moved aside, as it is.
    let snapshot = match current {
        Some(db) => {
            let kept = snapshot_database(db, &backups, BackupReason::BeforeRestore, now).await;
            db.clone().close().await.ok();
            match kept {
                Ok(kept) => Some(kept.path),
                Err(e) => {
                    tracing::warn!(
                        "the current database could not be snapshotted ({e}); moving it aside"
                    );
                    None
                }
            }
        }
        None => None,
    };
    let kept = match snapshot {
        Some(path) => Some(path),
        None if target.exists() => {
            let moved = std::fs::create_dir_all(&backups)
                .map_err(Error::io("creating the backups folder", &backups))
                .and_then(|()| {
                    let name = target.file_name().map_or_else(
                        || "database".to_string(),
                        |n| n.to_string_lossy().into_owned(),
                    );
                    let aside = backups.join(format!("damaged-{}-{name}", now.format(TIME_FORMAT)));
                    std::fs::rename(&target, &aside)
                        .map_err(Error::io("moving the damaged database", &target))?;
                    Ok(aside)
                });
            match moved {
                Ok(aside) => Some(aside.display().to_string()),
                Err(e) => {
                    std::fs::remove_file(&incoming).ok();
                    return Err(e);
                }
            }
        }
        None => None,
    };
    // A write-ahead log belongs to the file it was written for; it must not meet the new one.
    for suffix in ["-wal", "-shm"] {
        let path = with_suffix(&target, suffix);
        if path.exists() {
            std::fs::remove_file(&path).map_err(Error::io("removing the old journal", &path))?;
        }
    }
    std::fs::rename(&incoming, &target).map_err(Error::io("swapping in the backup", &target))?;
    tracing::info!(backup = %file.display(), kept = ?kept, "database restored");
    Ok((check, kept))
}

/// Replaces the model folder `models` with a models backup, after archiving the current one
/// into `backups`. The archive is unpacked beside the folder first and checked to hold only a
/// `models/` tree; the folders are then swapped with renames. Returns the archive of the old
/// models.
pub fn restore_models(
    models: &Path,
    backups: &Path,
    file: &Path,
    now: DateTime<Utc>,
) -> Result<BackupEntry> {
    let staging = with_suffix(models, ".restoring");
    if staging.exists() {
        std::fs::remove_dir_all(&staging).map_err(Error::io("clearing", &staging))?;
    }
    std::fs::create_dir_all(&staging).map_err(Error::io("creating", &staging))?;
    let unpack = || -> std::result::Result<(), String> {
        let reader = std::fs::File::open(file).map_err(|e| e.to_string())?;
        let mut archive = tar::Archive::new(flate2::read::GzDecoder::new(reader));
        for entry in archive
            .entries()
            .map_err(|e| format!("not a .tar.gz archive ({e})"))?
        {
            let mut entry = entry.map_err(|e| format!("the archive is damaged ({e})"))?;
            let path = entry.path().map_err(|e| e.to_string())?.into_owned();
            if !path.starts_with("models") {
                return Err(format!("it holds '{}', outside models/", path.display()));
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

/// Whether `file` looks like a models backup (by name) rather than a database.
pub fn is_models_archive(file: &Path) -> bool {
    let name = file
        .file_name()
        .map(|n| n.to_string_lossy().to_ascii_lowercase());
    name.is_some_and(|n| n.ends_with(".tar.gz") || n.ends_with(".tgz"))
}
