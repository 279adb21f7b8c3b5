//! Standings that list only part of a contest's field (a lineup listing's top ranks):
//! `standings.field_size` (the contest's entries where the file lists fewer; NULL: it lists
//! every one), `standings.contest_ref` (the contest chosen in a file of several; empty: the
//! file holds one), and `standing_players.fpts_known` (false where the file gives no points).
//! A file is imported once per slate and contest: the unique index takes the contest in.
//! `contests.dk_contest_id` (DraftKings' contest ID, where the user gives it) finds a contest's
//! own standings among several of one slate.

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
            .drop_index(
                Index::drop()
                    .name("standings_slate_file")
                    .table(name("standings"))
                    .to_owned(),
            )
            .await?;
        for column in [
            integer_null(name("field_size")),
            string(name("contest_ref")).default("").to_owned(),
        ] {
            manager
                .alter_table(
                    Table::alter()
                        .table(name("standings"))
                        .add_column(column)
                        .to_owned(),
                )
                .await?;
        }
        manager
            .alter_table(
                Table::alter()
                    .table(name("standing_players"))
                    .add_column(boolean(name("fpts_known")).default(true))
                    .to_owned(),
            )
            .await?;
        manager
            .alter_table(
                Table::alter()
                    .table(name("contests"))
                    .add_column(string_null(name("dk_contest_id")))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("standings_slate_file_contest")
                    .table(name("standings"))
                    .col(name("slate_id"))
                    .col(name("sha256"))
                    .col(name("contest_ref"))
                    .unique()
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(name("contests"))
                    .drop_column(name("dk_contest_id"))
                    .to_owned(),
            )
            .await?;
        manager
            .drop_index(
                Index::drop()
                    .name("standings_slate_file_contest")
                    .table(name("standings"))
                    .to_owned(),
            )
            .await?;
        manager
            .alter_table(
                Table::alter()
                    .table(name("standing_players"))
                    .drop_column(name("fpts_known"))
                    .to_owned(),
            )
            .await?;
        for column in ["contest_ref", "field_size"] {
            manager
                .alter_table(
                    Table::alter()
                        .table(name("standings"))
                        .drop_column(name(column))
                        .to_owned(),
                )
                .await?;
        }
        manager
            .create_index(
                Index::create()
                    .name("standings_slate_file")
                    .table(name("standings"))
                    .col(name("slate_id"))
                    .col(name("sha256"))
                    .unique()
                    .to_owned(),
            )
            .await
    }
}
