//! Projections on the real slates, as a new user gets them (issue 25): every slate of
//! ../shared/data with points, models trained only on the weeks before it, the full history a
//! user can load (stats, schedules, snap counts, rosters, injury reports, depth charts). Per
//! slate, over the pool a user picks from (salary >= $4,000, not DST, a player who sat counts 0;
//! players matched to an NFL player, whose points are known):
//! - the mean absolute error of the app's projection against DraftKings' AvgPointsPerGame's;
//! - players priced >= $4,000 projected 0 who scored more than 5 (and were not reported Out);
//! - players priced >= $6,000 not ruled out: their mean play probability against the share of
//!   them who played;
//! - the best lineup's projected and actual points.
//!
//! Then the reliability of the play probability over every slate (by tenth); how the app's
//! points-if-he-plays and what the salary implies combine best (the least-squares weight on the
//! app's, per season, for DSTs, and where the optimizer shops: the cheap players and those the
//! app rates above their price, each group's mean error against the simulation's centre:
//! issue 26's "truth between the app and the market"; the DST
//! market curve, fitted on the 2018-2020 slates, `WRITE_DEFAULTS=1` writes it); and slates again
//! with part of the history missing from the loaded stats (a failed refresh, a season never
//! loaded): the notice shown, the pool's error and the best lineup.
//! Usage: slate_check [DATA_DIR]; used by `scripts/bench-slates.sh`; `SLATE_CHECK_ONLY=gaps`
//! runs the slates with missing history alone.

use nfl_dfs_core::contest::simulate::truth;
use nfl_dfs_core::dk::Position;
use nfl_dfs_core::projection::availability::PlayStatus;
use nfl_dfs_core::projection::project::ProjectionSource;
use nfl_dfs_core::projection::train::POSITIONS;
use nfl_dfs_core::{TrainRequest, Workspace};
use std::collections::HashMap;
use std::path::Path;

mod common;

/// One slate player's numbers against what happened.
struct Checked {
    salary: u32,
    position: Position,
    projection: f64,
    average: f64,
    play_probability: f64,
    status: PlayStatus,
    /// Whether he had no NFL game before the slate (the market's chance to play).
    new: bool,
    /// Points scored; None when he did not play.
    actual: Option<f64>,
    /// The app's points if he plays, and what his salary implies (None for a DST).
    if_plays: f64,
    market: Option<f64>,
    season: i32,
    /// The slate's place in [`common::SLATES_WITH_POINTS`].
    slate: usize,
    /// Whether his projection is the models' (else DraftKings' average, the salary's or 0).
    from_model: bool,
}

#[tokio::main]
async fn main() {
    let data = common::data_dir();
    if std::env::var("SLATE_CHECK_ONLY").as_deref() != Ok("gaps") {
        every_slate(&data).await;
    }
    gaps(&data).await;
}

/// Every slate with points, then the reliability of the chance to play, the DST curve and the
/// market's weight.
async fn every_slate(data: &Path) {
    let data = data.to_path_buf();
    let (_dir, ws) = common::full_history(&data, common::LeftOut::NONE).await;
    println!("| slate | pool | app MAE | AvgPointsPerGame MAE | ratio (target <= 0.85) | >= $4,000 projected 0, scored > 5 | >= $6,000 not out: mean P(play) / played | best lineup projected / actual |");
    println!("|---|---|---|---|---|---|---|---|");
    let mut all: Vec<Checked> = Vec::new();
    let (mut projected_sum, mut actual_sum) = (0.0, 0.0);
    for (slate, (file, season, week)) in common::SLATES_WITH_POINTS.into_iter().enumerate() {
        match check_slate(&ws, &data, file, season, week).await {
            Ok((mut rows, lineup)) => {
                rows.iter_mut().for_each(|r| r.slate = slate);
                print_slate(file, &rows, lineup);
                if rows.iter().any(|r| r.from_model) {
                    projected_sum += lineup.0;
                    actual_sum += lineup.1;
                }
                all.extend(rows);
            }
            Err(e) => println!("| {file} | skipped: {e} | | | | | | |"),
        }
    }
    println!();
    println!(
        "best lineups over the slates: projected {projected_sum:.1}, actual {actual_sum:.1}, actual / projected {:.3}",
        actual_sum / projected_sum.max(1e-9)
    );
    reliability(&all);
    dst_curve(&all);
    market_weight(&all);
}

