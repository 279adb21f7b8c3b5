//! The load history (`ingests`): one row per nflverse file stored, with its content hash. It
//! tells when data was last loaded, whether a file changed, and the data's generation (which
//! invalidates cached history and matches).

use super::db_err;
use crate::Result;
use chrono::{DateTime, Utc};
use sea_orm::{ConnectionTrait, DatabaseConnection, DbBackend, FromQueryResult, Statement};

const READING: &str = "reading the load history";

/// Records one stored file inside the transaction that stored its rows.
pub async fn record(
    txn: &impl ConnectionTrait,
    kind: &str,
    source: &str,
    content_hash: &str,
    rows: usize,
) -> Result<()> {
    txn.execute_raw(Statement::from_sql_and_values(
        DbBackend::Sqlite,
        "INSERT INTO ingests (kind, source, content_hash, rows, loaded_at) VALUES (?, ?, ?, ?, ?)",
        [
            kind.into(),
            source.into(),
            content_hash.into(),
            i32::try_from(rows).unwrap_or(i32::MAX).into(),
            Utc::now().into(),
        ],
    ))
    .await
    .map_err(db_err("storing NFL data"))?;
    Ok(())
}

/// When NFL data was last loaded (file or download), if ever.
pub async fn last_load(db: &DatabaseConnection) -> Result<Option<DateTime<Utc>>> {
    #[derive(FromQueryResult)]
    struct Last {
        loaded: Option<DateTime<Utc>>,
    }
    Ok(Last::find_by_statement(Statement::from_string(
        DbBackend::Sqlite,
        "SELECT MAX(loaded_at) AS loaded FROM ingests",
    ))
    .one(db)
    .await
    .map_err(db_err(READING))?
    .and_then(|l| l.loaded))
}

/// When anything was last downloaded (rather than picked from disk), if ever.
pub async fn last_download(db: &DatabaseConnection) -> Result<Option<DateTime<Utc>>> {
    #[derive(FromQueryResult)]
    struct Last {
        at: Option<DateTime<Utc>>,
    }
    Ok(Last::find_by_statement(Statement::from_string(
        DbBackend::Sqlite,
        "SELECT MAX(loaded_at) AS at FROM ingests WHERE source LIKE 'http%'",
    ))
    .one(db)
    .await
    .map_err(db_err(READING))?
    .and_then(|l| l.at))
}

/// The content hash stored by the latest load from `source`, if any.
pub async fn last_hash(db: &DatabaseConnection, source: &str) -> Result<Option<String>> {
    #[derive(FromQueryResult)]
    struct Hash {
        content_hash: String,
    }
    Ok(Hash::find_by_statement(Statement::from_sql_and_values(
        DbBackend::Sqlite,
        "SELECT content_hash FROM ingests WHERE source = ? ORDER BY id DESC LIMIT 1",
        [source.into()],
    ))
    .one(db)
    .await
    .map_err(db_err(READING))?
    .map(|h| h.content_hash))
}

/// The generation of the loaded data: changes with every load and every hand link.
pub async fn generation(db: &DatabaseConnection) -> Result<i64> {
    #[derive(FromQueryResult)]
    struct Row {
        generation: i64,
    }
    Ok(Row::find_by_statement(Statement::from_string(
        DbBackend::Sqlite,
        "SELECT (SELECT COALESCE(MAX(id), 0) FROM ingests) * 100000 \
         + (SELECT COUNT(*) FROM player_links) AS generation",
    ))
    .one(db)
    .await
    .map_err(db_err(READING))?
    .map_or(0, |r| r.generation))
}

/// The newest week with player stats (`season * 100 + week`) and when data was last loaded.
#[derive(Debug, FromQueryResult)]
pub struct Newest {
    /// The newest week with player stats.
    pub week: Option<i32>,
    /// The last load.
    pub loaded: Option<DateTime<Utc>>,
}

/// The newest week with player stats and the last load.
pub async fn newest(db: &DatabaseConnection) -> Result<Option<Newest>> {
    Newest::find_by_statement(Statement::from_string(
        DbBackend::Sqlite,
        "SELECT (SELECT MAX(season * 100 + week) FROM nfl_player_weeks) AS week, \
         (SELECT MAX(loaded_at) FROM ingests) AS loaded",
    ))
    .one(db)
    .await
    .map_err(db_err(READING))
}
