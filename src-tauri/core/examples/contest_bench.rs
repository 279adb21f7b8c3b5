//! Contest simulation against the targets of issue 17, on the real data in ../shared/data:
//! - correlations by role pair estimated on 2018-2021 next to the held-back 2022 estimate, and
//!   the simulator's draws measured against the matrix they were drawn from;
//! - the game environment: the correlations of games split by total and by spread, against
//!   a split by week parity that shows the noise;
//! - ownership error (leave one slate out) on the shared standings with %Drafted, next to the
//!   plain baseline (ownership proportional to value within position);
//! - the field's edge on every real contest: the real cash line over the sampled field's on
//!   the same (real) points, by contest and by slate;
//! - every real contest with its salary file (everything a user can load: stats, schedules,
//!   snap counts, rosters, injury reports, depth charts): the pick's and the
//!   highest-projected lineup's actual rank and percentile, with models trained only on the
//!   weeks before it and the field's edge measured on the other slates;
//! - decisions: the pick chosen on one simulation and scored on an independent one, against
//!   the highest-projected lineup, per contest;
//! - the track record over those contests: P(cash) against what happened, Brier scores;
//! - every shared slate with real points, season by season: a double-up's pick made with the
//!   app's own error simulated (the truth between the app and the market) and as if the
//!   projections were exact, each pick's real points and where they fell in its simulated
//!   distribution;
//! - speed: 10,000 slates x 1,000 candidates x a 2,272-entry field, and the memory peak.
//!
//! Usage: contest_bench [DATA_DIR]. `CONTEST_BENCH_ONLY=slates` runs the every-slate table
//! alone (`CONTEST_BENCH_SEED` sets its picks' seed), `CONTEST_BENCH_ONLY=edges` the
//! field's edge on every real contest, `CONTEST_BENCH_ONLY=ownership` the ownership error
//! alone (`OWNERSHIP_DUMP=DIR` also writes each slate's players, their numbers and real
//! ownership to `DIR/<salary file>.tsv`, for study; `OWNERSHIP_WHO_PLAYED=1` first marks every
//! player playing or out by what happened, the news of the hour before lock). With `WRITE_DEFAULTS=1` it also writes the shipped
//! correlations (fitted on 2018-2022) and ownership model (fitted on every standings file).
//! Used by `scripts/bench-contests.sh`.

use nfl_dfs_core::contest::ownership::{self, OwnershipModel, OwnershipPlayer, FLEX_SHARES};
use nfl_dfs_core::contest::simulate::correlations::{fit, ROLE_NAMES};
use nfl_dfs_core::contest::simulate::{
    field_edge, Correlations, Marginal, SimPlayer, Simulator, TEAM_ROLES,
};
use nfl_dfs_core::contest::ContestType;
use nfl_dfs_core::dk::Position;
use nfl_dfs_core::projection::distribution::Quantiles;
use nfl_dfs_core::projection::history::week_key;
use nfl_dfs_core::projection::train::POSITIONS;
use nfl_dfs_core::settings::SettingValue;
use nfl_dfs_core::test_support::database;
use nfl_dfs_core::{NewContest, PickRequest, TrainRequest, Workspace};
use std::collections::HashMap;
use std::path::Path;
use std::time::Instant;

mod common;

/// Role pairs the reference measured, and a few more.
const PAIRS: [(usize, usize); 14] = [
    (0, 3),
    (0, 4),
    (0, 5),
    (0, 6),
    (0, 1),
    (3, 4),
    (1, 3),
    (1, 2),
    (0, 8),
    (0, 11),
    (1, 9),
    (7, 8),
    (7, 9),
    (0, 7),
];

#[tokio::main]
async fn main() {
    let data = common::data_dir();
    if std::env::var("CONTEST_BENCH_ONLY").as_deref() == Ok("slates") {
        slates_table(&data).await;
        return;
    }
    let (dir, ws) = common::full_history(&data, common::LeftOut::NONE).await;
    if std::env::var("CONTEST_BENCH_ONLY").as_deref() == Ok("edges") {
        field_edges(&ws, &data).await;
        return;
    }
    if std::env::var("CONTEST_BENCH_ONLY").as_deref() == Ok("ownership") {
        let mut samples = Vec::new();
        for slate in &REAL_SLATES {
            let (slate_id, _) = set_up(&ws, &data, slate).await;
            samples.push(ownership_sample(&ws, slate_id, slate.salary).await);
        }
        ownership_errors(&samples);
        return;
    }
    let history = nfl_dfs_core::test_support::load_history(database(&ws))
        .await
        .expect("history");
    correlations(&history);
    environments(&history);
    if std::env::var_os("WRITE_DEFAULTS").is_some() {
        let all = fit(&history, week_key(2018, 1), week_key(2023, 1));
        let path = Path::new("src-tauri/domain/src/contest/simulate/correlations_default.json");
        std::fs::write(path, serde_json::to_string(&all).expect("json")).expect("write");
        println!("wrote {} ({} team games)", path.display(), all.samples);
    }
    // The field's edge, measured first in a workspace of its own, so that each slate's picks
    // below are made with the edge of the other slates only.
    let edges = {
        let (_edge_dir, edge_ws) = common::full_history(&data, common::LeftOut::NONE).await;
        field_edges(&edge_ws, &data).await
    };
    let mut samples: Vec<(String, Vec<OwnershipPlayer>, Vec<f64>)> = Vec::new();
    println!("\n## Real contests (models trained only on the weeks before)");
    for slate in &REAL_SLATES {
        let (slate_id, contests) = set_up(&ws, &data, slate).await;
        let (edge, measured_on) = leave_one_out(&edges, slate);
        ws.set_setting(slate.edge_setting(), SettingValue::Integer(edge))
            .await
            .expect("the edge setting");
        println!(
            "\n### {} week {}: the field's edge {edge}% (measured on {measured_on})\n",
            slate.season, slate.week
        );
        for contest in &contests {
            println!("| contest | entries (listed) | cash line | lineup | points | rank | percentile | cashed |");
            println!("|---|---|---|---|---|---|---|---|");
            match ws
                .contest_backtest(&PickRequest {
                    contest_id: contest.id,
                    ..PickRequest::default()
                })
                .await
            {
                Ok(b) => backtest_rows(&b),
                Err(e) => println!("| {} | skipped: {e} | | | | | | |", contest.name),
            }
            field_strength(&ws, contest.id).await;
            decisions(&ws, contest.id, slate_id).await;
            // Stored as made (models trained only on the weeks before), for the track record.
            ws.pick(
                &PickRequest {
                    contest_id: contest.id,
                    out: Some(
                        dir.path()
                            .join(format!("pick-{}.csv", contest.id))
                            .display()
                            .to_string(),
                    ),
                    ..PickRequest::default()
                },
                |_, _, _| true,
            )
            .await
            .expect("the pick is stored");
        }
        samples.push(ownership_sample(&ws, slate_id, slate.salary).await);
    }
    for (key, shipped) in [
        ("field_edge_pct", field_edge::CASH_GAME_PERCENT),
        ("tournament_field_edge_pct", field_edge::TOURNAMENT_PERCENT),
    ] {
        ws.set_setting(key, SettingValue::Integer(shipped))
            .await
            .expect("the edge setting");
    }
    track_record(&ws).await;
    ownership_errors(&samples);
    speed(&ws).await;
    slates_table(&data).await;
}

