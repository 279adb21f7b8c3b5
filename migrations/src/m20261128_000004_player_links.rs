//! Links the user made between DraftKings players and NFL players, reused on every slate:
//! keyed by the DraftKings name (normalised, nicknames folded) and position, since DraftKings
//! IDs change from slate to slate.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Alias::new("player_links"))
                    .col(string(Alias::new("name_key")))
                    .col(string(Alias::new("position")))
                    .col(string(Alias::new("gsis_id")))
                    .col(timestamp(Alias::new("linked_at")))
                    .primary_key(
                        Index::create()
                            .col(Alias::new("name_key"))
                            .col(Alias::new("position")),
                    )
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(Alias::new("player_links")).to_owned())
            .await
    }
}
