//! `ingests`: the load history: one row per nflverse file stored, with its content hash.

use sea_orm::entity::prelude::*;

/// One stored file.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "ingests")]
pub struct Model {
    /// Row id.
    #[sea_orm(primary_key)]
    pub id: i32,
    /// `kind`.
    pub kind: String,
    /// `source`.
    pub source: String,
    /// `content_hash`.
    pub content_hash: String,
    /// `rows`.
    pub rows: i32,
    /// `loaded_at`.
    pub loaded_at: DateTimeUtc,
}

/// No relations are navigated from this table.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
