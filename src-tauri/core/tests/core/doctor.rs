//! The troubleshooter and the alerts against a real data folder: what a fresh install lacks,
//! a healthy set-up, a damaged model file, a database that does not open (and its fix), and
//! alerts raised once and cleared by `Workspace::watch`.

use crate::common::workspace;
use nfl_dfs_core::doctor::{self, CheckStatus, FixAction};
use nfl_dfs_core::monitor::{AlertChange, AlertKind, Monitor};
use nfl_dfs_core::paths::DataPaths;
use nfl_dfs_core::test_support::database;
use nfl_dfs_core::Workspace;
use std::path::{Path, PathBuf};
use std::time::Duration;

fn repo(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .join(path)
}

/// Disk and memory limits no machine trips, so the other checks decide.
async fn calm_limits(ws: &Workspace) {
    ws.set_setting_text("alert_disk_free_mb", "0")
        .await
        .unwrap();
    ws.set_setting_text("alert_memory_pct", "100")
        .await
        .unwrap();
}

fn check<'a>(report: &'a doctor::DoctorReport, name: &str) -> &'a doctor::Check {
    report
        .checks
        .iter()
        .find(|c| c.name == name)
        .unwrap_or_else(|| panic!("no {name} check in {report:#?}"))
}

#[tokio::test]
async fn a_fresh_install_is_told_what_to_set_up_and_a_set_up_one_is_healthy() {
    let (_dir, ws) = workspace().await;
    calm_limits(&ws).await;
    let report = ws.doctor().await.unwrap();
    assert_eq!(report.problems, 0, "{report:#?}");
    assert_eq!(check(&report, "Database").status, CheckStatus::Ok);
    let models = check(&report, "Models");
    assert_eq!(models.status, CheckStatus::Warning);
    assert_eq!(models.action, Some(FixAction::TrainModels));
    assert_eq!(models.command.as_deref(), Some("nfl-dfs-cli train"));
    assert_eq!(
        check(&report, "NFL data").action,
        Some(FixAction::DownloadData)
    );
    assert_eq!(check(&report, "Backups").action, Some(FixAction::BackupNow));

    ws.ingest_paths(&[repo("data/nflverse-demo")], |_| true)
        .await
        .unwrap();
    ws.install_models(&repo("models")).await.unwrap();
    ws.backup_now().await.unwrap();
    let report = ws.doctor().await.unwrap();
    assert_eq!((report.problems, report.warnings), (0, 0), "{report:#?}");
    assert!(check(&report, "QB model").detail.contains("baseline"));
}

#[tokio::test]
async fn a_damaged_production_model_is_a_problem_with_its_fix() {
    let (_dir, ws) = workspace().await;
    calm_limits(&ws).await;
    ws.install_models(&repo("models")).await.unwrap();
    let file = ws
        .paths()
        .models_dir()
        .join("registry/WR/baseline/model.json.gz");
    let bytes = std::fs::read(&file).unwrap();
    std::fs::write(&file, &bytes[..bytes.len() / 2]).unwrap();
    let report = ws.doctor().await.unwrap();
    let wr = check(&report, "WR model");
    assert_eq!(wr.status, CheckStatus::Problem);
    assert!(wr.detail.contains("model.json.gz"), "{}", wr.detail);
    assert_eq!(
        wr.action,
        Some(FixAction::TrainModels),
        "no earlier version to roll back to"
    );
    assert_eq!(check(&report, "TE model").status, CheckStatus::Ok);
    assert!(report.problems >= 1);
}

#[tokio::test]
async fn a_database_that_does_not_open_is_diagnosed_and_the_offered_fix_works() {
    let dir = tempfile::tempdir().unwrap();
    let paths = DataPaths::in_folder(dir.path());
    let ws = Workspace::open(paths.clone()).await.unwrap();
    let good = ws.backup_now().await.unwrap().remove(0);
    database(&ws).clone().close().await.unwrap();
    std::fs::write(paths.database_file.as_ref().unwrap(), vec![0x42; 8192]).unwrap();

    let err = Workspace::open(paths.clone()).await.unwrap_err();
    let report = doctor::unopened(&paths, err.code(), &err.to_string()).await;
    let database = check(&report, "Database");
    assert_eq!(database.status, CheckStatus::Problem);
    assert_eq!(
        database.action,
        Some(FixAction::Restore {
            file: good.path.clone()
        })
    );
    assert!(database
        .command
        .as_deref()
        .unwrap()
        .starts_with("nfl-dfs-cli restore"));
    let (ws, _) = Workspace::restore_unopened(paths, Path::new(&good.path))
        .await
        .unwrap();
    calm_limits(&ws).await;
    let report = ws.doctor().await.unwrap();
    assert_eq!(check(&report, "Database").status, CheckStatus::Ok);
    assert_eq!(report.problems, 0, "{report:#?}");
}

