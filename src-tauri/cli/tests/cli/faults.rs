//! Fault tests: `nfl-dfs-cli` killed (SIGKILL, no chance to clean up) at many moments of an
//! ingest, a training run, a backup and a restore. After each kill the database passes
//! `PRAGMA integrity_check` (the troubleshooter's database check), holds whole files only
//! (the player-week count is one a prefix of complete files gives), and every stored model
//! version and backup is whole.

use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

fn cli_command(data_dir: &Path, args: &[&str]) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_nfl-dfs-cli"));
    command
        .arg("--data-dir")
        .arg(data_dir)
        .args(args)
        .env_remove("DATABASE_URL")
        .env_remove("NFL_DFS_DATA_DIR")
        .stdout(Stdio::null())
        .stderr(Stdio::null());
    command
}

fn json(data_dir: &Path, args: &[&str]) -> Value {
    let out = cli_command(data_dir, &[&["--json"], args].concat())
        .stdout(Stdio::piped())
        .output()
        .unwrap();
    serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("{args:?}: not JSON ({e})"))
}

fn run(data_dir: &Path, args: &[&str]) {
    let status = cli_command(data_dir, args).status().unwrap();
    assert!(status.success(), "{args:?} failed");
}

/// Runs the command and kills it after `delay`; true when it was still running then.
fn kill_after(data_dir: &Path, args: &[&str], delay: Duration) -> bool {
    let mut child = cli_command(data_dir, args).spawn().unwrap();
    let deadline = Instant::now() + delay;
    while Instant::now() < deadline {
        if child.try_wait().unwrap().is_some() {
            return false;
        }
        std::thread::sleep(Duration::from_millis(2));
    }
    let running = child.try_wait().unwrap().is_none();
    child.kill().ok();
    child.wait().unwrap();
    running
}

