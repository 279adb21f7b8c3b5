//! One pipeline for every nflverse file, whether picked by the user or downloaded: recognise the
//! file by its header, read it streaming, and store it in one transaction (a malformed row
//! refuses the whole file, naming file, line and column, and leaves what was stored before).

use super::advanced::{self, AdvancedStats};
use super::depth_charts::{self, DepthCharts};
use super::play_by_play::{self, DstGame};
use super::player_week::{self, PlayerWeek};
use super::roster_files::{self, IdLinks, InjuryReport, RosterEntry, SnapEntry};
use super::schedule::{self, ScheduledGame};
use super::table::{RowHook, Table};
use super::team_week::{self, TeamWeek};
use crate::dk::FileError;
use crate::store::nfl_tables;
use crate::store::Db;
use crate::{Error, Result};
use serde::Serialize;
use sha2::{Digest, Sha256};
use std::io::Read;
use std::path::Path;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use ts_rs::TS;

/// The kinds of nflverse files the app reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum FileKind {
    /// Weekly player stats (either layout).
    PlayerWeeks,
    /// Weekly team stats.
    TeamWeeks,
    /// The schedule, `games.csv`.
    Schedule,
    /// Play-by-play (read into DST games).
    PlayByPlay,
    /// A season or weekly roster.
    Rosters,
    /// Injury reports.
    Injuries,
    /// Snap counts.
    SnapCounts,
    /// A player-id crosswalk (PFR id to GSIS id).
    PlayerIds,
    /// Pro Football Reference's advanced weekly stats (passing, rushing, receiving, defense).
    PfrAdvanced,
    /// Next Gen Stats (passing, receiving, rushing).
    NextGenStats,
    /// Depth charts (weekly, or dated snapshots).
    DepthCharts,
}

impl FileKind {
    /// The kind as stored and shown.
    pub fn as_str(self) -> &'static str {
        match self {
            FileKind::PlayerWeeks => "player_weeks",
            FileKind::TeamWeeks => "team_weeks",
            FileKind::Schedule => "schedule",
            FileKind::PlayByPlay => "play_by_play",
            FileKind::Rosters => "rosters",
            FileKind::Injuries => "injuries",
            FileKind::SnapCounts => "snap_counts",
            FileKind::PlayerIds => "player_ids",
            FileKind::PfrAdvanced => "pfr_advanced",
            FileKind::NextGenStats => "next_gen_stats",
            FileKind::DepthCharts => "depth_charts",
        }
    }

    fn of(table: &Table) -> Option<FileKind> {
        // Advanced stats first: PFR's defense files also have team-week columns.
        if let Some(source) = advanced::source_of(table) {
            Some(if source.is_pfr() {
                FileKind::PfrAdvanced
            } else {
                FileKind::NextGenStats
            })
        } else if depth_charts::is_depth_chart(table) {
            Some(FileKind::DepthCharts)
        } else if play_by_play::is_play_by_play(table) {
            Some(FileKind::PlayByPlay)
        } else if player_week::is_player_week(table) {
            Some(FileKind::PlayerWeeks)
        } else if team_week::is_team_week(table) {
            Some(FileKind::TeamWeeks)
        } else if schedule::is_schedule(table) {
            Some(FileKind::Schedule)
        } else if roster_files::is_injuries(table) {
            Some(FileKind::Injuries)
        } else if roster_files::is_roster(table) {
            Some(FileKind::Rosters)
        } else if roster_files::is_snap_counts(table) {
            Some(FileKind::SnapCounts)
        } else if roster_files::is_player_ids(table) {
            Some(FileKind::PlayerIds)
        } else {
            None
        }
    }
}

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

/// The rows of one file, read before anything is written.
pub enum Rows {
    /// Weekly player stats.
    Players(Vec<PlayerWeek>),
    /// Weekly team stats.
    Teams(Vec<TeamWeek>),
    /// Schedules.
    Games(Vec<ScheduledGame>),
    /// DST games from play-by-play.
    Dst(Vec<DstGame>),
    /// Season rosters.
    Rosters(Vec<RosterEntry>),
    /// Injury reports.
    Injuries(InjuryReport),
    /// Snap counts.
    Snaps(Vec<SnapEntry>),
    /// A player-id crosswalk.
    Ids(IdLinks),
    /// Advanced weekly stats (PFR or Next Gen Stats).
    Advanced(AdvancedStats),
    /// Depth charts.
    Depth(DepthCharts),
}

