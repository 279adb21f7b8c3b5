//! The SQLite database: opening it with the app's pragmas, refusing a database written by a
//! newer version, running migrations, and the sea-orm entities.
//!
//! Invariant: every multi-row write goes through one transaction, so a failure or a crash leaves
//! nothing half-written. Pragmas: WAL journal (readers never block the writer), foreign keys on,
//! a busy timeout so a second process (the CLI beside the app) waits instead of failing.

pub mod contest_picks;
pub mod contests;
mod db_error;
pub mod entity;
pub mod history;
pub mod ingests;
pub mod lineups;
pub mod model_registry;
pub mod nfl;
pub mod nfl_queries;
pub mod player_links;
pub mod schema_shape;
pub mod settings;
pub mod slate_import;
pub mod slates;
pub mod standings;
pub mod status;
mod teams;
pub mod training_runs;

pub use db_error::db_err;

use crate::paths::DataPaths;
use crate::{Error, Result, APP_VERSION};
use migration::{Migrator, MigratorTrait};
use sea_orm::sqlx::sqlite::{
    SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous,
};
use sea_orm::{
    ConnectionTrait, DatabaseConnection, DatabaseTransaction, SqliteTransactionMode,
    SqlxSqliteConnector, Statement, TransactionOptions, TransactionTrait,
};
use std::str::FromStr;
use std::time::Duration;

/// The database connection every use case is given.
pub type Db = DatabaseConnection;

/// How long a writer waits for another connection's lock before failing.
pub const BUSY_TIMEOUT: Duration = Duration::from_secs(10);

/// The schema state of a database: the migrations applied, newest last.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SchemaState {
    /// Names of the applied migrations in order.
    pub applied: Vec<String>,
}

impl SchemaState {
    /// The newest applied migration, the database's schema version.
    pub fn version(&self) -> Option<&str> {
        self.applied.last().map(String::as_str)
    }
}

/// A database opened by [`open`], not migrated yet.
pub struct Opened {
    /// The connection.
    pub db: DatabaseConnection,
    /// Migrations this app has that the database lacks.
    pub pending: usize,
    /// The database had a schema already (it is not new).
    pub existing: bool,
}

/// Opens (creating if needed) the database and checks that this app knows its schema: a
/// database with unknown migrations is refused before anything is written. The caller backs an
/// existing database up when migrations are pending, then calls [`migrate`].
pub async fn open(paths: &DataPaths) -> Result<Opened> {
    let db = connect(&paths.database_url).await?;
    let state = schema_state(&db).await?;
    let known: Vec<String> = Migrator::migrations()
        .iter()
        .map(|m| m.name().to_string())
        .collect();
    if let Some(unknown) = state.applied.iter().find(|m| !known.contains(m)) {
        db.close().await.ok();
        return Err(Error::SchemaTooNew {
            path: paths.database_display(),
            migration: unknown.clone(),
            app_version: APP_VERSION,
        });
    }
    Ok(Opened {
        db,
        pending: known.len() - state.applied.len(),
        existing: !state.applied.is_empty(),
    })
}

/// Applies the pending migrations [`open`] found.
pub async fn migrate(opened: &Opened, database: &str) -> Result<()> {
    let (db, pending) = (&opened.db, opened.pending);
    if pending > 0 {
        tracing::info!(pending, database, "applying migrations");
        Migrator::up(db, None)
            .await
            .map_err(db_err("applying migrations"))?;
    }
    Ok(())
}

/// Connects with the app's pragmas, without migrating.
pub async fn connect(url: &str) -> Result<DatabaseConnection> {
    let options = SqliteConnectOptions::from_str(url)
        .map_err(|e| Error::Config(format!("invalid database URL '{url}': {e}")))?
        .create_if_missing(true)
        .journal_mode(SqliteJournalMode::Wal)
        .synchronous(SqliteSynchronous::Normal)
        .foreign_keys(true)
        .busy_timeout(BUSY_TIMEOUT);
    let pool = SqlitePoolOptions::new()
        .max_connections(4)
        .connect_with(options)
        .await
        .map_err(|e| {
            db_err("opening the database")(sea_orm::DbErr::Conn(sea_orm::RuntimeErr::SqlxError(
                e.into(),
            )))
        })?;
    Ok(SqlxSqliteConnector::from_sqlx_sqlite_pool(pool))
}

