//! Lineups and the game state of slate players.
//!
//! - `slate_players.game_state`: what the salary file said of the player's game (`scheduled`,
//!   `in_progress`, `final`, `postponed`, `no_game`), so a player without a usable game is kept
//!   but never put in a lineup.
//! - `lineups`: lineups of a slate (built by the optimizer or imported from a file), with their
//!   salary, projected points, source and creation time. `player_key` (the nine slate-player ids
//!   in slot order) is unique per slate, so importing the same lineup again finds the stored one.
//! - `lineup_slots`: the nine players of a lineup, by slot.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(SlatePlayers::Table)
                    .add_column(string(SlatePlayers::GameState).default("scheduled"))
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(Lineups::Table)
                    .col(pk_auto(Lineups::Id))
                    .col(integer(Lineups::SlateId))
                    .col(string(Lineups::PlayerKey))
                    .col(integer(Lineups::Salary))
                    .col(double_null(Lineups::ProjectedPoints))
                    .col(string(Lineups::Source))
                    .col(timestamp(Lineups::CreatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(Lineups::Table, Lineups::SlateId)
                            .to(Slates::Table, Slates::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ux_lineups_slate_player_key")
                    .table(Lineups::Table)
                    .col(Lineups::SlateId)
                    .col(Lineups::PlayerKey)
                    .unique()
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(LineupSlots::Table)
                    .col(integer(LineupSlots::LineupId))
                    .col(integer(LineupSlots::SlotIndex))
                    .col(string(LineupSlots::Slot))
                    .col(integer(LineupSlots::SlatePlayerId))
                    .primary_key(
                        Index::create()
                            .col(LineupSlots::LineupId)
                            .col(LineupSlots::SlotIndex),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(LineupSlots::Table, LineupSlots::LineupId)
                            .to(Lineups::Table, Lineups::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(LineupSlots::Table, LineupSlots::SlatePlayerId)
                            .to(SlatePlayers::Table, SlatePlayers::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(LineupSlots::Table).to_owned())
            .await?;
        manager
            .drop_table(Table::drop().table(Lineups::Table).to_owned())
            .await?;
        manager
            .alter_table(
                Table::alter()
                    .table(SlatePlayers::Table)
                    .drop_column(SlatePlayers::GameState)
                    .to_owned(),
            )
            .await
    }
}

#[derive(DeriveIden)]
enum Slates {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum SlatePlayers {
    Table,
    Id,
    GameState,
}

#[derive(DeriveIden)]
enum Lineups {
    Table,
    Id,
    SlateId,
    PlayerKey,
    Salary,
    ProjectedPoints,
    Source,
    CreatedAt,
}

#[derive(DeriveIden)]
enum LineupSlots {
    Table,
    LineupId,
    SlotIndex,
    Slot,
    SlatePlayerId,
}
