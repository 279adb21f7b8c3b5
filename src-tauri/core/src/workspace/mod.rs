//! [`Workspace`]: one open app instance (data folder + database). The only surface the shell,
//! the CLI and the integration tests call.

mod backtest;
mod backups;
pub mod choices;
mod contest_pick;
mod contests;
pub mod demo_folder;
mod doctor;
mod field_check;
mod lineups;
mod models;
mod monitor;
mod nfl_data;
mod optimize;
mod projections;
pub mod self_tuning;
mod slates;
mod track_record;

pub use backups::RestoreReport;
pub use contest_pick::{
    ContestBacktest, LineupOutcome, LineupPlayer, PickReport, PickRequest, RealFinish,
    SimulatedLineup, SimulationReport, Spread,
};
#[cfg(feature = "test-support")]
pub(crate) use contests::ownership_players;
pub use contests::{ContestEdit, NewContest, OwnershipReport, PlayerOwnership, StandingsReport};
pub use field_check::{FieldCheck, FieldRequest};
pub use lineups::StoredLineups;
pub use models::{ModelCheck, TrainReport, TrainRequest, TrainingRun, MAX_SEARCH_SECONDS};
pub use projections::{PlayerView, SlateProjections, SlateView};
pub use track_record::{RecordRequest, RecordedContest, TrackRecord};

use crate::data_lock::{self, DataLock};
use crate::dk::FileError;
use crate::health::{self, Health};
use crate::paths::DataPaths;
use crate::settings::{self, SettingEntry, SettingSpec, SettingValue, Settings};
use crate::{limits, safe_fs, store, Error, Result, APP_VERSION};
use chrono::Utc;
use std::path::Path;
use std::sync::Arc;

/// Reads a user-chosen input file, refusing folders and oversized files with a clear message.
pub(crate) fn read_input(path: &Path) -> Result<(String, Vec<u8>)> {
    let name = path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    let meta = std::fs::metadata(path)
        .map_err(safe_fs::plainly)
        .map_err(Error::io("reading", path))?;
    if let Some(what) = safe_fs::not_a_file(&meta) {
        return Err(
            FileError::new(&name, None, None, format!("this is {what}, not a CSV file")).into(),
        );
    }
    let bytes = safe_fs::read_file_capped(path, limits::MAX_CSV_FILE_BYTES).map_err(|e| {
        Error::from(FileError::new(
            &name,
            None,
            None,
            format!("{e}; a DraftKings CSV is far smaller"),
        ))
    })?;
    Ok((name, bytes))
}

/// An open data folder and database, migrated to this version's schema.
#[derive(Debug, Clone)]
pub struct Workspace {
    paths: DataPaths,
    db: store::Db,
    cache: Arc<projections::ProjectionCache>,
    /// The data folder held shared while this workspace is open (a restore needs it alone).
    lock: Arc<DataLock>,
    /// Set once the database is closed (by [`Workspace::close`] or a restore that replaced it).
    closed: Arc<std::sync::atomic::AtomicBool>,
    /// Why the latest self-tuning run failed, until one succeeds (the troubleshooter and the
    /// alerts say so).
    self_tune_failure: Arc<std::sync::Mutex<Option<self_tuning::SelfTuneFailure>>>,
}

