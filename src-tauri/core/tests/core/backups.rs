//! Backups and restore on real SQLite files: snapshots that verify, restore that brings the data
//! back and keeps what it replaced, refused backups that change nothing, a damaged database
//! replaced by the newest good backup, the automatic backup before migrations, model archives,
//! the schedule.

use crate::common::{snapshot, workspace};
use migration::{Migrator, MigratorTrait};
use nfl_dfs_core::backup::{self, BackupKind, BackupReason};
use nfl_dfs_core::paths::DataPaths;
use nfl_dfs_core::test_support::database;
use nfl_dfs_core::{ErrorCode, Workspace};
use sea_orm::{ConnectionTrait, Statement};
use std::path::{Path, PathBuf};

fn repo(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .join(path)
}

async fn import_demo(ws: &Workspace) {
    ws.import_slate_file(&repo("data/DKSalaries-demo.csv"), None)
        .await
        .unwrap();
}

async fn slates(ws: &Workspace) -> i64 {
    snapshot(ws)
        .await
        .into_iter()
        .find(|(t, _)| t == "slates")
        .unwrap()
        .1
}

fn database_backups(ws: &Workspace) -> Vec<backup::BackupEntry> {
    ws.backups()
        .unwrap()
        .into_iter()
        .filter(|e| e.kind == BackupKind::Database)
        .collect()
}

#[tokio::test]
async fn a_backup_verifies_and_a_restore_brings_the_data_back_keeping_the_current_database() {
    let (_dir, ws) = workspace().await;
    import_demo(&ws).await;
    let made = ws.backup_now().await.unwrap();
    assert_eq!(made.len(), 2);
    assert_eq!(made[0].kind, BackupKind::Database);
    assert_eq!(made[1].kind, BackupKind::Models);
    let check = backup::verify_database(Path::new(&made[0].path))
        .await
        .unwrap();
    assert_eq!(check.pending_migrations, 0);
    let before = snapshot(&ws).await;

    // Changes after the backup...
    ws.set_setting_text("salary_cap", "60000").await.unwrap();
    let cap = |ws: Workspace| async move { ws.typed_settings().await.unwrap().salary_cap };
    assert_eq!(cap(ws.clone()).await, 60_000);

    // ...are undone by the restore, and kept in the before-restore copy.
    let (restored, report) = ws.restore(Path::new(&made[0].path)).await.unwrap();
    assert_eq!(report.kind, BackupKind::Database);
    assert_eq!(snapshot(&restored).await, before);
    assert_eq!(cap(restored.clone()).await, 50_000);
    let kept = report.kept.expect("the replaced database is kept");
    let kept_check = backup::verify_database(Path::new(&kept)).await.unwrap();
    assert_eq!(kept_check.pending_migrations, 0);
    let kept_ws = Workspace::open(DataPaths::in_folder(tempfile::tempdir().unwrap().keep()))
        .await
        .unwrap();
    let (kept_ws, _) = kept_ws.restore(Path::new(&kept)).await.unwrap();
    assert_eq!(
        cap(kept_ws).await,
        60_000,
        "the kept copy has the later change"
    );
    // The old handle's pool is closed: nobody keeps writing to the replaced file.
    assert!(ws.slates().await.is_err());
    assert!(database_backups(&restored)
        .iter()
        .any(|e| e.reason == BackupReason::BeforeRestore));
}

#[tokio::test]
async fn bad_backups_are_refused_with_the_reason_and_nothing_changes() {
    let (dir, ws) = workspace().await;
    import_demo(&ws).await;
    let good = ws.backup_now().await.unwrap().remove(0);
    let before = snapshot(&ws).await;
    let files_before = ws.backups().unwrap().len();

    let text = dir.path().join("notes.sqlite");
    std::fs::write(&text, "this is not a database, just some words").unwrap();
    let bytes = std::fs::read(&good.path).unwrap();
    let truncated = dir.path().join("truncated.sqlite");
    std::fs::write(&truncated, &bytes[..bytes.len() / 3]).unwrap();
    let newer = dir.path().join("newer.sqlite");
    std::fs::write(&newer, &bytes).unwrap();
    {
        let paths = DataPaths::in_folder(tempfile::tempdir().unwrap().keep());
        let db = nfl_dfs_core::test_support::connect(&format!("sqlite://{}", newer.display()))
            .await
            .unwrap();
        db.execute_raw(Statement::from_string(
            db.get_database_backend(),
            "INSERT INTO seaql_migrations (version, applied_at) VALUES ('m20991231_000001_future', 0)",
        ))
        .await
        .unwrap();
        db.close().await.unwrap();
        drop(paths);
    }
    // Altered by another program: a table dropped; text where a number belongs. SQLite's own
    // integrity check passes both.
    let altered = |name: &str, sql: &'static str| {
        let file = dir.path().join(name);
        std::fs::write(&file, &bytes).unwrap();
        async move {
            let db = nfl_dfs_core::test_support::connect(&format!("sqlite://{}", file.display()))
                .await
                .unwrap();
            db.execute_raw(Statement::from_string(db.get_database_backend(), sql))
                .await
                .unwrap();
            nfl_dfs_core::test_support::checkpoint(&db).await.unwrap();
            db.close().await.unwrap();
            file
        }
    };
    let dropped = altered("dropped.sqlite", "DROP TABLE contest_picks").await;
    let text_salary = altered(
        "text.sqlite",
        "UPDATE slate_players SET avg_points_per_game = 'lots' WHERE id = 1",
    )
    .await;
    let empty = dir.path().join("empty.sqlite");
    nfl_dfs_core::test_support::connect(&format!("sqlite://{}?mode=rwc", empty.display()))
        .await
        .unwrap()
        .close()
        .await
        .unwrap();

    for (file, says) in [
        (&text, "not a readable database"),
        (&truncated, ""),
        (&newer, "newer version"),
        (&empty, "no NFL DFS schema"),
        (&dropped, "the table contest_picks is missing"),
        (
            &text_salary,
            "slate_players.avg_points_per_game holds 1 value",
        ),
        (&dir.path().join("missing.sqlite"), "No such file"),
    ] {
        let err = ws.restore(file).await.unwrap_err();
        assert_eq!(err.code(), ErrorCode::InvalidBackup, "{err}");
        let message = err.to_string();
        assert!(message.contains(&file.display().to_string()), "{message}");
        assert!(message.contains(says), "{message}");
        assert!(message.contains("Nothing was changed"), "{message}");
    }
    assert_eq!(snapshot(&ws).await, before, "the database is as it was");
    assert_eq!(
        ws.backups().unwrap().len(),
        files_before,
        "no copy was made"
    );
}