/// Trains on the weeks before the slate, deploys, projects and backtests it. Where the weeks
/// before are too few to train on (2018, the first loaded season), the slate is projected from
/// DraftKings' averages, as a new user's is, and said so in the table.
async fn check_slate(
    ws: &Workspace,
    data: &Path,
    file: &str,
    season: i32,
    week: i32,
) -> Result<(Vec<Checked>, (f64, f64)), String> {
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
                ws.deploy_model(position, &run.version)
                    .await
                    .map_err(|e| e.to_string())?;
            }
        }
        Err(e) => println!("| {file} (no models: {e}; DraftKings' averages) | | | | | | | |"),
    }
    let slate = ws
        .import_slate_file(&data.join("dk_salaries").join(file), None)
        .await
        .map_err(|e| e.to_string())?;
    let id = slate.slate.id;
    let view = ws.slate_view(Some(id)).await.map_err(|e| e.to_string())?;
    let backtest = ws.backtest(id).await.map_err(|e| e.to_string())?;
    // Only players matched to an NFL player: an unmatched one's points are not known.
    let matched: std::collections::HashSet<i32> = ws
        .match_slate(id)
        .await
        .map_err(|e| e.to_string())?
        .players
        .into_iter()
        .filter(|m| m.gsis_id.is_some() || m.player.position == Position::DST)
        .map(|m| m.player.slate_player_id)
        .collect();
    let actual: HashMap<i32, Option<f64>> = backtest
        .players
        .iter()
        .map(|p| (p.slate_player_id, p.actual))
        .collect();
    let rows = view
        .players
        .iter()
        .filter(|p| p.playable && matched.contains(&p.player.id))
        .filter_map(|p| {
            Some(Checked {
                salary: p.player.salary,
                position: p.player.position,
                projection: p.projection,
                average: p.player.avg_points_per_game,
                play_probability: p.play_probability,
                status: p.status,
                new: p.availability_reason.starts_with("no NFL game yet"),
                actual: *actual.get(&p.player.id)?,
                if_plays: p.if_plays,
                market: nfl_dfs_core::projection::market::shipped()
                    .view(p.player.position, p.player.salary)
                    .map(|v| v.if_plays),
                season,
                slate: 0,
                from_model: p.projection_source == ProjectionSource::Model,
            })
        })
        .collect();
    Ok((
        rows,
        (backtest.app_lineup.expected, backtest.app_lineup.actual),
    ))
}

fn print_slate(file: &str, rows: &[Checked], lineup: (f64, f64)) {
    let pool: Vec<&Checked> = rows
        .iter()
        .filter(|r| r.salary >= 4000 && r.position != Position::DST)
        .collect();
    let scored = |r: &Checked| r.actual.unwrap_or(0.0);
    let mae = |f: &dyn Fn(&Checked) -> f64| {
        pool.iter().map(|r| (f(r) - scored(r)).abs()).sum::<f64>() / pool.len().max(1) as f64
    };
    let app = mae(&|r| r.projection);
    let average = mae(&|r| r.average);
    let zeros = pool
        .iter()
        .filter(|r| r.projection < 0.05 && scored(r) > 5.0 && r.status != PlayStatus::Out)
        .count();
    let stars: Vec<&&Checked> = pool
        .iter()
        .filter(|r| r.salary >= 6000 && r.status != PlayStatus::Out)
        .collect();
    let n = stars.len().max(1) as f64;
    let mean_p = stars.iter().map(|r| r.play_probability).sum::<f64>() / n;
    let played = stars.iter().filter(|r| r.actual.is_some()).count() as f64 / n;
    println!(
        "| {file} | {} | {app:.2} | {average:.2} | {:.2} | {zeros} | {mean_p:.2} / {played:.2} ({}) | {:.1} / {:.1} |",
        pool.len(),
        app / average.max(1e-9),
        stars.len(),
        lineup.0,
        lineup.1
    );
}

