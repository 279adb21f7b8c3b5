//! `nfl_player_ids`: the Pro Football Reference id of a player, mapped to his GSIS id.

use sea_orm::entity::prelude::*;

/// One player's pair of ids.
#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "nfl_player_ids")]
pub struct Model {
    /// Pro Football Reference id (`pfr_id`, `pfr_player_id`).
    #[sea_orm(primary_key, auto_increment = false)]
    pub pfr_id: String,
    /// GSIS id.
    pub gsis_id: String,
}

/// No relations are navigated from this table.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
