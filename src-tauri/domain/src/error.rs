//! The core's error type. Every error carries a stable [`ErrorCode`] that front ends switch on;
//! the message is for people and names what was wrong and what to do.

use crate::dk::FileError;
use serde::Serialize;
use std::path::PathBuf;
use ts_rs::TS;

/// Result alias of the core.
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Stable, machine-readable error kinds. The UI switches on these, never on message text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    /// The database could not be opened, read or written.
    Database,
    /// The database was written by a newer app version; it is left untouched.
    SchemaTooNew,
    /// A setting key that does not exist.
    UnknownSetting,
    /// A setting value that fails validation.
    InvalidSetting,
    /// A file or folder could not be read or written.
    Io,
    /// The app's configuration (environment, `.env`, paths) is unusable.
    Config,
    /// An imported file was refused; the message names the file, line and column.
    InvalidFile,
    /// A slate, player or lineup that does not exist.
    NotFound,
    /// A request the app refuses (conflicting toggles, a value out of range).
    InvalidInput,
    /// A lineup that breaks a DraftKings rule; the message lists every problem.
    InvalidLineup,
    /// No lineup satisfies the rules; the message says which rules conflict.
    NoLineup,
    /// The solver failed or ran out of time.
    Solver,
    /// A download failed (no connection, the server refused, retries used up).
    Network,
    /// The user cancelled; whatever was finished is kept.
    Cancelled,
    /// A backup file was refused (damaged, not a backup, or from a newer version); nothing
    /// changed.
    InvalidBackup,
    /// Another process holds the database or the data folder; waiting did not help. Nothing
    /// changed: try again.
    Busy,
    /// The disk is full; nothing changed. Free space and try again.
    DiskFull,
    /// A write broke one of the database's rules (a duplicate, a missing reference); nothing
    /// changed.
    Constraint,
}

impl ErrorCode {
    /// The code as it is serialized, e.g. `invalid_setting`.
    pub fn as_str(self) -> &'static str {
        match self {
            ErrorCode::Database => "database",
            ErrorCode::SchemaTooNew => "schema_too_new",
            ErrorCode::UnknownSetting => "unknown_setting",
            ErrorCode::InvalidSetting => "invalid_setting",
            ErrorCode::Io => "io",
            ErrorCode::Config => "config",
            ErrorCode::InvalidFile => "invalid_file",
            ErrorCode::NotFound => "not_found",
            ErrorCode::InvalidInput => "invalid_input",
            ErrorCode::InvalidLineup => "invalid_lineup",
            ErrorCode::NoLineup => "no_lineup",
            ErrorCode::Solver => "solver",
            ErrorCode::Network => "network",
            ErrorCode::Cancelled => "cancelled",
            ErrorCode::InvalidBackup => "invalid_backup",
            ErrorCode::Busy => "busy",
            ErrorCode::DiskFull => "disk_full",
            ErrorCode::Constraint => "constraint",
        }
    }
}

/// Everything that can go wrong in the core.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A database failure, with what the app was doing (the store classifies the driver's
    /// error when it makes this one).
    #[error("database error while {action}: {source}")]
    Database {
        /// What the app was doing, e.g. "reading settings".
        action: &'static str,
        /// The underlying driver error.
        #[source]
        source: Box<dyn std::error::Error + Send + Sync>,
        /// SQLite reported the file damaged (corrupt, or not a database).
        damaged: bool,
    },
    /// The database has migrations this version does not know.
    #[error(
        "The database {path} was written by a newer version of NFL DFS (it has schema \
         '{migration}', unknown to version {app_version}). Update NFL DFS to open it; the \
         database was not changed."
    )]
    SchemaTooNew {
        /// The database file.
        path: String,
        /// The first unknown migration found in the database.
        migration: String,
        /// This app's version.
        app_version: &'static str,
    },
    /// A setting key that does not exist.
    #[error("Unknown setting '{key}'. Known settings: {known}.")]
    UnknownSetting {
        /// The key asked for.
        key: String,
        /// The known keys, comma-separated.
        known: String,
    },
    /// A setting value that fails validation.
    #[error("Invalid value '{value}' for setting '{key}': {reason}.")]
    InvalidSetting {
        /// The setting key.
        key: String,
        /// The value as given.
        value: String,
        /// Why it was refused.
        reason: String,
    },
    /// A file-system failure on a named path.
    #[error("{action} {path}: {source}")]
    Io {
        /// What the app was doing, e.g. "creating the data folder".
        action: &'static str,
        /// The path concerned.
        path: PathBuf,
        /// The underlying error.
        #[source]
        source: std::io::Error,
    },
    /// Unusable configuration.
    #[error("{0}")]
    Config(String),
    /// A file that was refused, with where and why.
    #[error("{0}")]
    InvalidFile(#[from] FileError),
    /// Something asked for by id that does not exist.
    #[error("There is no {what} with id {id}.")]
    NotFound {
        /// What was asked for, e.g. "slate".
        what: &'static str,
        /// The id given.
        id: String,
    },
    /// A refused request; the message says why.
    #[error("{0}")]
    InvalidInput(String),
    /// A lineup breaking DraftKings rules.
    #[error("{lineup} is not a valid DraftKings lineup: {}.", problems.join("; "))]
    InvalidLineup {
        /// Which lineup, e.g. "lineup 12" or "line 3".
        lineup: String,
        /// Every problem found.
        problems: Vec<String>,
    },
    /// No lineup exists; the reason is in words.
    #[error("No lineup is possible: {0}.")]
    NoLineup(String),
    /// The solver failed.
    #[error("The optimizer failed: {0}.")]
    Solver(String),
    /// A download failed after its retries.
    #[error("Could not download {url}: {reason}")]
    Network {
        /// The address.
        url: String,
        /// What went wrong, in words.
        reason: String,
    },
    /// The user cancelled the work.
    #[error("Cancelled: {0}.")]
    Cancelled(String),
    /// The database opened but SQLite's check found damage.
    #[error(
        "The database {path} is damaged ({problems}). Restore a backup: the troubleshooter \
         offers the newest good one (System page, or `nfl-dfs-cli doctor`); the damaged file is kept."
    )]
    DatabaseDamaged {
        /// The database file.
        path: String,
        /// What the check reported.
        problems: String,
    },
    /// The database or the data folder is held by another process.
    #[error("{0}")]
    Busy(String),
    /// The disk is full.
    #[error("The disk is full while {action} ({path}); nothing was changed. Free some space and try again.")]
    DiskFull {
        /// What the app was doing.
        action: &'static str,
        /// The data folder or file concerned.
        path: String,
    },
    /// A write broke a rule of the schema.
    #[error("Refused while {action}: {detail}. Nothing was changed.")]
    Constraint {
        /// What the app was doing.
        action: &'static str,
        /// SQLite's words.
        detail: String,
    },
    /// A backup that cannot be restored; nothing was changed.
    #[error("The backup {file} cannot be restored: {reason}. Nothing was changed.")]
    InvalidBackup {
        /// The backup file.
        file: String,
        /// Why it was refused.
        reason: String,
    },
}