/// Every slate player (not DST) by tenth of play probability: the mean probability against the
/// share who played.
fn reliability(rows: &[Checked]) {
    println!();
    println!("play probability against who played, every slate player but DSTs (target: within 0.05 in each tenth)");
    println!("| P(play) | players | mean P(play) | played |");
    println!("|---|---|---|---|");
    let mut bins: Vec<(f64, f64, usize)> = vec![(0.0, 0.0, 0); 10];
    for r in rows.iter().filter(|r| r.position != Position::DST) {
        let bin = ((r.play_probability * 10.0) as usize).min(9);
        bins[bin].0 += r.play_probability;
        bins[bin].1 += f64::from(u8::from(r.actual.is_some()));
        bins[bin].2 += 1;
    }
    type Pick = fn(&Checked) -> bool;
    let groups: [(&str, Pick); 5] = [
        ("new players under $4,000", |r| r.salary < 4000),
        ("new players $4,000+", |r| r.salary >= 4000),
        ("new quarterbacks", |r| r.position == Position::QB),
        ("new RB, WR, TE under $4,000", |r| {
            r.position != Position::QB && r.salary < 4000
        }),
        ("new RB, WR, TE $4,000+", |r| {
            r.position != Position::QB && r.salary >= 4000
        }),
    ];
    for (label, pick) in groups {
        let new: Vec<&Checked> = rows
            .iter()
            .filter(|r| r.new && pick(r) && r.position != Position::DST)
            .collect();
        let summary = |rows: &[&&Checked]| {
            let n = rows.len().max(1) as f64;
            format!(
                "{} players, mean P(play) {:.3}, played {:.3}",
                rows.len(),
                rows.iter().map(|r| r.play_probability).sum::<f64>() / n,
                rows.iter().filter(|r| r.actual.is_some()).count() as f64 / n
            )
        };
        // 2018 is the first loaded season: every veteran is new to it until he plays.
        let (first, later): (Vec<&&Checked>, Vec<&&Checked>) =
            new.iter().partition(|r| r.season == 2018);
        println!(
            "{label}: {} (2018: {}; 2019-2022: {})",
            summary(&new.iter().collect::<Vec<_>>()),
            summary(&first),
            summary(&later)
        );
    }
    for (lo, hi) in [
        (0.0, 1.0),
        (1.0, 1.5),
        (1.5, 2.0),
        (2.0, 3.0),
        (3.0, f64::MAX),
    ] {
        let priced: Vec<&Checked> = rows
            .iter()
            .filter(|r| r.average > 0.0 && r.status != PlayStatus::Out)
            .filter(|r| {
                r.market
                    .is_some_and(|m| (lo..hi).contains(&(r.average / m)))
            })
            .collect();
        let n = priced.len().max(1) as f64;
        let range = if hi == f64::MAX {
            format!("{lo}x or more")
        } else {
            format!("{lo}-{hi}x")
        };
        println!(
            "DraftKings' average {range} what the salary implies, not ruled out: {} players, mean P(play) {:.3}, played {:.3}",
            priced.len(),
            priced.iter().map(|r| r.play_probability).sum::<f64>() / n,
            priced.iter().filter(|r| r.actual.is_some()).count() as f64 / n
        );
    }
    for (i, (p, played, n)) in bins.into_iter().enumerate() {
        if n == 0 {
            continue;
        }
        println!(
            "| {:.1}-{:.1} | {n} | {:.3} | {:.3} |",
            i as f64 / 10.0,
            (i + 1) as f64 / 10.0,
            p / n as f64,
            played / n as f64
        );
    }
}

