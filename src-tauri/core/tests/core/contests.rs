//! Contests: presets and typed payout tables checked, the pick written as a valid upload file
//! and reproducible by seed, a cancelled pick leaving nothing behind, standings imported whole
//! or not at all (another sport, a showdown), the backtest against a real field and the track
//! record that replays it.

use crate::common;
use nfl_dfs_core::contest::{ContestType, PayoutTier, Payouts};
use nfl_dfs_core::settings::SettingValue;
use nfl_dfs_core::slate::PlayerFlags;
use nfl_dfs_core::{
    ContestEdit, ErrorCode, FieldRequest, NewContest, PickRequest, RecordRequest, Workspace,
};
use std::path::{Path, PathBuf};

fn repo(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .join(path)
}

async fn demo_slate(ws: &Workspace) -> i32 {
    ws.import_slate_file(&repo("data/DKSalaries-demo.csv"), None)
        .await
        .unwrap()
        .slate
        .id
}

/// The demo slate and a 500-entry $20 double-up on it.
async fn demo_double_up(ws: &Workspace) -> nfl_dfs_core::contest::Contest {
    let slate = demo_slate(ws).await;
    ws.add_contest(&contest(slate, ContestType::DoubleUp, 500, 20.0))
        .await
        .unwrap()
}

fn contest(slate_id: i32, contest_type: ContestType, entries: u32, fee: f64) -> NewContest {
    NewContest {
        slate_id,
        name: None,
        contest_type,
        entries,
        entry_fee: fee,
        payouts_file: None,
        payouts: None,
        dk_contest_id: None,
        places_paid: None,
        games: Vec::new(),
    }
}

#[tokio::test]
async fn bad_contests_are_refused_and_nothing_is_stored() {
    let (dir, ws) = common::workspace().await;
    let slate = demo_slate(&ws).await;
    let before = common::snapshot(&ws).await;
    for (bad, why) in [
        (contest(slate, ContestType::DoubleUp, 1, 10.0), "at least 2"),
        (
            contest(slate, ContestType::HeadToHead, 3, 10.0),
            "head-to-head",
        ),
        (
            contest(slate, ContestType::Tournament, 100, f64::NAN),
            "entry fee",
        ),
        (
            contest(slate + 99, ContestType::DoubleUp, 100, 10.0),
            "slate",
        ),
        (
            NewContest {
                name: Some("Sunday \u{202E}pu-elbuod".into()),
                ..contest(slate, ContestType::DoubleUp, 100, 10.0)
            },
            "right-to-left",
        ),
        (
            NewContest {
                name: Some("Main\u{200B}".into()),
                ..contest(slate, ContestType::DoubleUp, 100, 10.0)
            },
            "zero-width",
        ),
    ] {
        let e = ws.add_contest(&bad).await.unwrap_err();
        assert!(e.to_string().contains(why), "{e}");
    }
    let typed = |tiers: &[(u32, u32, f64)]| NewContest {
        payouts: Some(Payouts {
            tiers: tiers
                .iter()
                .map(|&(first, last, prize)| PayoutTier { first, last, prize })
                .collect(),
        }),
        ..contest(slate, ContestType::Tournament, 100, 10.0)
    };
    for (tiers, why) in [
        (vec![(1, 1, 500.0), (3, 10, 20.0)], "gap"),
        (vec![(1, 2, 300.0), (2, 10, 20.0)], "overlap"),
        (vec![(1, 1, 900.0), (2, 10, 20.0)], "more than the $1000.00"),
    ] {
        let e = ws.add_contest(&typed(&tiers)).await.unwrap_err();
        assert_eq!(e.code(), ErrorCode::InvalidInput);
        assert!(e.to_string().contains(why), "{e}");
    }
    let file = dir.path().join("payouts.csv");
    std::fs::write(&file, "Rank,Prize\n1,500\n2-5,oops\n").unwrap();
    let e = ws
        .add_contest(&NewContest {
            payouts_file: Some(file.display().to_string()),
            ..contest(slate, ContestType::Tournament, 100, 10.0)
        })
        .await
        .unwrap_err();
    assert!(
        e.to_string().contains("line 3") && e.to_string().contains("Prize"),
        "{e}"
    );
    assert_eq!(common::snapshot(&ws).await, before);
    std::fs::write(&file, "Rank,Prize\n1,500\n2-5,100\n").unwrap();
    let added = ws
        .add_contest(&NewContest {
            payouts_file: Some(file.display().to_string()),
            ..contest(slate, ContestType::Tournament, 100, 10.0)
        })
        .await
        .unwrap();
    assert_eq!(added.payouts.paid(), 5);
    assert_eq!(ws.contests(Some(slate)).await.unwrap(), vec![added.clone()]);

    // An edit is checked as an add is; a refused one changes nothing.
    let stored = common::snapshot(&ws).await;
    let e = ws
        .edit_contest(
            added.id,
            &ContestEdit {
                entries: Some(1),
                ..ContestEdit::default()
            },
        )
        .await
        .unwrap_err();
    assert!(e.to_string().contains("at least 2"), "{e}");
    let e = ws
        .edit_contest(
            added.id,
            &ContestEdit {
                entry_fee: Some(1.0),
                payouts: Some(added.payouts.clone()),
                ..ContestEdit::default()
            },
        )
        .await
        .unwrap_err();
    assert!(
        e.to_string().contains("more than"),
        "$900 of prizes from $100 of fees: {e}"
    );
    let missing = ws
        .edit_contest(added.id + 99, &ContestEdit::default())
        .await
        .unwrap_err();
    assert_eq!(missing.code(), ErrorCode::NotFound);
    assert_eq!(common::snapshot(&ws).await, stored);
    // A new name keeps the file's table; a new type, field and fee take the type's preset.
    let renamed = ws
        .edit_contest(
            added.id,
            &ContestEdit {
                name: Some("Sunday tournament".into()),
                ..ContestEdit::default()
            },
        )
        .await
        .unwrap();
    assert_eq!(renamed.name, "Sunday tournament");
    assert_eq!(renamed.payouts, added.payouts);
    let edited = ws
        .edit_contest(
            added.id,
            &ContestEdit {
                contest_type: Some(ContestType::DoubleUp),
                entries: Some(200),
                entry_fee: Some(25.0),
                ..ContestEdit::default()
            },
        )
        .await
        .unwrap();
    assert_eq!(
        (
            edited.id,
            edited.entries,
            edited.entry_fee,
            edited.name.as_str()
        ),
        (added.id, 200, 25.0, "Sunday tournament")
    );
    assert_eq!(edited.payouts.paid(), 88, "44% of 200 paid");
    assert_eq!(ws.contest(added.id).await.unwrap(), edited);
    assert_eq!(ws.contests(Some(slate)).await.unwrap().len(), 1);
}

