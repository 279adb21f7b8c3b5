//! The scheduled work while the window is open. Every minute (and once at start, so a backup
//! missed while the app was closed is made then) the core decides whether backups are due
//! (`Workspace::scheduled_backups`, `backups-made`), whether an NFL data refresh is due
//! (`nfl-data-refreshed`) and whether the models should retrain themselves (`models-trained`),
//! each in a loop of its own.
//! Every few seconds the monitor takes a sample and updates its alerts (`monitor-updated`
//! with the snapshot, `alerts-changed` with what was raised or cleared).

use crate::events::AppEvent;
use crate::state::AppState;
use nfl_dfs_core::nflverse::RefreshSchedule;
use std::time::{Duration, Instant};
use tauri::{AppHandle, Manager};

/// How often the schedule is looked at.
const WAKE_EVERY: Duration = Duration::from_secs(60);

/// How often the monitor samples.
const SAMPLE_EVERY: Duration = Duration::from_secs(5);

/// How often the production models' latest-week MAE is worked out for its alert (it reads the
/// history, so not on every sample).
const MAE_EVERY: Duration = Duration::from_secs(600);

/// Starts the schedule and the monitor on the async runtime. Backups, the data refresh and
/// self-tuning run in loops of their own, so a slow download or a long training run never holds
/// back the scheduled backup.
pub fn spawn(app: AppHandle) {
    let backups_app = app.clone();
    tauri::async_runtime::spawn(async move {
        let app = backups_app;
        loop {
            if let Ok(workspace) = app.state::<AppState>().current() {
                match workspace.scheduled_backups().await {
                    Ok(made) if !made.is_empty() => AppEvent::BackupsMade(made).emit(&app),
                    Ok(_) => {}
                    Err(e) => tracing::error!("scheduled backup failed: {e}"),
                }
            }
            tokio::time::sleep(WAKE_EVERY).await;
        }
    });
    let refresh_app = app.clone();
    tauri::async_runtime::spawn(async move {
        let app = refresh_app;
        let mut schedule = RefreshSchedule::default();
        loop {
            if let Ok(workspace) = app.state::<AppState>().current() {
                match workspace.scheduled_refresh(&mut schedule).await {
                    Ok(Some(report)) if !report.files.is_empty() => {
                        AppEvent::NflDataRefreshed(report).emit(&app)
                    }
                    Ok(_) => {}
                    Err(e) => tracing::warn!("scheduled NFL data refresh failed: {e}"),
                }
            }
            tokio::time::sleep(WAKE_EVERY).await;
        }
    });
    let tune_app = app.clone();
    tauri::async_runtime::spawn(async move {
        let app = tune_app;
        loop {
            if let Ok(workspace) = app.state::<AppState>().current() {
                match workspace.self_tune().await {
                    Ok(outcome) => {
                        if let Some(report) = outcome.report {
                            AppEvent::ModelsTrained(report).emit(&app);
                        }
                    }
                    Err(e) => tracing::warn!("self-tuning failed: {e}"),
                }
            }
            tokio::time::sleep(WAKE_EVERY).await;
        }
    });
    tauri::async_runtime::spawn(async move {
        let mut mae: Option<f64> = None;
        let mut mae_at: Option<Instant> = None;
        loop {
            tokio::time::sleep(SAMPLE_EVERY).await;
            let state = app.state::<AppState>();
            let Ok(workspace) = state.current() else {
                continue;
            };
            if mae_at.is_none_or(|t| t.elapsed() >= MAE_EVERY) {
                mae_at = Some(Instant::now());
                mae = workspace.latest_week_mae().await.unwrap_or_else(|e| {
                    tracing::warn!("latest-week MAE not worked out: {e}");
                    None
                });
            }
            match workspace.watch(state.monitor(), mae).await {
                Ok(changes) => {
                    if !changes.is_empty() {
                        AppEvent::AlertsChanged(changes).emit(&app);
                    }
                    AppEvent::MonitorUpdated(state.monitor().snapshot()).emit(&app);
                }
                Err(e) => tracing::warn!("monitoring failed: {e}"),
            }
        }
    });
}