/// Every shared slate with real points (a fresh workspace with everything a user can load):
/// models trained on the weeks before, a 2,272-entry $50 double-up on the slate, its pick made
/// twice: with the app's own error in the simulation (the default) and as if the projections
/// were exact. Per pick: its real points, the highest-projected lineup's, the predicted
/// P(cash) and range, and the share of its simulated scores below the real one (calibrated
/// picks average 0.5 and fall below their 10th percentile one time in ten).
async fn slates_table(data: &Path) {
    let (_dir, ws) = common::full_history(data, common::LeftOut::NONE).await;
    let salaries = data.join("dk_salaries");
    println!("\n## Every slate: the pick with the app's error simulated, and as if the projections were exact\n");
    println!("| slate | simulation | pick projected | simulated mean | P(cash) (range) | real points | below its real points | highest projected: real points |");
    println!("|---|---|---|---|---|---|---|---|");
    // `CONTEST_BENCH_SEED` picks with another seed, to see which picks are near ties.
    let seed: u64 = std::env::var("CONTEST_BENCH_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(PickRequest::default().seed);
    println!("pick seed {seed}\n");
    // (exact?) -> (points, share below, below p10, above p90, picks)
    let mut sums: HashMap<bool, (f64, f64, u32, u32, u32)> = HashMap::new();
    let mut by_season: HashMap<(i32, bool), (f64, u32)> = HashMap::new();
    for (file, season, week) in common::SLATES_WITH_POINTS {
        let slate_id = train_and_import(&ws, &salaries.join(file), season, week).await;
        let actual = common::actual_points(&ws, slate_id).await;
        let contest = double_up(&ws, slate_id, format!("{file} double-up")).await;
        for exact in [false, true] {
            let report = match ws
                .pick(
                    &PickRequest {
                        contest_id: contest.id,
                        exact_projections: exact,
                        seed,
                        ..PickRequest::default()
                    },
                    |_, _, _| true,
                )
                .await
            {
                Ok(r) => r,
                Err(e) => {
                    println!("| {file} | skipped: {e} | | | | | | |");
                    break;
                }
            };
            let real = |l: &nfl_dfs_core::LineupOutcome| -> f64 {
                l.players
                    .iter()
                    .map(|p| {
                        actual
                            .get(&p.player.slate_player_id)
                            .copied()
                            .unwrap_or(0.0)
                    })
                    .sum()
            };
            let points = real(&report.pick);
            let below = histogram_share_below(&report.pick.histogram, points);
            let o = &report.pick.outcome;
            println!(
                "| {file} | {} | {:.1} | {:.1} | {:.1}% ({:.0}-{:.0}%) | {points:.1} | {below:.2} | {:.1} |",
                if exact { "exact projections" } else { "the app's error" },
                report.pick.projection,
                o.mean,
                100.0 * o.p_cash,
                100.0 * o.p_cash_low,
                100.0 * o.p_cash_high,
                real(&report.max_projection)
            );
            if !exact {
                field_strength(&ws, contest.id).await;
            }
            let e = sums.entry(exact).or_default();
            e.0 += points;
            e.1 += below;
            e.2 += u32::from(below < 0.1);
            e.3 += u32::from(below > 0.9);
            e.4 += 1;
            let s = by_season.entry((season, exact)).or_default();
            s.0 += points;
            s.1 += 1;
        }
    }
    for exact in [false, true] {
        let Some(&(points, below, low, high, n)) = sums.get(&exact) else {
            continue;
        };
        let seasons: Vec<String> = (2018..=2022)
            .filter_map(|season| {
                let (p, k) = by_season.get(&(season, exact))?;
                Some(format!("{season} {:.1}", p / f64::from(*k)))
            })
            .collect();
        println!(
            "\n{}: {n} picks, mean real points {:.1} (by season: {}); mean share of simulated scores below the real one {:.2} (calibrated: 0.50); below the 10th percentile {low}, above the 90th {high} (calibrated: {:.1} each)",
            if exact { "as if the projections were exact" } else { "with the app's error simulated" },
            points / f64::from(n),
            seasons.join(", "),
            below / f64::from(n),
            f64::from(n) / 10.0
        );
    }
}

/// The share of a simulated score histogram below `points` (linear within its bin).
fn histogram_share_below(histogram: &[u32], points: f64) -> f64 {
    use nfl_dfs_core::contest::pick::{BIN_POINTS, HISTOGRAM_FROM};
    let total: f64 = histogram.iter().map(|&c| f64::from(c)).sum();
    if total <= 0.0 {
        return 0.5;
    }
    let position = ((points - HISTOGRAM_FROM) / BIN_POINTS).max(0.0);
    let whole = (position.floor() as usize).min(histogram.len());
    let below: f64 = histogram[..whole].iter().map(|&c| f64::from(c)).sum();
    let part = histogram
        .get(whole)
        .map_or(0.0, |&c| f64::from(c) * (position - position.floor()));
    (below + part) / total
}

/// A $50 double-up of 2,272 entries on a slate, DraftKings' preset payouts.
async fn double_up(ws: &Workspace, slate_id: i32, name: String) -> nfl_dfs_core::contest::Contest {
    ws.add_contest(&NewContest {
        slate_id,
        name: Some(name),
        contest_type: ContestType::DoubleUp,
        entries: 2272,
        entry_fee: 50.0,
        payouts_file: None,
        payouts: None,
        dk_contest_id: None,
        places_paid: None,
        games: Vec::new(),
    })
    .await
    .expect("contest")
}

/// Trains on the weeks before (season, week), deploys, imports the salary file. Where the
/// weeks before are too few to train on (2018, the first loaded season), nothing is in
/// production yet and the slate is projected from DraftKings' averages, as a new user's is.
async fn train_and_import(ws: &Workspace, salary: &Path, season: i32, week: i32) -> i32 {
    match ws
        .train(&TrainRequest {
            until: Some((season, week)),
            search_seconds: 0,
            trigger: "backtest".into(),
        })
        .await
    {
        Ok(run) => {
            for position in POSITIONS {
                ws.deploy_model(position, &run.version).await.expect("deploy");
            }
        }
        Err(e) => println!(
            "| {season} week {week}: no models ({e}); projections from DraftKings' averages | | | | | | | |"
        ),
    }
    ws.import_slate_file(salary, None)
        .await
        .expect("the slate imports")
        .slate
        .id
}

fn correlations(history: &nfl_dfs_core::projection::history::History) {
    let fitted = fit(history, week_key(2018, 1), week_key(2022, 1));
    let held = fit(history, week_key(2022, 1), week_key(2023, 1));
    println!("## Correlations (normal scale) by role pair\n");
    println!(
        "fitted on 2018-2021: {} team games (shrinkage {:.2}); held back 2022: {} team games\n",
        fitted.samples, fitted.shrinkage, held.samples
    );
    let simulated = simulated_correlations(&fitted);
    println!("| pair | 2018-2021 | 2022 held back | difference | simulated (from 2018-2021) |");
    println!("|---|---|---|---|---|");
    let mut within = 0;
    for &(a, b) in &PAIRS {
        let (f, h) = (fitted.get(a, b), held.get(a, b));
        within += usize::from((f - h).abs() <= 0.05);
        println!(
            "| {} | {f:.3} | {h:.3} | {:+.3} | {:.3} |",
            Correlations::pair_name(a, b),
            h - f,
            simulated[&(a, b)]
        );
    }
    let mut all_within = 0;
    let mut all = 0;
    let mut worst: f64 = 0.0;
    for a in 0..2 * TEAM_ROLES {
        for b in (a + 1)..2 * TEAM_ROLES {
            let d = (fitted.get(a, b) - held.get(a, b)).abs();
            all += 1;
            all_within += usize::from(d <= 0.05);
            worst = worst.max(d);
        }
    }
    println!(
        "\n{within} of {} listed pairs and {all_within} of {all} pairs in all are within 0.05 of the held-back estimate (largest gap {worst:.3})",
        PAIRS.len()
    );
    // What a season's worth of games allows: the same comparison one season earlier, and
    // between two halves of the same seasons that cannot differ but by chance.
    let within = |a: &Correlations, b: &Correlations| {
        let mut n = 0;
        for i in 0..2 * TEAM_ROLES {
            for j in (i + 1)..2 * TEAM_ROLES {
                n += usize::from((a.get(i, j) - b.get(i, j)).abs() <= 0.05);
            }
        }
        n
    };
    let earlier = fit(history, week_key(2018, 1), week_key(2021, 1));
    let season_2021 = fit(history, week_key(2021, 1), week_key(2022, 1));
    let halves = |parity: i32| {
        let mut h = history.clone();
        h.games.retain(|g| g.week % 2 == parity);
        fit(&h, week_key(2018, 1), week_key(2022, 1))
    };
    let (even, odd) = (halves(0), halves(1));
    println!(
        "sampling noise: 2021 held back against 2018-2020 ({} team games): {} of {all} within 0.05; even against odd weeks of 2018-2021 ({} / {} team games): {} of {all}",
        season_2021.samples,
        within(&earlier, &season_2021),
        even.samples,
        odd.samples,
        within(&even, &odd)
    );
}

/// Whether a game's environment (its total and spread) changes how its players move together:
/// the 2018-2022 estimate on games split by total and by spread, against a split that cannot
/// matter (even and odd weeks), which shows the noise of estimates of that size.
fn environments(history: &nfl_dfs_core::projection::history::History) {
    type Split<'a> = (
        &'a str,
        Box<dyn Fn(&nfl_dfs_core::projection::history::Game) -> bool>,
    );
    let on = |keep: &dyn Fn(&nfl_dfs_core::projection::history::Game) -> bool| {
        let mut h = history.clone();
        h.games.retain(|g| keep(g));
        fit(&h, week_key(2018, 1), week_key(2023, 1))
    };
    let splits: [(Split, Split); 3] = [
        (
            (
                "total above 44",
                Box::new(|g| g.total_line.is_some_and(|t| t > 44.0)),
            ),
            (
                "total 44 or less",
                Box::new(|g| g.total_line.is_some_and(|t| t <= 44.0)),
            ),
        ),
        (
            (
                "spread under 4",
                Box::new(|g| g.spread_line.is_some_and(|s| s.abs() < 4.0)),
            ),
            (
                "spread 7 or more",
                Box::new(|g| g.spread_line.is_some_and(|s| s.abs() >= 7.0)),
            ),
        ),
        (
            ("even weeks", Box::new(|g| g.week % 2 == 0)),
            ("odd weeks", Box::new(|g| g.week % 2 == 1)),
        ),
    ];
    println!("\n## Game environment: correlations of games split by total and spread\n");
    println!("| split | team games | QB-WR1 | QB-TE1 | QB-opp QB | DST-opp QB | mean gap over all pairs | pairs apart by > 0.1 |");
    println!("|---|---|---|---|---|---|---|---|");
    for ((a_name, a_keep), (b_name, b_keep)) in splits {
        let (a, b) = (on(&*a_keep), on(&*b_keep));
        let mut gaps = Vec::new();
        for i in 0..2 * TEAM_ROLES {
            for j in (i + 1)..2 * TEAM_ROLES {
                gaps.push((a.get(i, j) - b.get(i, j)).abs());
            }
        }
        let pairs = |c: &Correlations| {
            [(0, 3), (0, 6), (0, 8), (7, 8)].map(|(i, j)| format!("{:+.3}", c.get(i, j)))
        };
        let (pa, pb) = (pairs(&a), pairs(&b));
        let both: Vec<String> = pa
            .iter()
            .zip(&pb)
            .map(|(x, y)| format!("{x} / {y}"))
            .collect();
        println!(
            "| {a_name} / {b_name} | {} / {} | {} | {:.3} | {} of {} |",
            a.samples,
            b.samples,
            both.join(" | "),
            gaps.iter().sum::<f64>() / gaps.len() as f64,
            gaps.iter().filter(|g| **g > 0.1).count(),
            gaps.len()
        );
    }
}