#[tokio::test]
async fn alerts_are_raised_once_from_what_is_watched_and_clear_themselves() {
    let (_dir, ws) = workspace().await;
    calm_limits(&ws).await;
    let monitor = Monitor::default();
    let raised = |changes: &[AlertChange]| -> Vec<AlertKind> {
        changes
            .iter()
            .filter_map(|c| match c {
                AlertChange::Raised(a) => Some(a.kind),
                AlertChange::Cleared { .. } => None,
            })
            .collect()
    };
    assert!(ws.watch(&monitor, Some(4.0)).await.unwrap().is_empty());

    for _ in 0..10 {
        monitor.record("optimize", Duration::from_millis(2_600));
    }
    let changes = ws.watch(&monitor, Some(6.5)).await.unwrap();
    assert_eq!(
        raised(&changes),
        vec![AlertKind::ModelMae, AlertKind::SlowCommands]
    );
    let alerts = monitor.snapshot().alerts;
    assert!(alerts[0].message.contains("6.50"), "{}", alerts[0].message);
    assert!(
        alerts[1].message.contains("optimize"),
        "{}",
        alerts[1].message
    );
    assert!(
        ws.watch(&monitor, Some(6.4)).await.unwrap().is_empty(),
        "raised once"
    );

    ws.set_setting_text("alert_model_mae", "7").await.unwrap();
    let changes = ws.watch(&monitor, Some(6.4)).await.unwrap();
    assert_eq!(
        changes,
        vec![AlertChange::Cleared {
            kind: AlertKind::ModelMae
        }]
    );
    ws.set_setting_text("monitoring", "false").await.unwrap();
    ws.watch(&monitor, Some(9.0)).await.unwrap();
    assert!(
        monitor.snapshot().alerts.is_empty(),
        "monitoring off clears"
    );
    assert_eq!(monitor.snapshot().samples.len(), 5, "a sample per look");
}

#[tokio::test]
async fn a_database_from_a_newer_version_is_left_alone_by_the_troubleshooter() {
    let dir = tempfile::tempdir().unwrap();
    let paths = DataPaths::in_folder(dir.path());
    let ws = Workspace::open(paths.clone()).await.unwrap();
    ws.backup_now().await.unwrap();
    let report = doctor::unopened(
        &paths,
        nfl_dfs_core::ErrorCode::SchemaTooNew,
        "written by a newer version",
    )
    .await;
    let database = check(&report, "Database");
    assert_eq!(database.action, None, "no restore over a newer database");
    assert!(database.fix.as_deref().unwrap().contains("Update NFL DFS"));
}

/// A self-tuning run that fails (three weeks of one season: nothing to validate on) is not only
/// in the log: the troubleshooter warns with the reason and offers to train, and the status
/// bar's alerts raise it (issue 25).
#[tokio::test]
async fn a_failed_self_tuning_run_is_a_warning_and_an_alert() {
    let Some(data) = crate::common::real_data() else {
        return;
    };
    let (dir, ws) = workspace().await;
    calm_limits(&ws).await;
    crate::common::load_2021_without(&ws, dir.path(), &data, 4..=22, &[]).await;
    let check = |report: &doctor::DoctorReport| {
        report
            .checks
            .iter()
            .find(|c| c.name == "Self-tuning")
            .cloned()
            .unwrap()
    };
    assert_eq!(check(&ws.doctor().await.unwrap()).status, CheckStatus::Ok);
    let error = ws.self_tune().await.unwrap_err().to_string();
    let failure = ws.self_tune_failure().expect("the failure is kept");
    assert_eq!(failure.message, error);
    let warned = check(&ws.doctor().await.unwrap());
    assert_eq!(warned.status, CheckStatus::Warning);
    assert!(warned.detail.ends_with(&error), "{warned:?}");
    assert_eq!(warned.action, Some(FixAction::TrainModels));
    let monitor = Monitor::default();
    let changes = ws.watch(&monitor, None).await.unwrap();
    assert!(
        changes.iter().any(|c| matches!(
            c,
            AlertChange::Raised(a) if a.kind == AlertKind::SelfTuning && a.message.contains(&error)
        )),
        "{changes:?}"
    );
}

/// The troubleshooter warns when the weeks before the latest slate are not loaded (a failed
/// refresh, a season never loaded), naming them and offering the download; the same data with
/// no slate, or a slate with its weeks loaded, is healthy.
#[tokio::test]
async fn weeks_missing_before_the_latest_slate_are_a_warning_with_the_download() {
    let Some(data) = crate::common::real_data() else {
        return;
    };
    let (dir, ws) = workspace().await;
    calm_limits(&ws).await;
    let stats_2020 = ["player_stats_weekly/player_stats_2020.csv"];
    crate::common::load_2021_without(&ws, dir.path(), &data, 1..=4, &stats_2020).await;
    let healthy = ws.doctor().await.unwrap();
    assert_eq!(check(&healthy, "NFL data").status, CheckStatus::Ok);
    ws.import_slate_file(&data.join("dk_salaries/2021_w05_sun_10-10.csv"), None)
        .await
        .unwrap();
    let report = ws.doctor().await.unwrap();
    let data_check = check(&report, "NFL data");
    assert_eq!(data_check.status, CheckStatus::Warning);
    assert!(
        data_check.detail.ends_with("2021 weeks 1-4 are not loaded"),
        "{data_check:?}"
    );
    assert_eq!(data_check.action, Some(FixAction::DownloadData));
}
