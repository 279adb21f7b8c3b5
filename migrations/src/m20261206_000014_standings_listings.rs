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

/// The columns added, by table.
fn added() -> [(&'static str, ColumnDef); 4] {
    [
        ("standings", integer_null(name("field_size"))),
        (
            "standings",
            string(name("contest_ref")).default("").to_owned(),
        ),
        (
            "standing_players",
            boolean(name("fpts_known")).default(true).to_owned(),
        ),
        ("contests", string_null(name("dk_contest_id"))),
    ]
}

/// The unique index of imported standings: the slate and the file's digest, and the contest
/// chosen in it from this migration on.
fn file_index(index: &str, with_contest: bool) -> IndexCreateStatement {
    let mut create = Index::create();
    create
        .name(index)
        .table(name("standings"))
        .col(name("slate_id"))
        .col(name("sha256"))
        .unique();
    if with_contest {
        create.col(name("contest_ref"));
    }
    create.to_owned()
}

fn drop_index(index: &str) -> IndexDropStatement {
    Index::drop()
        .name(index)
        .table(name("standings"))
        .to_owned()
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_index(drop_index("standings_slate_file"))
            .await?;
        for (table, mut column) in added() {
            manager
                .alter_table(
                    Table::alter()
                        .table(name(table))
                        .add_column(&mut column)
                        .to_owned(),
                )
                .await?;
        }
        manager
            .create_index(file_index("standings_slate_file_contest", true))
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_index(drop_index("standings_slate_file_contest"))
            .await?;
        for (table, column) in added() {
            manager
                .alter_table(
                    Table::alter()
                        .table(name(table))
                        .drop_column(name(&column.get_column_name()))
                        .to_owned(),
                )
                .await?;
        }
        manager
            .create_index(file_index("standings_slate_file", false))
            .await
    }
}