/// A private in-memory database on one connection (a pool of several would give each its own
/// empty database): a scratch schema to compare against.
pub(crate) async fn connect_scratch() -> Result<DatabaseConnection> {
    let options = SqliteConnectOptions::from_str("sqlite::memory:")
        .map_err(|e| Error::Config(format!("an in-memory database: {e}")))?;
    let pool = SqlitePoolOptions::new()
        .max_connections(1)
        .connect_with(options)
        .await
        .map_err(|e| {
            db_err("opening a scratch database")(sea_orm::DbErr::Conn(
                sea_orm::RuntimeErr::SqlxError(e.into()),
            ))
        })?;
    Ok(SqlxSqliteConnector::from_sqlx_sqlite_pool(pool))
}

/// Starts a write transaction with `BEGIN IMMEDIATE`: the write lock is taken at the start,
/// waiting out [`BUSY_TIMEOUT`] for another writer, instead of a read that fails when it
/// later needs to write. Every multi-row write begins here.
pub async fn begin_write(
    db: &DatabaseConnection,
    action: &'static str,
) -> Result<DatabaseTransaction> {
    db.begin_with_options(TransactionOptions {
        sqlite_transaction_mode: Some(SqliteTransactionMode::Immediate),
        ..TransactionOptions::default()
    })
    .await
    .map_err(db_err(action))
}

/// Writes a consistent copy of the database into the new (or empty) file `to` with `VACUUM
/// INTO`: what SQLite sees, journal included, as one self-contained file.
pub async fn vacuum_into(
    db: &DatabaseConnection,
    to: &std::path::Path,
) -> std::result::Result<(), sea_orm::DbErr> {
    let quoted = to.display().to_string().replace('\'', "''");
    db.execute_raw(Statement::from_string(
        db.get_database_backend(),
        format!("VACUUM INTO '{quoted}'"),
    ))
    .await
    .map(|_| ())
}

/// Moves every page of the write-ahead log into the database file and empties the log, so
/// the file alone holds everything (on exit, and before a restore swaps the file).
pub async fn checkpoint(db: &DatabaseConnection) -> Result<()> {
    db.execute_raw(Statement::from_string(
        db.get_database_backend(),
        "PRAGMA wal_checkpoint(TRUNCATE)",
    ))
    .await
    .map_err(db_err("writing the journal into the database"))?;
    Ok(())
}

/// The migrations applied to a database (none for a new, empty one).
pub async fn schema_state(db: &DatabaseConnection) -> Result<SchemaState> {
    let backend = db.get_database_backend();
    let has_table = db
        .query_one_raw(Statement::from_string(
            backend,
            "SELECT 1 AS present FROM sqlite_master WHERE type = 'table' AND name = 'seaql_migrations'",
        ))
        .await
        .map_err(db_err("reading the schema version"))?
        .is_some();
    if !has_table {
        return Ok(SchemaState { applied: vec![] });
    }
    let rows = db
        .query_all_raw(Statement::from_string(
            backend,
            "SELECT version FROM seaql_migrations ORDER BY version",
        ))
        .await
        .map_err(db_err("reading the schema version"))?;
    let applied = rows
        .iter()
        .map(|row| row.try_get::<String>("", "version"))
        .collect::<Result<_, _>>()
        .map_err(db_err("reading the schema version"))?;
    Ok(SchemaState { applied })
}

/// What SQLite's own check finds wrong with a database (empty when nothing): `PRAGMA
/// integrity_check` when `full`, else the faster `PRAGMA quick_check` (no index contents).
pub async fn integrity_problems(
    db: &DatabaseConnection,
    full: bool,
) -> std::result::Result<Vec<String>, sea_orm::DbErr> {
    let pragma = if full {
        "integrity_check"
    } else {
        "quick_check"
    };
    let rows = db
        .query_all_raw(Statement::from_string(
            db.get_database_backend(),
            format!("PRAGMA {pragma}"),
        ))
        .await?;
    Ok(rows
        .iter()
        .filter_map(|r| r.try_get_by_index::<String>(0).ok())
        .filter(|s| s != "ok")
        .collect())
}

/// Opens a database file read-only (a backup to check or copy); the error is the driver's words.
pub async fn open_read_only(file: &std::path::Path) -> std::result::Result<Db, String> {
    let options = SqliteConnectOptions::new()
        .filename(file)
        .read_only(true)
        .create_if_missing(false);
    let pool = SqlitePoolOptions::new()
        .max_connections(1)
        .connect_with(options)
        .await
        .map_err(|e| e.to_string())?;
    Ok(SqlxSqliteConnector::from_sqlx_sqlite_pool(pool))
}