#[tokio::test]
async fn the_field_edge_lifts_the_simulated_cash_line_and_exact_projections_drop_it() {
    let (_dir, ws) = common::workspace().await;
    let double = demo_double_up(&ws).await;
    let request = PickRequest {
        contest_id: double.id,
        simulations: 1000,
        candidates: 20,
        seed: 3,
        out: None,
        exact_projections: false,
    };
    // A cash game's field: the measured default, its lineups scoring 6% more on average.
    let edged = ws.pick(&request, |_, _, _| true).await.unwrap();
    assert_eq!(edged.field_edge, 0.06);
    ws.set_setting("field_edge_pct", SettingValue::Integer(0))
        .await
        .unwrap();
    let plain = ws.pick(&request, |_, _, _| true).await.unwrap();
    let ratio = edged.cash_line.p50 / plain.cash_line.p50;
    assert!((1.02..1.10).contains(&ratio), "{ratio}");
    assert!(edged.cash_line.p90 - edged.cash_line.p10 > plain.cash_line.p90 - plain.cash_line.p10);
    assert!(edged.pick.outcome.p_cash < plain.pick.outcome.p_cash);
    // As if the projections were exact the field knows no more than they do, whatever the
    // setting says.
    ws.set_setting("field_edge_pct", SettingValue::Integer(30))
        .await
        .unwrap();
    let exact = |r: &PickRequest| PickRequest {
        exact_projections: true,
        ..r.clone()
    };
    let exact_edged = ws.pick(&exact(&request), |_, _, _| true).await.unwrap();
    ws.set_setting("field_edge_pct", SettingValue::Integer(0))
        .await
        .unwrap();
    let exact_plain = ws.pick(&exact(&request), |_, _, _| true).await.unwrap();
    assert_eq!(exact_edged.cash_line, exact_plain.cash_line);
    // A tournament's field has an edge of its own: 18% measured, the cash games' setting
    // left aside.
    let tournament = ws
        .add_contest(&contest(
            double.slate_id,
            ContestType::Tournament,
            500,
            20.0,
        ))
        .await
        .unwrap();
    let top = PickRequest {
        contest_id: tournament.id,
        ..request.clone()
    };
    let sharp = ws.pick(&top, |_, _, _| true).await.unwrap();
    assert_eq!(sharp.field_edge, 0.18);
    ws.set_setting("tournament_field_edge_pct", SettingValue::Integer(0))
        .await
        .unwrap();
    let naive = ws.pick(&top, |_, _, _| true).await.unwrap();
    assert_eq!(naive.field_edge, 0.0);
    let ratio = sharp.cash_line.p50 / naive.cash_line.p50;
    assert!((1.12..1.24).contains(&ratio), "{ratio}");
    // The setting is range-checked where it enters.
    let e = ws
        .set_setting("field_edge_pct", SettingValue::Integer(51))
        .await
        .unwrap_err();
    assert!(e.to_string().contains("field_edge_pct"), "{e}");
    for bad in [SettingValue::Integer(51), SettingValue::Integer(u32::MAX)] {
        let e = ws
            .set_setting("tournament_field_edge_pct", bad)
            .await
            .unwrap_err();
        assert!(e.to_string().contains("tournament_field_edge_pct"), "{e}");
    }
}