#[tokio::test]
async fn a_damaged_database_is_replaced_by_the_newest_good_backup() {
    let dir = tempfile::tempdir().unwrap();
    let paths = DataPaths::in_folder(dir.path());
    let ws = Workspace::open(paths.clone()).await.unwrap();
    import_demo(&ws).await;
    let good = ws.backup_now().await.unwrap().remove(0);
    // A newer backup that is damaged: skipped.
    let damaged_backup = backup::list(&paths.backups_dir())
        .unwrap()
        .into_iter()
        .find(|e| e.kind == BackupKind::Database)
        .unwrap();
    let newer =
        Path::new(&damaged_backup.path).with_file_name("db-29991231T000000000Z-manual.sqlite");
    std::fs::write(&newer, b"garbage").unwrap();
    database(&ws).clone().close().await.unwrap();
    drop(ws);

    let file = paths.database_file.clone().unwrap();
    let mut bytes = std::fs::read(&file).unwrap();
    bytes[..100].copy_from_slice(&[0x55; 100]);
    std::fs::write(&file, bytes).unwrap();
    let err = Workspace::open(paths.clone()).await.unwrap_err();
    assert_eq!(err.code(), ErrorCode::Database, "{err}");

    let offered = Workspace::newest_good_backup(&paths)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(offered.path, good.path);
    let (ws, report) = Workspace::restore_unopened(paths.clone(), Path::new(&offered.path))
        .await
        .unwrap();
    assert_eq!(slates(&ws).await, 1);
    let kept = PathBuf::from(report.kept.unwrap());
    assert!(kept
        .file_name()
        .unwrap()
        .to_string_lossy()
        .starts_with("damaged-"));
    assert!(kept.exists());
    assert!(
        backup::list(&paths.backups_dir())
            .unwrap()
            .iter()
            .all(|e| !e.path.contains("damaged-")),
        "the damaged file is not offered as a backup"
    );
}

#[tokio::test]
async fn an_older_database_is_backed_up_before_migrations_run() {
    let dir = tempfile::tempdir().unwrap();
    let paths = DataPaths::in_folder(dir.path());
    let ws = Workspace::open(paths.clone()).await.unwrap();
    import_demo(&ws).await;
    Migrator::down(database(&ws), Some(1)).await.unwrap();
    database(&ws).clone().close().await.unwrap();
    assert!(database_backups(&ws).is_empty());

    let ws = Workspace::open(paths.clone()).await.unwrap();
    let made = database_backups(&ws);
    assert_eq!(made.len(), 1);
    assert_eq!(made[0].reason, BackupReason::BeforeMigration);
    let check = backup::verify_database(Path::new(&made[0].path))
        .await
        .unwrap();
    assert_eq!(check.pending_migrations, 1, "the backup has the old schema");
    assert_eq!(slates(&ws).await, 1);
    // Restoring the old-schema backup migrates it again.
    let (ws, _) = ws.restore(Path::new(&made[0].path)).await.unwrap();
    assert_eq!(
        nfl_dfs_core::test_support::schema_state(database(&ws))
            .await
            .unwrap()
            .applied
            .len(),
        Migrator::migrations().len()
    );
}

