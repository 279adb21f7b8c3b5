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
    assert_eq!(health["schema_version"], "m20261128_000001_initial");
    assert_eq!(
        health["database_path"],
        dir.path().join("nfl-dfs.sqlite").display().to_string()
    );
    assert_eq!(health["data"]["slates"], 0);

    let text = cli(dir.path(), &["health"]);
    let text = String::from_utf8(text.stdout).unwrap();
    assert!(
        text.contains("schema          m20261128_000001_initial"),
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
    assert_eq!(all.as_array().unwrap().len(), 7);
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