#[tokio::test]
async fn the_pick_is_a_valid_upload_file_reproducible_by_seed_and_cancel_writes_nothing() {
    let (dir, ws) = common::workspace().await;
    let slate = demo_slate(&ws).await;
    // The P(cash) range below is the app's error alone: the field's edge, drawn apart from it,
    // would blur its two ends on this small slate.
    ws.set_setting("field_edge_pct", SettingValue::Integer(0))
        .await
        .unwrap();
    let double = ws
        .add_contest(&contest(slate, ContestType::DoubleUp, 500, 20.0))
        .await
        .unwrap();
    let out = dir.path().join("pick.csv");
    let request = PickRequest {
        contest_id: double.id,
        simulations: 1000,
        candidates: 40,
        seed: 7,
        out: Some(out.display().to_string()),
        exact_projections: false,
    };
    let report = ws.pick(&request, |_, _, _| true).await.unwrap();
    let text = std::fs::read_to_string(&out).unwrap();
    let ids: Vec<&str> = text.lines().nth(1).unwrap().split(',').collect();
    assert_eq!(ids.len(), 9);
    for (id, player) in ids.iter().zip(&report.pick.players) {
        assert_eq!(id.parse::<i64>().ok(), player.player.dk_id);
    }
    let stored = ws.lineups(slate).await.unwrap();
    assert!(stored.iter().any(|l| Some(l.id) == report.lineup_id));
    // The highest-projected lineup projects at least as much as the pick.
    assert!(report.max_projection.projection >= report.pick.projection - 1e-9);
    assert!(report.pick.outcome.expected_payout >= report.max_projection.outcome.expected_payout);
    let o = &report.pick.outcome;
    assert!(
        (o.expected_payout - o.p_cash * 40.0).abs() < 1e-6,
        "a double-up pays P(cash) x prize"
    );
    assert!((o.roi - (o.expected_payout / 20.0 - 1.0)).abs() < 1e-9);
    assert!(
        report.cash_line.p10 <= report.cash_line.p50
            && report.cash_line.p50 <= report.cash_line.p90
    );
    assert_eq!(report.pick.histogram.iter().sum::<u32>(), 1000);
    let again = ws
        .pick(
            &PickRequest {
                out: None,
                ..request.clone()
            },
            |_, _, _| true,
        )
        .await
        .unwrap();
    assert_eq!(again.pick.players, report.pick.players);
    assert_eq!(again.pick.outcome, report.pick.outcome);
    // The pick's chance comes with its range: lower where the projections proved least right.
    assert!(o.p_cash_low <= o.p_cash_high, "{o:?}");
    assert!((0.0..=1.0).contains(&o.p_cash_low) && (0.0..=1.0).contains(&o.p_cash_high));
    // As if the projections were exact (the app's way before it measured its error), a
    // lineup's simulated mean is its projection; with the app's error, the truth sits between
    // the app and the market, and the mean moves with it.
    let exact = ws
        .pick(
            &PickRequest {
                out: None,
                exact_projections: true,
                ..request.clone()
            },
            |_, _, _| true,
        )
        .await
        .unwrap();
    let e = &exact.pick;
    assert!(
        (e.outcome.mean - e.projection).abs() < 0.02 * e.projection,
        "{} vs {}",
        e.outcome.mean,
        e.projection
    );
    assert!((o.mean - report.pick.projection).abs() > 0.02 * report.pick.projection);

    let before = common::snapshot(&ws).await;
    let cancelled_out = dir.path().join("cancelled.csv");
    let e = ws
        .pick(
            &PickRequest {
                out: Some(cancelled_out.display().to_string()),
                ..request.clone()
            },
            |stage, _, _| stage != "simulation",
        )
        .await
        .unwrap_err();
    assert_eq!(e.code(), ErrorCode::Cancelled);
    assert!(!cancelled_out.exists());
    assert_eq!(common::snapshot(&ws).await, before);
    for bad in [
        PickRequest {
            simulations: 10,
            ..request.clone()
        },
        PickRequest {
            candidates: 0,
            ..request.clone()
        },
        PickRequest {
            contest_id: 999,
            ..request.clone()
        },
    ] {
        assert!(ws.pick(&bad, |_, _, _| true).await.is_err());
    }
}

#[tokio::test]
async fn the_simulated_field_is_measured_and_refusals_say_why() {
    let (_dir, ws) = common::workspace().await;
    let double = demo_double_up(&ws).await;
    let request = FieldRequest {
        contest_id: double.id,
        simulations: 200,
        seed: 3,
    };
    let check = ws.field_check(&request).await.unwrap();
    let f = &check.simulated;
    assert_eq!(f.lineups, 499, "every opponent of the contest");
    // The field spends the cap and stacks as real fields do.
    assert!(f.near_cap_share > 0.9, "{f:?}");
    assert!(
        f.salary_median >= 49_500.0 && f.salary_median <= 50_000.0,
        "{f:?}"
    );
    assert!((0.3..0.8).contains(&f.stack_rate), "{f:?}");
    assert!(f.projected.p10 <= f.projected.p50 && f.projected.p50 <= f.projected.p90);
    let p = &check.simulated_points;
    assert!(p.p10 < p.p50 && p.p50 < p.p90, "{p:?}");
    let m = &check.simulated_median_range;
    assert!(m.p10 <= m.p50 && m.p50 <= m.p90 && (m.p50 - p.p50).abs() < 1e-9);
    assert_eq!(
        (check.real.is_none(), check.standings.is_none()),
        (true, true)
    );
    assert_eq!(ws.field_check(&request).await.unwrap(), check, "seeded");
    for bad in [
        FieldRequest {
            simulations: 0,
            ..request.clone()
        },
        FieldRequest {
            contest_id: 999,
            ..request.clone()
        },
    ] {
        assert!(ws.field_check(&bad).await.is_err());
    }
}