/// A slate projected with part of the history missing from the loaded player stats and snap
/// counts, as a failed refresh, a partial file or a season never loaded leaves it.
struct Gap {
    /// The salary file.
    file: &'static str,
    /// The slate's season and week.
    season: i32,
    week: i32,
    /// What is left out of the loaded history.
    missing: common::LeftOut,
    /// The scenario in words.
    words: &'static str,
}

/// The slates with missing history the bench projects: a part of a season, a whole season,
/// and history that stops seasons before the slate (the user of 2025 holding 2022's files:
/// no reports, the week's depth chart, DraftKings' averages of this season).
const GAPS: [Gap; 8] = [
    Gap {
        file: "2022_w01_sun_09-11.csv",
        season: 2022,
        week: 1,
        missing: common::LeftOut {
            weeks: &[(2021, 13, 22)],
            reports: &[],
        },
        words: "2022 week 1 with 2021 weeks 13-22 missing",
    },
    Gap {
        file: "2022_w01_sun_09-11.csv",
        season: 2022,
        week: 1,
        missing: common::LeftOut {
            weeks: &[(2021, 1, 22)],
            reports: &[],
        },
        words: "2022 week 1 with all of 2021 missing",
    },
    Gap {
        file: "2021_w05_sun_10-10.csv",
        season: 2021,
        week: 5,
        missing: common::LeftOut {
            weeks: &[(2021, 1, 4)],
            reports: &[],
        },
        words: "2021 week 5 with 2021 weeks 1-4 missing",
    },
    Gap {
        file: "2020_w10_sun_11-15.csv",
        season: 2020,
        week: 10,
        missing: common::LeftOut {
            weeks: &[(2020, 1, 9)],
            reports: &[],
        },
        words: "2020 week 10 with 2020 weeks 1-9 missing",
    },
    Gap {
        file: "2020_w16_sun_12-27.csv",
        season: 2020,
        week: 16,
        missing: common::LeftOut {
            weeks: &[(2020, 8, 15)],
            reports: &[],
        },
        words: "2020 week 16 with 2020 weeks 8-15 missing",
    },
    Gap {
        file: "2022_w01_sun_09-11.csv",
        season: 2022,
        week: 1,
        missing: common::LeftOut {
            weeks: &[(2020, 1, 22), (2021, 1, 22)],
            reports: &[2020, 2021, 2022],
        },
        words: "2022 week 1 with all of 2020 and 2021 missing, and the injury reports of 2020-2022",
    },
    Gap {
        file: "2021_w05_sun_10-10.csv",
        season: 2021,
        week: 5,
        missing: common::LeftOut {
            weeks: &[(2020, 1, 22), (2021, 1, 4)],
            reports: &[2020, 2021],
        },
        words: "2021 week 5 with 2020 and 2021 weeks 1-4 missing, and the injury reports of 2020-2021",
    },
    Gap {
        file: "2020_w16_sun_12-27.csv",
        season: 2020,
        week: 16,
        missing: common::LeftOut {
            weeks: &[(2019, 1, 22), (2020, 1, 15)],
            reports: &[2019, 2020],
        },
        words: "2020 week 16 with 2019 and 2020 weeks 1-15 missing, and the injury reports of 2019-2020",
    },
];

