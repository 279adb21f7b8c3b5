//! sea-orm entities of the tables the app writes row by row (slates, lineups, contests,
//! standings, settings, teams) and of the NFL players it counts: one module per table. The
//! schema itself is defined by the `migration` crate; these mirror it for typed queries, and a
//! test holds each to the migrated schema (columns, nullability, primary key). The other tables (nflverse history loaded in bulk, the
//! model registry, the ingest and training logs, player links) are read and written by SQL in
//! the one store module that owns each (listed in this module's test); none has an entity as well.
//! `players` is the NFL data's own (`nfl/player_weeks.rs` and `nfl/rosters.rs` upsert it as
//! they store stats and rosters); `teams` is extended by every import through `teams.rs`.

pub mod contest;
pub mod contest_pick;
pub mod game;
pub mod lineup;
pub mod lineup_slot;
pub mod player;
pub mod setting;
pub mod slate;
pub mod slate_game;
pub mod slate_player;
pub mod standing;
pub mod standing_entry;
pub mod standing_player;
pub mod team;

#[cfg(test)]
mod tests {
    use migration::MigratorTrait;
    use sea_orm::{
        ColumnTrait, ConnectionTrait, IdenStatic, Iterable, PrimaryKeyToColumn, Statement,
    };

    /// The tables without an entity, each with the store module that owns its SQL.
    const SQL_TABLES: [(&str, &str); 15] = [
        ("ingests", "ingests"),
        ("model_events", "model_registry"),
        ("model_versions", "model_registry"),
        ("nfl_advanced_stats", "nfl/advanced_stats"),
        ("nfl_depth_charts", "nfl/depth_charts"),
        ("nfl_dst_games", "nfl/dst_games"),
        ("nfl_injuries", "nfl/injuries"),
        ("nfl_player_ids", "nfl/player_ids"),
        ("nfl_player_weeks", "nfl/player_weeks"),
        ("nfl_rosters", "nfl/rosters"),
        ("nfl_schedule", "nfl/schedule"),
        ("nfl_snap_counts", "nfl/snap_counts"),
        ("nfl_team_weeks", "nfl/team_weeks"),
        ("player_links", "player_links"),
        ("training_runs", "training_runs"),
    ];

    /// (name, not null, part of the primary key) of each column, by name.
    type Columns = Vec<(String, bool, bool)>;

    fn entity_columns<E: sea_orm::EntityTrait>() -> (String, Columns) {
        let keys: Vec<String> = E::PrimaryKey::iter()
            .map(|k| k.into_column().as_str().to_string())
            .collect();
        let columns = E::Column::iter()
            .map(|c| {
                let name = c.as_str().to_string();
                let key = keys.contains(&name);
                (name, !c.def().is_null() || key, key)
            })
            .collect::<Columns>();
        let mut columns = columns;
        columns.sort();
        (E::default().table_name().to_string(), columns)
    }

    #[tokio::test]
    async fn every_table_has_one_owner_and_each_entity_matches_the_migrated_schema() {
        let db = crate::store::connect("sqlite::memory:").await.unwrap();
        migration::Migrator::up(&db, None).await.unwrap();
        let entities = [
            entity_columns::<super::contest::Entity>(),
            entity_columns::<super::contest_pick::Entity>(),
            entity_columns::<super::game::Entity>(),
            entity_columns::<super::lineup::Entity>(),
            entity_columns::<super::lineup_slot::Entity>(),
            entity_columns::<super::player::Entity>(),
            entity_columns::<super::setting::Entity>(),
            entity_columns::<super::slate::Entity>(),
            entity_columns::<super::slate_game::Entity>(),
            entity_columns::<super::slate_player::Entity>(),
            entity_columns::<super::standing::Entity>(),
            entity_columns::<super::standing_entry::Entity>(),
            entity_columns::<super::standing_player::Entity>(),
            entity_columns::<super::team::Entity>(),
        ];
        let tables: Vec<String> = db
            .query_all_raw(Statement::from_string(
                db.get_database_backend(),
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' \
                 AND name != 'seaql_migrations' ORDER BY name",
            ))
            .await
            .unwrap()
            .iter()
            .map(|r| r.try_get::<String>("", "name").unwrap())
            .collect();
        let mut covered: Vec<String> = entities
            .iter()
            .map(|(t, _)| t.clone())
            .chain(SQL_TABLES.iter().map(|(t, _)| t.to_string()))
            .collect();
        covered.sort();
        assert_eq!(
            covered, tables,
            "each table has an entity or an SQL owner, not both"
        );
        for (table, module) in SQL_TABLES {
            let source = std::fs::read_to_string(
                std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
                    .join("src/store")
                    .join(format!("{module}.rs")),
            )
            .unwrap();
            assert!(
                source.contains(&format!("\"{table}\"")) || source.contains(&format!(" {table} ")),
                "store/{module}.rs owns {table} but does not name it"
            );
        }
        for (table, columns) in entities {
            let schema: Columns = db
                .query_all_raw(Statement::from_string(
                    db.get_database_backend(),
                    format!("SELECT name, \"notnull\" AS nn, pk FROM pragma_table_info('{table}')"),
                ))
                .await
                .unwrap()
                .iter()
                .map(|r| {
                    let pk = r.try_get::<i32>("", "pk").unwrap() > 0;
                    (
                        r.try_get::<String>("", "name").unwrap(),
                        r.try_get::<i32>("", "nn").unwrap() == 1 || pk,
                        pk,
                    )
                })
                .collect();
            let mut schema = schema;
            schema.sort();
            assert_eq!(columns, schema, "the entity of {table}");
        }
    }
}
