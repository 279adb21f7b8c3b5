//! A trained model version as the app keeps it: what its `metadata.json` says (position,
//! version, when and on what data it was trained, its learner and validation metrics), and the
//! version loaded and validated, ready to project with. Reading and writing the files is the
//! app's model registry (`nfl-dfs-core`).

use super::learner::Model;
use super::train::PositionResult;
use crate::contest::simulate::correlations::Correlations;
use crate::dk::Position;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// What `metadata.json` holds.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Metadata {
    /// Position.
    pub position: Position,
    /// Version name.
    pub version: String,
    /// When it was trained.
    #[ts(type = "string")]
    pub created_at: DateTime<Utc>,
    /// The app version that trained it.
    pub app_version: String,
    /// First week of the training data (`SEASON-WEEK`).
    pub data_from: String,
    /// Training used only weeks before this one (`SEASON-WEEK`).
    pub data_until: String,
    /// Learner, validation metrics and the floor/ceiling offsets.
    pub result: PositionResult,
}

/// A version loaded from disk and validated.
#[derive(Debug)]
pub struct LoadedModel {
    /// Its metadata.
    pub metadata: Metadata,
    /// The model.
    pub model: Model,
    /// The training run's correlations, when the version carries them (QB versions trained
    /// by the app).
    pub correlations: Option<Correlations>,
}
