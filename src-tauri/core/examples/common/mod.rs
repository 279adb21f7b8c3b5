//! What the timing examples share: the data folder argument and a workspace in a temporary
//! folder holding the real seasons.

use nfl_dfs_core::paths::DataPaths;
use nfl_dfs_core::Workspace;
use std::path::{Path, PathBuf};

/// The shared data folder: the first argument, default ../shared/data.
pub fn data_dir() -> PathBuf {
    PathBuf::from(
        std::env::args()
            .nth(1)
            .unwrap_or_else(|| "../shared/data".into()),
    )
}

/// A workspace in a temporary folder (removed when the first value drops) with games.csv, the
/// 2018-2022 weekly player and team stats, snap counts and the player-id crosswalk
/// (PFR to GSIS ids, for the snap counts) of `data` loaded.
pub async fn real_seasons(data: &Path) -> (tempfile::TempDir, Workspace) {
    let nfl = data.join("nflverse");
    let dir = tempfile::tempdir().expect("a temporary folder");
    let ws = Workspace::open(DataPaths::in_folder(dir.path()))
        .await
        .expect("a workspace");
    let mut files = vec![
        nfl.join("schedules/games.csv"),
        nfl.join("ids/ff_playerids_2025.csv"),
    ];
    for season in 2018..=2022 {
        files.push(nfl.join(format!("player_stats_weekly/player_stats_{season}.csv")));
        files.push(nfl.join(format!("team_stats_weekly/stats_team_week_{season}.csv")));
        files.push(nfl.join(format!("snap_counts/snap_counts_{season}.csv")));
    }
    ws.ingest_paths(&files, |_| true)
        .await
        .expect("real files load");
    (dir, ws)
}
