//! `nfl_depth_charts`: a player's place on his team's depth chart, from nflverse's weekly
//! charts (`week` set, `as_of` empty) or its dated snapshots (`week` 0, `as_of` the snapshot's
//! ISO-8601 UTC time). Only the positions the app projects are kept, one row per player and
//! chart (his best place).

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

fn name(n: &str) -> Alias {
    Alias::new(n)
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(name("nfl_depth_charts"))
                    .col(integer(name("season")))
                    .col(integer(name("week")))
                    .col(string(name("as_of")))
                    .col(string(name("team")))
                    .col(string(name("gsis_id")))
                    .col(string(name("name")))
                    .col(string(name("position")))
                    .col(integer(name("depth")))
                    .primary_key(
                        Index::create()
                            .col(name("season"))
                            .col(name("week"))
                            .col(name("as_of"))
                            .col(name("team"))
                            .col(name("gsis_id")),
                    )
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(name("nfl_depth_charts")).to_owned())
            .await
    }
}