/// The correlations of simulated draws of one game (Spearman's, mapped to the normal scale as
/// the estimate is), for the listed pairs.
fn simulated_correlations(c: &Correlations) -> HashMap<(usize, usize), f64> {
    let mut players = Vec::new();
    for (team, opponent) in [("AAA", "BBB"), ("BBB", "AAA")] {
        for (k, role) in ROLE_NAMES.iter().enumerate() {
            let position = match &role[..2] {
                "QB" => Position::QB,
                "RB" => Position::RB,
                "WR" => Position::WR,
                "TE" => Position::TE,
                _ => Position::DST,
            };
            let mean = 20.0 - k as f64;
            players.push(SimPlayer {
                position,
                team: team.into(),
                opponent: Some(opponent.into()),
                if_plays: mean,
                marginal: Marginal::new(
                    position,
                    Quantiles::from_array([0.2, 0.5, 1.0, 1.6, 2.1].map(|r| r * mean)),
                    1.0,
                ),
                anchor: None,
            });
        }
    }
    let sim = Simulator::new(&players, c).expect("simulator");
    let n = 50_000;
    let mut draws = vec![Vec::with_capacity(n); players.len()];
    let mut scratch = Vec::new();
    let mut points = vec![0.0; players.len()];
    for i in 0..n {
        sim.draw(&mut Simulator::rng(11, i as u64), &mut scratch, &mut points);
        for (d, v) in draws.iter_mut().zip(&points) {
            d.push(*v);
        }
    }
    let ranks: Vec<Vec<f64>> = draws.iter().map(|d| rank(d)).collect();
    PAIRS
        .iter()
        .map(|&(a, b)| {
            let rho = pearson(&ranks[a], &ranks[b]);
            ((a, b), 2.0 * (std::f64::consts::PI * rho / 6.0).sin())
        })
        .collect()
}

