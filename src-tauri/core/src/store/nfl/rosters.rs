//! Season rosters (`nfl_rosters`) and the players on them (`players`).

use super::{upsert, WRITING};
use crate::store::db_err;
use crate::Result;
use nfl_dfs_domain::nflverse::roster_files::{IdLink, RosterEntry};
use sea_orm::{ConnectionTrait, DatabaseTransaction, DbBackend, Statement};
use std::collections::{BTreeMap, BTreeSet};

/// Stores roster entries and the players on them (a player with no stats yet becomes known).
pub(super) async fn rosters(txn: &DatabaseTransaction, rows: &[RosterEntry]) -> Result<()> {
    let values = rows
        .iter()
        .map(|r| {
            vec![
                r.season.into(),
                r.week.into(),
                r.gsis_id.clone().into(),
                r.team.clone().into(),
                r.name.clone().into(),
                r.position.clone().into(),
                r.status.clone().into(),
            ]
        })
        .collect();
    upsert(
        txn,
        "nfl_rosters",
        &[
            "season", "week", "gsis_id", "team", "name", "position", "status",
        ],
        &["season", "week", "gsis_id"],
        values,
    )
    .await?;
    let mut latest: BTreeMap<&str, &RosterEntry> = BTreeMap::new();
    for r in rows {
        if latest
            .get(r.gsis_id.as_str())
            .is_none_or(|l| (r.season, r.week) >= (l.season, l.week))
        {
            latest.insert(&r.gsis_id, r);
        }
    }
    let teams: BTreeSet<&str> = latest.values().map(|r| r.team.as_str()).collect();
    crate::store::teams::ensure(txn, &teams, WRITING).await?;
    let links: Vec<IdLink> = latest
        .values()
        .filter_map(|r| {
            Some(IdLink {
                pfr_id: r.pfr_id.clone()?,
                gsis_id: r.gsis_id.clone(),
            })
        })
        .collect();
    super::player_ids::player_ids(txn, &links).await?;
    // Insert players not known yet; players known from stats keep their stats name.
    for r in latest.values() {
        txn.execute_raw(Statement::from_sql_and_values(
            DbBackend::Sqlite,
            "INSERT INTO players (gsis_id, name, position, team) VALUES (?, ?, ?, ?) \
             ON CONFLICT (gsis_id) DO UPDATE SET team = excluded.team",
            [
                r.gsis_id.clone().into(),
                r.name.clone().into(),
                r.position.clone().unwrap_or_default().into(),
                r.team.clone().into(),
            ],
        ))
        .await
        .map_err(db_err(WRITING))?;
    }
    Ok(())
}
