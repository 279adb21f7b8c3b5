//! `players`: NFL players, keyed by nflverse `gsis_id` when known.

use sea_orm::entity::prelude::*;

/// One NFL player.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "players")]
pub struct Model {
    /// Row id.
    #[sea_orm(primary_key)]
    pub id: i32,
    /// nflverse GSIS id.
    pub gsis_id: Option<String>,
    /// Display name.
    pub name: String,
    /// Position (QB, RB, WR, TE, DST, ...).
    pub position: String,
    /// Current team code.
    pub team: Option<String>,
}

/// No relations are navigated from players yet.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
