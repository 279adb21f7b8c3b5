//! Loads of many files, picked by the user or downloaded: one transaction per file, progress
//! per file (bytes and rows), cancel between and inside files, and a report of what was stored,
//! refused, missing or unchanged.

use super::fetch::{Fetched, Fetcher};
use super::ingest::{self, IngestedFile};
use super::progress::{LoadProgress, LoadStage};
use super::remote::RemoteFile;
use crate::{Error, Result};
use chrono::{DateTime, Utc};
use nfl_dfs_domain::nflverse::NOT_NFLVERSE;
use serde::Serialize;
use sha2::{Digest, Sha256};
use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use ts_rs::TS;

/// Receives progress; returns false to cancel the load.
pub type OnProgress = Arc<dyn Fn(&LoadProgress) -> bool + Send + Sync>;

/// What a load did.
#[derive(Debug, Clone, Default, PartialEq, Serialize, TS)]
pub struct IngestReport {
    /// Files stored.
    pub files: Vec<IngestedFile>,
    /// Files refused, each with the reason (nothing of them was stored).
    pub refused: Vec<String>,
    /// Files in a chosen folder that are not nflverse data the app reads (a data dictionary):
    /// left alone, by name.
    pub ignored: Vec<String>,
    /// Downloads nflverse has not published (the server has no such file).
    pub missing: Vec<String>,
    /// Downloads identical to what was stored last time from the same address (not re-read).
    pub unchanged: Vec<String>,
    /// Downloads that failed, loaded from an expired cached copy instead.
    pub stale: Vec<String>,
}

/// Reads and stores one opened file, reporting rows and bytes.
async fn ingest_one(
    db: &crate::store::Db,
    name: &str,
    source: &str,
    input: impl Read + Send + 'static,
    at: (usize, usize),
    total_bytes: Option<u64>,
    on_progress: &OnProgress,
) -> Result<IngestedFile> {
    let progress = on_progress.clone();
    let file = name.to_string();
    ingest::ingest(db, name, source, input, move |rows, bytes| {
        progress(&LoadProgress {
            file: file.clone(),
            file_index: at.0 as u32,
            files: at.1 as u32,
            stage: LoadStage::Read,
            bytes,
            total_bytes,
            rows,
        })
    })
    .await
}

/// The name of a path, for messages.
fn name_of(path: &Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}

/// Loads files and folders (every `.csv`/`.csv.gz` of a folder and its subfolders). A refused
/// file is reported with its reason and the others still load; a file found in a folder that
/// is not nflverse data is left alone and listed; a cancel stops before the next file and
/// keeps the files already stored.
pub(crate) async fn load_paths(
    db: &crate::store::Db,
    paths: &[PathBuf],
    on_progress: OnProgress,
) -> Result<IngestReport> {
    let mut files = Vec::new();
    for path in paths {
        let found = ingest::files_of(path)?;
        if found.is_empty() {
            return Err(Error::InvalidInput(format!(
                "{} holds no .csv or .csv.gz file, nor do its subfolders",
                path.display()
            )));
        }
        files.extend(found);
    }
    let mut report = IngestReport::default();
    for (index, found) in files.iter().enumerate() {
        let file = &found.path;
        let name = name_of(file);
        let opened = crate::safe_fs::open_regular(file).map_err(Error::io("reading", file))?;
        let size = opened.metadata().ok().map(|m| m.len());
        let at = (index, files.len());
        match ingest_one(
            db,
            &name,
            &file.display().to_string(),
            opened,
            at,
            size,
            &on_progress,
        )
        .await
        {
            Ok(done) => report.files.push(done),
            Err(Error::InvalidFile(e)) if !found.named && e.message == NOT_NFLVERSE => {
                report.ignored.push(name)
            }
            Err(e @ Error::InvalidFile(_)) => report.refused.push(e.to_string()),
            Err(e) => return Err(e),
        }
    }
    Ok(report)
}

