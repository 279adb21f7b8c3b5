//! Projections on the real seasons in ../shared/data: features use only earlier weeks (no
//! leakage), training records a run and writes a version per position, deploy validates (a
//! truncated model file is refused and production stays), rollback returns to the previous
//! version, production cannot be deleted, and a real slate is projected from the models. The
//! run's correlations travel with its QB version (deployed, rolled back and validated with it).

use crate::common::{real_data, workspace};
use nfl_dfs_core::dk::Position;
use nfl_dfs_core::projection::features::Features;
use nfl_dfs_core::projection::history::week_key;
use nfl_dfs_core::projection::project::ProjectionSource;
use nfl_dfs_core::test_support::database;
use nfl_dfs_core::{ErrorCode, TrainRequest, Workspace};
use std::path::Path;

async fn loaded(data: &Path) -> (tempfile::TempDir, Workspace) {
    let (dir, ws) = workspace().await;
    let nfl = data.join("nflverse");
    let mut files = vec![nfl.join("schedules/games.csv")];
    for season in 2019..=2022 {
        files.push(nfl.join(format!("player_stats_weekly/player_stats_{season}.csv")));
        files.push(nfl.join(format!("team_stats_weekly/stats_team_week_{season}.csv")));
    }
    ws.ingest_paths(&files, |_| true).await.unwrap();
    (dir, ws)
}

#[tokio::test]
async fn features_of_a_week_do_not_change_when_later_weeks_are_removed() {
    let Some(data) = real_data() else { return };
    let (_dir, ws) = loaded(&data).await;
    let full = nfl_dfs_core::test_support::load_history(database(&ws))
        .await
        .unwrap();
    let cut = week_key(2021, 9);
    let mut past = full.clone();
    // Later games' results are gone; the schedule (lines are known before kickoff) stays.
    past.players.retain(|p| week_key(p.season, p.week) <= cut);
    past.dsts.retain(|d| week_key(d.season, d.week) <= cut);
    let with_future = Features::new(&full).examples(cut, cut + 1);
    let without = Features::new(&past).examples(cut, cut + 1);
    assert!(with_future.len() > 300, "{}", with_future.len());
    assert_eq!(with_future, without);
}

