//! Walk-forward accuracy per position on each of the seasons 2019-2022 apart (issue 25): for
//! each season, every position trained only on the weeks before each block of 4 weeks of it,
//! with everything a user can load (stats, snap counts, rosters, injury reports, depth charts),
//! next to the season-to-date average on the same rows. A gain that holds in one season only is
//! not a gain. Usage: season_check [DATA_DIR]. Used by `scripts/bench-seasons.sh`.

use nfl_dfs_core::projection::features::Features;
use nfl_dfs_core::projection::history::week_key;
use nfl_dfs_core::projection::train::train_all;
use std::time::Duration;

mod common;

#[tokio::main]
async fn main() {
    let data = common::data_dir();
    let (_dir, ws) = common::full_history(&data, None).await;
    let history = nfl_dfs_core::store::history::load(ws.db())
        .await
        .expect("history");
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    let features = Features::new(&history);
    println!("| season | position | learner | rows | model MAE | season-to-date MAE | gain (target >= 10%) |");
    println!("|---|---|---|---|---|---|---|");
    for season in 2019..=2022 {
        let trained = match train_all(&features, week_key(season + 1, 1), Duration::ZERO, threads) {
            Ok(trained) => trained,
            Err(e) => {
                println!("| {season} | skipped: {e} | | | | | |");
                continue;
            }
        };
        let (mut model, mut baseline, mut rows) = (0.0, 0.0, 0usize);
        for t in &trained {
            let r = &t.result;
            println!(
                "| {season} | {} | {} | {} | {:.3} | {:.3} | {:.1}% |",
                r.position.as_str(),
                r.learner,
                r.model.rows,
                r.model.mae,
                r.season_to_date.mae,
                100.0 * (1.0 - r.model.mae / r.season_to_date.mae)
            );
            model += r.model.mae * f64::from(r.model.rows);
            baseline += r.season_to_date.mae * f64::from(r.model.rows);
            rows += r.model.rows as usize;
        }
        println!(
            "| {season} | all (rows weighted) | | {rows} | {:.3} | {:.3} | {:.1}% |",
            model / rows.max(1) as f64,
            baseline / rows.max(1) as f64,
            100.0 * (1.0 - model / baseline.max(f64::MIN_POSITIVE))
        );
    }
}
