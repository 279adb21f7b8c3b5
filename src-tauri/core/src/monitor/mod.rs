//! Monitoring: resource samples (sysinfo), command latency over a sliding window, and alerts
//! that are raised once per condition and clear themselves. The [`Monitor`] is shared by
//! whatever front end runs it (the shell samples every few seconds); everything in it is plain
//! data so the System page can chart it.

mod alerts;
mod latency;
mod resources;

pub use alerts::{evaluate, Alert, AlertBook, AlertChange, AlertKind, AlertLimits, Observations};
pub use latency::{CommandLatency, LatencyStats, LatencyWindow, WINDOW};
pub use resources::{ResourceProbe, ResourceSample};

use serde::Serialize;
use std::collections::VecDeque;
use std::sync::Mutex;
use std::time::Duration;
use ts_rs::TS;

/// Resource samples kept for the charts.
pub const HISTORY: usize = 120;

/// What the System page shows: the latest sample, recent ones, latency and active alerts.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct MonitorSnapshot {
    /// Recent resource samples, oldest first (the last is the latest).
    pub samples: Vec<ResourceSample>,
    /// Command times over the window.
    pub latency: LatencyStats,
    /// Alerts now active.
    pub alerts: Vec<Alert>,
}

/// Samples, latency and alerts of one running app.
#[derive(Debug, Default)]
pub struct Monitor {
    probe: Mutex<ResourceProbe>,
    samples: Mutex<VecDeque<ResourceSample>>,
    latency: Mutex<LatencyWindow>,
    alerts: Mutex<AlertBook>,
}

impl Monitor {
    /// Records how long a command took.
    pub fn record(&self, command: &str, took: Duration) {
        self.latency
            .lock()
            .expect("latency lock")
            .record(command, took);
    }

    /// Takes a resource sample of this process and the disk holding `data_dir`.
    pub fn sample(&self, data_dir: &std::path::Path) -> ResourceSample {
        let sample = self.probe.lock().expect("probe lock").sample(data_dir);
        let mut samples = self.samples.lock().expect("samples lock");
        if samples.len() == HISTORY {
            samples.pop_front();
        }
        samples.push_back(sample.clone());
        sample
    }

    /// Command times over the window.
    pub fn latency(&self) -> LatencyStats {
        self.latency.lock().expect("latency lock").stats()
    }

    /// Applies what was observed to the alerts; returns the alerts raised and cleared.
    pub fn update_alerts(&self, conditions: Vec<(AlertKind, Option<String>)>) -> Vec<AlertChange> {
        self.alerts.lock().expect("alerts lock").update(conditions)
    }

    /// Everything the System page shows.
    pub fn snapshot(&self) -> MonitorSnapshot {
        MonitorSnapshot {
            samples: self
                .samples
                .lock()
                .expect("samples lock")
                .iter()
                .cloned()
                .collect(),
            latency: self.latency(),
            alerts: self.alerts.lock().expect("alerts lock").active(),
        }
    }
}
