//! Every event the shell sends the window, declared once: the enum below gives each event's
//! name and payload, and `bindings.rs` generates from the same declaration the TypeScript map
//! `AppEvents` (name to payload type) and the list `APP_EVENTS`, so the two sides cannot drift.
//! Events are sent with [`AppEvent::emit`] only. The payloads the shell itself makes are
//! declared here too, so the commands that send events depend on this module, never the reverse.

use nfl_dfs_core::backup::BackupEntry;
use nfl_dfs_core::monitor::{AlertChange, MonitorSnapshot};
use nfl_dfs_core::nflverse::LoadProgress;
use nfl_dfs_core::{IngestReport, TrainReport};
use serde::Serialize;
use tauri::{AppHandle, Emitter, Runtime};
use ts_rs::TS;

/// Progress of an optimizer run, sent as the `optimize-progress` event: search branches done,
/// or lineups built when they are built one by one.
#[derive(Debug, Clone, Serialize, TS)]
pub struct OptimizeProgress {
    /// Steps done.
    pub done: u32,
    /// Steps in all.
    pub total: u32,
}

/// Progress of a pick, sent as the `pick-progress` event.
#[derive(Debug, Clone, Serialize, TS)]
pub struct PickProgress {
    /// `candidates`, `field` or `simulation`.
    pub stage: String,
    /// Steps done in the stage.
    pub done: u32,
    /// Steps in the stage.
    pub total: u32,
}

/// An update on offer.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct UpdateInfo {
    /// The new version.
    pub version: String,
    /// This app's version.
    pub current_version: String,
    /// Release notes.
    pub notes: Option<String>,
    /// Release date (RFC 3339), if the manifest gives one.
    pub date: Option<String>,
}

/// Download progress, sent as the `update-progress` event.
#[derive(Debug, Clone, Serialize, TS)]
pub struct UpdateProgress {
    /// Bytes downloaded.
    #[ts(type = "number")]
    pub downloaded: u64,
    /// Size of the package, when the server says.
    #[ts(type = "number | null")]
    pub total: Option<u64>,
}

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
