//! Who plays, on a real slate: players who sat out their team's latest games are expected to
//! sit, and the projection counts it (issue 16).

use crate::common::{load_2021_without, real_data, repo, workspace};
use nfl_dfs_core::dk::Position;
use nfl_dfs_core::projection::availability::PlayStatus;
use nfl_dfs_core::projection::depth::ChartPlace;
use nfl_dfs_core::projection::project::ProjectionSource;
use nfl_dfs_core::slate::PlayerFlags;
use nfl_dfs_core::{PlayerView, SlateView, Workspace};
use std::collections::{HashMap, HashSet};

/// The view of the real salary file `file` once imported.
async fn view_of(ws: &Workspace, data: &std::path::Path, file: &str) -> SlateView {
    let slate = ws
        .import_slate_file(&data.join("dk_salaries").join(file), None)
        .await
        .unwrap()
        .slate;
    ws.slate_view(Some(slate.id)).await.unwrap()
}

/// The player of a slate's view by name.
fn find<'a>(view: &'a SlateView, name: &str) -> &'a PlayerView {
    view.players
        .iter()
        .find(|p| p.player.name == name)
        .unwrap_or_else(|| panic!("{name} is on the slate"))
}

#[tokio::test]
async fn players_who_sat_out_are_expected_to_sit_and_the_user_decides_last() {
    let Some(data) = real_data() else {
        return;
    };
    let (_dir, ws) = workspace().await;
    let nfl = data.join("nflverse");
    ws.ingest_paths(
        &[
            nfl.join("schedules/games.csv"),
            nfl.join("player_stats_weekly/player_stats_2018.csv"),
        ],
        |_| true,
    )
    .await
    .unwrap();
    let slate = ws
        .import_slate_file(&data.join("dk_salaries/2018_w11_sun_11-18.csv"), None)
        .await
        .unwrap()
        .slate;
    let gsis: HashMap<i32, String> = ws
        .match_slate(slate.id)
        .await
        .unwrap()
        .players
        .into_iter()
        .filter_map(|m| m.gsis_id.map(|g| (m.player.slate_player_id, g)))
        .collect();
    let played: HashSet<String> = ws
        .week_points(2018, 11)
        .await
        .unwrap()
        .players
        .into_iter()
        .map(|p| p.gsis_id)
        .collect();
    let projected = ws.project_slate(slate.id).await.unwrap();
    let (mut before, mut after, mut brier, mut always, mut n) = (0, 0, 0.0, 0.0, 0.0);
    for p in projected.players.iter().filter(|p| p.playable) {
        assert!((0.0..=1.0).contains(&p.play_probability), "{p:?}");
        assert!(
            (p.projection - p.play_probability * p.if_plays).abs() < 1e-9,
            "{p:?}"
        );
        let Some(g) = gsis.get(&p.player.slate_player_id) else {
            continue;
        };
        if p.player.position == Position::DST {
            continue;
        }
        let appeared = f64::from(u8::from(played.contains(g)));
        n += 1.0;
        brier += (p.play_probability - appeared).powi(2);
        always += (1.0 - appeared).powi(2);
        if appeared == 0.0 {
            before += usize::from(p.if_plays > 5.0);
            after += usize::from(p.projection > 5.0);
        }
    }
    assert!(n > 100.0, "{n} matched players");
    assert!(
        after < before,
        "players above 5 points who did not play: {before} without availability, {after} with"
    );
    assert!(
        brier < always,
        "Brier {:.3} against {:.3} for 'everyone plays'",
        brier / n,
        always / n
    );
    let missing = projected
        .players
        .iter()
        .find(|p| p.status == PlayStatus::Missing)
        .expect("someone on a week-11 slate missed his team's latest games");
    assert!(missing.play_probability < 0.7, "{missing:?}");
    assert!(missing
        .availability_reason
        .starts_with("missed his team's last"));

    // The user's word is final, both ways.
    let flags = |plays| PlayerFlags {
        locked: false,
        excluded: false,
        projection_override: None,
        plays,
    };
    ws.set_player_flags(missing.player.slate_player_id, &flags(Some(true)))
        .await
        .unwrap();
    let mine = |list: &[nfl_dfs_core::projection::project::PlayerProjection]| {
        list.iter()
            .find(|p| p.player.slate_player_id == missing.player.slate_player_id)
            .unwrap()
            .clone()
    };
    let plays = mine(&ws.project_slate(slate.id).await.unwrap().players);
    assert_eq!(
        (plays.play_probability, plays.status),
        (1.0, PlayStatus::Active)
    );
    assert_eq!(plays.projection, plays.if_plays);
    ws.set_player_flags(missing.player.slate_player_id, &flags(Some(false)))
        .await
        .unwrap();
    let out = mine(&ws.project_slate(slate.id).await.unwrap().players);
    assert_eq!((out.projection, out.status), (0.0, PlayStatus::Out));
    assert_eq!(out.availability_reason, "marked out by you");
}

