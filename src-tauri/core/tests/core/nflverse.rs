//! nflverse data in: both weekly player layouts, team stats and the schedule read by header
//! name from plain or gzip CSV; DraftKings points that satisfy the reference identity on every
//! real player-week of 2018-2022; DST points on hand-checked games; team codes of every era under
//! one franchise code; idempotent loads; a malformed row refuses its file and changes nothing.

use crate::common::{real_data, snapshot, workspace};
use flate2::write::GzEncoder;
use nfl_dfs_core::nflverse::player_week::{self, stat, PlayerWeek};
use nfl_dfs_core::nflverse::Table;
use nfl_dfs_core::test_support::database;
use nfl_dfs_core::ErrorCode;
use std::io::Write;
use std::path::{Path, PathBuf};

fn player_rows(path: &Path) -> Vec<PlayerWeek> {
    let name = path.file_name().unwrap().to_string_lossy().into_owned();
    let mut table = Table::open(&name, std::fs::File::open(path).unwrap()).unwrap();
    assert!(player_week::is_player_week(&table), "{name}");
    let mut rows = Vec::new();
    player_week::read(&mut table, |r| {
        rows.push(r);
        Ok(())
    })
    .unwrap();
    rows
}

/// DraftKings = PPR + interceptions + fumbles lost + the 3-point bonuses (the reference's check).
fn identity_gap(r: &PlayerWeek) -> f64 {
    let s = |n: &str| r.stats[stat(n)];
    let bonus = |yards: f64, mark: f64| if yards >= mark { 3.0 } else { 0.0 };
    let expected = r.fantasy_points_ppr.unwrap_or(0.0)
        + s("interceptions")
        + s("sack_fumbles_lost")
        + s("rushing_fumbles_lost")
        + s("receiving_fumbles_lost")
        + bonus(s("passing_yards"), 300.0)
        + bonus(s("rushing_yards"), 100.0)
        + bonus(s("receiving_yards"), 100.0);
    (r.stats[stat("dk_points")] - expected).abs()
}

#[test]
fn draftkings_points_satisfy_the_reference_identity_on_every_real_player_week() {
    let Some(data) = real_data() else { return };
    let mut checked = 0;
    for season in 2018..=2022 {
        let path = data
            .join("nflverse/player_stats_weekly")
            .join(format!("player_stats_{season}.csv"));
        let rows = player_rows(&path);
        assert!(rows.len() > 5_000, "{season}: {} rows", rows.len());
        for r in &rows {
            // nflverse rounds PPR points to two decimals.
            assert!(
                identity_gap(r) < 0.011,
                "{season} week {} {} ({}): DK {} vs PPR {:?}",
                r.week,
                r.name,
                r.gsis_id,
                r.stats[stat("dk_points")],
                r.fantasy_points_ppr
            );
        }
        checked += rows.len();
    }
    println!("identity holds on {checked} player-weeks");
    assert!(checked > 25_000);
}

#[test]
fn the_current_layout_reads_into_the_same_columns() {
    let Some(data) = real_data() else { return };
    let rows = player_rows(
        &data.join("nflverse/player_stats_weekly/stats_player_week_2025_week2_partial.csv"),
    );
    // 71 rows, one of them a team-level row without a player id, skipped.
    assert_eq!(rows.len(), 70);
    assert!(rows
        .iter()
        .all(|r| r.season == 2025 && !r.gsis_id.is_empty()));
    // One game (GB-WAS); `sacks_suffered` lands in sacks, `team` in team.
    let love = rows.iter().find(|r| r.name == "Jordan Love").unwrap();
    assert_eq!(
        (love.team.as_str(), love.stats[stat("passing_yards")]),
        ("GB", 292.0)
    );
    assert_eq!(love.stats[stat("sacks")], 2.0);
    assert_eq!(love.fantasy_points_ppr, Some(20.88));
    assert!(
        (love.stats[stat("dk_points")] - 20.88).abs() < 1e-9,
        "no bonus, no turnover"
    );
    for r in &rows {
        assert!(identity_gap(r) < 0.011, "{} week {}", r.name, r.week);
    }
}

fn gzip(path: &Path, out: &Path) {
    let mut encoder = GzEncoder::new(std::fs::File::create(out).unwrap(), Default::default());
    encoder.write_all(&std::fs::read(path).unwrap()).unwrap();
    encoder.finish().unwrap();
}

