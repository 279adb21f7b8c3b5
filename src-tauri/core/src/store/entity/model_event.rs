//! `model_events`: every deploy and rollback of a model version; replayed, they give production.

use sea_orm::entity::prelude::*;

/// One deploy or rollback.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "model_events")]
pub struct Model {
    /// Row id.
    #[sea_orm(primary_key)]
    pub id: i32,
    /// Position.
    pub position: String,
    /// `action`.
    pub action: String,
    /// `version`.
    pub version: String,
    /// `previous`.
    pub previous: Option<String>,
    /// `at`.
    pub at: DateTimeUtc,
}

/// No relations are navigated from this table.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
