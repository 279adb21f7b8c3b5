//! The CLI binary against a real data folder: text and JSON output, exit codes, errors.

use serde_json::Value;
use std::process::{Command, Output};

fn cli(data_dir: &std::path::Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_nfl-dfs-cli"))
        .arg("--data-dir")
        .arg(data_dir)
        .args(args)
        .env_remove("DATABASE_URL")
        .env_remove("NFL_DFS_DATA_DIR")
        .env_remove("NFL_DFS_NFL_SEASONS")
        .output()
        .unwrap()
}

fn stdout_json(out: &Output) -> Value {
    serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("not JSON ({e}): {}", String::from_utf8_lossy(&out.stdout)))
}

#[test]
fn health_reports_the_database_and_schema() {
    let dir = tempfile::tempdir().unwrap();
    let out = cli(dir.path(), &["--json", "health"]);
    assert!(out.status.success(), "{out:?}");
    let health = stdout_json(&out);
    assert_eq!(health["schema_version"], "m20261207_000015_contest_games");
    assert_eq!(
        health["database_path"],
        dir.path().join("nfl-dfs.sqlite").display().to_string()
    );
    assert_eq!(health["data"]["slates"], 0);

    let text = cli(dir.path(), &["health"]);
    let text = String::from_utf8(text.stdout).unwrap();
    assert!(
        text.contains("schema          m20261207_000015_contest_games"),
        "{text}"
    );
}

#[test]
fn settings_set_persists_and_get_reads_it_back() {
    let dir = tempfile::tempdir().unwrap();
    let set = cli(dir.path(), &["settings", "set", "nfl_seasons", "4"]);
    assert!(set.status.success(), "{set:?}");
    assert_eq!(
        String::from_utf8_lossy(&set.stdout),
        "nfl_seasons = 4 (set)\n"
    );

    let get = stdout_json(&cli(
        dir.path(),
        &["--json", "settings", "get", "nfl_seasons"],
    ));
    assert_eq!(get["value"], 4);
    assert_eq!(get["source"], "database");

    let all = stdout_json(&cli(dir.path(), &["--json", "settings", "get"]));
    assert_eq!(
        all.as_array().unwrap().len(),
        nfl_dfs_core::settings::SPECS.len()
    );
    assert!(all
        .as_array()
        .unwrap()
        .iter()
        .any(|s| s["key"] == "update_url"));
}

#[test]
fn environment_overrides_show_their_variable() {
    let dir = tempfile::tempdir().unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_nfl-dfs-cli"))
        .args(["settings", "get", "nfl_seasons"])
        .env("NFL_DFS_DATA_DIR", dir.path())
        .env("NFL_DFS_NFL_SEASONS", "7")
        .env_remove("DATABASE_URL")
        .output()
        .unwrap();
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        "nfl_seasons = 7 (from NFL_DFS_NFL_SEASONS)\n"
    );
    assert!(dir.path().join("nfl-dfs.sqlite").exists());
}

#[test]
fn a_bad_value_fails_with_code_and_message_and_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    cli(dir.path(), &["settings", "set", "salary_cap", "50000"]);
    let out = cli(dir.path(), &["settings", "set", "salary_cap", "cheap"]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("error[invalid_setting]: Invalid value 'cheap' for setting 'salary_cap'"),
        "{stderr}"
    );

    let json = cli(
        dir.path(),
        &["--json", "settings", "set", "salary_cap", "5"],
    );
    assert_eq!(json.status.code(), Some(1));
    let err = stdout_json(&json);
    assert_eq!(err["error"]["code"], "invalid_setting");
    assert!(err["error"]["message"]
        .as_str()
        .unwrap()
        .contains("between 10000 and 1000000"));

    let get = stdout_json(&cli(
        dir.path(),
        &["--json", "settings", "get", "salary_cap"],
    ));
    assert_eq!(get["value"], 50000);
}

