//! The health report: what the app is, where its state lives, and what data and models it has.
//! Behind the `health` command, the status bar and `nfl-dfs-cli health`.

use crate::profile::Profile;
pub use crate::store::status::DataStatus;
use crate::{Error, Result};
use serde::Serialize;
use std::path::Path;
use ts_rs::TS;

/// The app's health at a glance.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct Health {
    /// App version.
    pub app_version: String,
    /// The configuration profile (`NFL_DFS_PROFILE`).
    pub profile: Profile,
    /// The data folder.
    pub data_dir: String,
    /// Whether it is the demo's folder, not the user's own data.
    pub demo: bool,
    /// The database file (or URL when in memory).
    pub database_path: String,
    /// The newest applied migration: the schema version.
    pub schema_version: String,
    /// How many migrations are applied.
    pub migrations_applied: u32,
    /// What data is stored.
    pub data: DataStatus,
    /// What models are available.
    pub models: ModelStatus,
}

/// Which positions have a trained model in the registry.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ModelStatus {
    /// The registry folder.
    pub registry_dir: String,
    /// Positions with at least one trained model version, sorted.
    pub trained_positions: Vec<String>,
}

/// Scans the model registry (`<registry>/<position>/<version>/`).
pub fn model_status(registry_dir: &Path) -> Result<ModelStatus> {
    let mut trained_positions = Vec::new();
    match std::fs::read_dir(registry_dir) {
        Ok(entries) => {
            for entry in entries {
                let entry = entry.map_err(Error::io("reading the model registry", registry_dir))?;
                let has_version = std::fs::read_dir(entry.path())
                    .map(|mut versions| versions.any(|v| v.is_ok_and(|v| v.path().is_dir())))
                    .unwrap_or(false);
                if has_version {
                    trained_positions.push(entry.file_name().to_string_lossy().into_owned());
                }
            }
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
        Err(e) => return Err(Error::io("reading the model registry", registry_dir)(e)),
    }
    trained_positions.sort();
    Ok(ModelStatus {
        registry_dir: registry_dir.display().to_string(),
        trained_positions,
    })
}
