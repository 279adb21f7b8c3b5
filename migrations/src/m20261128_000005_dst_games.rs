//! DST games from play-by-play: what each DST did in each game and the points it allowed,
//! exactly as DraftKings counts them. Kept beside the team-stats estimate (`nfl_team_weeks`),
//! which the week's points use only where no play-by-play is loaded.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

fn name(n: &str) -> Alias {
    Alias::new(n)
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let mut table = Table::create();
        table
            .table(name("nfl_dst_games"))
            .col(string(name("game_id")))
            .col(string(name("team")))
            .col(integer(name("season")))
            .col(integer(name("week")))
            .col(string(name("season_type")))
            .col(string(name("opponent")));
        for column in [
            "sacks",
            "interceptions",
            "fumbles_recovered",
            "return_tds",
            "safeties",
            "blocked_kicks",
            "conversion_returns",
            "points_allowed",
            "dk_points",
        ] {
            table.col(double(name(column)).default(0.0));
        }
        table.primary_key(Index::create().col(name("game_id")).col(name("team")));
        manager.create_table(table.to_owned()).await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_nfl_dst_games_season_week")
                    .table(name("nfl_dst_games"))
                    .col(name("season"))
                    .col(name("week"))
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(name("nfl_dst_games")).to_owned())
            .await
    }
}