#[test]
fn usage_errors_exit_with_two() {
    let dir = tempfile::tempdir().unwrap();
    let out = cli(dir.path(), &["settings", "set", "salary_cap"]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn a_dot_env_file_in_the_working_directory_sets_the_data_folder() {
    let work = tempfile::tempdir().unwrap();
    let data = work.path().join("from-dotenv");
    std::fs::write(
        work.path().join(".env"),
        format!("NFL_DFS_DATA_DIR={}\n", data.display()),
    )
    .unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_nfl-dfs-cli"))
        .args(["--json", "health"])
        .current_dir(work.path())
        .env_remove("NFL_DFS_DATA_DIR")
        .env_remove("DATABASE_URL")
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    assert_eq!(stdout_json(&out)["data_dir"], data.display().to_string());
    assert!(data.join("nfl-dfs.sqlite").exists());
}

/// The demo salary file shipped in `data/`.
fn demo_file() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data/DKSalaries-demo.csv")
}

#[test]
fn slate_import_prints_the_id_and_counts_and_recognises_the_same_file() {
    let dir = tempfile::tempdir().unwrap();
    let demo = demo_file();
    let demo = demo.to_str().unwrap();
    let out = cli(
        dir.path(),
        &["--json", "slate", "import", demo, "--name", "Demo"],
    );
    assert!(out.status.success(), "{out:?}");
    let report = stdout_json(&out);
    assert_eq!(report["slate"]["id"], 1);
    assert_eq!(report["slate"]["name"], "Demo");
    assert_eq!(report["slate"]["players"], 353);
    assert_eq!(report["slate"]["games"], 8);
    assert_eq!(report["already_imported"], false);

    let again = cli(dir.path(), &["slate", "import", demo]);
    let text = String::from_utf8_lossy(&again.stdout);
    assert!(
        text.starts_with("DKSalaries-demo.csv already imported as slate 1: Demo"),
        "{text}"
    );
    let list = stdout_json(&cli(dir.path(), &["--json", "slate", "list"]));
    assert_eq!(list.as_array().unwrap().len(), 1);
}

#[test]
fn a_bad_salary_file_names_file_line_and_column() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("DKSalaries.csv");
    let text = crate::with_first_salary(&std::fs::read_to_string(demo_file()).unwrap(), "9,200");
    std::fs::write(&bad, text).unwrap();
    let out = cli(dir.path(), &["slate", "import", bad.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.starts_with("error[invalid_file]: DKSalaries.csv, line 2, column 'Game Info'"),
        "{stderr}"
    );
    let health = stdout_json(&cli(dir.path(), &["--json", "health"]));
    assert_eq!(health["data"]["slates"], 0);
}

#[test]
fn lineups_import_then_export_writes_the_same_upload_file() {
    let dir = tempfile::tempdir().unwrap();
    cli(
        dir.path(),
        &["slate", "import", demo_file().to_str().unwrap()],
    );
    let slate = stdout_json(&cli(dir.path(), &["--json", "slate", "show", "1"]));
    let pick = |position: &str, skip: usize| -> String {
        slate["players"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|p| p["position"] == position && p["game_state"] == "scheduled")
            .rev() // players come by salary, highest first: pick cheap ones
            .nth(skip)
            .unwrap()["dk_id"]
            .to_string()
    };
    let lineup = [
        pick("QB", 5),
        pick("RB", 10),
        pick("RB", 11),
        pick("WR", 20),
        pick("WR", 21),
        pick("WR", 22),
        pick("TE", 5),
        pick("WR", 23),
        pick("DST", 3),
    ]
    .join(",");
    let upload = format!("QB,RB,RB,WR,WR,WR,TE,FLEX,DST\r\n{lineup}\r\n");
    let mine = dir.path().join("mine.csv");
    std::fs::write(&mine, &upload).unwrap();

    let imported = stdout_json(&cli(
        dir.path(),
        &[
            "--json",
            "lineups",
            "import",
            "--slate",
            "1",
            mine.to_str().unwrap(),
        ],
    ));
    assert_eq!(imported["added"], 1, "{imported}");

    let out = dir.path().join("upload.csv");
    let export = cli(
        dir.path(),
        &[
            "lineups",
            "export",
            "--slate",
            "1",
            "--out",
            out.to_str().unwrap(),
        ],
    );
    assert!(export.status.success(), "{export:?}");
    assert_eq!(std::fs::read_to_string(&out).unwrap(), upload);

    let missing = cli(
        dir.path(),
        &[
            "--json", "lineups", "export", "--slate", "9", "--out", "x.csv",
        ],
    );
    assert_eq!(stdout_json(&missing)["error"]["code"], "not_found");
}

#[test]
fn optimize_builds_stacked_lineups_best_first_and_writes_the_upload_file() {
    let dir = tempfile::tempdir().unwrap();
    cli(
        dir.path(),
        &["slate", "import", demo_file().to_str().unwrap()],
    );
    let out = dir.path().join("upload.csv");
    let run = cli(
        dir.path(),
        &[
            "--json",
            "optimize",
            "--slate",
            "1",
            "--lineups",
            "3",
            "--qb-stack",
            "2",
            "--no-opp-dst",
            "--out",
            out.to_str().unwrap(),
        ],
    );
    assert!(run.status.success(), "{run:?}");
    let report = stdout_json(&run);
    let lineups = report["lineups"].as_array().unwrap();
    assert_eq!(lineups.len(), 3);
    let points: Vec<f64> = lineups
        .iter()
        .map(|l| l["points"].as_f64().unwrap())
        .collect();
    assert!(points.windows(2).all(|w| w[0] >= w[1]), "{points:?}");
    assert!(lineups
        .iter()
        .all(|l| l["salary"].as_u64().unwrap() <= 50_000));
    assert!(report["seconds"].as_f64().unwrap() > 0.0);

    // The upload file holds the same lineups by DraftKings ID; the store has them too.
    let text = std::fs::read_to_string(&out).unwrap();
    let rows: Vec<&str> = text.lines().skip(1).collect();
    let first: Vec<String> = lineups[0]["dk_ids"]
        .as_array()
        .unwrap()
        .iter()
        .map(|id| id.to_string())
        .collect();
    assert_eq!(rows.len(), 3);
    assert_eq!(rows[0], first.join(","));
    let stored = stdout_json(&cli(
        dir.path(),
        &["--json", "lineups", "list", "--slate", "1"],
    ));
    assert_eq!(stored.as_array().unwrap().len(), 3);
    assert_eq!(stored[0]["source"], "optimizer");
}

#[test]
fn optimize_says_why_no_lineup_exists() {
    let dir = tempfile::tempdir().unwrap();
    cli(
        dir.path(),
        &["slate", "import", demo_file().to_str().unwrap()],
    );
    // The six most expensive players cost more than the cap together.
    let slate = stdout_json(&cli(dir.path(), &["--json", "slate", "show", "1"]));
    let mut args: Vec<String> = ["optimize", "--slate", "1"].map(String::from).to_vec();
    for p in slate["players"].as_array().unwrap().iter().take(6) {
        args.push("--lock".into());
        args.push(p["dk_id"].to_string());
    }
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let out = cli(dir.path(), &args);
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.starts_with("error[no_lineup]: No lineup is possible: the locked players cost"),
        "{stderr}"
    );
    assert!(stderr.contains("over the 50000 cap"), "{stderr}");

    let unknown = cli(dir.path(), &["optimize", "--slate", "1", "--exclude", "42"]);
    assert!(String::from_utf8_lossy(&unknown.stderr)
        .contains("No player with DraftKings ID 42 on slate"));
}

