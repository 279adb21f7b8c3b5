//! Operations timings (issue 7) on a database holding the real seasons in ../shared/data plus
//! trained models: a database backup (`VACUUM INTO`) next to a plain file copy of the same
//! database (the peer: fast, but unsafe on a live database), the models archive, verifying a
//! backup, a full restore (verify, keep the current database, swap, reopen), the
//! troubleshooter, and one monitor sample. Usage: ops_timing [DATA_DIR]. Used by
//! `scripts/bench-ops.sh`.

use nfl_dfs_core::backup::{self, BackupReason};
use nfl_dfs_core::monitor::Monitor;
use nfl_dfs_core::TrainRequest;
use std::path::Path;
use std::time::Instant;

fn ms(start: Instant) -> f64 {
    start.elapsed().as_secs_f64() * 1000.0
}

/// The best of `n` runs, milliseconds.
async fn best<F, Fut>(n: usize, mut f: F) -> f64
where
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = ()>,
{
    let mut best = f64::MAX;
    for _ in 0..n {
        let start = Instant::now();
        f().await;
        best = best.min(ms(start));
    }
    best
}

mod common;

#[tokio::main]
async fn main() {
    let (dir, ws) = common::real_seasons(&common::data_dir()).await;
    let paths = ws.paths().clone();
    ws.train(&TrainRequest {
        until: None,
        search_seconds: 0,
        trigger: "manual".into(),
    })
    .await
    .expect("training");
    let db_file = paths.database_file.clone().expect("a file database");
    let mb = |p: &Path| std::fs::metadata(p).map_or(0.0, |m| m.len() as f64 / 1_048_576.0);
    let mut wal = db_file.as_os_str().to_owned();
    wal.push("-wal");
    println!(
        "database: file {:.1} MB + write-ahead log {:.1} MB (five seasons of stats, schedules, one training run)",
        mb(&db_file),
        mb(Path::new(&wal))
    );

    let backups = paths.backups_dir();
    let snapshot = best(5, || async {
        nfl_dfs_core::test_support::snapshot_database(&ws, &backups)
            .await
            .expect("backup");
    })
    .await;
    let copy_to = dir.path().join("copy.sqlite");
    let copy = best(5, || async {
        std::fs::copy(&db_file, &copy_to).expect("copy");
    })
    .await;
    println!(
        "| database backup (VACUUM INTO) | {snapshot:.0} ms | file copy (peer, unsafe live) {copy:.0} ms | ratio {:.2} |",
        snapshot / copy
    );
    let models = best(5, || async {
        backup::archive_models(
            &paths.models_dir(),
            &backups,
            BackupReason::Manual,
            chrono::Utc::now(),
        )
        .expect("archive");
    })
    .await;
    println!("| models archive (.tar.gz) | {models:.0} ms |");
    let newest = ws
        .backups()
        .expect("list")
        .into_iter()
        .find(|b| b.kind == backup::BackupKind::Database)
        .expect("a backup");
    println!(
        "backup file: {:.1} MB (a file copy of the live database misses what is still in the log)",
        newest.bytes as f64 / 1_048_576.0
    );
    let verify = best(5, || async {
        backup::verify_database(Path::new(&newest.path))
            .await
            .expect("verifies");
    })
    .await;
    println!("| verify a backup (integrity_check + schema) | {verify:.0} ms |");
    let start = Instant::now();
    let (ws, _) = ws.restore(Path::new(&newest.path)).await.expect("restore");
    println!(
        "| restore (verify, keep current, swap, reopen) | {:.0} ms |",
        ms(start)
    );
    let doctor = best(3, || async {
        ws.doctor().await.expect("doctor");
    })
    .await;
    println!("| troubleshooter (all checks) | {doctor:.0} ms |");
    let monitor = Monitor::default();
    let sample = best(5, || async {
        monitor.sample(dir.path());
    })
    .await;
    println!("| one monitor sample (sysinfo) | {sample:.1} ms |");
    let watch = best(5, || async {
        ws.watch(&monitor, Some(5.5)).await.expect("watch");
    })
    .await;
    println!("| one monitor look (sample + alerts) | {watch:.1} ms |");
    let start = Instant::now();
    for i in 0..100_000 {
        monitor.record(
            if i % 2 == 0 { "health" } else { "optimize" },
            std::time::Duration::from_millis(i % 40),
        );
    }
    println!(
        "| record a command time | {:.2} us |",
        ms(start) * 1000.0 / 100_000.0
    );
}
