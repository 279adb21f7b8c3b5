//! DraftKings players matched to NFL players on the real slates that have stats: the match
//! rate per slate (players with a game; DSTs by team), a manual link that is kept for the next
//! slate, and the matches stored on the slate players.

use crate::common::{real_data, workspace};
use nfl_dfs_core::dk::Position;
use nfl_dfs_core::identity::MatchHow;
use nfl_dfs_core::ErrorCode;

/// Slates of seasons whose weekly stats are in ../shared/data (2018-2022).
const SLATES: [&str; 10] = [
    "2018_w05_sun_10-07_main.csv",
    "2018_w10_sun_11-11.csv",
    "2018_w11_sun_11-18.csv",
    "2019_w01_thu-mon_09-05_09-09.csv",
    "2019_w03_sun_09-22.csv",
    "2020_w10_sun_11-15.csv",
    "2020_w16_sun_12-27.csv",
    "2020_w16_sun_12-27_DKEntries-template-format.csv",
    "2021_w05_sun_10-10.csv",
    "2022_w01_sun_09-11.csv",
];

#[tokio::test]
async fn real_slates_match_their_nfl_players() {
    let Some(data) = real_data() else { return };
    let (_dir, ws) = workspace().await;
    ws.ingest_paths(&[data.join("nflverse/player_stats_weekly")], |_| true)
        .await
        .unwrap();
    let mut worst: f64 = 1.0;
    for file in SLATES {
        let report = ws
            .import_slate_file(&data.join("dk_salaries").join(file), None)
            .await
            .unwrap();
        let matches = ws.match_slate(report.slate.id).await.unwrap();
        let rate = f64::from(matches.matched) / f64::from(matches.with_game);
        let scorers = f64::from(matches.scorers_matched) / f64::from(matches.scorers_with_game);
        let unmatched: Vec<String> = matches
            .players
            .iter()
            .filter(|m| {
                m.has_game
                    && m.avg_points_per_game > 0.0
                    && m.gsis_id.is_none()
                    && m.how != MatchHow::Team
            })
            .map(|m| {
                format!(
                    "{} ({} {}, {:?})",
                    m.player.name, m.player.position, m.player.team, m.how
                )
            })
            .collect();
        println!(
            "{file}: season {}, {}/{} players with a game matched ({:.2}%), {}/{} who have scored \
             ({:.2}%), DST {}/{}; unmatched: {}",
            matches.season,
            matches.matched,
            matches.with_game,
            100.0 * rate,
            matches.scorers_matched,
            matches.scorers_with_game,
            100.0 * scorers,
            matches.dst_matched,
            matches.dst_with_game,
            unmatched.join(", ")
        );
        assert_eq!(
            matches.dst_matched, matches.dst_with_game,
            "{file}: every DST"
        );
        // Players who never recorded a stat (third QBs, long snappers, camp bodies on the
        // Thursday-Monday slate) are not in weekly stats, so the rate that matters is of those
        // who have scored.
        assert!(scorers >= 0.99, "{file}: {:.2}%", 100.0 * scorers);
        worst = worst.min(scorers);
        // Spot checks: a star of each slate is matched exactly to his id.
        let by_name = |name: &str| matches.players.iter().find(|m| m.player.name == name);
        if let Some(m) = by_name("Todd Gurley II") {
            assert_eq!(m.gsis_id.as_deref(), Some("00-0032241"));
        }
    }
    println!(
        "lowest match rate of players who have scored: {:.2}%",
        100.0 * worst
    );
}

#[tokio::test]
async fn a_manual_link_is_kept_for_the_next_slate() {
    let Some(data) = real_data() else { return };
    let (_dir, ws) = workspace().await;
    ws.ingest_paths(
        &[data.join("nflverse/player_stats_weekly/player_stats_2020.csv")],
        |_| true,
    )
    .await
    .unwrap();
    let first = ws
        .import_slate_file(&data.join("dk_salaries/2020_w10_sun_11-15.csv"), None)
        .await
        .unwrap();
    let matches = ws.match_slate(first.slate.id).await.unwrap();
    // Link a matched player to someone else by hand: the link wins on this and later slates.
    let m = matches
        .players
        .iter()
        .find(|m| m.player.position == Position::WR && m.how == MatchHow::Exact)
        .unwrap()
        .clone();
    let other = matches
        .players
        .iter()
        .find(|o| {
            o.player.position == Position::WR && o.gsis_id.is_some() && o.gsis_id != m.gsis_id
        })
        .unwrap()
        .gsis_id
        .clone()
        .unwrap();
    ws.link_player(first.slate.id, m.player.slate_player_id, &other)
        .await
        .unwrap();
    let second = ws
        .import_slate_file(&data.join("dk_salaries/2020_w16_sun_12-27.csv"), None)
        .await
        .unwrap();
    let again = ws.match_slate(second.slate.id).await.unwrap();
    if let Some(same) = again
        .players
        .iter()
        .find(|p| p.player.name == m.player.name)
    {
        assert_eq!(
            (same.how, same.gsis_id.as_deref()),
            (MatchHow::Manual, Some(other.as_str()))
        );
    }
    let relinked = ws.match_slate(first.slate.id).await.unwrap();
    let same = relinked
        .players
        .iter()
        .find(|p| p.player.slate_player_id == m.player.slate_player_id)
        .unwrap();
    assert_eq!(
        (same.how, same.gsis_id.as_deref()),
        (MatchHow::Manual, Some(other.as_str()))
    );

    // Unknown NFL player and DSTs are refused.
    let err = ws
        .link_player(first.slate.id, m.player.slate_player_id, "00-9999999")
        .await
        .unwrap_err();
    assert_eq!(err.code(), ErrorCode::NotFound);
    let dst = matches
        .players
        .iter()
        .find(|p| p.player.position == Position::DST)
        .unwrap();
    let err = ws
        .link_player(first.slate.id, dst.player.slate_player_id, &other)
        .await
        .unwrap_err();
    assert_eq!(err.code(), ErrorCode::InvalidInput);
}
