//! Injury report lines (`nfl_injuries`).

use super::upsert;
use crate::Result;
use nfl_dfs_domain::nflverse::roster_files::InjuryEntry;
use sea_orm::DatabaseTransaction;

/// Stores injury report lines.
pub(super) async fn injuries(txn: &DatabaseTransaction, rows: &[InjuryEntry]) -> Result<()> {
    let values = rows
        .iter()
        .map(|r| {
            vec![
                r.season.into(),
                r.week.into(),
                r.season_type.clone().into(),
                r.gsis_id.clone().into(),
                r.team.clone().into(),
                r.name.clone().into(),
                r.position.clone().into(),
                r.report_status.clone().into(),
                r.practice_status.clone().into(),
            ]
        })
        .collect();
    upsert(
        txn,
        "nfl_injuries",
        &[
            "season",
            "week",
            "season_type",
            "gsis_id",
            "team",
            "name",
            "position",
            "report_status",
            "practice_status",
        ],
        &["season", "week", "season_type", "gsis_id"],
        values,
    )
    .await
}
