//! IPC commands: each is a thin wrapper over one core call. Async commands run on Tauri's
//! tokio runtime, off the UI thread.

use crate::error::IpcError;
use crate::events::{AppEvent, OptimizeProgress};
use crate::state::AppState;
use nfl_dfs_core::choices::Choices;
use nfl_dfs_core::health::Health;
use nfl_dfs_core::lineup::{ExportReport, ExportRequest, LineupImportReport};
use nfl_dfs_core::optimizer::{LateSwapReport, LateSwapRequest, OptimizeReport, Rules};
use nfl_dfs_core::settings::{SettingEntry, SettingValue};
use nfl_dfs_core::slate::{ImportReport, PlayerFlags, SlatePlayer, SlateSummary};
use nfl_dfs_core::{SlateView, StoredLineups};
use serde::Deserialize;
use std::path::Path;
use std::sync::atomic::Ordering;
use tauri::{AppHandle, State};
use ts_rs::TS;

/// Input of [`set_setting`].
#[derive(Debug, Clone, Deserialize, TS)]
pub struct SetSettingInput {
    /// Setting key.
    pub key: String,
    /// New value.
    pub value: SettingValue,
}

/// Input of [`import_slate`].
#[derive(Debug, Clone, Deserialize, TS)]
pub struct ImportSlateInput {
    /// The salary CSV chosen in the file dialog or dropped on the window.
    pub path: String,
    /// A name for the slate (default: its days and game count).
    pub name: Option<String>,
}

/// Input of [`set_player_flags`].
#[derive(Debug, Clone, Deserialize, TS)]
pub struct SetPlayerFlagsInput {
    /// The slate player.
    pub slate_player_id: i32,
    /// Lock, exclude and projection override, written together.
    pub flags: PlayerFlags,
}

/// Input of [`import_lineups`].
#[derive(Debug, Clone, Deserialize, TS)]
pub struct ImportLineupsInput {
    /// The slate the lineups belong to.
    pub slate_id: i32,
    /// An upload file or a filled DraftKings entries file.
    pub path: String,
}

/// Input of [`optimize`].
#[derive(Debug, Clone, Deserialize, TS)]
pub struct OptimizeInput {
    /// The slate.
    pub slate_id: i32,
    /// The rules of the run (the salary cap comes from the settings).
    pub rules: Rules,
}

/// Version, database, schema version, data and model status.
#[tauri::command]
pub async fn health(state: State<'_, AppState>) -> Result<Health, IpcError> {
    Ok(state.workspace("health")?.health().await?)
}

/// Every setting with its effective value and source.
#[tauri::command]
pub async fn get_settings(state: State<'_, AppState>) -> Result<Vec<SettingEntry>, IpcError> {
    Ok(state.workspace("get_settings")?.settings().await?)
}

/// Validates and stores one setting; returns it as it now resolves.
#[tauri::command]
pub async fn set_setting(
    state: State<'_, AppState>,
    input: SetSettingInput,
) -> Result<SettingEntry, IpcError> {
    Ok(state
        .workspace("set_setting")?
        .set_setting(&input.key, input.value)
        .await?)
}

/// Imports a DraftKings salary CSV (any layout); the same file again is recognised.
#[tauri::command]
pub async fn import_slate(
    state: State<'_, AppState>,
    input: ImportSlateInput,
) -> Result<ImportReport, IpcError> {
    Ok(state
        .workspace("import_slate")?
        .import_slate_file(Path::new(&input.path), input.name.as_deref())
        .await?)
}

/// Every imported slate, newest first.
#[tauri::command]
pub async fn list_slates(state: State<'_, AppState>) -> Result<Vec<SlateSummary>, IpcError> {
    Ok(state.workspace("list_slates")?.slates().await?)
}

/// One slate with its games and players.
#[tauri::command]
pub async fn get_slate(state: State<'_, AppState>, slate_id: i32) -> Result<SlateView, IpcError> {
    Ok(state
        .workspace("get_slate")?
        .slate_view(Some(slate_id))
        .await?)
}

/// The limits and choices the core owns (lineup range, percent bounds, slots, salary cap,
/// backup schedule).
#[tauri::command]
pub async fn get_choices(state: State<'_, AppState>) -> Result<Choices, IpcError> {
    Ok(state.workspace("get_choices")?.choices().await?)
}

