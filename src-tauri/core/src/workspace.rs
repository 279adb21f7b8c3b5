//! [`Workspace`]: one open app instance (data folder + database). The only surface the shell,
//! the CLI and the integration tests call.

use crate::health::{self, Health};
use crate::paths::DataPaths;
use crate::settings::{self, SettingEntry, SettingSpec, SettingValue, Settings};
use crate::{store, Result, APP_VERSION};
use sea_orm::DatabaseConnection;

/// An open data folder and database, migrated to this version's schema.
#[derive(Debug, Clone)]
pub struct Workspace {
    paths: DataPaths,
    db: DatabaseConnection,
}

impl Workspace {
    /// Creates the folders, opens the database and applies pending migrations. A database from a
    /// newer app version is refused unchanged.
    pub async fn open(paths: DataPaths) -> Result<Self> {
        paths.create_all()?;
        let db = store::open(&paths).await?;
        Ok(Self { paths, db })
    }

    /// The paths of this workspace.
    pub fn paths(&self) -> &DataPaths {
        &self.paths
    }

    /// The database connection.
    pub fn db(&self) -> &DatabaseConnection {
        &self.db
    }

    /// Every setting with its effective value and source.
    pub async fn settings(&self) -> Result<Vec<SettingEntry>> {
        let stored = settings::load_stored(&self.db).await?;
        settings::resolve(&stored, |name| std::env::var(name).ok())
    }

    /// The effective settings, typed.
    pub async fn typed_settings(&self) -> Result<Settings> {
        Ok(Settings::from_entries(&self.settings().await?))
    }

    /// One setting by key.
    pub async fn setting(&self, key: &str) -> Result<SettingEntry> {
        SettingSpec::find(key)?;
        Ok(self
            .settings()
            .await?
            .into_iter()
            .find(|e| e.key == key)
            .expect("every spec resolves to an entry"))
    }

    /// Validates and stores a value; returns the setting as it now resolves.
    pub async fn set_setting(&self, key: &str, value: SettingValue) -> Result<SettingEntry> {
        settings::store(&self.db, key, value).await?;
        self.setting(key).await
    }

    /// Validates and stores a value written as text (the CLI's form).
    pub async fn set_setting_text(&self, key: &str, text: &str) -> Result<SettingEntry> {
        let value = SettingSpec::find(key)?.parse(text)?;
        self.set_setting(key, value).await
    }

    /// The health report.
    pub async fn health(&self) -> Result<Health> {
        let schema = store::schema_state(&self.db).await?;
        Ok(Health {
            app_version: APP_VERSION.to_string(),
            data_dir: self.paths.data_dir.display().to_string(),
            database_path: self.paths.database_display(),
            schema_version: schema.version().unwrap_or("none").to_string(),
            migrations_applied: schema.applied.len() as u32,
            data: health::data_status(&self.db).await?,
            models: health::model_status(&self.paths.models_dir().join("registry"))?,
        })
    }
}
