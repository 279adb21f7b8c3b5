//! Alerts: each condition is raised once when it starts (logged as a warning) and cleared
//! once when it ends (logged), however often it is checked in between.

use super::{LatencyStats, ResourceSample};
use serde::Serialize;
use std::collections::BTreeMap;
use ts_rs::TS;

/// The conditions watched.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum AlertKind {
    /// System memory use above the setting.
    Memory,
    /// A production model's latest-week MAE above the setting.
    ModelMae,
    /// p95 command time above the setting.
    SlowCommands,
    /// Little free disk space for the data folder.
    LowDisk,
    /// NFL data not loaded for a while.
    StaleData,
    /// The latest self-tuning run failed.
    SelfTuning,
}

/// An active alert.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct Alert {
    /// The condition.
    pub kind: AlertKind,
    /// What is wrong, with the figures, in words.
    pub message: String,
    /// When it was raised (RFC 3339, UTC).
    pub since: String,
}

/// A change of the active alerts.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(tag = "change", rename_all = "snake_case")]
pub enum AlertChange {
    /// A condition started.
    Raised(Alert),
    /// A condition ended.
    Cleared {
        /// The condition.
        kind: AlertKind,
    },
}

/// The thresholds, from the settings.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct AlertLimits {
    /// Memory use, percent.
    pub memory_pct: f64,
    /// Latest-week MAE, points.
    pub model_mae: f64,
    /// p95 command time, milliseconds.
    pub p95_ms: f64,
    /// Free disk, bytes.
    pub disk_free_bytes: u64,
    /// Days since the last NFL data load.
    pub stale_days: i64,
}

impl AlertLimits {
    /// The thresholds of these settings.
    pub fn of(s: &crate::settings::Settings) -> AlertLimits {
        AlertLimits {
            memory_pct: f64::from(s.alert_memory_pct),
            model_mae: f64::from(s.alert_model_mae),
            p95_ms: f64::from(s.alert_p95_ms),
            disk_free_bytes: u64::from(s.alert_disk_free_mb) << 20,
            stale_days: i64::from(s.alert_stale_days),
        }
    }
}

/// What was observed.
#[derive(Debug, Clone, PartialEq)]
pub struct Observations<'a> {
    /// The latest resource sample.
    pub sample: &'a ResourceSample,
    /// Command times.
    pub latency: &'a LatencyStats,
    /// The production models' MAE on the latest week, when known.
    pub latest_week_mae: Option<f64>,
    /// Days since NFL data was last loaded (None: never loaded).
    pub days_since_load: Option<i64>,
    /// Why the latest self-tuning run failed, until one succeeds.
    pub self_tune_failure: Option<&'a str>,
}

/// Fewest calls in the window before the p95 means anything.
const MIN_CALLS: u32 = 5;

/// Which conditions hold: each kind with a message when it holds, `None` when it does not.
pub fn evaluate(o: &Observations, limits: &AlertLimits) -> Vec<(AlertKind, Option<String>)> {
    let memory = (o.sample.memory_used_pct > limits.memory_pct).then(|| {
        format!(
            "Memory use is {:.0}% (alert above {:.0}%). Close other programs, or lower CPU threads in Settings.",
            o.sample.memory_used_pct, limits.memory_pct
        )
    });
    let mae = o.latest_week_mae.filter(|m| *m > limits.model_mae).map(|m| {
        format!(
            "The models missed the latest week by {m:.2} points on average (alert above {:.1}). Retrain on the Models page.",
            limits.model_mae
        )
    });
    let slow = (o.latency.count >= MIN_CALLS && o.latency.p95_ms > limits.p95_ms).then(|| {
        let slowest = o.latency.commands.first().map_or(String::new(), |c| {
            format!(" Slowest: {} ({:.0} ms).", c.command, c.p95_ms)
        });
        format!(
            "95% of recent commands took up to {:.0} ms (alert above {:.0} ms).{slowest}",
            o.latency.p95_ms, limits.p95_ms
        )
    });
    let disk = o
        .sample
        .disk_free_bytes
        .filter(|free| *free < limits.disk_free_bytes)
        .map(|free| {
            format!(
                "Only {} MB free on the disk of the data folder (alert below {} MB). Delete old backups or free space.",
                free >> 20,
                limits.disk_free_bytes >> 20
            )
        });
    let stale = o.days_since_load.filter(|d| *d > limits.stale_days).map(|d| {
        format!(
            "NFL data was last loaded {d} days ago (alert after {}). Download the latest weeks on the Data page.",
            limits.stale_days
        )
    });
    let tuning = o.self_tune_failure.map(|e| {
        format!("Self-tuning failed: {e} The models were not retrained (see the troubleshooter).")
    });
    vec![
        (AlertKind::Memory, memory),
        (AlertKind::ModelMae, mae),
        (AlertKind::SlowCommands, slow),
        (AlertKind::LowDisk, disk),
        (AlertKind::StaleData, stale),
        (AlertKind::SelfTuning, tuning),
    ]
}

