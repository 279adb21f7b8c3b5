//! The player-id crosswalk: `nfl_player_ids` maps a Pro Football Reference id (the key of snap
//! counts and PFR's advanced stats) to the GSIS id every other table uses. Filled from the
//! nflverse player-id files and from rosters (which carry both ids).

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
                    .table(name("nfl_player_ids"))
                    .col(string(name("pfr_id")).primary_key())
                    .col(string(name("gsis_id")))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_nfl_player_ids_gsis")
                    .table(name("nfl_player_ids"))
                    .col(name("gsis_id"))
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(name("nfl_player_ids")).to_owned())
            .await
    }
}
