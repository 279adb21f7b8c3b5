//! Self-tuning: while the setting is on, models retrain themselves (with the time-boxed search
//! for better learners) when weeks arrived that no training run has seen, or when the
//! production models missed the latest week by more than the `alert_model_mae` setting and data changed
//! since the last run. A new version still goes to production only if it beats the current one
//! on the validation weeks (see `Workspace::train`).

use crate::dk::Position;
use crate::projection::features::Features;
use crate::projection::history::week_key;
use crate::projection::metrics::Metrics;
use crate::projection::train::is_relevant;
use crate::{store, Result, TrainReport, TrainRequest, Workspace};
use serde::Serialize;
use ts_rs::TS;

/// Seconds each position may search for better learners in a self-tuning run.
pub const SEARCH_SECONDS: u32 = 20;

/// Whether self-tuning should run, and why.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct TuneCheck {
    /// Whether a run is due.
    pub due: bool,
    /// Why (or why not), in words.
    pub reason: String,
    /// The production models' MAE on the latest week with stats, when there are models.
    pub latest_week_mae: Option<f64>,
}

/// A self-tuning run that failed: when, and why.
#[derive(Debug, Clone, PartialEq)]
pub struct SelfTuneFailure {
    /// When (RFC 3339, UTC).
    pub at: String,
    /// The error, in words.
    pub message: String,
}

/// What a self-tuning call did.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct TuneOutcome {
    /// The check.
    pub check: TuneCheck,
    /// The run, when one was due.
    pub report: Option<TrainReport>,
}

impl Workspace {
    /// The production models' MAE on the latest week with stats (relevant players, features
    /// from the weeks before it), if there are models and a week.
    pub async fn latest_week_mae(&self) -> Result<Option<f64>> {
        let history = self.history().await?;
        let Some(&last) = history.weeks().last() else {
            return Ok(None);
        };
        let (models, _) = self.production_models().await?;
        if models.is_empty() {
            return Ok(None);
        }
        let examples = Features::new(&history).examples(last, last + 1);
        let (mut predicted, mut actual) = (Vec::new(), Vec::new());
        for (position, model) in &models {
            let rows: Vec<_> = examples
                .iter()
                .filter(|e| e.position == *position && *position != Position::DST && is_relevant(e))
                .collect();
            let x: Vec<Vec<f64>> = rows.iter().map(|e| e.x.clone()).collect();
            if let Ok(p) = model.model.predict(&x) {
                predicted.extend(p.into_iter().map(|v| v.max(0.0)));
                actual.extend(rows.iter().map(|e| e.y));
            }
        }
        Ok((!predicted.is_empty()).then(|| Metrics::of(&predicted, &actual).mae))
    }

    /// Why the latest self-tuning run of this workspace failed, until one succeeds.
    pub fn self_tune_failure(&self) -> Option<SelfTuneFailure> {
        self.self_tune_failure.lock().expect("not poisoned").clone()
    }

    /// Whether a self-tuning run is due, and why.
    pub async fn tuning_check(&self) -> Result<TuneCheck> {
        let not = |reason: &str| TuneCheck {
            due: false,
            reason: reason.to_string(),
            latest_week_mae: None,
        };
        if !self.typed_settings().await?.self_tuning {
            return Ok(not("self-tuning is off in Settings"));
        }
        let newest = store::ingests::newest(self.db()).await?;
        let Some(store::ingests::Newest {
            week: Some(newest_week),
            loaded,
        }) = newest
        else {
            return Ok(not("no NFL history is loaded"));
        };
        let last_run = store::training_runs::last_trained(self.db()).await?;
        // The MAE needs the models and the features: it is worked out only where a run is due
        // or where it decides, not on every periodic check.
        let Some(run) = last_run else {
            return Ok(TuneCheck {
                due: true,
                reason: "no model has been trained on the loaded history".into(),
                latest_week_mae: self.latest_week_mae().await?,
            });
        };
        let until = run
            .data_until
            .split_once('-')
            .and_then(|(s, w)| Some(week_key(s.parse().ok()?, w.parse().ok()?)))
            .unwrap_or(0);
        if newest_week >= until {
            return Ok(TuneCheck {
                due: true,
                reason: format!(
                    "week {} of {} arrived after the last training run",
                    newest_week % 100,
                    newest_week / 100
                ),
                latest_week_mae: self.latest_week_mae().await?,
            });
        }
        let changed = loaded.is_some_and(|l| l > run.started_at);
        let latest_week_mae = if changed {
            self.latest_week_mae().await?
        } else {
            None
        };
        let alert = f64::from(self.typed_settings().await?.alert_model_mae);
        match latest_week_mae {
            Some(mae) if mae > alert && changed => Ok(TuneCheck {
                due: true,
                reason: format!(
                    "the latest week's MAE {mae:.2} is above {alert} and data changed since the last run"
                ),
                latest_week_mae,
            }),
            _ => Ok(TuneCheck {
                due: false,
                reason: "the models have seen every loaded week".into(),
                latest_week_mae,
            }),
        }
    }

    /// Runs self-tuning when due (training with the time-boxed search).
    pub async fn self_tune(&self) -> Result<TuneOutcome> {
        let check = self.tuning_check().await?;
        if !check.due {
            return Ok(TuneOutcome {
                check,
                report: None,
            });
        }
        tracing::info!(reason = %check.reason, "self-tuning");
        let trained = self
            .train(&TrainRequest {
                until: None,
                search_seconds: SEARCH_SECONDS,
                trigger: "self_tuning".into(),
            })
            .await;
        *self.self_tune_failure.lock().expect("not poisoned") =
            trained.as_ref().err().map(|e| SelfTuneFailure {
                at: chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
                message: e.to_string(),
            });
        let report = trained?;
        Ok(TuneOutcome {
            check,
            report: Some(report),
        })
    }
}
