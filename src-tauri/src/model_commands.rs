//! IPC commands of projections and models: train, list runs and versions, deploy, roll back,
//! project a slate. Thin wrappers over the core, like [`crate::commands`].

use crate::error::IpcError;
use crate::state::AppState;
use nfl_dfs_core::dk::Position;
use nfl_dfs_core::projection::registry::ModelVersion;
use nfl_dfs_core::{SlateProjections, TrainReport, TrainRequest, TrainingRun};
use serde::Deserialize;
use tauri::State;
use ts_rs::TS;

/// Input of [`deploy_model`].
#[derive(Debug, Clone, Deserialize, TS)]
pub struct DeployInput {
    /// Position.
    pub position: Position,
    /// Version.
    pub version: String,
}

/// Trains every position (off the UI thread) and records the run.
#[tauri::command]
pub async fn train_models(
    state: State<'_, AppState>,
    request: TrainRequest,
) -> Result<TrainReport, IpcError> {
    Ok(state.workspace("train_models")?.train(&request).await?)
}

/// Every training run, newest first.
#[tauri::command]
pub async fn list_training_runs(state: State<'_, AppState>) -> Result<Vec<TrainingRun>, IpcError> {
    Ok(state
        .workspace("list_training_runs")?
        .training_runs()
        .await?)
}

/// Every model version, production marked.
#[tauri::command]
pub async fn list_model_versions(
    state: State<'_, AppState>,
) -> Result<Vec<ModelVersion>, IpcError> {
    Ok(state
        .workspace("list_model_versions")?
        .model_versions()
        .await?)
}

/// Validates a version and puts it in production; returns the versions.
#[tauri::command]
pub async fn deploy_model(
    state: State<'_, AppState>,
    input: DeployInput,
) -> Result<Vec<ModelVersion>, IpcError> {
    let ws = state.workspace("deploy_model")?;
    ws.deploy_model(input.position, &input.version).await?;
    Ok(ws.model_versions().await?)
}

/// Returns a position to its previous production version; returns the versions.
#[tauri::command]
pub async fn rollback_model(
    state: State<'_, AppState>,
    position: Position,
) -> Result<Vec<ModelVersion>, IpcError> {
    let ws = state.workspace("rollback_model")?;
    ws.rollback_model(position).await?;
    Ok(ws.model_versions().await?)
}

/// Every slate player's projection with floor, ceiling and source.
#[tauri::command]
pub async fn project_slate(
    state: State<'_, AppState>,
    slate_id: i32,
) -> Result<SlateProjections, IpcError> {
    Ok(state
        .workspace("project_slate")?
        .project_slate(slate_id)
        .await?)
}