fn rank(v: &[f64]) -> Vec<f64> {
    let mut idx: Vec<usize> = (0..v.len()).collect();
    idx.sort_by(|&a, &b| v[a].total_cmp(&v[b]));
    let mut out = vec![0.0; v.len()];
    let mut i = 0;
    while i < idx.len() {
        let mut j = i;
        while j + 1 < idx.len() && v[idx[j + 1]] == v[idx[i]] {
            j += 1;
        }
        for &k in &idx[i..=j] {
            out[k] = (i + j) as f64 / 2.0;
        }
        i = j + 1;
    }
    out
}

fn pearson(x: &[f64], y: &[f64]) -> f64 {
    let n = x.len() as f64;
    let (mx, my) = (x.iter().sum::<f64>() / n, y.iter().sum::<f64>() / n);
    let sxy: f64 = x.iter().zip(y).map(|(a, b)| (a - mx) * (b - my)).sum();
    let sxx: f64 = x.iter().map(|a| (a - mx).powi(2)).sum();
    let syy: f64 = y.iter().map(|b| (b - my).powi(2)).sum();
    sxy / (sxx * syy).sqrt()
}

/// The simulated field beside the real one (where the slate's standings are imported), both
/// measured by the app's projections.
async fn field_strength(ws: &Workspace, contest_id: i32) {
    let check = ws
        .field_check(&nfl_dfs_core::FieldRequest {
            contest_id,
            ..Default::default()
        })
        .await
        .expect("field check");
    println!("\n{}: the field, simulated and real\n", check.contest.name);
    println!("| field | lineups | projected 10th/50th/90th (mean) | salary median | $49,500+ | QB stacked | bring-back | points 10th/50th/90th |");
    println!("|---|---|---|---|---|---|---|---|");
    let row = |label: &str, f: &nfl_dfs_core::contest::field_shape::FieldShape, points: String| {
        println!(
            "| {label} | {} | {:.1} / {:.1} / {:.1} ({:.1}) | {:.0} | {:.0}% | {:.0}% | {:.0}% | {points} |",
            f.lineups,
            f.projected.p10,
            f.projected.p50,
            f.projected.p90,
            f.projected_mean,
            f.salary_median,
            100.0 * f.near_cap_share,
            100.0 * f.stack_rate,
            100.0 * f.bring_back_rate
        )
    };
    let p = |q: &nfl_dfs_core::contest::field_shape::Percentiles| {
        format!("{:.1} / {:.1} / {:.1}", q.p10, q.p50, q.p90)
    };
    row(
        "simulated",
        &check.simulated,
        format!(
            "{} (median from slate to slate {})",
            p(&check.simulated_points),
            p(&check.simulated_median_range)
        ),
    );
    if let (Some(real), Some(points)) = (&check.real, &check.real_points) {
        row(
            &format!("real ({} left out)", check.real_left_out),
            real,
            p(points),
        );
    }
    if let (Some(real), Some(points)) = (&check.real, &check.real_simulated_points) {
        row("real lineups, simulated", real, p(points));
    }
    if let Some(points) = &check.simulated_real_points {
        row("simulated, real points", &check.simulated, p(points));
    }
    if check.real.is_some() {
        let line = |l: Option<f64>| l.map_or_else(|| "-".into(), |l| format!("{l:.1}"));
        println!(
            "\ncash line on the real points: the simulated field's {}, the real field's {}",
            line(check.simulated_real_cash_line),
            line(check.real_cash_line)
        );
    }
}

