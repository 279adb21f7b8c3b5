//! `nfl_rosters`: season (and weekly) rosters.

use sea_orm::entity::prelude::*;

/// One player on one roster.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "nfl_rosters")]
pub struct Model {
    /// Season.
    #[sea_orm(primary_key, auto_increment = false)]
    pub season: i32,
    /// Week.
    #[sea_orm(primary_key, auto_increment = false)]
    pub week: i32,
    /// GSIS id.
    #[sea_orm(primary_key, auto_increment = false)]
    pub gsis_id: String,
    /// Team.
    pub team: String,
    /// Name.
    pub name: String,
    /// Position.
    pub position: Option<String>,
    /// `status`.
    pub status: Option<String>,
}

/// No relations are navigated from this table.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
