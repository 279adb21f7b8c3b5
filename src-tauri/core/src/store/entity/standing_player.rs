//! `standing_players`: one drafted player of an imported contest, with his real ownership and
//! points and the slate player he was matched to.

use sea_orm::entity::prelude::*;

/// One drafted player.
#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "standing_players")]
pub struct Model {
    /// The standings file.
    #[sea_orm(primary_key, auto_increment = false)]
    pub standings_id: i32,
    /// His place in the file's player table (1: first; in a listing, the order it first names
    /// the players in).
    #[sea_orm(primary_key, auto_increment = false)]
    pub line: i32,
    /// Name as DraftKings wrote it.
    pub name: String,
    /// Position.
    pub position: String,
    /// The slate player (None: no player of the slate has this name and position).
    pub slate_player_id: Option<i32>,
    /// Share of the field's lineups holding him, percent.
    pub drafted: f64,
    /// His actual DraftKings points (0 where `fpts_known` is false).
    pub fpts: f64,
    /// Whether the file gave his points (a lineup listing does not).
    pub fpts_known: bool,
}

/// No relations are navigated from drafted players.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