#[tokio::test]
async fn lineups_of_a_file_are_simulated_with_and_without_a_contest() {
    let (dir, ws) = common::workspace().await;
    let slate = demo_slate(&ws).await;
    let tournament = ws
        .add_contest(&contest(slate, ContestType::Tournament, 1000, 5.0))
        .await
        .unwrap();
    let out = dir.path().join("pick.csv");
    ws.pick(
        &PickRequest {
            contest_id: tournament.id,
            simulations: 500,
            candidates: 20,
            seed: 1,
            out: Some(out.display().to_string()),
            exact_projections: false,
        },
        |_, _, _| true,
    )
    .await
    .unwrap();
    let alone = ws
        .simulate_lineups(slate, &out, 500, None, 3, |_, _| true)
        .await
        .unwrap();
    let l = &alone.lineups[0].lineup;
    assert_eq!(alone.lineups[0].line, 2);
    assert!(l.outcome.p10 <= l.outcome.p50 && l.outcome.p50 <= l.outcome.p90);
    assert_eq!(l.outcome.p_cash, 0.0, "no contest, no cash");
    let ranked = ws
        .simulate_lineups(slate, &out, 500, Some(tournament.id), 3, |_, _| true)
        .await
        .unwrap();
    assert!(ranked.lineups[0].lineup.outcome.p_cash > 0.0);
    assert_eq!(
        ranked.lineups[0].lineup.outcome.mean, l.outcome.mean,
        "same draws"
    );
}

