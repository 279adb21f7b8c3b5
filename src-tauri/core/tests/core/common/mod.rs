//! Helpers shared by the integration tests.
#![allow(dead_code)] // each test binary uses a different subset

pub mod http;
#[path = "../../../../domain/tests/domain/real_data.rs"]
mod real_data;

pub use real_data::real_data;

use nfl_dfs_core::paths::DataPaths;
use nfl_dfs_core::test_support::database;
use nfl_dfs_core::Workspace;
use sea_orm::{ConnectionTrait, Statement};
use std::path::PathBuf;

/// A workspace in a fresh folder (kept alive by the returned guard).
pub async fn workspace() -> (tempfile::TempDir, Workspace) {
    let dir = tempfile::tempdir().unwrap();
    let ws = Workspace::open(DataPaths::in_folder(dir.path()))
        .await
        .unwrap();
    (dir, ws)
}

/// A path of the repository (the embedded demo data, the shipped models).
pub fn repo(path: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .join(path)
}

/// A workspace with the demo history loaded, the shipped models in production and the demo
/// slate imported; returns the slate's id.
pub async fn demo_projected() -> (tempfile::TempDir, Workspace, i32) {
    let (dir, ws) = workspace().await;
    ws.ingest_paths(&[repo("data/nflverse-demo")], |_| true)
        .await
        .unwrap();
    ws.install_models(&repo("models")).await.unwrap();
    let slate = ws
        .import_slate_file(&repo("data/DKSalaries-demo.csv"), None)
        .await
        .unwrap()
        .slate
        .id;
    (dir, ws, slate)
}

/// Loads games.csv, the nflverse files `also` (paths under `nflverse/`) and the 2021 weekly
/// player stats without the `missing` weeks (a failed refresh, a partial file) from `data`;
/// the cut copy is written into `dir`.
pub async fn load_2021_without(
    ws: &Workspace,
    dir: &std::path::Path,
    data: &std::path::Path,
    missing: std::ops::RangeInclusive<i32>,
    also: &[&str],
) {
    let nfl = data.join("nflverse");
    let cut = dir.join("player_stats_2021.csv");
    without_weeks(
        &nfl.join("player_stats_weekly/player_stats_2021.csv"),
        &cut,
        missing,
    );
    let mut files = vec![nfl.join("schedules/games.csv"), cut];
    files.extend(also.iter().map(|f| nfl.join(f)));
    ws.ingest_paths(&files, |_| true).await.unwrap();
}

/// Copies a CSV with a `week` column, leaving out the rows of the `missing` weeks (a failed
/// refresh, a partial file).
pub fn without_weeks(
    from: &std::path::Path,
    to: &std::path::Path,
    missing: std::ops::RangeInclusive<i32>,
) {
    let mut reader = csv::Reader::from_path(from).unwrap();
    let headers = reader.headers().unwrap().clone();
    let at = headers.iter().position(|h| h == "week").unwrap();
    let mut writer = csv::Writer::from_path(to).unwrap();
    writer.write_record(&headers).unwrap();
    for record in reader.records() {
        let record = record.unwrap();
        if record[at]
            .parse::<i32>()
            .is_ok_and(|w| !missing.contains(&w))
        {
            writer.write_record(&record).unwrap();
        }
    }
    writer.flush().unwrap();
}

/// Row counts of every table: equal snapshots mean nothing was written.
pub async fn snapshot(ws: &Workspace) -> Vec<(String, i64)> {
    let backend = database(ws).get_database_backend();
    let tables = database(ws)
        .query_all_raw(Statement::from_string(
            backend,
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' \
             ORDER BY name",
        ))
        .await
        .unwrap();
    let mut out = Vec::new();
    for table in tables {
        let table: String = table.try_get("", "name").unwrap();
        let row = database(ws)
            .query_one_raw(Statement::from_string(
                backend,
                format!("SELECT COUNT(*) AS n FROM \"{table}\""),
            ))
            .await
            .unwrap()
            .unwrap();
        out.push((table, row.try_get::<i64>("", "n").unwrap()));
    }
    assert!(out.len() > 10, "every table of the schema: {out:?}");
    out
}

/// Runs one SQL statement.
pub async fn execute(ws: &Workspace, sql: &str) {
    database(ws)
        .execute_raw(Statement::from_string(
            database(ws).get_database_backend(),
            sql,
        ))
        .await
        .unwrap();
}

/// The row count of one table in a snapshot.
pub fn rows(snapshot: &[(String, i64)], table: &str) -> i64 {
    snapshot
        .iter()
        .find(|(t, _)| t == table)
        .map(|(_, n)| *n)
        .unwrap_or_else(|| panic!("no table {table} in {snapshot:?}"))
}
