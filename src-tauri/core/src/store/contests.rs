//! Contests of a slate: added, edited, listed, read and removed. The payout table is stored as JSON and
//! checked again when read, so a row edited by hand cannot reach the simulator unchecked.

use super::{begin_write, db_err};
use crate::store::entity::contest;
use crate::{Error, Result};
use chrono::Utc;
use nfl_dfs_domain::contest::{Contest, ContestType, Payouts};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder, Set,
};

const SAVING: &str = "saving a contest";
const READING: &str = "reading contests";

/// Stores a contest (already validated) and returns its id.
pub async fn add(db: &DatabaseConnection, contest: &Contest) -> Result<i32> {
    let payouts = serde_json::to_string(&contest.payouts)
        .map_err(|e| Error::InvalidInput(format!("the payout table could not be written: {e}")))?;
    let txn = begin_write(db, SAVING).await?;
    let row = contest::ActiveModel {
        slate_id: Set(contest.slate_id),
        name: Set(contest.name.clone()),
        contest_type: Set(contest.contest_type.as_str().to_string()),
        entry_fee: Set(contest.entry_fee),
        entries: Set(contest.entries as i32),
        payouts: Set(payouts),
        created_at: Set(Utc::now().to_rfc3339()),
        dk_contest_id: Set(contest.dk_contest_id.clone()),
        games: Set(contest.games.join(",")),
        ..Default::default()
    }
    .insert(&txn)
    .await
    .map_err(db_err(SAVING))?;
    txn.commit().await.map_err(db_err(SAVING))?;
    Ok(row.id)
}

/// Replaces a stored contest's name, type, fee, field, payout table, DraftKings ID and games
/// (already validated);
/// false when there is no such contest.
pub async fn update(db: &DatabaseConnection, contest: &Contest) -> Result<bool> {
    let payouts = serde_json::to_string(&contest.payouts)
        .map_err(|e| Error::InvalidInput(format!("the payout table could not be written: {e}")))?;
    let txn = begin_write(db, SAVING).await?;
    let Some(row) = contest::Entity::find_by_id(contest.id)
        .one(&txn)
        .await
        .map_err(db_err(SAVING))?
    else {
        return Ok(false);
    };
    let mut row: contest::ActiveModel = row.into();
    row.name = Set(contest.name.clone());
    row.contest_type = Set(contest.contest_type.as_str().to_string());
    row.entry_fee = Set(contest.entry_fee);
    row.entries = Set(contest.entries as i32);
    row.payouts = Set(payouts);
    row.dk_contest_id = Set(contest.dk_contest_id.clone());
    row.games = Set(contest.games.join(","));
    row.update(&txn).await.map_err(db_err(SAVING))?;
    txn.commit().await.map_err(db_err(SAVING))?;
    Ok(true)
}

/// Every contest of a slate (all slates when None), newest first.
pub async fn list(db: &DatabaseConnection, slate_id: Option<i32>) -> Result<Vec<Contest>> {
    let mut query = contest::Entity::find().order_by_desc(contest::Column::Id);
    if let Some(slate_id) = slate_id {
        query = query.filter(contest::Column::SlateId.eq(slate_id));
    }
    query
        .all(db)
        .await
        .map_err(db_err(READING))?
        .into_iter()
        .map(from_row)
        .collect()
}

/// One contest.
pub async fn get(db: &DatabaseConnection, id: i32) -> Result<Contest> {
    let row = contest::Entity::find_by_id(id)
        .one(db)
        .await
        .map_err(db_err(READING))?
        .ok_or_else(|| Error::NotFound {
            what: "contest",
            id: id.to_string(),
        })?;
    from_row(row)
}

/// Removes a contest; false when there was none.
pub async fn remove(db: &DatabaseConnection, id: i32) -> Result<bool> {
    let txn = begin_write(db, SAVING).await?;
    let deleted = contest::Entity::delete_by_id(id)
        .exec(&txn)
        .await
        .map_err(db_err(SAVING))?;
    txn.commit().await.map_err(db_err(SAVING))?;
    Ok(deleted.rows_affected > 0)
}

fn from_row(row: contest::Model) -> Result<Contest> {
    let damaged = |why: String| {
        Error::InvalidInput(format!(
            "contest {} in the database is damaged ({why}); remove it and add it again",
            row.id
        ))
    };
    let contest_type: ContestType = row.contest_type.parse().map_err(damaged)?;
    let payouts: Payouts =
        serde_json::from_str(&row.payouts).map_err(|e| damaged(e.to_string()))?;
    let entries = u32::try_from(row.entries).map_err(|e| damaged(e.to_string()))?;
    payouts
        .validate(contest_type, entries, row.entry_fee)
        .map_err(damaged)?;
    let dk_contest_id = row
        .dk_contest_id
        .map(|id| nfl_dfs_domain::contest::check_dk_contest_id(&id))
        .transpose()
        .map_err(damaged)?;
    let games = split_games(&row.games);
    Ok(Contest {
        dk_contest_id,
        games,
        ..Contest::new(
            row.id,
            row.slate_id,
            row.name,
            contest_type,
            row.entry_fee,
            entries,
            payouts,
        )
    })
}

/// A stored comma-separated list of game keys (empty: every game).
pub(crate) fn split_games(stored: &str) -> Vec<String> {
    stored
        .split(',')
        .map(str::trim)
        .filter(|g| !g.is_empty())
        .map(str::to_string)
        .collect()
}
