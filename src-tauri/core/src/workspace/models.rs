//! Models: training runs with experiment tracking and the deploy-if-better rule, the registry
//! (deploy, rollback, delete, checks), export and install. Heavy work runs off the async runtime.

use super::{blocking_failed, Workspace};
use crate::contest::simulate::correlations;
use crate::dk::Position;
use crate::projection::features::{Features, FEATURE_VERSION};
use crate::projection::history::week_key;
use crate::projection::registry::{LoadedModel, Metadata, ModelEvent, ModelVersion};
use crate::projection::train::{PositionResult, PositionSummary, POSITIONS};
use crate::projection::{registry, train};
use crate::{nflverse, safe_fs, store, Error, Result, APP_VERSION};
use chrono::Utc;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};
use ts_rs::TS;

/// One position's production model, checked.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct ModelCheck {
    /// Position.
    pub position: Position,
    /// The production version, if any.
    pub version: Option<String>,
    /// What is wrong with it, if anything.
    pub problem: Option<String>,
}

/// What to train.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
pub struct TrainRequest {
    /// Train only on weeks before this season and week (for backtests); default: everything.
    pub until: Option<(i32, i32)>,
    /// Seconds each position may spend trying more learners (0: the default ones only).
    pub search_seconds: u32,
    /// Why: `manual` or `self_tuning`.
    pub trigger: String,
}

/// What a training run did.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct TrainReport {
    /// The run's id.
    pub run_id: i32,
    /// Seconds it took.
    pub seconds: f64,
    /// Per position: learner, metrics, baseline, error gain.
    pub results: Vec<PositionSummary>,
    /// The version made (`r<run id>`).
    pub version: String,
    /// Positions whose new version went to production.
    pub deployed: Vec<Position>,
    /// Positions kept on their production version, each with the reason.
    pub kept: Vec<String>,
    /// What the window says when models went to production: which, and their validated
    /// error next to that of the version they replaced; `None` when none did.
    pub announcement: Option<String>,
}

/// The words of a deploy: `changes` holds each deployed position's new validated error and
/// the replaced version's (`None`: there was none, or it could not be loaded).
fn announcement(trigger: &str, changes: &[(Position, f64, Option<f64>)]) -> Option<String> {
    if changes.is_empty() {
        return None;
    }
    let by = match trigger {
        "self_tuning" => "Self-tuning",
        _ => "Training",
    };
    let each: Vec<String> = changes
        .iter()
        .map(|(position, new, old)| match old {
            Some(old) => format!(
                "{} (validated error {new:.2}, was {old:.2})",
                position.as_str()
            ),
            None => format!(
                "{} (validated error {new:.2}; no working model before)",
                position.as_str()
            ),
        })
        .collect();
    Some(format!(
        "{by} put new models in production: {}. Projections have changed; lineups built \
         earlier are marked.",
        each.join(", ")
    ))
}

/// A stored training run.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct TrainingRun {
    /// Id.
    pub id: i32,
    /// When it started (RFC 3339).
    pub started_at: String,
    /// Seconds.
    pub seconds: f64,
    /// `manual` or `self_tuning`.
    pub trigger: String,
    /// Feature version.
    pub feature_version: i32,
    /// First week of data.
    pub data_from: String,
    /// Weeks before this one.
    pub data_until: String,
    /// Per position results, with their error gain.
    pub results: Vec<PositionSummary>,
}

/// The longest learner search a training run may ask for, per position.
pub const MAX_SEARCH_SECONDS: u32 = 3600;

/// The registry's folder inside the data folder's `models/`.
pub(crate) const REGISTRY_FOLDER: &str = "registry";

impl Workspace {
    /// The model registry folder.
    pub fn registry_dir(&self) -> PathBuf {
        self.paths().models_dir().join(REGISTRY_FOLDER)
    }