#[test]
fn optimize_takes_slot_locks_exposure_team_limits_and_randomness() {
    let dir = tempfile::tempdir().unwrap();
    cli(
        dir.path(),
        &["slate", "import", demo_file().to_str().unwrap()],
    );
    let slate = stdout_json(&cli(dir.path(), &["--json", "slate", "show", "1"]));
    let wr = slate["players"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["position"] == "WR")
        .unwrap()["dk_id"]
        .to_string();
    let args = [
        "--json",
        "optimize",
        "--slate",
        "1",
        "--lineups",
        "5",
        "--lock-slot",
        &format!("{wr}=FLEX"),
        "--team-limit",
        "RB=1+QB",
        "--game-stack",
        "3",
        "--max-exposure",
        "60",
        "--randomness",
        "20",
        "--seed",
        "3",
    ];
    let run = cli(dir.path(), &args);
    assert!(run.status.success(), "{run:?}");
    let lineups = stdout_json(&run)["lineups"].as_array().unwrap().clone();
    assert_eq!(lineups.len(), 5);
    for l in &lineups {
        assert_eq!(l["dk_ids"][7].to_string(), wr, "the locked WR is in FLEX");
    }
    // The same seed again gives the same lineups.
    let again = stdout_json(&cli(dir.path(), &args))["lineups"].clone();
    let ids = |v: &Value| -> Vec<Value> {
        v.as_array()
            .unwrap()
            .iter()
            .map(|l| l["dk_ids"].clone())
            .collect()
    };
    assert_eq!(ids(&again), ids(&Value::Array(lineups)));

    let bad = cli(
        dir.path(),
        &[
            "optimize",
            "--slate",
            "1",
            "--lock-slot",
            &format!("{wr}=WR4"),
        ],
    );
    assert_eq!(bad.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("is not a slot"));
}

#[test]
fn optimize_with_entries_late_swaps_and_writes_the_filled_file() {
    let dir = tempfile::tempdir().unwrap();
    cli(
        dir.path(),
        &["slate", "import", demo_file().to_str().unwrap()],
    );
    let entries = dir.path().join("DKEntries.csv");
    std::fs::write(
        &entries,
        "Entry ID,Contest Name,Contest ID,Entry Fee,QB,RB,RB,WR,WR,WR,TE,FLEX,DST\n\
         7001,Single Entry,1,$3,,,,,,,,,\n",
    )
    .unwrap();
    let out = dir.path().join("DKEntries-out.csv");
    let run = cli(
        dir.path(),
        &[
            "--json",
            "optimize",
            "--slate",
            "1",
            "--entries",
            entries.to_str().unwrap(),
            "--as-of",
            "2027-01-03T19:00:00Z",
            "--out",
            out.to_str().unwrap(),
        ],
    );
    assert!(run.status.success(), "{run:?}");
    let report = stdout_json(&run);
    assert_eq!(report["entries"][0]["entry_id"], "7001");
    assert_eq!(
        report["entries"][0]["lineup"]["players"]
            .as_array()
            .unwrap()
            .len(),
        9
    );
    let text = std::fs::read_to_string(&out).unwrap();
    let row = text.lines().nth(1).unwrap();
    assert!(row.starts_with("7001,Single Entry,1,$3,"), "{row}");
    assert_eq!(row.matches('(').count(), 9, "nine `Name (ID)` cells: {row}");

    let no_out = cli(
        dir.path(),
        &[
            "optimize",
            "--slate",
            "1",
            "--entries",
            entries.to_str().unwrap(),
        ],
    );
    assert_eq!(no_out.status.code(), Some(2), "--entries needs --out");
}