/// The pick chosen on one simulation (seed 1) and scored with the highest-projected lineup on
/// an independent one (seed 2).
async fn decisions(ws: &Workspace, contest_id: i32, slate_id: i32) {
    let pick = ws
        .pick(
            &PickRequest {
                contest_id,
                ..PickRequest::default()
            },
            |_, _, _| true,
        )
        .await
        .expect("pick");
    let ids = |l: &nfl_dfs_core::LineupOutcome| -> [i32; 9] {
        l.players
            .iter()
            .map(|p| p.player.slate_player_id)
            .collect::<Vec<_>>()
            .try_into()
            .expect("nine")
    };
    let scored = ws
        .evaluate_lineups(
            slate_id,
            &[ids(&pick.pick), ids(&pick.max_projection)],
            10_000,
            Some(contest_id),
            2,
            |_, _| true,
        )
        .await
        .expect("independent simulation");
    let (p, m) = (
        &scored.lineups[0].lineup.outcome,
        &scored.lineups[1].lineup.outcome,
    );
    println!(
        "\n{}: on an independent simulation the pick cashes {:.1}% (ROI {:+.1}%), the highest-projected lineup {:.1}% (ROI {:+.1}%){}\n",
        pick.contest.name,
        100.0 * p.p_cash,
        100.0 * p.roi,
        100.0 * m.p_cash,
        100.0 * m.roi,
        if ids(&pick.pick) == ids(&pick.max_projection) { " (the same lineup)" } else { "" }
    );
}

/// A contest backtest's rows (the pick and the highest-projected lineup in the real field) and
/// the simulation's cash line beside the real one.
fn backtest_rows(b: &nfl_dfs_core::ContestBacktest) {
    let c = &b.contest;
    for (label, f) in [("pick", &b.pick), ("highest projected", &b.max_projection)] {
        println!(
            "| {} (${}, pays {}){} | {} ({}) | {} | {label} | {:.1} | {}{} | {}{:.1} | {} |",
            c.name,
            c.entry_fee,
            c.payouts.paid(),
            if b.warning.is_some() {
                " (live: points not final)"
            } else {
                ""
            },
            b.field,
            b.listed,
            b.cash_line
                .map_or_else(|| "-".into(), |c| format!("{c:.1}")),
            f.points,
            f.rank,
            if f.rank_known { "" } else { " or lower" },
            if f.rank_known { "" } else { "at most " },
            f.percentile,
            if f.cashed { "yes" } else { "no" }
        );
    }
    println!(
        "\n{}: simulated cash line 10th/50th/90th {:.1}/{:.1}/{:.1} against the real {}; the pick projected {:.1}, simulated mean {:.1}, P(cash) {:.1}%, scored {:.1}\n",
        c.name,
        b.simulated.cash_line.p10,
        b.simulated.cash_line.p50,
        b.simulated.cash_line.p90,
        b.cash_line.map_or_else(|| "-".into(), |c| format!("{c:.1}")),
        b.simulated.pick.projection,
        b.simulated.pick.outcome.mean,
        100.0 * b.simulated.pick.outcome.p_cash,
        b.pick.points
    );
}

/// A slate with real standings: its salary file and the contests they hold.
struct RealSlate {
    /// Salary file under `dk_salaries/`.
    salary: &'static str,
    /// Standings under `dk_contests/`.
    file: &'static str,
    season: i32,
    week: i32,
    /// The contests of a lineup listing; none for a DraftKings export (a $50 double-up of
    /// 2,272 entries).
    contests: &'static [&'static str],
    /// Whether the standings were exported before the games ended.
    live: bool,
}

impl RealSlate {
    /// Whether its contests are tournaments (a listing's), else double-ups (an export's).
    fn tournament(&self) -> bool {
        !self.contests.is_empty()
    }

    /// The setting of its contests' field's edge.
    fn edge_setting(&self) -> &'static str {
        if self.tournament() {
            "tournament_field_edge_pct"
        } else {
            "field_edge_pct"
        }
    }
}

