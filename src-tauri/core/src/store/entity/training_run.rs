//! `training_runs`: the experiment log of training runs.

use sea_orm::entity::prelude::*;

/// One run.
#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "training_runs")]
pub struct Model {
    /// Row id.
    #[sea_orm(primary_key)]
    pub id: i32,
    /// `started_at`.
    pub started_at: DateTimeUtc,
    /// `seconds`.
    pub seconds: f64,
    /// `trigger`.
    pub trigger: String,
    /// `feature_version`.
    pub feature_version: i32,
    /// `data_from`.
    pub data_from: String,
    /// `data_until`.
    pub data_until: String,
    /// `parameters`.
    #[sea_orm(column_type = "Text")]
    pub parameters: String,
    /// `results`.
    #[sea_orm(column_type = "Text")]
    pub results: String,
    /// `app_version`.
    pub app_version: String,
}

/// No relations are navigated from this table.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
