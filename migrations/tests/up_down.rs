//! The migrations apply to an empty SQLite database, roll back completely and apply again.

use migration::{Migrator, MigratorTrait};
use sea_orm_migration::sea_orm::{ConnectionTrait, Database, Statement};

async fn table_names(db: &sea_orm_migration::sea_orm::DatabaseConnection) -> Vec<String> {
    let rows = db
        .query_all_raw(Statement::from_string(
            db.get_database_backend(),
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' \
             AND name <> 'seaql_migrations' ORDER BY name",
        ))
        .await
        .unwrap();
    rows.iter()
        .map(|r| r.try_get::<String>("", "name").unwrap())
        .collect()
}

#[tokio::test]
async fn migrations_apply_roll_back_and_reapply() {
    let db = Database::connect("sqlite::memory:").await.unwrap();
    Migrator::up(&db, None).await.unwrap();
    assert_eq!(
        table_names(&db).await,
        [
            "contest_picks",
            "contests",
            "games",
            "ingests",
            "lineup_slots",
            "lineups",
            "model_events",
            "model_versions",
            "nfl_advanced_stats",
            "nfl_depth_charts",
            "nfl_dst_games",
            "nfl_injuries",
            "nfl_player_ids",
            "nfl_player_weeks",
            "nfl_rosters",
            "nfl_schedule",
            "nfl_snap_counts",
            "nfl_team_weeks",
            "player_links",
            "players",
            "settings",
            "slate_games",
            "slate_players",
            "slates",
            "standing_entries",
            "standing_players",
            "standings",
            "teams",
            "training_runs"
        ]
    );
    Migrator::down(&db, None).await.unwrap();
    assert!(table_names(&db).await.is_empty());
    Migrator::up(&db, None).await.unwrap();
    assert_eq!(table_names(&db).await.len(), 29);
}
