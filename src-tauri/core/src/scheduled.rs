//! The scheduled work while the app runs, and its policy: which jobs there are, how often each
//! runs, and what each does (backups when due, a data refresh when due, self-tuning when new
//! data makes it worthwhile, a monitor sample with the models' latest-week MAE worked out every
//! ten minutes). The shell only runs one timer per job and forwards the events; each job has
//! its own loop, so a slow download or a long training run never holds back a backup.

use crate::backup::BackupEntry;
use crate::monitor::{AlertChange, Monitor, MonitorSnapshot};
use crate::nflverse::RefreshSchedule;
use crate::{IngestReport, TrainReport, Workspace};
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// A kind of scheduled work.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Job {
    /// The daily database and weekly model backups.
    Backups,
    /// The NFL data refresh (the `data_refresh_interval_secs` setting).
    DataRefresh,
    /// Retraining when the loaded data moved past the production models.
    SelfTuning,
    /// A resource sample and the alerts.
    Monitor,
}

/// Every job and how often it wakes (each also runs once at start, so a backup missed while
/// the app was closed is made then).
pub const JOBS: [(Job, Duration); 4] = [
    (Job::Backups, Duration::from_secs(60)),
    (Job::DataRefresh, Duration::from_secs(60)),
    (Job::SelfTuning, Duration::from_secs(60)),
    (Job::Monitor, Duration::from_secs(5)),
];

/// How often the production models' latest-week MAE is worked out for its alert (it reads the
/// history, so not on every sample).
const MAE_EVERY: Duration = Duration::from_secs(600);

/// What scheduled work changed, for the window to hear.
#[derive(Debug, Clone)]
pub enum ScheduledEvent {
    /// Backups were made.
    BackupsMade(Vec<BackupEntry>),
    /// The refresh loaded new NFL data.
    NflDataRefreshed(IngestReport),
    /// Self-tuning trained (and maybe deployed) new models.
    ModelsTrained(TrainReport),
    /// Alerts were raised or cleared.
    AlertsChanged(Vec<AlertChange>),
    /// A new monitor sample.
    MonitorUpdated(MonitorSnapshot),
}

/// The state scheduled work keeps between runs.
#[derive(Debug, Default)]
pub struct Scheduler {
    refresh: Mutex<RefreshSchedule>,
    mae: Mutex<(Option<f64>, Option<Instant>)>,
}

impl Scheduler {
    /// Runs one job once and returns what changed; failures are logged, never raised (the next
    /// run tries again).
    pub async fn tick(&self, ws: &Workspace, job: Job, monitor: &Monitor) -> Vec<ScheduledEvent> {
        match job {
            Job::Backups => match ws.scheduled_backups().await {
                Ok(made) if !made.is_empty() => vec![ScheduledEvent::BackupsMade(made)],
                Ok(_) => vec![],
                Err(e) => {
                    tracing::error!("scheduled backup failed: {e}");
                    vec![]
                }
            },
            Job::DataRefresh => {
                let mut schedule = self.refresh.lock().expect("not poisoned").clone();
                let done = ws.scheduled_refresh(&mut schedule).await;
                *self.refresh.lock().expect("not poisoned") = schedule;
                match done {
                    Ok(Some(report)) if !report.files.is_empty() => {
                        vec![ScheduledEvent::NflDataRefreshed(report)]
                    }
                    Ok(_) => vec![],
                    Err(e) => {
                        tracing::warn!("scheduled NFL data refresh failed: {e}");
                        vec![]
                    }
                }
            }
            Job::SelfTuning => match ws.self_tune().await {
                Ok(outcome) => outcome
                    .report
                    .map(ScheduledEvent::ModelsTrained)
                    .into_iter()
                    .collect(),
                Err(e) => {
                    tracing::warn!("self-tuning failed: {e}");
                    vec![]
                }
            },
            Job::Monitor => self.watch(ws, monitor).await,
        }
    }

    async fn watch(&self, ws: &Workspace, monitor: &Monitor) -> Vec<ScheduledEvent> {
        let stale = self
            .mae
            .lock()
            .expect("not poisoned")
            .1
            .is_none_or(|t| t.elapsed() >= MAE_EVERY);
        if stale {
            let mae = ws.latest_week_mae().await.unwrap_or_else(|e| {
                tracing::warn!("latest-week MAE not worked out: {e}");
                None
            });
            *self.mae.lock().expect("not poisoned") = (mae, Some(Instant::now()));
        }
        let mae = self.mae.lock().expect("not poisoned").0;
        match ws.watch(monitor, mae).await {
            Ok(changes) => {
                let mut events = Vec::new();
                if !changes.is_empty() {
                    events.push(ScheduledEvent::AlertsChanged(changes));
                }
                events.push(ScheduledEvent::MonitorUpdated(monitor.snapshot()));
                events
            }
            Err(e) => {
                tracing::warn!("monitoring failed: {e}");
                vec![]
            }
        }
    }
}
