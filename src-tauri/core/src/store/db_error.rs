//! Database errors as the app reports them: SQLite's result code decides the [`ErrorCode`]
//! (busy, disk full, constraint, damage), so front ends never see a driver type.

use crate::Error;

/// Wraps a database error with what the app was doing: a busy database, a full disk and a
/// broken constraint get their own codes; the rest is [`crate::ErrorCode::Database`], marked
/// damaged when SQLite says the file is corrupt or not a database.
pub fn db_err(action: &'static str) -> impl FnOnce(sea_orm::DbErr) -> Error {
    move |source| classify(action, source)
}

fn database(action: &'static str, source: sea_orm::DbErr, damaged: bool) -> Error {
    Error::Database {
        action,
        source: Box::new(source),
        damaged,
    }
}

const SQLITE_BUSY: i64 = 5;
const SQLITE_LOCKED: i64 = 6;
const SQLITE_CORRUPT: i64 = 11;
const SQLITE_FULL: i64 = 13;
const SQLITE_CONSTRAINT: i64 = 19;
const SQLITE_CONSTRAINT_TRIGGER: i64 = 1811;
const SQLITE_NOTADB: i64 = 26;

/// SQLite's (extended) result code behind a sea-orm error, if it came from SQLite.
fn sqlite_code(err: &sea_orm::DbErr) -> Option<i64> {
    use sea_orm::{DbErr, RuntimeErr};
    let runtime = match err {
        DbErr::Conn(r) | DbErr::Exec(r) | DbErr::Query(r) => r,
        _ => return None,
    };
    match runtime {
        RuntimeErr::SqlxError(e) => match e.as_ref() {
            sea_orm::sqlx::Error::Database(d) => d.code()?.parse().ok(),
            _ => None,
        },
        _ => None,
    }
}

fn classify(action: &'static str, source: sea_orm::DbErr) -> Error {
    let timed_out = matches!(
        source,
        sea_orm::DbErr::ConnectionAcquire(sea_orm::ConnAcquireErr::Timeout)
    );
    let code = sqlite_code(&source);
    // A trigger's RAISE is reported as a constraint too; it is not a rule of the schema.
    if code == Some(SQLITE_CONSTRAINT_TRIGGER) {
        return database(action, source, false);
    }
    match code.map(|c| c & 0xff) {
        Some(SQLITE_BUSY | SQLITE_LOCKED) => Error::Busy(format!(
            "The database is busy: another NFL DFS window or command kept it locked while \
             {action}, longer than the app waits ({} s). Nothing was changed; try again.",
            super::BUSY_TIMEOUT.as_secs()
        )),
        Some(SQLITE_FULL) => Error::DiskFull {
            action,
            path: "the data folder".into(),
        },
        Some(SQLITE_CONSTRAINT) => Error::Constraint {
            action,
            detail: match &source {
                sea_orm::DbErr::Exec(r) | sea_orm::DbErr::Query(r) => r.to_string(),
                other => other.to_string(),
            },
        },
        _ if timed_out => Error::Busy(format!(
            "The database is busy while {action}: no connection came free in time. Nothing was \
             changed; try again."
        )),
        Some(SQLITE_CORRUPT | SQLITE_NOTADB) => database(action, source, true),
        _ => database(action, source, false),
    }
}

#[cfg(test)]
mod tests {
    use super::db_err;
    use crate::ErrorCode;
    use sea_orm::{ConnectionTrait, Statement};

    #[tokio::test]
    async fn sqlite_failures_get_their_own_codes() {
        let db = crate::store::connect("sqlite::memory:").await.unwrap();
        let run = |sql: &str| {
            let db = db.clone();
            let sql = sql.to_string();
            async move {
                db.execute_raw(Statement::from_string(db.get_database_backend(), sql))
                    .await
                    .map(|_| ())
                    .map_err(db_err("testing"))
            }
        };
        run("CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE)")
            .await
            .unwrap();
        run("INSERT INTO t (name) VALUES ('a')").await.unwrap();
        let duplicate = run("INSERT INTO t (name) VALUES ('a')").await.unwrap_err();
        assert_eq!(duplicate.code(), ErrorCode::Constraint, "{duplicate}");
        assert!(duplicate.to_string().contains("Nothing was changed"));
        let missing = run("INSERT INTO t (name) VALUES (NULL)").await.unwrap_err();
        assert_eq!(missing.code(), ErrorCode::Constraint);
        run(
            "CREATE TRIGGER no_b BEFORE INSERT ON t WHEN NEW.name = 'b' \
             BEGIN SELECT RAISE(ABORT, 'refused'); END",
        )
        .await
        .unwrap();
        let raised = run("INSERT INTO t (name) VALUES ('b')").await.unwrap_err();
        assert_eq!(raised.code(), ErrorCode::Database);
        assert!(!raised.is_damage());
        let bad = run("SELEC nonsense").await.unwrap_err();
        assert_eq!(bad.code(), ErrorCode::Database);
        assert!(!bad.is_damage(), "only damage suggests a restore");
    }
}
