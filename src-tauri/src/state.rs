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
    /// Set to stop the NFL data load (files or download) in progress.
    cancel_load: Arc<AtomicBool>,
}

impl AppState {
    /// Wraps the result of opening the workspace at start-up.
    pub fn new(workspace: nfl_dfs_core::Result<Workspace>) -> Self {
        Self {
            workspace: workspace.map_err(IpcError::from),
            cancel_optimize: Arc::new(AtomicBool::new(false)),
            cancel_load: Arc::new(AtomicBool::new(false)),
        }
    }

    /// A fresh cancel flag for a new NFL data load (clears an earlier request).
    pub fn start_load(&self) -> Arc<AtomicBool> {
        self.cancel_load.store(false, Ordering::SeqCst);
        Arc::clone(&self.cancel_load)
    }

    /// Asks the NFL data load in progress to stop; files already stored are kept.
    pub fn cancel_load(&self) {
        self.cancel_load.store(true, Ordering::SeqCst);
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
