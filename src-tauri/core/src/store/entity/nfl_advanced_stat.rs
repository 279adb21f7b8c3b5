//! `nfl_advanced_stats`: one advanced stat of one player's week, from Pro Football Reference's
//! advanced weekly stats (keyed by PFR id) or Next Gen Stats (keyed by GSIS id).

use sea_orm::entity::prelude::*;

/// One stat of one player's week.
#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "nfl_advanced_stats")]
pub struct Model {
    /// Where it comes from: `pfr_pass`, `pfr_rush`, `pfr_rec`, `pfr_def`, `ngs_passing`,
    /// `ngs_receiving`, `ngs_rushing`.
    #[sea_orm(primary_key, auto_increment = false)]
    pub source: String,
    /// The player: a PFR id for PFR sources, a GSIS id for Next Gen Stats.
    #[sea_orm(primary_key, auto_increment = false)]
    pub player_id: String,
    /// Season.
    #[sea_orm(primary_key, auto_increment = false)]
    pub season: i32,
    /// Week.
    #[sea_orm(primary_key, auto_increment = false)]
    pub week: i32,
    /// The stat, as the source's column names it.
    #[sea_orm(primary_key, auto_increment = false)]
    pub stat: String,
    /// The player's team that week (today's code).
    pub team: String,
    /// The value.
    pub value: f64,
}

/// No relations are navigated from this table.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
