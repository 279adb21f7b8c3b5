//! [`FileError`]: why a DraftKings file was refused, naming the file and, where known, the line
//! and the column, so the user can open the file and fix it.

use serde::Serialize;
use std::fmt;
use ts_rs::TS;

/// Why a file was refused: the file, and where known the line and column.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct FileError {
    /// The file's name.
    pub file: String,
    /// The line (1-based), when the problem is on one.
    #[ts(type = "number | null")]
    pub line: Option<u64>,
    /// The column's header name, when the problem is in one.
    pub column: Option<String>,
    /// What is wrong.
    pub message: String,
}

impl FileError {
    /// A problem in `file`, optionally at a line and in a column.
    pub fn new(
        file: &str,
        line: Option<u64>,
        column: Option<&str>,
        message: impl Into<String>,
    ) -> FileError {
        FileError {
            file: file.to_string(),
            line,
            column: column.map(str::to_string),
            message: message.into(),
        }
    }
}

impl fmt::Display for FileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file)?;
        if let Some(line) = self.line {
            write!(f, ", line {line}")?;
        }
        if let Some(column) = &self.column {
            write!(f, ", column '{column}'")?;
        }
        write!(f, ": {}", self.message)
    }
}

impl std::error::Error for FileError {}
