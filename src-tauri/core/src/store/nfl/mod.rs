//! Writing nflverse rows, one module per table: idempotent upserts in chunks inside one
//! transaction per file, recorded in `ingests` with the file's hash.

mod advanced_stats;
mod depth_charts;
mod dst_games;
mod injuries;
mod player_ids;
mod player_weeks;
mod rosters;
mod schedule;
mod snap_counts;
mod team_weeks;

use super::{begin_write, db_err};
use crate::Result;
use nfl_dfs_domain::nflverse::{FileKind, Rows};
use sea_orm::{
    ConnectionTrait, DatabaseConnection, DatabaseTransaction, DbBackend, Statement, Value,
};
use std::collections::BTreeSet;

const WRITING: &str = "storing NFL data";

/// Bound parameters per statement, below SQLite's limit.
const MAX_PARAMETERS: usize = 30_000;

/// `INSERT ... ON CONFLICT (key) DO UPDATE` of `rows` into `table`, in chunks.
pub(super) async fn upsert(
    txn: &DatabaseTransaction,
    table: &str,
    columns: &[&str],
    key: &[&str],
    rows: Vec<Vec<Value>>,
) -> Result<()> {
    let per_chunk = (MAX_PARAMETERS / columns.len()).max(1);
    let updates: Vec<String> = columns
        .iter()
        .filter(|c| !key.contains(c))
        .map(|c| format!("{c} = excluded.{c}"))
        .collect();
    let tuple = format!("({})", vec!["?"; columns.len()].join(", "));
    for chunk in rows.chunks(per_chunk) {
        let sql = format!(
            "INSERT INTO {table} ({}) VALUES {} ON CONFLICT ({}) DO UPDATE SET {}",
            columns.join(", "),
            vec![tuple.as_str(); chunk.len()].join(", "),
            key.join(", "),
            updates.join(", ")
        );
        let values: Vec<Value> = chunk.iter().flatten().cloned().collect();
        txn.execute_raw(Statement::from_sql_and_values(
            DbBackend::Sqlite,
            sql,
            values,
        ))
        .await
        .map_err(db_err(WRITING))?;
    }
    Ok(())
}

/// Stores the rows of one nflverse file and records the load, in one transaction; returns the
/// rows stored and the seasons they cover. Team weeks and schedules recompute the DST points of
/// their seasons.
pub async fn store_file(
    db: &DatabaseConnection,
    rows: &Rows,
    kind: FileKind,
    source: &str,
    digest: &str,
) -> Result<(usize, BTreeSet<i32>)> {
    let txn = begin_write(db, "storing NFL data").await?;
    let (count, seasons) = match rows {
        Rows::Players(r) => {
            player_weeks::player_weeks(&txn, r).await?;
            (r.len(), r.iter().map(|x| x.season).collect::<BTreeSet<_>>())
        }
        Rows::Teams(r) => {
            team_weeks::team_weeks(&txn, r).await?;
            (r.len(), r.iter().map(|x| x.season).collect())
        }
        Rows::Games(r) => {
            schedule::schedule(&txn, r).await?;
            (r.len(), r.iter().map(|x| x.season).collect())
        }
        Rows::Dst(r) => {
            dst_games::dst_games(&txn, r).await?;
            (r.len(), r.iter().map(|x| x.season).collect())
        }
        Rows::Rosters(r) => {
            rosters::rosters(&txn, r).await?;
            (r.len(), r.iter().map(|x| x.season).collect())
        }
        Rows::Injuries(report) => {
            let r = &report.rows;
            injuries::injuries(&txn, r).await?;
            (r.len(), r.iter().map(|x| x.season).collect())
        }
        Rows::Snaps(r) => {
            snap_counts::snap_counts(&txn, r).await?;
            (r.len(), r.iter().map(|x| x.season).collect())
        }
        Rows::Ids(r) => {
            player_ids::player_ids(&txn, &r.links).await?;
            (r.links.len(), BTreeSet::new())
        }
        Rows::Depth(r) => {
            depth_charts::depth_charts(&txn, &r.entries).await?;
            (
                r.entries.len(),
                r.entries.iter().map(|x| x.season).collect(),
            )
        }
        Rows::Advanced(r) => {
            advanced_stats::advanced_stats(&txn, &r.stats).await?;
            (r.stats.len(), r.stats.iter().map(|x| x.season).collect())
        }
    };
    if matches!(kind, FileKind::TeamWeeks | FileKind::Schedule) {
        team_weeks::dst_points(&txn, &seasons).await?;
    }
    super::ingests::record(&txn, kind.as_str(), source, digest, count).await?;
    txn.commit().await.map_err(db_err("storing NFL data"))?;
    Ok((count, seasons))
}
