//! IPC commands: each is a thin wrapper over one core call. Async commands run on Tauri's
//! tokio runtime, off the UI thread.

use crate::error::IpcError;
use crate::state::AppState;
use nfl_dfs_core::health::Health;
use nfl_dfs_core::settings::{SettingEntry, SettingValue};
use serde::Deserialize;
use tauri::State;
use ts_rs::TS;

/// Input of [`set_setting`].
#[derive(Debug, Clone, Deserialize, TS)]
pub struct SetSettingInput {
    /// Setting key.
    pub key: String,
    /// New value.
    pub value: SettingValue,
}

/// Version, database, schema version, data and model status.
#[tauri::command]
pub async fn health(state: State<'_, AppState>) -> Result<Health, IpcError> {
    Ok(state.workspace()?.health().await?)
}

/// Every setting with its effective value and source.
#[tauri::command]
pub async fn get_settings(state: State<'_, AppState>) -> Result<Vec<SettingEntry>, IpcError> {
    Ok(state.workspace()?.settings().await?)
}

/// Validates and stores one setting; returns it as it now resolves.
#[tauri::command]
pub async fn set_setting(
    state: State<'_, AppState>,
    input: SetSettingInput,
) -> Result<SettingEntry, IpcError> {
    Ok(state
        .workspace()?
        .set_setting(&input.key, input.value)
        .await?)
}

include!("command_names.rs");

/// The invoke handler with every command registered (the names in [`COMMAND_NAMES`]).
pub fn handler() -> impl Fn(tauri::ipc::Invoke) -> bool + Send + Sync + 'static {
    tauri::generate_handler![health, get_settings, set_setting]
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
