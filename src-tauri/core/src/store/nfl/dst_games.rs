//! DST games from play-by-play (`nfl_dst_games`).

use super::upsert;
use crate::Result;
use nfl_dfs_domain::nflverse::play_by_play::DstGame;
use sea_orm::DatabaseTransaction;

/// Stores DST games from play-by-play.
pub(super) async fn dst_games(txn: &DatabaseTransaction, rows: &[DstGame]) -> Result<()> {
    let columns = [
        "game_id",
        "team",
        "season",
        "week",
        "season_type",
        "opponent",
        "sacks",
        "interceptions",
        "fumbles_recovered",
        "return_tds",
        "safeties",
        "blocked_kicks",
        "conversion_returns",
        "points_allowed",
        "dk_points",
    ];
    let values = rows
        .iter()
        .map(|g| {
            let d = &g.defense;
            vec![
                g.game_id.clone().into(),
                g.team.clone().into(),
                g.season.into(),
                g.week.into(),
                g.season_type.clone().into(),
                g.opponent.clone().into(),
                d.sacks.into(),
                d.interceptions.into(),
                d.fumbles_recovered.into(),
                d.return_tds.into(),
                d.safeties.into(),
                d.blocked_kicks.into(),
                d.conversion_returns.into(),
                d.points_allowed.into(),
                g.points().into(),
            ]
        })
        .collect();
    upsert(txn, "nfl_dst_games", &columns, &["game_id", "team"], values).await
}
