//! `model_versions`: every registered model version with its validation figures.

use sea_orm::entity::prelude::*;

/// One version of one position.
#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "model_versions")]
pub struct Model {
    /// Position.
    #[sea_orm(primary_key, auto_increment = false)]
    pub position: String,
    /// `version`.
    #[sea_orm(primary_key, auto_increment = false)]
    pub version: String,
    /// `run_id`.
    pub run_id: Option<i32>,
    /// `learner`.
    pub learner: String,
    /// `mae`.
    pub mae: f64,
    /// `baseline_mae`.
    pub baseline_mae: f64,
    /// `created_at`.
    pub created_at: DateTimeUtc,
}

/// No relations are navigated from this table.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
