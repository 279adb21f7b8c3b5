//! Downloading nflverse files from a local HTTP server standing in for the release downloads:
//! files load through the same pipeline, the cache is reused within its lifetime, unchanged
//! files are skipped, failures are retried, unpublished files are listed, a cancel keeps the
//! files already stored, a bad download is refused and not cached, and the scheduled refresh
//! only runs once due.

use crate::common::http::{Fault, FileServer};
use crate::common::{execute, real_data, rows, snapshot, workspace};
use nfl_dfs_core::nflverse::{Fetched, Fetcher, LoadProgress, LoadStage, RefreshSchedule};
use nfl_dfs_core::settings::SettingValue;
use nfl_dfs_core::{ErrorCode, Workspace};
use std::sync::{Arc, Mutex};
use std::time::Duration;

const GAMES: &str = "game_id,season,game_type,week,gameday,gametime,away_team,away_score,\
home_team,home_score,spread_line,total_line,roof,surface,temp,wind,away_rest,home_rest,div_game\n\
2024_01_BAL_KC,2024,REG,1,2024-09-05,20:20,BAL,20,KC,27,3,46.5,outdoors,grass,80,6,7,7,0\n\
2024_01_GB_PHI,2024,REG,1,2024-09-06,20:15,GB,29,PHI,34,1.5,48.5,outdoors,grass,,,7,7,0\n";

const ROSTER: &str = "season,team,position,status,full_name,gsis_id,week\n\
2024,KC,QB,ACT,Patrick Mahomes,00-0033873,1\n\
2024,BAL,QB,ACT,Lamar Jackson,00-0034796,1\n";

const INJURIES: &str = "season,game_type,team,week,gsis_id,position,full_name,report_status\n\
2024,REG,KC,1,00-0036358,RB,Isiah Pacheco,Questionable\n";

const DEPTH: &str = "season,club_code,week,game_type,depth_team,formation,gsis_id,position,\
full_name\n\
2024,KC,1,REG,1,Offense,00-0033873,QB,Patrick Mahomes\n\
2024,KC,1,REG,1,Defense,00-0034381,DE,Josh Sweat\n";

const PFR_REC: &str = "game_id,pfr_game_id,season,week,game_type,team,opponent,pfr_player_name,\
pfr_player_id,receiving_broken_tackles,receiving_drop,receiving_drop_pct,receiving_int,receiving_rat\n\
2024_01_BAL_KC,202409050kan,2024,1,REG,KC,BAL,Travis Kelce,KelcTr00,1,0,0,0,95.1\n";

const NGS_REC: &str = "season,season_type,week,player_display_name,player_position,team_abbr,\
avg_cushion,avg_separation,targets,player_gsis_id\n\
2024,REG,1,Travis Kelce,TE,KC,6.1,3.2,9,00-0030506\n\
2024,REG,0,Travis Kelce,TE,KC,6.0,3.0,120,00-0030506\n";

/// `text` gzip-compressed.
fn gzipped(text: &str) -> Vec<u8> {
    use std::io::Write;
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    gz.write_all(text.as_bytes()).unwrap();
    gz.finish().unwrap()
}

/// A server with the 2024 schedule, roster, injuries, PFR receiving and Next Gen receiving
/// stats (no weekly stats: those are "unpublished"), and a workspace pointed at it.
async fn served() -> (tempfile::TempDir, Workspace, FileServer) {
    let server = FileServer::start();
    server.put("/dl/schedules/games.csv", GAMES);
    server.put("/dl/rosters/roster_2024.csv", ROSTER);
    server.put("/dl/injuries/injuries_2024.csv", INJURIES);
    server.put("/dl/depth_charts/depth_charts_2024.csv", DEPTH);
    server.put("/dl/pfr_advstats/advstats_week_rec_2024.csv", PFR_REC);
    server.put(
        "/dl/nextgen_stats/ngs_2024_receiving.csv.gz",
        gzipped(NGS_REC),
    );
    let (dir, ws) = workspace().await;
    ws.set_setting(
        "nfl_data_url",
        SettingValue::Text(format!("{}/dl/", server.base)),
    )
    .await
    .unwrap();
    (dir, ws, server)
}

