//! `nfl_injuries`: weekly injury reports.

use sea_orm::entity::prelude::*;

/// One player on one report.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "nfl_injuries")]
pub struct Model {
    /// Season.
    #[sea_orm(primary_key, auto_increment = false)]
    pub season: i32,
    /// Week.
    #[sea_orm(primary_key, auto_increment = false)]
    pub week: i32,
    /// `REG` or `POST`.
    #[sea_orm(primary_key, auto_increment = false)]
    pub season_type: String,
    /// GSIS id.
    #[sea_orm(primary_key, auto_increment = false)]
    pub gsis_id: String,
    /// Team.
    pub team: String,
    /// Name.
    pub name: String,
    /// Position.
    pub position: Option<String>,
    /// `report_status`.
    pub report_status: Option<String>,
    /// `practice_status`.
    pub practice_status: Option<String>,
}

/// No relations are navigated from this table.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