#[test]
fn ingest_then_points_prints_every_player_and_dst_of_a_week() {
    let Some(data) = std::env::var_os("NFL_DFS_REAL_DATA")
        .map(std::path::PathBuf::from)
        .or_else(|| Some(std::path::PathBuf::from("../../../shared/data")))
        .filter(|p| p.join("nflverse").is_dir())
    else {
        println!("skipped: ../shared/data is absent");
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    for file in [
        "schedules/games.csv",
        "team_stats_weekly/stats_team_week_2018.csv",
        "player_stats_weekly/player_stats_2018.csv",
    ] {
        let run = cli(
            dir.path(),
            &[
                "ingest",
                "--from",
                data.join("nflverse").join(file).to_str().unwrap(),
            ],
        );
        assert!(run.status.success(), "{run:?}");
    }
    let week = stdout_json(&cli(
        dir.path(),
        &["--json", "points", "--season", "2018", "--week", "1"],
    ));
    let players = week["players"].as_array().unwrap();
    assert!(players.len() > 250);
    assert!(players[0]["gsis_id"].as_str().unwrap().starts_with("00-"));
    let chi = week["dsts"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["team"] == "CHI")
        .unwrap();
    assert_eq!(chi["dk_points"], 14.0);

    // A file that is not nflverse data: refused with its name, exit code 1.
    let other = dir.path().join("other.csv");
    std::fs::write(&other, "x,y\n1,2\n").unwrap();
    let refused = cli(dir.path(), &["ingest", "--from", other.to_str().unwrap()]);
    assert_eq!(refused.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&refused.stderr)
        .contains("other.csv, line 1: not an nflverse file"));
    // The same file in a subfolder of a chosen folder (a data dictionary beside the data) is
    // left alone and listed; the load succeeds.
    let tree = dir.path().join("tree");
    std::fs::create_dir_all(tree.join("dictionaries")).unwrap();
    std::fs::copy(&other, tree.join("dictionaries/other.csv")).unwrap();
    let walked = cli(dir.path(), &["ingest", "--from", tree.to_str().unwrap()]);
    assert!(walked.status.success(), "{walked:?}");
    assert!(String::from_utf8_lossy(&walked.stdout)
        .contains("left alone (not nflverse data the app reads): other.csv"));
}

#[test]
fn slate_matches_lists_every_player_with_his_gsis_id_or_null() {
    let data = std::path::PathBuf::from("../../../shared/data");
    if !data.join("nflverse").is_dir() {
        println!("skipped: ../shared/data is absent");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let stats = data.join("nflverse/player_stats_weekly/player_stats_2018.csv");
    assert!(
        cli(dir.path(), &["ingest", "--from", stats.to_str().unwrap()])
            .status
            .success()
    );
    let salaries = data.join("dk_salaries/2018_w05_sun_10-07_main.csv");
    assert!(
        cli(dir.path(), &["slate", "import", salaries.to_str().unwrap()])
            .status
            .success()
    );
    let matches = stdout_json(&cli(
        dir.path(),
        &["--json", "slate", "matches", "--slate", "1"],
    ));
    let players = matches["players"].as_array().unwrap();
    assert!(players.len() > 400);
    let gurley = players
        .iter()
        .find(|p| p["name"] == "Todd Gurley II")
        .unwrap();
    assert_eq!(gurley["gsis_id"], "00-0032241");
    assert_eq!(gurley["how"], "exact");
    let dst = players.iter().find(|p| p["position"] == "DST").unwrap();
    assert!(dst["gsis_id"].is_null());
    assert_eq!(dst["how"], "team");
    // Of the players who have scored in the NFL, at least 99% are matched.
    let scorers = matches["scorers_with_game"].as_u64().unwrap();
    assert!(matches["scorers_matched"].as_u64().unwrap() * 100 >= scorers * 99);
}

/// Serves `body` for paths ending in `games.csv` and 404 for the rest, on 127.0.0.1.
fn serve_games(body: &'static str) -> String {
    use std::io::{BufRead, BufReader, Write};
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    std::thread::spawn(move || {
        for mut stream in listener.incoming().flatten() {
            let mut line = String::new();
            let mut reader = BufReader::new(stream.try_clone().unwrap());
            reader.read_line(&mut line).unwrap();
            while reader.read_line(&mut String::new()).unwrap_or(0) > 2 {}
            let (status, text) = if line.contains("games.csv ") {
                ("200 OK", body)
            } else {
                ("404 Not Found", "")
            };
            let head = format!(
                "HTTP/1.1 {status}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
                text.len()
            );
            stream.write_all(head.as_bytes()).unwrap();
            stream.write_all(text.as_bytes()).unwrap();
        }
    });
    base
}

#[test]
fn ingest_seasons_downloads_from_the_configured_address() {
    let base = serve_games(
        "game_id,season,game_type,week,gameday,away_team,away_score,home_team,home_score\n\
         2024_01_BAL_KC,2024,REG,1,2024-09-05,BAL,20,KC,27\n",
    );
    let dir = tempfile::tempdir().unwrap();
    let set = cli(dir.path(), &["settings", "set", "nfl_data_url", &base]);
    assert!(set.status.success(), "{set:?}");
    let run = cli(dir.path(), &["--json", "ingest", "--seasons", "2023-2024"]);
    assert!(run.status.success(), "{run:?}");
    let report = stdout_json(&run);
    assert_eq!(report["files"][0]["file"], "games.csv");
    assert_eq!(report["files"][0]["rows"], 1);
    assert_eq!(
        report["missing"].as_array().unwrap().len(),
        24,
        "twelve files a season are not on this server"
    );
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert!(stderr.contains("[1/25] downloading games.csv"), "{stderr}");

    let backwards = cli(dir.path(), &["ingest", "--seasons", "2024-2022"]);
    assert_eq!(backwards.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&backwards.stderr).contains("runs backwards"));
    let both = cli(
        dir.path(),
        &["ingest", "--from", "x.csv", "--seasons", "2024"],
    );
    assert_eq!(
        both.status.code(),
        Some(2),
        "--from and --seasons exclude each other"
    );
}

