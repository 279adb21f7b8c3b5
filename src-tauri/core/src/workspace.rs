//! [`Workspace`]: one open app instance (data folder + database). The only surface the shell,
//! the CLI and the integration tests call.

use crate::data_lock::{self, DataLock};
use crate::dk::{FileError, LineupFile};
use crate::health::{self, Health};
use crate::identity;
use crate::lineup::{
    self, ExportReport, ExportRequest, Lineup, LineupImportReport, NewLineup, ValidationRules,
};
use crate::nflverse::{self, IngestReport, LoadProgress};
use crate::optimizer::{self, LateSwapReport, LateSwapRequest, OptimizeReport, Rules};
use crate::paths::DataPaths;
use crate::settings::{self, SettingEntry, SettingSpec, SettingValue, Settings};
use crate::slate::{self, ImportReport, PlayerFlags, Slate, SlatePlayer, SlateSummary};
use crate::{limits, safe_fs, store, Error, Result, APP_VERSION};
use chrono::Utc;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// Reads a user-chosen input file, refusing folders and oversized files with a clear message.
fn read_input(path: &Path) -> Result<(String, Vec<u8>)> {
    let name = path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    let meta = std::fs::metadata(path).map_err(Error::io("reading", path))?;
    if !meta.is_file() {
        return Err(FileError::new(&name, None, None, "this is a folder, not a CSV file").into());
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
    cache: Arc<crate::model_ops::ProjectionCache>,
    /// The data folder held shared while this workspace is open (a restore needs it alone).
    lock: Arc<DataLock>,
    /// Set once the database is closed (by [`Workspace::close`] or a restore that replaced it).
    closed: Arc<std::sync::atomic::AtomicBool>,
}

impl Workspace {
    /// Creates the folders, opens the database and applies pending migrations. A database from a
    /// newer app version is refused unchanged.
    pub async fn open(paths: DataPaths) -> Result<Self> {
        paths.create_all()?;
        let data_dir = paths.data_dir.clone();
        let lock = data_lock::off_runtime(move || DataLock::shared(&data_dir)).await?;
        let (db, pending) = store::open(&paths).await?;
        if pending > 0 && paths.database_file.is_some() {
            // The schema is about to change: keep the database as it was first.
            crate::backup::snapshot_database(
                &db,
                &paths.backups_dir(),
                crate::backup::BackupReason::BeforeMigration,
                Utc::now(),
            )
            .await?;
        }
        store::migrate(&db, &paths.database_display()).await?;
        Ok(Self {
            paths,
            db,
            cache: Arc::default(),
            lock,
            closed: Arc::default(),
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

    /// The data-folder lock this workspace holds (a restore takes it alone).
    pub(crate) fn lock(&self) -> &Arc<DataLock> {
        &self.lock
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

    /// The paths of this workspace.
    pub fn paths(&self) -> &DataPaths {
        &self.paths
    }

    /// The database connection.
    pub fn db(&self) -> &store::Db {
        &self.db
    }

    /// What projections reuse between calls while the loaded data stays the same.
    pub(crate) fn cache(&self) -> &crate::model_ops::ProjectionCache {
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

    /// Imports a DraftKings salary file from disk (see [`slate::import`]).
    pub async fn import_slate_file(&self, path: &Path, name: Option<&str>) -> Result<ImportReport> {
        let (file_name, bytes) = read_input(path)?;
        self.import_slate(&file_name, &bytes, name).await
    }

    /// Imports a salary file's bytes; `file_name` is recorded and named in errors.
    pub async fn import_slate(
        &self,
        file_name: &str,
        bytes: &[u8],
        name: Option<&str>,
    ) -> Result<ImportReport> {
        slate::import(&self.db, file_name, bytes, name).await
    }

    /// Every imported slate, newest first.
    pub async fn slates(&self) -> Result<Vec<SlateSummary>> {
        slate::list(&self.db).await
    }

    /// One slate with its games and players.
    pub async fn slate(&self, slate_id: i32) -> Result<Slate> {
        slate::load(&self.db, slate_id).await
    }

    /// Sets a slate player's lock, exclude and projection override.
    pub async fn set_player_flags(
        &self,
        slate_player_id: i32,
        flags: &PlayerFlags,
    ) -> Result<SlatePlayer> {
        slate::set_player_flags(&self.db, slate_player_id, flags).await
    }

    /// The rules lineups are validated against (the configured salary cap, no late swap).
    pub async fn lineup_rules(&self) -> Result<ValidationRules> {
        Ok(ValidationRules {
            salary_cap: self.typed_settings().await?.salary_cap,
            late_swap: None,
        })
    }

    /// The stored lineups of a slate.
    pub async fn lineups(&self, slate_id: i32) -> Result<Vec<Lineup>> {
        let slate = self.slate(slate_id).await?;
        lineup::list(&self.db, &slate).await
    }

    /// Validates and stores lineups of a slate; returns their ids.
    pub async fn save_lineups(
        &self,
        slate_id: i32,
        lineups: &[NewLineup],
        source: &str,
    ) -> Result<Vec<i32>> {
        let slate = self.slate(slate_id).await?;
        let rules = self.lineup_rules().await?;
        Ok(lineup::save(&self.db, &slate, lineups, source, &rules)
            .await?
            .ids)
    }

    /// Reads the lineups of an upload or entries file and stores them for the slate.
    pub async fn import_lineups_file(
        &self,
        slate_id: i32,
        path: &Path,
    ) -> Result<LineupImportReport> {
        let (file_name, bytes) = read_input(path)?;
        let file = LineupFile::parse(&file_name, &bytes)?;
        let slate = self.slate(slate_id).await?;
        let rules = self.lineup_rules().await?;
        let lineups = lineup::read_file(&slate, &file, &rules)?;
        let source = format!("import:{file_name}");
        let saved = lineup::save(&self.db, &slate, &lineups, &source, &rules).await?;
        Ok(LineupImportReport {
            already_stored: saved.ids.len() as u32 - saved.added,
            lineup_ids: saved.ids,
            added: saved.added,
        })
    }

    /// Writes an upload file, or fills an entries file, with lineups of a slate. Every lineup is
    /// validated first; the output file is written whole or not at all.
    pub async fn export_lineups(&self, request: &ExportRequest) -> Result<ExportReport> {
        let slate = self.slate(request.slate_id).await?;
        let stored = lineup::list(&self.db, &slate).await?;
        let lineups: Vec<Lineup> = match &request.lineup_ids {
            None => stored,
            Some(ids) => {
                ids.iter()
                    .map(|id| {
                        stored.iter().find(|l| l.id == *id).cloned().ok_or_else(|| {
                            Error::NotFound {
                                what: "lineup of this slate",
                                id: id.to_string(),
                            }
                        })
                    })
                    .collect::<Result<_>>()?
            }
        };
        let entries = match &request.entries {
            None => None,
            Some(path) => {
                let (file_name, bytes) = read_input(Path::new(path))?;
                Some(LineupFile::parse(&file_name, &bytes)?)
            }
        };
        let rules = self.lineup_rules().await?;
        let as_of = request.as_of.unwrap_or_else(Utc::now);
        let (bytes, mut report) =
            lineup::export(&slate, &lineups, entries.as_ref(), &rules, as_of)?;
        let out = Path::new(&request.out);
        safe_fs::write_atomically(out, &bytes)?;
        report.path = out.display().to_string();
        tracing::info!(slate = slate.summary.id, path = %report.path, lineups = report.lineups_written, "lineups exported");
        Ok(report)
    }

    /// Builds lineups for a slate with the optimizer (off the async runtime's threads) and
    /// stores them (source `optimizer`). The salary cap comes from the settings.
    /// `projections` overrides players' projections by slate-player id (when empty, the
    /// production models' projections are used for players without the user's override); `on_progress(done, total)`
    /// reports progress and returns false to stop early.
    pub async fn optimize(
        &self,
        slate_id: i32,
        rules: Rules,
        projections: HashMap<i32, f64>,
        on_progress: impl FnMut(usize, usize) -> bool + Send + 'static,
    ) -> Result<OptimizeReport> {
        let projections = if projections.is_empty() {
            self.optimizer_projections(slate_id).await?
        } else {
            projections
        };
        let slate = self.slate(slate_id).await?;
        let rules = Rules {
            salary_cap: self.typed_settings().await?.salary_cap,
            ..rules
        };
        let (slate, run) = tokio::task::spawn_blocking(move || {
            let run = optimizer::optimize(&slate, &projections, &rules, on_progress);
            (slate, run)
        })
        .await
        .map_err(|e| Error::Solver(format!("the optimizer thread failed: {e}")))?;
        let run = run?;
        let lineups: Vec<NewLineup> = run
            .lineups
            .iter()
            .map(|built| NewLineup {
                players: built
                    .players
                    .clone()
                    .try_into()
                    .expect("the optimizer returns nine players"),
                projected_points: Some(built.points),
            })
            .collect();
        let rules = self.lineup_rules().await?;
        let saved = lineup::save(&self.db, &slate, &lineups, "optimizer", &rules).await?;
        Ok(OptimizeReport {
            run,
            lineup_ids: saved.ids,
        })
    }

    /// Late swap: re-optimises every entry of a DraftKings entries file at `request.as_of`
    /// (default now), keeping started and locked players in their slots, and writes the filled
    /// entries file (nothing is written when no entry can be re-optimised). The salary cap comes
    /// from the settings; projections as in [`Workspace::optimize`].
    pub async fn late_swap(
        &self,
        request: &LateSwapRequest,
        projections: HashMap<i32, f64>,
    ) -> Result<LateSwapReport> {
        let projections = if projections.is_empty() {
            self.optimizer_projections(request.slate_id).await?
        } else {
            projections
        };
        let slate = self.slate(request.slate_id).await?;
        let (file_name, bytes) = read_input(Path::new(&request.entries))?;
        let file = LineupFile::parse(&file_name, &bytes)?;
        let rules = Rules {
            salary_cap: self.typed_settings().await?.salary_cap,
            ..request.rules.clone()
        };
        let as_of = request.as_of.unwrap_or_else(Utc::now);
        let (file, run) = tokio::task::spawn_blocking(move || {
            let run = optimizer::late_swap(&slate, &projections, &rules, &file, as_of);
            (file, run)
        })
        .await
        .map_err(|e| Error::Solver(format!("the optimizer thread failed: {e}")))?;
        let run = run?;
        if run.fills.is_empty() {
            let reasons: Vec<String> = run
                .entries
                .iter()
                .map(|e| {
                    format!(
                        "entry {} (line {}): {}",
                        e.entry_id,
                        e.line,
                        e.reason.as_deref().unwrap_or("nothing to do")
                    )
                })
                .collect();
            return Err(Error::InvalidInput(format!(
                "No entry of {} could be re-optimised: {}",
                file.file,
                if reasons.is_empty() {
                    "it has no entry rows".into()
                } else {
                    reasons.join("; ")
                }
            )));
        }
        let out = Path::new(&request.out);
        safe_fs::write_atomically(out, &file.filled(&run.fills))?;
        tracing::info!(slate = request.slate_id, path = %out.display(), entries = run.fills.len(), "late swap written");
        Ok(LateSwapReport {
            path: out.display().to_string(),
            entries: run.entries,
            seconds: run.seconds,
        })
    }

    /// Loads nflverse files and folders (every `.csv`/`.csv.gz` of a folder), each file in its
    /// own transaction. A refused file is reported with its reason (file, line, column) and the
    /// others still load. `on_progress` hears bytes and rows and returns false to cancel.
    pub async fn ingest_paths(
        &self,
        paths: &[impl AsRef<Path>],
        on_progress: impl Fn(&LoadProgress) -> bool + Send + Sync + 'static,
    ) -> Result<IngestReport> {
        let paths: Vec<PathBuf> = paths.iter().map(|p| p.as_ref().to_path_buf()).collect();
        nflverse::load_paths(&self.db, &paths, Arc::new(on_progress)).await
    }

    /// Downloads nflverse files from the `nfl_data_url` setting through the cache folder (kept
    /// for `cache_ttl_secs`) and loads them: `games.csv`, then per season weekly player and team
    /// stats, rosters, injuries, snap counts and, with `play_by_play`, play-by-play. `seasons`
    /// defaults to the last `nfl_seasons` seasons up to today's.
    pub async fn download_nfl(
        &self,
        seasons: Option<Vec<i32>>,
        play_by_play: bool,
        on_progress: impl Fn(&LoadProgress) -> bool + Send + Sync + 'static,
    ) -> Result<IngestReport> {
        let settings = self.typed_settings().await?;
        let seasons = match seasons {
            Some(s) if !s.is_empty() => {
                s.iter()
                    .try_for_each(|season| nflverse::check_season(*season))?;
                s
            }
            _ => nflverse::recent_seasons(Utc::now().date_naive(), settings.nfl_seasons),
        };
        let fetcher = self.fetcher(&settings)?;
        let files = nflverse::remote_files(&settings.nfl_data_url, &seasons, play_by_play);
        tracing::info!(?seasons, play_by_play, base = %settings.nfl_data_url, "downloading nflverse data");
        nflverse::download(&self.db, &fetcher, &files, Arc::new(on_progress)).await
    }

    /// The scheduled refresh, called periodically while the app runs: once the data refresh
    /// interval has passed since the last download or check (and only for users who downloaded
    /// before), downloads the current season's files and `games.csv` again through the cache.
    /// Files identical to the last load are skipped. `None` when no refresh was due.
    pub async fn scheduled_refresh(
        &self,
        schedule: &mut nflverse::RefreshSchedule,
    ) -> Result<Option<IngestReport>> {
        let interval = self.typed_settings().await?.data_refresh_interval_secs;
        let now = Utc::now();
        let last = self.last_nfl_download().await?;
        if !nflverse::refresh_due(last, schedule.last_check, now, interval) {
            return Ok(None);
        }
        schedule.last_check = Some(now);
        let season = nflverse::season_of(now.date_naive());
        tracing::info!(season, "scheduled NFL data refresh");
        self.download_nfl(Some(vec![season]), false, |_| true)
            .await
            .map(Some)
    }

    /// When NFL data was last downloaded, if ever (scheduled refreshes only run after one).
    pub async fn last_nfl_download(&self) -> Result<Option<chrono::DateTime<Utc>>> {
        nflverse::last_download(&self.db).await
    }

    fn fetcher(&self, settings: &Settings) -> Result<nflverse::Fetcher> {
        nflverse::Fetcher::new(
            &self.paths.cache_dir().join("nflverse"),
            std::time::Duration::from_secs(u64::from(settings.cache_ttl_secs)),
        )
    }

    /// Every player's and DST's DraftKings points of a week.
    pub async fn week_points(&self, season: i32, week: i32) -> Result<nflverse::WeekPoints> {
        nflverse::check_week(season, week)?;
        nflverse::week_points(&self.db, season, week).await
    }

    /// Up to 20 NFL players whose name contains `query`.
    pub async fn search_nfl_players(&self, query: &str) -> Result<Vec<nflverse::NflPlayerSummary>> {
        nflverse::search_players(&self.db, query).await
    }

    /// Per season, what NFL data is loaded.
    pub async fn nfl_seasons(&self) -> Result<Vec<nflverse::SeasonData>> {
        nflverse::seasons(&self.db).await
    }

    /// Matches every player of a slate to an NFL player (stored on the slate players).
    pub async fn match_slate(&self, slate_id: i32) -> Result<identity::SlateMatches> {
        let slate = self.slate(slate_id).await?;
        identity::match_slate(&self.db, &slate).await
    }

    /// Links a slate player to an NFL player by hand; the link is reused on later slates.
    pub async fn link_player(
        &self,
        slate_id: i32,
        slate_player_id: i32,
        gsis_id: &str,
    ) -> Result<()> {
        let slate = self.slate(slate_id).await?;
        identity::link(&self.db, &slate, slate_player_id, gsis_id).await
    }

    /// The slate-player ids of DraftKings IDs on a slate; an unknown ID is refused by name.
    pub async fn slate_player_ids(&self, slate_id: i32, dk_ids: &[i64]) -> Result<Vec<i32>> {
        let slate = self.slate(slate_id).await?;
        dk_ids
            .iter()
            .map(|dk_id| {
                slate.player_by_dk_id(*dk_id).map(|p| p.id).ok_or_else(|| {
                    Error::InvalidInput(format!(
                        "No player with DraftKings ID {dk_id} on slate '{}'.",
                        slate.summary.name
                    ))
                })
            })
            .collect()
    }

    /// Reads a projections file (`ID,Projection`) for a slate.
    pub async fn read_projections(&self, slate_id: i32, path: &Path) -> Result<HashMap<i32, f64>> {
        let (file_name, bytes) = read_input(path)?;
        let slate = self.slate(slate_id).await?;
        Ok(optimizer::projection_file::read(
            &file_name, &bytes, &slate,
        )?)
    }

    /// Deletes lineups by id; returns how many were deleted.
    pub async fn delete_lineups(&self, ids: &[i32]) -> Result<u64> {
        lineup::delete(&self.db, ids).await
    }

    /// The health report.
    pub async fn health(&self) -> Result<Health> {
        let schema = store::schema_state(&self.db).await?;
        Ok(Health {
            app_version: APP_VERSION.to_string(),
            profile: self.paths.profile,
            data_dir: self.paths.data_dir.display().to_string(),
            database_path: self.paths.database_display(),
            schema_version: schema.version().unwrap_or("none").to_string(),
            migrations_applied: schema.applied.len() as u32,
            data: health::data_status(&self.db).await?,
            models: health::model_status(&self.paths.models_dir().join("registry"))?,
        })
    }
}
