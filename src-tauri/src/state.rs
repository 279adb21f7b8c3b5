//! State the shell keeps for the window: the open [`Workspace`], or why it could not be opened.

use crate::error::IpcError;
use nfl_dfs_core::Workspace;

/// The app's managed state.
pub struct AppState {
    workspace: Result<Workspace, IpcError>,
}

impl AppState {
    /// Wraps the result of opening the workspace at start-up.
    pub fn new(workspace: nfl_dfs_core::Result<Workspace>) -> Self {
        Self {
            workspace: workspace.map_err(IpcError::from),
        }
    }

    /// The workspace, or the start-up error every command then reports.
    pub fn workspace(&self) -> Result<&Workspace, IpcError> {
        self.workspace.as_ref().map_err(Clone::clone)
    }
}