    /// Trains every position on the loaded history (weeks before `until`), records the run,
    /// writes a version per position, and deploys each one that beats its production version's
    /// validation MAE (or where there is none).
    pub async fn train(&self, request: &TrainRequest) -> Result<TrainReport> {
        if let Some((season, week)) = request.until {
            nflverse::check_week(season, week)?;
        }
        if request.search_seconds > MAX_SEARCH_SECONDS {
            return Err(Error::InvalidInput(format!(
                "a learner search of {} s is too long; at most {MAX_SEARCH_SECONDS} s per position",
                request.search_seconds
            )));
        }
        let history = self.history().await?;
        let weeks = history.weeks();
        let (Some(&first), Some(&last)) = (weeks.first(), weeks.last()) else {
            return Err(Error::InvalidInput(
                "No NFL history is loaded: download or load nflverse weekly stats first (Data page or `nfl-dfs-cli ingest`).".into(),
            ));
        };
        let until = request
            .until
            .map_or(last + 1, |(season, week)| week_key(season, week));
        let threads = self.typed_settings().await?.cpu_threads as usize;
        let search = Duration::from_secs(u64::from(request.search_seconds));
        let started_at = Utc::now();
        let clock = Instant::now();
        let (trained, correlations) = tokio::task::spawn_blocking(move || {
            let features = Features::new(&history);
            let trained = train::train_all(&features, until, search, &crate::wall_clock, threads)?;
            // The run's correlations, from the same weeks, kept with its QB version when
            // there are enough games to trust them.
            let correlations = correlations::fit(&history, week_key(1999, 1), until);
            Ok::<_, String>((
                trained,
                (correlations.samples >= correlations::MIN_SAMPLES).then_some(correlations),
            ))
        })
        .await
        .map_err(blocking_failed)?
        .map_err(|e| Error::InvalidInput(format!("Training failed: {e}.")))?;
        let seconds = clock.elapsed().as_secs_f64();
        let results: Vec<PositionResult> = trained.iter().map(|t| t.result.clone()).collect();
        let show = |key: i32| format!("{}-{}", key / 100, key % 100);
        let run_id = store::training_runs::record(
            self.db(),
            &store::training_runs::NewRun {
                started_at,
                seconds,
                trigger: &request.trigger,
                feature_version: FEATURE_VERSION as i32,
                data_from: show(first),
                data_until: show(until),
                parameters: serde_json::to_string(request).expect("serialises"),
                results: serde_json::to_string(&results).expect("serialises"),
                app_version: APP_VERSION,
            },
        )
        .await?;
        let version = format!("r{run_id}");
        let registry_dir = self.registry_dir();
        let mut report = TrainReport {
            run_id,
            seconds,
            results: results.into_iter().map(PositionSummary::from).collect(),
            version: version.clone(),
            deployed: Vec::new(),
            kept: Vec::new(),
            announcement: None,
        };
        let mut changes = Vec::new();
        for t in &trained {
            let position = t.result.position;
            let metadata = Metadata {
                position,
                version: version.clone(),
                created_at: started_at,
                app_version: APP_VERSION.to_string(),
                data_from: show(first),
                data_until: show(until),
                result: t.result.clone(),
            };
            let carried = correlations.as_ref().filter(|_| position == Position::QB);
            registry::write_version(&registry_dir, t, &metadata, carried)?;
            registry::register(self.db(), &metadata, Some(run_id)).await?;
            let current = registry::production(self.db(), position).await?;
            let current_mae = match &current {
                Some(v) => registry::load_version(&registry_dir, position, v)
                    .ok()
                    .map(|m| m.metadata.result.model.mae),
                None => None,
            };
            match current_mae {
                Some(mae) if mae <= t.result.model.mae => report.kept.push(format!(
                    "{}: production {} validated at MAE {mae:.2}, the new version at {:.2}",
                    position.as_str(),
                    current.unwrap_or_default(),
                    t.result.model.mae
                )),
                _ => {
                    registry::deploy(self.db(), &registry_dir, position, &version).await?;
                    report.deployed.push(position);
                    changes.push((position, t.result.model.mae, current_mae));
                }
            }
        }
        report.announcement = announcement(&request.trigger, &changes);
        tracing::info!(run_id, seconds, deployed = ?report.deployed, "training run finished");
        Ok(report)
    }

    /// Every training run, newest first.
    pub async fn training_runs(&self) -> Result<Vec<TrainingRun>> {
        let rows = store::training_runs::list(self.db()).await?;
        Ok(rows
            .into_iter()
            .map(|r| TrainingRun {
                id: r.id,
                started_at: r.started_at.to_rfc3339(),
                seconds: r.seconds,
                trigger: r.trigger,
                feature_version: r.feature_version,
                data_from: r.data_from,
                data_until: r.data_until,
                results: serde_json::from_str::<Vec<PositionResult>>(&r.results)
                    .unwrap_or_default()
                    .into_iter()
                    .map(PositionSummary::from)
                    .collect(),
            })
            .collect())
    }

    /// Every model version, production marked.
    pub async fn model_versions(&self) -> Result<Vec<ModelVersion>> {
        registry::list(self.db()).await
    }

    /// Every deploy and rollback, oldest first.
    pub async fn model_events(&self) -> Result<Vec<ModelEvent>> {
        registry::history(self.db()).await
    }

    /// Validates a version and puts it in production.
    pub async fn deploy_model(&self, position: Position, version: &str) -> Result<()> {
        registry::deploy(self.db(), &self.registry_dir(), position, version).await
    }

    /// Returns a position to its previous production version; returns that version.
    pub async fn rollback_model(&self, position: Position) -> Result<String> {
        registry::rollback(self.db(), &self.registry_dir(), position).await
    }

    /// Deletes a version that is not in production.
    pub async fn delete_model(&self, position: Position, version: &str) -> Result<()> {
        registry::delete(self.db(), &self.registry_dir(), position, version).await
    }

    /// Every position's production model checked the way a deploy checks it: files present,
    /// model loads, features match, predicts a number.
    pub async fn check_production_models(&self) -> Result<Vec<ModelCheck>> {
        let production: HashMap<Position, String> = registry::production_versions(self.db())
            .await?
            .into_iter()
            .collect();
        Ok(POSITIONS
            .iter()
            .map(|&position| {
                let version = production.get(&position).cloned();
                let problem = match &version {
                    None => Some("no model in production".to_string()),
                    Some(v) => registry::load_version(&self.registry_dir(), position, v)
                        .err()
                        .map(|e| e.to_string()),
                };
                ModelCheck {
                    position,
                    version,
                    problem,
                }
            })
            .collect())
    }

