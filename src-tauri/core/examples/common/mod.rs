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

/// The real slates of ../shared/data whose week has player stats: file, season, week.
#[allow(dead_code)] // not every example uses it
pub const SLATES_WITH_POINTS: [(&str, i32, i32); 11] = [
    ("2018_w05_sun_10-07_main.csv", 2018, 5),
    ("2018_w07_sun_10-21.csv", 2018, 7),
    ("2018_w08_sun_10-28.csv", 2018, 8),
    ("2018_w10_sun_11-11.csv", 2018, 10),
    ("2018_w11_sun_11-18.csv", 2018, 11),
    ("2019_w01_thu-mon_09-05_09-09.csv", 2019, 1),
    ("2019_w03_sun_09-22.csv", 2019, 3),
    ("2020_w10_sun_11-15.csv", 2020, 10),
    ("2020_w16_sun_12-27.csv", 2020, 16),
    ("2021_w05_sun_10-10.csv", 2021, 5),
    ("2022_w01_sun_09-11.csv", 2022, 1),
];

/// A workspace in a temporary folder (removed when the first value drops) with games.csv, the
/// 2018-2022 weekly player and team stats, snap counts and the player-id crosswalk
/// (PFR to GSIS ids, for the snap counts) of `data` loaded.
#[allow(dead_code)] // not every example uses every loader
pub async fn real_seasons(data: &Path) -> (tempfile::TempDir, Workspace) {
    load(data, false, LeftOut::NONE).await
}

/// What a bench leaves out of the history it loads, as a failed refresh, a partial file or
/// seasons never loaded leave it.
#[derive(Debug, Clone, Copy, Default)]
pub struct LeftOut {
    /// Player stats and snap counts of these weeks: season, first week, last week.
    pub weeks: &'static [(i32, i32, i32)],
    /// The injury reports of these seasons (a user who last loaded data seasons ago has none).
    pub reports: &'static [i32],
}

impl LeftOut {
    /// Nothing left out.
    pub const NONE: LeftOut = LeftOut {
        weeks: &[],
        reports: &[],
    };
}

/// A workspace in a temporary folder with everything a user can load from `data` for
/// 2018-2022: what [`real_seasons`] loads, plus the season rosters, the weekly injury
/// reports and the weekly depth charts, less what `left_out` names.
#[allow(dead_code)] // not every example uses every loader
pub async fn full_history(data: &Path, left_out: LeftOut) -> (tempfile::TempDir, Workspace) {
    load(data, true, left_out).await
}

/// The DraftKings points each player of a slate scored, by slate-player id (0 for a player who
/// did not play).
#[allow(dead_code)] // not every example uses it
pub async fn actual_points(ws: &Workspace, slate_id: i32) -> std::collections::HashMap<i32, f64> {
    ws.backtest(slate_id)
        .await
        .expect("backtest")
        .players
        .iter()
        .map(|p| (p.slate_player_id, p.actual.unwrap_or(0.0)))
        .collect()
}

/// The history a user can load from `data` for 2018-2022 ([`full_history`]), read into memory.
#[allow(dead_code)] // not every example uses every loader
pub async fn loaded_history(
    data: &Path,
) -> (
    tempfile::TempDir,
    nfl_dfs_core::projection::history::History,
) {
    let (dir, ws) = full_history(data, LeftOut::NONE).await;
    let history =
        nfl_dfs_core::test_support::load_history(nfl_dfs_core::test_support::database(&ws))
            .await
            .expect("history");
    (dir, history)
}

async fn load(
    data: &Path,
    rosters_and_injuries: bool,
    left_out: LeftOut,
) -> (tempfile::TempDir, Workspace) {
    let nfl = data.join("nflverse");
    let dir = tempfile::tempdir().expect("a temporary folder");
    let ws = Workspace::open(DataPaths::in_folder(dir.path().join("app")))
        .await
        .expect("a workspace");
    let mut files = vec![
        nfl.join("schedules/games.csv"),
        nfl.join("ids/ff_playerids_2025.csv"),
    ];
    for season in 2018..=2022 {
        for (folder, name) in [
            ("player_stats_weekly", format!("player_stats_{season}.csv")),
            ("snap_counts", format!("snap_counts_{season}.csv")),
        ] {
            let path = nfl.join(folder).join(&name);
            let cut: Vec<(i32, i32)> = left_out
                .weeks
                .iter()
                .filter(|(s, _, _)| *s == season)
                .map(|&(_, first, last)| (first, last))
                .collect();
            files.push(if cut.is_empty() {
                path
            } else {
                let copy = dir.path().join(&name);
                without_weeks(&path, &copy, &cut);
                copy
            });
        }
        files.push(nfl.join(format!("team_stats_weekly/stats_team_week_{season}.csv")));
        if rosters_and_injuries {
            files.push(nfl.join(format!("rosters/roster_{season}.csv")));
            if !left_out.reports.contains(&season) {
                files.push(nfl.join(format!("injuries/injuries_{season}.csv")));
            }
            files.push(nfl.join(format!("depth_charts/depth_charts_{season}.csv")));
        }
    }
    ws.ingest_paths(&files, |_| true)
        .await
        .expect("real files load");
    (dir, ws)
}

/// Copies a CSV with a `week` column, leaving out the rows of the `weeks` (first, last).
fn without_weeks(from: &Path, to: &Path, weeks: &[(i32, i32)]) {
    let mut reader = csv::Reader::from_path(from).expect("a readable CSV");
    let headers = reader.headers().expect("a header").clone();
    let at = headers
        .iter()
        .position(|h| h == "week")
        .expect("a week column");
    let mut writer = csv::Writer::from_path(to).expect("a writable copy");
    writer.write_record(&headers).expect("written");
    for record in reader.records() {
        let record = record.expect("a record");
        let kept = |w: i32| {
            !weeks
                .iter()
                .any(|(first, last)| (*first..=*last).contains(&w))
        };
        if record[at].parse::<i32>().is_ok_and(kept) {
            writer.write_record(&record).expect("written");
        }
    }
    writer.flush().expect("flushed");
}
