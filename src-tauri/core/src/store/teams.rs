//! NFL teams (`teams`): every import that meets a team code adds it, named by its code until
//! NFL data names it. Slates and nflverse files both come through here.

use super::db_err;
use super::entity::team;
use crate::Result;
use sea_orm::{DatabaseTransaction, EntityTrait, Set};
use std::collections::BTreeSet;

/// Rows per insert statement.
const ROWS_PER_INSERT: usize = 100;

/// Adds the team codes not stored yet, inside the caller's transaction; `action` names the
/// write in an error ("importing the slate").
pub(super) async fn ensure(
    txn: &DatabaseTransaction,
    codes: &BTreeSet<&str>,
    action: &'static str,
) -> Result<()> {
    let known: BTreeSet<String> = team::Entity::find()
        .all(txn)
        .await
        .map_err(db_err(action))?
        .into_iter()
        .map(|t| t.code)
        .collect();
    let missing: Vec<team::ActiveModel> = codes
        .iter()
        .filter(|c| !known.contains(**c))
        .map(|c| team::ActiveModel {
            code: Set(c.to_string()),
            name: Set(c.to_string()),
        })
        .collect();
    for chunk in missing.chunks(ROWS_PER_INSERT) {
        team::Entity::insert_many(chunk.to_vec())
            .exec(txn)
            .await
            .map_err(db_err(action))?;
    }
    Ok(())
}