    /// The production models that load and validate, by position (a broken one is skipped
    /// with a warning: its players fall back to DraftKings' average).
    pub(crate) async fn production_models(
        &self,
    ) -> Result<(HashMap<Position, LoadedModel>, Vec<String>)> {
        let mut models = HashMap::new();
        let mut names = Vec::new();
        for (position, version) in registry::production_versions(self.db()).await? {
            match registry::load_version(&self.registry_dir(), position, &version) {
                Ok(model) => {
                    names.push(format!("{} {version}", position.as_str()));
                    models.insert(position, model);
                }
                Err(e) => tracing::warn!("production model not used: {e}"),
            }
        }
        Ok((models, names))
    }

    /// Copies every production version into `to/<position>/<name>/` (the shipped-models
    /// layout; the metadata's version becomes `name`). Refused, with nothing written, when `to`
    /// is, holds or lies inside the model registry, or a folder of the tree is a link already.
    pub async fn export_models(&self, to: &Path, name: &str) -> Result<Vec<String>> {
        safe_fs::check_name("model version", name)?;
        let below: Vec<PathBuf> = POSITIONS
            .iter()
            .map(|p| Path::new(p.as_str()).join(name))
            .collect();
        safe_fs::check_output_folder(to, &self.registry_dir(), "the model registry", &below)?;
        let mut exported = Vec::new();
        for position in POSITIONS {
            let Some(version) = registry::production(self.db(), position).await? else {
                continue;
            };
            let loaded = registry::load_version(&self.registry_dir(), position, &version)?;
            let from = registry::version_dir(&self.registry_dir(), position, &version)?;
            let dir = registry::version_dir(to, position, name)?;
            std::fs::create_dir_all(&dir).map_err(Error::io("creating", &dir))?;
            for file in registry::version_files(&from)
                .into_iter()
                .filter(|f| *f != registry::METADATA_FILE)
            {
                safe_fs::copy_regular(&from.join(file), &dir.join(file))?;
            }
            let metadata = Metadata {
                version: name.to_string(),
                ..loaded.metadata
            };
            safe_fs::write_atomically(
                &dir.join("metadata.json"),
                &serde_json::to_vec_pretty(&metadata).expect("serialises"),
            )?;
            exported.push(format!("{} {name}", position.as_str()));
        }
        Ok(exported)
    }

    /// Installs shipped models (`from/<position>/<version>/`) into the registry: each is
    /// validated, registered, and deployed where the position has no production version.
    /// Versions already in the registry are left as they are.
    pub async fn install_models(&self, from: &Path) -> Result<Vec<String>> {
        let meta = std::fs::metadata(from)
            .map_err(safe_fs::plainly)
            .map_err(Error::io("reading", from))?;
        if !meta.is_dir() {
            return Err(Error::InvalidInput(format!(
                "{} is {}: give the folder that holds <position>/<version>/ model folders",
                from.display(),
                safe_fs::not_a_file(&meta).unwrap_or("a file")
            )));
        }
        let mut installed = Vec::new();
        for position in POSITIONS {
            let dir = from.join(position.as_str());
            let Ok(entries) = std::fs::read_dir(&dir) else {
                continue;
            };
            for entry in entries.flatten().filter(|e| e.path().is_dir()) {
                let version = entry.file_name().to_string_lossy().into_owned();
                // The folder's name is the version; its metadata must say the same.
                let target = registry::version_dir(&self.registry_dir(), position, &version)
                    .map_err(|e| Error::InvalidInput(format!("{}: {e}", entry.path().display())))?;
                if target.exists() {
                    continue;
                }
                // Validate where it is, then copy it in.
                let loaded = registry::load_version(from, position, &version)?;
                std::fs::create_dir_all(&target).map_err(Error::io("creating", &target))?;
                for file in registry::version_files(&entry.path()) {
                    safe_fs::copy_regular(&entry.path().join(file), &target.join(file))?;
                }
                registry::register(self.db(), &loaded.metadata, None).await?;
                if registry::production(self.db(), position).await?.is_none() {
                    registry::deploy(self.db(), &self.registry_dir(), position, &version).await?;
                }
                installed.push(format!("{} {version}", position.as_str()));
            }
        }
        Ok(installed)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_deploy_is_announced_with_the_old_and_new_error() {
        assert_eq!(announcement("manual", &[]), None);
        assert_eq!(
            announcement(
                "self_tuning",
                &[(Position::RB, 5.104, Some(5.32)), (Position::TE, 4.0, None)]
            )
            .unwrap(),
            "Self-tuning put new models in production: RB (validated error 5.10, was 5.32), \
             TE (validated error 4.00; no working model before). Projections have changed; \
             lineups built earlier are marked."
        );
        assert!(announcement("manual", &[(Position::QB, 6.0, Some(6.5))])
            .unwrap()
            .starts_with("Training put"));
    }
}
