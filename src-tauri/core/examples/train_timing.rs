//! Training and projection timings and accuracy against the targets of issue 6: every position
//! trained on the real seasons in ../shared/data before 2023 (walk-forward validation on 2022,
//! trained only on earlier weeks), with the season-to-date baseline on the same rows; then the
//! time to project one slate. Usage: train_timing [DATA_DIR]. Used by `scripts/bench-models.sh`.

use nfl_dfs_core::paths::DataPaths;
use nfl_dfs_core::projection::features::Features;
use nfl_dfs_core::projection::history::{week_key, History};
use nfl_dfs_core::projection::train::train_all;
use nfl_dfs_core::Workspace;
use std::path::PathBuf;
use std::time::{Duration, Instant};

#[tokio::main]
async fn main() {
    let data = PathBuf::from(
        std::env::args()
            .nth(1)
            .unwrap_or_else(|| "../shared/data".into()),
    );
    let nfl = data.join("nflverse");
    let dir = tempfile::tempdir().expect("a temporary folder");
    let ws = Workspace::open(DataPaths::in_folder(dir.path()))
        .await
        .expect("a workspace");
    let mut files = vec![nfl.join("schedules/games.csv")];
    for season in 2018..=2022 {
        files.push(nfl.join(format!("player_stats_weekly/player_stats_{season}.csv")));
        files.push(nfl.join(format!("team_stats_weekly/stats_team_week_{season}.csv")));
    }
    ws.ingest_paths(&files, |_| true)
        .await
        .expect("real files load");
    let history = History::load(ws.db()).await.expect("history");
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    let start = Instant::now();
    let features = Features::new(&history);
    let trained =
        train_all(&features, week_key(2023, 1), Duration::ZERO, threads).expect("training");
    let seconds = start.elapsed().as_secs_f64();
    println!("trained all positions on 2018-2022 in {seconds:.1} s on {threads} threads (target <= 60 s)");
    println!("| position | learner | rows | model MAE | season-to-date MAE | gain | model corr |");
    println!("|---|---|---|---|---|---|---|");
    for t in &trained {
        let r = &t.result;
        println!(
            "| {} | {} | {} | {:.2} | {:.2} | {:.1}% | {:.3} |",
            r.position.as_str(),
            r.learner,
            r.model.rows,
            r.model.mae,
            r.season_to_date.mae,
            100.0 * (1.0 - r.model.mae / r.season_to_date.mae),
            r.model.correlation
        );
        for c in &r.candidates {
            println!("|   | {} |  | {:.3} |  |  |  |", c.learner, c.mae);
        }
    }
}
