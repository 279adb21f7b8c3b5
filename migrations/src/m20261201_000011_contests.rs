//! Contests and their results: `contests` (a slate's contest: type, fee, field size and payout
//! table), `standings` (a DraftKings standings file imported for a slate), `standing_entries`
//! (the field's entries and scores) and `standing_players` (each drafted player's real
//! ownership and points, with the slate player he was matched to).

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

fn name(n: &str) -> Alias {
    Alias::new(n)
}

fn cascade(from_table: &str, from: &str, to_table: &str) -> ForeignKeyCreateStatement {
    ForeignKey::create()
        .from(name(from_table), name(from))
        .to(name(to_table), name("id"))
        .on_delete(ForeignKeyAction::Cascade)
        .to_owned()
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(name("contests"))
                    .col(pk_auto(name("id")))
                    .col(integer(name("slate_id")))
                    .col(string(name("name")))
                    .col(string(name("contest_type")))
                    .col(double(name("entry_fee")))
                    .col(integer(name("entries")))
                    .col(text(name("payouts")))
                    .col(string(name("created_at")))
                    .foreign_key(&mut cascade("contests", "slate_id", "slates"))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(name("standings"))
                    .col(pk_auto(name("id")))
                    .col(integer(name("slate_id")))
                    .col(string(name("file_name")))
                    .col(string(name("sha256")))
                    .col(integer(name("entries")))
                    .col(boolean(name("live")))
                    .col(string(name("imported_at")))
                    .foreign_key(&mut cascade("standings", "slate_id", "slates"))
                    .to_owned(),
            )
            .await?;
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
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(name("standing_entries"))
                    .col(integer(name("standings_id")))
                    .col(integer(name("line")))
                    .col(integer(name("rank")))
                    .col(string(name("entry_name")))
                    .col(double(name("points")))
                    .col(text(name("lineup")))
                    .primary_key(Index::create().col(name("standings_id")).col(name("line")))
                    .foreign_key(&mut cascade(
                        "standing_entries",
                        "standings_id",
                        "standings",
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(name("standing_players"))
                    .col(integer(name("standings_id")))
                    .col(integer(name("line")))
                    .col(string(name("name")))
                    .col(string(name("position")))
                    .col(integer_null(name("slate_player_id")))
                    .col(double(name("drafted")))
                    .col(double(name("fpts")))
                    .primary_key(Index::create().col(name("standings_id")).col(name("line")))
                    .foreign_key(&mut cascade(
                        "standing_players",
                        "standings_id",
                        "standings",
                    ))
                    .foreign_key(
                        ForeignKey::create()
                            .from(name("standing_players"), name("slate_player_id"))
                            .to(name("slate_players"), name("id"))
                            .on_delete(ForeignKeyAction::SetNull),
                    )
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            "standing_players",
            "standing_entries",
            "standings",
            "contests",
        ] {
            manager
                .drop_table(Table::drop().table(name(table)).to_owned())
                .await?;
        }
        Ok(())
    }
}
