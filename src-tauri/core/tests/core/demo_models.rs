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
        .filter(|p| p.player.position == Position::DST)
        .all(|p| p.source == ProjectionSource::Model));

    // Retraining on the shipped history gives the shipped models back.
    let run = train_everything(&ws).await;
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

/// A season under way after a gap of seasons (this season's first two weeks loaded, the seasons
/// between missing) leaves the walk-forward validation on the last season with enough weeks:
/// training works and says which weeks it validated on.
#[tokio::test]
async fn a_season_under_way_after_a_gap_is_trained_on_and_the_last_full_season_validates() {
    let (dir, ws) = workspace().await;
    ws.ingest_paths(&[repo("data/nflverse-demo")], |_| true)
        .await
        .unwrap();
    let mut reader =
        csv::Reader::from_path(repo("data/nflverse-demo/stats_player_week_2026.csv")).unwrap();
    let header = reader.headers().unwrap().clone();
    let column = |name: &str| header.iter().position(|h| h == name).unwrap();
    let (season, week) = (column("season"), column("week"));
    let partial = dir.path().join("stats_player_week_2029.csv");
    let mut writer = csv::Writer::from_path(&partial).unwrap();
    writer.write_record(&header).unwrap();
    for record in reader.records() {
        let record = record.unwrap();
        if record[week].parse::<i32>().unwrap() <= 2 {
            let row: Vec<&str> = (0..record.len())
                .map(|i| if i == season { "2029" } else { &record[i] })
                .collect();
            writer.write_record(&row).unwrap();
        }
    }
    writer.flush().unwrap();
    drop(writer);
    let loaded = ws.ingest_paths(&[&partial], |_| true).await.unwrap();
    assert_eq!(loaded.files[0].seasons, vec![2029]);

    let run = train_everything(&ws).await;
    assert_eq!(run.results.len(), POSITIONS.len());
    for summary in &run.results {
        assert!(
            summary.result.validation.starts_with("2026 weeks 1-"),
            "{:?}: validated on {}",
            summary.result.position,
            summary.result.validation
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

/// Trains every position on everything loaded, as the Train button does.
async fn train_everything(ws: &nfl_dfs_core::Workspace) -> nfl_dfs_core::TrainReport {
    ws.train(&TrainRequest {
        until: None,
        search_seconds: 0,
        trigger: "manual".into(),
    })
    .await
    .unwrap()
}

/// Every file of the registry with its bytes.
fn registry_files(dir: &std::path::Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d).unwrap().flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
            } else {
                out.push((path.clone(), std::fs::read(&path).unwrap()));
            }
        }
    }
    out.sort();
    out
}

#[tokio::test]
async fn a_models_export_never_writes_into_the_registry_nor_through_a_planted_link() {
    let (dir, ws) = workspace().await;
    ws.install_models(&repo("models")).await.unwrap();
    let registry = ws.registry_dir();
    let before = registry_files(&registry);
    assert!(!before.is_empty());
    let data = registry.parent().unwrap().to_path_buf();
    for (to, why) in [
        (registry.clone(), "inside the model registry"),
        (registry.join("QB"), "inside the model registry"),
        (data, "holds the model registry"),
    ] {
        let e = ws.export_models(&to, "baseline").await.unwrap_err();
        assert_eq!(e.code(), ErrorCode::InvalidInput, "{e}");
        assert!(e.to_string().contains(why), "{to:?}: {e}");
    }
    assert_eq!(registry_files(&registry), before, "not a byte changed");
    #[cfg(unix)]
    {
        let out = dir.path().join("out");
        let victim = dir.path().join("victim");
        std::fs::create_dir_all(out.join("QB")).unwrap();
        std::fs::create_dir_all(&victim).unwrap();
        std::os::unix::fs::symlink(&victim, out.join("QB/baseline")).unwrap();
        let e = ws.export_models(&out, "baseline").await.unwrap_err();
        assert!(e.to_string().contains("symbolic link"), "{e}");
        assert_eq!(std::fs::read_dir(&victim).unwrap().count(), 0);
    }
    // A folder of its own takes the export.
    let fine = dir.path().join("fine");
    assert_eq!(ws.export_models(&fine, "mine").await.unwrap().len(), 5);
    assert!(fine.join("QB/mine/model.json.gz").is_file());
}

