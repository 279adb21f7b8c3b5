//! The embedded default: the shipped demo history loads, the shipped baseline models install
//! into production and project the demo slate, retraining on the demo history reproduces them,
//! and a damaged shipped model is refused without touching production.

use crate::common::workspace;
use nfl_dfs_core::dk::Position;
use nfl_dfs_core::projection::features::Features;
use nfl_dfs_core::projection::history::week_key;
use nfl_dfs_core::projection::project::ProjectionSource;
use nfl_dfs_core::projection::registry::load_version;
use nfl_dfs_core::projection::train::POSITIONS;
use nfl_dfs_core::{ErrorCode, TrainRequest};
use std::path::PathBuf;

fn repo(path: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .join(path)
}

#[tokio::test]
async fn shipped_models_install_project_the_demo_slate_and_retrain_identically() {
    let (_dir, ws) = workspace().await;
    ws.ingest_paths(&[repo("data/nflverse-demo")], |_| true)
        .await
        .unwrap();
    let installed = ws.install_models(&repo("models")).await.unwrap();
    assert_eq!(installed.len(), 5, "{installed:?}");
    assert!(
        ws.install_models(&repo("models")).await.unwrap().is_empty(),
        "once"
    );
    let versions = ws.model_versions().await.unwrap();
    assert!(versions
        .iter()
        .all(|v| v.production && v.version == "baseline"));

    let slate = ws
        .import_slate_file(&repo("data/DKSalaries-demo.csv"), None)
        .await
        .unwrap();
    let projected = ws.project_slate(slate.slate.id).await.unwrap();
    let by_model = projected
        .players
        .iter()
        .filter(|p| p.source == ProjectionSource::Model)
        .count();
    assert!(
        by_model >= 150,
        "{by_model} players projected by the models"
    );
    assert!(projected
        .players
        .iter()
        .filter(|p| p.position == Position::DST)
        .all(|p| p.source == ProjectionSource::Model));

    // Retraining on the shipped history gives the shipped models back.
    let run = ws
        .train(&TrainRequest {
            until: None,
            search_seconds: 0,
            trigger: "manual".into(),
        })
        .await
        .unwrap();
    let history = ws.history().await.unwrap();
    let features = Features::new(&history);
    let rows = features.examples(week_key(2026, 10), week_key(2026, 12));
    for position in POSITIONS {
        let shipped = load_version(&repo("models"), position, "baseline").unwrap();
        let fresh = load_version(&ws.registry_dir(), position, &run.version).unwrap();
        assert_eq!(
            shipped.metadata.result.learner,
            fresh.metadata.result.learner
        );
        let x: Vec<Vec<f64>> = rows
            .iter()
            .filter(|e| e.position == position)
            .map(|e| e.x.clone())
            .collect();
        assert!(!x.is_empty());
        let (a, b) = (
            shipped.model.predict(&x).unwrap(),
            fresh.model.predict(&x).unwrap(),
        );
        assert!(
            a.iter().zip(&b).all(|(a, b)| (a - b).abs() < 1e-9),
            "{position:?}: the shipped model differs from a retrained one; run scripts/make-baseline-models.sh"
        );
    }
}

#[tokio::test]
async fn a_damaged_shipped_model_is_refused_and_nothing_is_installed_for_it() {
    let (dir, ws) = workspace().await;
    let copy = dir.path().join("shipped");
    for position in POSITIONS {
        let from = repo("models").join(position.as_str()).join("baseline");
        let to = copy.join(position.as_str()).join("baseline");
        std::fs::create_dir_all(&to).unwrap();
        for file in ["model.json.gz", "metadata.json", "features.json"] {
            std::fs::copy(from.join(file), to.join(file)).unwrap();
        }
    }
    let damaged = copy.join("QB/baseline/model.json.gz");
    let bytes = std::fs::read(&damaged).unwrap();
    std::fs::write(&damaged, &bytes[..bytes.len() / 3]).unwrap();
    let e = ws.install_models(&copy).await.unwrap_err();
    assert_eq!(e.code(), ErrorCode::InvalidFile);
    assert!(e.to_string().contains("QB/baseline/model.json.gz"), "{e}");
    let versions = ws.model_versions().await.unwrap();
    assert!(
        versions.iter().all(|v| v.position != Position::QB),
        "{versions:?}"
    );
}

#[tokio::test]
async fn self_tuning_trains_when_weeks_are_unseen_and_not_again() {
    let (_dir, ws) = workspace().await;
    let first = ws.tuning_check().await.unwrap();
    assert!(
        !first.due && first.reason.contains("no NFL history"),
        "{first:?}"
    );
    ws.ingest_paths(&[repo("data/nflverse-demo")], |_| true)
        .await
        .unwrap();
    ws.install_models(&repo("models")).await.unwrap();
    let outcome = ws.self_tune().await.unwrap();
    assert!(outcome.check.due, "{:?}", outcome.check);
    assert!(outcome.check.latest_week_mae.is_some_and(|m| m > 0.0));
    let report = outcome.report.expect("a run");
    assert_eq!(ws.training_runs().await.unwrap()[0].trigger, "self_tuning");
    assert_eq!(report.deployed.len() + report.kept.len(), 5);
    let again = ws.tuning_check().await.unwrap();
    assert!(!again.due, "{again:?}");
    ws.set_setting(
        "self_tuning",
        nfl_dfs_core::settings::SettingValue::Bool(false),
    )
    .await
    .unwrap();
    assert!(ws.tuning_check().await.unwrap().reason.contains("off"));
}
