//! `lineup_slots`: the nine players of a lineup, by slot.

use sea_orm::entity::prelude::*;

/// One slot of one lineup.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "lineup_slots")]
pub struct Model {
    /// The lineup.
    #[sea_orm(primary_key, auto_increment = false)]
    pub lineup_id: i32,
    /// Position of the slot in the roster order (0 = QB … 8 = DST).
    #[sea_orm(primary_key, auto_increment = false)]
    pub slot_index: i32,
    /// The slot's name, e.g. `FLEX`.
    pub slot: String,
    /// The slate player in it.
    pub slate_player_id: i32,
}

/// No relations are navigated from lineup slots.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
