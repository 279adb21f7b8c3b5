//! `nfl_player_weeks`: weekly player stats with DraftKings points.

use sea_orm::entity::prelude::*;

/// One player week.
#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "nfl_player_weeks")]
pub struct Model {
    /// GSIS id.
    #[sea_orm(primary_key, auto_increment = false)]
    pub gsis_id: String,
    /// Season.
    #[sea_orm(primary_key, auto_increment = false)]
    pub season: i32,
    /// Week.
    #[sea_orm(primary_key, auto_increment = false)]
    pub week: i32,
    /// `REG` or `POST`.
    #[sea_orm(primary_key, auto_increment = false)]
    pub season_type: String,
    /// Name.
    pub name: String,
    /// Position.
    pub position: Option<String>,
    /// Team.
    pub team: String,
    /// Opponent.
    pub opponent: Option<String>,
    /// `completions`.
    pub completions: f64,
    /// `attempts`.
    pub attempts: f64,
    /// `passing_yards`.
    pub passing_yards: f64,
    /// `passing_tds`.
    pub passing_tds: f64,
    /// `interceptions`.
    pub interceptions: f64,
    /// `sacks`.
    pub sacks: f64,
    /// `sack_fumbles_lost`.
    pub sack_fumbles_lost: f64,
    /// `passing_2pt`.
    pub passing_2pt: f64,
    /// `carries`.
    pub carries: f64,
    /// `rushing_yards`.
    pub rushing_yards: f64,
    /// `rushing_tds`.
    pub rushing_tds: f64,
    /// `rushing_fumbles_lost`.
    pub rushing_fumbles_lost: f64,
    /// `rushing_2pt`.
    pub rushing_2pt: f64,
    /// `receptions`.
    pub receptions: f64,
    /// `targets`.
    pub targets: f64,
    /// `receiving_yards`.
    pub receiving_yards: f64,
    /// `receiving_tds`.
    pub receiving_tds: f64,
    /// `receiving_fumbles_lost`.
    pub receiving_fumbles_lost: f64,
    /// `receiving_2pt`.
    pub receiving_2pt: f64,
    /// `receiving_air_yards`.
    pub receiving_air_yards: f64,
    /// `special_teams_tds`.
    pub special_teams_tds: f64,
    /// DraftKings points.
    pub dk_points: f64,
    /// `target_share`.
    pub target_share: Option<f64>,
    /// `air_yards_share`.
    pub air_yards_share: Option<f64>,
    /// `fantasy_points_ppr`.
    pub fantasy_points_ppr: Option<f64>,
}

/// No relations are navigated from this table.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