/// Each of [`GAPS`]: the pool's error and the best lineup, with the notice the app shows.
async fn gaps(data: &Path) {
    for Gap {
        file,
        season,
        week,
        missing,
        words,
    } in GAPS
    {
        println!();
        let (_dir, ws) = common::full_history(data, missing).await;
        match check_slate(&ws, data, file, season, week).await {
            Ok((rows, lineup)) => {
                println!("{words} from the loaded stats and snap counts:");
                let id = ws.slates().await.expect("slates")[0].id;
                let view = ws.slate_view(Some(id)).await.expect("view");
                println!("notice: {}", view.notice.as_deref().unwrap_or("(none)"));
                println!("| slate | pool | app MAE | AvgPointsPerGame MAE | ratio | >= $4,000 projected 0, scored > 5 | >= $6,000 not out: mean P(play) / played (target >= 0.85) | best lineup projected / actual |");
                println!("|---|---|---|---|---|---|---|---|");
                print_slate(file, &rows, lineup);
                top_lineups(&ws, id).await;
                plays_after_gap(&rows);
            }
            Err(e) => println!("{words}: skipped: {e}"),
        }
    }
}

/// Lineups the optimizer builds on the app's projections, at least 3 players apart.
const TOP_LINEUPS: u32 = 20;

/// The mean projected and actual points of the slate's best [`TOP_LINEUPS`] lineups: steadier
/// than the one best lineup's, which a single player who sat can sink.
async fn top_lineups(ws: &Workspace, slate_id: i32) {
    let rules = nfl_dfs_core::optimizer::Rules {
        lineups: TOP_LINEUPS,
        min_unique: 3,
        ..Default::default()
    };
    let built = ws
        .optimize(slate_id, rules, HashMap::new(), |_, _| true)
        .await
        .expect("lineups");
    let actual = common::actual_points(ws, slate_id).await;
    let lineups = &built.run.lineups;
    let n = lineups.len().max(1) as f64;
    let projected = lineups.iter().map(|l| l.points).sum::<f64>() / n;
    let scored = lineups
        .iter()
        .map(|l| {
            l.players
                .iter()
                .map(|id| actual.get(id).copied().unwrap_or(0.0))
                .sum::<f64>()
        })
        .sum::<f64>()
        / n;
    println!(
        "best {} lineups, 3 players apart: mean projected {projected:.1}, actual {scored:.1}",
        lineups.len()
    );
}

/// Who played against the chance to play of a slate's players (not DSTs, with a game), apart by
/// whether DraftKings has an average for them (after a gap: whether they played the weeks the
/// app has not seen) and by the status shown; then all of them, and those priced $4,000 or
/// more (where lineups are made).
fn plays_after_gap(rows: &[Checked]) {
    println!("| players | DraftKings' average | status | mean P(play) | played | Brier |");
    println!("|---|---|---|---|---|---|");
    let line = |average: &str, status: &str, list: &[&Checked]| {
        let n = list.len().max(1) as f64;
        let played = |r: &Checked| f64::from(u8::from(r.actual.is_some()));
        println!(
            "| {} | {average} | {status} | {:.2} | {:.2} | {:.3} |",
            list.len(),
            list.iter().map(|r| r.play_probability).sum::<f64>() / n,
            list.iter().map(|r| played(r)).sum::<f64>() / n,
            list.iter()
                .map(|r| (r.play_probability - played(r)).powi(2))
                .sum::<f64>()
                / n
        );
    };
    let players: Vec<&Checked> = rows
        .iter()
        .filter(|r| r.position != Position::DST)
        .collect();
    let mut groups: std::collections::BTreeMap<(bool, String), Vec<&Checked>> = Default::default();
    for r in &players {
        let key = (r.average > 0.0, format!("{:?}", r.status));
        groups.entry(key).or_default().push(r);
    }
    for ((average, status), list) in groups {
        line(if average { "> 0" } else { "0" }, &status, &list);
    }
    line("all", "all", &players);
    let priced: Vec<&Checked> = players
        .iter()
        .copied()
        .filter(|r| r.salary >= 4000)
        .collect();
    line("all", "all, $4,000+", &priced);
}