impl Error {
    /// The stable code of this error.
    pub fn code(&self) -> ErrorCode {
        match self {
            Error::Database { .. } => ErrorCode::Database,
            Error::SchemaTooNew { .. } => ErrorCode::SchemaTooNew,
            Error::UnknownSetting { .. } => ErrorCode::UnknownSetting,
            Error::InvalidSetting { .. } => ErrorCode::InvalidSetting,
            Error::Io { .. } => ErrorCode::Io,
            Error::Config(_) => ErrorCode::Config,
            Error::InvalidFile(_) => ErrorCode::InvalidFile,
            Error::NotFound { .. } => ErrorCode::NotFound,
            Error::InvalidInput(_) => ErrorCode::InvalidInput,
            Error::InvalidLineup { .. } => ErrorCode::InvalidLineup,
            Error::NoLineup(_) => ErrorCode::NoLineup,
            Error::Solver(_) => ErrorCode::Solver,
            Error::Network { .. } => ErrorCode::Network,
            Error::Cancelled(_) => ErrorCode::Cancelled,
            Error::InvalidBackup { .. } => ErrorCode::InvalidBackup,
            Error::DatabaseDamaged { .. } => ErrorCode::Database,
            Error::Busy(_) => ErrorCode::Busy,
            Error::DiskFull { .. } => ErrorCode::DiskFull,
            Error::Constraint { .. } => ErrorCode::Constraint,
        }
    }

    /// Whether this error means the database itself is damaged (the only case in which
    /// restoring a backup is the advice).
    pub fn is_damage(&self) -> bool {
        match self {
            Error::DatabaseDamaged { .. } => true,
            Error::Database { damaged, .. } => *damaged,
            _ => false,
        }
    }

    /// Wraps an I/O error with what the app was doing and on which path.
    pub fn io(
        action: &'static str,
        path: impl Into<PathBuf>,
    ) -> impl FnOnce(std::io::Error) -> Error {
        let path = path.into();
        move |source| {
            if source.kind() == std::io::ErrorKind::StorageFull {
                return Error::DiskFull {
                    action,
                    path: path.display().to_string(),
                };
            }
            Error::Io {
                action,
                path,
                source,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::ErrorCode;

    #[test]
    fn as_str_matches_the_serialized_code() {
        for code in [
            ErrorCode::Database,
            ErrorCode::SchemaTooNew,
            ErrorCode::UnknownSetting,
            ErrorCode::InvalidSetting,
            ErrorCode::Io,
            ErrorCode::Config,
            ErrorCode::InvalidFile,
            ErrorCode::NotFound,
            ErrorCode::InvalidInput,
            ErrorCode::InvalidLineup,
            ErrorCode::NoLineup,
            ErrorCode::Solver,
            ErrorCode::Network,
            ErrorCode::Cancelled,
            ErrorCode::InvalidBackup,
            ErrorCode::Busy,
            ErrorCode::DiskFull,
            ErrorCode::Constraint,
        ] {
            assert_eq!(serde_json::to_value(code).unwrap(), code.as_str());
        }
    }
}
