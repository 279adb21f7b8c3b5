//! Progress of a load (files picked by the user or downloaded), as front ends show it.

use serde::Serialize;
use ts_rs::TS;

/// What is happening to the current file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum LoadStage {
    /// Bytes are coming in from the network.
    Download,
    /// Rows are being read (and then stored in one transaction).
    Read,
}

/// One progress report of a load.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct LoadProgress {
    /// The file (its name) being worked on.
    pub file: String,
    /// Files finished before this one.
    pub file_index: u32,
    /// Files in the load.
    pub files: u32,
    /// What is happening to it.
    pub stage: LoadStage,
    /// Bytes downloaded or read so far (compressed bytes for gzip files).
    #[ts(type = "number")]
    pub bytes: u64,
    /// The file's size, when known.
    #[ts(type = "number | null")]
    pub total_bytes: Option<u64>,
    /// Rows read so far.
    #[ts(type = "number")]
    pub rows: u64,
}