impl Rows {
    /// What a skipped row of this kind is, in words (an injury report also counts the lines
    /// whose status the app does not know, which are kept).
    fn skipped_reason(&self) -> String {
        match self {
            Rows::Advanced(_) => "(season totals, postseason weeks or no player id)".into(),
            Rows::Depth(_) => "(no player id, or no week)".into(),
            Rows::Injuries(report) if report.unknown_status > 0 => format!(
                "without a player id; {} line(s) kept with a status the app does not know, \
                 read as no information",
                report.unknown_status
            ),
            Rows::Injuries(_) => "without a player id".into(),
            _ => "without a valid id".into(),
        }
    }

    /// Rows the file had that were skipped as unusable.
    fn skipped(&self) -> u64 {
        match self {
            Rows::Ids(ids) => ids.skipped,
            Rows::Advanced(stats) => stats.skipped,
            Rows::Depth(charts) => charts.skipped,
            Rows::Injuries(report) => report.skipped,
            _ => 0,
        }
    }
}

/// Reads one file (plain or gzip) completely, or fails naming file, line and column.
fn read(
    file: &str,
    input: impl Read + Send + 'static,
    on_rows: RowHook,
) -> Result<(FileKind, Rows), FileError> {
    let mut table = Table::open(file, input)?;
    table.on_rows(on_rows);
    let kind = FileKind::of(&table).ok_or_else(|| {
        FileError::new(
            file,
            Some(1),
            None,
            "not an nflverse file this app reads (weekly player or team stats, games.csv, \
             play-by-play, rosters, injuries, snap counts, depth charts, a player-id crosswalk, \
             PFR advanced stats or Next Gen Stats): its header has none of their columns",
        )
    })?;
    let rows = match kind {
        FileKind::PlayerWeeks => {
            let mut rows = Vec::new();
            player_week::read(&mut table, |r| {
                rows.push(r);
                Ok(())
            })?;
            Rows::Players(rows)
        }
        FileKind::TeamWeeks => {
            let mut rows = Vec::new();
            team_week::read(&mut table, |r| {
                rows.push(r);
                Ok(())
            })?;
            Rows::Teams(rows)
        }
        FileKind::Schedule => {
            let mut rows = Vec::new();
            schedule::read(&mut table, |r| {
                rows.push(r);
                Ok(())
            })?;
            Rows::Games(rows)
        }
        FileKind::PlayByPlay => Rows::Dst(play_by_play::read(&mut table)?),
        FileKind::Rosters => Rows::Rosters(roster_files::read_roster(&mut table)?),
        FileKind::Injuries => Rows::Injuries(roster_files::read_injuries(&mut table)?),
        FileKind::SnapCounts => Rows::Snaps(roster_files::read_snap_counts(&mut table)?),
        FileKind::PlayerIds => Rows::Ids(roster_files::read_player_ids(&mut table)?),
        FileKind::PfrAdvanced | FileKind::NextGenStats => {
            Rows::Advanced(advanced::read(&mut table)?)
        }
        FileKind::DepthCharts => Rows::Depth(depth_charts::read(&mut table)?),
    };
    if table.stopped() {
        return Err(FileError::new(file, None, None, STOPPED));
    }
    Ok((kind, rows))
}

/// The message of a read stopped by its progress callback (never shown: it becomes
/// [`Error::Cancelled`]).
const STOPPED: &str = "reading was stopped";

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
    let read = tokio::task::spawn_blocking(move || read(&name, hashing, hook))
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
    let (count, seasons) = nfl_tables::store_file(db, &rows, kind, source, &digest).await?;
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

/// The nflverse files of a path: the file itself, or the `.csv` and `.csv.gz` files of a folder
/// (sorted, so schedules and stats load in a fixed order).
pub fn files_of(path: &Path) -> Result<Vec<std::path::PathBuf>> {
    let meta = std::fs::metadata(path)
        .map_err(crate::safe_fs::plainly)
        .map_err(Error::io("reading", path))?;
    if meta.is_file() {
        return Ok(vec![path.to_path_buf()]);
    }
    if let Some(what) = crate::safe_fs::not_a_file(&meta).filter(|_| !meta.is_dir()) {
        return Err(Error::InvalidInput(format!(
            "{} is {what}: give a folder of nflverse files or one .csv or .csv.gz file",
            path.display()
        )));
    }
    let mut files: Vec<_> = std::fs::read_dir(path)
        .map_err(Error::io("reading", path))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            let name = p.file_name().map(|n| n.to_string_lossy().to_lowercase());
            p.is_file() && name.is_some_and(|n| n.ends_with(".csv") || n.ends_with(".csv.gz"))
        })
        .collect();
    files.sort();
    Ok(files)
}
