//! The model registry: `registry/<position>/<version>/` holds `model.json.gz`, `metadata.json`
//! (metrics, data range, created, app version) and `features.json`; a QB version trained by
//! the app also holds `correlations.json`, the run's estimate of how players' scores move
//! together (the contest simulator's), so it is deployed and rolled back with the models. Which version is in
//! production is recorded in the database as deploy and rollback events (no symlinks, so it
//! works on Windows): replaying them, a deploy pushes a version and a rollback pops one.
//! A version is validated before it goes to production: files present, model loads, it
//! predicts a number from a row of the right width, metrics present, correlations (when
//! present) a valid correlation matrix. A failed validation
//! leaves production as it was.

use super::features::{feature_names, FEATURE_VERSION};
use super::learner::Model;
use super::train::Trained;
pub use super::version::{LoadedModel, Metadata};
use crate::contest::simulate::Correlations;
use crate::dk::{FileError, Position};
use crate::store::{model_registry, Db};
use crate::{limits, Error, Result};
use chrono::{DateTime, Utc};
use flate2::read::GzDecoder;
use flate2::write::GzEncoder;
use serde::{Deserialize, Serialize};
use std::io::Write;
use std::path::{Path, PathBuf};
use ts_rs::TS;

const MODEL_FILE: &str = "model.json.gz";
/// The version file the app rewrites when it exports a version under another name.
pub const METADATA_FILE: &str = "metadata.json";
const FEATURES_FILE: &str = "features.json";
const CORRELATIONS_FILE: &str = "correlations.json";

/// What `features.json` holds.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FeatureList {
    /// Feature definitions version.
    pub version: u32,
    /// Feature names in row order.
    pub names: Vec<String>,
}

/// One version as listed.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct ModelVersion {
    /// Position.
    pub position: Position,
    /// Version.
    pub version: String,
    /// Training run, if it came from one (the shipped baseline did not).
    pub run_id: Option<i32>,
    /// Learner, e.g. `ridge(alpha=1)`.
    pub learner: String,
    /// Walk-forward MAE.
    pub mae: f64,
    /// Season-to-date MAE on the same rows.
    pub baseline_mae: f64,
    /// When it was trained.
    #[ts(type = "string")]
    pub created_at: DateTime<Utc>,
    /// Whether it is in production.
    pub production: bool,
}

pub use crate::store::model_registry::ModelEvent;

/// The folder of a version. The version name is checked first (`[A-Za-z0-9._-]{1,64}`, not
/// starting with a dot), so the folder is always inside the registry.
pub fn version_dir(registry: &Path, position: Position, version: &str) -> Result<PathBuf> {
    crate::safe_fs::child(&registry.join(position.as_str()), "model version", version)
}

fn shown(path: &Path) -> String {
    path.display().to_string()
}

fn invalid(path: &Path, message: impl Into<String>) -> Error {
    FileError::new(&shown(path), None, None, message).into()
}

/// The files of the version in `dir`: the three every version has, and the correlations when
/// it carries them.
pub fn version_files(dir: &Path) -> Vec<&'static str> {
    let mut files = vec![MODEL_FILE, FEATURES_FILE, METADATA_FILE];
    if dir.join(CORRELATIONS_FILE).is_file() {
        files.push(CORRELATIONS_FILE);
    }
    files
}

