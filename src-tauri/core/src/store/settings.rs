//! Settings as stored (`settings`: key, value text, when changed). Validation and defaults are
//! `crate::settings`'s.

use super::db_err;
use super::entity::setting;
use crate::Result;
use sea_orm::sea_query::OnConflict;
use sea_orm::{ActiveValue::Set, DatabaseConnection, EntityTrait};
use std::collections::HashMap;

/// The stored values by key.
pub async fn all(db: &DatabaseConnection) -> Result<HashMap<String, String>> {
    Ok(setting::Entity::find()
        .all(db)
        .await
        .map_err(db_err("reading settings"))?
        .into_iter()
        .map(|m| (m.key, m.value))
        .collect())
}

/// Stores one (already validated) value: an upsert, one statement, atomic.
pub async fn upsert(db: &DatabaseConnection, key: &str, value: &str) -> Result<()> {
    let row = setting::ActiveModel {
        key: Set(key.to_string()),
        value: Set(value.to_string()),
        updated_at: Set(chrono::Utc::now()),
    };
    setting::Entity::insert(row)
        .on_conflict(
            OnConflict::column(setting::Column::Key)
                .update_columns([setting::Column::Value, setting::Column::UpdatedAt])
                .to_owned(),
        )
        .exec(db)
        .await
        .map_err(db_err("saving a setting"))?;
    Ok(())
}
