//! [`Workspace`] monitoring: one look at resources, latency, model accuracy and data age,
//! applied to the alerts of a [`Monitor`].

use crate::monitor::{evaluate, AlertChange, AlertKind, AlertLimits, Monitor, Observations};
use crate::{store, Result, Workspace};
use chrono::{DateTime, Utc};

impl Workspace {
    /// When NFL data was last loaded (file or download), if ever.
    pub async fn last_nfl_load(&self) -> Result<Option<DateTime<Utc>>> {
        store::ingests::last_load(self.db()).await
    }

    /// The alert thresholds of the settings.
    pub async fn alert_limits(&self) -> Result<AlertLimits> {
        Ok(AlertLimits::of(&self.typed_settings().await?))
    }

    /// Takes a resource sample and updates the monitor's alerts from it, the command times,
    /// `latest_week_mae` (worked out by the caller when it chooses: it reads the history) and
    /// the data's age. With the `monitoring` setting off every alert clears. Returns the
    /// alerts raised and cleared.
    pub async fn watch(
        &self,
        monitor: &Monitor,
        latest_week_mae: Option<f64>,
    ) -> Result<Vec<AlertChange>> {
        let sample = monitor.sample(&self.paths().data_dir);
        let settings = self.typed_settings().await?;
        if !settings.monitoring {
            let all_clear = [
                AlertKind::Memory,
                AlertKind::ModelMae,
                AlertKind::SlowCommands,
                AlertKind::LowDisk,
                AlertKind::StaleData,
                AlertKind::SelfTuning,
            ]
            .map(|k| (k, None))
            .to_vec();
            return Ok(monitor.update_alerts(all_clear));
        }
        let latency = monitor.latency();
        let days_since_load = self
            .last_nfl_load()
            .await?
            .map(|t| (Utc::now() - t).num_days());
        let failure = self.self_tune_failure();
        let observed = Observations {
            sample: &sample,
            latency: &latency,
            latest_week_mae,
            days_since_load,
            self_tune_failure: failure.as_ref().map(|f| f.message.as_str()),
        };
        let conditions = evaluate(&observed, &AlertLimits::of(&settings));
        Ok(monitor.update_alerts(conditions))
    }
}
