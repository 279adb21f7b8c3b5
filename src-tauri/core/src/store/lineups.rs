//! Storing and reading lineups. A batch is saved in one transaction after every lineup passed
//! the validator; a lineup already stored for the slate (same players in the same slots) is
//! found, not duplicated.

use crate::store::entity::{lineup, lineup_slot};
use crate::{Error, Result};
use chrono::Utc;
use nfl_dfs_domain::dk::ROSTER;
use nfl_dfs_domain::lineup::{validate, Lineup, LineupSlot, NewLineup, ValidationRules};
use nfl_dfs_domain::slate::Slate;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder, Set,
};
use std::collections::HashMap;

const SAVING: &str = "saving lineups";
const READING: &str = "reading lineups";

/// The unique key of a lineup within its slate.
fn player_key(players: &[i32]) -> String {
    players
        .iter()
        .map(i32::to_string)
        .collect::<Vec<_>>()
        .join(",")
}

/// What [`save`] stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Saved {
    /// Each lineup's id (existing or new), in the order given.
    pub ids: Vec<i32>,
    /// How many were new.
    pub added: u32,
}

/// Validates and stores lineups of `slate`. Nothing is stored if any lineup is invalid.
pub async fn save(
    db: &DatabaseConnection,
    slate: &Slate,
    lineups: &[NewLineup],
    source: &str,
    rules: &ValidationRules,
) -> Result<Saved> {
    for (i, new) in lineups.iter().enumerate() {
        let problems = validate(slate, &new.players, rules);
        if !problems.is_empty() {
            return Err(Error::InvalidLineup {
                lineup: format!("Lineup {} of {}", i + 1, lineups.len()),
                problems: problems.iter().map(ToString::to_string).collect(),
            });
        }
    }
    let slate_id = slate.summary.id;
    let existing: HashMap<String, i32> = lineup::Entity::find()
        .filter(lineup::Column::SlateId.eq(slate_id))
        .all(db)
        .await
        .map_err(crate::store::db_err(READING))?
        .into_iter()
        .map(|l| (l.player_key, l.id))
        .collect();

    let txn = crate::store::begin_write(db, SAVING).await?;
    let mut ids = Vec::with_capacity(lineups.len());
    let mut added: HashMap<String, i32> = HashMap::new();
    let now = Utc::now();
    for new in lineups {
        let key = player_key(&new.players);
        if let Some(id) = existing.get(&key).or_else(|| added.get(&key)) {
            ids.push(*id);
            continue;
        }
        let salary: u32 = new
            .players
            .iter()
            .filter_map(|id| slate.player(*id))
            .map(|p| p.salary)
            .sum();
        let stored = lineup::ActiveModel {
            slate_id: Set(slate_id),
            player_key: Set(key.clone()),
            salary: Set(salary as i32),
            projected_points: Set(new.projected_points),
            source: Set(source.to_string()),
            created_at: Set(now),
            ..Default::default()
        }
        .insert(&txn)
        .await
        .map_err(crate::store::db_err(SAVING))?;
        let slots: Vec<lineup_slot::ActiveModel> = new
            .players
            .iter()
            .zip(ROSTER)
            .enumerate()
            .map(|(k, (player, slot))| lineup_slot::ActiveModel {
                lineup_id: Set(stored.id),
                slot_index: Set(k as i32),
                slot: Set(slot.as_str().to_string()),
                slate_player_id: Set(*player),
            })
            .collect();
        lineup_slot::Entity::insert_many(slots)
            .exec(&txn)
            .await
            .map_err(crate::store::db_err(SAVING))?;
        added.insert(key, stored.id);
        ids.push(stored.id);
    }
    txn.commit().await.map_err(crate::store::db_err(SAVING))?;
    Ok(Saved {
        ids,
        added: added.len() as u32,
    })
}

/// The stored lineups of a slate, oldest first.
pub async fn list(db: &DatabaseConnection, slate: &Slate) -> Result<Vec<Lineup>> {
    let rows = lineup::Entity::find()
        .filter(lineup::Column::SlateId.eq(slate.summary.id))
        .order_by_asc(lineup::Column::Id)
        .all(db)
        .await
        .map_err(crate::store::db_err(READING))?;
    let ids: Vec<i32> = rows.iter().map(|l| l.id).collect();
    let last_model_change = super::model_registry::last_change(db).await?;
    let mut slots: HashMap<i32, Vec<lineup_slot::Model>> = HashMap::new();
    for slot in lineup_slot::Entity::find()
        .filter(lineup_slot::Column::LineupId.is_in(ids))
        .order_by_asc(lineup_slot::Column::SlotIndex)
        .all(db)
        .await
        .map_err(crate::store::db_err(READING))?
    {
        slots.entry(slot.lineup_id).or_default().push(slot);
    }
    rows.into_iter()
        .map(|row| {
            let lineup_slots = slots
                .remove(&row.id)
                .unwrap_or_default()
                .into_iter()
                .zip(ROSTER)
                .map(|(s, slot)| {
                    let player = slate.player(s.slate_player_id).cloned().ok_or_else(|| {
                        Error::Config(format!(
                            "lineup {} names slate player {}, which is not on slate {}",
                            row.id, s.slate_player_id, slate.summary.id
                        ))
                    })?;
                    Ok(LineupSlot { slot, player })
                })
                .collect::<Result<Vec<_>>>()?;
            Ok(Lineup {
                id: row.id,
                slate_id: row.slate_id,
                slots: lineup_slots,
                salary: row.salary.max(0) as u32,
                projected_points: row.projected_points,
                source: row.source,
                earlier_models: last_model_change.is_some_and(|at| row.created_at < at),
                created_at: row.created_at,
            })
        })
        .collect()
}

/// Deletes lineups by id (their slots go with them); returns how many were deleted.
pub async fn delete(db: &DatabaseConnection, ids: &[i32]) -> Result<u64> {
    let result = lineup::Entity::delete_many()
        .filter(lineup::Column::Id.is_in(ids.iter().copied()))
        .exec(db)
        .await
        .map_err(crate::store::db_err("deleting lineups"))?;
    Ok(result.rows_affected)
}
