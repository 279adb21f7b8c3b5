//! [`Workspace`] backups: made on demand and on schedule, listed, pruned, restored.

use crate::backup::{self, BackupCheck, BackupEntry, BackupKind, BackupReason};
use crate::data_lock::{self, DataLock};
use crate::paths::DataPaths;
use crate::projection::registry;
use crate::workspace::models::REGISTRY_FOLDER;
use crate::{Result, Workspace};
use chrono::Utc;
use serde::Serialize;
use std::path::Path;
use ts_rs::TS;

/// What a restore did.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct RestoreReport {
    /// Database or models.
    pub kind: BackupKind,
    /// The restored file.
    pub file: String,
    /// The database backup's check (for a database).
    pub check: Option<BackupCheck>,
    /// Where the replaced database or models were kept.
    pub kept: Option<String>,
}

impl Workspace {
    /// The backups, newest first.
    pub fn backups(&self) -> Result<Vec<BackupEntry>> {
        backup::list(&self.paths().backups_dir())
    }

    /// Backs up the database and the models now, then applies the retention setting.
    pub async fn backup_now(&self) -> Result<Vec<BackupEntry>> {
        let now = Utc::now();
        let dir = self.paths().backups_dir();
        let made = vec![
            backup::snapshot_database(self.db(), &dir, BackupReason::Manual, now).await?,
            backup::archive_models(&self.paths().models_dir(), &dir, BackupReason::Manual, now)?,
        ];
        self.prune_backups().await?;
        Ok(made)
    }

    /// Makes the backups that are due (database daily at 03:00 local time, models weekly),
    /// then applies the retention setting. Returns the backups made.
    pub async fn scheduled_backups(&self) -> Result<Vec<BackupEntry>> {
        let dir = self.paths().backups_dir();
        let models_present = self.paths().models_dir().join("registry").is_dir();
        let now = Utc::now();
        let mut made = Vec::new();
        for kind in backup::due_now(&backup::list(&dir)?, models_present) {
            made.push(match kind {
                BackupKind::Database => {
                    backup::snapshot_database(self.db(), &dir, BackupReason::Daily, now).await?
                }
                BackupKind::Models => backup::archive_models(
                    &self.paths().models_dir(),
                    &dir,
                    BackupReason::Weekly,
                    now,
                )?,
            });
        }
        if !made.is_empty() {
            self.prune_backups().await?;
        }
        Ok(made)
    }

    /// Deletes backups older than the `backup_retention_days` setting (never the newest).
    pub async fn prune_backups(&self) -> Result<Vec<String>> {
        let days = self.typed_settings().await?.backup_retention_days;
        backup::prune(&self.paths().backups_dir(), days, Utc::now())
    }

    /// Restores a backup, holding the data folder alone meanwhile: a models archive (`.tar.gz`)
    /// whose production versions pass the deploy checks replaces the model folder and this
    /// workspace stays open; a database backup is verified, the current database kept, the file
    /// swapped and opened again (with migrations). Use the returned workspace afterwards: this
    /// one's database is closed after a database restore. A refused backup changes nothing.
    pub async fn restore(&self, file: &Path) -> Result<(Workspace, RestoreReport)> {
        if backup::is_models_archive(file) {
            // Every production version must be in the archive and pass the deploy checks.
            let production = registry::production_versions(self.db()).await?;
            let check = |unpacked: &Path| -> std::result::Result<(), String> {
                let registry = unpacked.join(REGISTRY_FOLDER);
                for (position, version) in &production {
                    registry::load_version(&registry, *position, version).map_err(|e| {
                        format!(
                            "the production {} model ({version}) in it does not pass the deploy \
                             checks: {e}",
                            position.as_str()
                        )
                    })?;
                }
                Ok(())
            };
            // The model folder is swapped: no other process may hold the folder meanwhile (nor
            // clean up what looks like an interrupted restore).
            let lock = std::sync::Arc::clone(self.lock());
            data_lock::off_runtime(move || lock.upgrade(data_lock::EXCLUSIVE_WAIT)).await?;
            let restored = backup::restore_models(
                &self.paths().models_dir(),
                &self.paths().backups_dir(),
                file,
                Utc::now(),
                check,
            );
            self.lock().downgrade()?;
            let kept = restored?;
            let report = RestoreReport {
                kind: BackupKind::Models,
                file: file.display().to_string(),
                check: None,
                kept: Some(kept.path),
            };
            return Ok((self.clone(), report));
        }
        // The database file is swapped: no other process may hold the folder meanwhile.
        let lock = std::sync::Arc::clone(self.lock());
        data_lock::off_runtime(move || lock.upgrade(data_lock::EXCLUSIVE_WAIT)).await?;
        let restored = Self::restore_database(self.paths().clone(), file, Some(self)).await;
        if restored.is_err() {
            // Refused (before anything changed, as a rule): this workspace goes on as it was.
            self.lock().downgrade()?;
        }
        restored
    }

    /// Restores a database backup into a data folder whose database did not open (damaged or
    /// unreadable): the damaged file is moved into the backups folder, the backup swapped in
    /// and opened. A refused backup changes nothing.
    pub async fn restore_unopened(
        paths: DataPaths,
        file: &Path,
    ) -> Result<(Workspace, RestoreReport)> {
        let data_dir = paths.data_dir.clone();
        let lock = data_lock::off_runtime(move || {
            let lock = DataLock::shared(&data_dir)?;
            lock.upgrade(data_lock::EXCLUSIVE_WAIT)?;
            Ok(lock)
        })
        .await?;
        let restored = backup::restore_database(&paths, file, None, Utc::now()).await;
        lock.release();
        let (check, kept) = restored?;
        Self::opened_after_restore(paths, file, check, kept).await
    }

    async fn restore_database(
        paths: DataPaths,
        file: &Path,
        current: Option<&Workspace>,
    ) -> Result<(Workspace, RestoreReport)> {
        let (check, kept) =
            backup::restore_database(&paths, file, current.map(Workspace::db), Utc::now()).await?;
        if let Some(current) = current {
            current.mark_closed();
            current.lock().release();
        }
        Self::opened_after_restore(paths, file, check, kept).await
    }

    async fn opened_after_restore(
        paths: DataPaths,
        file: &Path,
        check: BackupCheck,
        kept: Option<String>,
    ) -> Result<(Workspace, RestoreReport)> {
        let workspace = Workspace::open(paths).await?;
        Ok((
            workspace,
            RestoreReport {
                kind: BackupKind::Database,
                file: file.display().to_string(),
                check: Some(check),
                kept,
            },
        ))
    }

    /// The newest database backup in a data folder that passes verification, if any: what the
    /// app offers when the database does not open.
    pub async fn newest_good_backup(paths: &DataPaths) -> Result<Option<BackupEntry>> {
        backup::newest_good(&paths.backups_dir()).await
    }
}
