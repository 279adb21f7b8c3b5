//! [`Workspace`] demo: a folder laid out like the repository's `data/` and `models/` (the
//! generated salary file, NFL history and baseline models) loaded into this workspace, so a
//! new user can explore the app at its best before loading real data. The app opens it in its
//! own data folder ([`crate::paths::DataPaths::demo`]).

use super::Workspace;
use crate::paths::DataPaths;
use crate::{safe_fs, Error, Result};
use serde::Serialize;
use std::path::Path;
use ts_rs::TS;

/// The folder inside the demo's data folder its files are written to.
const DEMO_FILES: &str = "demo-files";

/// The demo's salary file inside the demo folder.
pub const DEMO_SLATE: &str = "DKSalaries-demo.csv";
/// The demo's NFL history folder inside the demo folder.
pub const DEMO_HISTORY: &str = "nflverse-demo";
/// The demo's baseline models folder inside the demo folder.
pub const DEMO_MODELS: &str = "models";

/// What loading the demo did.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct DemoReport {
    /// The demo slate.
    pub slate_id: i32,
    /// NFL history files loaded.
    pub nfl_files: u32,
    /// Model versions installed (none when they were installed before).
    pub models: Vec<String>,
}

impl Workspace {
    /// Opens the demo: writes `files` (path inside the demo folder, bytes: the files the app
    /// embeds) into `paths`' data folder, opens a workspace there and loads the demo into it.
    /// A file name whose parts are not plain names (`..`, an absolute path) is refused.
    pub async fn open_demo(
        paths: DataPaths,
        files: &[(&str, &[u8])],
    ) -> Result<(Workspace, DemoReport)> {
        let folder = paths.data_dir.join(DEMO_FILES);
        for (name, bytes) in files {
            // Every component a checked name: the file stays inside the folder.
            let mut path = folder.clone();
            for part in name.split('/') {
                path = safe_fs::child(&path, "demo file name", part)?;
            }
            if let Some(parent) = path.parent() {
                std::fs::create_dir_all(parent).map_err(Error::io("creating", parent))?;
            }
            safe_fs::write_atomically(&path, bytes)?;
        }
        let ws = Workspace::open(paths).await?;
        let report = ws.load_demo(&folder).await?;
        Ok((ws, report))
    }

    /// Loads the demo from `folder` (`DKSalaries-demo.csv`, `nflverse-demo/`, `models/`):
    /// imports the slate, loads the history and installs the baseline models. Loading it again
    /// changes nothing; a missing or malformed file fails naming it.
    pub async fn load_demo(&self, folder: &Path) -> Result<DemoReport> {
        let slate = self
            .import_slate_file(&folder.join(DEMO_SLATE), Some("Demo slate"))
            .await?;
        let history = self
            .ingest_paths(&[folder.join(DEMO_HISTORY)], |_| true)
            .await?;
        if let Some(refused) = history.refused.first() {
            return Err(Error::InvalidInput(format!(
                "the demo history was refused: {refused}"
            )));
        }
        let models = self.install_models(&folder.join(DEMO_MODELS)).await?;
        Ok(DemoReport {
            slate_id: slate.slate.id,
            nfl_files: history.files.len() as u32,
            models,
        })
    }
}
