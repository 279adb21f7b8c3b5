//! `nfl_schedule`: the schedule with scores and betting lines.

use sea_orm::entity::prelude::*;

/// One game.
#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "nfl_schedule")]
pub struct Model {
    /// nflverse game id.
    #[sea_orm(primary_key, auto_increment = false)]
    pub game_id: String,
    /// Season.
    pub season: i32,
    /// `game_type`.
    pub game_type: String,
    /// Week.
    pub week: i32,
    /// `gameday`.
    pub gameday: String,
    /// `gametime`.
    pub gametime: Option<String>,
    /// `away_team`.
    pub away_team: String,
    /// `home_team`.
    pub home_team: String,
    /// `away_score`.
    pub away_score: Option<i32>,
    /// `home_score`.
    pub home_score: Option<i32>,
    /// `spread_line`.
    pub spread_line: Option<f64>,
    /// `total_line`.
    pub total_line: Option<f64>,
    /// `roof`.
    pub roof: Option<String>,
    /// `surface`.
    pub surface: Option<String>,
    /// `temp`.
    pub temp: Option<f64>,
    /// `wind`.
    pub wind: Option<f64>,
    /// `away_rest`.
    pub away_rest: Option<i32>,
    /// `home_rest`.
    pub home_rest: Option<i32>,
    /// `div_game`.
    pub div_game: Option<bool>,
}

/// No relations are navigated from this table.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