impl Workspace {
    /// Creates the folders, opens the database and applies pending migrations. A database from a
    /// newer app version is refused unchanged.
    pub async fn open(paths: DataPaths) -> Result<Self> {
        let data_dir = paths.data_dir.clone();
        let lock = data_lock::off_runtime(move || DataLock::shared(&data_dir)).await?;
        // What a restore killed half-way left behind is finished or undone first (no restore
        // runs now: it would hold the folder alone), before the folders are made: a model
        // folder moved aside must find its place free.
        for done in
            crate::backup::clean_leftovers(&paths.models_dir(), paths.database_file.as_deref())
        {
            tracing::warn!("a restore was interrupted: {done}");
        }
        paths.create_all()?;
        // One process migrates at a time; the others wait, then find nothing pending.
        let data_dir = paths.data_dir.clone();
        let migrating =
            data_lock::off_runtime(move || data_lock::MigrationGuard::take(&data_dir)).await?;
        let opened = store::open(&paths).await?;
        if opened.pending > 0 && opened.existing && paths.database_file.is_some() {
            // The schema is about to change: keep the database as it was first.
            crate::backup::snapshot_database(
                &opened.db,
                &paths.backups_dir(),
                crate::backup::BackupReason::BeforeMigration,
                Utc::now(),
            )
            .await?;
        }
        store::migrate(&opened, &paths.database_display()).await?;
        drop(migrating);
        Ok(Self {
            paths,
            db: opened.db,
            cache: Arc::default(),
            lock,
            closed: Arc::default(),
            self_tune_failure: Arc::default(),
        })
    }

    /// Writes the journal into the database file and closes the database (on exit). The file
    /// alone then holds everything, as a copy of it would.
    pub async fn close(&self) -> Result<()> {
        if self.closed.swap(true, std::sync::atomic::Ordering::SeqCst) {
            return Ok(());
        }
        let checkpoint = store::checkpoint(&self.db).await;
        self.db.clone().close().await.ok();
        checkpoint
    }

    /// Records that a restore closed this workspace's database (it replaced the file).
    pub(crate) fn mark_closed(&self) {
        self.closed.store(true, std::sync::atomic::Ordering::SeqCst);
    }

    /// [`Workspace::open`], then SQLite's quick check: a database that opens but is damaged
    /// inside is refused (and closed) with [`Error::DatabaseDamaged`], so the app can offer a
    /// backup at start-up instead of failing later.
    pub async fn open_checked(paths: DataPaths) -> Result<Self> {
        let ws = Self::open(paths).await?;
        let problems = store::integrity_problems(&ws.db, false)
            .await
            .unwrap_or_else(|e| vec![e.to_string()]);
        if problems.is_empty() {
            return Ok(ws);
        }
        ws.db.clone().close().await.ok();
        Err(Error::DatabaseDamaged {
            path: ws.paths.database_display(),
            problems: problems.into_iter().take(3).collect::<Vec<_>>().join("; "),
        })
    }

    /// The data-folder lock this workspace holds (a restore takes it alone).
    pub(crate) fn lock(&self) -> &Arc<DataLock> {
        &self.lock
    }

    /// Checks a file the user asked the app to write before any work whose result goes there:
    /// never onto what the data folder keeps, a symbolic link or a special file
    /// ([`safe_fs::check_user_output`]); returns its folder.
    pub fn check_user_output<'p>(&self, path: &'p Path) -> Result<&'p Path> {
        safe_fs::check_user_output(path, &self.paths.managed())
    }

    /// Writes a file the user asked for, whole or not at all, after
    /// [`Workspace::check_user_output`].
    pub fn write_user_file(&self, path: &Path, bytes: &[u8]) -> Result<()> {
        self.check_user_output(path)?;
        safe_fs::write_atomically(path, bytes)
    }

    /// The paths of this workspace.
    pub fn paths(&self) -> &DataPaths {
        &self.paths
    }

    /// The database connection.
    pub(crate) fn db(&self) -> &store::Db {
        &self.db
    }

    /// What projections reuse between calls while the loaded data stays the same.
    pub(crate) fn cache(&self) -> &projections::ProjectionCache {
        &self.cache
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
            profile: self.paths.profile,
            data_dir: self.paths.data_dir.display().to_string(),
            demo: self.paths.demo,
            database_path: self.paths.database_display(),
            schema_version: schema.version().unwrap_or("none").to_string(),
            migrations_applied: schema.applied.len() as u32,
            data: store::status::data_status(&self.db).await?,
            models: health::model_status(&self.paths.models_dir().join("registry"))?,
        })
    }
}

/// A worker thread's failure as an error.
pub(crate) fn blocking_failed(e: tokio::task::JoinError) -> Error {
    Error::Config(format!("a worker thread failed: {e}"))
}
