//! `nfl_snap_counts`: offensive snaps per player and game.

use sea_orm::entity::prelude::*;

/// One player game.
#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "nfl_snap_counts")]
pub struct Model {
    /// nflverse game id.
    #[sea_orm(primary_key, auto_increment = false)]
    pub game_id: String,
    /// `pfr_player_id`.
    #[sea_orm(primary_key, auto_increment = false)]
    pub pfr_player_id: String,
    /// Season.
    pub season: i32,
    /// Week.
    pub week: i32,
    /// Name.
    pub name: String,
    /// Position.
    pub position: Option<String>,
    /// Team.
    pub team: String,
    /// Opponent.
    pub opponent: Option<String>,
    /// `offense_snaps`.
    pub offense_snaps: f64,
    /// `offense_pct`.
    pub offense_pct: f64,
}

/// No relations are navigated from this table.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
