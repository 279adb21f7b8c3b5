//! Weekly player stats (`nfl_player_weeks`) and the NFL players behind them (`players`: name,
//! position, latest team).

use super::{upsert, WRITING};
use crate::Result;
use nfl_dfs_domain::nflverse::player_week::{self, PlayerWeek};
use sea_orm::{DatabaseTransaction, Value};
use std::collections::{BTreeMap, BTreeSet};

/// Stores player weeks and the players behind them (name, position, latest team).
pub(super) async fn player_weeks(txn: &DatabaseTransaction, rows: &[PlayerWeek]) -> Result<()> {
    let mut columns = vec![
        "gsis_id",
        "season",
        "week",
        "season_type",
        "name",
        "position",
        "team",
        "opponent",
    ];
    columns.extend(player_week::STAT_COLUMNS.iter().map(|(c, _)| *c));
    columns.extend(["target_share", "air_yards_share", "fantasy_points_ppr"]);
    let values = rows
        .iter()
        .map(|r| {
            let mut v: Vec<Value> = vec![
                r.gsis_id.clone().into(),
                r.season.into(),
                r.week.into(),
                r.season_type.clone().into(),
                r.name.clone().into(),
                r.position.clone().into(),
                r.team.clone().into(),
                r.opponent.clone().into(),
            ];
            v.extend(r.stats.iter().map(|s| Value::from(*s)));
            v.extend([
                r.target_share.into(),
                r.air_yards_share.into(),
                r.fantasy_points_ppr.into(),
            ]);
            v
        })
        .collect();
    upsert(
        txn,
        "nfl_player_weeks",
        &columns,
        &["gsis_id", "season", "week", "season_type"],
        values,
    )
    .await?;

    // The players: the latest week of each names them.
    let mut latest: BTreeMap<&str, &PlayerWeek> = BTreeMap::new();
    for r in rows {
        let newer = latest
            .get(r.gsis_id.as_str())
            .is_none_or(|l| (r.season, r.week) >= (l.season, l.week));
        if newer {
            latest.insert(&r.gsis_id, r);
        }
    }
    let teams: BTreeSet<&str> = latest.values().map(|r| r.team.as_str()).collect();
    crate::store::teams::ensure(txn, &teams, WRITING).await?;
    let players = latest
        .values()
        .map(|r| {
            vec![
                r.gsis_id.clone().into(),
                r.name.clone().into(),
                r.position.clone().unwrap_or_default().into(),
                r.team.clone().into(),
            ]
        })
        .collect();
    upsert(
        txn,
        "players",
        &["gsis_id", "name", "position", "team"],
        &["gsis_id"],
        players,
    )
    .await
}
