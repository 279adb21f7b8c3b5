//! The user's word on whether a slate player plays: `slate_players.play_override` (NULL: the
//! app's estimate; true: plays; false: out).

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
            .alter_table(
                Table::alter()
                    .table(name("slate_players"))
                    .add_column(boolean_null(name("play_override")))
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(name("slate_players"))
                    .drop_column(name("play_override"))
                    .to_owned(),
            )
            .await
    }
}
