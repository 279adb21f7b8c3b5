//! `standing_entries`: one entry of an imported contest's field.

use sea_orm::entity::prelude::*;

/// One entry.
#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "standing_entries")]
pub struct Model {
    /// The standings file.
    #[sea_orm(primary_key, auto_increment = false)]
    pub standings_id: i32,
    /// Its line in the file.
    #[sea_orm(primary_key, auto_increment = false)]
    pub line: i32,
    /// Final rank.
    pub rank: i32,
    /// The entrant.
    pub entry_name: String,
    /// Points scored.
    pub points: f64,
    /// The lineup as DraftKings wrote it (slot and name pairs; empty when none was set).
    pub lineup: String,
}

/// No relations are navigated from entries.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
