//! `nfl_dst_games`: each team defense's game from play-by-play, scored as DraftKings does.

use sea_orm::entity::prelude::*;

/// One DST game.
#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "nfl_dst_games")]
pub struct Model {
    /// nflverse game id.
    #[sea_orm(primary_key, auto_increment = false)]
    pub game_id: String,
    /// Team.
    #[sea_orm(primary_key, auto_increment = false)]
    pub team: String,
    /// Season.
    pub season: i32,
    /// Week.
    pub week: i32,
    /// `REG` or `POST`.
    pub season_type: String,
    /// Opponent.
    pub opponent: String,
    /// `sacks`.
    pub sacks: f64,
    /// `interceptions`.
    pub interceptions: f64,
    /// `fumbles_recovered`.
    pub fumbles_recovered: f64,
    /// `return_tds`.
    pub return_tds: f64,
    /// `safeties`.
    pub safeties: f64,
    /// `blocked_kicks`.
    pub blocked_kicks: f64,
    /// `conversion_returns`.
    pub conversion_returns: f64,
    /// `points_allowed`.
    pub points_allowed: f64,
    /// DraftKings points.
    pub dk_points: f64,
}

/// No relations are navigated from this table.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
