//! Rosters, injury reports and snap counts from nflverse.
//!
//! - `nfl_rosters`: a player on a team's roster in a season (and week, for weekly rosters; 0
//!   for season rosters), with his status.
//! - `nfl_injuries`: a player's game status and practice participation in a week's report.
//! - `nfl_snap_counts`: a player's offensive snaps and share of the team's snaps in a game
//!   (keyed by Pro Football Reference id, as nflverse publishes them).

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
            .create_table(
                Table::create()
                    .table(name("nfl_rosters"))
                    .col(integer(name("season")))
                    .col(integer(name("week")))
                    .col(string(name("gsis_id")))
                    .col(string(name("team")))
                    .col(string(name("name")))
                    .col(string_null(name("position")))
                    .col(string_null(name("status")))
                    .primary_key(
                        Index::create()
                            .col(name("season"))
                            .col(name("week"))
                            .col(name("gsis_id")),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(name("nfl_injuries"))
                    .col(integer(name("season")))
                    .col(integer(name("week")))
                    .col(string(name("season_type")))
                    .col(string(name("gsis_id")))
                    .col(string(name("team")))
                    .col(string(name("name")))
                    .col(string_null(name("position")))
                    .col(string_null(name("report_status")))
                    .col(string_null(name("practice_status")))
                    .primary_key(
                        Index::create()
                            .col(name("season"))
                            .col(name("week"))
                            .col(name("season_type"))
                            .col(name("gsis_id")),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(name("nfl_snap_counts"))
                    .col(string(name("game_id")))
                    .col(string(name("pfr_player_id")))
                    .col(integer(name("season")))
                    .col(integer(name("week")))
                    .col(string(name("name")))
                    .col(string_null(name("position")))
                    .col(string(name("team")))
                    .col(string_null(name("opponent")))
                    .col(double(name("offense_snaps")).default(0.0))
                    .col(double(name("offense_pct")).default(0.0))
                    .primary_key(
                        Index::create()
                            .col(name("game_id"))
                            .col(name("pfr_player_id")),
                    )
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in ["nfl_snap_counts", "nfl_injuries", "nfl_rosters"] {
            manager
                .drop_table(Table::drop().table(name(table)).to_owned())
                .await?;
        }
        Ok(())
    }
}
