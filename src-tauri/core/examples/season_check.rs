//! Walk-forward accuracy per position on each of the seasons 2019-2022 apart (issue 25): for
//! each season, every position trained only on the weeks before each block of 4 weeks of it,
//! with everything a user can load (stats, snap counts, rosters, injury reports, depth charts),
//! next to the season-to-date average on the same rows. A gain that holds in one season only is
//! not a gain. Then the next man up and the returning starter each taken out and put back: the
//! same learner (ridge, alpha 30) walk-forward in blocks of 4 weeks with and without the three
//! `inherited_*` columns (the two `returning_*` ones), on every row and on the rows they touch (a
//! teammate of the team's last game sat and he inherits at least 2 targets, carries or
//! attempts; a teammate who missed it is back and brings at least 2 targets or carries), week 1
//! apart. Usage: season_check [DATA_DIR] (`SEASON_CHECK_ONLY=columns`: the with-and-without
//! tables alone). Used by `scripts/bench-seasons.sh`.

use nfl_dfs_core::dk::Position;
use nfl_dfs_core::projection::features::{Example, Features, OFFENSE_FEATURES};
use nfl_dfs_core::projection::history::week_key;
use nfl_dfs_core::projection::learner::{Learner, Model};
use nfl_dfs_core::projection::train::{is_relevant, train_all};
use std::time::Duration;

mod common;