#[tokio::test]
async fn a_folder_loads_once_with_dst_points_of_hand_checked_games() {
    let Some(data) = real_data() else { return };
    let (dir, ws) = workspace().await;
    let folder = dir.path().join("nflverse");
    std::fs::create_dir_all(folder.join("schedules")).unwrap();
    std::fs::copy(
        data.join("nflverse/schedules/games.csv"),
        folder.join("schedules/games.csv"),
    )
    .unwrap();
    gzip(
        &data.join("nflverse/team_stats_weekly/stats_team_week_2018.csv"),
        &folder.join("stats_team_week_2018.csv.gz"),
    );
    std::fs::copy(
        data.join("nflverse/player_stats_weekly/player_stats_2018.csv"),
        folder.join("player_stats_2018.csv"),
    )
    .unwrap();
    std::fs::write(folder.join("notes.csv"), "a,b\n1,2\n").unwrap();
    // Hidden folders and folders deeper than the walk goes are passed over.
    let hidden = folder.join(".cache");
    let deep = folder.join("a/b/c/d");
    for skipped in [&hidden, &deep] {
        std::fs::create_dir_all(skipped).unwrap();
        std::fs::write(skipped.join("broken.csv"), "season,week\nx,y\n").unwrap();
    }

    let report = ws.ingest_paths(&[&folder], |_| true).await.unwrap();
    let kinds: Vec<(&str, &str)> = report
        .files
        .iter()
        .map(|f| (f.file.as_str(), f.kind.as_str()))
        .collect();
    assert_eq!(
        kinds,
        [
            ("player_stats_2018.csv", "player_weeks"),
            ("games.csv", "schedule"),
            ("stats_team_week_2018.csv.gz", "team_weeks"),
        ]
    );
    // A file of the folder that is not nflverse data (a data dictionary) is left alone.
    assert!(report.refused.is_empty(), "{:?}", report.refused);
    assert_eq!(report.ignored, ["notes.csv"]);

    // 2018 week 1, by hand from the files: CHI at GB 23-24 (GB no defensive score): 4 sacks,
    // 1 INT, 1 fumble recovery, 1 TD, 24 allowed (0) = 14. DET vs NYJ 17-48, NYJ with a
    // defensive TD: 2 + 2 + 2 + 6, 48 - 7 = 41 allowed (-4) = 8. LA at OAK 33-13 (OAK stored as
    // LV): 1 sack, 3 INT, 1 TD, 13 allowed (4) = 17.
    let week = ws.week_points(2018, 1).await.unwrap();
    let dst = |team: &str| week.dsts.iter().find(|d| d.team == team).unwrap().clone();
    assert_eq!(
        (dst("CHI").points_allowed, dst("CHI").dk_points),
        (Some(24), 14.0)
    );
    assert_eq!(
        (dst("DET").points_allowed, dst("DET").dk_points),
        (Some(41), 8.0)
    );
    assert_eq!(
        (dst("LA").points_allowed, dst("LA").dk_points),
        (Some(13), 17.0)
    );
    assert_eq!(dst("LA").opponent.as_deref(), Some("LV"));
    assert!(week.dsts.iter().all(|d| d.team != "OAK" && d.team != "LAR"));
    // Players: every player-week of the week, with DK points.
    assert!(week.players.len() > 250);
    let top = &week.players[0];
    assert!(top.dk_points > 30.0, "{top:?}");

    // The same folder again changes nothing: same rows, nothing added.
    let before = snapshot(&ws).await;
    let again = ws.ingest_paths(&[&folder], |_| true).await.unwrap();
    assert_eq!(again.files.len(), 3);
    let after = snapshot(&ws).await;
    let without_ingests = |s: &[(String, i64)]| -> Vec<(String, i64)> {
        s.iter().filter(|(t, _)| t != "ingests").cloned().collect()
    };
    assert_eq!(without_ingests(&before), without_ingests(&after));

    let seasons = ws.nfl_seasons().await.unwrap();
    let s2018 = seasons.iter().find(|s| s.season == 2018).unwrap();
    assert!(s2018.player_weeks > 5_000 && s2018.team_weeks > 500 && s2018.games == 267);
    assert_eq!(s2018.last_week, Some(21));
}

