//! Snap counts (`nfl_snap_counts`).

use super::upsert;
use crate::Result;
use nfl_dfs_domain::nflverse::roster_files::SnapEntry;
use sea_orm::DatabaseTransaction;

/// Stores snap counts.
pub(super) async fn snap_counts(txn: &DatabaseTransaction, rows: &[SnapEntry]) -> Result<()> {
    let values = rows
        .iter()
        .map(|r| {
            vec![
                r.game_id.clone().into(),
                r.pfr_player_id.clone().into(),
                r.season.into(),
                r.week.into(),
                r.name.clone().into(),
                r.position.clone().into(),
                r.team.clone().into(),
                r.opponent.clone().into(),
                r.offense_snaps.into(),
                r.offense_pct.into(),
            ]
        })
        .collect();
    upsert(
        txn,
        "nfl_snap_counts",
        &[
            "game_id",
            "pfr_player_id",
            "season",
            "week",
            "name",
            "position",
            "team",
            "opponent",
            "offense_snaps",
            "offense_pct",
        ],
        &["game_id", "pfr_player_id"],
        values,
    )
    .await
}
