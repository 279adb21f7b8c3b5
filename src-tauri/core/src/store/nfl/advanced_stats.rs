//! Advanced weekly stats, PFR and Next Gen Stats, stored long (`nfl_advanced_stats`).

use super::upsert;
use crate::Result;
use nfl_dfs_domain::nflverse::advanced::AdvancedStat;
use sea_orm::DatabaseTransaction;

/// Stores advanced weekly stats (PFR or Next Gen Stats).
pub(super) async fn advanced_stats(txn: &DatabaseTransaction, rows: &[AdvancedStat]) -> Result<()> {
    let values = rows
        .iter()
        .map(|r| {
            vec![
                r.source.into(),
                r.player_id.clone().into(),
                r.season.into(),
                r.week.into(),
                r.stat.into(),
                r.team.clone().into(),
                r.value.into(),
            ]
        })
        .collect();
    upsert(
        txn,
        "nfl_advanced_stats",
        &[
            "source",
            "player_id",
            "season",
            "week",
            "stat",
            "team",
            "value",
        ],
        &["source", "player_id", "season", "week", "stat"],
        values,
    )
    .await
}