#[tokio::test]
async fn models_archives_restore_the_registry_and_bad_archives_are_refused() {
    let (dir, ws) = workspace().await;
    ws.install_models(&repo("models")).await.unwrap();
    let registry = ws.paths().models_dir().join("registry");
    let count = |p: &Path| walk(p).len();
    let files = count(&registry);
    assert!(files >= 15, "three files per shipped model");
    let archive = ws.backup_now().await.unwrap().remove(1);
    std::fs::remove_dir_all(&registry).unwrap();

    let (_, report) = ws.restore(Path::new(&archive.path)).await.unwrap();
    assert_eq!(report.kind, BackupKind::Models);
    assert_eq!(count(&registry), files);
    let checks = ws.check_production_models().await.unwrap();
    assert!(checks.iter().all(|c| c.problem.is_none()), "{checks:?}");

    let bad = dir.path().join("bad.tar.gz");
    std::fs::write(&bad, b"not gzip").unwrap();
    let err = ws.restore(&bad).await.unwrap_err();
    assert_eq!(err.code(), ErrorCode::InvalidBackup, "{err}");
    assert_eq!(count(&registry), files, "the registry is untouched");

    // An archive whose production QB model is damaged unpacks fine but fails the deploy
    // checks: refused before the swap, the registry as it was.
    let model = registry.join("QB/baseline/model.json.gz");
    let good_bytes = std::fs::read(&model).unwrap();
    std::fs::write(&model, &good_bytes[..good_bytes.len() / 2]).unwrap();
    let damaged = backup::archive_models(
        &ws.paths().models_dir(),
        &dir.path().join("elsewhere"),
        BackupReason::Manual,
        chrono::Utc::now(),
    )
    .unwrap();
    std::fs::write(&model, &good_bytes).unwrap();
    let err = ws.restore(Path::new(&damaged.path)).await.unwrap_err();
    assert_eq!(err.code(), ErrorCode::InvalidBackup, "{err}");
    assert!(
        err.to_string().contains("production QB model (baseline)"),
        "{err}"
    );
    assert_eq!(std::fs::read(&model).unwrap(), good_bytes);
    assert_eq!(count(&registry), files);

    // What a killed restore leaves is cleaned at the next start: the half-unpacked folder
    // goes; a model folder moved aside comes back when nothing took its place.
    let models = ws.paths().models_dir();
    let staging = models.with_file_name("models.restoring");
    let previous = models.with_file_name("models.previous");
    std::fs::create_dir_all(staging.join("models")).unwrap();
    std::fs::rename(&models, &previous).unwrap();
    let reopened = Workspace::open(ws.paths().clone()).await.unwrap();
    assert!(!staging.exists() && !previous.exists());
    assert_eq!(count(&registry), files, "the model folder is back");
    let checks = reopened.check_production_models().await.unwrap();
    assert!(checks.iter().all(|c| c.problem.is_none()), "{checks:?}");
}

fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        if entry.path().is_dir() {
            out.extend(walk(&entry.path()));
        } else {
            out.push(entry.path());
        }
    }
    out
}

#[tokio::test]
async fn scheduled_backups_run_when_due_and_not_again() {
    let (_dir, ws) = workspace().await;
    ws.install_models(&repo("models")).await.unwrap();
    let made = ws.scheduled_backups().await.unwrap();
    let kinds: Vec<_> = made.iter().map(|e| (e.kind, e.reason)).collect();
    assert_eq!(
        kinds,
        vec![
            (BackupKind::Database, BackupReason::Daily),
            (BackupKind::Models, BackupReason::Weekly)
        ]
    );
    assert!(ws.scheduled_backups().await.unwrap().is_empty());
}

#[tokio::test]
async fn damage_inside_a_database_that_still_opens_is_caught_at_start_and_restored() {
    let dir = tempfile::tempdir().unwrap();
    let paths = DataPaths::in_folder(dir.path());
    let ws = Workspace::open(paths.clone()).await.unwrap();
    import_demo(&ws).await;
    let good = ws.backup_now().await.unwrap().remove(0);
    // Checkpoint so every page is in the file, then close.
    database(&ws)
        .execute_raw(Statement::from_string(
            database(&ws).get_database_backend(),
            "PRAGMA wal_checkpoint(TRUNCATE)",
        ))
        .await
        .unwrap();
    database(&ws).clone().close().await.unwrap();
    let file = paths.database_file.clone().unwrap();
    let mut bytes = std::fs::read(&file).unwrap();
    assert!(bytes.len() > 40 * 4096, "enough pages to damage some");
    // The last pages (row data; the header and the schema pages stay whole).
    let end = bytes.len();
    for b in &mut bytes[end - 6 * 4096..end - 2 * 4096] {
        *b = 0xA5;
    }
    std::fs::write(&file, bytes).unwrap();

    let err = Workspace::open_checked(paths.clone()).await.unwrap_err();
    assert_eq!(err.code(), ErrorCode::Database, "{err}");
    assert!(err.to_string().contains("is damaged"), "{err}");
    // Restoring from a workspace that opened (the CLI does not run the check) works too: the
    // damaged file cannot be snapshotted whole, so it is moved aside.
    let opened = Workspace::open(paths.clone()).await.unwrap();
    let (ws, report) = opened.restore(Path::new(&good.path)).await.unwrap();
    assert!(report.kept.unwrap().contains("damaged-"));
    assert_eq!(slates(&ws).await, 1);
    database(&ws).clone().close().await.unwrap();
    Workspace::open_checked(paths).await.expect("whole again");
}
