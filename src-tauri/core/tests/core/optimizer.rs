//! The optimizer on the real slates (pydfs-lineup-optimizer's optimum, the search against
//! HiGHS) and on the demo slate imported through the workspace (exposure limits, randomness,
//! slot locks, the time limit). The optimizer's own properties against brute force are the
//! domain's tests (`domain/tests/domain/optimizer.rs`).

use nfl_dfs_core::clock::stopped;
use nfl_dfs_core::dk::{Position, SALARY_CAP};
use nfl_dfs_core::lineup::{validate, ValidationRules};
use nfl_dfs_core::optimizer::{
    optimize, optimize_with, optimize_within, Engine, ExposureLimit, Rules, SlotLock,
};
use nfl_dfs_core::slate::Slate;
use nfl_dfs_core::{ErrorCode, Workspace};
use std::collections::HashMap;

/// The optimizer's best lineups of `slate` under `rules`, with the players' own projections
/// and a stopped clock.
fn best(slate: &Slate, rules: &Rules) -> nfl_dfs_core::Result<nfl_dfs_core::optimizer::Run> {
    optimize(slate, &HashMap::new(), rules, &stopped, |_, _| true)
}

/// The optimum with AvgPointsPerGame and no rules, as pydfs-lineup-optimizer 3.6.1 found it
/// (PuLP + CBC, `optimize(1)`; run on 2026-11-28 with `scripts/bench-optimizer.sh`).
const PEER_OPTIMUM: &[(&str, f64)] = &[
    ("2018_w05_sun_10-07_main.csv", 194.56),
    ("2018_w10_sun_11-11.csv", 181.48),
    ("2018_w11_sun_11-18.csv", 182.68),
    ("2019_w01_thu-mon_09-05_09-09.csv", 178.40),
    ("2019_w03_sun_09-22.csv", 250.28),
    ("2020_w10_sun_11-15.csv", 182.11),
    ("2020_w16_sun_12-27.csv", 178.57),
    ("2020_w16_sun_12-27_DKEntries-template-format.csv", 178.57),
    ("2021_w05_sun_10-10.csv", 175.00),
    ("2022_w01_sun_09-11.csv", 155.38),
    ("2024_w17_thu-mon_12-26_12-30.csv", 169.66),
    ("2025_w12_sun-mon_11-23_11-24.csv", 169.43),
];

#[tokio::test]
async fn real_slates_reach_the_peer_optimum_and_pass_the_validator() {
    let Some(data) = crate::common::real_data() else {
        return;
    };
    let (_dir, ws): (_, Workspace) = crate::common::workspace().await;
    for (file, peer) in PEER_OPTIMUM {
        let report = ws
            .import_slate_file(&data.join("dk_salaries").join(file), None)
            .await
            .unwrap();
        let slate = ws.slate(report.slate.id).await.unwrap();
        let rules = Rules {
            lineups: 5,
            ..Rules::default()
        };
        let run = best(&slate, &rules).unwrap();
        assert_eq!(run.lineups.len(), 5, "{file}");
        assert!(
            (run.lineups[0].points - peer).abs() < 0.005,
            "{file}: {} vs pydfs {peer}",
            run.lineups[0].points
        );
        let mut seen = std::collections::HashSet::new();
        for lineup in &run.lineups {
            let problems = validate(
                &slate,
                &lineup.players,
                &ValidationRules {
                    salary_cap: SALARY_CAP,
                    late_swap: None,
                },
            );
            assert!(problems.is_empty(), "{file}: {problems:?}");
            let mut key = lineup.players.clone();
            key.sort();
            assert!(seen.insert(key), "{file}: a lineup came twice");
        }
        assert!(run
            .lineups
            .windows(2)
            .all(|w| w[0].points >= w[1].points - 1e-9));
    }
}

fn sorted(ids: &[i32]) -> Vec<i32> {
    let mut ids = ids.to_vec();
    ids.sort_unstable();
    ids
}

