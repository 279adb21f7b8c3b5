//! The PFR-to-GSIS id crosswalk (`nfl_player_ids`).

use super::upsert;
use crate::Result;
use nfl_dfs_domain::nflverse::roster_files::IdLink;
use sea_orm::DatabaseTransaction;

/// Stores PFR-to-GSIS id links (a later link of the same PFR id replaces the earlier one).
pub(super) async fn player_ids(txn: &DatabaseTransaction, links: &[IdLink]) -> Result<()> {
    let values = links
        .iter()
        .map(|l| vec![l.pfr_id.clone().into(), l.gsis_id.clone().into()])
        .collect();
    upsert(
        txn,
        "nfl_player_ids",
        &["pfr_id", "gsis_id"],
        &["pfr_id"],
        values,
    )
    .await
}
