//! The workspace on a real SQLite file: created, migrated, configured, reopened, and refused
//! when a newer version wrote it.

use nfl_dfs_core::paths::DataPaths;
use nfl_dfs_core::settings::{SettingSource, SettingValue};
use nfl_dfs_core::test_support::database;
use nfl_dfs_core::{ErrorCode, Workspace};
use sea_orm::{ConnectionTrait, Statement};

async fn open(dir: &std::path::Path) -> Workspace {
    Workspace::open(DataPaths::in_folder(dir)).await.unwrap()
}

async fn pragma(ws: &Workspace, name: &str) -> String {
    let row = database(ws)
        .query_one_raw(Statement::from_string(
            database(ws).get_database_backend(),
            format!("PRAGMA {name}"),
        ))
        .await
        .unwrap()
        .unwrap();
    row.try_get_by_index::<String>(0)
        .or_else(|_| row.try_get_by_index::<i64>(0).map(|n| n.to_string()))
        .unwrap()
}

#[tokio::test]
async fn a_data_folder_that_is_a_file_is_named_for_what_it_is() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("not-a-folder");
    std::fs::write(&file, b"x").unwrap();
    let e = Workspace::open(DataPaths::in_folder(&file))
        .await
        .unwrap_err();
    assert_eq!(e.code(), ErrorCode::InvalidInput, "{e}");
    assert!(e.to_string().contains("is a file, not a folder"), "{e}");
    assert_eq!(std::fs::read(&file).unwrap(), b"x", "left as it was");
}

#[tokio::test]
async fn a_new_data_folder_gets_its_folders_and_a_migrated_database() {
    let dir = tempfile::tempdir().unwrap();
    let ws = open(dir.path()).await;
    for sub in ["logs", "cache", "models", "backups"] {
        assert!(dir.path().join(sub).is_dir(), "{sub} missing");
    }
    let health = ws.health().await.unwrap();
    assert_eq!(health.schema_version, "m20261207_000015_contest_games");
    assert_eq!(health.migrations_applied, 15);
    assert_eq!(
        health.database_path,
        dir.path().join("nfl-dfs.sqlite").display().to_string()
    );
    assert_eq!(health.data.slates, 0);
    assert_eq!(health.data.last_updated, None);
    assert!(health.models.trained_positions.is_empty());
}

#[tokio::test]
async fn connections_use_wal_foreign_keys_and_a_busy_timeout() {
    let dir = tempfile::tempdir().unwrap();
    let ws = open(dir.path()).await;
    assert_eq!(pragma(&ws, "journal_mode").await, "wal");
    assert_eq!(pragma(&ws, "foreign_keys").await, "1");
    assert_eq!(pragma(&ws, "busy_timeout").await, "10000");
}

#[tokio::test]
async fn foreign_keys_are_enforced() {
    let dir = tempfile::tempdir().unwrap();
    let ws = open(dir.path()).await;
    let orphan = database(&ws)
        .execute_unprepared(
            "INSERT INTO games (season, away_team, home_team, kickoff_utc) \
             VALUES (2024, 'NOPE', 'NADA', '2024-09-08T17:00:00Z')",
        )
        .await;
    assert!(orphan.is_err(), "a game with unknown teams was stored");
}

#[tokio::test]
async fn a_setting_survives_reopening_and_a_bad_one_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    {
        let ws = open(dir.path()).await;
        let entry = ws.set_setting_text("nfl_seasons", "5").await.unwrap();
        assert_eq!(entry.value, SettingValue::Integer(5));
        assert_eq!(entry.source, SettingSource::Database);
        let err = ws
            .set_setting("nfl_seasons", SettingValue::Integer(0))
            .await
            .unwrap_err();
        assert_eq!(err.code(), ErrorCode::InvalidSetting);
        let err = ws.set_setting_text("salary", "1").await.unwrap_err();
        assert_eq!(err.code(), ErrorCode::UnknownSetting);
        database(&ws).clone().close().await.unwrap();
    }
    let ws = open(dir.path()).await;
    assert_eq!(ws.typed_settings().await.unwrap().nfl_seasons, 5);
    assert_eq!(
        ws.setting("salary_cap").await.unwrap().source,
        SettingSource::Default
    );
}

#[tokio::test]
async fn a_database_from_a_newer_version_is_refused_and_left_unchanged() {
    let dir = tempfile::tempdir().unwrap();
    {
        let ws = open(dir.path()).await;
        ws.set_setting_text("salary_cap", "60000").await.unwrap();
        database(&ws)
            .execute_unprepared(
                "INSERT INTO seaql_migrations (version, applied_at) \
                 VALUES ('m20991231_000001_from_the_future', 0)",
            )
            .await
            .unwrap();
        database(&ws)
            .execute_unprepared("PRAGMA wal_checkpoint(TRUNCATE)")
            .await
            .unwrap();
        database(&ws).clone().close().await.unwrap();
    }
    let file = dir.path().join("nfl-dfs.sqlite");
    let before = std::fs::read(&file).unwrap();

    let err = Workspace::open(DataPaths::in_folder(dir.path()))
        .await
        .unwrap_err();
    assert_eq!(err.code(), ErrorCode::SchemaTooNew);
    let message = err.to_string();
    assert!(
        message.contains("m20991231_000001_from_the_future"),
        "{message}"
    );
    assert!(message.contains("newer version"), "{message}");
    assert!(message.contains(&file.display().to_string()), "{message}");

    assert_eq!(
        std::fs::read(&file).unwrap(),
        before,
        "the database file changed"
    );
}

#[tokio::test]
async fn database_url_places_the_database_outside_the_data_folder() {
    let data = tempfile::tempdir().unwrap();
    let elsewhere = tempfile::tempdir().unwrap();
    let db_file = elsewhere.path().join("custom.db");
    let url = format!("sqlite://{}?mode=rwc", db_file.display());
    let paths = DataPaths::from_env(Some(data.path().into()), |name| {
        (name == "DATABASE_URL").then(|| url.clone())
    })
    .unwrap();
    let ws = Workspace::open(paths).await.unwrap();
    assert!(db_file.exists());
    assert!(!data.path().join("nfl-dfs.sqlite").exists());
    assert_eq!(
        ws.health().await.unwrap().database_path,
        db_file.display().to_string()
    );
}

#[tokio::test]
async fn trained_positions_come_from_the_model_registry() {
    let dir = tempfile::tempdir().unwrap();
    let ws = open(dir.path()).await;
    let registry = dir.path().join("models/registry");
    std::fs::create_dir_all(registry.join("WR/v1")).unwrap();
    std::fs::create_dir_all(registry.join("QB/v3")).unwrap();
    std::fs::create_dir_all(registry.join("TE")).unwrap(); // no version yet
    let models = ws.health().await.unwrap().models;
    assert_eq!(models.trained_positions, ["QB", "WR"]);
}
