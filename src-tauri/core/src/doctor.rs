//! The troubleshooter: checks of the database, the production models, the data's age, disk,
//! memory and backups. Each failing check says what to do in words and, where the app can do
//! it, names the action (a button on the System page) and the CLI command that does it.

use crate::backup::{self, BackupKind};
use crate::dk::Position;
use crate::monitor::{AlertLimits, ResourceProbe, ResourceSample};
use crate::paths::DataPaths;
use crate::{store, ErrorCode, Result, Workspace};
use chrono::Utc;
use migration::{Migrator, MigratorTrait};
use serde::{Deserialize, Serialize};
use std::path::Path;
use ts_rs::TS;

/// A database backup older than this many days is reported.
const BACKUP_MAX_AGE_DAYS: i64 = 2;

/// `today`, `yesterday` or `N days ago`.
fn days_ago(days: i64) -> String {
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
    fn ok(name: &str, detail: impl Into<String>) -> Check {
        Check {
            name: name.into(),
            status: CheckStatus::Ok,
            detail: detail.into(),
            fix: None,
            action: None,
            command: None,
        }
    }

    fn failing(
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
    fn of(checks: Vec<Check>) -> DoctorReport {
        let count = |s| checks.iter().filter(|c| c.status == s).count() as u32;
        DoctorReport {
            problems: count(CheckStatus::Problem),
            warnings: count(CheckStatus::Warning),
            checks,
        }
    }
}

fn disk_and_memory(sample: &ResourceSample, limits: &AlertLimits) -> [Check; 2] {
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

async fn backups_check(dir: &Path) -> Result<Check> {
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

impl Workspace {
    /// Runs every check.
    pub async fn doctor(&self) -> Result<DoctorReport> {
        let mut checks = vec![self.database_check().await?];
        checks.extend(self.model_checks().await?);
        checks.push(self.data_check().await?);
        let sample = ResourceProbe::default().sample(&self.paths().data_dir);
        checks.extend(disk_and_memory(&sample, &self.alert_limits().await?));
        checks.push(backups_check(&self.paths().backups_dir()).await?);
        Ok(DoctorReport::of(checks))
    }

    async fn database_check(&self) -> Result<Check> {
        let problems = store::integrity_problems(self.db(), true)
            .await
            .unwrap_or_else(|e| vec![e.to_string()]);
        let restore = backup::newest_good(&self.paths().backups_dir())
            .await?
            .map(|b| FixAction::Restore { file: b.path });
        if !problems.is_empty() {
            return Ok(Check::failing(
                "Database",
                CheckStatus::Problem,
                format!("the integrity check failed: {}", problems.join("; ")),
                "Restore the newest good backup (the current file is kept).",
                restore,
            ));
        }
        let applied = store::schema_state(self.db()).await?.applied.len();
        let known = Migrator::migrations().len();
        Ok(if applied == known {
            Check::ok(
                "Database",
                format!("integrity ok, schema current ({applied} migrations)"),
            )
        } else {
            Check::failing(
                "Database",
                CheckStatus::Problem,
                format!("{applied} of {known} migrations applied"),
                "Restart the app: it applies migrations when it opens the database.",
                None,
            )
        })
    }

    async fn model_checks(&self) -> Result<Vec<Check>> {
        let checks = self.check_production_models().await?;
        let versions = self.model_versions().await?;
        let missing: Vec<&str> = checks
            .iter()
            .filter(|c| c.version.is_none())
            .map(|c| c.position.as_str())
            .collect();
        let mut out = Vec::new();
        for c in checks.iter().filter(|c| c.version.is_some()) {
            let name = format!("{} model", c.position.as_str());
            let version = c.version.as_deref().unwrap_or_default();
            out.push(match &c.problem {
                None => Check::ok(&name, format!("{version} loads and predicts")),
                Some(problem) => {
                    let others = versions
                        .iter()
                        .filter(|v| v.position == c.position && v.version != version)
                        .count();
                    let action = if others > 0 {
                        FixAction::RollbackModel {
                            position: c.position,
                        }
                    } else {
                        FixAction::TrainModels
                    };
                    Check::failing(
                        &name,
                        CheckStatus::Problem,
                        problem.clone(),
                        "Roll back to the previous version, or train again; until then its \
                         players use DraftKings' AvgPointsPerGame.",
                        Some(action),
                    )
                }
            });
        }
        if !missing.is_empty() {
            out.push(Check::failing(
                "Models",
                CheckStatus::Warning,
                format!("no production model for {}", missing.join(", ")),
                "Train models (NFL data must be loaded); until then projections use \
                 DraftKings' AvgPointsPerGame.",
                Some(FixAction::TrainModels),
            ));
        }
        Ok(out)
    }

    async fn data_check(&self) -> Result<Check> {
        let limit = i64::from(self.typed_settings().await?.alert_stale_days);
        Ok(match self.last_nfl_load().await? {
            None => Check::failing(
                "NFL data",
                CheckStatus::Warning,
                "no NFL data loaded",
                "Download NFL data (Data page), or load nflverse files you have.",
                Some(FixAction::DownloadData),
            ),
            Some(at) => {
                let days = (Utc::now() - at).num_days();
                if days > limit {
                    Check::failing(
                        "NFL data",
                        CheckStatus::Warning,
                        format!("last loaded {}", days_ago(days)),
                        "Download the latest weeks.",
                        Some(FixAction::DownloadData),
                    )
                } else {
                    Check::ok("NFL data", format!("last loaded {}", days_ago(days)))
                }
            }
        })
    }
}