/// Writes a trained position as a new version (to a temporary folder, renamed when whole),
/// with the run's correlations when given.
pub fn write_version(
    registry: &Path,
    trained: &Trained,
    metadata: &Metadata,
    correlations: Option<&Correlations>,
) -> Result<PathBuf> {
    let dir = version_dir(registry, metadata.position, &metadata.version)?;
    let parent = dir
        .parent()
        .expect("a version folder has a position folder");
    std::fs::create_dir_all(parent).map_err(Error::io("creating", parent))?;
    let staging = tempfile::Builder::new()
        .prefix(".staging-")
        .tempdir_in(parent)
        .map_err(Error::io("creating a folder in", parent))?;
    let tmp = staging.path().to_path_buf();
    let write = |name: &str, bytes: &[u8]| crate::safe_fs::write_atomically(&tmp.join(name), bytes);
    let json = serde_json::to_vec(&trained.model)
        .map_err(|e| Error::Config(format!("cannot serialise the model: {e}")))?;
    let mut gz = GzEncoder::new(Vec::new(), flate2::Compression::default());
    gz.write_all(&json)
        .and_then(|_| gz.finish())
        .map_err(Error::io("compressing", tmp.join(MODEL_FILE)))
        .and_then(|bytes| write(MODEL_FILE, &bytes))?;
    write(
        METADATA_FILE,
        &serde_json::to_vec_pretty(metadata).expect("metadata serialises"),
    )?;
    let features = FeatureList {
        version: FEATURE_VERSION,
        names: feature_names(metadata.position)
            .iter()
            .map(|s| s.to_string())
            .collect(),
    };
    write(
        FEATURES_FILE,
        &serde_json::to_vec_pretty(&features).expect("features serialise"),
    )?;
    if let Some(correlations) = correlations {
        write(
            CORRELATIONS_FILE,
            &serde_json::to_vec(correlations).expect("correlations serialise"),
        )?;
    }
    if dir.exists() {
        std::fs::remove_dir_all(&dir).map_err(Error::io("replacing", &dir))?;
    }
    std::fs::rename(staging.keep(), &dir).map_err(Error::io("writing", &dir))?;
    Ok(dir)
}

/// Loads and validates a version: files present, model loads, features match this app's,
/// a prediction on a row of the right width is a number, metrics present.
pub fn load_version(registry: &Path, position: Position, version: &str) -> Result<LoadedModel> {
    let dir = version_dir(registry, position, version)?;
    if !dir.is_dir() {
        return Err(Error::NotFound {
            what: "model version",
            id: format!("{} {version}", position.as_str()),
        });
    }
    let read = |name: &str, limit: u64| {
        let path = dir.join(name);
        crate::safe_fs::read_file_capped(&path, limit)
            .map_err(|e| invalid(&path, format!("cannot be read: {e}")))
    };
    let meta_path = dir.join(METADATA_FILE);
    let metadata: Metadata =
        serde_json::from_slice(&read(METADATA_FILE, limits::MAX_MODEL_SIDECAR_BYTES)?)
            .map_err(|e| invalid(&meta_path, format!("is not valid metadata: {e}")))?;
    if metadata.position != position || metadata.result.model.rows == 0 {
        return Err(invalid(
            &meta_path,
            "has no validation metrics for this position",
        ));
    }
    if metadata.version != version {
        return Err(invalid(
            &meta_path,
            format!(
                "names version '{}' but sits in the folder '{version}'; a version's metadata \
                 must name its own folder",
                metadata.version.chars().take(80).collect::<String>()
            ),
        ));
    }
    let features_path = dir.join(FEATURES_FILE);
    let features: FeatureList =
        serde_json::from_slice(&read(FEATURES_FILE, limits::MAX_MODEL_SIDECAR_BYTES)?)
            .map_err(|e| invalid(&features_path, format!("is not a feature list: {e}")))?;
    let expected = feature_names(position);
    if features.version != FEATURE_VERSION || features.names != expected {
        return Err(invalid(
            &features_path,
            format!(
                "lists features of version {}; this app makes version {FEATURE_VERSION}: retrain",
                features.version
            ),
        ));
    }
    let model_path = dir.join(MODEL_FILE);
    let compressed = read(MODEL_FILE, limits::MAX_MODEL_FILE_BYTES)?;
    let json = crate::safe_fs::read_capped(
        GzDecoder::new(compressed.as_slice()),
        limits::MAX_MODEL_JSON_BYTES,
    )
    .map_err(|e| invalid(&model_path, format!("is damaged: {e}")))?;
    let model: Model = serde_json::from_slice(&json)
        .map_err(|e| invalid(&model_path, format!("is not a model: {e}")))?;
    if model.width != expected.len() {
        return Err(invalid(
            &model_path,
            format!("takes {} features, not {}", model.width, expected.len()),
        ));
    }
    model
        .check_shapes()
        .and_then(|()| model.predict(&[vec![1.0; expected.len()]]))
        .map_err(|e| invalid(&model_path, format!("does not predict: {e}")))?;
    let correlations_path = dir.join(CORRELATIONS_FILE);
    let correlations = if correlations_path.is_file() {
        let c: Correlations =
            serde_json::from_slice(&read(CORRELATIONS_FILE, limits::MAX_MODEL_SIDECAR_BYTES)?)
                .map_err(|e| invalid(&correlations_path, format!("is not correlations: {e}")))?;
        c.check().map_err(|e| invalid(&correlations_path, e))?;
        Some(c)
    } else {
        None
    };
    Ok(LoadedModel {
        metadata,
        model,
        correlations,
    })
}