#[tokio::test]
async fn a_malformed_row_refuses_its_file_and_keeps_what_was_stored() {
    let Some(data) = real_data() else { return };
    let (dir, ws) = workspace().await;
    let games = data.join("nflverse/schedules/games.csv");
    ws.ingest_paths(&[&games], |_| true).await.unwrap();
    let before = snapshot(&ws).await;

    // Line 3000 of the 2019 player stats gets a word for its passing yards.
    let text =
        std::fs::read_to_string(data.join("nflverse/player_stats_weekly/player_stats_2019.csv"))
            .unwrap();
    let header: Vec<&str> = text.lines().next().unwrap().split(',').collect();
    let column = header.iter().position(|h| *h == "passing_yards").unwrap();
    let mut lines: Vec<String> = text.lines().map(str::to_string).collect();
    let mut cells = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(lines[2999].as_bytes())
        .records()
        .next()
        .unwrap()
        .unwrap()
        .iter()
        .map(str::to_string)
        .collect::<Vec<_>>();
    cells[column] = "lots".into();
    let mut row = csv::Writer::from_writer(vec![]);
    row.write_record(&cells).unwrap();
    lines[2999] = String::from_utf8(row.into_inner().unwrap())
        .unwrap()
        .trim_end()
        .to_string();
    let bad = dir.path().join("player_stats_2019.csv");
    std::fs::write(&bad, lines.join("\n")).unwrap();

    let report = ws.ingest_paths(&[&bad], |_| true).await.unwrap();
    assert!(report.files.is_empty());
    assert_eq!(
        report.refused,
        ["player_stats_2019.csv, line 3000, column 'passing_yards': 'lots' is not a number"]
    );
    assert_eq!(snapshot(&ws).await, before, "nothing was stored");

    let missing = ws
        .ingest_paths(&[PathBuf::from("/nonexistent/x.csv")], |_| true)
        .await
        .unwrap_err();
    assert_eq!(missing.code(), ErrorCode::Io);
}

#[tokio::test]
async fn rosters_snap_counts_and_injury_reports_load() {
    let Some(data) = real_data() else { return };
    let (dir, ws) = workspace().await;
    let report = ws
        .ingest_paths(&[data.join("nflverse/rosters/roster_2023.csv")], |_| true)
        .await
        .unwrap();
    assert_eq!(report.files[0].kind.as_str(), "rosters");
    assert!(report.files[0].rows > 2_000, "{:?}", report.files[0]);
    // A player known only from the roster can now be found and linked.
    let found = ws.search_nfl_players("Bernard Willi").await.unwrap();
    assert!(found.iter().any(|p| p.gsis_id == "00-0017724"), "{found:?}");

    let snaps = ws
        .ingest_paths(
            &[data.join("nflverse/snap_counts/snap_counts_2021.csv")],
            |_| true,
        )
        .await
        .unwrap();
    assert_eq!(snaps.files[0].kind.as_str(), "snap_counts");
    assert!(snaps.files[0].rows > 20_000);

    // Injury reports: no real file in ../shared/data, so one written with nflverse's columns.
    let injuries = dir.path().join("injuries_2023.csv");
    std::fs::write(
        &injuries,
        "season,game_type,team,week,gsis_id,position,full_name,first_name,last_name,\
         report_primary_injury,report_secondary_injury,report_status,practice_primary_injury,\
         practice_secondary_injury,practice_status,date_modified\n\
         2023,REG,OAK,1,00-0036358,RB,Josh Jacobs,Josh,Jacobs,Ankle,,Questionable,Ankle,,Limited Participation in Practice,2023-09-08T20:00:00Z\n\
         2023,REG,KC,1,00-0030506,TE,Travis Kelce,Travis,Kelce,Knee,,Out,Knee,,Did Not Participate In Practice,2023-09-07T20:00:00Z\n",
    )
    .unwrap();
    let report = ws.ingest_paths(&[&injuries], |_| true).await.unwrap();
    assert_eq!(report.files[0].kind.as_str(), "injuries");
    assert_eq!(report.files[0].rows, 2);
    let again = ws.ingest_paths(&[&injuries], |_| true).await.unwrap();
    assert_eq!(
        again.files[0].rows, 2,
        "the same report again updates, adds nothing"
    );
    let tables = snapshot(&ws).await;
    let count = |t: &str| tables.iter().find(|(n, _)| n == t).map(|(_, c)| *c);
    assert_eq!(count("nfl_injuries"), Some(2));
}