/// The active alerts.
#[derive(Debug, Default)]
pub struct AlertBook {
    active: BTreeMap<AlertKind, Alert>,
}

impl AlertBook {
    /// Applies observed conditions: raises those that start, clears those that end, keeps the
    /// rest (an active alert's message follows the latest figures). Returns the changes.
    pub fn update(&mut self, conditions: Vec<(AlertKind, Option<String>)>) -> Vec<AlertChange> {
        let mut changes = Vec::new();
        for (kind, message) in conditions {
            match (message, self.active.contains_key(&kind)) {
                (Some(message), false) => {
                    tracing::warn!(alert = ?kind, "{message}");
                    let alert = Alert {
                        kind,
                        message,
                        since: chrono::Utc::now()
                            .to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
                    };
                    self.active.insert(kind, alert.clone());
                    changes.push(AlertChange::Raised(alert));
                }
                (Some(message), true) => {
                    if let Some(alert) = self.active.get_mut(&kind) {
                        alert.message = message;
                    }
                }
                (None, true) => {
                    tracing::info!(alert = ?kind, "alert cleared");
                    self.active.remove(&kind);
                    changes.push(AlertChange::Cleared { kind });
                }
                (None, false) => {}
            }
        }
        changes
    }

    /// The active alerts.
    pub fn active(&self) -> Vec<Alert> {
        self.active.values().cloned().collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample(memory_used_pct: f64, disk_free_mb: u64) -> ResourceSample {
        ResourceSample {
            at: String::new(),
            process_cpu_pct: 0.0,
            process_memory_bytes: 0,
            system_cpu_pct: 0.0,
            memory_used_pct,
            memory_total_bytes: 16 << 30,
            disk_free_bytes: Some(disk_free_mb << 20),
            disk_total_bytes: Some(100 << 30),
        }
    }

    fn latency(count: u32, p95_ms: f64) -> LatencyStats {
        LatencyStats {
            count,
            p50_ms: p95_ms / 2.0,
            p95_ms,
            commands: vec![],
        }
    }

    const LIMITS: AlertLimits = AlertLimits {
        memory_pct: 80.0,
        model_mae: 5.0,
        p95_ms: 2_000.0,
        disk_free_bytes: 1_024 << 20,
        stale_days: 8,
    };

    fn held(o: &Observations) -> Vec<AlertKind> {
        evaluate(o, &LIMITS)
            .into_iter()
            .filter_map(|(k, m)| m.map(|_| k))
            .collect()
    }

    #[test]
    fn each_condition_holds_only_past_its_limit() {
        let (calm, busy) = (sample(50.0, 50_000), sample(91.0, 500));
        let (few, slow) = (latency(3, 9_000.0), latency(40, 2_500.0));
        let quiet = Observations {
            sample: &calm,
            latency: &few,
            latest_week_mae: Some(4.9),
            days_since_load: Some(8),
            self_tune_failure: None,
        };
        assert!(held(&quiet).is_empty(), "few slow calls are not a trend");
        let loud = Observations {
            sample: &busy,
            latency: &slow,
            latest_week_mae: Some(5.3),
            days_since_load: Some(9),
            self_tune_failure: Some("no QB season with enough weeks to validate on."),
        };
        assert_eq!(
            held(&loud),
            vec![
                AlertKind::Memory,
                AlertKind::ModelMae,
                AlertKind::SlowCommands,
                AlertKind::LowDisk,
                AlertKind::StaleData,
                AlertKind::SelfTuning
            ]
        );
        let message = &evaluate(&loud, &LIMITS)[0].1;
        assert!(message.as_ref().unwrap().contains("91%"));
        let tuning = &evaluate(&loud, &LIMITS)[5].1;
        assert_eq!(
            tuning.as_deref(),
            Some(
                "Self-tuning failed: no QB season with enough weeks to validate on. The models \
                 were not retrained (see the troubleshooter)."
            )
        );
    }

    #[test]
    fn an_alert_is_raised_once_and_clears_itself() {
        let mut book = AlertBook::default();
        let on = |m: &str| vec![(AlertKind::Memory, Some(m.to_string()))];
        let off = vec![(AlertKind::Memory, None)];
        assert!(matches!(
            book.update(on("85%"))[..],
            [AlertChange::Raised(_)]
        ));
        assert!(book.update(on("86%")).is_empty(), "not raised again");
        assert_eq!(book.active()[0].message, "86%");
        assert_eq!(
            book.update(off.clone()),
            vec![AlertChange::Cleared {
                kind: AlertKind::Memory
            }]
        );
        assert!(book.update(off).is_empty());
        assert!(book.active().is_empty());
        assert_eq!(
            book.update(on("90%")).len(),
            1,
            "a new episode is a new alert"
        );
    }
}
