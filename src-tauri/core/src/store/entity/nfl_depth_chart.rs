//! `nfl_depth_charts`: players' places on their teams' depth charts.

use sea_orm::entity::prelude::*;

/// One player on one chart.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "nfl_depth_charts")]
pub struct Model {
    /// Season.
    #[sea_orm(primary_key, auto_increment = false)]
    pub season: i32,
    /// Week of a weekly chart; 0 for a snapshot.
    #[sea_orm(primary_key, auto_increment = false)]
    pub week: i32,
    /// When a snapshot was taken (ISO-8601 UTC); empty for a weekly chart.
    #[sea_orm(primary_key, auto_increment = false)]
    pub as_of: String,
    /// Team.
    #[sea_orm(primary_key, auto_increment = false)]
    pub team: String,
    /// GSIS id.
    #[sea_orm(primary_key, auto_increment = false)]
    pub gsis_id: String,
    /// Name.
    pub name: String,
    /// Position (QB, RB, WR, TE).
    pub position: String,
    /// 1 for a starter, 2 for his backup, ...
    pub depth: i32,
}

/// No relations are navigated from this table.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
