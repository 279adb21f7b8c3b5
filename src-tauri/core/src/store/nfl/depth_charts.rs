//! Depth-chart places (`nfl_depth_charts`).

use super::upsert;
use crate::Result;
use nfl_dfs_domain::nflverse::depth_charts::DepthEntry;
use sea_orm::DatabaseTransaction;

/// Stores depth-chart places.
pub(super) async fn depth_charts(txn: &DatabaseTransaction, rows: &[DepthEntry]) -> Result<()> {
    let values = rows
        .iter()
        .map(|r| {
            vec![
                r.season.into(),
                r.week.into(),
                r.as_of.clone().into(),
                r.team.clone().into(),
                r.gsis_id.clone().into(),
                r.name.clone().into(),
                r.position.clone().into(),
                r.depth.into(),
            ]
        })
        .collect();
    upsert(
        txn,
        "nfl_depth_charts",
        &[
            "season", "week", "as_of", "team", "gsis_id", "name", "position", "depth",
        ],
        &["season", "week", "as_of", "team", "gsis_id"],
        values,
    )
    .await
}
