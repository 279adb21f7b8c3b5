//! The troubleshooter on an open workspace: every check, and the fix each offers.

use crate::backup::{self};
use crate::doctor::*;
use crate::monitor::ResourceProbe;
use crate::{store, Result, Workspace};
use chrono::Utc;
use migration::{Migrator, MigratorTrait};

impl Workspace {
    /// Runs every check.
    pub async fn doctor(&self) -> Result<DoctorReport> {
        let mut checks = vec![self.database_check().await?];
        checks.extend(self.model_checks().await?);
        checks.push(self.self_tuning_check());
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
        let shape = store::schema_shape::problems(self.db())
            .await
            .unwrap_or_else(|e| vec![e.to_string()]);
        if !shape.is_empty() {
            return Ok(Check::failing(
                "Database",
                CheckStatus::Problem,
                format!(
                    "the tables are not what the schema promises: {}",
                    shape.join("; ")
                ),
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

    /// A failed self-tuning run is a warning until a run succeeds.
    fn self_tuning_check(&self) -> Check {
        match self.self_tune_failure() {
            None => Check::ok("Self-tuning", "no failed run since the app started"),
            Some(failure) => Check::failing(
                "Self-tuning",
                CheckStatus::Warning,
                format!("the run at {} failed: {}", failure.at, failure.message),
                "The models were not retrained. Load more NFL history (Data page) and train \
                 (Models page); self-tuning tries again when new data arrives.",
                Some(FixAction::TrainModels),
            ),
        }
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
                    self.latest_slate_gaps_check(&days_ago(days)).await?
                }
            }
        })
    }

    /// Whether the weeks before the latest slate are loaded: a gap leaves its projections
    /// judged on older games and leaning on DraftKings' averages.
    async fn latest_slate_gaps_check(&self, loaded: &str) -> Result<Check> {
        let Some(latest) = self.slates().await?.into_iter().next() else {
            return Ok(Check::ok("NFL data", format!("last loaded {loaded}")));
        };
        let gaps = self.slate_data_gaps(latest.id).await?;
        if gaps.is_empty() {
            return Ok(Check::ok("NFL data", format!("last loaded {loaded}")));
        }
        Ok(Check::failing(
            "NFL data",
            CheckStatus::Warning,
            format!(
                "last loaded {loaded}; before the latest slate ({}), {} not loaded",
                latest.name,
                crate::projection::project::missing_weeks(&gaps)
            ),
            "Download the missing weeks (Data page), or load their files: until then who plays \
             and recent form are judged on the games before the gap, DraftKings' averages and \
             the week's depth chart.",
            Some(FixAction::DownloadData),
        ))
    }
}