/// 2022 week 1 with 2021's weeks 13 on missing from the loaded stats (a failed refresh): the
/// notice names the gap, the players who played through week 12 are not read as absent, and
/// the rookies (on the 2022 roster, no NFL game yet) get what their salary implies instead of
/// 0, and the chance new players at their salary play, labelled as such (issue 25).
#[tokio::test]
async fn a_gap_is_named_not_read_as_absences_and_rookies_get_the_market() {
    let Some(data) = real_data() else {
        return;
    };
    let (dir, ws) = workspace().await;
    let rosters = ["rosters/roster_2022.csv"];
    load_2021_without(&ws, dir.path(), &data, 13..=22, &rosters).await;
    let view = view_of(&ws, &data, "2022_w01_sun_09-11.csv").await;
    let notice = view.notice.clone().unwrap_or_default();
    assert!(
        notice.starts_with("2021 weeks 13-22 are not loaded"),
        "{notice}"
    );
    let mahomes = find(&view, "Patrick Mahomes");
    assert!(mahomes.play_probability >= 0.85, "{mahomes:?}");
    assert_eq!(mahomes.status, PlayStatus::Active);
    // The stars who played through week 12 are judged on it, not on the weeks not loaded (three
    // stars hurt before the gap, Henry, Kamara and Murray, keep their absences).
    let stars: Vec<_> = view
        .players
        .iter()
        .filter(|p| p.playable && p.player.position != Position::DST && p.player.salary >= 7000)
        .filter(|p| p.status == PlayStatus::Active)
        .collect();
    assert!(stars.len() >= 10, "{} stars", stars.len());
    let mean = stars.iter().map(|p| p.play_probability).sum::<f64>() / stars.len() as f64;
    assert!(mean >= 0.85, "stars' mean play probability {mean:.2}");
    for rookie in [
        "Breece Hall",
        "Garrett Wilson",
        "Drake London",
        "Chris Olave",
    ] {
        let p = find(&view, rookie);
        assert_eq!(p.projection_source, ProjectionSource::Salary, "{p:?}");
        let market = nfl_dfs_core::projection::market::shipped()
            .view(p.player.position, p.player.salary)
            .unwrap();
        assert_eq!(p.if_plays, market.if_plays);
        // No depth chart is loaded here: his salary and position speak.
        let new_play = nfl_dfs_core::projection::market::shipped()
            .new_play_probability(p.player.position, p.player.salary, ChartPlace::NotLoaded)
            .unwrap();
        assert_eq!(p.play_probability, new_play);
        assert!(p.if_plays > 5.0 && p.projection > 1.0, "{p:?}");
        assert!((0.1..0.9).contains(&p.play_probability), "{p:?}");
        assert!(
            p.projection_note
                .as_deref()
                .is_some_and(|n| n.contains("scores when he plays")),
            "{p:?}"
        );
        assert!(
            p.availability_reason.starts_with("no NFL game yet"),
            "{p:?}"
        );
    }
    // The market never speaks for a player DraftKings has an average for.
    assert!(view
        .players
        .iter()
        .filter(|p| p.projection_source == ProjectionSource::Salary)
        .all(|p| p.player.avg_points_per_game <= 0.0));
}

/// 2021 week 5 with the season's first four weeks missing from the loaded stats, and the
/// production models in place: the notice names the gap; who plays is the market's word (his
/// salary, and DraftKings' average this season: a starter plays); the week's report still
/// rules players out; and a model's projection leans
/// on DraftKings' average, which has the weeks the models did not see, saying so.
#[tokio::test]
async fn after_a_gap_players_are_judged_on_the_games_before_it_and_lean_on_the_average() {
    let Some(data) = real_data() else {
        return;
    };
    let (dir, ws) = workspace().await;
    let also = [
        "player_stats_weekly/player_stats_2020.csv",
        "injuries/injuries_2021.csv",
    ];
    load_2021_without(&ws, dir.path(), &data, 1..=4, &also).await;
    ws.install_models(&repo("models")).await.unwrap();
    let view = view_of(&ws, &data, "2021_w05_sun_10-10.csv").await;
    let notice = view.notice.clone().unwrap_or_default();
    assert!(
        notice.starts_with("2021 weeks 1-4 are not loaded"),
        "{notice}"
    );
    let henry = find(&view, "Derrick Henry");
    assert_eq!(henry.status, PlayStatus::Unknown, "{henry:?}");
    assert!(
        henry.availability_reason.starts_with(
            "no loaded game of his team since 2020 week 18, an average on DraftKings: "
        ),
        "{henry:?}"
    );
    let market = nfl_dfs_core::projection::market::shipped()
        .unseen_play_probability(
            Position::RB,
            henry.player.salary,
            ChartPlace::NotLoaded,
            true,
        )
        .unwrap();
    assert_eq!(henry.play_probability, market);
    assert!(henry.play_probability >= 0.85, "{henry:?}");
    // Out on the week-5 report, whatever the gap.
    let julio = find(&view, "Julio Jones");
    assert_eq!((julio.status, julio.projection), (PlayStatus::Out, 0.0));
    // A model's projection: a quarter the model's, three quarters DraftKings' average.
    let leaned: Vec<_> = view
        .players
        .iter()
        .filter(|p| p.projection_source == ProjectionSource::Model)
        .filter(|p| p.player.position != Position::DST && p.player.avg_points_per_game > 0.0)
        .collect();
    assert!(leaned.len() > 100, "{} players", leaned.len());
    for p in leaned {
        let note = p.projection_note.as_deref().unwrap_or_default();
        let model: f64 = note
            .strip_prefix("after a gap in the loaded data: a quarter the model's ")
            .and_then(|rest| rest.split(',').next())
            .and_then(|n| n.parse().ok())
            .unwrap_or_else(|| panic!("{note}: {p:?}"));
        let expected = 0.25 * model + 0.75 * p.player.avg_points_per_game;
        assert!((p.if_plays - expected).abs() < 0.03, "{p:?}");
    }
}

