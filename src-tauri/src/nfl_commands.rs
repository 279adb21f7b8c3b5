//! IPC commands of NFL data: loading nflverse files, what is loaded, and matching slate players
//! to NFL players. Thin wrappers over the core, like [`crate::commands`].

use crate::error::IpcError;
use crate::state::AppState;
use nfl_dfs_core::identity::SlateMatches;
use nfl_dfs_core::nflverse::{NflPlayerSummary, SeasonData};
use nfl_dfs_core::IngestReport;
use serde::{Deserialize, Serialize};
use std::path::Path;
use tauri::{AppHandle, Emitter, State};
use ts_rs::TS;

/// Input of [`ingest_nfl`].
#[derive(Debug, Clone, Deserialize, TS)]
pub struct IngestInput {
    /// Files or folders chosen in the file dialog.
    pub paths: Vec<String>,
}

/// Progress of a load, sent as the `ingest-progress` event before each file.
#[derive(Debug, Clone, Serialize, TS)]
pub struct IngestProgress {
    /// Files done.
    pub done: u32,
    /// Files in all (of the current path).
    pub total: u32,
    /// The file being read.
    pub file: String,
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

/// Loads nflverse files and folders, one file per transaction; refused files are listed.
#[tauri::command]
pub async fn ingest_nfl(
    app: AppHandle,
    state: State<'_, AppState>,
    input: IngestInput,
) -> Result<IngestReport, IpcError> {
    let ws = state.workspace()?;
    let mut report = IngestReport::default();
    for path in &input.paths {
        let one = ws
            .ingest_path(Path::new(path), |done, total, file| {
                let progress = IngestProgress {
                    done: done as u32,
                    total: total as u32,
                    file: file.to_string(),
                };
                if let Err(e) = app.emit("ingest-progress", progress) {
                    tracing::warn!("progress event not sent: {e}");
                }
            })
            .await?;
        report.files.extend(one.files);
        report.refused.extend(one.refused);
    }
    Ok(report)
}

/// Per season, what NFL data is loaded.
#[tauri::command]
pub async fn list_nfl_seasons(state: State<'_, AppState>) -> Result<Vec<SeasonData>, IpcError> {
    Ok(state.workspace()?.nfl_seasons().await?)
}

/// Matches every player of a slate to an NFL player and lists the matches.
#[tauri::command]
pub async fn match_slate(
    state: State<'_, AppState>,
    slate_id: i32,
) -> Result<SlateMatches, IpcError> {
    Ok(state.workspace()?.match_slate(slate_id).await?)
}

/// Links a slate player to an NFL player by hand; returns the slate's matches.
#[tauri::command]
pub async fn link_player(
    state: State<'_, AppState>,
    input: LinkPlayerInput,
) -> Result<SlateMatches, IpcError> {
    let ws = state.workspace()?;
    ws.link_player(input.slate_id, input.slate_player_id, &input.gsis_id)
        .await?;
    Ok(ws.match_slate(input.slate_id).await?)
}

/// Up to 20 NFL players whose name contains the query.
#[tauri::command]
pub async fn search_nfl_players(
    state: State<'_, AppState>,
    query: String,
) -> Result<Vec<NflPlayerSummary>, IpcError> {
    Ok(state.workspace()?.search_nfl_players(&query).await?)
}