/// Injury reports, checked line by line: a line without an id is skipped and counted, a status
/// the app does not know is kept and counted (and read as no information); a team that is no
/// franchise, an id of the wrong shape or a name that is no name refuses the file at its line
/// (CRLF files included), with nothing stored.
#[tokio::test]
async fn injury_reports_count_what_they_skip_and_refuse_what_is_malformed() {
    let (dir, ws) = workspace().await;
    let header = "season,game_type,team,week,gsis_id,position,full_name,first_name,last_name,\
         report_primary_injury,report_secondary_injury,report_status,practice_primary_injury,\
         practice_secondary_injury,practice_status,date_modified";
    let line = |team: &str, id: &str, name: &str, status: &str| {
        format!("2023,REG,{team},1,{id},RB,{name},A,B,Ankle,,{status},Ankle,,\"\n    Limited Participation in Practice \",2023-09-08T20:00:00Z")
    };
    let good = [
        line("OAK", "00-0036358", "Josh Jacobs", "Questionable"),
        line("KC", "", "No Id", "Out"),
        line("KC", "00-0030506", "Travis Kelce", "Game-time decision"),
        line("KC", "00-0030507", "Noted Player", "Note"),
    ];
    let file = dir.path().join("injuries_2023.csv");
    std::fs::write(&file, format!("{header}\n{}\n", good.join("\n"))).unwrap();
    let report = ws.ingest_paths(&[&file], |_| true).await.unwrap();
    let f = &report.files[0];
    assert_eq!((f.rows, f.skipped), (3, 1), "{f:?}");
    assert!(
        f.skipped_reason
            .contains("1 line(s) kept with a status the app does not know"),
        "{f:?}"
    );
    let before = snapshot(&ws).await;
    let long = "x".repeat(100_000);
    for (bad, column) in [
        (line("XXX", "00-0036358", "Josh Jacobs", "Out"), "team"),
        (
            line("KC", "../../etc/passwd", "Josh Jacobs", "Out"),
            "gsis_id",
        ),
        (line("KC", "00-0036358", &long, "Out"), "full_name"),
    ] {
        for crlf in [false, true] {
            let mut lines = vec![
                header.to_string(),
                good[0].clone(),
                good[2].clone(),
                bad.clone(),
            ];
            lines.push(good[3].clone());
            let end = if crlf { "\r\n" } else { "\n" };
            let path = dir.path().join("injuries_bad.csv");
            std::fs::write(&path, lines.join(end) + end).unwrap();
            let report = ws.ingest_paths(&[&path], |_| true).await.unwrap();
            assert!(report.files.is_empty(), "{report:?}");
            // The bad line is the file's fourth (a quoted field spans two lines in each
            // good one above it: lines 2-3 and 4-5, so the bad one starts on line 6).
            let text = report.refused.join("; ");
            assert!(text.contains("line 6"), "crlf {crlf}: {text}");
            assert!(text.contains(&format!("column '{column}'")), "{text}");
            assert!(text.len() < 600, "the bad value is not echoed whole");
        }
    }
    assert_eq!(snapshot(&ws).await, before, "nothing was stored");
}

