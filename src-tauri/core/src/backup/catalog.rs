//! The backups folder: how backup files are named, listed and pruned.
//!
//! A name carries everything the list shows: `db-20261128T030000123Z-daily.sqlite`,
//! `models-20261128T030000123Z-weekly.tar.gz` (UTC time to the millisecond, then why it was
//! made). Files with other names (a `.partial` being written, anything the user put there) are
//! not backups and are left alone.

use crate::{Error, Result};
use chrono::{DateTime, NaiveDateTime, Utc};
use serde::Serialize;
use std::path::{Path, PathBuf};
use ts_rs::TS;

/// How a backup's UTC time is written in file names (millisecond resolution).
pub(super) const TIME_FORMAT: &str = "%Y%m%dT%H%M%S%3fZ";

/// What a backup holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum BackupKind {
    /// A snapshot of the SQLite database.
    Database,
    /// A `.tar.gz` of the model registry.
    Models,
}

impl BackupKind {
    fn prefix(self) -> &'static str {
        match self {
            BackupKind::Database => "db",
            BackupKind::Models => "models",
        }
    }

    fn extension(self) -> &'static str {
        match self {
            BackupKind::Database => "sqlite",
            BackupKind::Models => "tar.gz",
        }
    }
}

/// Why a backup was made.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum BackupReason {
    /// Asked for (button or `nfl-dfs-cli backup`).
    Manual,
    /// The daily database backup.
    Daily,
    /// The weekly models backup.
    Weekly,
    /// Made automatically before migrations changed the schema.
    BeforeMigration,
    /// The database as it was before a restore replaced it.
    BeforeRestore,
}

const REASONS: [BackupReason; 5] = [
    BackupReason::Manual,
    BackupReason::Daily,
    BackupReason::Weekly,
    BackupReason::BeforeMigration,
    BackupReason::BeforeRestore,
];

impl BackupReason {
    /// The reason as it appears in file names.
    pub fn as_str(self) -> &'static str {
        match self {
            BackupReason::Manual => "manual",
            BackupReason::Daily => "daily",
            BackupReason::Weekly => "weekly",
            BackupReason::BeforeMigration => "before-migration",
            BackupReason::BeforeRestore => "before-restore",
        }
    }
}

/// One backup file.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct BackupEntry {
    /// File name inside the backups folder.
    pub file_name: String,
    /// Full path.
    pub path: String,
    /// Database or models.
    pub kind: BackupKind,
    /// Why it was made.
    pub reason: BackupReason,
    /// When it was made (RFC 3339, UTC).
    pub created: String,
    /// Size in bytes.
    #[ts(type = "number")]
    pub bytes: u64,
}

impl BackupEntry {
    /// When it was made.
    pub fn created_at(&self) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(&self.created)
            .map(|t| t.with_timezone(&Utc))
            .expect("created is written by this module")
    }
}

/// The path a new backup of `kind` made at `at` for `reason` gets.
pub(super) fn new_path(
    dir: &Path,
    kind: BackupKind,
    reason: BackupReason,
    at: DateTime<Utc>,
) -> PathBuf {
    dir.join(format!(
        "{}-{}-{}.{}",
        kind.prefix(),
        at.format(TIME_FORMAT),
        reason.as_str(),
        kind.extension()
    ))
}

/// Reads a backup's kind, time and reason from its file name.
fn parse_name(name: &str) -> Option<(BackupKind, DateTime<Utc>, BackupReason)> {
    [BackupKind::Database, BackupKind::Models]
        .into_iter()
        .find_map(|kind| {
            let rest = name
                .strip_prefix(kind.prefix())?
                .strip_prefix('-')?
                .strip_suffix(kind.extension())?
                .strip_suffix('.')?;
            let (time, reason) = rest.split_once('-')?;
            let at = NaiveDateTime::parse_from_str(time, TIME_FORMAT)
                .ok()?
                .and_utc();
            let reason = REASONS.into_iter().find(|r| r.as_str() == reason)?;
            Some((kind, at, reason))
        })
}

/// The backup at `path`, if its name is a backup's.
pub(super) fn entry_of(path: &Path) -> Option<BackupEntry> {
    let name = path.file_name()?.to_string_lossy().into_owned();
    let (kind, at, reason) = parse_name(&name)?;
    Some(BackupEntry {
        path: path.display().to_string(),
        file_name: name,
        kind,
        reason,
        created: at.to_rfc3339_opts(chrono::SecondsFormat::Millis, true),
        bytes: std::fs::metadata(path).map_or(0, |m| m.len()),
    })
}