#[test]
fn train_list_and_project_a_week() {
    let data = std::path::PathBuf::from("../../../shared/data/nflverse");
    if !data.is_dir() {
        println!("skipped: ../shared/data is absent");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    for file in [
        "schedules/games.csv",
        "player_stats_weekly/player_stats_2021.csv",
        "player_stats_weekly/player_stats_2022.csv",
        "team_stats_weekly/stats_team_week_2021.csv",
        "team_stats_weekly/stats_team_week_2022.csv",
    ] {
        let run = cli(
            dir.path(),
            &["ingest", "--from", data.join(file).to_str().unwrap()],
        );
        assert!(run.status.success(), "{run:?}");
    }
    let train = cli(dir.path(), &["--json", "train", "--until", "2022-10"]);
    assert!(train.status.success(), "{train:?}");
    let report = stdout_json(&train);
    assert_eq!(report["results"].as_array().unwrap().len(), 5);
    assert_eq!(report["version"], "r1");
    let list = String::from_utf8(cli(dir.path(), &["models", "list"]).stdout).unwrap();
    assert!(list.contains("QB   r1     *"), "{list}");

    let out = dir.path().join("week.csv");
    let project = cli(
        dir.path(),
        &[
            "project",
            "--season",
            "2022",
            "--week",
            "10",
            "--out",
            out.to_str().unwrap(),
        ],
    );
    assert!(project.status.success(), "{project:?}");
    let csv = std::fs::read_to_string(&out).unwrap();
    let mut lines = csv.lines();
    assert_eq!(
        lines.next(),
        Some("ID,Name,Position,Projection,Floor,Ceiling,P05,P50,P95")
    );
    assert!(lines.count() > 300);

    let rollback = cli(dir.path(), &["models", "rollback", "QB"]);
    assert_eq!(rollback.status.code(), Some(1), "nothing to roll back to");
    let bad = cli(dir.path(), &["train", "--until", "2022-40"]);
    assert_eq!(bad.status.code(), Some(2));
}

#[test]
fn backup_doctor_and_restore_bring_a_damaged_database_back() {
    let dir = tempfile::tempdir().unwrap();
    let set = cli(dir.path(), &["settings", "set", "salary_cap", "60000"]);
    assert!(set.status.success(), "{set:?}");
    let made = cli(dir.path(), &["--json", "backup"]);
    assert!(made.status.success(), "{made:?}");
    let made = stdout_json(&made);
    assert_eq!(made[0]["kind"], "database");
    assert_eq!(made[1]["kind"], "models");
    let listed = stdout_json(&cli(dir.path(), &["--json", "backups", "list"]));
    assert_eq!(listed.as_array().unwrap().len(), 2);
    let backup = made[0]["path"].as_str().unwrap().to_string();

    // Healthy but unset-up: warnings only, exit 0.
    let doctor = cli(dir.path(), &["doctor"]);
    let text = String::from_utf8_lossy(&doctor.stdout).to_string();
    assert!(doctor.status.success(), "{text}");
    assert!(text.contains("run: nfl-dfs-cli train"), "{text}");

    std::fs::write(dir.path().join("nfl-dfs.sqlite"), vec![7u8; 4096]).unwrap();
    for journal in ["nfl-dfs.sqlite-wal", "nfl-dfs.sqlite-shm"] {
        std::fs::remove_file(dir.path().join(journal)).ok();
    }
    let health = cli(dir.path(), &["health"]);
    assert_eq!(health.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&health.stderr).contains("nfl-dfs-cli doctor"));
    let doctor = cli(dir.path(), &["doctor"]);
    assert_eq!(doctor.status.code(), Some(1), "a problem exits 1");
    let text = String::from_utf8_lossy(&doctor.stdout).to_string();
    assert!(text.contains("PROBLEM  Database"), "{text}");
    assert!(
        text.contains(&format!("run: nfl-dfs-cli restore \"{backup}\"")),
        "{text}"
    );

    let restored = cli(dir.path(), &["restore", &backup]);
    assert!(restored.status.success(), "{restored:?}");
    assert!(String::from_utf8_lossy(&restored.stdout).contains("damaged-"));
    let cap = stdout_json(&cli(
        dir.path(),
        &["--json", "settings", "get", "salary_cap"],
    ));
    assert_eq!(cap["value"], 60000);

    let refused = cli(dir.path(), &["restore", "Cargo.toml"]);
    assert_eq!(refused.status.code(), Some(1));
    let err = String::from_utf8_lossy(&refused.stderr).to_string();
    assert!(err.starts_with("error[invalid_backup]"), "{err}");
}

