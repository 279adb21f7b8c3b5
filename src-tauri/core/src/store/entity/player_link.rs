//! `player_links`: links made by hand from a DraftKings name and position to an NFL player.

use sea_orm::entity::prelude::*;

/// One link.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "player_links")]
pub struct Model {
    /// `name_key`.
    #[sea_orm(primary_key, auto_increment = false)]
    pub name_key: String,
    /// Position.
    #[sea_orm(primary_key, auto_increment = false)]
    pub position: String,
    /// GSIS id.
    pub gsis_id: String,
    /// `linked_at`.
    pub linked_at: DateTimeUtc,
}

/// No relations are navigated from this table.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
