//! `nfl_team_weeks`: weekly team stats, with the DST points worked out from them.

use sea_orm::entity::prelude::*;

/// One team week.
#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "nfl_team_weeks")]
pub struct Model {
    /// Team.
    #[sea_orm(primary_key, auto_increment = false)]
    pub team: String,
    /// Season.
    #[sea_orm(primary_key, auto_increment = false)]
    pub season: i32,
    /// Week.
    #[sea_orm(primary_key, auto_increment = false)]
    pub week: i32,
    /// `REG` or `POST`.
    #[sea_orm(primary_key, auto_increment = false)]
    pub season_type: String,
    /// Opponent.
    pub opponent: Option<String>,
    /// `points_allowed`.
    pub points_allowed: Option<i32>,
    /// `attempts`.
    pub attempts: f64,
    /// `passing_yards`.
    pub passing_yards: f64,
    /// `carries`.
    pub carries: f64,
    /// `rushing_yards`.
    pub rushing_yards: f64,
    /// `def_sacks`.
    pub def_sacks: f64,
    /// `def_interceptions`.
    pub def_interceptions: f64,
    /// `def_fumbles_recovered`.
    pub def_fumbles_recovered: f64,
    /// `def_tds`.
    pub def_tds: f64,
    /// `def_safeties`.
    pub def_safeties: f64,
    /// `special_teams_tds`.
    pub special_teams_tds: f64,
    /// `blocked_kicks`.
    pub blocked_kicks: f64,
    /// DraftKings points.
    pub dk_points: f64,
}

/// No relations are navigated from this table.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
