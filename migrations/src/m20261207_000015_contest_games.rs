//! The games a contest covers: `contests.games` (the `AWAY@HOME` keys the user chose, comma
//! separated; empty: every game of its slate) and `standings.games` (the games an imported
//! file's lineups drafted from, where it lists enough of them to tell; empty: every game).

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

/// The tables given a `games` column.
const TABLES: [&str; 2] = ["contests", "standings"];

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in TABLES {
            manager
                .alter_table(
                    Table::alter()
                        .table(Alias::new(table))
                        .add_column(string(Alias::new("games")).default("").to_owned())
                        .to_owned(),
                )
                .await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in TABLES {
            manager
                .alter_table(
                    Table::alter()
                        .table(Alias::new(table))
                        .drop_column(Alias::new("games"))
                        .to_owned(),
                )
                .await?;
        }
        Ok(())
    }
}
