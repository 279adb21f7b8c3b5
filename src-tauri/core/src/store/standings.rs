//! Imported contest standings: the file's record, the field's entries and each drafted
//! player's real ownership and points. An import is one transaction; the same file imported
//! again for the same slate is found, not duplicated.

use super::{begin_write, db_err};
use crate::store::entity::{standing, standing_entry, standing_player};
use crate::Result;
use chrono::Utc;
use nfl_dfs_domain::contest::standings::Standings;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder, Set,
};
use sha2::{Digest, Sha256};

const SAVING: &str = "saving contest standings";
const READING: &str = "reading contest standings";
const ROWS_PER_INSERT: usize = 200;

/// What [`save`] stored.
#[derive(Debug, Clone, PartialEq)]
pub struct SavedStandings {
    /// The standings' id.
    pub id: i32,
    /// Whether the same file had been imported for the slate before (nothing was written).
    pub already: bool,
}

/// Stores a standings file of a slate; `matched[i]` is the slate player of drafted player `i`.
pub async fn save(
    db: &DatabaseConnection,
    slate_id: i32,
    file_name: &str,
    bytes: &[u8],
    standings: &Standings,
    matched: &[Option<i32>],
) -> Result<SavedStandings> {
    let sha256 = format!("{:x}", Sha256::digest(bytes));
    let txn = begin_write(db, SAVING).await?;
    if let Some(existing) = standing::Entity::find()
        .filter(standing::Column::SlateId.eq(slate_id))
        .filter(standing::Column::Sha256.eq(sha256.as_str()))
        .one(&txn)
        .await
        .map_err(db_err(SAVING))?
    {
        return Ok(SavedStandings {
            id: existing.id,
            already: true,
        });
    }
    let row = standing::ActiveModel {
        slate_id: Set(slate_id),
        file_name: Set(file_name.to_string()),
        sha256: Set(sha256),
        entries: Set(standings.entries.len() as i32),
        live: Set(standings.live),
        imported_at: Set(Utc::now().to_rfc3339()),
        ..Default::default()
    }
    .insert(&txn)
    .await
    .map_err(db_err(SAVING))?;
    let entries: Vec<standing_entry::ActiveModel> = standings
        .entries
        .iter()
        .enumerate()
        .map(|(i, e)| standing_entry::ActiveModel {
            standings_id: Set(row.id),
            line: Set(i as i32 + 2),
            rank: Set(e.rank as i32),
            entry_name: Set(e.entry_name.clone()),
            points: Set(e.points),
            lineup: Set(e
                .lineup
                .iter()
                .map(|(slot, name)| format!("{slot} {name}"))
                .collect::<Vec<_>>()
                .join(" ")),
        })
        .collect();
    for chunk in entries.chunks(ROWS_PER_INSERT) {
        standing_entry::Entity::insert_many(chunk.to_vec())
            .exec(&txn)
            .await
            .map_err(db_err(SAVING))?;
    }
    let players: Vec<standing_player::ActiveModel> = standings
        .players
        .iter()
        .zip(matched)
        .map(|(p, slate_player)| standing_player::ActiveModel {
            standings_id: Set(row.id),
            line: Set(p.line as i32),
            name: Set(p.name.clone()),
            position: Set(p.position.clone()),
            slate_player_id: Set(*slate_player),
            drafted: Set(p.drafted),
            fpts: Set(p.fpts),
        })
        .collect();
    for chunk in players.chunks(ROWS_PER_INSERT) {
        standing_player::Entity::insert_many(chunk.to_vec())
            .exec(&txn)
            .await
            .map_err(db_err(SAVING))?;
    }
    txn.commit().await.map_err(db_err(SAVING))?;
    Ok(SavedStandings {
        id: row.id,
        already: false,
    })
}

/// A slate's results as the newest standings file gives them.
#[derive(Debug, Clone, PartialEq)]
pub struct StoredResults {
    /// The file's name.
    pub file_name: String,
    /// Exported before the games ended.
    pub live: bool,
    /// Every entry's points.
    pub field_points: Vec<f64>,
    /// Every entry's lineup as stored (slot and name pairs, as the file wrote them), beside
    /// `field_points`.
    pub lineups: Vec<String>,
    /// (name, slate player) of each matched drafted player.
    pub names: Vec<(String, i32)>,
    /// (slate player, %Drafted, FPTS) of each matched drafted player.
    pub players: Vec<(i32, f64, f64)>,
    /// Drafted players no slate player matched.
    pub unmatched: u32,
}

/// The newest standings of a slate, if any were imported.
pub async fn latest(db: &DatabaseConnection, slate_id: i32) -> Result<Option<StoredResults>> {
    let Some(row) = standing::Entity::find()
        .filter(standing::Column::SlateId.eq(slate_id))
        .order_by_desc(standing::Column::Id)
        .one(db)
        .await
        .map_err(db_err(READING))?
    else {
        return Ok(None);
    };
    let (field_points, lineups) = standing_entry::Entity::find()
        .filter(standing_entry::Column::StandingsId.eq(row.id))
        .all(db)
        .await
        .map_err(db_err(READING))?
        .into_iter()
        .map(|e| (e.points, e.lineup))
        .unzip();
    let drafted = standing_player::Entity::find()
        .filter(standing_player::Column::StandingsId.eq(row.id))
        .all(db)
        .await
        .map_err(db_err(READING))?;
    let unmatched = drafted
        .iter()
        .filter(|p| p.slate_player_id.is_none())
        .count() as u32;
    let names = drafted
        .iter()
        .filter_map(|p| Some((p.name.clone(), p.slate_player_id?)))
        .collect();
    Ok(Some(StoredResults {
        file_name: row.file_name,
        live: row.live,
        field_points,
        lineups,
        names,
        players: drafted
            .into_iter()
            .filter_map(|p| Some((p.slate_player_id?, p.drafted, p.fpts)))
            .collect(),
        unmatched,
    }))
}

/// The slates with imported standings, newest import first, each once.
pub async fn slates_with_results(db: &DatabaseConnection) -> Result<Vec<i32>> {
    let mut out: Vec<i32> = Vec::new();
    for row in standing::Entity::find()
        .order_by_desc(standing::Column::Id)
        .all(db)
        .await
        .map_err(db_err(READING))?
    {
        if !out.contains(&row.slate_id) {
            out.push(row.slate_id);
        }
    }
    Ok(out)
}