#[tokio::main]
async fn main() {
    let data = common::data_dir();
    let (_dir, history) = common::loaded_history(&data).await;
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    let features = Features::new(&history);
    println!("| season | position | learner | rows | model MAE | season-to-date MAE | gain (target >= 10%) |");
    println!("|---|---|---|---|---|---|---|");
    // `SEASON_CHECK_ONLY=columns` runs the with-and-without tables alone.
    let columns_only = std::env::var("SEASON_CHECK_ONLY").as_deref() == Ok("columns");
    for season in (2019..=2022).filter(|_| !columns_only) {
        let trained = match train_all(
            &features,
            week_key(season + 1, 1),
            Duration::ZERO,
            &nfl_dfs_core::wall_clock,
            threads,
        ) {
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
    let all = features.examples(0, week_key(2023, 1));
    with_and_without(
        &all,
        "next man up: the inherited columns",
        "a teammate sat: he inherits >= 2 targets, carries or attempts",
        &columns(&[
            "inherited_targets",
            "inherited_carries",
            "inherited_attempts",
        ]),
    );
    with_and_without(
        &all,
        "returning starter: the returning columns",
        "a teammate is back: he brings >= 2 targets or carries",
        &columns(&["returning_targets", "returning_carries"]),
    );
}

/// One tested row's error with and without the next man up, what he inherits, and whether the
/// row counts in the accuracy figures (a regular: `is_relevant`).
struct Error {
    /// Actual minus projection, with the next man up.
    with: f64,
    /// Actual minus projection, without it.
    without: f64,
    /// The sum of the columns taken out (what he inherits, what returning teammates bring).
    touched: f64,
    relevant: bool,
    week_one: bool,
}

impl Error {
    fn touched(&self) -> bool {
        self.touched >= 2.0
    }
}

/// Mean absolute and mean signed error of rows, with and without the next man up.
fn summary(rows: &[&Error]) -> String {
    let n = rows.len().max(1) as f64;
    let mean = |f: &dyn Fn(&Error) -> f64| rows.iter().map(|r| f(r)).sum::<f64>() / n;
    format!(
        "{} | {:.3} | {:.3} | {:+.2} | {:+.2}",
        rows.len(),
        mean(&|r| r.with.abs()),
        mean(&|r| r.without.abs()),
        mean(&|r| r.with),
        mean(&|r| r.without)
    )
}

/// The indices of named columns in an offense row.
fn columns(names: &[&str]) -> Vec<usize> {
    names
        .iter()
        .map(|name| {
            OFFENSE_FEATURES
                .iter()
                .position(|n| n == name)
                .expect("the feature exists")
        })
        .collect()
}

/// Walk-forward MAE of one learner with and without some columns, per season and position, on
/// the regulars' rows, theirs the columns touch, and every row they touch (the backups who step
/// in are not regulars), with the touched rows by size pooled over the seasons.
fn with_and_without(all: &[Example], title: &str, touched: &str, columns: &[usize]) {
    let learner = Learner::Ridge { alpha: 30.0 };
    println!();
    println!("{title}, ridge(alpha=30) walk-forward with / without");
    println!("(error = actual - projection; touched: {touched})");
    println!("| season | position | regular rows | MAE with | MAE without | mean error with | mean error without | rows touched | MAE with | MAE without | mean error with | mean error without | week-1 rows touched | MAE with | MAE without | mean error with | mean error without |");
    println!("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|");
    let without = |x: &[f64]| -> Vec<f64> {
        x.iter()
            .enumerate()
            .filter(|(i, _)| !columns.contains(i))
            .map(|(_, v)| *v)
            .collect()
    };
    let mut pooled: Vec<(Position, Error)> = Vec::new();
    for season in 2019..=2022 {
        for position in [Position::QB, Position::RB, Position::WR, Position::TE] {
            let rows: Vec<&Example> = all.iter().filter(|e| e.position == position).collect();
            let mut errors: Vec<Error> = Vec::new();
            for from in (1..=22).step_by(4) {
                let (start, end) = (week_key(season, from), week_key(season, from + 4));
                let key = |e: &Example| week_key(e.season, e.week);
                let train: Vec<&Example> =
                    rows.iter().copied().filter(|e| key(e) < start).collect();
                let test: Vec<&Example> = rows
                    .iter()
                    .copied()
                    .filter(|e| (start..end).contains(&key(e)))
                    .collect();
                if train.len() < 50 || !test.iter().any(|e| is_relevant(e)) {
                    continue;
                }
                let y: Vec<f64> = train.iter().map(|e| e.y).collect();
                let fit = |f: &dyn Fn(&[f64]) -> Vec<f64>| {
                    let x: Vec<Vec<f64>> = train.iter().map(|e| f(&e.x)).collect();
                    let model = Model::fit(learner, &x, &y).expect("fits");
                    let rows: Vec<Vec<f64>> = test.iter().map(|e| f(&e.x)).collect();
                    model.predict(&rows).expect("predicts")
                };
                let with_all = fit(&|x| x.to_vec());
                let without_all = fit(&without);
                for ((e, a), b) in test.iter().zip(with_all).zip(without_all) {
                    errors.push(Error {
                        with: e.y - a.max(0.0),
                        without: e.y - b.max(0.0),
                        touched: columns.iter().map(|&c| e.x[c]).sum(),
                        relevant: is_relevant(e),
                        week_one: e.week == 1,
                    });
                }
            }
            let slices: [Vec<&Error>; 3] = [
                errors.iter().filter(|r| r.relevant).collect(),
                errors.iter().filter(|r| r.touched()).collect(),
                errors
                    .iter()
                    .filter(|r| r.touched() && r.week_one)
                    .collect(),
            ];
            let cells: Vec<String> = slices.iter().map(|rows| summary(rows)).collect();
            println!(
                "| {season} | {} | {} |",
                position.as_str(),
                cells.join(" | ")
            );
            pooled.extend(errors.into_iter().map(|e| (position, e)));
        }
    }
    println!();
    println!("by the columns' sum, 2019-2022 pooled: is the projection right on average?");
    println!(
        "| position | sum | rows | MAE with | MAE without | mean error with | mean error without |"
    );
    println!("|---|---|---|---|---|---|---|");
    for position in [Position::QB, Position::RB, Position::WR, Position::TE] {
        for (label, range) in [
            ("0", 0.0..0.5),
            ("0.5-2", 0.5..2.0),
            ("2-5", 2.0..5.0),
            ("5-10", 5.0..10.0),
            ("10+", 10.0..f64::INFINITY),
        ] {
            let rows: Vec<&Error> = pooled
                .iter()
                .filter(|(p, e)| *p == position && range.contains(&e.touched))
                .map(|(_, e)| e)
                .collect();
            println!("| {} | {label} | {} |", position.as_str(), summary(&rows));
        }
    }
}
