//! Slates in the database: every real salary file imports with its player and game counts, the
//! same file is recognised, and bad input or a failure mid-write leaves the database unchanged.

use crate::common::{execute, real_data, snapshot, workspace};
use nfl_dfs_core::dk::Position;
use nfl_dfs_core::slate::{GameState, PlayerFlags};
use nfl_dfs_core::{demo, ErrorCode};

/// (file, players, games, exportable)
const REAL_FILES: &[(&str, u32, u32, bool)] = &[
    ("2017_w08_sun_10-29_oldformat.csv", 392, 11, false),
    ("2018_w05_sun_10-07_main.csv", 434, 12, true),
    ("2018_w10_sun_11-11.csv", 395, 11, true),
    ("2018_w11_sun_11-18.csv", 362, 10, true),
    ("2019_w01_thu-mon_09-05_09-09.csv", 951, 16, true),
    ("2019_w03_sun_09-22.csv", 451, 13, true),
    ("2020_w10_sun_11-15.csv", 442, 11, true),
    ("2020_w16_sun_12-27.csv", 407, 10, true),
    (
        "2020_w16_sun_12-27_DKEntries-template-format.csv",
        407,
        10,
        true,
    ),
    ("2021_w05_sun_10-10.csv", 611, 12, true),
    ("2022_w01_sun_09-11.csv", 792, 13, true),
    ("2024_w17_thu-mon_12-26_12-30.csv", 709, 14, true),
    ("2025_w12_sun-mon_11-23_11-24.csv", 660, 13, true),
];

#[tokio::test]
async fn every_real_salary_file_imports_once() {
    let Some(data) = real_data() else { return };
    let (_dir, ws) = workspace().await;
    for (file, players, games, exportable) in REAL_FILES {
        let path = data.join("dk_salaries").join(file);
        let report = ws.import_slate_file(&path, None).await.unwrap();
        assert!(!report.already_imported, "{file}");
        assert_eq!(report.slate.players, *players, "{file} players");
        assert_eq!(report.slate.games, *games, "{file} games");
        assert_eq!(report.slate.exportable, *exportable, "{file}");
        assert_eq!(report.slate.source_file, *file);
        let by_position: u32 = report.positions.iter().map(|p| p.players).sum();
        assert_eq!(by_position, *players, "{file}");
        let slate = ws.slate(report.slate.id).await.unwrap();
        assert_eq!(slate.players.len() as u32, *players);
        assert_eq!(slate.games.len() as u32, *games);
        assert_eq!(
            slate
                .players
                .iter()
                .filter(|p| !p.has_usable_game())
                .count() as u32,
            report.unusable_players
        );
    }
    // The 2022 file lists 85 players without a game: kept and marked.
    let slates = ws.slates().await.unwrap();
    assert_eq!(slates.len(), REAL_FILES.len());
    let week1 = slates
        .iter()
        .find(|s| s.source_file == "2022_w01_sun_09-11.csv")
        .unwrap();
    let week1 = ws.slate(week1.id).await.unwrap();
    let no_game = week1
        .players
        .iter()
        .filter(|p| p.game_state == GameState::NoGame)
        .count();
    assert_eq!(no_game, 85);

    // Importing everything again adds nothing.
    let before = snapshot(&ws).await;
    for (file, ..) in REAL_FILES {
        let path = data.join("dk_salaries").join(file);
        assert!(
            ws.import_slate_file(&path, None)
                .await
                .unwrap()
                .already_imported
        );
    }
    assert_eq!(snapshot(&ws).await, before);
}

#[tokio::test]
async fn same_week_slates_share_their_games() {
    let Some(data) = real_data() else { return };
    let (_dir, ws) = workspace().await;
    let dir = data.join("dk_salaries");
    ws.import_slate_file(&dir.join("2020_w16_sun_12-27.csv"), None)
        .await
        .unwrap();
    let games_before = crate::common::rows(&snapshot(&ws).await, "games");
    let template = ws
        .import_slate_file(
            &dir.join("2020_w16_sun_12-27_DKEntries-template-format.csv"),
            Some("Week 16 template"),
        )
        .await
        .unwrap();
    assert_eq!(template.slate.name, "Week 16 template");
    // The two exports of week 16 agree on 9 games; CAR@WAS moved from 1:00 to 4:05 PM between
    // them, so that one is a different game (the matchup at another kickoff).
    assert_eq!(games_before, 10);
    assert_eq!(
        crate::common::rows(&snapshot(&ws).await, "games"),
        11,
        "shared games were duplicated"
    );
}

#[tokio::test]
async fn the_demo_slate_imports_with_its_shape() {
    let (_dir, ws) = workspace().await;
    let report = ws
        .import_slate("DKSalaries-demo.csv", demo::salary_csv().as_bytes(), None)
        .await
        .unwrap();
    assert_eq!(report.slate.name, "Sun 01/03/2027 · 8 games");
    assert_eq!(report.slate.games, 8);
    assert_eq!(report.unusable_players, 1);
    let qbs = report
        .positions
        .iter()
        .find(|p| p.position == Position::QB)
        .unwrap();
    assert_eq!(qbs.players, 48);
    let slate = ws.slate(report.slate.id).await.unwrap();
    let first = &slate.games[0];
    assert_eq!(first.kickoff_utc.to_rfc3339(), "2027-01-03T18:00:00+00:00");
    assert!(slate.players.windows(2).all(|w| w[0].salary >= w[1].salary));
}

