//! Training and projection timings and accuracy against the targets of issue 6: every position
//! trained on the real seasons in ../shared/data before 2023 (walk-forward validation on 2022,
//! trained only on earlier weeks), with the season-to-date baseline on the same rows; then, for
//! every real slate with results, models trained only on the weeks before it, the slate's
//! projection time and its backtest. Usage: train_timing [DATA_DIR]. Used by
//! `scripts/bench-models.sh`.

use nfl_dfs_core::contest::simulate::Marginal;
use nfl_dfs_core::projection::features::Features;
use nfl_dfs_core::projection::history::week_key;
use nfl_dfs_core::projection::train::POSITIONS;
use nfl_dfs_core::projection::train::{train_all, Trained};
use nfl_dfs_core::TrainRequest;
use std::time::{Duration, Instant};

mod common;

#[tokio::main]
async fn main() {
    let data = common::data_dir();
    let (_dir, ws) = common::real_seasons(&data).await;
    let history =
        nfl_dfs_core::test_support::load_history(nfl_dfs_core::test_support::database(&ws))
            .await
            .expect("history");
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    let features = Features::new(&history);
    let start = Instant::now();
    let trained_2021 = train_all(
        &features,
        week_key(2022, 1),
        Duration::ZERO,
        &nfl_dfs_core::wall_clock,
        threads,
    )
    .expect("training");
    println!(
        "trained all positions on 2018-2021 in {:.1} s",
        start.elapsed().as_secs_f64()
    );
    let start = Instant::now();
    let trained = train_all(
        &features,
        week_key(2023, 1),
        Duration::ZERO,
        &nfl_dfs_core::wall_clock,
        threads,
    )
    .expect("training");
    let seconds = start.elapsed().as_secs_f64();
    println!("trained all positions on 2018-2022 in {seconds:.1} s on {threads} threads (target <= 60 s)");
    for (label, runs) in [("2021", &trained_2021), ("2022", &trained)] {
        accuracy(label, runs);
    }
    calibration(&trained_2021, &trained);
    println!();
    println!("| slate | players | projection time | projection MAE | AvgPointsPerGame MAE | app lineup | AvgPointsPerGame lineup | hindsight lineup |");
    println!("|---|---|---|---|---|---|---|---|");
    let slates = common::SLATES_WITH_POINTS;
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

/// Walk-forward MAE per position on a season next to the season-to-date average.
fn accuracy(season: &str, trained: &[Trained]) {
    println!();
    println!(
        "walk-forward accuracy on {season} (each block of 4 weeks trained on the weeks before it)"
    );
    println!("| position | learner | rows | model MAE | season-to-date MAE | gain (target >= 10%) | model corr |");
    println!("|---|---|---|---|---|---|---|");
    for t in trained {
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
    }
}

/// Calibration of the ranges on 2022: each position's spread model fitted on the 2021
/// walk-forward residuals, applied to the 2022 walk-forward predictions (models trained only on
/// the weeks before each block): the share of actual scores inside the 15th-85th (target 70%)
/// and 5th-95th (target 90%) percentiles, overall and by tercile of projection, on the rows the
/// accuracy is measured on; the mean actual score next to the mean projection and the mean of
/// the distribution the contest simulator draws from; and, over the games beyond the 95th
/// percentile, how far beyond it they went next to how far the simulator's tail goes.
fn calibration(fitted: &[Trained], tested: &[Trained]) {
    println!();
    println!("calibration on 2022 (ranges fitted on 2021's residuals): share inside [p15, p85] / [p5, p95]");
    println!("| position | rows | overall | low third | middle third | high third | mean p85-p15 width | width spread (sd) | MAE mean / median / season-to-date | mean actual / projection / simulated | beyond p95: games, mean excess actual / simulated |");
    println!("|---|---|---|---|---|---|---|---|---|---|---|");
    let mut all: Vec<Checked> = Vec::new();
    for t in tested {
        let Some(fit) = fitted
            .iter()
            .find(|f| f.result.position == t.result.position)
        else {
            continue;
        };
        let spread = fit.result.spread_model();
        let position = t.result.position;
        let rows: Vec<Checked> = t
            .validated
            .iter()
            .filter(|v| v.relevant)
            .map(|v| Checked {
                marginal: Marginal::new(position, spread.quantiles(&v.inputs), 1.0),
                actual: v.actual,
                projection: v.inputs.projection,
                season_avg: v.season_avg.unwrap_or(0.0),
            })
            .collect();
        print_row(position.as_str(), &rows);
        all.extend(rows);
    }
    print_row("all", &all);
}

/// One validated row: the simulator's distribution of it, the actual score, the projection and
/// the season-to-date average.
struct Checked {
    marginal: Marginal,
    actual: f64,
    projection: f64,
    season_avg: f64,
}

fn print_row(label: &str, rows: &[Checked]) {
    let q = |r: &Checked| r.marginal.quantiles;
    let share = |rows: &[&Checked]| {
        let n = rows.len().max(1) as f64;
        let mid = rows
            .iter()
            .filter(|r| (q(r).p15..=q(r).p85).contains(&r.actual))
            .count() as f64;
        let outer = rows
            .iter()
            .filter(|r| (q(r).p05..=q(r).p95).contains(&r.actual))
            .count() as f64;
        format!("{:.1}% / {:.1}%", 100.0 * mid / n, 100.0 * outer / n)
    };
    let mut sorted: Vec<&Checked> = rows.iter().collect();
    sorted.sort_by(|a, b| a.projection.total_cmp(&b.projection));
    let third = sorted.len() / 3;
    let widths: Vec<f64> = rows.iter().map(|r| q(r).p85 - q(r).p15).collect();
    let mean = widths.iter().sum::<f64>() / widths.len().max(1) as f64;
    let sd = nfl_dfs_core::projection::distribution::std_dev(&widths);
    let average = |rows: &[&Checked], f: &dyn Fn(&Checked) -> f64| {
        rows.iter().map(|r| f(r)).sum::<f64>() / rows.len().max(1) as f64
    };
    let mae = |f: fn(&Checked) -> f64| average(&sorted, &|r| (f(r) - r.actual).abs());
    // The simulator's mean excess over the 95th percentile is its exponential tail's scale.
    let beyond: Vec<&Checked> = rows.iter().filter(|r| r.actual > q(r).p95).collect();
    let tail = |r: &Checked| r.marginal.tail * (q(r).p95 - q(r).p85).max(0.0) / 3f64.ln();
    println!(
        "| {label} | {} | {} | {} | {} | {} | {mean:.1} | {sd:.1} | {:.2} / {:.2} / {:.2} | {:.2} / {:.2} / {:.2} | {}, {:.2} / {:.2} |",
        rows.len(),
        share(&sorted),
        share(&sorted[..third]),
        share(&sorted[third..2 * third]),
        share(&sorted[2 * third..]),
        mae(|r| r.projection),
        mae(|r| r.marginal.quantiles.p50),
        mae(|r| r.season_avg),
        average(&sorted, &|r| r.actual),
        average(&sorted, &|r| r.projection),
        average(&sorted, &|r| r.marginal.mean_if_plays()),
        beyond.len(),
        average(&beyond, &|r| r.actual - q(r).p95),
        average(&beyond, &tail),
    );
}