#[test]
fn a_contest_is_added_picked_and_simulated_with_json_for_scripts() {
    let dir = tempfile::tempdir().unwrap();
    let import = cli(
        dir.path(),
        &["slate", "import", demo_file().to_str().unwrap()],
    );
    assert!(import.status.success(), "{import:?}");
    let added = stdout_json(&cli(
        dir.path(),
        &[
            "--json",
            "contest",
            "add",
            "--slate",
            "1",
            "--type",
            "tournament",
            "--entries",
            "1111",
            "--fee",
            "100",
        ],
    ));
    let id = added["contest_id"].as_i64().expect("contest_id");
    assert!(added["payouts"]["tiers"]
        .as_array()
        .is_some_and(|t| !t.is_empty()));
    // An edit replaces what it names and keeps the rest; a bad one is refused and changes
    // nothing.
    let bad = cli(
        dir.path(),
        &[
            "contest",
            "edit",
            "--contest",
            &id.to_string(),
            "--entries",
            "1",
        ],
    );
    assert_eq!(bad.status.code(), Some(1), "{bad:?}");
    assert!(String::from_utf8_lossy(&bad.stderr).contains("at least 2"));
    let edited = stdout_json(&cli(
        dir.path(),
        &[
            "--json",
            "contest",
            "edit",
            "--contest",
            &id.to_string(),
            "--name",
            "Sunday main",
        ],
    ));
    assert_eq!(edited["name"], "Sunday main");
    assert_eq!(edited["entries"], 1111);
    assert_eq!(edited["payouts"], added["payouts"]);
    let out_file = dir.path().join("pick.csv");
    let pick = cli(
        dir.path(),
        &[
            "--json",
            "contest",
            "pick",
            "--contest",
            &id.to_string(),
            "--sims",
            "500",
            "--candidates",
            "30",
            "--out",
            out_file.to_str().unwrap(),
        ],
    );
    assert!(pick.status.success(), "{pick:?}");
    let pick = stdout_json(&pick);
    for key in ["p_cash", "expected_payout", "roi"] {
        assert!(pick[key].is_number(), "{key} in {pick}");
        assert!(
            pick["max_projection"][key].is_number(),
            "max_projection.{key}"
        );
    }
    assert_eq!(pick["players"].as_array().unwrap().len(), 9);
    assert_eq!(
        pick["max_projection"]["players"].as_array().unwrap().len(),
        9
    );
    // Leverage: how often the best candidate of a slate holds him, less his ownership.
    for p in pick["players"].as_array().unwrap() {
        let (top, own, lev) = (
            p["top_rate"].as_f64().unwrap(),
            p["ownership"].as_f64().unwrap(),
            p["leverage"].as_f64().unwrap(),
        );
        assert!((0.0..=100.0).contains(&top), "{p}");
        assert!((lev - (top - own)).abs() < 1e-9, "{p}");
    }
    let (low, high) = (
        pick["p_cash_low"].as_f64().unwrap(),
        pick["p_cash_high"].as_f64().unwrap(),
    );
    assert!((0.0..=1.0).contains(&low) && low <= high, "{pick}");
    let upload = std::fs::read_to_string(&out_file).unwrap();
    assert!(upload.starts_with("QB,RB,RB,WR,WR,WR,TE,FLEX,DST"));
    // The simulated field, measured: every opponent, the cap spent; no real field yet.
    let contest = id.to_string();
    let args = ["contest", "field", "--contest", &contest, "--sims", "100"];
    let field = cli(dir.path(), &[&["--json"][..], &args].concat());
    assert!(field.status.success(), "{field:?}");
    let field = stdout_json(&field);
    assert_eq!(field["simulated"]["lineups"], 1110);
    assert!(field["simulated"]["near_cap_share"].as_f64().unwrap() > 0.9);
    assert!(field["real"].is_null());
    let text = cli(dir.path(), &args);
    let text = String::from_utf8_lossy(&text.stdout);
    assert!(
        text.contains("simulated") && text.contains("no real field"),
        "{text}"
    );
    let simulated = stdout_json(&cli(
        dir.path(),
        &[
            "--json",
            "simulate",
            "--slate",
            "1",
            "--lineups",
            out_file.to_str().unwrap(),
            "--sims",
            "500",
            "--contest",
            &id.to_string(),
        ],
    ));
    assert_eq!(simulated["lineups"].as_array().unwrap().len(), 1);
    // One lineup is the best of one in every slate.
    for p in simulated["lineups"][0]["lineup"]["players"]
        .as_array()
        .unwrap()
    {
        assert_eq!(p["top_rate"].as_f64(), Some(100.0), "{p}");
    }
    let own_file = dir.path().join("own.csv");
    let own = cli(
        dir.path(),
        &[
            "ownership",
            "--slate",
            "1",
            "--out",
            own_file.to_str().unwrap(),
        ],
    );
    assert!(own.status.success(), "{own:?}");
    assert!(std::fs::read_to_string(&own_file)
        .unwrap()
        .starts_with("ID,Name,Position,Ownership"));
}

