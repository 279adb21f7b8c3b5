//! Advanced weekly stats: `nfl_advanced_stats` holds Pro Football Reference's advanced weekly
//! stats (passing, rushing, receiving, defense; keyed by PFR id) and Next Gen Stats (passing,
//! receiving, rushing; keyed by GSIS id), one row per source, player, week and stat.

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
                    .table(name("nfl_advanced_stats"))
                    .col(string(name("source")))
                    .col(string(name("player_id")))
                    .col(integer(name("season")))
                    .col(integer(name("week")))
                    .col(string(name("stat")))
                    .col(string(name("team")))
                    .col(double(name("value")))
                    .primary_key(
                        Index::create()
                            .col(name("source"))
                            .col(name("player_id"))
                            .col(name("season"))
                            .col(name("week"))
                            .col(name("stat")),
                    )
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(name("nfl_advanced_stats")).to_owned())
            .await
    }
}