#[cfg(unix)]
#[tokio::test]
async fn a_fifo_where_a_model_file_should_be_is_refused_without_waiting() {
    let (dir, ws) = workspace().await;
    let copy = dir.path().join("shipped");
    let from = repo("models/QB/baseline");
    let to = copy.join("QB/baseline");
    std::fs::create_dir_all(&to).unwrap();
    for file in ["metadata.json", "features.json"] {
        std::fs::copy(from.join(file), to.join(file)).unwrap();
    }
    let made = std::process::Command::new("mkfifo")
        .arg(to.join("model.json.gz"))
        .status()
        .unwrap();
    assert!(made.success());
    let e = tokio::time::timeout(std::time::Duration::from_secs(60), ws.install_models(&copy))
        .await
        .expect("the install does not wait on the FIFO")
        .unwrap_err();
    assert!(e.to_string().contains("FIFO"), "{e}");
    assert!(ws.model_versions().await.unwrap().is_empty());
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

/// The demo opens in its own data folder from the files the app embeds: the slate projected by
/// the baseline models with ranges; health says it is the demo; opening again adds nothing; a
/// file name that climbs out of the folder is refused.
#[tokio::test]
async fn the_demo_opens_in_its_own_folder_from_embedded_files() {
    let dir = tempfile::tempdir().unwrap();
    let mut owned: Vec<(String, Vec<u8>)> = vec![(
        "DKSalaries-demo.csv".into(),
        std::fs::read(repo("data/DKSalaries-demo.csv")).unwrap(),
    )];
    for (prefix, folder) in [
        ("nflverse-demo", "data/nflverse-demo"),
        ("models", "models"),
    ] {
        for entry in walkdir(&repo(folder)) {
            let relative = entry
                .strip_prefix(repo(folder))
                .unwrap()
                .to_string_lossy()
                .into_owned();
            owned.push((
                format!("{prefix}/{relative}"),
                std::fs::read(&entry).unwrap(),
            ));
        }
    }
    let files: Vec<(&str, &[u8])> = owned
        .iter()
        .map(|(n, b)| (n.as_str(), b.as_slice()))
        .collect();
    let mine = nfl_dfs_core::paths::DataPaths::in_folder(dir.path());
    let (ws, report) = nfl_dfs_core::Workspace::open_demo(mine.demo(), &files)
        .await
        .unwrap();
    assert_eq!(report.models.len(), 5, "{report:?}");
    assert!(ws.health().await.unwrap().demo);
    assert!(ws.paths().data_dir.starts_with(dir.path().join("demo")));
    let view = ws.slate_view(Some(report.slate_id)).await.unwrap();
    let modelled = view
        .players
        .iter()
        .filter(|p| p.projection_source == ProjectionSource::Model)
        .count();
    assert!(modelled > 0, "the baseline models project the demo slate");
    let ranged = view
        .players
        .iter()
        .filter(|p| p.quantiles.p95 > p.quantiles.p05)
        .count();
    assert!(ranged >= modelled, "every modelled player has a range");
    ws.close().await.unwrap();
    drop(ws);

    let (again, second) = nfl_dfs_core::Workspace::open_demo(mine.demo(), &files)
        .await
        .unwrap();
    assert_eq!(second.slate_id, report.slate_id);
    assert!(second.models.is_empty(), "installed once");
    again.close().await.unwrap();
    drop(again);

    let hostile = [("../escape.csv", b"x".as_slice())];
    let refused = nfl_dfs_core::Workspace::open_demo(mine.demo(), &hostile)
        .await
        .err()
        .unwrap();
    assert_eq!(refused.code(), ErrorCode::InvalidInput);
    assert!(!dir.path().join("escape.csv").exists());
}

/// The demo shows the app at its best: every slate player with a DraftKings average is
/// matched and projected by the models from his own history, except the deliberate examples (the
/// unmatched name falls back to the average, the player listed Out projects 0), and the rookie
/// (no average) is matched with no game to project from.
#[tokio::test]
async fn the_demo_history_covers_every_demo_player_with_an_average() {
    use nfl_dfs_core::demo::{roster, LISTED_OUT, ROOKIE, UNMATCHED};
    use nfl_dfs_core::projection::availability::PlayStatus;
    let (_dir, ws, slate) = crate::common::demo_projected().await;
    let name_of = |label: &str| {
        roster()
            .into_iter()
            .find(|p| p.label == label)
            .map(|p| p.name)
            .unwrap()
    };
    let (unmatched, listed_out, rookie) =
        (name_of(UNMATCHED), name_of(LISTED_OUT), name_of(ROOKIE));
    let matches = ws.match_slate(slate).await.unwrap();
    let projected = ws.project_slate(slate).await.unwrap();
    let mut scorers = 0;
    for (m, p) in matches.players.iter().zip(&projected.players) {
        assert_eq!(m.player.slate_player_id, p.player.slate_player_id);
        if !m.has_game {
            continue;
        }
        if m.player.name == unmatched {
            assert!(m.gsis_id.is_none(), "{m:?}");
            assert_eq!(p.source, ProjectionSource::Average, "{p:?}");
        } else if m.player.name == listed_out {
            assert_eq!((p.status, p.projection), (PlayStatus::Out, 0.0), "{p:?}");
        } else if m.player.name == rookie {
            assert_eq!(m.avg_points_per_game, 0.0);
            assert!(
                m.gsis_id.is_some() || m.player.position == Position::DST,
                "{m:?}"
            );
        } else if m.avg_points_per_game > 0.0 {
            scorers += 1;
            assert!(
                m.gsis_id.is_some() || m.player.position == Position::DST,
                "{m:?}"
            );
            assert!(
                matches!(p.source, ProjectionSource::Model | ProjectionSource::Out),
                "{} ({:?}) has an average but no model projection: {:?}",
                p.player.name,
                p.player.position,
                p.note
            );
        }
    }
    assert!(scorers > 250, "{scorers} players with an average");
}

/// Every file under `dir`, recursively.
fn walkdir(dir: &std::path::Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let path = entry.path();
        if path.is_dir() {
            out.extend(walkdir(&path));
        } else if path.file_name().is_some_and(|n| n != "README.md") {
            out.push(path);
        }
    }
    out
}

#[tokio::test]
async fn lineups_built_before_a_deploy_are_marked() {
    let (_dir, ws) = workspace().await;
    let slate = ws
        .import_slate_file(&repo("data/DKSalaries-demo.csv"), None)
        .await
        .unwrap()
        .slate;
    let stored = ws.slate(slate.id).await.unwrap();
    let lineups = nfl_dfs_core::demo::cheap_lineups(&stored, 2);
    ws.save_lineups(slate.id, &lineups[..1], "before")
        .await
        .unwrap();
    let before = ws.lineups(slate.id).await.unwrap();
    assert!(!before[0].earlier_models, "no model has changed since");
    ws.install_models(&repo("models")).await.unwrap();
    ws.save_lineups(slate.id, &lineups[1..], "after")
        .await
        .unwrap();
    let marks: Vec<(String, bool)> = ws
        .lineups(slate.id)
        .await
        .unwrap()
        .into_iter()
        .map(|l| (l.source, l.earlier_models))
        .collect();
    assert_eq!(
        marks,
        [("before".to_string(), true), ("after".to_string(), false)]
    );
}