/// The crosswalk: rows of a player-id file with a missing or malformed id are skipped and
/// counted, never guessed; rosters add their PFR ids too; a player's games then carry the snap
/// share his PFR id has in the snap counts; loading the file again changes nothing.
#[tokio::test]
async fn the_player_id_crosswalk_joins_snap_counts_to_players() {
    let Some(data) = real_data() else { return };
    let (dir, ws) = workspace().await;
    let nfl = data.join("nflverse");
    ws.ingest_paths(
        &[
            nfl.join("schedules/games.csv"),
            nfl.join("player_stats_weekly/player_stats_2021.csv"),
            nfl.join("snap_counts/snap_counts_2021.csv"),
        ],
        |_| true,
    )
    .await
    .unwrap();
    let share = |history: &nfl_dfs_core::projection::history::History| {
        history
            .players
            .iter()
            .find(|p| p.gsis_id == "00-0035640" && p.season == 2021 && p.week == 1)
            .map(|p| p.offense_pct)
    };
    let history = nfl_dfs_core::test_support::load_history(database(&ws))
        .await
        .unwrap();
    assert_eq!(
        share(&history),
        Some(None),
        "no crosswalk yet: no snap share"
    );

    // Metcalf; a malformed GSIS id, an empty PFR id and a PFR id with a space: 1 link, 3 skipped.
    let ids = dir.path().join("ff_playerids.csv");
    std::fs::write(
        &ids,
        "mfl_id,gsis_id,pfr_id,name,merge_name,position\n\
         1,00-0035640,MetcDK00,DK Metcalf,dk metcalf,WR\n\
         2,35640,GodwCh00,Chris Godwin,chris godwin,WR\n\
         3,00-0033077,,Dak Prescott,dak prescott,QB\n\
         4,00-0033873,Mahomes P,Patrick Mahomes,patrick mahomes,QB\n",
    )
    .unwrap();
    let report = ws.ingest_paths(&[&ids], |_| true).await.unwrap();
    assert_eq!(report.files[0].kind.as_str(), "player_ids");
    assert_eq!((report.files[0].rows, report.files[0].skipped), (1, 3));
    let before = snapshot(&ws).await;
    ws.ingest_paths(&[&ids], |_| true).await.unwrap();
    let unchanged = |s: &[(String, i64)]| -> Vec<(String, i64)> {
        s.iter().filter(|(t, _)| t != "ingests").cloned().collect()
    };
    assert_eq!(unchanged(&snapshot(&ws).await), unchanged(&before));
    let history = nfl_dfs_core::test_support::load_history(database(&ws))
        .await
        .unwrap();
    let metcalf = share(&history).flatten().expect("Metcalf's snap share");
    assert!((0.5..=1.0).contains(&metcalf), "{metcalf}");

    // The roster carries both ids: every 2021 player with snaps gets his share.
    ws.ingest_paths(&[nfl.join("rosters/roster_2021.csv")], |_| true)
        .await
        .unwrap();
    let history = nfl_dfs_core::test_support::load_history(database(&ws))
        .await
        .unwrap();
    let with_snaps = history
        .players
        .iter()
        .filter(|p| p.offense_pct.is_some())
        .count();
    assert!(
        with_snaps * 10 > history.players.len() * 8,
        "{with_snaps} of {} player games have a snap share",
        history.players.len()
    );
    let godwin = history
        .players
        .iter()
        .find(|p| p.name == "Chris Godwin" && p.season == 2021 && p.week == 1)
        .unwrap();
    assert!(
        (0.5..=1.0).contains(&godwin.offense_pct.unwrap()),
        "{godwin:?}"
    );
}

/// PFR's advanced weekly stats and Next Gen Stats load by header (PFR's defense files are not
/// mistaken for team weeks, though they share columns); Next Gen Stats season totals and
/// postseason weeks are skipped and counted; loading again changes nothing.
#[tokio::test]
async fn advanced_stats_load_by_header_and_once() {
    let Some(data) = real_data() else { return };
    let (_dir, ws) = workspace().await;
    let nfl = data.join("nflverse");
    let files = [
        nfl.join("pfr_advstats/advstats_week_rec_2021.csv"),
        nfl.join("pfr_advstats/advstats_week_def_2021.csv"),
        nfl.join("nextgen_stats/ngs_receiving_2016_2022.csv"),
    ];
    let report = ws.ingest_paths(&files, |_| true).await.unwrap();
    assert!(report.refused.is_empty(), "{:?}", report.refused);
    let kinds: Vec<&str> = report.files.iter().map(|f| f.kind.as_str()).collect();
    assert_eq!(kinds, ["pfr_advanced", "pfr_advanced", "next_gen_stats"]);
    assert!(report.files.iter().all(|f| f.rows > 10_000), "{report:?}");
    let ngs = &report.files[2];
    assert!(
        ngs.skipped > 500,
        "season totals and postseason weeks: {ngs:?}"
    );
    assert_eq!(ngs.seasons, (2016..=2022).collect::<Vec<_>>());
    let before = snapshot(&ws).await;
    let count =
        |s: &[(String, i64)], table: &str| s.iter().find(|(t, _)| t == table).map(|(_, n)| *n);
    assert_eq!(count(&before, "nfl_team_weeks"), Some(0));
    let stored = count(&before, "nfl_advanced_stats").unwrap();
    assert_eq!(
        stored as u64,
        report.files.iter().map(|f| f.rows).sum::<u64>()
    );
    // The files again, under other names so none is taken for a repeat by its digest alone.
    let dir = tempfile::tempdir().unwrap();
    let copies: Vec<PathBuf> = files
        .iter()
        .enumerate()
        .map(|(i, f)| {
            let copy = dir.path().join(format!("copy{i}.csv"));
            std::fs::copy(f, &copy).unwrap();
            copy
        })
        .collect();
    ws.ingest_paths(&copies, |_| true).await.unwrap();
    assert_eq!(
        count(&snapshot(&ws).await, "nfl_advanced_stats"),
        Some(stored)
    );
}