/// A progress sink that keeps every report.
fn recorder() -> (
    Arc<Mutex<Vec<LoadProgress>>>,
    impl Fn(&LoadProgress) -> bool + Send + Sync + 'static,
) {
    let seen = Arc::new(Mutex::new(Vec::new()));
    let sink = seen.clone();
    (seen, move |p: &LoadProgress| {
        sink.lock().unwrap().push(p.clone());
        true
    })
}

#[tokio::test]
async fn a_download_loads_every_published_file_and_then_reuses_the_cache() {
    let (_dir, ws, server) = served().await;
    server.fail_next("/dl/schedules/games.csv", Fault::Status(503));
    let (seen, sink) = recorder();
    let report = ws
        .download_nfl(Some(vec![2024]), false, sink)
        .await
        .unwrap();

    let loaded: Vec<(&str, u64)> = report
        .files
        .iter()
        .map(|f| (f.file.as_str(), f.rows))
        .collect();
    assert_eq!(
        loaded,
        [
            ("games.csv", 2),
            ("roster_2024.csv", 2),
            ("injuries_2024.csv", 1),
            ("depth_charts_2024.csv", 1),
            ("advstats_week_rec_2024.csv", 5),
            ("ngs_2024_receiving.csv.gz", 3)
        ]
    );
    assert_eq!(report.files[5].skipped, 1, "the season total");
    assert_eq!(
        report.missing,
        [
            "stats_player_week_2024.csv",
            "stats_team_week_2024.csv",
            "snap_counts_2024.csv",
            "advstats_week_pass_2024.csv",
            "advstats_week_rush_2024.csv",
            "ngs_2024_passing.csv.gz",
            "ngs_2024_rushing.csv.gz"
        ]
    );
    assert!(report.refused.is_empty() && report.stale.is_empty());
    assert_eq!(
        server.requests("/dl/schedules/games.csv"),
        2,
        "a 503 is retried"
    );
    let seen = seen.lock().unwrap().clone();
    let games_done = seen.iter().any(|p| {
        p.file == "games.csv"
            && p.stage == LoadStage::Download
            && p.total_bytes == Some(GAMES.len() as u64)
            && p.bytes == GAMES.len() as u64
    });
    assert!(games_done, "byte progress reaches the file's size");
    assert!(seen
        .iter()
        .any(|p| p.file == "games.csv" && p.stage == LoadStage::Read && p.rows == 2));
    assert!(seen.iter().all(|p| p.files == 13 && p.file_index < 13));
    let stored = snapshot(&ws).await;
    assert_eq!(rows(&stored, "nfl_schedule"), 2);
    assert_eq!(rows(&stored, "nfl_rosters"), 2);
    assert_eq!(rows(&stored, "nfl_injuries"), 1);
    assert_eq!(rows(&stored, "nfl_depth_charts"), 1, "the offense only");
    assert_eq!(rows(&stored, "nfl_advanced_stats"), 8);

    // Within the cache lifetime nothing is fetched and nothing is read again.
    let requests = server.all_requests().len();
    let again = ws
        .download_nfl(Some(vec![2024]), false, |_| true)
        .await
        .unwrap();
    assert_eq!(
        server.all_requests().len(),
        requests + 7,
        "only the 404s are asked again"
    );
    assert!(again.files.is_empty(), "{again:?}");
    assert_eq!(
        again.unchanged,
        [
            "games.csv",
            "roster_2024.csv",
            "injuries_2024.csv",
            "depth_charts_2024.csv",
            "advstats_week_rec_2024.csv",
            "ngs_2024_receiving.csv.gz"
        ]
    );
    assert_eq!(snapshot(&ws).await, stored);

    // With the cache expired, files are fetched again; a changed one is loaded, the others are
    // skipped by content.
    ws.set_setting("cache_ttl_secs", SettingValue::Integer(0))
        .await
        .unwrap();
    server.put(
        "/dl/rosters/roster_2024.csv",
        format!("{ROSTER}2024,KC,WR,ACT,Rashee Rice,00-0039190,1\n"),
    );
    let fresh = ws
        .download_nfl(Some(vec![2024]), false, |_| true)
        .await
        .unwrap();
    assert_eq!(server.requests("/dl/rosters/roster_2024.csv"), 2);
    assert_eq!(fresh.files.len(), 1);
    assert_eq!(
        (fresh.files[0].file.as_str(), fresh.files[0].rows),
        ("roster_2024.csv", 3)
    );
    assert_eq!(
        fresh.unchanged,
        [
            "games.csv",
            "injuries_2024.csv",
            "depth_charts_2024.csv",
            "advstats_week_rec_2024.csv",
            "ngs_2024_receiving.csv.gz"
        ]
    );
    assert_eq!(rows(&snapshot(&ws).await, "nfl_rosters"), 3);
}