/// A 2025 slate with the loaded history stopping in 2022 (the shared files: stats to 2022,
/// rosters to 2023) and this season's depth charts: who plays is read from the salary file and the week's chart, not from 2022's
/// games. Josh Jacobs (GB's listed starter, an average of 18.2, 2022 with LV) and Bryce Young
/// (CAR's listed starter, no 2022 game) both played; the games of 2022 made them 60% and 44%
/// players. A back the chart does not list, without an average, stays unlikely.
#[tokio::test]
async fn a_2025_slate_on_2022_history_reads_who_plays_from_the_salary_file_and_the_chart() {
    let Some(data) = real_data() else {
        return;
    };
    let (_dir, ws) = workspace().await;
    let nfl = data.join("nflverse");
    let files = [
        "schedules/games.csv",
        "ids/ff_playerids_2025.csv",
        "player_stats_weekly/player_stats_2022.csv",
        "rosters/roster_2023.csv",
        "depth_charts/depth_charts_2025_sunday_snapshots.csv",
    ]
    .map(|f| nfl.join(f));
    ws.ingest_paths(&files, |_| true).await.unwrap();
    let view = view_of(&ws, &data, "2025_w12_sun-mon_11-23_11-24.csv").await;
    let market = nfl_dfs_core::projection::market::shipped();
    for (name, position) in [("Josh Jacobs", Position::RB), ("Bryce Young", Position::QB)] {
        let p = find(&view, name);
        assert_eq!(p.status, PlayStatus::Unknown, "{p:?}");
        assert!(
            p.availability_reason.starts_with(
                "no loaded game of his team since 2022 week 18, listed 1st on the week's depth \
                 chart, an average on DraftKings: "
            ),
            "{p:?}"
        );
        let expected = market
            .unseen_play_probability(position, p.player.salary, ChartPlace::Listed(1), true)
            .unwrap();
        assert_eq!(p.play_probability, expected);
        assert!(p.play_probability >= 0.85, "{p:?}");
    }
    let unlisted: Vec<&PlayerView> = view
        .players
        .iter()
        .filter(|p| p.player.position == Position::RB && p.player.salary <= 4000)
        .filter(|p| p.player.avg_points_per_game <= 0.0)
        .filter(|p| {
            p.availability_reason
                .contains("not on the week's depth chart")
        })
        .collect();
    assert!(!unlisted.is_empty());
    assert!(
        unlisted.iter().all(|p| p.play_probability < 0.1),
        "{unlisted:?}"
    );
}

/// A 2025 slate with nothing loaded: nobody's availability is known, and the stars DraftKings
/// prices at the minimum against a high average (Malik Nabers, $3,000 against 15.0, on
/// injured reserve that week) are taken as likely hurt, not as bargains; a player priced at his
/// average's worth keeps his chance.
#[tokio::test]
async fn a_star_priced_far_under_his_average_is_read_as_hurt_where_nothing_else_is_known() {
    let Some(data) = real_data() else {
        return;
    };
    let (_dir, ws) = workspace().await;
    let view = view_of(&ws, &data, "2025_w12_sun-mon_11-23_11-24.csv").await;
    let nabers = find(&view, "Malik Nabers");
    assert_eq!(nabers.player.salary, 3000);
    assert!(
        (nabers.play_probability - 16.0 / 61.0).abs() < 1e-9,
        "{nabers:?}"
    );
    assert!(
        nabers
            .availability_reason
            .contains("priced $3,000 against an average of 15.0"),
        "{nabers:?}"
    );
    assert!(nabers.projection < 0.3 * nabers.if_plays, "{nabers:?}");
    let mahomes = find(&view, "Patrick Mahomes");
    assert_eq!(mahomes.play_probability, 1.0, "{mahomes:?}");
}
