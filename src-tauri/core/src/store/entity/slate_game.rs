//! `slate_games`: which games a slate covers.

use sea_orm::entity::prelude::*;

/// One game of one slate.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "slate_games")]
pub struct Model {
    /// The slate.
    #[sea_orm(primary_key, auto_increment = false)]
    pub slate_id: i32,
    /// The game.
    #[sea_orm(primary_key, auto_increment = false)]
    pub game_id: i32,
}

/// No relations are navigated from slate games.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