/// The weight on the app's points-if-he-plays that best combines them with what the salary
/// implies (least squares, over the pool's players who played): per season and pooled for the
/// models' projections, pooled for DraftKings' averages (the slates without models), and slate
/// by slate, with the spread between slates that is left once each slate's sampling error is
/// taken out (what the contest simulation draws its truth weight from).
fn market_weight(rows: &[Checked]) {
    println!();
    println!("the app against the market: w minimising (actual - (w app + (1 - w) market))^2 over the pool's players who played");
    println!("| projections | players | w | standard error | MAE app | MAE market | MAE blend | mean actual - app | mean actual - the shipped centre |");
    println!("|---|---|---|---|---|---|---|---|---|");
    let pool = |keep: &dyn Fn(&Checked) -> bool| -> Vec<Blend> {
        rows.iter()
            .filter(|r| r.salary >= 4000 && r.position != Position::DST && keep(r))
            .filter_map(|r| Some((r.if_plays, r.market?, r.actual?)))
            .collect()
    };
    let mut groups: Vec<(String, Vec<Blend>)> = (2018..=2022)
        .map(|s| {
            (
                format!("models, {s}"),
                pool(&|r| r.from_model && r.season == s),
            )
        })
        .collect();
    groups.push(("models, all seasons".into(), pool(&|r| r.from_model)));
    groups.push((
        "DraftKings' averages (no models yet)".into(),
        pool(&|r| !r.from_model),
    ));
    let dsts = |model: bool| -> Vec<Blend> {
        rows.iter()
            .filter(|r| r.position == Position::DST && r.from_model == model)
            .filter_map(|r| Some((r.if_plays, r.market?, r.actual?)))
            .collect()
    };
    // Where the optimizer shops: the cheap players, and the players the app rates above their
    // price (a lineup holds those), each apart.
    let players = |keep: &dyn Fn(&Checked, f64) -> bool| -> Vec<Blend> {
        rows.iter()
            .filter(|r| r.position != Position::DST && r.from_model)
            .filter_map(|r| {
                let market = r.market?;
                keep(r, market).then_some((r.if_plays, market, r.actual?))
            })
            .collect()
    };
    groups.push((
        "models, under $4,000".into(),
        players(&|r, _| r.salary < 4000),
    ));
    groups.push((
        "models, $4,000+, the app above the market".into(),
        players(&|r, m| r.salary >= 4000 && r.if_plays > m),
    ));
    groups.push((
        "models, $4,000+, the app at or below the market".into(),
        players(&|r, m| r.salary >= 4000 && r.if_plays <= m),
    ));
    groups.push((
        "models, the app 30%+ above the market".into(),
        players(&|r, m| r.if_plays > 1.3 * m),
    ));
    groups.push(("DSTs, models".into(), dsts(true)));
    groups.push(("DSTs, DraftKings' averages".into(), dsts(false)));
    for (label, used) in &groups {
        if let Some((w, se)) = fitted_weight(used) {
            let n = used.len() as f64;
            let mae = |f: &dyn Fn(f64, f64) -> f64| {
                used.iter()
                    .map(|(a, m, y)| (f(*a, *m) - y).abs())
                    .sum::<f64>()
                    / n
            };
            let bias = |f: &dyn Fn(f64, f64) -> f64| {
                used.iter().map(|(a, m, y)| y - f(*a, *m)).sum::<f64>() / n
            };
            // The truth's centre the simulation draws around, with the weight of the group's
            // projections.
            let shipped = if label.contains("averages") {
                truth::AVERAGE_WEIGHT.mean
            } else {
                truth::MODEL_WEIGHT.mean
            };
            println!(
                "| {label} | {} | {w:.2} | {se:.2} | {:.2} | {:.2} | {:.2} | {:+.2} | {:+.2} |",
                used.len(),
                mae(&|a, _| a),
                mae(&|_, m| m),
                mae(&|a, m| w * a + (1.0 - w) * m),
                bias(&|a, _| a),
                bias(&|a, m| shipped * a + (1.0 - shipped) * m)
            );
        }
    }
    let slates: Vec<(f64, f64)> = (0..common::SLATES_WITH_POINTS.len())
        .filter_map(|k| fitted_weight(&pool(&|r| r.from_model && r.slate == k)))
        .collect();
    if slates.len() >= 2 {
        let n = slates.len() as f64;
        let mean = slates.iter().map(|s| s.0).sum::<f64>() / n;
        let variance = slates.iter().map(|s| (s.0 - mean).powi(2)).sum::<f64>() / (n - 1.0);
        let noise = slates.iter().map(|s| s.1 * s.1).sum::<f64>() / n;
        println!(
            "slate by slate (models): w {} ; mean {mean:.2}, spread {:.2}, of which sampling {:.2}: spread between slates {:.2}",
            slates
                .iter()
                .map(|s| format!("{:.2}", s.0))
                .collect::<Vec<_>>()
                .join(", "),
            variance.sqrt(),
            noise.sqrt(),
            (variance - noise).max(0.0).sqrt()
        );
    }
}

