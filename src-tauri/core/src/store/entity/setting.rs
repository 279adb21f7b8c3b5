//! `settings`: user settings as key/value text; typed and validated in [`crate::settings`].

use sea_orm::entity::prelude::*;

/// One stored setting.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "settings")]
pub struct Model {
    /// Setting key.
    #[sea_orm(primary_key, auto_increment = false)]
    pub key: String,
    /// Value as text.
    pub value: String,
    /// Last change.
    pub updated_at: DateTimeUtc,
}

/// No relations.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