#[tokio::test]
async fn a_cancel_keeps_the_files_already_stored() {
    let (_dir, ws, _server) = served().await;
    let result = ws
        .download_nfl(Some(vec![2024]), false, |p: &LoadProgress| p.file_index < 1)
        .await;
    assert_eq!(result.unwrap_err().code(), ErrorCode::Cancelled);
    let stored = snapshot(&ws).await;
    assert_eq!(rows(&stored, "nfl_schedule"), 2, "the first file stays");
    assert_eq!(rows(&stored, "nfl_player_weeks"), 0);
    assert_eq!(rows(&stored, "nfl_rosters"), 0);
}

#[tokio::test]
async fn a_malformed_download_is_refused_named_and_not_cached() {
    let (dir, ws, server) = served().await;
    server.put(
        "/dl/schedules/games.csv",
        GAMES.replace("BAL,20,KC", "BAL,lots,KC"),
    );
    let before = snapshot(&ws).await;
    let report = ws
        .download_nfl(Some(vec![2024]), false, |_| true)
        .await
        .unwrap();
    assert_eq!(
        report.refused,
        ["games.csv, line 2, column 'away_score': 'lots' is not a number"]
    );
    assert_eq!(
        rows(&snapshot(&ws).await, "nfl_schedule"),
        rows(&before, "nfl_schedule")
    );
    let cached: Vec<_> = std::fs::read_dir(dir.path().join("cache/nflverse"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert!(
        !cached.iter().any(|n| n.ends_with("-games.csv")),
        "the bad file is dropped from the cache: {cached:?}"
    );
    // Fixed on the server, it loads at the next download.
    server.put("/dl/schedules/games.csv", GAMES);
    let report = ws
        .download_nfl(Some(vec![2024]), false, |_| true)
        .await
        .unwrap();
    assert_eq!(report.files[0].file, "games.csv");
}

#[tokio::test]
async fn the_fetcher_retries_cut_bodies_and_server_errors_then_falls_back_or_fails() {
    let server = FileServer::start();
    server.put("/f/games.csv", GAMES);
    let dir = tempfile::tempdir().unwrap();
    let fetcher = Fetcher::new(dir.path(), Duration::ZERO)
        .unwrap()
        .with_backoff(Duration::from_millis(5));
    let url = format!("{}/f/games.csv", server.base);

    server.fail_next("/f/games.csv", Fault::CutAt(40));
    server.fail_next("/f/games.csv", Fault::Status(500));
    let fetched = fetcher.fetch(&url, &mut |_, _| true).await.unwrap();
    let Fetched::File {
        path,
        cached,
        stale,
    } = fetched
    else {
        panic!("{fetched:?}")
    };
    assert!(!cached && !stale);
    assert_eq!(std::fs::read_to_string(&path).unwrap(), GAMES);
    assert_eq!(server.requests("/f/games.csv"), 3);

    // Four failures in a row: the expired copy is used, flagged stale.
    for _ in 0..4 {
        server.fail_next("/f/games.csv", Fault::Status(502));
    }
    let fetched = fetcher.fetch(&url, &mut |_, _| true).await.unwrap();
    assert!(
        matches!(fetched, Fetched::File { stale: true, .. }),
        "{fetched:?}"
    );

    // A 4xx other than 404 is not retried; a 404 is "missing".
    server.fail_next("/f/games.csv", Fault::Status(403));
    let before = server.requests("/f/games.csv");
    let e = fetcher.fetch(&url, &mut |_, _| true).await.unwrap_err();
    assert_eq!(e.code(), ErrorCode::Network);
    assert!(
        e.to_string().contains("403") && e.to_string().contains(&url),
        "{e}"
    );
    assert_eq!(server.requests("/f/games.csv"), before + 1);
    let missing = format!("{}/f/none.csv", server.base);
    assert_eq!(
        fetcher.fetch(&missing, &mut |_, _| true).await.unwrap(),
        Fetched::Missing
    );

    // Cancel mid-transfer leaves no file behind.
    let cancel = fetcher
        .fetch(&url, &mut |bytes, _| bytes == 0)
        .await
        .unwrap_err();
    assert_eq!(cancel.code(), ErrorCode::Cancelled);
    assert!(!path.with_extension("partial").exists());

    // Nobody listening and nothing cached: a network error naming the address.
    let closed = {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        format!("http://{}/games.csv", listener.local_addr().unwrap())
    };
    let e = fetcher.fetch(&closed, &mut |_, _| true).await.unwrap_err();
    assert_eq!(e.code(), ErrorCode::Network);
    assert!(
        e.to_string().contains(&closed) && e.to_string().contains("tried 4 times"),
        "{e}"
    );
}

#[tokio::test]
async fn the_scheduled_refresh_waits_for_a_download_and_the_interval() {
    let (_dir, ws, server) = served().await;
    let mut schedule = RefreshSchedule::default();
    assert!(
        ws.scheduled_refresh(&mut schedule).await.unwrap().is_none(),
        "never downloaded"
    );
    ws.download_nfl(Some(vec![2024]), false, |_| true)
        .await
        .unwrap();
    assert!(
        ws.scheduled_refresh(&mut schedule).await.unwrap().is_none(),
        "just downloaded"
    );

    execute(
        &ws,
        "UPDATE ingests SET loaded_at = datetime('now', '-2 hours')",
    )
    .await;
    let before = server.all_requests().len();
    let report = ws.scheduled_refresh(&mut schedule).await.unwrap();
    assert!(report.is_some(), "due after the one-hour default interval");
    let season = nfl_dfs_core::nflverse::season_of(chrono::Utc::now().date_naive());
    let asked = &server.all_requests()[before..];
    assert!(
        asked.contains(&format!("/dl/stats_player/stats_player_week_{season}.csv")),
        "the current season is fetched: {asked:?}"
    );
    assert!(
        ws.scheduled_refresh(&mut schedule).await.unwrap().is_none(),
        "checked just now"
    );
}

#[tokio::test]
async fn a_real_season_downloads_like_it_loads_from_disk() {
    let Some(data) = real_data() else { return };
    let (_dir, ws, server) = served().await;
    let bytes =
        std::fs::read(data.join("nflverse/player_stats_weekly/player_stats_2022.csv")).unwrap();
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    std::io::Write::write_all(&mut gz, &bytes).unwrap();
    server.put(
        "/dl/stats_player/stats_player_week_2022.csv",
        gz.finish().unwrap(),
    );
    let downloaded = ws
        .download_nfl(Some(vec![2022]), false, |_| true)
        .await
        .unwrap();
    let file = downloaded
        .files
        .iter()
        .find(|f| f.file == "stats_player_week_2022.csv")
        .expect("the stats load");

    let (_dir2, local) = workspace().await;
    let from_disk = local
        .ingest_paths(
            &[data.join("nflverse/player_stats_weekly/player_stats_2022.csv")],
            |_| true,
        )
        .await
        .unwrap();
    assert_eq!(file.rows, from_disk.files[0].rows);
    assert_eq!(
        ws.week_points(2022, 5).await.unwrap().players,
        local.week_points(2022, 5).await.unwrap().players
    );
}

/// A fetcher on a fresh cache with small caps, no back-off.
fn capped_fetcher(dir: &tempfile::TempDir, bytes: u64, time: Duration) -> Fetcher {
    Fetcher::new(dir.path(), Duration::ZERO)
        .unwrap()
        .with_backoff(Duration::from_millis(1))
        .with_caps(bytes, time)
}

#[tokio::test]
async fn an_endless_body_stops_at_the_size_cap_and_leaves_no_file() {
    let server = FileServer::start();
    server.put("/big.csv", "a\n1\n");
    server.fail_next("/big.csv", Fault::Endless);
    let dir = tempfile::tempdir().unwrap();
    let fetcher = capped_fetcher(&dir, 1 << 20, Duration::from_secs(30));
    let err = fetcher
        .fetch(&format!("{}/big.csv", server.base), &mut |_, _| true)
        .await
        .unwrap_err();
    assert_eq!(err.code(), ErrorCode::Network);
    assert!(err.to_string().contains("larger than 1 MB"), "{err}");
    assert_eq!(
        server.requests("/big.csv"),
        1,
        "a file too large is not tried again"
    );
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
}

#[tokio::test]
async fn a_trickling_download_stops_at_the_time_cap() {
    let server = FileServer::start();
    server.put("/slow.csv", "a\n1\n");
    server.fail_next("/slow.csv", Fault::Trickle(Duration::from_millis(200)));
    let dir = tempfile::tempdir().unwrap();
    let fetcher = capped_fetcher(&dir, 1 << 20, Duration::from_secs(1));
    let started = std::time::Instant::now();
    let err = fetcher
        .fetch(&format!("{}/slow.csv", server.base), &mut |_, _| true)
        .await
        .unwrap_err();
    assert!(err.to_string().contains("took longer than 1 s"), "{err}");
    assert!(
        started.elapsed() < Duration::from_secs(10),
        "not stopped by its cap"
    );
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
}

#[tokio::test]
async fn redirects_to_another_host_or_plain_http_are_refused() {
    let server = FileServer::start();
    let other = FileServer::start();
    other.put("/x.csv", "a\n1\n");
    server.put("/hop.csv", "a\n1\n");
    // The same host (127.0.0.1) on another port is followed; a name for another host is not.
    server.fail_next("/hop.csv", Fault::Redirect(format!("{}/x.csv", other.base)));
    let dir = tempfile::tempdir().unwrap();
    let fetcher = capped_fetcher(&dir, 1 << 20, Duration::from_secs(30));
    let url = format!("{}/hop.csv", server.base);
    assert!(matches!(
        fetcher.fetch(&url, &mut |_, _| true).await.unwrap(),
        Fetched::File { .. }
    ));
    let away = other.base.replace("127.0.0.1", "localhost");
    server.fail_next("/hop.csv", Fault::Redirect(format!("{away}/x.csv")));
    let err = fetcher.fetch(&url, &mut |_, _| true).await.unwrap_err();
    assert!(err.to_string().contains("redirect refused"), "{err}");
    assert_eq!(
        server.requests("/hop.csv"),
        2,
        "a refused redirect is not tried again"
    );

    let err = fetcher
        .fetch("http://example.com/games.csv", &mut |_, _| true)
        .await
        .unwrap_err();
    assert!(err.to_string().contains("https only"), "{err}");
}