/// Every shared standings file: the two 2018 double-ups (DraftKings' exports; week 8's taken
/// before the games ended), 2019 week 1's three Sunday-main tournaments (their salary file is
/// Thursday to Monday: the app tells the Sunday afternoon games they cover from the games the
/// listed lineups draw on) and 2019 week 3's five.
const REAL_SLATES: [RealSlate; 4] = [
    RealSlate {
        salary: "2018_w07_sun_10-21.csv",
        file: "2018_w07_sun_10-21_standings-2272entries.csv",
        season: 2018,
        week: 7,
        contests: &[],
        live: false,
    },
    RealSlate {
        salary: "2018_w08_sun_10-28.csv",
        file: "2018_w08_sun_10-28_standings-2272entries-live.csv",
        season: 2018,
        week: 8,
        contests: &[],
        live: true,
    },
    RealSlate {
        salary: "2019_w01_thu-mon_09-05_09-09.csv",
        file: "2019_w01_sun_09-08_standings-3contests-1500entries.csv",
        season: 2019,
        week: 1,
        contests: &["74680689", "74680690", "75839025"],
        live: false,
    },
    RealSlate {
        salary: "2019_w03_sun_09-22.csv",
        file: "2019_w03_sun_09-22_standings-5contests-2501entries.csv",
        season: 2019,
        week: 3,
        contests: &["76480880", "76482928", "76485191", "76804964", "76866990"],
        live: false,
    },
];

/// Trains on the weeks before a real slate, imports it and its standings through the app and
/// adds its contests: a listing's with the size, fee and places paid it lists; an export's
/// as a $50 double-up of 2,272 entries.
async fn set_up(
    ws: &Workspace,
    data: &Path,
    slate: &RealSlate,
) -> (i32, Vec<nfl_dfs_core::contest::Contest>) {
    let (season, week) = (slate.season, slate.week);
    let salaries = data.join("dk_salaries").join(slate.salary);
    let slate_id = train_and_import(ws, &salaries, season, week).await;
    let file = data.join("dk_contests").join(slate.file);
    if slate.contests.is_empty() {
        ws.import_standings(slate_id, &file, None)
            .await
            .expect("standings import");
        let contest = double_up(ws, slate_id, format!("{season} week {week} $50 double-up")).await;
        return (slate_id, vec![contest]);
    }
    let mut contests = Vec::new();
    for &id in slate.contests {
        let report = ws
            .import_standings(slate_id, &file, Some(id))
            .await
            .expect("the listing imports");
        let listed = report.contest.clone().expect("a listing names its contest");
        let contest = ws
            .add_contest(&NewContest {
                slate_id,
                name: Some(format!("{season} week {week} tournament {id}")),
                contest_type: ContestType::Tournament,
                entries: listed.entries,
                entry_fee: listed.entry_fee.expect("the fee"),
                payouts_file: None,
                payouts: None,
                dk_contest_id: Some(id.to_string()),
                places_paid: Some(listed.paid.expect("the summary says the places paid")),
                games: Vec::new(),
            })
            .await
            .expect("contest");
        contests.push(contest);
    }
    (slate_id, contests)
}

/// The field's edge on every real contest whose standings are final: the real cash line over
/// the sampled field's on the same (real) points, with the app's ownership fitted on the other
/// slates' standings, and beside them the cash line of a field the same sampler draws from the
/// real ownership (where the standings list the field). Prints each contest and each slate (its
/// contests averaged) and returns the slates' edges, percent.
async fn field_edges(ws: &Workspace, data: &Path) -> Vec<(&'static RealSlate, f64)> {
    println!(
        "\n## The field's edge: the real cash line over the sampled field's, on the real points\n"
    );
    println!("| contest | sampled field's cash line | real cash line | edge | sampled from the real ownership |");
    println!("|---|---|---|---|---|");
    let mut slates = Vec::new();
    for slate in &REAL_SLATES {
        let (_, contests) = set_up(ws, data, slate).await;
        let mut edges = Vec::new();
        for contest in &contests {
            let check = ws
                .field_check(&nfl_dfs_core::FieldRequest {
                    contest_id: contest.id,
                    ..Default::default()
                })
                .await
                .expect("field check");
            let (Some(sampled), Some(real)) =
                (check.simulated_real_cash_line, check.real_cash_line)
            else {
                println!("| {} | - | - | not measured | - |", contest.name);
                continue;
            };
            let edge = 100.0 * (real / sampled - 1.0);
            let drafted = check
                .drafted_cash_line
                .map_or_else(|| "- (a top-ranks listing)".into(), |d| format!("{d:.1}"));
            println!(
                "| {}{} | {sampled:.1} | {real:.1} | {edge:+.1}% | {drafted} |",
                contest.name,
                if slate.live {
                    " (live: not counted)"
                } else {
                    ""
                }
            );
            if !slate.live {
                edges.push(edge);
            }
            if check.drafted_cash_line.is_some() && slate.tournament() {
                at_double_up_line(ws, contest).await;
            }
        }
        if !edges.is_empty() {
            slates.push((slate, edges.iter().sum::<f64>() / edges.len() as f64));
        }
    }
    let n = slates.len() as f64;
    let mean = slates.iter().map(|s| s.1).sum::<f64>() / n.max(1.0);
    let sd = (slates.iter().map(|s| (s.1 - mean).powi(2)).sum::<f64>() / (n - 1.0).max(1.0)).sqrt();
    let by_type = |tournament: bool| -> String {
        let of: Vec<f64> = slates
            .iter()
            .filter(|s| s.0.tournament() == tournament)
            .map(|s| s.1)
            .collect();
        if of.is_empty() {
            return "none measured".into();
        }
        format!(
            "mean {:.1}% over {} slate(s)",
            of.iter().sum::<f64>() / of.len() as f64,
            of.len()
        )
    };
    println!(
        "\nby slate: {}; all: mean {mean:.1}%, standard deviation {sd:.1}%; cash games {}, tournaments {} (shipped: cash games {}%, tournaments {}%, spread {:.0}%)",
        slates
            .iter()
            .map(|(s, e)| format!("{} {e:+.1}%", s.salary))
            .collect::<Vec<_>>()
            .join(", "),
        by_type(false),
        by_type(true),
        field_edge::CASH_GAME_PERCENT,
        field_edge::TOURNAMENT_PERCENT,
        100.0 * field_edge::SPREAD
    );
    slates
}

