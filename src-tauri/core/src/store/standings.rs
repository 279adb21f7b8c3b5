//! Imported contest standings: the file's record, the field's entries and each drafted
//! player's real ownership and points. An import is one transaction; the same file (and, in a
//! listing of several, the same contest) imported again for the same slate is found, not
//! duplicated.

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

/// Stores a standings file of a slate; `matched[i]` is the slate player of drafted player `i`,
/// `games` the games its lineups drafted from (empty: every game). The contest a listing's rows
/// are of is `standings.contest`. A file imported before has its games brought up to date.
pub async fn save(
    db: &DatabaseConnection,
    slate_id: i32,
    file_name: &str,
    bytes: &[u8],
    standings: &Standings,
    matched: &[Option<i32>],
    games: &[String],
) -> Result<SavedStandings> {
    let games = games.join(",");
    let sha256 = format!("{:x}", Sha256::digest(bytes));
    let contest_ref = standings
        .contest
        .as_ref()
        .map(|c| c.id.clone())
        .unwrap_or_default();
    let txn = begin_write(db, SAVING).await?;
    if let Some(existing) = standing::Entity::find()
        .filter(standing::Column::SlateId.eq(slate_id))
        .filter(standing::Column::Sha256.eq(sha256.as_str()))
        .all(&txn)
        .await
        .map_err(db_err(SAVING))?
        .into_iter()
        .find(|row| row.contest_ref == contest_ref)
    {
        if existing.games != games {
            let mut row: standing::ActiveModel = existing.clone().into();
            row.games = Set(games);
            row.update(&txn).await.map_err(db_err(SAVING))?;
            txn.commit().await.map_err(db_err(SAVING))?;
        }
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
        field_size: Set(standings.field_size.map(|n| n as i32)),
        contest_ref: Set(contest_ref),
        games: Set(games),
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
        .enumerate()
        .map(|(k, (p, slate_player))| standing_player::ActiveModel {
            standings_id: Set(row.id),
            line: Set(k as i32 + 1),
            name: Set(p.name.clone()),
            position: Set(p.position.clone()),
            slate_player_id: Set(*slate_player),
            drafted: Set(p.drafted),
            fpts: Set(p.fpts.unwrap_or(0.0)),
            fpts_known: Set(p.fpts.is_some()),
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

/// A slate's results as one imported standings file gives them.
#[derive(Debug, Clone, PartialEq)]
pub struct StoredResults {
    /// The file's name.
    pub file_name: String,
    /// The contest chosen in a listing of several (DraftKings' contest ID).
    pub contest_ref: Option<String>,
    /// Exported before the games ended.
    pub live: bool,
    /// The field's entries where the file lists only some of them (its top ranks).
    pub field_size: Option<u32>,
    /// Every listed entry's points.
    pub field_points: Vec<f64>,
    /// Every listed entry's rank, beside `field_points`.
    pub ranks: Vec<u32>,
    /// Every listed entry's lineup as stored (slot and name pairs, as the file wrote them),
    /// beside `field_points`.
    pub lineups: Vec<String>,
    /// (name, slate player) of each matched drafted player.
    pub names: Vec<(String, i32)>,
    /// (slate player, %Drafted, FPTS where the file gives them) of each matched drafted player.
    pub players: Vec<(i32, f64, Option<f64>)>,
    /// Drafted players no slate player matched.
    pub unmatched: u32,
    /// The games its lineups drafted from; empty: every game of the slate.
    pub games: Vec<String>,
}

impl StoredResults {
    /// The share of its field the file lists (1: every entry).
    pub fn coverage(&self) -> f64 {
        let listed = self.field_points.len() as f64;
        listed / f64::from(self.field_size.unwrap_or(1)).max(listed).max(1.0)
    }
}

/// The newest standings imported for a slate, if any.
pub async fn latest(db: &DatabaseConnection, slate_id: i32) -> Result<Option<StoredResults>> {
    let rows = imported(db, slate_id).await?;
    match rows.into_iter().next() {
        Some(row) => Ok(Some(read(db, row).await?)),
        None => Ok(None),
    }
}

/// The standings of a contest on a slate: the newest imported for its DraftKings contest ID
/// (`dk_contest`), else for a field of its size (`entries`), else the newest of the slate.
pub async fn for_contest(
    db: &DatabaseConnection,
    slate_id: i32,
    entries: u32,
    dk_contest: Option<&str>,
) -> Result<Option<StoredResults>> {
    let rows = imported(db, slate_id).await?;
    let size = |row: &standing::Model| row.field_size.unwrap_or(row.entries);
    let chosen = rows
        .iter()
        .position(|row| dk_contest.is_some_and(|id| row.contest_ref == id))
        .or_else(|| rows.iter().position(|row| size(row) == entries as i32));
    let chosen = match chosen {
        Some(k) => rows.into_iter().nth(k),
        None => rows.into_iter().next(),
    };
    match chosen {
        Some(row) => Ok(Some(read(db, row).await?)),
        None => Ok(None),
    }
}

/// A slate's imported standings, newest first.
async fn imported(db: &DatabaseConnection, slate_id: i32) -> Result<Vec<standing::Model>> {
    standing::Entity::find()
        .filter(standing::Column::SlateId.eq(slate_id))
        .order_by_desc(standing::Column::Id)
        .all(db)
        .await
        .map_err(db_err(READING))
}

/// One imported standings file's entries and players.
async fn read(db: &DatabaseConnection, row: standing::Model) -> Result<StoredResults> {
    let mut entries = standing_entry::Entity::find()
        .filter(standing_entry::Column::StandingsId.eq(row.id))
        .order_by_asc(standing_entry::Column::Line)
        .all(db)
        .await
        .map_err(db_err(READING))?;
    let ranks = entries.iter().map(|e| e.rank.max(1) as u32).collect();
    let field_points = entries.iter().map(|e| e.points).collect();
    let lineups = entries
        .iter_mut()
        .map(|e| std::mem::take(&mut e.lineup))
        .collect();
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
    Ok(StoredResults {
        games: super::contests::split_games(&row.games),
        file_name: row.file_name,
        contest_ref: Some(row.contest_ref).filter(|c| !c.is_empty()),
        live: row.live,
        field_size: row.field_size.map(|n| n.max(0) as u32),
        field_points,
        ranks,
        lineups,
        names,
        players: drafted
            .into_iter()
            .filter_map(|p| {
                Some((
                    p.slate_player_id?,
                    p.drafted,
                    p.fpts_known.then_some(p.fpts),
                ))
            })
            .collect(),
        unmatched,
    })
}

/// The share of its field a stored file lists (1: every entry).
fn coverage(row: &standing::Model) -> f64 {
    f64::from(row.entries.max(0)) / f64::from(row.field_size.unwrap_or(row.entries).max(1))
}

/// The newest standings of a slate that list at least `min_coverage` of their field (those
/// that tell the field's ownership), if any.
pub async fn with_ownership(
    db: &DatabaseConnection,
    slate_id: i32,
    min_coverage: f64,
) -> Result<Option<StoredResults>> {
    let rows = imported(db, slate_id).await?;
    match rows.into_iter().find(|row| coverage(row) >= min_coverage) {
        Some(row) => Ok(Some(read(db, row).await?)),
        None => Ok(None),
    }
}

/// The slates with standings that list at least `min_coverage` of their field, newest import
/// first, each once.
pub async fn slates_with_ownership(db: &DatabaseConnection, min_coverage: f64) -> Result<Vec<i32>> {
    let mut out: Vec<i32> = Vec::new();
    for row in standing::Entity::find()
        .order_by_desc(standing::Column::Id)
        .all(db)
        .await
        .map_err(db_err(READING))?
    {
        if coverage(&row) >= min_coverage && !out.contains(&row.slate_id) {
            out.push(row.slate_id);
        }
    }
    Ok(out)
}
