//! Who is who in the database: the NFL players the matcher may pick (`nfl_player_weeks`,
//! `nfl_rosters`), the links the user made by hand (`player_links`), and each slate player's
//! stored match (`slate_players.player_id`, the NFL player's row in `players`).

use super::{begin_write, db_err};
use crate::Result;
use chrono::Utc;
use sea_orm::{ConnectionTrait, DatabaseConnection, DbBackend, FromQueryResult, Statement};
use std::collections::HashMap;

const MATCHING: &str = "matching players";

/// One NFL player's name, position and team in one season.
#[derive(Debug, FromQueryResult)]
pub struct NflPlayerSeason {
    /// GSIS id.
    pub gsis_id: String,
    /// Name as nflverse writes it that season.
    pub name: String,
    /// Position, when known.
    pub position: Option<String>,
    /// Team.
    pub team: String,
    /// Season.
    pub season: i32,
}

/// Every NFL player of every loaded season, from stats and rosters.
pub async fn nfl_player_seasons(db: &DatabaseConnection) -> Result<Vec<NflPlayerSeason>> {
    NflPlayerSeason::find_by_statement(Statement::from_string(
        DbBackend::Sqlite,
        "SELECT gsis_id, name, position, team, season FROM nfl_player_weeks \
         GROUP BY gsis_id, team, season, name \
         UNION SELECT gsis_id, name, position, team, season FROM nfl_rosters \
         GROUP BY gsis_id, team, season, name",
    ))
    .all(db)
    .await
    .map_err(db_err(MATCHING))
}

#[derive(Debug, FromQueryResult)]
struct Link {
    name_key: String,
    position: String,
    gsis_id: String,
}

#[derive(Debug, FromQueryResult)]
struct PlayerId {
    id: i32,
    gsis_id: String,
}

/// The user's links: (folded name, position) to GSIS id.
pub async fn links(db: &DatabaseConnection) -> Result<HashMap<(String, String), String>> {
    Ok(Link::find_by_statement(Statement::from_string(
        DbBackend::Sqlite,
        "SELECT name_key, position, gsis_id FROM player_links",
    ))
    .all(db)
    .await
    .map_err(db_err(MATCHING))?
    .into_iter()
    .map(|l| ((l.name_key, l.position), l.gsis_id))
    .collect())
}

/// Stores each slate player's match (a GSIS id, or none) in one transaction.
pub async fn store_matches(
    db: &DatabaseConnection,
    matches: impl Iterator<Item = (i32, Option<&str>)>,
) -> Result<()> {
    let ids: HashMap<String, i32> = PlayerId::find_by_statement(Statement::from_string(
        DbBackend::Sqlite,
        "SELECT id, gsis_id FROM players WHERE gsis_id IS NOT NULL",
    ))
    .all(db)
    .await
    .map_err(db_err(MATCHING))?
    .into_iter()
    .map(|p| (p.gsis_id, p.id))
    .collect();
    let txn = begin_write(db, MATCHING).await?;
    for (slate_player_id, gsis_id) in matches {
        let id = gsis_id.and_then(|g| ids.get(g)).copied();
        set_match(&txn, slate_player_id, id).await?;
    }
    txn.commit().await.map_err(db_err(MATCHING))
}

async fn set_match(db: &impl ConnectionTrait, slate_player_id: i32, id: Option<i32>) -> Result<()> {
    db.execute_raw(Statement::from_sql_and_values(
        DbBackend::Sqlite,
        "UPDATE slate_players SET player_id = ? WHERE id = ?",
        [id.into(), slate_player_id.into()],
    ))
    .await
    .map_err(db_err(MATCHING))?;
    Ok(())
}

/// The row id of an NFL player in `players`, if his stats are loaded.
pub async fn nfl_player_row(db: &DatabaseConnection, gsis_id: &str) -> Result<Option<i32>> {
    Ok(PlayerId::find_by_statement(Statement::from_sql_and_values(
        DbBackend::Sqlite,
        "SELECT id, gsis_id FROM players WHERE gsis_id = ?",
        [gsis_id.into()],
    ))
    .one(db)
    .await
    .map_err(db_err(MATCHING))?
    .map(|p| p.id))
}

/// Keeps a hand-made link (replacing an older one for the same name and position) and matches
/// the slate player to it, in one transaction.
pub async fn link(
    db: &DatabaseConnection,
    name_key: &str,
    position: &str,
    gsis_id: &str,
    slate_player_id: i32,
    player_row: i32,
) -> Result<()> {
    let txn = begin_write(db, MATCHING).await?;
    txn.execute_raw(Statement::from_sql_and_values(
        DbBackend::Sqlite,
        "INSERT INTO player_links (name_key, position, gsis_id, linked_at) VALUES (?, ?, ?, ?) \
         ON CONFLICT (name_key, position) DO UPDATE SET gsis_id = excluded.gsis_id, \
         linked_at = excluded.linked_at",
        [
            name_key.into(),
            position.into(),
            gsis_id.into(),
            Utc::now().into(),
        ],
    ))
    .await
    .map_err(db_err(MATCHING))?;
    set_match(&txn, slate_player_id, Some(player_row)).await?;
    txn.commit().await.map_err(db_err(MATCHING))
}