async fn events(db: &Db) -> Result<Vec<ModelEvent>> {
    model_registry::events(db).await
}

/// Every deploy and rollback, oldest first.
pub(crate) async fn history(db: &Db) -> Result<Vec<ModelEvent>> {
    events(db).await
}

/// The stack of a position's production versions (last = production), replayed from events.
fn stack(events: &[ModelEvent], position: Position) -> Vec<String> {
    let mut stack = Vec::new();
    for e in events.iter().filter(|e| e.position == position.as_str()) {
        match e.action.as_str() {
            "deploy" => stack.push(e.version.clone()),
            _ => {
                stack.pop();
            }
        }
    }
    stack
}

/// The production version of a position, if any.
pub(crate) async fn production(db: &Db, position: Position) -> Result<Option<String>> {
    Ok(stack(&events(db).await?, position).pop())
}

/// The production version of every position that has one, from one read of the events.
pub(crate) async fn production_versions(db: &Db) -> Result<Vec<(Position, String)>> {
    let events = events(db).await?;
    Ok(super::train::POSITIONS
        .into_iter()
        .filter_map(|p| stack(&events, p).pop().map(|v| (p, v)))
        .collect())
}

async fn record(
    db: &Db,
    position: Position,
    action: &str,
    version: &str,
    previous: Option<String>,
) -> Result<()> {
    model_registry::record_event(db, position.as_str(), action, version, previous).await?;
    tracing::info!(
        position = position.as_str(),
        action,
        version,
        "model production changed"
    );
    Ok(())
}

/// Validates a version and makes it production; on a failed validation nothing changes.
pub(crate) async fn deploy(
    db: &Db,
    registry: &Path,
    position: Position,
    version: &str,
) -> Result<()> {
    load_version(registry, position, version)?;
    let current = production(db, position).await?;
    record(db, position, "deploy", version, current).await
}

/// Returns production to the version before the current one (validated first).
pub(crate) async fn rollback(db: &Db, registry: &Path, position: Position) -> Result<String> {
    let mut stack = stack(&events(db).await?, position);
    let current = stack.pop();
    let Some(previous) = stack.pop() else {
        return Err(Error::InvalidInput(format!(
            "{} has no earlier production version to roll back to",
            position.as_str()
        )));
    };
    load_version(registry, position, &previous)?;
    record(db, position, "rollback", &previous, current).await?;
    Ok(previous)
}

/// Records a version trained by a run (or shipped, without a run).
pub(crate) async fn register(db: &Db, metadata: &Metadata, run_id: Option<i32>) -> Result<()> {
    model_registry::register(db, metadata, run_id).await
}

/// Every registered version, newest first, with production marked.
pub(crate) async fn list(db: &Db) -> Result<Vec<ModelVersion>> {
    let rows = model_registry::versions(db).await?;
    let events = events(db).await?;
    Ok(rows
        .into_iter()
        .filter_map(|r| {
            let position: Position = r.position.parse().ok()?;
            let production = stack(&events, position).last() == Some(&r.version);
            Some(ModelVersion {
                position,
                version: r.version,
                run_id: r.run_id,
                learner: r.learner,
                mae: r.mae,
                baseline_mae: r.baseline_mae,
                created_at: r.created_at,
                production,
            })
        })
        .collect())
}

/// Deletes a version that is not in production (files and registration).
pub(crate) async fn delete(
    db: &Db,
    registry: &Path,
    position: Position,
    version: &str,
) -> Result<()> {
    let dir = version_dir(registry, position, version)?;
    if production(db, position).await?.as_deref() == Some(version) {
        return Err(Error::InvalidInput(format!(
            "{} {version} is in production and cannot be deleted; deploy or roll back first",
            position.as_str()
        )));
    }
    model_registry::delete_version(db, position.as_str(), version).await?;
    if dir.is_dir() && !dir.is_symlink() {
        std::fs::remove_dir_all(&dir).map_err(Error::io("deleting", &dir))?;
    }
    Ok(())
}