#[test]
fn a_bad_contest_is_refused_with_its_reason_and_a_usage_error_exits_2() {
    let dir = tempfile::tempdir().unwrap();
    assert!(cli(
        dir.path(),
        &["slate", "import", demo_file().to_str().unwrap()]
    )
    .status
    .success());
    // `contest add --slate 1` with the rest of its arguments.
    let add = |rest: &[&str]| {
        let mut args = vec!["contest", "add", "--slate", "1"];
        args.extend_from_slice(rest);
        cli(dir.path(), &args)
    };
    let one = add(&["--type", "double-up", "--entries", "1", "--fee", "5"]);
    assert_eq!(one.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&one.stderr).contains("at least 2 entries"));
    let payouts = dir.path().join("payouts.csv");
    std::fs::write(&payouts, "Rank,Prize\n1-3,100\n3-5,50\n").unwrap();
    let overlap = add(&[
        "--type",
        "tournament",
        "--entries",
        "100",
        "--fee",
        "5",
        "--payouts",
        payouts.to_str().unwrap(),
    ]);
    assert_eq!(overlap.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&overlap.stderr).contains("overlap"));
    let kind = add(&["--type", "showdown", "--entries", "10", "--fee", "5"]);
    assert_eq!(kind.status.code(), Some(2));
    let add_on = |games: &str| {
        add(&[
            "--type",
            "double-up",
            "--entries",
            "100",
            "--fee",
            "5",
            "--games",
            games,
        ])
    };
    let unknown = add_on("KC@LV,SEA@SF");
    assert_eq!(unknown.status.code(), Some(1));
    let said = String::from_utf8_lossy(&unknown.stderr);
    assert!(
        said.contains("\"SEA@SF\" is no game of the slate"),
        "{said}"
    );
    let listed = stdout_json(&cli(dir.path(), &["--json", "contest", "list"]));
    assert_eq!(listed.as_array().unwrap().len(), 0, "nothing stored");
    // Games named by key or team: the contest lists them.
    let added = add_on("KC@LV,nyj");
    assert!(added.status.success(), "{added:?}");
    let text = String::from_utf8_lossy(&added.stdout);
    assert!(text.contains("covers KC@LV, NYJ@NE"), "{text}");
    let listed = stdout_json(&cli(dir.path(), &["--json", "contest", "list"]));
    assert_eq!(listed[0]["games"], serde_json::json!(["KC@LV", "NYJ@NE"]));
    let all = cli(
        dir.path(),
        &[
            "--json",
            "contest",
            "edit",
            "--contest",
            "1",
            "--games",
            "all",
        ],
    );
    assert!(all.status.success(), "{all:?}");
    assert_eq!(stdout_json(&all)["games"], serde_json::json!([]));
}

#[test]
fn the_track_record_says_when_no_contest_has_a_result_and_refuses_a_bad_count() {
    let dir = tempfile::tempdir().unwrap();
    let empty = cli(dir.path(), &["--json", "contest", "record"]);
    assert!(empty.status.success(), "{empty:?}");
    let record = stdout_json(&empty);
    assert_eq!(record["summary"]["contests"], 0);
    assert!(record["summary"]["verdict"]
        .as_str()
        .unwrap()
        .starts_with("No contest has a known result yet"));
    let text = cli(dir.path(), &["contest", "record"]);
    assert!(String::from_utf8_lossy(&text.stdout).contains("No contest has a known result yet"));
    let usage = cli(dir.path(), &["contest", "record", "--sims", "many"]);
    assert_eq!(usage.status.code(), Some(2));
    let few = cli(dir.path(), &["contest", "record", "--sims", "5"]);
    assert_eq!(few.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&few.stderr).contains("Simulations must be from 100"));
}