/// The same tournament field's edge at a double-up's line (its top 44%): whether the edge
/// grows with the share of the field paid, or belongs to the field.
async fn at_double_up_line(ws: &Workspace, tournament: &nfl_dfs_core::contest::Contest) {
    let double = ws
        .add_contest(&NewContest {
            slate_id: tournament.slate_id,
            name: Some(format!("{} as a double-up", tournament.name)),
            contest_type: ContestType::DoubleUp,
            entries: tournament.entries,
            entry_fee: tournament.entry_fee,
            payouts_file: None,
            payouts: None,
            dk_contest_id: tournament.dk_contest_id.clone(),
            places_paid: None,
            games: Vec::new(),
        })
        .await
        .expect("contest");
    let check = ws
        .field_check(&nfl_dfs_core::FieldRequest {
            contest_id: double.id,
            ..Default::default()
        })
        .await
        .expect("field check");
    if let (Some(sampled), Some(real)) = (check.simulated_real_cash_line, check.real_cash_line) {
        println!(
            "| {} (its field at a double-up's line, rank {}) | {sampled:.1} | {real:.1} | {:+.1}% | {} |",
            tournament.name,
            double.places_paid,
            100.0 * (real / sampled - 1.0),
            check
                .drafted_cash_line
                .map_or_else(|| "-".into(), |d| format!("{d:.1}"))
        );
    }
    ws.remove_contest(double.id).await.expect("removed");
}

/// The edge measured on the other slates whose contests are of `slate`'s type, else on every
/// other slate, percent (rounded; 0 when none is left), and what it was measured on.
fn leave_one_out(edges: &[(&RealSlate, f64)], slate: &RealSlate) -> (u32, &'static str) {
    let others = |same_type: bool| -> Vec<f64> {
        edges
            .iter()
            .filter(|(s, _)| s.salary != slate.salary)
            .filter(|(s, _)| !same_type || s.tournament() == slate.tournament())
            .map(|e| e.1)
            .collect()
    };
    let (chosen, measured_on) = match others(true) {
        same if !same.is_empty() => (same, "the other slates of its contests' type"),
        _ => (
            others(false),
            "the other slates: none of its contests' type",
        ),
    };
    if chosen.is_empty() {
        return (0, "nothing");
    }
    let mean = chosen.iter().sum::<f64>() / chosen.len() as f64;
    (mean.round().clamp(0.0, 50.0) as u32, measured_on)
}

/// A slate's players as the ownership model sees them and their real ownership, from its
/// newest imported standings.
async fn ownership_sample(
    ws: &Workspace,
    slate_id: i32,
    name: &str,
) -> (String, Vec<OwnershipPlayer>, Vec<f64>) {
    if std::env::var_os("OWNERSHIP_WHO_PLAYED").is_some() {
        mark_who_played(ws, slate_id).await;
    }
    let mut view = ws.slate_view(Some(slate_id)).await.expect("view");
    let results = nfl_dfs_core::test_support::latest_standings(database(ws), slate_id)
        .await
        .expect("results")
        .expect("stored");
    view.leave_out_other_games(&results.games);
    let real: HashMap<i32, f64> = results.players.iter().map(|&(id, d, _)| (id, d)).collect();
    let players = nfl_dfs_core::test_support::ownership_players(&view);
    let actual: Vec<f64> = view
        .players
        .iter()
        .map(|p| real.get(&p.player.id).copied().unwrap_or(0.0))
        .collect();
    if let Some(dir) = std::env::var_os("OWNERSHIP_DUMP") {
        let mut out = String::from("slate\tname\tteam\topp\tpos\tsalary\tavg\tproj\tif_plays\tp_play\ttotal\treason\tsource\tplayable\treal\n");
        for (p, a) in view.players.iter().zip(&actual) {
            out += &format!(
                "{name}\t{}\t{}\t{}\t{:?}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{:?}\t{}\t{a}\n",
                p.player.name,
                p.player.team,
                p.player.opponent.clone().unwrap_or_default(),
                p.player.position,
                p.player.salary,
                p.player.avg_points_per_game,
                p.projection,
                p.if_plays,
                p.play_probability,
                p.team_total.map(|t| t.to_string()).unwrap_or_default(),
                p.availability_reason,
                p.projection_source,
                p.playable,
            );
        }
        std::fs::write(Path::new(&dir).join(format!("{name}.tsv")), out).expect("dump");
    }
    (name.to_string(), players, actual)
}

/// Marks every matched player of a slate as playing or out by what happened: the news the field
/// has at lock (who is inactive), given to the app, to tell how much of the ownership error is
/// who plays and how much the field's own view.
async fn mark_who_played(ws: &Workspace, slate_id: i32) {
    let backtest = ws.backtest(slate_id).await.expect("backtest");
    let matched: std::collections::HashSet<i32> = ws
        .match_slate(slate_id)
        .await
        .expect("match")
        .players
        .into_iter()
        .filter(|m| m.gsis_id.is_some())
        .map(|m| m.player.slate_player_id)
        .collect();
    for p in backtest
        .players
        .iter()
        .filter(|p| matched.contains(&p.slate_player_id))
    {
        let flags = nfl_dfs_core::slate::PlayerFlags {
            plays: Some(p.actual.is_some()),
            locked: false,
            excluded: false,
            projection_override: None,
        };
        ws.set_player_flags(p.slate_player_id, &flags)
            .await
            .expect("flags");
    }
}

