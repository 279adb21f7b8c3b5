//! `lineups`: lineups of a slate, built by the optimizer or imported from a file.

use sea_orm::entity::prelude::*;

/// One stored lineup.
#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "lineups")]
pub struct Model {
    /// Row id.
    #[sea_orm(primary_key)]
    pub id: i32,
    /// The slate.
    pub slate_id: i32,
    /// The nine slate-player ids in slot order, comma-separated; unique per slate.
    pub player_key: String,
    /// Total salary.
    pub salary: i32,
    /// Projected points when it was built, if known.
    pub projected_points: Option<f64>,
    /// Where it came from, e.g. `import:DKEntries.csv` or `optimizer`.
    pub source: String,
    /// When it was stored.
    pub created_at: DateTimeUtc,
}

/// No relations are navigated from lineups.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