/// The backups in a folder, newest first (an absent folder has none).
pub fn list(dir: &Path) -> Result<Vec<BackupEntry>> {
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(Error::io("reading the backups folder", dir)(e)),
    };
    let mut out = Vec::new();
    for entry in entries {
        let entry = entry.map_err(Error::io("reading the backups folder", dir))?;
        out.extend(entry_of(&entry.path()));
    }
    out.sort_by(|a, b| {
        b.created
            .cmp(&a.created)
            .then(b.file_name.cmp(&a.file_name))
    });
    Ok(out)
}

/// Deletes backups older than `retention_days`, except the newest of each kind, which is
/// always kept. Returns the file names deleted.
pub fn prune(dir: &Path, retention_days: u32, now: DateTime<Utc>) -> Result<Vec<String>> {
    let cutoff = now - chrono::Duration::days(i64::from(retention_days));
    let mut removed = Vec::new();
    for kind in [BackupKind::Database, BackupKind::Models] {
        let of_kind: Vec<BackupEntry> = list(dir)?.into_iter().filter(|e| e.kind == kind).collect();
        for old in of_kind.iter().skip(1).filter(|e| e.created_at() < cutoff) {
            std::fs::remove_file(&old.path)
                .map_err(Error::io("deleting an old backup", &old.path))?;
            tracing::info!(file = %old.file_name, "old backup deleted");
            removed.push(old.file_name.clone());
        }
    }
    Ok(removed)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn touch(dir: &Path, kind: BackupKind, reason: BackupReason, at: DateTime<Utc>) -> String {
        let path = new_path(dir, kind, reason, at);
        std::fs::write(&path, b"x").unwrap();
        path.file_name().unwrap().to_string_lossy().into_owned()
    }

    #[test]
    fn names_round_trip_and_other_files_are_not_backups() {
        let dir = tempfile::tempdir().unwrap();
        let at = Utc.with_ymd_and_hms(2026, 11, 28, 3, 0, 0).unwrap();
        for reason in REASONS {
            touch(dir.path(), BackupKind::Database, reason, at);
        }
        touch(dir.path(), BackupKind::Models, BackupReason::Weekly, at);
        std::fs::write(
            dir.path()
                .join("db-20261128T030000000Z-daily.sqlite.partial"),
            b"",
        )
        .unwrap();
        std::fs::write(dir.path().join("notes.txt"), b"").unwrap();
        std::fs::write(dir.path().join("db-yesterday-daily.sqlite"), b"").unwrap();
        let listed = list(dir.path()).unwrap();
        assert_eq!(listed.len(), 6);
        assert!(listed
            .iter()
            .all(|e| e.created == "2026-11-28T03:00:00.000Z"));
        let reasons: Vec<_> = listed
            .iter()
            .filter(|e| e.kind == BackupKind::Database)
            .map(|e| e.reason)
            .collect();
        for reason in REASONS {
            assert!(reasons.contains(&reason), "{reason:?} listed");
        }
    }

    #[test]
    fn retention_deletes_old_backups_but_never_the_newest_of_a_kind() {
        let dir = tempfile::tempdir().unwrap();
        let now = Utc.with_ymd_and_hms(2026, 11, 28, 12, 0, 0).unwrap();
        let day = chrono::Duration::days(1);
        let fresh = touch(
            dir.path(),
            BackupKind::Database,
            BackupReason::Daily,
            now - day,
        );
        let old = touch(
            dir.path(),
            BackupKind::Database,
            BackupReason::Daily,
            now - day * 8,
        );
        let only_models = touch(
            dir.path(),
            BackupKind::Models,
            BackupReason::Weekly,
            now - day * 30,
        );
        let removed = prune(dir.path(), 7, now).unwrap();
        assert_eq!(removed, vec![old]);
        let left: Vec<String> = list(dir.path())
            .unwrap()
            .into_iter()
            .map(|e| e.file_name)
            .collect();
        assert_eq!(left, vec![fresh, only_models]);
        // Even when every backup is old, the newest one stays.
        let removed = prune(dir.path(), 0, now + day * 100).unwrap();
        assert!(removed.is_empty());
    }
}