#[tokio::test]
async fn train_deploy_rollback_and_project_a_real_slate() {
    let Some(data) = real_data() else { return };
    let (_dir, ws) = loaded(&data).await;
    let request = TrainRequest {
        until: Some((2022, 1)),
        search_seconds: 0,
        trigger: "manual".into(),
    };
    let first = ws.train(&request).await.unwrap();
    assert_eq!(first.results.len(), 5);
    assert_eq!(first.deployed.len(), 5, "nothing was in production");
    for summary in &first.results {
        let r = &summary.result;
        assert_eq!(summary.mae_gain, r.mae_gain());
        assert!(
            (summary.mae_gain.unwrap() - (1.0 - r.model.mae / r.season_to_date.mae)).abs() < 1e-12
        );
        assert!(r.validation.starts_with("2021 weeks"), "{r:?}");
        assert!(r.model.rows > 100 && r.model.mae > 0.0, "{r:?}");
        assert_eq!(
            r.model.rows, r.season_to_date.rows,
            "same rows for the baseline"
        );
        assert!(r.floor_offset < 0.0 && r.ceiling_offset > 0.0, "{r:?}");
    }
    // The run's correlations go with its QB version, and the simulator uses them.
    let version_file = |p: &str, v: &str, f: &str| ws.registry_dir().join(p).join(v).join(f);
    assert!(version_file("QB", &first.version, "correlations.json").is_file());
    assert!(!version_file("RB", &first.version, "correlations.json").exists());
    let (_, described) = ws.correlations().await.unwrap();
    assert!(
        described.contains(&format!("QB {}", first.version)),
        "{described}"
    );
    let runs = ws.training_runs().await.unwrap();
    assert_eq!(runs.len(), 1);
    assert_eq!(
        (runs[0].data_from.as_str(), runs[0].data_until.as_str()),
        ("2019-1", "2022-1")
    );

    let second = ws.train(&request).await.unwrap();
    assert!(
        second.deployed.is_empty(),
        "the same data does not beat production: {second:?}"
    );
    assert_eq!(second.kept.len(), 5);
    ws.deploy_model(Position::QB, &second.version)
        .await
        .unwrap();
    let versions = ws.model_versions().await.unwrap();
    let qb_production: Vec<&str> = versions
        .iter()
        .filter(|v| v.position == Position::QB && v.production)
        .map(|v| v.version.as_str())
        .collect();
    assert_eq!(qb_production, [second.version.as_str()]);
    let (_, described) = ws.correlations().await.unwrap();
    assert!(
        described.contains(&format!("QB {}", second.version)),
        "deployed with the model: {described}"
    );

    // A truncated model file is refused by name and production stays where it was.
    let model_file = ws
        .registry_dir()
        .join("RB")
        .join(&second.version)
        .join("model.json.gz");
    let bytes = std::fs::read(&model_file).unwrap();
    std::fs::write(&model_file, &bytes[..bytes.len() / 2]).unwrap();
    let refused = ws
        .deploy_model(Position::RB, &second.version)
        .await
        .unwrap_err();
    assert_eq!(refused.code(), ErrorCode::InvalidFile);
    assert!(refused.to_string().contains("model.json.gz"), "{refused}");
    let production = |versions: &[nfl_dfs_core::projection::registry::ModelVersion],
                      p: Position| {
        versions
            .iter()
            .find(|v| v.position == p && v.production)
            .map(|v| v.version.clone())
    };
    assert_eq!(
        production(&ws.model_versions().await.unwrap(), Position::RB),
        Some(first.version.clone())
    );

    // Rollback returns QB to the first version; there is nothing before that.
    assert_eq!(
        ws.rollback_model(Position::QB).await.unwrap(),
        first.version
    );
    let (_, described) = ws.correlations().await.unwrap();
    assert!(
        described.contains(&format!("QB {}", first.version)),
        "rolled back with the model: {described}"
    );
    // Correlations that are no correlation matrix are refused by name on deploy.
    let correlations = version_file("QB", &second.version, "correlations.json");
    let mut json: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&correlations).unwrap()).unwrap();
    json["matrix"][1] = serde_json::json!(2.0);
    std::fs::write(&correlations, json.to_string()).unwrap();
    let refused = ws
        .deploy_model(Position::QB, &second.version)
        .await
        .unwrap_err();
    assert_eq!(refused.code(), ErrorCode::InvalidFile);
    assert!(
        refused.to_string().contains("correlations.json"),
        "{refused}"
    );
    let none = ws.rollback_model(Position::QB).await.unwrap_err();
    assert_eq!(none.code(), ErrorCode::InvalidInput);
    let events = ws.model_events().await.unwrap();
    assert_eq!(events.iter().filter(|e| e.action == "rollback").count(), 1);
    let busy = ws
        .delete_model(Position::QB, &first.version)
        .await
        .unwrap_err();
    assert!(busy.to_string().contains("in production"), "{busy}");
    ws.delete_model(Position::QB, &second.version)
        .await
        .unwrap();

    // The 2022 week 1 slate, projected by models that never saw 2022.
    let slate = ws
        .import_slate_file(&data.join("dk_salaries/2022_w01_sun_09-11.csv"), None)
        .await
        .unwrap();
    let projected = ws.project_slate(slate.slate.id).await.unwrap();
    let players = ws.slate(slate.slate.id).await.unwrap().players;
    // Players DraftKings has an average for played before: the models see nearly all of them.
    let avg = |p: &nfl_dfs_core::projection::project::PlayerProjection| {
        players
            .iter()
            .find(|s| s.id == p.player.slate_player_id)
            .unwrap()
            .avg_points_per_game
    };
    let veterans: Vec<_> = projected
        .players
        .iter()
        .filter(|p| p.source != ProjectionSource::Out && avg(p) > 3.0)
        .collect();
    let by_model = veterans
        .iter()
        .filter(|p| p.source == ProjectionSource::Model)
        .count();
    assert!(
        by_model * 10 >= veterans.len() * 9,
        "{by_model} of {} from the models",
        veterans.len()
    );
    assert!(projected
        .players
        .iter()
        .all(|p| p.source == ProjectionSource::Model || p.note.is_some()));
    // A range, and a mean that counts the chance he sits (with a high chance of sitting the
    // mixture's 85th percentile is 0 while its mean is not).
    assert!(projected
        .players
        .iter()
        .all(|p| p.floor <= p.ceiling
            && (p.projection - p.play_probability * p.if_plays).abs() < 1e-9));
    assert!(projected
        .players
        .iter()
        .filter(|p| p.play_probability == 1.0)
        .all(|p| p.floor <= p.projection && p.projection <= p.ceiling));
    let best_qb = projected
        .players
        .iter()
        .filter(|p| p.player.position == Position::QB)
        .map(|p| p.projection)
        .fold(0.0, f64::max);
    assert!((15.0..40.0).contains(&best_qb), "{best_qb}");
    // The schedule has the week's lines: each playable player's team total is the implied
    // score, the two sides of a game summing to its total.
    let playable: Vec<_> = projected.players.iter().filter(|p| p.playable).collect();
    assert!(playable
        .iter()
        .all(|p| p.team_total.is_some_and(|t| (5.0..45.0).contains(&t))));
    let total_of = |team: &str| {
        playable
            .iter()
            .find(|p| p.player.team == team)
            .and_then(|p| p.team_total)
            .unwrap()
    };
    let game = &ws.slate(slate.slate.id).await.unwrap().games[0];
    let both = total_of(&game.home) + total_of(&game.away);
    assert!((30.0..65.0).contains(&both), "{both}");
    let optimized = ws
        .optimize(
            slate.slate.id,
            Default::default(),
            Default::default(),
            |_, _| true,
        )
        .await
        .unwrap();
    let model_total: f64 = optimized.run.lineups[0].points;
    assert!(model_total > 100.0, "{model_total}");

    let backtest = ws.backtest(slate.slate.id).await.unwrap();
    assert_eq!((backtest.season, backtest.week), (2022, 1));
    assert!(backtest.projection.rows > 150, "{:?}", backtest.projection);
    assert!(backtest.hindsight_lineup.actual >= backtest.app_lineup.actual);
    assert!(backtest.hindsight_lineup.actual >= backtest.average_lineup.actual);
    assert!(
        (backtest.hindsight_lineup.actual - backtest.hindsight_lineup.expected).abs() < 1e-9,
        "hindsight is built from the actual points"
    );

    let week = ws.project_week(2022, 1).await.unwrap();
    assert!(week.len() > 400, "{}", week.len());
    assert!(week.iter().any(|p| p.position == Position::DST));
}
