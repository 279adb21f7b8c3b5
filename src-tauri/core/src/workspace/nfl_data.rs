//! NFL data: loading files and downloads, the scheduled refresh, and what is loaded.

use super::Workspace;
use crate::nflverse::{IngestReport, LoadProgress};
use crate::settings::Settings;
use crate::{nflverse, store, Result};
use chrono::Utc;
use std::path::{Path, PathBuf};
use std::sync::Arc;

impl Workspace {
    /// Loads nflverse files and folders (every `.csv`/`.csv.gz` of a folder and its subfolders),
    /// each file in its own transaction. A refused file is reported with its reason (file,
    /// line, column) and the others still load; a folder's file that is not nflverse data is
    /// left alone and listed. `on_progress` hears bytes and rows and returns false to cancel.
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
        store::ingests::last_download(&self.db).await
    }

    pub(crate) fn fetcher(&self, settings: &Settings) -> Result<nflverse::Fetcher> {
        nflverse::Fetcher::new(
            &self.paths.cache_dir().join("nflverse"),
            std::time::Duration::from_secs(u64::from(settings.cache_ttl_secs)),
        )
    }

    /// Every player's and DST's DraftKings points of a week.
    pub async fn week_points(&self, season: i32, week: i32) -> Result<nflverse::WeekPoints> {
        nflverse::check_week(season, week)?;
        store::nfl_queries::week_points(&self.db, season, week).await
    }

    /// Up to 20 NFL players whose name contains `query`.
    pub async fn search_nfl_players(&self, query: &str) -> Result<Vec<nflverse::NflPlayerSummary>> {
        store::nfl_queries::search_players(&self.db, query).await
    }

    /// Per season, what NFL data is loaded.
    pub async fn nfl_seasons(&self) -> Result<Vec<nflverse::SeasonData>> {
        store::nfl_queries::seasons(&self.db).await
    }
}
