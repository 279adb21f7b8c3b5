//! The schedule with betting lines (`nfl_schedule`).

use super::upsert;
use crate::Result;
use nfl_dfs_domain::nflverse::schedule::ScheduledGame;
use sea_orm::DatabaseTransaction;

/// Stores scheduled games.
pub(super) async fn schedule(txn: &DatabaseTransaction, rows: &[ScheduledGame]) -> Result<()> {
    let columns = [
        "game_id",
        "season",
        "game_type",
        "week",
        "gameday",
        "gametime",
        "away_team",
        "home_team",
        "away_score",
        "home_score",
        "spread_line",
        "total_line",
        "roof",
        "surface",
        "temp",
        "wind",
        "away_rest",
        "home_rest",
        "div_game",
    ];
    let values = rows
        .iter()
        .map(|g| {
            vec![
                g.game_id.clone().into(),
                g.season.into(),
                g.game_type.clone().into(),
                g.week.into(),
                g.gameday.clone().into(),
                g.gametime.clone().into(),
                g.away_team.clone().into(),
                g.home_team.clone().into(),
                g.away_score.into(),
                g.home_score.into(),
                g.spread_line.into(),
                g.total_line.into(),
                g.roof.clone().into(),
                g.surface.clone().into(),
                g.temp.into(),
                g.wind.into(),
                g.away_rest.into(),
                g.home_rest.into(),
                g.div_game.into(),
            ]
        })
        .collect();
    upsert(txn, "nfl_schedule", &columns, &["game_id"], values).await
}