/// A demo-slate workspace and its slate, for the run-level rules.
async fn demo_slate() -> (tempfile::TempDir, Slate) {
    let (dir, ws) = crate::common::workspace().await;
    let csv = nfl_dfs_core::demo::salary_csv();
    let report = ws
        .import_slate("DKSalaries-demo.csv", csv.as_bytes(), None)
        .await
        .unwrap();
    let slate = ws.slate(report.slate.id).await.unwrap();
    (dir, slate)
}

#[tokio::test]
async fn exposure_limits_hold_across_the_run() {
    let (_dir, slate) = demo_slate().await;
    let base = best(&slate, &Rules::default()).unwrap();
    let star = base.lineups[0].players[0];
    let bench = slate
        .players
        .iter()
        .filter(|p| {
            p.position == Position::WR
                && p.has_usable_game()
                && !base.lineups[0].players.contains(&p.id)
        })
        .max_by_key(|p| p.salary)
        .unwrap()
        .id;
    let rules = Rules {
        lineups: 20,
        max_exposure: Some(40),
        exposures: vec![
            ExposureLimit {
                player: star,
                min: 0,
                max: 25,
            },
            ExposureLimit {
                player: bench,
                min: 50,
                max: 100,
            },
        ],
        ..Rules::default()
    };
    let run = best(&slate, &rules).unwrap();
    assert_eq!(run.lineups.len(), 20);
    let mut counts: HashMap<i32, usize> = HashMap::new();
    for lineup in &run.lineups {
        for id in &lineup.players {
            *counts.entry(*id).or_default() += 1;
        }
    }
    assert!(
        counts.iter().all(|(id, n)| *id == bench || *n <= 8),
        "40% of 20 is 8, except for the player with his own limit: {counts:?}"
    );
    assert_eq!(counts[&star], 5, "25% of 20, and he is in the best lineups");
    assert!(
        counts[&bench] >= 10,
        "50% of 20 at least: {}",
        counts[&bench]
    );
    let distinct: std::collections::HashSet<Vec<i32>> =
        run.lineups.iter().map(|l| sorted(&l.players)).collect();
    assert_eq!(distinct.len(), 20);
    // Without the limits, the star is in more lineups: the limit did the work.
    let free = best(
        &slate,
        &Rules {
            lineups: 20,
            ..Rules::default()
        },
    )
    .unwrap();
    assert!(
        free.lineups
            .iter()
            .filter(|l| l.players.contains(&star))
            .count()
            > 5
    );
}

#[tokio::test]
async fn randomness_is_reproducible_by_seed_and_reports_true_projections() {
    let (_dir, slate) = demo_slate().await;
    let rules = |seed| Rules {
        lineups: 10,
        randomness: 30,
        seed,
        ..Rules::default()
    };
    let a = best(&slate, &rules(7)).unwrap();
    let b = best(&slate, &rules(7)).unwrap();
    let c = best(&slate, &rules(8)).unwrap();
    let ids = |run: &nfl_dfs_core::optimizer::Run| {
        run.lineups
            .iter()
            .map(|l| l.players.clone())
            .collect::<Vec<_>>()
    };
    assert_eq!(ids(&a), ids(&b), "the same seed builds the same lineups");
    assert_ne!(ids(&a), ids(&c), "another seed builds others");
    let plain = best(
        &slate,
        &Rules {
            lineups: 10,
            ..Rules::default()
        },
    )
    .unwrap();
    assert_ne!(ids(&a), ids(&plain), "randomness changes the lineups");
    for lineup in &a.lineups {
        let truth: f64 = lineup
            .players
            .iter()
            .map(|id| slate.player(*id).unwrap().projected_points())
            .sum();
        assert!(
            (lineup.points - truth).abs() < 1e-9,
            "points are the unmoved projections"
        );
        assert!(lineup.points <= plain.lineups[0].points + 1e-9);
        assert!(validate(
            &slate,
            &lineup.players,
            &ValidationRules {
                salary_cap: SALARY_CAP,
                late_swap: None
            }
        )
        .is_empty());
    }
}

