//! State the shell keeps for the window: the open [`Workspace`], or why it could not be opened.

use crate::error::IpcError;
use nfl_dfs_core::Workspace;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

/// The app's managed state.
pub struct AppState {
    workspace: Result<Workspace, IpcError>,
    /// Set to stop the optimizer run in progress.
    cancel_optimize: Arc<AtomicBool>,
}

impl AppState {
    /// Wraps the result of opening the workspace at start-up.
    pub fn new(workspace: nfl_dfs_core::Result<Workspace>) -> Self {
        Self {
            workspace: workspace.map_err(IpcError::from),
            cancel_optimize: Arc::new(AtomicBool::new(false)),
        }
    }

    /// A fresh cancel flag for a new optimizer run (clears an earlier request).
    pub fn start_optimize(&self) -> Arc<AtomicBool> {
        self.cancel_optimize.store(false, Ordering::SeqCst);
        Arc::clone(&self.cancel_optimize)
    }

    /// Asks the optimizer run in progress to stop after its current lineup.
    pub fn cancel_optimize(&self) {
        self.cancel_optimize.store(true, Ordering::SeqCst);
    }

    /// The workspace, or the start-up error every command then reports.
    pub fn workspace(&self) -> Result<&Workspace, IpcError> {
        self.workspace.as_ref().map_err(Clone::clone)
    }
}