#[tokio::test]
async fn standings_of_a_real_contest_import_once_and_backtest_the_pick() {
    let Some(data) = common::real_data() else {
        return;
    };
    let (dir, ws) = common::workspace().await;
    let slate = ws
        .import_slate_file(&data.join("dk_salaries/2018_w07_sun_10-21.csv"), None)
        .await
        .unwrap()
        .slate
        .id;
    let file = data.join("dk_contests/2018_w07_sun_10-21_standings-2272entries.csv");
    // Hostile copies first: a showdown lineup and a bad ownership cell refuse the whole file.
    let text = std::fs::read_to_string(&file).unwrap();
    let before = common::snapshot(&ws).await;
    for (edit, why) in [
        (
            text.replacen("QB Carson Wentz", "CPT Carson Wentz", 1),
            "Lineup",
        ),
        (text.replacen("88.95%", "188.95%", 1), "%Drafted"),
    ] {
        let bad = dir.path().join("bad.csv");
        std::fs::write(&bad, edit).unwrap();
        let e = ws.import_standings(slate, &bad, None).await.unwrap_err();
        assert!(
            e.to_string().contains(why) && e.to_string().contains("line 2"),
            "{e}"
        );
    }
    assert_eq!(common::snapshot(&ws).await, before);
    // Altered as a whole: an entry twice, ownership past what nine slots allow, a lineup
    // naming a player the file does not list; and another slate's standings.
    let lines: Vec<&str> = text.lines().collect();
    let twice = format!("{}\n{}", text.trim_end(), lines[1]);
    // Every player under 30% drafted three times as often: each cell still reads, the sum
    // passes 900%.
    let inflated: String = text
        .lines()
        .map(|line| {
            let mut cells: Vec<String> = line.split(',').map(str::to_string).collect();
            if let Some(share) = cells
                .get(9)
                .and_then(|c| c.trim_end_matches('%').parse::<f64>().ok())
                .filter(|s| *s < 30.0)
            {
                cells[9] = format!("{:.2}%", 3.0 * share);
            }
            cells.join(",") + "\n"
        })
        .collect();
    let stranger = text.replacen("QB Carson Wentz", "QB Nobody Atall", 1);
    for (edit, why) in [
        (twice, "listed twice"),
        (inflated, "add up to"),
        (stranger, "not in the file's player table"),
    ] {
        let bad = dir.path().join("altered.csv");
        std::fs::write(&bad, edit).unwrap();
        let e = ws.import_standings(slate, &bad, None).await.unwrap_err();
        assert!(e.to_string().contains(why), "{why}: {e}");
    }
    assert_eq!(common::snapshot(&ws).await, before);
    let other_week = ws
        .import_slate_file(&data.join("dk_salaries/2022_w01_sun_09-11.csv"), None)
        .await
        .unwrap()
        .slate
        .id;
    let before = common::snapshot(&ws).await;
    let e = ws
        .import_standings(other_week, &file, None)
        .await
        .unwrap_err();
    assert!(e.to_string().contains("another slate"), "{e}");
    assert_eq!(common::snapshot(&ws).await, before);
    let report = ws.import_standings(slate, &file, None).await.unwrap();
    assert_eq!(report.entries, 2272);
    assert!(report.matched + 5 >= report.players, "{report:?}");
    assert!(!report.live);
    let again = ws.import_standings(slate, &file, None).await.unwrap();
    assert!(again.already_imported);
    let double = ws
        .add_contest(&contest(slate, ContestType::DoubleUp, 2272, 50.0))
        .await
        .unwrap();
    let b = ws
        .contest_backtest(&PickRequest {
            contest_id: double.id,
            simulations: 500,
            candidates: 30,
            seed: 1,
            out: None,
            exact_projections: false,
        })
        .await
        .unwrap();
    assert_eq!(b.field, 2272);
    assert_eq!(b.cash_line, Some(133.36));
    // The real field measured beside the simulated one: the file's lineups resolved to the
    // slate's players, their real points as the file gives them.
    let field = ws
        .field_check(&FieldRequest {
            contest_id: double.id,
            simulations: 100,
            seed: 1,
        })
        .await
        .unwrap();
    let real = field.real.as_ref().expect("the real field");
    assert!(real.lineups + field.real_left_out == 2272, "{field:?}");
    assert!(field.real_left_out < 25, "{field:?}");
    assert!(
        real.near_cap_share > 0.95 && real.salary_median >= 49_800.0,
        "{real:?}"
    );
    let points = field.real_points.expect("real points");
    assert!((points.p50 - 129.4).abs() < 1.5, "{points:?}");
    // The same lineups scored in the simulation: a typical slate's spread, in order.
    let simulated = field
        .real_simulated_points
        .expect("the real lineups simulated");
    assert!(simulated.p10 < simulated.p50 && simulated.p50 < simulated.p90);
    assert!((80.0..200.0).contains(&simulated.p50), "{simulated:?}");
    // The simulated field scored with the real points, its cash line beside the real one: on
    // the same outcomes, how much better the real field chose.
    let sampled = field
        .simulated_real_points
        .expect("the simulated field on the real points");
    assert!(sampled.p10 < sampled.p50 && sampled.p50 < sampled.p90);
    assert!((80.0..200.0).contains(&sampled.p50), "{sampled:?}");
    assert_eq!(field.real_cash_line, b.cash_line);
    let line = field.simulated_real_cash_line.expect("its cash line");
    let edge = field.measured_edge.expect("the field's edge");
    assert!(
        (edge - (133.36 / line - 1.0)).abs() < 1e-12,
        "{edge} {line}"
    );
    assert!(
        (sampled.p10..=sampled.p90).contains(&line),
        "a double-up's line sits in the middle of the field: {line} {sampled:?}"
    );
    // Fed the real %Drafted, the same sampler drafts a field whose cash line on the real points
    // is the real one: the lineups are built as people build them.
    let drafted = field
        .drafted_cash_line
        .expect("the full standings tell the field's ownership");
    assert!((drafted / 133.36 - 1.0).abs() < 0.03, "{drafted}");
    for f in [&b.pick, &b.max_projection] {
        assert!(f.rank >= 1 && f.rank <= 2273);
        assert_eq!(f.cashed, f.points >= 133.36);
    }
    // A slate's own real ownership never makes its projected one; another slate's does.
    let ownership = ws.ownership(slate).await.unwrap();
    assert!(
        ownership.model.starts_with("shipped"),
        "{}",
        ownership.model
    );
    let elsewhere = ws.ownership(other_week).await.unwrap();
    assert!(
        elsewhere.model.contains("fitted on 1 imported contest"),
        "{}",
        elsewhere.model
    );
    let qbs: f64 = ownership
        .players
        .iter()
        .filter(|p| p.player.position == nfl_dfs_core::dk::Position::QB)
        .map(|p| p.ownership)
        .sum();
    assert!((qbs - 100.0).abs() < 1e-6, "{qbs}");

    // The track record replays it: the same pick, its prediction against its finish.
    let request = RecordRequest {
        simulations: 500,
        candidates: 30,
        seed: 1,
    };
    let mut seen = Vec::new();
    let record = ws
        .track_record(&request, |done, total| {
            seen.push((done, total));
            true
        })
        .await
        .unwrap();
    assert_eq!(seen, [(1, 1)]);
    assert_eq!(record.contests.len(), 1, "{record:?}");
    let r = &record.contests[0];
    assert_eq!(
        (r.points, r.rank, r.cashed, r.cash_line),
        (b.pick.points, b.pick.rank, b.pick.cashed, b.cash_line)
    );
    assert_eq!(r.predicted, b.simulated.pick.outcome.p_cash);
    assert_eq!(record.summary.contests, 1);
    let outcome = f64::from(u8::from(r.cashed));
    assert!((record.summary.brier - (r.predicted - outcome).powi(2)).abs() < 1e-12);
    let paid = f64::from(double.payouts.paid()) / 2272.0;
    assert!((record.summary.brier_paid_fraction - (paid - outcome).powi(2)).abs() < 1e-12);
    assert!(!r.stored, "no pick was stored: replayed");
    // A stop between contests is a cancel.
    let stopped = ws.track_record(&request, |_, _| false).await.unwrap_err();
    assert_eq!(stopped.code(), ErrorCode::Cancelled);

    // A pick stored when made is judged as made: its own prediction, whatever a replay says.
    let made = ws
        .pick(
            &PickRequest {
                contest_id: double.id,
                simulations: 300,
                candidates: 20,
                seed: 9,
                out: Some(dir.path().join("pick.csv").display().to_string()),
                exact_projections: false,
            },
            |_, _, _| true,
        )
        .await
        .unwrap();
    let record = ws.track_record(&request, |_, _| true).await.unwrap();
    let r = &record.contests[0];
    assert!(r.stored);
    assert_eq!(r.predicted, made.pick.outcome.p_cash);
    assert_eq!(r.simulated_cash_line, made.cash_line.p50);
    let ids: Vec<i32> = made
        .pick
        .players
        .iter()
        .map(|p| p.player.slate_player_id)
        .collect();
    let names: Vec<String> = made
        .pick
        .players
        .iter()
        .map(|p| p.player.name.clone())
        .collect();
    let replayed = &b.pick;
    if ids == replayed.players {
        assert_eq!(r.points, replayed.points);
    }
    assert_eq!(names.len(), 9);
}