#[tokio::test]
async fn a_player_locked_in_flex_is_there() {
    let (_dir, slate) = demo_slate().await;
    let te = slate
        .players
        .iter()
        .filter(|p| p.position == Position::TE && p.has_usable_game())
        .max_by(|a, b| a.projected_points().total_cmp(&b.projected_points()))
        .unwrap()
        .id;
    let rules = Rules {
        lineups: 5,
        lock_slots: vec![SlotLock {
            player: te,
            slot: 7,
        }],
        ..Rules::default()
    };
    let run = best(&slate, &rules).unwrap();
    for lineup in &run.lineups {
        assert_eq!(lineup.players[7], te, "FLEX holds him");
    }
    let wrong = Rules {
        lock_slots: vec![SlotLock {
            player: te,
            slot: 0,
        }],
        ..Rules::default()
    };
    let err = best(&slate, &wrong).unwrap_err();
    assert_eq!(err.code(), ErrorCode::InvalidInput);
    assert!(err.to_string().contains("cannot fill QB"), "{err}");
}

/// The search and HiGHS give the same 40 best totals on real slates, rules only and with a
/// stack, bring-back and no offense against the DST.
#[tokio::test]
async fn the_search_and_highs_agree_on_real_slates() {
    let Some(data) = crate::common::real_data() else {
        return;
    };
    let (_dir, ws) = crate::common::workspace().await;
    for file in [
        "2018_w05_sun_10-07_main.csv",
        "2025_w12_sun-mon_11-23_11-24.csv",
    ] {
        let report = ws
            .import_slate_file(&data.join("dk_salaries").join(file), None)
            .await
            .unwrap();
        let slate = ws.slate(report.slate.id).await.unwrap();
        for rules in [
            Rules {
                lineups: 40,
                ..Rules::default()
            },
            Rules {
                lineups: 40,
                qb_stack: 2,
                bring_back: 1,
                no_opponent_vs_dst: true,
                ..Rules::default()
            },
        ] {
            let totals = |engine| {
                optimize_with(engine, &slate, &HashMap::new(), &rules, &stopped, |_, _| {
                    true
                })
                .unwrap()
                .lineups
                .iter()
                .map(|l| (l.points * 1e6).round() as i64)
                .collect::<Vec<_>>()
            };
            assert_eq!(
                totals(Engine::Search),
                totals(Engine::Highs),
                "{file} {rules:?}"
            );
        }
    }
}

#[tokio::test]
async fn a_run_that_reaches_its_time_limit_returns_what_it_found_and_says_so() {
    let (_dir, slate) = demo_slate().await;
    let rules = Rules {
        lineups: 500,
        min_unique: 3,
        ..Rules::default()
    };
    // A clock that moves a second each time it is read: the run stops at its 30th second,
    // whatever the machine's speed.
    let ticks = std::sync::atomic::AtomicU64::new(0);
    let ticking =
        || std::time::Duration::from_secs(ticks.fetch_add(1, std::sync::atomic::Ordering::Relaxed));
    let run = optimize_within(
        Engine::Search,
        &slate,
        &HashMap::new(),
        &rules,
        std::time::Duration::from_secs(30),
        &ticking,
        |_, _| true,
    )
    .unwrap();
    let warning = run.warning.expect("a run stopped by its limit says so");
    assert!(warning.contains("time limit of 30 s"), "{warning}");
    assert!(!run.lineups.is_empty() && run.lineups.len() < 500);
    assert!(run.seconds >= 30.0, "{}", run.seconds);
    let rules_check = ValidationRules {
        salary_cap: SALARY_CAP,
        late_swap: None,
    };
    for lineup in &run.lineups {
        assert!(validate(&slate, &lineup.players, &rules_check).is_empty());
    }
    // Out of time from the start: the first lineup is still finished, and said to be unproven.
    let first = optimize_within(
        Engine::Search,
        &slate,
        &HashMap::new(),
        &rules,
        std::time::Duration::ZERO,
        &stopped,
        |_, _| true,
    )
    .unwrap();
    assert_eq!(first.lineups.len(), 1);
    assert!(first.warning.unwrap().contains("time limit of 0 s"));
    let whole = best(&slate, &Rules::default()).unwrap();
    assert_eq!(whole.warning, None);
}