#[tokio::test]
async fn bad_files_are_refused_and_change_nothing() {
    let (_dir, ws) = workspace().await;
    let demo = demo::salary_csv();
    ws.import_slate("demo.csv", demo.as_bytes(), None)
        .await
        .unwrap();
    let before = snapshot(&ws).await;
    let mut lines: Vec<&str> = demo.lines().collect();
    let bad_salary = lines[40].replacen(",WR/FLEX,", ",WR/FLEX,x", 1);
    let bad_salary = if bad_salary == lines[40] {
        lines[40].replacen(",RB/FLEX,", ",RB/FLEX,x", 1)
    } else {
        bad_salary
    };
    lines[40] = &bad_salary;
    let cases: Vec<(String, &str)> = vec![
        (lines.join("\n"), "bad.csv, line 41, column 'Salary'"),
        (
            demo.replacen("AvgPointsPerGame", "Avg", 1),
            "bad.csv, line 1: the header has no 'AvgPointsPerGame' column",
        ),
        (
            demo.replacen("TeamAbbrev", "Team", 1),
            "bad.csv: no DraftKings salary header found",
        ),
        (String::new(), "bad.csv: the file is empty"),
    ];
    let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR";
    let cases = cases
        .into_iter()
        .map(|(text, expected)| (text.into_bytes(), expected))
        .chain([(png.to_vec(), "bad.csv: this is not a CSV text file")]);
    for (text, expected) in cases {
        let err = ws.import_slate("bad.csv", &text, None).await.unwrap_err();
        assert_eq!(err.code(), ErrorCode::InvalidFile);
        assert!(err.to_string().starts_with(expected), "{err}");
        assert_eq!(snapshot(&ws).await, before);
    }
}

#[tokio::test]
async fn a_failure_mid_import_rolls_everything_back() {
    let (_dir, ws) = workspace().await;
    // Make the database itself fail on one player half-way through the file.
    execute(
        &ws,
        "CREATE TRIGGER fail_midway BEFORE INSERT ON slate_players \
         WHEN NEW.dk_id = 91000200 BEGIN SELECT RAISE(ABORT, 'disk on fire'); END",
    )
    .await;
    let before = snapshot(&ws).await;
    let err = ws
        .import_slate("demo.csv", demo::salary_csv().as_bytes(), None)
        .await
        .unwrap_err();
    assert_eq!(err.code(), ErrorCode::Database);
    assert!(err.to_string().contains("disk on fire"), "{err}");
    assert_eq!(
        snapshot(&ws).await,
        before,
        "a partial slate was left behind"
    );
    // With the fault gone the same file imports completely.
    execute(&ws, "DROP TRIGGER fail_midway").await;
    let report = ws
        .import_slate("demo.csv", demo::salary_csv().as_bytes(), None)
        .await
        .unwrap();
    assert!(!report.already_imported);
    assert_eq!(report.slate.players, 353);
}

#[tokio::test]
async fn player_flags_are_validated_and_kept() {
    let (_dir, ws) = workspace().await;
    let report = ws
        .import_slate("demo.csv", demo::salary_csv().as_bytes(), None)
        .await
        .unwrap();
    let slate = ws.slate(report.slate.id).await.unwrap();
    let star = &slate.players[0];
    let gameless = slate.players.iter().find(|p| !p.has_usable_game()).unwrap();
    let flags = |locked, excluded, projection_override| PlayerFlags {
        locked,
        excluded,
        projection_override,
        plays: None,
    };

    let updated = ws
        .set_player_flags(star.id, &flags(true, false, Some(31.5)))
        .await
        .unwrap();
    assert!(updated.locked);
    assert_eq!(updated.projection_override, Some(31.5));
    let marked_out = ws
        .set_player_flags(
            star.id,
            &PlayerFlags {
                plays: Some(false),
                ..flags(true, false, Some(31.5))
            },
        )
        .await
        .unwrap();
    assert_eq!(marked_out.play_override, Some(false));

    let refusals = [
        (
            star.id,
            flags(true, true, None),
            "cannot be locked and excluded",
        ),
        (gameless.id, flags(true, false, None), "his game is no game"),
        (star.id, flags(false, false, Some(-3.0)), "out of range"),
        (star.id, flags(false, false, Some(f64::NAN)), "out of range"),
    ];
    for (id, f, expected) in refusals {
        let err = ws.set_player_flags(id, &f).await.unwrap_err();
        assert_eq!(err.code(), ErrorCode::InvalidInput);
        assert!(err.to_string().contains(expected), "{err}");
    }
    let err = ws
        .set_player_flags(999_999, &flags(false, false, None))
        .await;
    assert_eq!(err.unwrap_err().code(), ErrorCode::NotFound);

    // The refusals changed nothing.
    let reloaded = ws.slate(report.slate.id).await.unwrap();
    let star_now = reloaded.player(star.id).unwrap();
    assert!(star_now.locked && !star_now.excluded);
    assert_eq!(star_now.projection_override, Some(31.5));
    assert_eq!(star_now.play_override, Some(false));
}