/// A $100 tournament paying `paid` places, as its lobby says.
fn paying(slate_id: i32, entries: u32, paid: u32) -> NewContest {
    NewContest {
        places_paid: Some(paid),
        ..contest(slate_id, ContestType::Tournament, entries, 100.0)
    }
}

/// The 2019 schedule and weekly player and team stats: the real points of the 2019 listings'
/// players.
async fn load_2019_stats(ws: &Workspace, data: &Path) {
    let nflverse = data.join("nflverse");
    ws.ingest_paths(
        &[
            nflverse.join("schedules/games.csv"),
            nflverse.join("player_stats_weekly/player_stats_2019.csv"),
            nflverse.join("team_stats_weekly/stats_team_week_2019.csv"),
        ],
        |_| true,
    )
    .await
    .unwrap();
}

#[tokio::test]
async fn a_listing_of_several_contests_imports_the_one_chosen_and_judges_only_what_it_lists() {
    let Some(data) = common::real_data() else {
        return;
    };
    let (_dir, ws) = common::workspace().await;
    load_2019_stats(&ws, &data).await;
    let slate = ws
        .import_slate_file(&data.join("dk_salaries/2019_w03_sun_09-22.csv"), None)
        .await
        .unwrap()
        .slate
        .id;
    let file = data.join("dk_contests/2019_w03_sun_09-22_standings-5contests-2501entries.csv");
    // Five contests in one file: which one is for the user to say; nothing is stored before.
    let before = common::snapshot(&ws).await;
    let e = ws.import_standings(slate, &file, None).await.unwrap_err();
    assert!(e.to_string().contains("holds 5 contests"), "{e}");
    assert!(e.to_string().contains("76804964"), "{e}");
    let e = ws
        .import_standings(slate, &file, Some("123"))
        .await
        .unwrap_err();
    assert!(e.to_string().contains("no contest 123"), "{e}");
    assert_eq!(common::snapshot(&ws).await, before);

    // 500 of a 555-entry field: most of it, so its ownership counts.
    let small = ws
        .import_standings(slate, &file, Some("76804964"))
        .await
        .unwrap();
    assert_eq!((small.entries, small.field_size), (500, Some(555)));
    let listed = small.contest.as_ref().expect("the listed contest");
    assert_eq!((listed.entries, listed.paid), (555, Some(120)));
    // Matched by DraftKings ID, the FLEX draftables and renamed players included.
    assert!(small.unmatched.len() <= 2, "{:?}", small.unmatched);
    assert!(
        ws.import_standings(slate, &file, Some("76804964"))
            .await
            .unwrap()
            .already_imported
    );
    // The top 500 of 1,111: another contest of the same file is its own import; the winners'
    // ownership is not the field's, so the model still rests on the 555-entry one alone.
    let large = ws
        .import_standings(slate, &file, Some("76480880"))
        .await
        .unwrap();
    assert!(!large.already_imported);
    assert_eq!((large.entries, large.field_size), (500, Some(1111)));
    assert_eq!(large.ownership_error, None);
    let elsewhere = ws
        .import_slate_file(&data.join("dk_salaries/2018_w07_sun_10-21.csv"), None)
        .await
        .unwrap()
        .slate
        .id;
    let ownership = ws.ownership(elsewhere).await.unwrap();
    assert!(
        ownership.model.contains("fitted on 1 imported contest"),
        "{}",
        ownership.model
    );

    // Each contest is judged against the field of its size, only as far as the file lists it.
    let request = |contest_id| PickRequest {
        contest_id,
        simulations: 300,
        candidates: 20,
        seed: 1,
        out: None,
        exact_projections: false,
    };
    let c555 = ws
        .add_contest(&NewContest {
            dk_contest_id: Some(" 76804964 ".into()),
            ..paying(slate, 555, 120)
        })
        .await
        .unwrap();
    assert_eq!(c555.dk_contest_id.as_deref(), Some("76804964"));
    let b = ws.contest_backtest(&request(c555.id)).await.unwrap();
    assert_eq!((b.field, b.listed), (555, 500));
    assert_eq!(b.cash_line, Some(172.94));
    assert!(b.median.is_some());
    // Another 555-entry contest of the file imported later: the contest that names its ID
    // keeps its own standings; one that does not takes the newest of its size.
    ws.import_standings(slate, &file, Some("76866990"))
        .await
        .unwrap();
    let b = ws.contest_backtest(&request(c555.id)).await.unwrap();
    assert_eq!(b.cash_line, Some(172.94));
    let unnamed = ws.add_contest(&paying(slate, 555, 118)).await.unwrap();
    let b = ws.contest_backtest(&request(unnamed.id)).await.unwrap();
    assert_eq!(b.cash_line, Some(171.74));
    let e = ws
        .add_contest(&NewContest {
            dk_contest_id: Some("7680/../4964".into()),
            ..paying(slate, 555, 120)
        })
        .await
        .unwrap_err();
    assert!(e.to_string().contains("not a DraftKings contest ID"), "{e}");
    let cleared = ws
        .edit_contest(
            c555.id,
            &ContestEdit {
                dk_contest_id: Some(String::new()),
                ..ContestEdit::default()
            },
        )
        .await
        .unwrap();
    assert_eq!(cleared.dk_contest_id, None);
    let c1111 = ws.add_contest(&paying(slate, 1111, 273)).await.unwrap();
    // The places its lobby says it pays, DraftKings' usual table spread over them.
    assert_eq!(c1111.places_paid, 273);
    let wider = ws
        .edit_contest(
            c1111.id,
            &ContestEdit {
                places_paid: Some(300),
                ..ContestEdit::default()
            },
        )
        .await
        .unwrap();
    assert_eq!(wider.places_paid, 300);
    let c1111 = ws
        .edit_contest(
            c1111.id,
            &ContestEdit {
                places_paid: Some(273),
                ..ContestEdit::default()
            },
        )
        .await
        .unwrap();
    let b = ws.contest_backtest(&request(c1111.id)).await.unwrap();
    assert_eq!((b.field, b.listed), (1111, 500));
    assert_eq!(b.cash_line, Some(169.84));
    assert_eq!(b.median, None, "the listing stops above the middle");
    for f in [&b.pick, &b.max_projection] {
        assert_eq!(f.cashed, f.points >= 169.84, "{f:?}");
        if !f.rank_known {
            assert_eq!(f.rank, 501);
        }
    }
    // A contest paying past the listed ranks cannot be judged below them.
    let c_wide = ws.add_contest(&paying(slate, 1111, 600)).await.unwrap();
    match ws.contest_backtest(&request(c_wide.id)).await {
        Ok(b) => assert!(b.pick.points > 153.0 && b.max_projection.points > 153.0),
        Err(e) => assert!(
            e.to_string().contains("whether it cashed is not known"),
            "{e}"
        ),
    }
    // A pick holding a player who did not play that week (Drew Brees, hurt in week 2) is
    // judged with his 0 points: no weekly stats row is what sitting out looks like.
    let brees = ws
        .slate(slate)
        .await
        .unwrap()
        .players
        .iter()
        .find(|p| p.name == "Drew Brees")
        .expect("on the slate")
        .id;
    ws.set_player_flags(
        brees,
        &PlayerFlags {
            locked: false,
            excluded: false,
            projection_override: Some(60.0),
            plays: Some(true),
        },
    )
    .await
    .unwrap();
    let b = ws.contest_backtest(&request(c1111.id)).await.unwrap();
    assert!(b.pick.players.contains(&brees), "{:?}", b.pick.names);
    assert!(!b.pick.cashed && b.pick.points < 169.84, "{:?}", b.pick);
}