/// The troubleshooter's checks by name.
fn checks(data_dir: &Path) -> Vec<(String, String)> {
    json(data_dir, &["doctor"])["checks"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            (
                c["name"].as_str().unwrap().to_string(),
                c["status"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

fn assert_database_whole(data_dir: &Path, when: &str) {
    let checks = checks(data_dir);
    let database = checks.iter().find(|c| c.0 == "Database").unwrap();
    assert_eq!(
        database.1, "ok",
        "integrity after a kill {when}: {checks:?}"
    );
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap().flatten() {
        let target = to.join(entry.file_name());
        if entry.path().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

fn real_data() -> Option<PathBuf> {
    let dir = std::env::var_os("NFL_DFS_REAL_DATA")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data"));
    if dir.join("nflverse").is_dir() {
        Some(dir)
    } else {
        eprintln!(
            "skipped: no real data at {} (set NFL_DFS_REAL_DATA)",
            dir.display()
        );
        None
    }
}

/// A data folder with the demo NFL history loaded.
fn demo_history() -> tempfile::TempDir {
    let repo = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let base = tempfile::tempdir().unwrap();
    run(
        base.path(),
        &[
            "ingest",
            "--from",
            repo.join("data/nflverse-demo").to_str().unwrap(),
        ],
    );
    base
}

const DELAYS_MS: [u64; 8] = [40, 120, 250, 400, 600, 900, 1_300, 1_800];

#[test]
fn killed_ingests_and_backups_leave_whole_files_only() {
    let Some(data) = real_data() else { return };
    let stats: Vec<PathBuf> = (2018..=2022)
        .map(|s| data.join(format!("nflverse/player_stats_weekly/player_stats_{s}.csv")))
        .collect();
    // Reference: the player-week count after each whole file.
    let reference = tempfile::tempdir().unwrap();
    let mut whole = vec![0u64];
    for file in &stats {
        run(
            reference.path(),
            &["ingest", "--from", file.to_str().unwrap()],
        );
        whole.push(
            json(reference.path(), &["health"])["data"]["nfl_player_weeks"]
                .as_u64()
                .unwrap(),
        );
    }
    let folder = tempfile::tempdir().unwrap();
    for file in &stats {
        std::fs::copy(file, folder.path().join(file.file_name().unwrap())).unwrap();
    }

    let mut interrupted = 0;
    for delay in DELAYS_MS {
        let dir = tempfile::tempdir().unwrap();
        // The database exists (migrated) before the kill, as on a user's machine.
        run(dir.path(), &["health"]);
        let killed = kill_after(
            dir.path(),
            &["ingest", "--from", folder.path().to_str().unwrap()],
            Duration::from_millis(delay),
        );
        interrupted += usize::from(killed);
        assert_database_whole(dir.path(), &format!("{delay} ms into an ingest"));
        let weeks = json(dir.path(), &["health"])["data"]["nfl_player_weeks"]
            .as_u64()
            .unwrap();
        assert!(
            whole.contains(&weeks),
            "{weeks} player weeks is not a count of whole files {whole:?}"
        );
    }
    eprintln!(
        "{interrupted} of {} kills landed during an ingest",
        DELAYS_MS.len()
    );
    assert!(
        interrupted >= 4,
        "only {interrupted} kills landed during an ingest"
    );

    // Backups of the loaded database, killed part-way: the folder holds whole backups only.
    let mut interrupted = 0;
    for delay in [5, 20, 60, 150] {
        let dir = tempfile::tempdir().unwrap();
        copy_dir(reference.path(), dir.path());
        let killed = kill_after(dir.path(), &["backup"], Duration::from_millis(delay));
        interrupted += usize::from(killed);
        assert_database_whole(dir.path(), &format!("{delay} ms into a backup"));
        for backup in json(dir.path(), &["backups", "list"]).as_array().unwrap() {
            assert!(!backup["file_name"].as_str().unwrap().ends_with(".partial"));
        }
        let backups = checks(dir.path());
        let check = backups.iter().find(|c| c.0 == "Backups").unwrap();
        assert_ne!(
            check.1, "problem",
            "a listed backup does not restore: {backups:?}"
        );
    }
    eprintln!("{interrupted} of 4 kills landed during a backup");
    assert!(interrupted >= 1, "no kill landed during a backup");
}

#[test]
fn killed_training_runs_leave_loadable_models_in_production() {
    let base = demo_history();
    let repo = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    run(
        base.path(),
        &["models", "install", repo.join("models").to_str().unwrap()],
    );
    let mut interrupted = 0;
    for delay in DELAYS_MS {
        let dir = tempfile::tempdir().unwrap();
        copy_dir(base.path(), dir.path());
        let killed = kill_after(dir.path(), &["train"], Duration::from_millis(delay));
        interrupted += usize::from(killed);
        let checks = checks(dir.path());
        for (name, status) in &checks {
            if name == "Database" || name.ends_with(" model") {
                assert_eq!(
                    status, "ok",
                    "{name} after a kill {delay} ms into training: {checks:?}"
                );
            }
        }
        for version in json(dir.path(), &["models", "list"]).as_array().unwrap() {
            let path = dir.path().join(format!(
                "models/registry/{}/{}/model.json.gz",
                version["position"].as_str().unwrap(),
                version["version"].as_str().unwrap()
            ));
            assert!(
                path.is_file(),
                "{} is listed but not on disk",
                path.display()
            );
        }
    }
    eprintln!(
        "{interrupted} of {} kills landed during training",
        DELAYS_MS.len()
    );
    assert!(
        interrupted >= 3,
        "only {interrupted} kills landed during training"
    );
}

#[test]
fn killed_restores_leave_one_whole_database_old_or_new() {
    let base = demo_history();
    let made = json(base.path(), &["backup"]);
    let backup = made.as_array().unwrap()[0]["file_name"]
        .as_str()
        .unwrap()
        .to_string();
    // After the backup: a change the restore takes away.
    run(base.path(), &["settings", "set", "nfl_seasons", "4"]);
    let weeks = json(base.path(), &["health"])["data"]["nfl_player_weeks"]
        .as_u64()
        .unwrap();
    let mut interrupted = 0;
    for delay in [5, 15, 30, 50, 80, 120, 180, 260] {
        let dir = tempfile::tempdir().unwrap();
        copy_dir(base.path(), dir.path());
        let file = dir.path().join("backups").join(&backup);
        let killed = kill_after(
            dir.path(),
            &["restore", file.to_str().unwrap()],
            Duration::from_millis(delay),
        );
        interrupted += usize::from(killed);
        assert_database_whole(dir.path(), &format!("{delay} ms into a restore"));
        // Either the database as it was or the backup, each whole.
        let seasons = json(dir.path(), &["settings", "get", "nfl_seasons"])["value"]
            .as_u64()
            .unwrap();
        assert!(
            seasons == 4 || seasons == 3,
            "nfl_seasons {seasons} after a kill {delay} ms into a restore"
        );
        assert_eq!(
            json(dir.path(), &["health"])["data"]["nfl_player_weeks"].as_u64(),
            Some(weeks),
            "a kill {delay} ms into a restore lost rows"
        );
        for listed in json(dir.path(), &["backups", "list"]).as_array().unwrap() {
            let name = listed["file_name"].as_str().unwrap();
            assert!(!name.ends_with(".partial") && !name.contains(".restoring"));
        }
        // A restore after the kill finishes and lands the backup.
        run(dir.path(), &["restore", file.to_str().unwrap()]);
        let seasons = json(dir.path(), &["settings", "get", "nfl_seasons"]);
        assert_eq!(seasons["source"], "default");
    }
    eprintln!("{interrupted} of 8 kills landed during a restore");
    assert!(interrupted >= 1, "no kill landed during a restore");
}
