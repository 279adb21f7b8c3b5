//! sea-orm entities, one module per table: every table of the schema has one. The schema itself
//! is defined by the `migration` crate; these mirror it for typed queries, and a test holds each
//! to the migrated schema (columns, nullability, primary key).

pub mod contest;
pub mod contest_pick;
pub mod game;
pub mod ingest;
pub mod lineup;
pub mod lineup_slot;
pub mod model_event;
pub mod model_version;
pub mod nfl_advanced_stat;
pub mod nfl_depth_chart;
pub mod nfl_dst_game;
pub mod nfl_game;
pub mod nfl_injury;
pub mod nfl_player_id;
pub mod nfl_player_week;
pub mod nfl_roster;
pub mod nfl_snap_count;
pub mod nfl_team_week;
pub mod player;
pub mod player_link;
pub mod setting;
pub mod slate;
pub mod slate_game;
pub mod slate_player;
pub mod standing;
pub mod standing_entry;
pub mod standing_player;
pub mod team;
pub mod training_run;

#[cfg(test)]
mod tests {
    use migration::MigratorTrait;
    use sea_orm::{
        ColumnTrait, ConnectionTrait, IdenStatic, Iterable, PrimaryKeyToColumn, Statement,
    };

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
    async fn every_table_has_an_entity_that_matches_the_migrated_schema() {
        let db = crate::store::connect("sqlite::memory:").await.unwrap();
        migration::Migrator::up(&db, None).await.unwrap();
        let entities = [
            entity_columns::<super::contest::Entity>(),
            entity_columns::<super::contest_pick::Entity>(),
            entity_columns::<super::game::Entity>(),
            entity_columns::<super::ingest::Entity>(),
            entity_columns::<super::lineup::Entity>(),
            entity_columns::<super::lineup_slot::Entity>(),
            entity_columns::<super::model_event::Entity>(),
            entity_columns::<super::model_version::Entity>(),
            entity_columns::<super::nfl_advanced_stat::Entity>(),
            entity_columns::<super::nfl_depth_chart::Entity>(),
            entity_columns::<super::nfl_dst_game::Entity>(),
            entity_columns::<super::nfl_game::Entity>(),
            entity_columns::<super::nfl_injury::Entity>(),
            entity_columns::<super::nfl_player_id::Entity>(),
            entity_columns::<super::nfl_player_week::Entity>(),
            entity_columns::<super::nfl_roster::Entity>(),
            entity_columns::<super::nfl_snap_count::Entity>(),
            entity_columns::<super::nfl_team_week::Entity>(),
            entity_columns::<super::player::Entity>(),
            entity_columns::<super::player_link::Entity>(),
            entity_columns::<super::setting::Entity>(),
            entity_columns::<super::slate::Entity>(),
            entity_columns::<super::slate_game::Entity>(),
            entity_columns::<super::slate_player::Entity>(),
            entity_columns::<super::standing::Entity>(),
            entity_columns::<super::standing_entry::Entity>(),
            entity_columns::<super::standing_player::Entity>(),
            entity_columns::<super::team::Entity>(),
            entity_columns::<super::training_run::Entity>(),
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
        let mut covered: Vec<String> = entities.iter().map(|(t, _)| t.clone()).collect();
        covered.sort();
        assert_eq!(covered, tables, "one entity per table");
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
