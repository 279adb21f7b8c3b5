//! `teams`: NFL franchises by today's code.

use sea_orm::entity::prelude::*;

/// One NFL team.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "teams")]
pub struct Model {
    /// Normalised team code, e.g. `KC`.
    #[sea_orm(primary_key, auto_increment = false)]
    pub code: String,
    /// Full name, e.g. `Kansas City Chiefs`.
    pub name: String,
}

/// No relations are navigated from teams.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
