//! IPC commands of NFL data: loading nflverse files, what is loaded, and matching slate players
//! to NFL players. Thin wrappers over the core, like [`crate::commands`].

use crate::error::IpcError;
use crate::events::AppEvent;
use crate::state::AppState;
use nfl_dfs_core::identity::SlateMatches;
use nfl_dfs_core::nflverse::{LoadProgress, NflPlayerSummary, SeasonData};
use nfl_dfs_core::IngestReport;
use serde::Deserialize;
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use tauri::{AppHandle, State};
use ts_rs::TS;

/// Input of [`ingest_nfl`].
#[derive(Debug, Clone, Deserialize, TS)]
pub struct IngestInput {
    /// Files or folders chosen in the file dialog.
    pub paths: Vec<String>,
}

/// Input of [`download_nfl`].
#[derive(Debug, Clone, Deserialize, TS)]
pub struct DownloadInput {
    /// Seasons to download; empty for the last `nfl_seasons` seasons.
    pub seasons: Vec<i32>,
    /// Whether to download play-by-play too.
    pub play_by_play: bool,
}

/// Input of [`link_player`].
#[derive(Debug, Clone, Deserialize, TS)]
pub struct LinkPlayerInput {
    /// The slate.
    pub slate_id: i32,
    /// The slate player.
    pub slate_player_id: i32,
    /// The NFL player's GSIS id.
    pub gsis_id: String,
}

/// Sends each progress report as the `ingest-progress` event; false once cancel was asked.
fn progress_events(
    app: AppHandle,
    cancel: Arc<AtomicBool>,
) -> impl Fn(&LoadProgress) -> bool + Send + Sync + 'static {
    move |progress: &LoadProgress| {
        AppEvent::IngestProgress(progress.clone()).emit(&app);
        !cancel.load(Ordering::SeqCst)
    }
}

/// Loads nflverse files and folders, one file per transaction; refused files are listed.
/// Reports `ingest-progress`; [`cancel_load`] stops it (stored files stay).
#[tauri::command]
pub async fn ingest_nfl(
    app: AppHandle,
    state: State<'_, AppState>,
    input: IngestInput,
) -> Result<IngestReport, IpcError> {
    let paths: Vec<PathBuf> = input.paths.iter().map(PathBuf::from).collect();
    let on_progress = progress_events(app, state.start_load());
    Ok(state
        .workspace("ingest_nfl")?
        .ingest_paths(&paths, on_progress)
        .await?)
}

/// Downloads nflverse files (cached, retried) and loads them, reporting `ingest-progress`;
/// [`cancel_load`] stops it (stored files stay).
#[tauri::command]
pub async fn download_nfl(
    app: AppHandle,
    state: State<'_, AppState>,
    input: DownloadInput,
) -> Result<IngestReport, IpcError> {
    let on_progress = progress_events(app, state.start_load());
    Ok(state
        .workspace("download_nfl")?
        .download_nfl(Some(input.seasons), input.play_by_play, on_progress)
        .await?)
}

/// Stops the NFL data load in progress; the files already stored are kept.
#[tauri::command]
pub async fn cancel_load(state: State<'_, AppState>) -> Result<(), IpcError> {
    state.cancel_load();
    Ok(())
}

/// Per season, what NFL data is loaded.
#[tauri::command]
pub async fn list_nfl_seasons(state: State<'_, AppState>) -> Result<Vec<SeasonData>, IpcError> {
    Ok(state.workspace("list_nfl_seasons")?.nfl_seasons().await?)
}

/// Matches every player of a slate to an NFL player and lists the matches.
#[tauri::command]
pub async fn match_slate(
    state: State<'_, AppState>,
    slate_id: i32,
) -> Result<SlateMatches, IpcError> {
    Ok(state
        .workspace("match_slate")?
        .match_slate(slate_id)
        .await?)
}

/// Links a slate player to an NFL player by hand; returns the slate's matches.
#[tauri::command]
pub async fn link_player(
    state: State<'_, AppState>,
    input: LinkPlayerInput,
) -> Result<SlateMatches, IpcError> {
    Ok(state
        .workspace("link_player")?
        .link_player(input.slate_id, input.slate_player_id, &input.gsis_id)
        .await?)
}

/// Up to 20 NFL players whose name contains the query.
#[tauri::command]
pub async fn search_nfl_players(
    state: State<'_, AppState>,
    query: String,
) -> Result<Vec<NflPlayerSummary>, IpcError> {
    Ok(state
        .workspace("search_nfl_players")?
        .search_nfl_players(&query)
        .await?)
}
