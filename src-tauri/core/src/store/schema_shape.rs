//! Whether a database has the tables its schema version promises: every table with its columns
//! and declared types, as a fresh database migrated as far holds them, and no cell of a number
//! column holding text. SQLite's own integrity check passes a file whose tables were dropped or
//! whose cells were rewritten by another program; this check does not. Restores run it on a
//! backup before anything is swapped, and the troubleshooter on the open database.

use super::db_err;
use crate::Result;
use migration::{Migrator, MigratorTrait};
use sea_orm::{ConnectionTrait, DatabaseConnection, Statement};
use std::collections::BTreeMap;

/// Every table (SQLite's own aside) with its columns and declared types, in column order.
type Shape = BTreeMap<String, Vec<(String, String)>>;

/// The most problems listed; the count of the rest is given.
const MAX_LISTED: usize = 5;

async fn shape(db: &DatabaseConnection) -> std::result::Result<Shape, sea_orm::DbErr> {
    let backend = db.get_database_backend();
    let rows = db
        .query_all_raw(Statement::from_string(
            backend,
            "SELECT m.name AS tbl, p.name AS col, p.type AS ty FROM sqlite_master m, \
             pragma_table_info(m.name) p WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%' \
             ORDER BY m.name, p.cid",
        ))
        .await?;
    let mut out = Shape::new();
    for row in rows {
        let table: String = row.try_get("", "tbl")?;
        let column: String = row.try_get("", "col")?;
        let declared: String = row.try_get("", "ty")?;
        out.entry(table)
            .or_default()
            .push((column, declared.to_ascii_lowercase()));
    }
    Ok(out)
}

/// The storage classes a declared type holds (None: any).
fn classes(declared: &str) -> Option<&'static [&'static str]> {
    match declared {
        "integer" | "boolean" => Some(&["integer", "null"]),
        "double" | "real" | "float" => Some(&["real", "integer", "null"]),
        "text" | "varchar" | "timestamp_text" => Some(&["text", "null"]),
        _ => None,
    }
}

/// What is wrong with `db`'s tables against its schema version (empty when nothing): tables or
/// columns missing, a column of another type, cells whose kind its column does not hold. Lists
/// at most a few, with the count of the rest.
pub async fn problems(db: &DatabaseConnection) -> Result<Vec<String>> {
    const ACTION: &str = "checking the tables";
    let applied = super::schema_state(db).await?.applied.len();
    let expected = {
        let fresh = super::connect_scratch().await?;
        Migrator::up(&fresh, Some(applied as u32))
            .await
            .map_err(db_err(ACTION))?;
        let expected = shape(&fresh).await.map_err(db_err(ACTION));
        fresh.close().await.ok();
        expected?
    };
    let found = shape(db).await.map_err(db_err(ACTION))?;
    let mut out = Vec::new();
    for (table, columns) in &expected {
        let Some(have) = found.get(table) else {
            out.push(format!("the table {table} is missing"));
            continue;
        };
        for (column, declared) in columns {
            match have.iter().find(|(c, _)| c == column) {
                None => out.push(format!("{table}.{column} is missing")),
                Some((_, t)) if t != declared => {
                    out.push(format!("{table}.{column} is declared {t}, not {declared}"))
                }
                Some(_) => {
                    let Some(allowed) = classes(declared) else {
                        continue;
                    };
                    let list = allowed
                        .iter()
                        .map(|c| format!("'{c}'"))
                        .collect::<Vec<_>>()
                        .join(", ");
                    let row = db
                        .query_one_raw(Statement::from_string(
                            db.get_database_backend(),
                            format!(
                                "SELECT COUNT(*) AS n FROM \"{table}\" WHERE typeof(\"{column}\") \
                                 NOT IN ({list})"
                            ),
                        ))
                        .await
                        .map_err(db_err(ACTION))?;
                    let bad: i64 = row
                        .map(|r| r.try_get("", "n"))
                        .transpose()
                        .map_err(db_err(ACTION))?
                        .unwrap_or(0);
                    if bad > 0 {
                        out.push(format!(
                            "{table}.{column} holds {bad} value(s) that are not {declared}"
                        ));
                    }
                }
            }
        }
    }
    if out.len() > MAX_LISTED {
        let more = out.len() - MAX_LISTED;
        out.truncate(MAX_LISTED);
        out.push(format!("and {more} more"));
    }
    Ok(out)
}
