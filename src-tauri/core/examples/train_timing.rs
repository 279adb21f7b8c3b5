//! Training and projection timings and accuracy against the targets of issue 6: every position
//! trained on the real seasons in ../shared/data before 2023 (walk-forward validation on 2022,
//! trained only on earlier weeks), with the season-to-date baseline on the same rows; then, for
//! every real slate with results, models trained only on the weeks before it, the slate's
//! projection time and its backtest. Usage: train_timing [DATA_DIR]. Used by
//! `scripts/bench-models.sh`.

use nfl_dfs_core::projection::features::Features;
use nfl_dfs_core::projection::history::week_key;
use nfl_dfs_core::projection::train::train_all;
use nfl_dfs_core::projection::train::POSITIONS;
use nfl_dfs_core::TrainRequest;
use std::time::{Duration, Instant};

mod common;

#[tokio::main]
async fn main() {
    let data = common::data_dir();
    let (_dir, ws) = common::real_seasons(&data).await;
    let history = nfl_dfs_core::store::history::load(ws.db())
        .await
        .expect("history");
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

    println!();
    println!("| slate | players | projection time | projection MAE | AvgPointsPerGame MAE | app lineup | AvgPointsPerGame lineup | hindsight lineup |");
    println!("|---|---|---|---|---|---|---|---|");
    let slates = [
        ("2018_w05_sun_10-07_main.csv", 2018, 5),
        ("2018_w10_sun_11-11.csv", 2018, 10),
        ("2018_w11_sun_11-18.csv", 2018, 11),
        ("2019_w01_thu-mon_09-05_09-09.csv", 2019, 1),
        ("2019_w03_sun_09-22.csv", 2019, 3),
        ("2020_w10_sun_11-15.csv", 2020, 10),
        ("2020_w16_sun_12-27.csv", 2020, 16),
        ("2021_w05_sun_10-10.csv", 2021, 5),
        ("2022_w01_sun_09-11.csv", 2022, 1),
    ];
    for (file, season, week) in slates {
        let run = match ws
            .train(&TrainRequest {
                until: Some((season, week)),
                search_seconds: 0,
                trigger: "backtest".into(),
            })
            .await
        {
            Ok(run) => run,
            Err(e) => {
                println!("| {file} | skipped: {e} | | | | | | |");
                continue;
            }
        };
        for position in POSITIONS {
            ws.deploy_model(position, &run.version)
                .await
                .expect("deploy");
        }
        let slate = ws
            .import_slate_file(&data.join("dk_salaries").join(file), None)
            .await
            .expect("the slate imports");
        let mut times = Vec::new();
        for _ in 0..5 {
            times.push(
                ws.project_slate(slate.slate.id)
                    .await
                    .expect("projection")
                    .seconds,
            );
        }
        times.sort_by(f64::total_cmp);
        let b = ws.backtest(slate.slate.id).await.expect("backtest");
        println!(
            "| {file} | {} | {:.0} ms | {:.2} | {:.2} | {:.1} | {:.1} | {:.1} |",
            b.players.len(),
            times[2] * 1000.0,
            b.projection.mae,
            b.average.mae,
            b.app_lineup.actual,
            b.average_lineup.actual,
            b.hindsight_lineup.actual
        );
    }
}
