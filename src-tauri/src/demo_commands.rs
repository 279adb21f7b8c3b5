//! IPC commands of the demo: open it in its own data folder (from the files embedded in the
//! app: the generated slate, NFL history and baseline models) and leave it for the user's own
//! data folder. Every later command uses the workspace opened here.

use crate::error::IpcError;
use crate::state::AppState;
use nfl_dfs_core::demo_folder::DemoReport;
use nfl_dfs_core::Workspace;
use tauri::State;

mod embedded {
    include!(concat!(env!("OUT_DIR"), "/demo_files.rs"));
}

/// Opens the demo's data folder (loading the demo into it; again adds nothing).
#[tauri::command]
pub async fn open_demo(state: State<'_, AppState>) -> Result<DemoReport, IpcError> {
    let paths = state.paths()?.demo();
    let (workspace, report) = Workspace::open_demo(paths, embedded::DEMO_FILES).await?;
    state.replace(workspace);
    Ok(report)
}

/// Goes back from the demo to the user's own data folder.
#[tauri::command]
pub async fn leave_demo(state: State<'_, AppState>) -> Result<(), IpcError> {
    let workspace = Workspace::open(state.paths()?.clone()).await?;
    state.replace(workspace);
    Ok(())
}
