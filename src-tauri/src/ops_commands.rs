//! IPC commands of operations: backups and restore, the troubleshooter, the monitor, updates.
//! Backup restore and the troubleshooter also work when the database did not open at start-up.

use crate::error::IpcError;
use crate::events::UpdateInfo;
use crate::state::AppState;
use crate::updates;
use nfl_dfs_core::backup::BackupEntry;
use nfl_dfs_core::doctor::{self, DoctorReport};
use nfl_dfs_core::monitor::MonitorSnapshot;
use nfl_dfs_core::{RestoreReport, Workspace};
use std::path::Path;
use tauri::{AppHandle, State};

/// Backs up the database and the models now.
#[tauri::command]
pub async fn backup_now(state: State<'_, AppState>) -> Result<Vec<BackupEntry>, IpcError> {
    Ok(state.workspace("backup_now")?.backup_now().await?)
}

/// The backups, newest first.
#[tauri::command]
pub async fn list_backups(state: State<'_, AppState>) -> Result<Vec<BackupEntry>, IpcError> {
    // From the data folder, so the list shows even when the database did not open.
    Ok(nfl_dfs_core::backup::list(&state.paths()?.backups_dir())?)
}

/// Restores a backup file (verified first; the current database is kept). After a database
/// restore every later command uses the restored database.
#[tauri::command]
pub async fn restore_backup(
    state: State<'_, AppState>,
    file: String,
) -> Result<RestoreReport, IpcError> {
    let file = Path::new(&file);
    let (workspace, report) = match state.current() {
        Ok(ws) => ws.restore(file).await?,
        Err(_) => Workspace::restore_unopened(state.paths()?.clone(), file).await?,
    };
    state.replace(workspace);
    Ok(report)
}

/// Runs the troubleshooter's checks.
#[tauri::command]
pub async fn run_doctor(state: State<'_, AppState>) -> Result<DoctorReport, IpcError> {
    match state.current() {
        Ok(ws) => Ok(ws.doctor().await?),
        Err(e) => Ok(doctor::unopened(state.paths()?, e.code, &e.message).await),
    }
}

/// Resource samples, command times and active alerts.
#[tauri::command]
pub async fn monitor_snapshot(state: State<'_, AppState>) -> Result<MonitorSnapshot, IpcError> {
    Ok(state.monitor().snapshot())
}

/// Checks the `update_url` setting's manifest for a newer version.
#[tauri::command]
pub async fn check_update(
    app: AppHandle,
    state: State<'_, AppState>,
) -> Result<Option<UpdateInfo>, IpcError> {
    let endpoint = state
        .workspace("check_update")?
        .typed_settings()
        .await?
        .update_url;
    Ok(updates::check(&app, &endpoint)
        .await?
        .as_ref()
        .map(UpdateInfo::from))
}

/// Downloads the newer version (reporting `update-progress`), verifies its signature and
/// installs it; the app uses it from its next start. Returns what was installed.
#[tauri::command]
pub async fn install_update(
    app: AppHandle,
    state: State<'_, AppState>,
) -> Result<UpdateInfo, IpcError> {
    let endpoint = state.current()?.typed_settings().await?.update_url;
    let update = updates::check(&app, &endpoint)
        .await?
        .ok_or_else(|| IpcError {
            code: nfl_dfs_core::ErrorCode::NotFound,
            message: "No newer version is available.".into(),
        })?;
    let package = updates::download(&app, &update).await?;
    update.install(package).map_err(|e| IpcError {
        code: nfl_dfs_core::ErrorCode::Io,
        message: format!("The update was downloaded and verified but could not be installed: {e}."),
    })?;
    Ok(UpdateInfo::from(&update))
}