/// Leave-one-slate-out ownership error, next to the value baseline.
fn ownership_errors(samples: &[(String, Vec<OwnershipPlayer>, Vec<f64>)]) {
    println!("\n## Ownership (percentage points, players with 1%+ real ownership)\n");
    let subsets: [(&str, [bool; 6]); 6] = [
        ("value", [true, false, false, false, false, false]),
        ("value, salary", [true, false, false, true, false, false]),
        ("value, ranks", [true, true, true, false, false, false]),
        (
            "value, projection rank, projection",
            [true, false, true, false, true, false],
        ),
        (
            "the app's: value, projection rank, projection, team total",
            ownership::FITTED_FEATURES,
        ),
        ("all", [true; 6]),
    ];
    println!(
        "| held-out slate | baseline (value within position) | {} |",
        subsets.map(|s| s.0).join(" | ")
    );
    println!("|---|---|---|---|---|---|---|---|");
    for (k, (name, players, actual)) in samples.iter().enumerate() {
        let others: Vec<(Vec<OwnershipPlayer>, Vec<f64>)> = samples
            .iter()
            .enumerate()
            .filter(|(j, _)| *j != k)
            .map(|(_, (_, p, a))| (p.clone(), a.clone()))
            .collect();
        let base = ownership::mean_error(&ownership::baseline(players, FLEX_SHARES), actual);
        let errors: Vec<String> = subsets
            .iter()
            .map(|(_, used)| {
                let model = OwnershipModel::fit_features(&others, FLEX_SHARES, used);
                format!(
                    "{:.2}",
                    ownership::mean_error(&model.predict(players, 50_000), actual)
                )
            })
            .collect();
        println!("| {name} | {base:.2} | {} |", errors.join(" | "));
    }
    let all: Vec<(Vec<OwnershipPlayer>, Vec<f64>)> = samples
        .iter()
        .map(|(_, p, a)| (p.clone(), a.clone()))
        .collect();
    let model = OwnershipModel::fit(&all, FLEX_SHARES);
    println!(
        "\nthe app's fit (value, projection rank, projection, team total) on every slate: weights {:?}",
        model.weights
    );
    if std::env::var_os("WRITE_DEFAULTS").is_some() {
        let path = Path::new("src-tauri/domain/src/contest/ownership_default.json");
        std::fs::write(path, serde_json::to_string(&model).expect("json")).expect("write");
        println!("wrote {}", path.display());
    }
}

/// The track record over the contests above, each pick stored as it was made:
/// predicted chance to cash against what happened, Brier score against the paid share's.
async fn track_record(ws: &Workspace) {
    let record = ws
        .track_record(
            &nfl_dfs_core::RecordRequest {
                simulations: 10_000,
                ..nfl_dfs_core::RecordRequest::default()
            },
            |_, _| true,
        )
        .await
        .expect("the track record");
    println!("\n## Track record\n");
    println!("| contest | P(cash) | expected payout | simulated cash line | real cash line | points | cashed |");
    println!("|---|---|---|---|---|---|---|");
    for c in &record.contests {
        println!(
            "| {} | {:.1}% | ${:.2} | {:.1} | {} | {:.1} | {} |",
            c.name,
            100.0 * c.predicted,
            c.expected_payout,
            c.simulated_cash_line,
            c.cash_line
                .map_or_else(|| "-".into(), |l| format!("{l:.1}")),
            c.points,
            if c.cashed { "yes" } else { "no" }
        );
    }
    for s in &record.skipped {
        println!("\nleft out: {s}");
    }
    let s = &record.summary;
    println!(
        "\n{} contests: mean P(cash) {:.3}, cash rate {:.3}, Brier {:.3} against the paid share's {:.3} (target: no worse; mean within 0.15 of the cash rate)\n{}",
        s.contests, s.mean_predicted, s.cash_rate, s.brier, s.brier_paid_fraction, s.verdict
    );
}

/// 10,000 slates x 1,000 candidates x a 2,272-entry field.
async fn speed(ws: &Workspace) {
    let contest = ws
        .contests(None)
        .await
        .expect("contests")
        .into_iter()
        .find(|c| c.entries == 2272)
        .expect("the double-up");
    let simulation_started = std::sync::Mutex::new(None::<Instant>);
    let started = Instant::now();
    let marks = std::sync::Arc::new(simulation_started);
    let marks_in = marks.clone();
    let report = ws
        .pick(
            &PickRequest {
                contest_id: contest.id,
                simulations: 10_000,
                candidates: 1000,
                seed: 3,
                out: None,
                exact_projections: false,
            },
            move |stage, _, _| {
                if stage == "simulation" || stage == "field" {
                    let mut m = marks_in.lock().expect("lock");
                    if stage == "field" && m.is_none() {
                        *m = Some(Instant::now());
                    }
                }
                true
            },
        )
        .await
        .expect("pick");
    let total = started.elapsed().as_secs_f64();
    let simulation = marks
        .lock()
        .expect("lock")
        .map_or(total, |t| t.elapsed().as_secs_f64());
    println!(
        "\n## Speed\n\n{} candidates x 10,000 slates x a {}-entry field ({} simulated): simulation {simulation:.2} s ({:.0} slates/s), whole pick with candidate search {total:.2} s (target <= 10 s); memory peak {}",
        report.candidates,
        contest.entries,
        report.field_size,
        10_000.0 / simulation,
        memory_peak()
    );
}

fn memory_peak() -> String {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM"))
                .map(|l| l.trim_start_matches("VmHWM:").trim().to_string())
        })
        .unwrap_or_else(|| "unknown".into())
}
