//! Next man up (issue 25): marking a starter out hands his share to the teammates who play, at
//! once, through the shipped models and the embedded demo data; marking him back undoes it. A
//! player back from a missed game is in his teammates' rows too.

use crate::common::demo_projected;
use nfl_dfs_core::dk::Position;
use nfl_dfs_core::projection::project::{PlayerProjection, ProjectionSource};
use nfl_dfs_core::slate::PlayerFlags;

fn marked(plays: Option<bool>) -> PlayerFlags {
    PlayerFlags {
        locked: false,
        excluded: false,
        projection_override: None,
        plays,
    }
}

#[tokio::test]
async fn a_starter_marked_out_raises_his_teammates_at_once() {
    let (_dir, ws, slate) = demo_projected().await;
    let before = ws.project_slate(slate).await.unwrap().players;
    let model = |p: &&PlayerProjection| p.source == ProjectionSource::Model;
    // The best-projected running back the models see, and his team's other players.
    let star = before
        .iter()
        .filter(model)
        .filter(|p| p.player.position == Position::RB)
        .max_by(|a, b| a.if_plays.total_cmp(&b.if_plays))
        .unwrap()
        .clone();
    let teammates: Vec<&PlayerProjection> = before
        .iter()
        .filter(model)
        .filter(|p| {
            p.player.team == star.player.team
                && p.player.slate_player_id != star.player.slate_player_id
        })
        .filter(|p| p.player.position != Position::DST)
        .collect();
    assert!(!teammates.is_empty());

    ws.set_player_flags(star.player.slate_player_id, &marked(Some(false)))
        .await
        .unwrap();
    let after = ws.project_slate(slate).await.unwrap().players;
    let now = |id: i32| {
        after
            .iter()
            .find(|p| p.player.slate_player_id == id)
            .unwrap()
    };
    assert_eq!(now(star.player.slate_player_id).projection, 0.0);
    let backup = teammates
        .iter()
        .filter(|p| p.player.position == Position::RB)
        .max_by(|a, b| {
            (now(a.player.slate_player_id).if_plays - a.if_plays)
                .total_cmp(&(now(b.player.slate_player_id).if_plays - b.if_plays))
        })
        .expect("a second running back");
    let gain = now(backup.player.slate_player_id).if_plays - backup.if_plays;
    assert!(gain > 0.5, "{} gains {gain:.2}", backup.player.name);
    assert!(
        now(backup.player.slate_player_id).if_plays_quantiles.p85 > backup.if_plays_quantiles.p85,
        "his range rises with him"
    );
    for p in &teammates {
        assert!(
            now(p.player.slate_player_id).if_plays >= p.if_plays - 1e-9,
            "{} fell when his teammate was marked out",
            p.player.name
        );
    }
    // Other teams are untouched.
    for p in before.iter().filter(|p| p.player.team != star.player.team) {
        assert_eq!(
            now(p.player.slate_player_id).if_plays,
            p.if_plays,
            "{}",
            p.player.name
        );
    }

    // Cleared, everything is as it was.
    ws.set_player_flags(star.player.slate_player_id, &marked(None))
        .await
        .unwrap();
    assert_eq!(ws.project_slate(slate).await.unwrap().players, before);
}

/// Whether a player missed his team's last game is in his teammates' rows (what returning
/// teammates bring back); which way it moves them is the models' to learn, measured on the real
/// seasons by `scripts/bench-seasons.sh`.
#[tokio::test]
async fn a_player_back_from_a_missed_game_moves_his_teammates_only() {
    let (_dir, ws, slate) = demo_projected().await;
    let before = ws.project_slate(slate).await.unwrap().players;
    let back = before
        .iter()
        .filter(|p| p.source == ProjectionSource::Model)
        .find(|p| p.availability_reason.contains("missed his team's last"))
        .expect("the demo slate has a player back from a missed game")
        .clone();
    let project_with = |plays: bool| {
        let ws = &ws;
        async move {
            ws.set_player_flags(back.player.slate_player_id, &marked(Some(plays)))
                .await
                .unwrap();
            ws.project_slate(slate).await.unwrap().players
        }
    };
    let (plays, sits) = (project_with(true).await, project_with(false).await);
    let moved = |team_mate: bool| {
        plays
            .iter()
            .zip(&sits)
            .filter(|(p, _)| p.player.slate_player_id != back.player.slate_player_id)
            .filter(|(p, _)| (p.player.team == back.player.team) == team_mate)
            .map(|(a, b)| (a.if_plays - b.if_plays).abs())
            .fold(0.0, f64::max)
    };
    assert!(moved(true) > 0.05, "his teammates move by {}", moved(true));
    assert_eq!(moved(false), 0.0, "other teams are untouched");
}