/// A bad cell in an advanced-stats file refuses the whole file naming line and column, and
/// nothing is stored; a row without a player id is skipped and counted.
#[tokio::test]
async fn a_bad_advanced_stat_refuses_its_file() {
    let (dir, ws) = workspace().await;
    let header = "season,season_type,week,player_display_name,player_position,team_abbr,\
                  avg_cushion,avg_separation,targets,player_gsis_id\n";
    let good = format!(
        "{header}2022,REG,3,A B,WR,KC,6.1,3.2,9,00-0033040\n\
         2022,REG,0,A B,WR,KC,6.0,3.0,120,00-0033040\n\
         2022,REG,3,C D,WR,LA,5.1,2.2,4,\n"
    );
    let path = dir.path().join("ngs_receiving.csv");
    std::fs::write(&path, &good).unwrap();
    let report = ws.ingest_paths(&[&path], |_| true).await.unwrap();
    assert_eq!(report.files[0].kind.as_str(), "next_gen_stats");
    // One player week of three stats; the season total and the row without an id skipped.
    assert_eq!((report.files[0].rows, report.files[0].skipped), (3, 2));
    let before = snapshot(&ws).await;
    for (cell, message) in [
        (
            "2022,REG,4,A B,WR,KC,inf,3.2,9,00-0033040",
            "line 3, column 'avg_cushion': 'inf' is not a finite number",
        ),
        (
            "2022,REG,4,A B,WR,KC,6.1,wide,9,00-0033040",
            "line 3, column 'avg_separation': 'wide' is not a number",
        ),
        (
            "2022,REG,4,A B,WR,KC,6.1,3.2,9,Hill T",
            "line 3, column 'player_gsis_id': 'Hill T' is not a GSIS player id",
        ),
        (
            "2022,REG,40,A B,WR,KC,6.1,3.2,9,00-0033040",
            "line 3, column 'week': 40 is not a week",
        ),
    ] {
        let bad = dir.path().join("ngs_bad.csv");
        std::fs::write(
            &bad,
            format!("{header}2022,REG,5,A B,WR,KC,6,3,9,00-0033040\n{cell}\n"),
        )
        .unwrap();
        let report = ws.ingest_paths(&[&bad], |_| true).await.unwrap();
        assert!(report.files.is_empty(), "{report:?}");
        assert!(
            report.refused[0].starts_with(&format!("ngs_bad.csv, {message}")),
            "{:?}",
            report.refused
        );
        assert_eq!(snapshot(&ws).await, before, "nothing was stored");
    }
}

/// A folder holding more .csv files than a folder of nflverse data can (a home folder picked by
/// mistake) is refused before any file is read; nothing is stored.
#[tokio::test]
async fn a_folder_with_too_many_files_is_refused_before_reading_any() {
    let (dir, ws) = workspace().await;
    let folder = dir.path().join("everything");
    std::fs::create_dir_all(folder.join("deeper")).unwrap();
    let cap = nfl_dfs_core::nflverse::MAX_FOLDER_FILES;
    for i in 0..=cap {
        let at = if i % 2 == 0 {
            &folder
        } else {
            &folder.join("deeper")
        };
        std::fs::write(at.join(format!("f{i}.csv")), "x\n1\n").unwrap();
    }
    let before = snapshot(&ws).await;
    let e = ws.ingest_paths(&[&folder], |_| true).await.unwrap_err();
    assert_eq!(e.code(), ErrorCode::InvalidInput);
    assert!(
        e.to_string()
            .contains(&format!("holds more than {cap} .csv files")),
        "{e}"
    );
    assert_eq!(snapshot(&ws).await, before);
}