/// Sets a player's lock, exclude and projection override.
#[tauri::command]
pub async fn set_player_flags(
    state: State<'_, AppState>,
    input: SetPlayerFlagsInput,
) -> Result<SlatePlayer, IpcError> {
    Ok(state
        .workspace("set_player_flags")?
        .set_player_flags(input.slate_player_id, &input.flags)
        .await?)
}

/// The stored lineups of a slate, with each player's exposure across them.
#[tauri::command]
pub async fn list_lineups(
    state: State<'_, AppState>,
    slate_id: i32,
) -> Result<StoredLineups, IpcError> {
    Ok(state
        .workspace("list_lineups")?
        .stored_lineups(slate_id)
        .await?)
}

/// Stores the lineups of an upload or entries file for a slate.
#[tauri::command]
pub async fn import_lineups(
    state: State<'_, AppState>,
    input: ImportLineupsInput,
) -> Result<LineupImportReport, IpcError> {
    Ok(state
        .workspace("import_lineups")?
        .import_lineups_file(input.slate_id, Path::new(&input.path))
        .await?)
}

/// Writes an upload file, or fills an entries file, after validating every lineup.
#[tauri::command]
pub async fn export_lineups(
    state: State<'_, AppState>,
    request: ExportRequest,
) -> Result<ExportReport, IpcError> {
    Ok(state
        .workspace("export_lineups")?
        .export_lineups(&request)
        .await?)
}

/// Deletes lineups; returns how many were deleted.
#[tauri::command]
pub async fn delete_lineups(
    state: State<'_, AppState>,
    lineup_ids: Vec<i32>,
) -> Result<u32, IpcError> {
    Ok(state
        .workspace("delete_lineups")?
        .delete_lineups(&lineup_ids)
        .await? as u32)
}

/// Builds and stores lineups, reporting `optimize-progress` as it goes; stops early (with the
/// lineups found so far) when [`cancel_optimize`] is called.
#[tauri::command]
pub async fn optimize(
    app: AppHandle,
    state: State<'_, AppState>,
    input: OptimizeInput,
) -> Result<OptimizeReport, IpcError> {
    let cancel = state.start_optimize();
    let on_progress = move |done: usize, total: usize| {
        let progress = OptimizeProgress {
            done: done as u32,
            total: total as u32,
        };
        AppEvent::OptimizeProgress(progress).emit(&app);
        !cancel.load(Ordering::SeqCst)
    };
    Ok(state
        .workspace("optimize")?
        .optimize(input.slate_id, input.rules, Default::default(), on_progress)
        .await?)
}

/// Late swap: re-optimises the entries of a DraftKings entries file and writes the filled file.
#[tauri::command]
pub async fn late_swap(
    state: State<'_, AppState>,
    input: LateSwapRequest,
) -> Result<LateSwapReport, IpcError> {
    Ok(state
        .workspace("late_swap")?
        .late_swap(&input, Default::default())
        .await?)
}

/// Stops the optimizer run in progress after its current step.
#[tauri::command]
pub async fn cancel_optimize(state: State<'_, AppState>) -> Result<(), IpcError> {
    state.cancel_optimize();
    Ok(())
}

include!("command_names.rs");

/// The invoke handler with every command registered (the names in [`COMMAND_NAMES`]).
pub fn handler() -> impl Fn(tauri::ipc::Invoke) -> bool + Send + Sync + 'static {
    macro_rules! register {
        ($($module:ident::$name:ident),* $(,)?) => {
            tauri::generate_handler![$(crate::$module::$name),*]
        };
    }
    app_commands!(register)
}

#[cfg(test)]
mod tests {
    use super::COMMAND_NAMES;

    /// The main window's capability grants exactly the app's commands, nothing more.
    #[test]
    fn capability_grants_each_command_and_nothing_unknown() {
        let conf: serde_json::Value =
            serde_json::from_str(include_str!("../../tauri.conf.json")).unwrap();
        let caps = conf["app"]["security"]["capabilities"].as_array().unwrap();
        let granted: Vec<&str> = caps
            .iter()
            .flat_map(|c| c["permissions"].as_array().unwrap())
            .filter_map(|p| p.as_str())
            .filter(|p| p.starts_with("allow-"))
            .collect();
        let expected: Vec<String> = COMMAND_NAMES
            .iter()
            .map(|c| format!("allow-{}", c.replace('_', "-")))
            .collect();
        assert_eq!(granted, expected);
    }
}
