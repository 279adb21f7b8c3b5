//! NFL history from nflverse, the inputs of scoring, features and models.
//!
//! - `nfl_schedule`: every game of `games.csv` (scores, betting lines, roof, surface, weather,
//!   rest), keyed by nflverse `game_id`; team codes normalised to one code per franchise.
//! - `nfl_player_weeks`: one player's stats in one game week (both nflverse layouts read into the
//!   same columns) with the DraftKings points computed at ingest.
//! - `nfl_team_weeks`: one team's stats in one week (the inputs of DST scoring), with points
//!   allowed (from the schedule) and the DST's DraftKings points.
//! - `ingests`: each file or download that was loaded: kind, source, content hash, rows, time.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

fn name(n: &str) -> Alias {
    Alias::new(n)
}

/// A statistic: a number, zero when the file leaves it empty.
fn stat(n: &str) -> ColumnDef {
    double(name(n)).default(0.0).to_owned()
}

/// The stat columns of a player week, in the order the ingest writes them.
const PLAYER_STATS: [&str; 22] = [
    "completions",
    "attempts",
    "passing_yards",
    "passing_tds",
    "interceptions",
    "sacks",
    "sack_fumbles_lost",
    "passing_2pt",
    "carries",
    "rushing_yards",
    "rushing_tds",
    "rushing_fumbles_lost",
    "rushing_2pt",
    "receptions",
    "targets",
    "receiving_yards",
    "receiving_tds",
    "receiving_fumbles_lost",
    "receiving_2pt",
    "receiving_air_yards",
    "special_teams_tds",
    "dk_points",
];

/// The stat columns of a team week.
const TEAM_STATS: [&str; 12] = [
    "attempts",
    "passing_yards",
    "carries",
    "rushing_yards",
    "def_sacks",
    "def_interceptions",
    "def_fumbles_recovered",
    "def_tds",
    "def_safeties",
    "special_teams_tds",
    "blocked_kicks",
    "dk_points",
];

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(name("nfl_schedule"))
                    .col(string(name("game_id")).primary_key())
                    .col(integer(name("season")))
                    .col(string(name("game_type")))
                    .col(integer(name("week")))
                    .col(string(name("gameday")))
                    .col(string_null(name("gametime")))
                    .col(string(name("away_team")))
                    .col(string(name("home_team")))
                    .col(integer_null(name("away_score")))
                    .col(integer_null(name("home_score")))
                    .col(double_null(name("spread_line")))
                    .col(double_null(name("total_line")))
                    .col(string_null(name("roof")))
                    .col(string_null(name("surface")))
                    .col(double_null(name("temp")))
                    .col(double_null(name("wind")))
                    .col(integer_null(name("away_rest")))
                    .col(integer_null(name("home_rest")))
                    .col(boolean_null(name("div_game")))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_nfl_schedule_season_week")
                    .table(name("nfl_schedule"))
                    .col(name("season"))
                    .col(name("week"))
                    .to_owned(),
            )
            .await?;

        let mut players = Table::create();
        players
            .table(name("nfl_player_weeks"))
            .col(string(name("gsis_id")))
            .col(integer(name("season")))
            .col(integer(name("week")))
            .col(string(name("season_type")))
            .col(string(name("name")))
            .col(string_null(name("position")))
            .col(string(name("team")))
            .col(string_null(name("opponent")));
        for column in PLAYER_STATS {
            players.col(stat(column));
        }
        players
            .col(double_null(name("target_share")))
            .col(double_null(name("air_yards_share")))
            .col(double_null(name("fantasy_points_ppr")))
            .primary_key(
                Index::create()
                    .col(name("gsis_id"))
                    .col(name("season"))
                    .col(name("week"))
                    .col(name("season_type")),
            );
        manager.create_table(players.to_owned()).await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_nfl_player_weeks_season_week")
                    .table(name("nfl_player_weeks"))
                    .col(name("season"))
                    .col(name("week"))
                    .to_owned(),
            )
            .await?;

        let mut teams = Table::create();
        teams
            .table(name("nfl_team_weeks"))
            .col(string(name("team")))
            .col(integer(name("season")))
            .col(integer(name("week")))
            .col(string(name("season_type")))
            .col(string_null(name("opponent")))
            .col(integer_null(name("points_allowed")));
        for column in TEAM_STATS {
            teams.col(stat(column));
        }
        teams.primary_key(
            Index::create()
                .col(name("team"))
                .col(name("season"))
                .col(name("week"))
                .col(name("season_type")),
        );
        manager.create_table(teams.to_owned()).await?;

        manager
            .create_table(
                Table::create()
                    .table(name("ingests"))
                    .col(pk_auto(name("id")))
                    .col(string(name("kind")))
                    .col(string(name("source")))
                    .col(string(name("content_hash")))
                    .col(integer(name("rows")))
                    .col(timestamp(name("loaded_at")))
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            "ingests",
            "nfl_team_weeks",
            "nfl_player_weeks",
            "nfl_schedule",
        ] {
            manager
                .drop_table(Table::drop().table(name(table)).to_owned())
                .await?;
        }
        Ok(())
    }
}
