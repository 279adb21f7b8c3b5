//! The scheduled work while the window is open: wakes every minute and lets the core decide
//! whether an NFL data refresh is due (`Workspace::scheduled_refresh`, announced with the
//! `nfl-data-refreshed` event) and whether the models should retrain themselves
//! (`Workspace::self_tune`, announced with `models-trained`).

use nfl_dfs_core::nflverse::RefreshSchedule;
use nfl_dfs_core::Workspace;
use std::time::Duration;
use tauri::{AppHandle, Emitter};

/// How often the schedule is looked at.
const WAKE_EVERY: Duration = Duration::from_secs(60);

/// Starts the refresh loop on the async runtime.
pub fn spawn(app: AppHandle, workspace: Workspace) {
    tauri::async_runtime::spawn(async move {
        let mut schedule = RefreshSchedule::default();
        loop {
            tokio::time::sleep(WAKE_EVERY).await;
            match workspace.scheduled_refresh(&mut schedule).await {
                Ok(Some(report)) if !report.files.is_empty() => {
                    if let Err(e) = app.emit("nfl-data-refreshed", &report) {
                        tracing::warn!("refresh event not sent: {e}");
                    }
                }
                Ok(_) => {}
                Err(e) => tracing::warn!("scheduled NFL data refresh failed: {e}"),
            }
            match workspace.self_tune().await {
                Ok(outcome) => {
                    if let Some(report) = outcome.report {
                        if let Err(e) = app.emit("models-trained", &report) {
                            tracing::warn!("training event not sent: {e}");
                        }
                    }
                }
                Err(e) => tracing::warn!("self-tuning failed: {e}"),
            }
        }
    });
}
