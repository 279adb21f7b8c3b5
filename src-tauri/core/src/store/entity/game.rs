//! `games`: NFL games with kickoff time (UTC).

use sea_orm::entity::prelude::*;

/// One NFL game.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "games")]
pub struct Model {
    /// Row id.
    #[sea_orm(primary_key)]
    pub id: i32,
    /// NFL season (the year it starts).
    pub season: i32,
    /// Week of the season, when known.
    pub week: Option<i32>,
    /// Away team code.
    pub away_team: String,
    /// Home team code.
    pub home_team: String,
    /// Kickoff, UTC.
    pub kickoff_utc: DateTimeUtc,
    /// nflverse `game_id`, when matched.
    pub nflverse_game_id: Option<String>,
}

/// No relations are navigated from games yet.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
