//! The first schema: NFL teams and games, players, DraftKings slates with their games and
//! players, and the key/value settings store.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Teams::Table)
                    .col(string(Teams::Code).primary_key())
                    .col(string(Teams::Name))
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(Games::Table)
                    .col(pk_auto(Games::Id))
                    .col(integer(Games::Season))
                    .col(integer_null(Games::Week))
                    .col(string(Games::AwayTeam))
                    .col(string(Games::HomeTeam))
                    .col(timestamp(Games::KickoffUtc))
                    .col(string_null(Games::NflverseGameId).unique_key())
                    .foreign_key(
                        ForeignKey::create()
                            .from(Games::Table, Games::AwayTeam)
                            .to(Teams::Table, Teams::Code),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(Games::Table, Games::HomeTeam)
                            .to(Teams::Table, Teams::Code),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ux_games_matchup_kickoff")
                    .table(Games::Table)
                    .col(Games::AwayTeam)
                    .col(Games::HomeTeam)
                    .col(Games::KickoffUtc)
                    .unique()
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(Players::Table)
                    .col(pk_auto(Players::Id))
                    .col(string_null(Players::GsisId).unique_key())
                    .col(string(Players::Name))
                    .col(string(Players::Position))
                    .col(string_null(Players::Team))
                    .foreign_key(
                        ForeignKey::create()
                            .from(Players::Table, Players::Team)
                            .to(Teams::Table, Teams::Code),
                    )
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(Slates::Table)
                    .col(pk_auto(Slates::Id))
                    .col(string(Slates::Name))
                    .col(string(Slates::SourceFile))
                    .col(string(Slates::ContentHash).unique_key())
                    .col(string(Slates::Layout))
                    .col(boolean(Slates::Exportable))
                    .col(timestamp(Slates::ImportedAt))
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(SlateGames::Table)
                    .col(integer(SlateGames::SlateId))
                    .col(integer(SlateGames::GameId))
                    .primary_key(
                        Index::create()
                            .col(SlateGames::SlateId)
                            .col(SlateGames::GameId),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(SlateGames::Table, SlateGames::SlateId)
                            .to(Slates::Table, Slates::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(SlateGames::Table, SlateGames::GameId)
                            .to(Games::Table, Games::Id),
                    )
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(SlatePlayers::Table)
                    .col(pk_auto(SlatePlayers::Id))
                    .col(integer(SlatePlayers::SlateId))
                    .col(big_integer_null(SlatePlayers::DkId))
                    .col(string(SlatePlayers::Name))
                    .col(string(SlatePlayers::Position))
                    .col(string(SlatePlayers::RosterPositions))
                    .col(string(SlatePlayers::Team))
                    .col(string_null(SlatePlayers::Opponent))
                    .col(integer_null(SlatePlayers::GameId))
                    .col(integer(SlatePlayers::Salary))
                    .col(double(SlatePlayers::AvgPointsPerGame))
                    .col(integer_null(SlatePlayers::PlayerId))
                    .col(boolean(SlatePlayers::Locked).default(false))
                    .col(boolean(SlatePlayers::Excluded).default(false))
                    .col(double_null(SlatePlayers::ProjectionOverride))
                    .foreign_key(
                        ForeignKey::create()
                            .from(SlatePlayers::Table, SlatePlayers::SlateId)
                            .to(Slates::Table, Slates::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(SlatePlayers::Table, SlatePlayers::GameId)
                            .to(Games::Table, Games::Id),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(SlatePlayers::Table, SlatePlayers::PlayerId)
                            .to(Players::Table, Players::Id)
                            .on_delete(ForeignKeyAction::SetNull),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ux_slate_players_slate_dk_id")
                    .table(SlatePlayers::Table)
                    .col(SlatePlayers::SlateId)
                    .col(SlatePlayers::DkId)
                    .unique()
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(Settings::Table)
                    .col(string(Settings::Key).primary_key())
                    .col(string(Settings::Value))
                    .col(timestamp(Settings::UpdatedAt))
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            Settings::Table.into_iden(),
            SlatePlayers::Table.into_iden(),
            SlateGames::Table.into_iden(),
            Slates::Table.into_iden(),
            Players::Table.into_iden(),
            Games::Table.into_iden(),
            Teams::Table.into_iden(),
        ] {
            manager
                .drop_table(Table::drop().table(table).to_owned())
                .await?;
        }
        Ok(())
    }
}

#[derive(DeriveIden)]
enum Teams {
    Table,
    Code,
    Name,
}

#[derive(DeriveIden)]
enum Games {
    Table,
    Id,
    Season,
    Week,
    AwayTeam,
    HomeTeam,
    KickoffUtc,
    NflverseGameId,
}

#[derive(DeriveIden)]
enum Players {
    Table,
    Id,
    GsisId,
    Name,
    Position,
    Team,
}

#[derive(DeriveIden)]
enum Slates {
    Table,
    Id,
    Name,
    SourceFile,
    ContentHash,
    Layout,
    Exportable,
    ImportedAt,
}

#[derive(DeriveIden)]
enum SlateGames {
    Table,
    SlateId,
    GameId,
}

#[derive(DeriveIden)]
enum SlatePlayers {
    Table,
    Id,
    SlateId,
    DkId,
    Name,
    Position,
    RosterPositions,
    Team,
    Opponent,
    GameId,
    Salary,
    AvgPointsPerGame,
    PlayerId,
    Locked,
    Excluded,
    ProjectionOverride,
}

#[derive(DeriveIden)]
enum Settings {
    Table,
    Key,
    Value,
    UpdatedAt,
}
