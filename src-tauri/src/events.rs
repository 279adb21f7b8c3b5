//! Every event the shell sends the window, declared once: the enum below gives each event's
//! name and payload, and `bindings.rs` generates from the same declaration the TypeScript map
//! `AppEvents` (name to payload type) and the list `APP_EVENTS`, so the two sides cannot drift.
//! Events are sent with [`AppEvent::emit`] only.

use crate::commands::OptimizeProgress;
use crate::contest_commands::PickProgress;
use crate::updates::{UpdateInfo, UpdateProgress};
use nfl_dfs_core::backup::BackupEntry;
use nfl_dfs_core::monitor::{AlertChange, MonitorSnapshot};
use nfl_dfs_core::nflverse::LoadProgress;
use nfl_dfs_core::{IngestReport, TrainReport};
use serde::Serialize;
use tauri::{AppHandle, Emitter, Runtime};

macro_rules! app_events {
    ($($(#[$doc:meta])* $variant:ident($payload:ty) = $name:literal,)*) => {
        /// An event for the window, with its payload.
        #[derive(Debug, Clone, Serialize)]
        #[serde(untagged)]
        pub enum AppEvent {
            $($(#[$doc])* $variant($payload),)*
        }

        impl AppEvent {
            /// The event's name, as the window listens for it.
            pub fn name(&self) -> &'static str {
                match self {
                    $(AppEvent::$variant(_) => $name,)*
                }
            }
        }

        /// Every event's name and payload type in TypeScript, in declaration order.
        pub fn typescript_events(cfg: &ts_rs::Config) -> Vec<(&'static str, String)> {
            vec![$(($name, <$payload as ts_rs::TS>::name(cfg)),)*]
        }
    };
}

app_events! {
    /// Search branches done (or lineups built) by the optimizer run in progress.
    OptimizeProgress(OptimizeProgress) = "optimize-progress",
    /// Stage and steps of the contest pick in progress.
    PickProgress(PickProgress) = "pick-progress",
    /// Bytes and rows of the NFL data load in progress.
    IngestProgress(LoadProgress) = "ingest-progress",
    /// Scheduled backups were made.
    BackupsMade(Vec<BackupEntry>) = "backups-made",
    /// The scheduled refresh loaded new NFL data.
    NflDataRefreshed(IngestReport) = "nfl-data-refreshed",
    /// Self-tuning trained (and maybe deployed) new models.
    ModelsTrained(TrainReport) = "models-trained",
    /// Alerts were raised or cleared.
    AlertsChanged(Vec<AlertChange>) = "alerts-changed",
    /// A new monitor sample.
    MonitorUpdated(MonitorSnapshot) = "monitor-updated",
    /// Bytes of the update being downloaded.
    UpdateProgress(UpdateProgress) = "update-progress",
    /// The start-up check found an update.
    UpdateAvailable(UpdateInfo) = "update-available",
    /// Help > Check for Updates… was chosen.
    MenuCheckUpdates(()) = "menu-check-updates",
}

impl AppEvent {
    /// Sends the event to the window; a failure is only logged (the window may be closing).
    pub fn emit<R: Runtime>(self, app: &AppHandle<R>) {
        let name = self.name();
        if let Err(e) = app.emit(name, self) {
            tracing::warn!("{name} event not sent: {e}");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_event_has_a_distinct_kebab_case_name() {
        let events = typescript_events(&ts_rs::Config::default());
        let mut names: Vec<&str> = events.iter().map(|(n, _)| *n).collect();
        assert!(names
            .iter()
            .all(|n| n.chars().all(|c| c.is_ascii_lowercase() || c == '-')));
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), events.len());
        let event = AppEvent::MenuCheckUpdates(());
        assert_eq!(event.name(), "menu-check-updates");
        assert_eq!(
            serde_json::to_value(&event).unwrap(),
            serde_json::Value::Null
        );
    }
}
