//! Where nflverse publishes its files: the release-download folders under one base address
//! (the `nfl_data_url` setting), and which seasons a download covers.

use chrono::NaiveDate;
pub use nfl_dfs_domain::nflverse::season_of;

/// The nflverse-data release downloads.
pub const DEFAULT_DATA_URL: &str = "https://github.com/nflverse/nflverse-data/releases/download";

/// One file to download.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RemoteFile {
    /// Its full address.
    pub url: String,
    /// Its file name (shown in progress and stored as the ingest's file).
    pub name: String,
}

impl RemoteFile {
    fn new(base: &str, folder: &str, name: String) -> RemoteFile {
        RemoteFile {
            url: format!("{}/{folder}/{name}", base.trim_end_matches('/')),
            name,
        }
    }
}

/// The files of a download, in load order: the schedule first (DST points need the scores),
/// then per season weekly player and team stats, rosters, injuries, snap counts, depth charts,
/// PFR's advanced
/// weekly stats (passing, rushing, receiving), Next Gen Stats and, when asked, play-by-play
/// (about 30 MB a season compressed).
pub fn remote_files(base: &str, seasons: &[i32], play_by_play: bool) -> Vec<RemoteFile> {
    let mut files = vec![RemoteFile::new(base, "schedules", "games.csv".into())];
    for season in seasons {
        files.extend([
            RemoteFile::new(
                base,
                "stats_player",
                format!("stats_player_week_{season}.csv"),
            ),
            RemoteFile::new(base, "stats_team", format!("stats_team_week_{season}.csv")),
            RemoteFile::new(base, "rosters", format!("roster_{season}.csv")),
            RemoteFile::new(base, "injuries", format!("injuries_{season}.csv")),
            RemoteFile::new(base, "snap_counts", format!("snap_counts_{season}.csv")),
            RemoteFile::new(base, "depth_charts", format!("depth_charts_{season}.csv")),
        ]);
        for kind in ["pass", "rush", "rec"] {
            files.push(RemoteFile::new(
                base,
                "pfr_advstats",
                format!("advstats_week_{kind}_{season}.csv"),
            ));
        }
        for kind in ["passing", "receiving", "rushing"] {
            files.push(RemoteFile::new(
                base,
                "nextgen_stats",
                format!("ngs_{season}_{kind}.csv.gz"),
            ));
        }
        if play_by_play {
            files.push(RemoteFile::new(
                base,
                "pbp",
                format!("play_by_play_{season}.csv.gz"),
            ));
        }
    }
    files
}

/// The last `count` seasons up to the one of `today`, oldest first.
pub fn recent_seasons(today: NaiveDate, count: u32) -> Vec<i32> {
    let last = season_of(today);
    (last + 1 - count.max(1) as i32..=last).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn seasons_turn_over_in_september() {
        assert_eq!(season_of(day(2026, 11, 28)), 2026);
        assert_eq!(season_of(day(2027, 2, 10)), 2026);
        assert_eq!(season_of(day(2027, 8, 31)), 2026);
        assert_eq!(season_of(day(2027, 9, 1)), 2027);
        assert_eq!(recent_seasons(day(2026, 11, 28), 3), vec![2024, 2025, 2026]);
        assert_eq!(recent_seasons(day(2026, 11, 28), 0), vec![2026]);
    }

    #[test]
    fn addresses_follow_the_release_folders() {
        let files = remote_files("http://127.0.0.1:9/dl/", &[2024], true);
        let urls: Vec<&str> = files.iter().map(|f| f.url.as_str()).collect();
        assert_eq!(
            urls,
            [
                "http://127.0.0.1:9/dl/schedules/games.csv",
                "http://127.0.0.1:9/dl/stats_player/stats_player_week_2024.csv",
                "http://127.0.0.1:9/dl/stats_team/stats_team_week_2024.csv",
                "http://127.0.0.1:9/dl/rosters/roster_2024.csv",
                "http://127.0.0.1:9/dl/injuries/injuries_2024.csv",
                "http://127.0.0.1:9/dl/snap_counts/snap_counts_2024.csv",
                "http://127.0.0.1:9/dl/depth_charts/depth_charts_2024.csv",
                "http://127.0.0.1:9/dl/pfr_advstats/advstats_week_pass_2024.csv",
                "http://127.0.0.1:9/dl/pfr_advstats/advstats_week_rush_2024.csv",
                "http://127.0.0.1:9/dl/pfr_advstats/advstats_week_rec_2024.csv",
                "http://127.0.0.1:9/dl/nextgen_stats/ngs_2024_passing.csv.gz",
                "http://127.0.0.1:9/dl/nextgen_stats/ngs_2024_receiving.csv.gz",
                "http://127.0.0.1:9/dl/nextgen_stats/ngs_2024_rushing.csv.gz",
                "http://127.0.0.1:9/dl/pbp/play_by_play_2024.csv.gz",
            ]
        );
        assert_eq!(
            remote_files(DEFAULT_DATA_URL, &[2023, 2024], false).len(),
            25
        );
    }
}
