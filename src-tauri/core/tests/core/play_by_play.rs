//! Play-by-play streamed into DST games: a hand-made game whose every DraftKings DST item and
//! points allowed are known, a 370-column header like nflverse's, and a bad cell that refuses
//! the file.

use crate::common::{snapshot, workspace};
use nfl_dfs_core::ErrorCode;

const USED: [&str; 24] = [
    "play_id",
    "game_id",
    "season",
    "week",
    "season_type",
    "home_team",
    "away_team",
    "posteam",
    "defteam",
    "play_type",
    "sack",
    "interception",
    "fumble_lost",
    "fumble_recovery_1_team",
    "touchdown",
    "td_team",
    "return_touchdown",
    "safety",
    "field_goal_result",
    "extra_point_result",
    "two_point_conv_result",
    "punt_blocked",
    "defensive_two_point_conv",
    "defensive_extra_point_conv",
];

/// A play: (posteam, defteam, play_type, [(column, value)]).
type Play<'a> = (&'a str, &'a str, &'a str, &'a [(&'a str, &'a str)]);

/// A play-by-play file of one game (KC at home to OAK, stored as LV) with filler columns up to
/// nflverse's width.
fn file(plays: &[Play]) -> String {
    let mut header: Vec<String> = USED.iter().map(|s| s.to_string()).collect();
    header.extend((header.len()..372).map(|i| format!("extra_{i}")));
    let mut out = header.join(",") + "\n";
    for (n, (pos, def, kind, cells)) in plays.iter().enumerate() {
        let mut row: Vec<String> = vec![String::new(); header.len()];
        let mut set = |column: &str, value: &str| {
            let i = header.iter().position(|h| h == column).unwrap();
            row[i] = value.to_string();
        };
        for (column, value) in [
            ("play_id", (n + 1).to_string().as_str()),
            ("game_id", "2018_01_OAK_KC"),
            ("season", "2018"),
            ("week", "1"),
            ("season_type", "REG"),
            ("home_team", "KC"),
            ("away_team", "OAK"),
            ("posteam", pos),
            ("defteam", def),
            ("play_type", kind),
        ] {
            set(column, value);
        }
        for column in USED.iter().skip(10) {
            if !column.ends_with("_team") && !column.ends_with("_result") {
                set(column, "0");
            }
        }
        for (column, value) in cells.iter() {
            set(column, value);
        }
        out += &(row.join(",") + "\n");
    }
    out
}

fn game() -> String {
    file(&[
        // OAK passes, KC sacks.
        ("OAK", "KC", "pass", &[("sack", "1")]),
        // KC intercepts and returns it for a TD (not allowed by OAK's DST), then the try.
        (
            "OAK",
            "KC",
            "pass",
            &[
                ("interception", "1"),
                ("touchdown", "1"),
                ("td_team", "KC"),
                ("return_touchdown", "1"),
            ],
        ),
        (
            "KC",
            "OAK",
            "extra_point",
            &[("extra_point_result", "good")],
        ),
        // OAK returns the kickoff for a TD (allowed by KC's DST), then its try.
        (
            "OAK",
            "KC",
            "kickoff",
            &[
                ("touchdown", "1"),
                ("td_team", "OAK"),
                ("return_touchdown", "1"),
            ],
        ),
        (
            "OAK",
            "KC",
            "extra_point",
            &[("extra_point_result", "good")],
        ),
        // KC runs in a TD and converts two.
        ("KC", "OAK", "run", &[("touchdown", "1"), ("td_team", "KC")]),
        (
            "KC",
            "OAK",
            "no_play",
            &[("two_point_conv_result", "success")],
        ),
        // OAK kicks a field goal; KC's is blocked.
        ("OAK", "KC", "field_goal", &[("field_goal_result", "made")]),
        (
            "KC",
            "OAK",
            "field_goal",
            &[("field_goal_result", "blocked")],
        ),
        // OAK fumbles, KC recovers; OAK's defense scores a safety on KC.
        (
            "OAK",
            "KC",
            "run",
            &[("fumble_lost", "1"), ("fumble_recovery_1_team", "KC")],
        ),
        ("KC", "OAK", "run", &[("safety", "1")]),
        // End of a quarter: no teams.
        ("", "", "", &[]),
    ])
}

#[tokio::test]
async fn a_hand_made_game_scores_both_dsts_exactly() {
    let (dir, ws) = workspace().await;
    let path = dir.path().join("play_by_play_2018.csv");
    std::fs::write(&path, game()).unwrap();
    let report = ws.ingest_paths(&[&path], |_| true).await.unwrap();
    assert_eq!(report.files[0].kind.as_str(), "play_by_play");
    assert_eq!(report.files[0].rows, 2, "one DST game per team");

    let week = ws.week_points(2018, 1).await.unwrap();
    let dst = |team: &str| week.dsts.iter().find(|d| d.team == team).unwrap().clone();
    // KC: 1 sack, 1 INT, 1 fumble recovery, 1 return TD; allowed 7 (kick return TD + try)
    // + 3 (FG) = 10 (4 points): 1 + 2 + 2 + 6 + 4 = 15.
    assert_eq!(
        (dst("KC").points_allowed, dst("KC").dk_points),
        (Some(10), 15.0)
    );
    // LV (OAK): 1 return TD, 1 safety, 1 blocked kick; allowed 6 + 2 = 8 (the pick-six and its
    // try are not the DST's): 6 + 2 + 2 + 4 = 14.
    assert_eq!(
        (dst("LV").points_allowed, dst("LV").dk_points),
        (Some(8), 14.0)
    );
    assert_eq!(dst("LV").opponent.as_deref(), Some("KC"));
}

#[tokio::test]
async fn a_bad_cell_refuses_the_file() {
    let (dir, ws) = workspace().await;
    let text = game().replacen(",1,0,0,", ",yes,0,0,", 1);
    let path = dir.path().join("play_by_play_2018.csv");
    std::fs::write(&path, &text).unwrap();
    let before = snapshot(&ws).await;
    let report = ws.ingest_paths(&[&path], |_| true).await.unwrap();
    assert_eq!(report.refused.len(), 1, "{report:?}");
    assert!(
        report.refused[0].starts_with("play_by_play_2018.csv, line 2, column '"),
        "{}",
        report.refused[0]
    );
    assert!(report.refused[0].ends_with("'yes' is not a number"));
    assert_eq!(snapshot(&ws).await, before);
    let missing = ws.ingest_paths(&[dir.path().join("none")], |_| true).await;
    assert_eq!(missing.unwrap_err().code(), ErrorCode::Io);
}