/// The state of the scheduled refresh: when it last checked.
#[derive(Debug, Clone, Default)]
pub struct RefreshSchedule {
    /// When the last scheduled refresh ran.
    pub last_check: Option<DateTime<Utc>>,
}

/// Whether a scheduled refresh is due: only for users who downloaded before, once the interval
/// has passed since the later of the last download and the last check.
pub fn refresh_due(
    last_download: Option<DateTime<Utc>>,
    last_check: Option<DateTime<Utc>>,
    now: DateTime<Utc>,
    interval_secs: u32,
) -> bool {
    let Some(downloaded) = last_download else {
        return false;
    };
    let since = last_check.map_or(downloaded, |c| c.max(downloaded));
    now - since >= chrono::Duration::seconds(i64::from(interval_secs))
}

/// SHA-256 of a file, as the ingest records it.
fn file_hash(path: &Path) -> Result<String> {
    let mut file = crate::safe_fs::open_regular(path).map_err(Error::io("reading", path))?;
    let mut hash = Sha256::new();
    std::io::copy(&mut file, &mut hash).map_err(Error::io("reading", path))?;
    Ok(format!("{:x}", hash.finalize()))
}

/// Downloads `remote` files through the cache and loads each one. A file the server does not
/// have is listed as missing; a file identical to the last load from its address is skipped as
/// unchanged; a network failure with no cached copy stops the load (files already stored stay).
pub(crate) async fn download(
    db: &crate::store::Db,
    fetcher: &Fetcher,
    remote: &[RemoteFile],
    on_progress: OnProgress,
) -> Result<IngestReport> {
    let mut report = IngestReport::default();
    for (index, file) in remote.iter().enumerate() {
        let at = (index, remote.len());
        let progress = on_progress.clone();
        let name = file.name.clone();
        let mut on_bytes = move |bytes: u64, total_bytes: Option<u64>| {
            progress(&LoadProgress {
                file: name.clone(),
                file_index: at.0 as u32,
                files: at.1 as u32,
                stage: LoadStage::Download,
                bytes,
                total_bytes,
                rows: 0,
            })
        };
        if !on_bytes(0, None) {
            return Err(Error::Cancelled("the download was stopped".into()));
        }
        let (path, stale) = match fetcher.fetch(&file.url, &mut on_bytes).await? {
            Fetched::Missing => {
                tracing::info!(url = %file.url, "not published");
                report.missing.push(file.name.clone());
                continue;
            }
            Fetched::File { path, stale, .. } => (path, stale),
        };
        if stale {
            report.stale.push(file.name.clone());
        }
        if crate::store::ingests::last_hash(db, &file.url).await? == Some(file_hash(&path)?) {
            report.unchanged.push(file.name.clone());
            continue;
        }
        let opened = crate::safe_fs::open_regular(&path).map_err(Error::io("reading", &path))?;
        let size = opened.metadata().ok().map(|m| m.len());
        match ingest_one(db, &file.name, &file.url, opened, at, size, &on_progress).await {
            Ok(done) => report.files.push(done),
            Err(e @ Error::InvalidFile(_)) => {
                // A bad download must not be reused from the cache.
                std::fs::remove_file(&path).ok();
                report.refused.push(e.to_string());
            }
            Err(e) => return Err(e),
        }
    }
    Ok(report)
}

#[cfg(test)]
mod tests {
    use super::refresh_due;
    use chrono::{TimeZone, Utc};

    #[test]
    fn refresh_waits_for_a_first_download_and_the_interval() {
        let t = |s: i64| Utc.timestamp_opt(1_800_000_000 + s, 0).unwrap();
        assert!(!refresh_due(None, None, t(1_000_000), 60));
        assert!(!refresh_due(Some(t(0)), None, t(59), 60));
        assert!(refresh_due(Some(t(0)), None, t(60), 60));
        assert!(!refresh_due(Some(t(0)), Some(t(100)), t(150), 60));
        assert!(refresh_due(Some(t(0)), Some(t(100)), t(160), 60));
        assert!(!refresh_due(Some(t(200)), Some(t(100)), t(250), 60));
    }
}
