//! State the shell keeps for the window: the open [`Workspace`] (or why it could not be
//! opened), the data folder, the [`Monitor`] and the cancel flags. A restore swaps the
//! workspace; every command takes it through [`AppState::workspace`], which also times the
//! command for the monitor.

use crate::error::IpcError;
use nfl_dfs_core::monitor::Monitor;
use nfl_dfs_core::paths::DataPaths;
use nfl_dfs_core::Workspace;
use std::ops::Deref;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, RwLock};
use std::time::Instant;

/// The app's managed state.
pub struct AppState {
    paths: Result<DataPaths, IpcError>,
    workspace: RwLock<Result<Workspace, IpcError>>,
    monitor: Arc<Monitor>,
    /// Set to stop the optimizer run in progress.
    cancel_optimize: Arc<AtomicBool>,
    /// Set to stop the NFL data load (files or download) in progress.
    cancel_load: Arc<AtomicBool>,
    /// Set to stop the contest pick in progress.
    cancel_pick: Arc<AtomicBool>,
}

/// The workspace for one command; records the command's time in the monitor when dropped
/// (at the end of the command).
pub struct Timed {
    workspace: Workspace,
    monitor: Arc<Monitor>,
    command: &'static str,
    started: Instant,
}

impl Deref for Timed {
    type Target = Workspace;

    fn deref(&self) -> &Workspace {
        &self.workspace
    }
}

impl Drop for Timed {
    fn drop(&mut self) {
        self.monitor.record(self.command, self.started.elapsed());
    }
}

impl AppState {
    /// Wraps the data folder and the result of opening the workspace at start-up.
    pub fn new(
        paths: nfl_dfs_core::Result<DataPaths>,
        workspace: nfl_dfs_core::Result<Workspace>,
    ) -> Self {
        Self {
            paths: paths.map_err(IpcError::from),
            workspace: RwLock::new(workspace.map_err(IpcError::from)),
            monitor: Arc::default(),
            cancel_optimize: Arc::new(AtomicBool::new(false)),
            cancel_load: Arc::new(AtomicBool::new(false)),
            cancel_pick: Arc::new(AtomicBool::new(false)),
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

    /// A fresh cancel flag for a new contest pick (clears an earlier request).
    pub fn start_pick(&self) -> Arc<AtomicBool> {
        self.cancel_pick.store(false, Ordering::SeqCst);
        Arc::clone(&self.cancel_pick)
    }

    /// Asks the contest pick in progress to stop.
    pub fn cancel_pick(&self) {
        self.cancel_pick.store(true, Ordering::SeqCst);
    }

    /// Asks the optimizer run in progress to stop after its current lineup.
    pub fn cancel_optimize(&self) {
        self.cancel_optimize.store(true, Ordering::SeqCst);
    }

    /// The workspace for `command` (timed until the returned guard drops), or the start-up
    /// error every command then reports.
    pub fn workspace(&self, command: &'static str) -> Result<Timed, IpcError> {
        Ok(Timed {
            workspace: self.current()?,
            monitor: Arc::clone(&self.monitor),
            command,
            started: Instant::now(),
        })
    }

    /// The workspace, untimed (background work).
    pub fn current(&self) -> Result<Workspace, IpcError> {
        self.workspace.read().expect("workspace lock").clone()
    }

    /// Replaces the workspace (after a restore).
    pub fn replace(&self, workspace: Workspace) {
        *self.workspace.write().expect("workspace lock") = Ok(workspace);
    }

    /// The data folder, or why it could not be resolved.
    pub fn paths(&self) -> Result<&DataPaths, IpcError> {
        self.paths.as_ref().map_err(Clone::clone)
    }

    /// The monitor.
    pub fn monitor(&self) -> &Arc<Monitor> {
        &self.monitor
    }
}
