//! Runs the core's scheduled work ([`nfl_dfs_core::scheduled`]): one timer per job at the
//! cadence the core sets, each event forwarded to the window. The policy (what runs, when, in
//! which order) is the core's.

use crate::events::AppEvent;
use crate::state::AppState;
use nfl_dfs_core::scheduled::{ScheduledEvent, Scheduler, JOBS};
use std::sync::Arc;
use tauri::{AppHandle, Manager};

impl From<ScheduledEvent> for AppEvent {
    fn from(event: ScheduledEvent) -> AppEvent {
        match event {
            ScheduledEvent::BackupsMade(made) => AppEvent::BackupsMade(made),
            ScheduledEvent::NflDataRefreshed(report) => AppEvent::NflDataRefreshed(report),
            ScheduledEvent::ModelsTrained(report) => AppEvent::ModelsTrained(report),
            ScheduledEvent::AlertsChanged(changes) => AppEvent::AlertsChanged(changes),
            ScheduledEvent::MonitorUpdated(snapshot) => AppEvent::MonitorUpdated(snapshot),
        }
    }
}

/// Starts one loop per scheduled job on the async runtime.
pub fn spawn(app: AppHandle) {
    let scheduler = Arc::new(Scheduler::default());
    for (job, every) in JOBS {
        let app = app.clone();
        let scheduler = scheduler.clone();
        tauri::async_runtime::spawn(async move {
            loop {
                let state = app.state::<AppState>();
                if let Ok(workspace) = state.current() {
                    for event in scheduler.tick(&workspace, job, state.monitor()).await {
                        AppEvent::from(event).emit(&app);
                    }
                }
                tokio::time::sleep(every).await;
            }
        });
    }
}