/// A quick pick's request (300 slates, 30 candidates) of a contest.
fn quick(contest_id: i32, seed: u64) -> PickRequest {
    PickRequest {
        contest_id,
        simulations: 300,
        candidates: 30,
        seed,
        out: None,
        exact_projections: false,
    }
}

/// A quick pick of a contest.
async fn quick_pick(ws: &Workspace, contest_id: i32, seed: u64) -> nfl_dfs_core::PickReport {
    ws.pick(&quick(contest_id, seed), |_, _, _| true)
        .await
        .unwrap()
}

#[tokio::test]
async fn a_contest_on_some_of_the_slates_games_picks_only_from_them() {
    let (dir, ws) = common::workspace().await;
    let slate = demo_slate(&ws).await;
    let before = common::snapshot(&ws).await;
    for (games, why) in [
        (
            vec!["KC@LV", "SEA@SF"],
            "\"SEA@SF\" is no game of the slate",
        ),
        (vec!["KC", "LV"], "2 games at least"),
    ] {
        let e = ws
            .add_contest(&NewContest {
                games: games.iter().map(|g| g.to_string()).collect(),
                ..contest(slate, ContestType::DoubleUp, 100, 10.0)
            })
            .await
            .unwrap_err();
        assert_eq!(e.code(), ErrorCode::InvalidInput);
        assert!(e.to_string().contains(why), "{e}");
    }
    assert_eq!(common::snapshot(&ws).await, before, "nothing stored");

    // Named by key or by one of their teams, kept in kickoff order.
    let sunday = ws
        .add_contest(&NewContest {
            games: ["nyj@ne", "KC", "MIA", "CIN@BAL"]
                .map(String::from)
                .to_vec(),
            ..contest(slate, ContestType::DoubleUp, 100, 10.0)
        })
        .await
        .unwrap();
    let mut named = sunday.games.clone();
    named.sort();
    assert_eq!(named, ["BUF@MIA", "CIN@BAL", "KC@LV", "NYJ@NE"]);
    assert_eq!(ws.contest(sunday.id).await.unwrap().games, sunday.games);
    let teams = ["BUF", "MIA", "CIN", "BAL", "KC", "LV", "NYJ", "NE"];
    let report = quick_pick(&ws, sunday.id, 5).await;
    for lineup in [&report.pick, &report.max_projection] {
        for p in &lineup.players {
            assert!(
                teams.contains(&p.player.team.as_str()),
                "{} of {} is in no game of the contest",
                p.player.name,
                p.player.team
            );
        }
    }
    // The whole slate's highest-projected lineup draws on the other games too.
    let everything = ws
        .add_contest(&contest(slate, ContestType::DoubleUp, 100, 10.0))
        .await
        .unwrap();
    assert!(everything.games.is_empty());
    let whole = quick_pick(&ws, everything.id, 5).await;
    assert!(whole
        .max_projection
        .players
        .iter()
        .any(|p| !teams.contains(&p.player.team.as_str())));
    // That lineup, weighed in the contest of four games, is refused and says why.
    let file = dir.path().join("whole-slate.csv");
    let ids: Vec<String> = whole
        .max_projection
        .players
        .iter()
        .map(|p| p.player.dk_id.unwrap().to_string())
        .collect();
    std::fs::write(
        &file,
        format!("QB,RB,RB,WR,WR,WR,TE,FLEX,DST\n{}\n", ids.join(",")),
    )
    .unwrap();
    assert!(ws
        .simulate_lineups(slate, &file, 200, Some(everything.id), 1, |_, _| true)
        .await
        .is_ok());
    let e = ws
        .simulate_lineups(slate, &file, 200, Some(sunday.id), 1, |_, _| true)
        .await
        .unwrap_err();
    assert!(
        e.to_string()
            .contains("plays in a game the contest does not cover"),
        "{e}"
    );
    // A row edited by hand to name a game the slate does not hold is caught before a pick.
    {
        use sea_orm::ConnectionTrait;
        nfl_dfs_core::test_support::database(&ws)
            .execute_unprepared(&format!(
                "UPDATE contests SET games = 'SEA@SF,KC@LV' WHERE id = {}",
                sunday.id
            ))
            .await
            .unwrap();
    }
    let e = ws
        .pick(&quick(sunday.id, 5), |_, _, _| true)
        .await
        .unwrap_err();
    assert!(e.to_string().contains("is damaged in the database"), "{e}");
    assert!(e.to_string().contains("\"SEA@SF\""), "{e}");
    // `all` names every game again.
    let edited = ws
        .edit_contest(
            sunday.id,
            &ContestEdit {
                games: Some(vec!["all".into()]),
                ..ContestEdit::default()
            },
        )
        .await
        .unwrap();
    assert!(edited.games.is_empty());
}

