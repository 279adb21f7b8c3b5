//! The model registry's records: which versions exist (`model_versions`) and every deploy
//! and rollback (`model_events`, replayed to find production). The files live in the registry
//! folder; `projection::registry` owns them.

use super::db_err;
use crate::Result;
use chrono::{DateTime, Utc};
use nfl_dfs_domain::projection::version::Metadata;
use sea_orm::{ConnectionTrait, DatabaseConnection, DbBackend, FromQueryResult, Statement};
use serde::Serialize;
use ts_rs::TS;

/// A deploy or rollback.
#[derive(Debug, Clone, PartialEq, Serialize, TS, FromQueryResult)]
pub struct ModelEvent {
    /// Position.
    pub position: String,
    /// `deploy` or `rollback`.
    pub action: String,
    /// The version production went to.
    pub version: String,
    /// The version it left, if any.
    pub previous: Option<String>,
    /// When.
    #[ts(type = "string")]
    pub at: DateTime<Utc>,
}

/// Every deploy and rollback, oldest first.
pub async fn events(db: &DatabaseConnection) -> Result<Vec<ModelEvent>> {
    ModelEvent::find_by_statement(Statement::from_string(
        DbBackend::Sqlite,
        "SELECT position, action, version, previous, at FROM model_events ORDER BY id",
    ))
    .all(db)
    .await
    .map_err(db_err("reading model deployments"))
}

/// When production last changed (the latest deploy or rollback), if ever.
pub async fn last_change(db: &DatabaseConnection) -> Result<Option<DateTime<Utc>>> {
    #[derive(FromQueryResult)]
    struct At {
        at: DateTime<Utc>,
    }
    Ok(At::find_by_statement(Statement::from_string(
        DbBackend::Sqlite,
        "SELECT at FROM model_events ORDER BY id DESC LIMIT 1",
    ))
    .one(db)
    .await
    .map_err(db_err("reading model deployments"))?
    .map(|r| r.at))
}

/// Records a deploy or rollback.
pub async fn record_event(
    db: &DatabaseConnection,
    position: &str,
    action: &str,
    version: &str,
    previous: Option<String>,
) -> Result<()> {
    db.execute_raw(Statement::from_sql_and_values(
        DbBackend::Sqlite,
        "INSERT INTO model_events (position, action, version, previous, at) VALUES (?, ?, ?, ?, ?)",
        [
            position.into(),
            action.into(),
            version.into(),
            previous.into(),
            Utc::now().into(),
        ],
    ))
    .await
    .map_err(db_err("recording a deployment"))?;
    Ok(())
}

/// Records a version trained by a run (or shipped, without a run).
pub async fn register(
    db: &DatabaseConnection,
    metadata: &Metadata,
    run_id: Option<i32>,
) -> Result<()> {
    db.execute_raw(Statement::from_sql_and_values(
        DbBackend::Sqlite,
        "INSERT OR REPLACE INTO model_versions \
         (position, version, run_id, learner, mae, baseline_mae, created_at) \
         VALUES (?, ?, ?, ?, ?, ?, ?)",
        [
            metadata.position.as_str().into(),
            metadata.version.clone().into(),
            run_id.into(),
            metadata.result.learner.to_string().into(),
            metadata.result.model.mae.into(),
            metadata.result.season_to_date.mae.into(),
            metadata.created_at.into(),
        ],
    ))
    .await
    .map_err(db_err("registering a model"))?;
    Ok(())
}

/// A registered version.
#[derive(FromQueryResult)]
pub struct VersionRow {
    /// Position.
    pub position: String,
    /// Version name.
    pub version: String,
    /// The run that trained it.
    pub run_id: Option<i32>,
    /// Learner.
    pub learner: String,
    /// Validation MAE.
    pub mae: f64,
    /// Season-to-date MAE on the same rows.
    pub baseline_mae: f64,
    /// When it was made.
    pub created_at: DateTime<Utc>,
}

/// Every registered version, newest first.
pub async fn versions(db: &DatabaseConnection) -> Result<Vec<VersionRow>> {
    VersionRow::find_by_statement(Statement::from_string(
        DbBackend::Sqlite,
        "SELECT position, version, run_id, learner, mae, baseline_mae, created_at \
         FROM model_versions ORDER BY created_at DESC, position",
    ))
    .all(db)
    .await
    .map_err(db_err("listing models"))
}

/// Forgets a version.
pub async fn delete_version(db: &DatabaseConnection, position: &str, version: &str) -> Result<()> {
    db.execute_raw(Statement::from_sql_and_values(
        DbBackend::Sqlite,
        "DELETE FROM model_versions WHERE position = ? AND version = ?",
        [position.into(), version.into()],
    ))
    .await
    .map_err(db_err("deleting a model"))?;
    Ok(())
}