/// The DST market curve: points on salary (least squares) over the DSTs of the 2018-2020
/// slates, as the players' curves are fitted (`scripts/fit-market-curve.py`), the later slates
/// kept out of sample. `WRITE_DEFAULTS=1` writes it into the shipped curve.
fn dst_curve(rows: &[Checked]) {
    let fit: Vec<(f64, f64)> = rows
        .iter()
        .filter(|r| r.position == Position::DST && r.season <= 2020)
        .filter_map(|r| Some((f64::from(r.salary) / 1000.0, r.actual?)))
        .collect();
    let n = fit.len() as f64;
    if n < 20.0 {
        println!("\nDST market curve: too few DSTs with points ({n})");
        return;
    }
    let mx = fit.iter().map(|d| d.0).sum::<f64>() / n;
    let my = fit.iter().map(|d| d.1).sum::<f64>() / n;
    let slope = fit.iter().map(|d| (d.0 - mx) * (d.1 - my)).sum::<f64>()
        / fit.iter().map(|d| (d.0 - mx).powi(2)).sum::<f64>();
    let intercept = my - slope * mx;
    let shipped = nfl_dfs_core::projection::market::shipped()
        .positions
        .get("DST")
        .map(|c| c.points);
    println!(
        "\nDST market curve on the {} DSTs of the 2018-2020 slates: {intercept:.4} + {slope:.4} per $1,000 (shipped: {shipped:?})",
        fit.len()
    );
    if std::env::var_os("WRITE_DEFAULTS").is_some() {
        let path = "src-tauri/domain/src/projection/market_default.json";
        let mut curve: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(path).expect("read")).expect("json");
        curve["positions"]["DST"] = serde_json::json!({
            "points": [(intercept * 1e4).round() / 1e4, (slope * 1e4).round() / 1e4],
            "samples": fit.len(),
        });
        std::fs::write(
            path,
            serde_json::to_string_pretty(&curve).expect("json") + "\n",
        )
        .expect("write");
        println!("wrote {path}");
    }
}

/// A player's points if he plays by the app and by the market, and what he scored.
type Blend = (f64, f64, f64);

/// The least-squares weight on the app in `(app, market, actual)` rows, and its standard
/// error; None with fewer than 20 rows.
fn fitted_weight(rows: &[Blend]) -> Option<(f64, f64)> {
    if rows.len() < 20 {
        return None;
    }
    let (num, den) = rows.iter().fold((0.0, 0.0), |(n, d), (a, m, y)| {
        (n + (a - m) * (y - m), d + (a - m) * (a - m))
    });
    let w = num / den.max(1e-9);
    let residual = rows
        .iter()
        .map(|(a, m, y)| (y - m - w * (a - m)).powi(2))
        .sum::<f64>()
        / (rows.len() - 1) as f64;
    Some((w, (residual / den.max(1e-9)).sqrt()))
}