#[tokio::test]
async fn standings_tell_the_games_a_contest_covered_and_its_replay_keeps_to_them() {
    let Some(data) = common::real_data() else {
        return;
    };
    let (_dir, ws) = common::workspace().await;
    load_2019_stats(&ws, &data).await;
    // The week's whole salary file (16 games, Thursday to Monday) and a Sunday contest's
    // listing, whose lineups hold players of the 12 Sunday afternoon games alone.
    let slate = ws
        .import_slate_file(
            &data.join("dk_salaries/2019_w01_thu-mon_09-05_09-09.csv"),
            None,
        )
        .await
        .unwrap()
        .slate
        .id;
    let file = data.join("dk_contests/2019_w01_sun_09-08_standings-3contests-1500entries.csv");
    let report = ws
        .import_standings(slate, &file, Some("75839025"))
        .await
        .unwrap();
    assert_eq!((report.games.len(), report.slate_games), (12, 16));
    for night in ["GB@CHI", "PIT@NE", "HOU@NO", "DEN@OAK"] {
        assert!(!report.games.iter().any(|g| g == night), "{night}");
    }
    assert!(report.games.iter().any(|g| g == "KC@JAX"));
    let listed = report.contest.clone().unwrap();
    let sunday = ws
        .add_contest(&NewContest {
            dk_contest_id: Some(listed.id.clone()),
            ..paying(slate, listed.entries, listed.paid.unwrap())
        })
        .await
        .unwrap();
    assert!(sunday.games.is_empty(), "the user named none");
    let backtest = ws.contest_backtest(&quick(sunday.id, 2)).await.unwrap();
    let night_teams = ["GB", "CHI", "PIT", "NE", "HOU", "NO", "DEN", "OAK"];
    for lineup in [&backtest.simulated.pick, &backtest.simulated.max_projection] {
        for p in &lineup.players {
            assert!(
                !night_teams.contains(&p.player.team.as_str()),
                "{} ({}) plays in no game of the contest",
                p.player.name,
                p.player.team
            );
        }
    }
    // Another contest of the slate, of another size and without the ID, is not held to those
    // standings' games: its lineups draw on the whole week.
    let whole_week = ws
        .add_contest(&contest(slate, ContestType::DoubleUp, 100, 10.0))
        .await
        .unwrap();
    let pick = quick_pick(&ws, whole_week.id, 2).await;
    assert!(pick
        .max_projection
        .players
        .iter()
        .any(|p| night_teams.contains(&p.player.team.as_str())));
}
