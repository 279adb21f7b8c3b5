//! The troubleshooter: checks of the database, the production models, the data's age, disk,
//! memory and backups. Each failing check says what to do in words and, where the app can do
//! it, names the action (a button on the System page) and the CLI command that does it.

use crate::backup::{self, BackupKind};
use crate::dk::Position;
use crate::monitor::{AlertLimits, ResourceProbe, ResourceSample};
use crate::paths::DataPaths;
use crate::{ErrorCode, Result};
use chrono::Utc;
use serde::{Deserialize, Serialize};
use std::path::Path;
use ts_rs::TS;

/// A database backup older than this many days is reported.
const BACKUP_MAX_AGE_DAYS: i64 = 2;

/// `today`, `yesterday` or `N days ago`.
pub(crate) fn days_ago(days: i64) -> String {
    match days {
        ..=0 => "today".into(),
        1 => "yesterday".into(),
        n => format!("{n} days ago"),
    }
}

/// How a check came out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum CheckStatus {
    /// Fine.
    Ok,
    /// Works, but something is missing or getting old.
    Warning,
    /// Broken: the app cannot do part of its work.
    Problem,
}

/// A fix the app can make itself.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "action", rename_all = "snake_case")]
pub enum FixAction {
    /// Back up the database and models now.
    BackupNow,
    /// Restore this database backup.
    Restore {
        /// The backup file.
        file: String,
    },
    /// Train models on the loaded history.
    TrainModels,
    /// Return a position to its previous production model.
    RollbackModel {
        /// The position.
        position: Position,
    },
    /// Download the default seasons of NFL data.
    DownloadData,
}

impl FixAction {
    /// The CLI command that makes this fix.
    pub fn command(&self) -> String {
        match self {
            FixAction::BackupNow => "nfl-dfs-cli backup".into(),
            FixAction::Restore { file } => format!("nfl-dfs-cli restore \"{file}\""),
            FixAction::TrainModels => "nfl-dfs-cli train".into(),
            FixAction::RollbackModel { position } => {
                format!("nfl-dfs-cli models rollback {}", position.as_str())
            }
            FixAction::DownloadData => "nfl-dfs-cli ingest".into(),
        }
    }
}

/// One check.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct Check {
    /// What was checked, e.g. `Database`.
    pub name: String,
    /// How it came out.
    pub status: CheckStatus,
    /// What was found, with figures.
    pub detail: String,
    /// What to do, in words (when not ok).
    pub fix: Option<String>,
    /// The fix the app can make, if any.
    pub action: Option<FixAction>,
    /// The CLI command of that fix.
    pub command: Option<String>,
}

impl Check {
    pub(crate) fn ok(name: &str, detail: impl Into<String>) -> Check {
        Check {
            name: name.into(),
            status: CheckStatus::Ok,
            detail: detail.into(),
            fix: None,
            action: None,
            command: None,
        }
    }

    pub(crate) fn failing(
        name: &str,
        status: CheckStatus,
        detail: impl Into<String>,
        fix: impl Into<String>,
        action: Option<FixAction>,
    ) -> Check {
        Check {
            name: name.into(),
            status,
            detail: detail.into(),
            fix: Some(fix.into()),
            command: action.as_ref().map(FixAction::command),
            action,
        }
    }
}

/// Every check, in order.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct DoctorReport {
    /// The checks.
    pub checks: Vec<Check>,
    /// How many are problems (the CLI exits non-zero when any).
    pub problems: u32,
    /// How many are warnings.
    pub warnings: u32,
}

impl DoctorReport {
    pub(crate) fn of(checks: Vec<Check>) -> DoctorReport {
        let count = |s| checks.iter().filter(|c| c.status == s).count() as u32;
        DoctorReport {
            problems: count(CheckStatus::Problem),
            warnings: count(CheckStatus::Warning),
            checks,
        }
    }
}

