//! IPC commands of contests: add, list and remove contests, find the pick (with
//! `pick-progress` events and [`cancel_pick`]), save it as an upload file, import standings,
//! backtest against the real field, the simulated field beside the real one, the track
//! record, and a slate's projected ownership. Thin wrappers over the
//! core, like [`crate::commands`].

use crate::error::IpcError;
use crate::events::{AppEvent, PickProgress};
use crate::state::AppState;
use nfl_dfs_core::contest::Contest;
use nfl_dfs_core::{
    ContestBacktest, ContestEdit, FieldCheck, FieldRequest, NewContest, OwnershipReport,
    PickReport, PickRequest, RecordRequest, StandingsReport, TrackRecord,
};
use serde::{Deserialize, Serialize};
use std::path::Path;
use std::sync::atomic::Ordering;
use tauri::{AppHandle, State};
use ts_rs::TS;

/// Input of [`import_standings`].
#[derive(Debug, Clone, Deserialize, TS)]
pub struct ImportStandingsInput {
    /// The slate.
    pub slate_id: i32,
    /// The standings file chosen.
    pub path: String,
    /// DraftKings' contest ID, to choose one contest of a listing that holds several.
    pub contest: Option<String>,
}

/// Input of [`save_pick`].
#[derive(Debug, Clone, Deserialize, TS)]
pub struct SavePickInput {
    /// The contest.
    pub contest_id: i32,
    /// The pick's slate-player ids in roster order.
    pub players: Vec<i32>,
    /// The projection it was picked on.
    pub projection: f64,
    /// The upload file to write.
    pub out: String,
}

/// What [`save_pick`] did.
#[derive(Debug, Clone, Serialize, TS)]
pub struct SavedPick {
    /// The file written.
    pub path: String,
    /// The stored lineup.
    pub lineup_id: i32,
}

/// The contests of a slate (every slate's when None), newest first.
#[tauri::command]
pub async fn list_contests(
    state: State<'_, AppState>,
    slate_id: Option<i32>,
) -> Result<Vec<Contest>, IpcError> {
    Ok(state.workspace("list_contests")?.contests(slate_id).await?)
}

/// Adds a contest (a preset table, or one typed in).
#[tauri::command]
pub async fn add_contest(
    state: State<'_, AppState>,
    input: NewContest,
) -> Result<Contest, IpcError> {
    Ok(state.workspace("add_contest")?.add_contest(&input).await?)
}

/// Edits a contest: each field given replaces the stored one (checked as an add is).
#[tauri::command]
pub async fn edit_contest(
    state: State<'_, AppState>,
    contest_id: i32,
    input: ContestEdit,
) -> Result<Contest, IpcError> {
    Ok(state
        .workspace("edit_contest")?
        .edit_contest(contest_id, &input)
        .await?)
}

/// Removes a contest.
#[tauri::command]
pub async fn remove_contest(state: State<'_, AppState>, contest_id: i32) -> Result<(), IpcError> {
    Ok(state
        .workspace("remove_contest")?
        .remove_contest(contest_id)
        .await?)
}

/// Finds the lineup with the highest expected payout, reporting `pick-progress`; stops when
/// [`cancel_pick`] is called (nothing is written).
#[tauri::command]
pub async fn pick_contest(
    app: AppHandle,
    state: State<'_, AppState>,
    request: PickRequest,
) -> Result<PickReport, IpcError> {
    let cancel = state.start_pick();
    let on_progress = move |stage: &str, done: usize, total: usize| {
        AppEvent::PickProgress(PickProgress {
            stage: stage.to_string(),
            done: done as u32,
            total: total as u32,
        })
        .emit(&app);
        !cancel.load(Ordering::SeqCst)
    };
    Ok(state
        .workspace("pick_contest")?
        .pick(&request, on_progress)
        .await?)
}

/// Replays every contest with imported standings and sums up the track record, reporting
/// `pick-progress` (stage `replay`, contests done of all); [`cancel_pick`] stops it.
#[tauri::command]
pub async fn contest_record(
    app: AppHandle,
    state: State<'_, AppState>,
    request: RecordRequest,
) -> Result<TrackRecord, IpcError> {
    let cancel = state.start_pick();
    let on_contest = move |done: u32, total: u32| {
        AppEvent::PickProgress(PickProgress {
            stage: "replay".to_string(),
            done,
            total,
        })
        .emit(&app);
        !cancel.load(Ordering::SeqCst)
    };
    Ok(state
        .workspace("contest_record")?
        .track_record(&request, on_contest)
        .await?)
}

/// The contest's simulated field beside the real one of the slate's imported standings.
#[tauri::command]
pub async fn contest_field(
    state: State<'_, AppState>,
    request: FieldRequest,
) -> Result<FieldCheck, IpcError> {
    Ok(state
        .workspace("contest_field")?
        .field_check(&request)
        .await?)
}

/// Stops the pick (or the track record's replay) in progress.
#[tauri::command]
pub async fn cancel_pick(state: State<'_, AppState>) -> Result<(), IpcError> {
    state.cancel_pick();
    Ok(())
}

/// Stores the pick as a lineup and writes it as an upload file.
#[tauri::command]
pub async fn save_pick(
    state: State<'_, AppState>,
    input: SavePickInput,
) -> Result<SavedPick, IpcError> {
    let players: [i32; 9] = input.players.try_into().map_err(|_| {
        IpcError::from(nfl_dfs_core::Error::InvalidInput(
            "a pick has nine players".into(),
        ))
    })?;
    let (path, lineup_id) = state
        .workspace("save_pick")?
        .save_pick(
            input.contest_id,
            &players,
            input.projection,
            Path::new(&input.out),
        )
        .await?;
    Ok(SavedPick { path, lineup_id })
}

/// Imports a finished contest's standings file for a slate.
#[tauri::command]
pub async fn import_standings(
    state: State<'_, AppState>,
    input: ImportStandingsInput,
) -> Result<StandingsReport, IpcError> {
    Ok(state
        .workspace("import_standings")?
        .import_standings(
            input.slate_id,
            Path::new(&input.path),
            input
                .contest
                .as_deref()
                .map(str::trim)
                .filter(|c| !c.is_empty()),
        )
        .await?)
}

/// The pick and the highest-projected lineup against the real field.
#[tauri::command]
pub async fn contest_backtest(
    state: State<'_, AppState>,
    request: PickRequest,
) -> Result<ContestBacktest, IpcError> {
    Ok(state
        .workspace("contest_backtest")?
        .contest_backtest(&request)
        .await?)
}

/// Every player's projected ownership on a slate.
#[tauri::command]
pub async fn slate_ownership(
    state: State<'_, AppState>,
    slate_id: i32,
) -> Result<OwnershipReport, IpcError> {
    Ok(state
        .workspace("slate_ownership")?
        .ownership(slate_id)
        .await?)
}
