//! The experiment log (`training_runs`): every training run with its trigger, data range,
//! parameters and per-position results.

use super::{begin_write, db_err};
use crate::{Error, Result};
use chrono::{DateTime, Utc};
use sea_orm::{ConnectionTrait, DatabaseConnection, DbBackend, FromQueryResult, Statement};

/// A run to record.
#[derive(Debug, Clone)]
pub struct NewRun<'a> {
    /// When it started.
    pub started_at: DateTime<Utc>,
    /// How long it took.
    pub seconds: f64,
    /// `manual`, `self_tuning`, ...
    pub trigger: &'a str,
    /// The feature set's version.
    pub feature_version: i32,
    /// First week of data (`season-week`).
    pub data_from: String,
    /// Last week of data.
    pub data_until: String,
    /// The request, as JSON.
    pub parameters: String,
    /// Per-position results, as JSON.
    pub results: String,
    /// The app's version.
    pub app_version: &'a str,
}

/// Records a run and returns its id.
pub async fn record(db: &DatabaseConnection, run: &NewRun<'_>) -> Result<i32> {
    const RECORDING: &str = "recording a training run";
    let txn = begin_write(db, RECORDING).await?;
    txn.execute_raw(Statement::from_sql_and_values(
        DbBackend::Sqlite,
        "INSERT INTO training_runs (started_at, seconds, trigger, feature_version, data_from, \
         data_until, parameters, results, app_version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            run.started_at.into(),
            run.seconds.into(),
            run.trigger.into(),
            run.feature_version.into(),
            run.data_from.clone().into(),
            run.data_until.clone().into(),
            run.parameters.clone().into(),
            run.results.clone().into(),
            run.app_version.into(),
        ],
    ))
    .await
    .map_err(db_err(RECORDING))?;
    let run_id: i32 = txn
        .query_one_raw(Statement::from_string(
            DbBackend::Sqlite,
            "SELECT last_insert_rowid() AS id",
        ))
        .await
        .map_err(db_err(RECORDING))?
        .and_then(|r| r.try_get::<i32>("", "id").ok())
        .ok_or_else(|| Error::Config("the training run got no id".into()))?;
    txn.commit().await.map_err(db_err(RECORDING))?;
    Ok(run_id)
}

/// A stored run.
#[derive(Debug, FromQueryResult)]
pub struct RunRow {
    /// Run id.
    pub id: i32,
    /// When it started.
    pub started_at: DateTime<Utc>,
    /// How long it took.
    pub seconds: f64,
    /// What started it.
    pub trigger: String,
    /// The feature set's version.
    pub feature_version: i32,
    /// First week of data.
    pub data_from: String,
    /// Last week of data.
    pub data_until: String,
    /// Per-position results, as JSON.
    pub results: String,
}

/// Every run, newest first.
pub async fn list(db: &DatabaseConnection) -> Result<Vec<RunRow>> {
    RunRow::find_by_statement(Statement::from_string(
        DbBackend::Sqlite,
        "SELECT id, started_at, seconds, trigger, feature_version, data_from, data_until, \
         results FROM training_runs ORDER BY id DESC",
    ))
    .all(db)
    .await
    .map_err(db_err("reading training runs"))
}

/// The newest run a person or the self-tuning started (not a baseline install).
#[derive(Debug, FromQueryResult)]
pub struct LastRun {
    /// Last week of data it trained on.
    pub data_until: String,
    /// When it started.
    pub started_at: DateTime<Utc>,
}

/// The newest manual or self-tuning run.
pub async fn last_trained(db: &DatabaseConnection) -> Result<Option<LastRun>> {
    LastRun::find_by_statement(Statement::from_string(
        DbBackend::Sqlite,
        "SELECT data_until, started_at FROM training_runs \
         WHERE trigger IN ('manual', 'self_tuning') ORDER BY id DESC LIMIT 1",
    ))
    .one(db)
    .await
    .map_err(db_err("reading training runs"))
}
