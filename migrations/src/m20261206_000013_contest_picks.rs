//! `contest_picks`: what the simulation predicted for a pick when it was stored (its chance to
//! cash, expected payout, the simulated cash line and the simulations behind them), with the
//! stored lineup, so the track record judges the pick as it was made, not as it would be now.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

fn name(n: &str) -> Alias {
    Alias::new(n)
}

fn cascade(from: &str, to_table: &str) -> ForeignKeyCreateStatement {
    ForeignKey::create()
        .from(name("contest_picks"), name(from))
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
                    .table(name("contest_picks"))
                    .col(pk_auto(name("id")))
                    .col(integer(name("contest_id")))
                    .col(integer(name("lineup_id")))
                    .col(double(name("p_cash")))
                    .col(double(name("expected_payout")))
                    .col(double(name("cash_line")))
                    .col(integer(name("simulations")))
                    .col(string(name("created_at")))
                    .foreign_key(&mut cascade("contest_id", "contests"))
                    .foreign_key(&mut cascade("lineup_id", "lineups"))
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(name("contest_picks")).to_owned())
            .await
    }
}