pub(crate) fn disk_and_memory(sample: &ResourceSample, limits: &AlertLimits) -> [Check; 2] {
    let disk = match sample.disk_free_bytes {
        Some(free) if free < limits.disk_free_bytes => Check::failing(
            "Disk space",
            CheckStatus::Problem,
            format!(
                "{} MB free for the data folder (needs {} MB)",
                free >> 20,
                limits.disk_free_bytes >> 20
            ),
            "Free space on that disk: delete old backups or other files.",
            None,
        ),
        Some(free) => Check::ok(
            "Disk space",
            format!("{} MB free for the data folder", free >> 20),
        ),
        None => Check::ok("Disk space", "the data folder's disk could not be measured"),
    };
    let memory = if sample.memory_used_pct > limits.memory_pct {
        Check::failing(
            "Memory",
            CheckStatus::Warning,
            format!("{:.0}% of memory in use (alert above {:.0}%)", sample.memory_used_pct, limits.memory_pct),
            "Close other programs; training and optimizing need room. Fewer CPU threads in Settings use less.",
            None,
        )
    } else {
        Check::ok(
            "Memory",
            format!("{:.0}% of memory in use", sample.memory_used_pct),
        )
    };
    [disk, memory]
}

pub(crate) async fn backups_check(dir: &Path) -> Result<Check> {
    let newest = backup::list(dir)?
        .into_iter()
        .find(|e| e.kind == BackupKind::Database);
    let Some(newest) = newest else {
        return Ok(Check::failing(
            "Backups",
            CheckStatus::Warning,
            "no database backup yet",
            "Back up now; the app also backs up daily at 03:00 while it runs.",
            Some(FixAction::BackupNow),
        ));
    };
    if let Err(e) = backup::verify_database(Path::new(&newest.path)).await {
        return Ok(Check::failing(
            "Backups",
            CheckStatus::Problem,
            format!("the newest backup cannot be restored: {e}"),
            "Back up now to have a good one.",
            Some(FixAction::BackupNow),
        ));
    }
    let age = (Utc::now() - newest.created_at()).num_days();
    Ok(if age > BACKUP_MAX_AGE_DAYS {
        Check::failing(
            "Backups",
            CheckStatus::Warning,
            format!("the newest backup is {age} days old"),
            "Back up now.",
            Some(FixAction::BackupNow),
        )
    } else {
        Check::ok("Backups", format!("newest {} verifies", newest.file_name))
    })
}

/// Checks a data folder whose database did not open (`code` and `message` of the error): a
/// database from a newer version is to be opened by that version, and is left alone; otherwise,
/// where a backup verifies, the fix restores it.
pub async fn unopened(paths: &DataPaths, code: ErrorCode, message: &str) -> DoctorReport {
    let newest = match code {
        ErrorCode::SchemaTooNew => None,
        _ => backup::newest_good(&paths.backups_dir())
            .await
            .ok()
            .flatten(),
    };
    let database = match newest {
        _ if code == ErrorCode::SchemaTooNew => Check::failing(
            "Database",
            CheckStatus::Problem,
            message,
            "Update NFL DFS to the version that wrote this database; it is left as it is.",
            None,
        ),
        Some(good) => Check::failing(
            "Database",
            CheckStatus::Problem,
            message,
            format!(
                "Restore the newest good backup, {} (the damaged file is kept).",
                good.file_name
            ),
            Some(FixAction::Restore { file: good.path }),
        ),
        None => Check::failing(
            "Database",
            CheckStatus::Problem,
            message,
            format!(
                "No good backup exists. Move {} away to start with an empty database.",
                paths.database_display()
            ),
            None,
        ),
    };
    // The settings live in the database that did not open: the defaults apply.
    let limits = AlertLimits::of(&crate::settings::Settings::from_entries(&[]));
    let sample = ResourceProbe::default().sample(&paths.data_dir);
    let mut checks = vec![database];
    checks.extend(disk_and_memory(&sample, &limits));
    DoctorReport::of(checks)
}