#[test]
fn no_out_file_may_overwrite_the_database() {
    let dir = tempfile::tempdir().unwrap();
    let import = cli(
        dir.path(),
        &["slate", "import", demo_file().to_str().unwrap()],
    );
    assert!(import.status.success(), "{import:?}");
    let database = dir.path().join("nfl-dfs.sqlite");
    let before = std::fs::read(&database).unwrap();
    for args in [
        vec!["ownership", "--slate", "1", "--out"],
        vec!["project", "--slate", "1", "--out"],
    ] {
        let mut args = args;
        args.push(database.to_str().unwrap());
        let out = cli(dir.path(), &args);
        assert_eq!(out.status.code(), Some(1), "{args:?}: {out:?}");
        assert!(
            String::from_utf8_lossy(&out.stderr).contains("the app's database"),
            "{out:?}"
        );
    }
    assert_eq!(std::fs::read(&database).unwrap(), before);
    let health = cli(dir.path(), &["health"]);
    assert!(health.status.success(), "{health:?}");
}

#[test]
fn a_listing_of_two_contests_imports_the_one_named_and_says_it_lists_only_the_top() {
    let dir = tempfile::tempdir().unwrap();
    assert!(cli(
        dir.path(),
        &["slate", "import", demo_file().to_str().unwrap()]
    )
    .status
    .success());
    // The demo slate's first players of each position make the listed lineups.
    let text = std::fs::read_to_string(demo_file()).unwrap();
    let mut by_position: std::collections::HashMap<String, Vec<String>> = Default::default();
    for line in text.lines().skip(1) {
        let cells: Vec<&str> = line.split(',').collect();
        by_position
            .entry(cells[0].to_string())
            .or_default()
            .push(cells[2].to_string());
    }
    let pick = |position: &str, k: usize| by_position[position][k].clone();
    let lineup = [
        pick("QB", 0),
        pick("RB", 0),
        pick("RB", 1),
        pick("WR", 0),
        pick("WR", 1),
        pick("WR", 2),
        pick("TE", 0),
        pick("RB", 2),
        pick("DST", 0),
    ]
    .join(",");
    let file = dir.path().join("lineups.csv");
    std::fs::write(
        &file,
        format!(
            "Contest ID,Contest Name,username,QB,RB1,RB2,WR1,WR2,WR3,TE,FLEX,DST,score,rank,maximumEntries\n\
             7,Spy,ann,{lineup},170.5,1,40\n7,Spy,bob,{lineup},150,2,40\n8,Blind Side,cy,{lineup},120,1,10\n\
             8,Blind Side,di,{lineup},110,2,10\n"
        ),
    )
    .unwrap();
    let path = file.to_str().unwrap();
    let unsaid = cli(dir.path(), &["contest", "standings", "--slate", "1", path]);
    assert_eq!(unsaid.status.code(), Some(1), "{unsaid:?}");
    let stderr = String::from_utf8_lossy(&unsaid.stderr);
    assert!(
        stderr.contains("holds 2 contests: 7 'Spy' (2 rows), 8 'Blind Side' (2 rows)"),
        "{stderr}"
    );
    let report = stdout_json(&cli(
        dir.path(),
        &[
            "--json",
            "contest",
            "standings",
            "--slate",
            "1",
            "--dk-contest",
            "7",
            path,
        ],
    ));
    assert_eq!(report["entries"], 2);
    assert_eq!(report["field_size"], 40);
    assert_eq!(report["contest"]["id"], "7");
    assert_eq!(report["matched"], report["players"]);
    let text = cli(
        dir.path(),
        &[
            "contest",
            "standings",
            "--slate",
            "1",
            "--dk-contest",
            "8",
            path,
        ],
    );
    let stdout = String::from_utf8_lossy(&text.stdout);
    assert!(
        stdout.contains("contest 8 'Blind Side': 10 entries"),
        "{stdout}"
    );
    assert!(stdout.contains("2 entries listed of its 10"), "{stdout}");
    // A contest that names its DraftKings ID is judged against that contest's standings.
    let add = |extra: &[&str]| {
        let base = [
            "contest",
            "add",
            "--slate",
            "1",
            "--type",
            "double-up",
            "--entries",
            "40",
            "--fee",
            "5",
        ];
        cli(dir.path(), &[&base[..], extra].concat())
    };
    let added = add(&["--dk-contest", "7", "--paid", "18"]);
    let stdout = String::from_utf8_lossy(&added.stdout);
    assert!(stdout.contains("DraftKings contest 7"), "{stdout}");
    assert!(stdout.contains("pays 18 places"), "{stdout}");
    let bad = add(&["--dk-contest", "../7"]);
    assert_eq!(bad.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("not a DraftKings contest ID"));
}
