//! How much is stored: row counts of the main tables and when data last changed.

use super::db_err;
use super::entity::{game, player, slate, slate_player, team};
use crate::Result;
use sea_orm::{
    DatabaseConnection, DbBackend, EntityTrait, FromQueryResult, PaginatorTrait, QueryOrder,
    Statement,
};
use serde::Serialize;
use ts_rs::TS;

/// Counts of stored data and when it last changed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct DataStatus {
    /// NFL teams known.
    pub teams: u32,
    /// NFL games known.
    pub games: u32,
    /// NFL players known.
    pub players: u32,
    /// DraftKings slates imported.
    pub slates: u32,
    /// Players across all slates.
    pub slate_players: u32,
    /// Player weeks of nflverse stats loaded.
    pub nfl_player_weeks: u32,
    /// When nflverse data was last loaded (RFC 3339, UTC), if ever.
    pub last_nfl_load: Option<String>,
    /// When data last changed (RFC 3339, UTC), if ever.
    pub last_updated: Option<String>,
}

/// Counts the stored data.
pub async fn data_status(db: &DatabaseConnection) -> Result<DataStatus> {
    let latest_slate = slate::Entity::find()
        .order_by_desc(slate::Column::ImportedAt)
        .one(db)
        .await
        .map_err(db_err(COUNTING))?;
    #[derive(Debug, FromQueryResult)]
    struct Nfl {
        weeks: i64,
        loaded: Option<chrono::DateTime<chrono::Utc>>,
    }
    let nfl = Nfl::find_by_statement(Statement::from_string(
        DbBackend::Sqlite,
        "SELECT (SELECT COUNT(*) FROM nfl_player_weeks) AS weeks, \
         (SELECT MAX(loaded_at) FROM ingests) AS loaded",
    ))
    .one(db)
    .await
    .map_err(db_err(COUNTING))?;
    let last_nfl_load = nfl.as_ref().and_then(|n| n.loaded);
    let last_slate = latest_slate.map(|s| s.imported_at);
    Ok(DataStatus {
        teams: count::<team::Entity>(db).await?,
        games: count::<game::Entity>(db).await?,
        players: count::<player::Entity>(db).await?,
        slates: count::<slate::Entity>(db).await?,
        slate_players: count::<slate_player::Entity>(db).await?,
        nfl_player_weeks: nfl.map_or(0, |n| n.weeks as u32),
        last_nfl_load: last_nfl_load.map(|t| t.to_rfc3339()),
        last_updated: last_slate.max(last_nfl_load).map(|t| t.to_rfc3339()),
    })
}

const COUNTING: &str = "counting stored data";

/// Rows in one table.
async fn count<E>(db: &DatabaseConnection) -> Result<u32>
where
    E: EntityTrait,
    E::Model: FromQueryResult + Send + Sync,
{
    let n = E::find().count(db).await.map_err(db_err(COUNTING))?;
    Ok(u32::try_from(n).unwrap_or(u32::MAX))
}
