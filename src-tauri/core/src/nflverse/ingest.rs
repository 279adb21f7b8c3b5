//! One pipeline for every nflverse file, whether picked by the user or downloaded: recognise the
//! file by its header, read it streaming, and store it in one transaction (a malformed row
//! refuses the whole file, naming file, line and column, and leaves what was stored before).

use crate::store::nfl;
use crate::store::Db;
use crate::{Error, Result};
use nfl_dfs_domain::nflverse::table::RowHook;
use nfl_dfs_domain::nflverse::{read_file, FileKind, STOPPED};
use serde::Serialize;
use sha2::{Digest, Sha256};
use std::io::Read;
use std::path::Path;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use ts_rs::TS;

/// What one file added.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct IngestedFile {
    /// The file's name.
    pub file: String,
    /// What it holds.
    pub kind: FileKind,
    /// Rows stored (added or updated).
    #[ts(type = "number")]
    pub rows: u64,
    /// Seasons it covers.
    pub seasons: Vec<i32>,
    /// Rows skipped as unusable (a crosswalk row without a valid id of both kinds; an advanced
    /// stats row without a player id, or a Next Gen Stats season total or postseason week).
    #[ts(type = "number")]
    pub skipped: u64,
    /// What the skipped rows were, in words ("without a valid id"), as every front end shows it.
    pub skipped_reason: String,
}

/// A reader that hashes and counts what passes through it.
struct Hashing<R> {
    inner: R,
    hash: Arc<Mutex<Sha256>>,
    bytes: Arc<AtomicU64>,
}

impl<R: Read> Read for Hashing<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.hash
            .lock()
            .expect("the hash is only locked here")
            .update(&buf[..n]);
        self.bytes.fetch_add(n as u64, Ordering::Relaxed);
        Ok(n)
    }
}

/// Reads and stores one file from `input`; `source` (a file name or URL) is recorded.
/// `on_rows(rows, bytes)` is called every few thousand rows with the rows and input bytes read
/// so far; when it returns false the file is dropped unstored and the result is
/// [`Error::Cancelled`].
pub(crate) async fn ingest(
    db: &Db,
    file: &str,
    source: &str,
    input: impl Read + Send + 'static,
    mut on_rows: impl FnMut(u64, u64) -> bool + Send + 'static,
) -> Result<IngestedFile> {
    let hash = Arc::new(Mutex::new(Sha256::new()));
    let bytes = Arc::new(AtomicU64::new(0));
    let hashing = Hashing {
        inner: input,
        hash: hash.clone(),
        bytes: bytes.clone(),
    };
    let name = file.to_string();
    let hook: RowHook = Box::new(move |rows| on_rows(rows, bytes.load(Ordering::Relaxed)));
    let read = tokio::task::spawn_blocking(move || read_file(&name, hashing, hook))
        .await
        .map_err(|e| Error::Io {
            action: "reading",
            path: file.into(),
            source: std::io::Error::other(e.to_string()),
        })?;
    let (kind, rows) = match read {
        Err(e) if e.message == STOPPED => {
            return Err(Error::Cancelled(format!("{file} was not stored")))
        }
        other => other?,
    };
    let digest = format!(
        "{:x}",
        std::mem::take(&mut *hash.lock().expect("reading is done")).finalize()
    );
    let (count, seasons) = nfl::store_file(db, &rows, kind, source, &digest).await?;
    let skipped = rows.skipped();
    tracing::info!(
        file,
        kind = kind.as_str(),
        rows = count,
        skipped,
        "nflverse file stored"
    );
    Ok(IngestedFile {
        file: file.to_string(),
        kind,
        rows: count as u64,
        seasons: seasons.into_iter().collect(),
        skipped,
        skipped_reason: rows.skipped_reason(),
    })
}

/// How deep below a chosen folder the load looks for files (`nflverse/injuries/2022/x.csv` is
/// two folders down).
pub const MAX_FOLDER_DEPTH: usize = 3;

/// The most files one chosen folder may hold for a load: more is not a folder of nflverse
/// data (a home folder picked by mistake), and the load says so before reading any.
pub const MAX_FOLDER_FILES: usize = 2_000;

/// A file to load, and how it was chosen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    /// Its path.
    pub path: std::path::PathBuf,
    /// Whether the user named the file itself (else it was found in a chosen folder, where a
    /// file that is not nflverse data, a data dictionary say, is left alone rather than
    /// refused).
    pub named: bool,
}

/// The nflverse files of a path: the file itself, or the `.csv` and `.csv.gz` files of a folder
/// and of its subfolders down to [`MAX_FOLDER_DEPTH`] (hidden entries and linked folders are
/// passed over; sorted by path, so a load's order is fixed). More than [`MAX_FOLDER_FILES`]
/// is refused.
pub fn files_of(path: &Path) -> Result<Vec<Found>> {
    let meta = std::fs::metadata(path)
        .map_err(crate::safe_fs::plainly)
        .map_err(Error::io("reading", path))?;
    if meta.is_file() {
        return Ok(vec![Found {
            path: path.to_path_buf(),
            named: true,
        }]);
    }
    if let Some(what) = crate::safe_fs::not_a_file(&meta).filter(|_| !meta.is_dir()) {
        return Err(Error::InvalidInput(format!(
            "{} is {what}: give a folder of nflverse files or one .csv or .csv.gz file",
            path.display()
        )));
    }
    let walk = walkdir::WalkDir::new(path)
        .max_depth(MAX_FOLDER_DEPTH + 1)
        .follow_links(false)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.'));
    let mut files = Vec::new();
    for entry in walk {
        let entry = entry.map_err(|e| {
            let at = e.path().unwrap_or(path).to_path_buf();
            Error::io("reading", at)(e.into())
        })?;
        let name = entry.file_name().to_string_lossy().to_lowercase();
        if entry.file_type().is_file() && (name.ends_with(".csv") || name.ends_with(".csv.gz")) {
            if files.len() == MAX_FOLDER_FILES {
                return Err(Error::InvalidInput(format!(
                    "{} holds more than {MAX_FOLDER_FILES} .csv files in it and its \
                     subfolders: choose the folder of the nflverse files",
                    path.display()
                )));
            }
            files.push(Found {
                path: entry.into_path(),
                named: false,
            });
        }
    }
    Ok(files)
}
