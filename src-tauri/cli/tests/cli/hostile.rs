//! Hostile and careless input through the CLI, one test per finding of the reliability review:
//! each is refused with a clear error (exit 1 or 2, never a panic's 101) well within a time
//! limit, with every table unchanged and nothing outside the data folder created, changed or
//! removed.

use sea_orm::ConnectionTrait;
use serde_json::Value;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

/// The CLI started on `data` with `args`, its output piped.
fn spawn_cli(data: &Path, args: &[&str]) -> std::process::Child {
    Command::new(env!("CARGO_BIN_EXE_nfl-dfs-cli"))
        .arg("--data-dir")
        .arg(data)
        .args(args)
        .env_remove("DATABASE_URL")
        .env_remove("NFL_DFS_DATA_DIR")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap()
}

/// Waits for each of `children` and checks that it succeeded; returns their outputs.
fn all_succeed(children: Vec<std::process::Child>) -> Vec<Output> {
    children
        .into_iter()
        .map(|child| {
            let out = child.wait_with_output().unwrap();
            assert!(
                out.status.success(),
                "{}",
                String::from_utf8_lossy(&out.stderr)
            );
            out
        })
        .collect()
}

/// A command that has not finished by then is taken for a hang.
const HANG: Duration = Duration::from_secs(10);

/// A sandbox: `data/` is the data folder; `outside/` holds a file no command may touch; inputs
/// are written under `inputs/`.
struct Sandbox {
    root: tempfile::TempDir,
}

impl Sandbox {
    fn new() -> Sandbox {
        let root = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(root.path().join("outside")).unwrap();
        std::fs::create_dir_all(root.path().join("inputs")).unwrap();
        std::fs::write(root.path().join("outside/victim.txt"), b"keep me").unwrap();
        let sb = Sandbox { root };
        // The database exists (migrated) before anything hostile, as on a user's machine.
        sb.ok(&["health"]);
        sb
    }

    /// With the demo slate imported (slate 1).
    fn with_slate() -> Sandbox {
        let sb = Sandbox::new();
        sb.ok(&[
            "slate",
            "import",
            repo("data/DKSalaries-demo.csv").to_str().unwrap(),
        ]);
        sb
    }

    /// With the demo slate, history and shipped models.
    fn with_models() -> Sandbox {
        let sb = Sandbox::with_slate();
        sb.ok(&[
            "ingest",
            "--from",
            repo("data/nflverse-demo").to_str().unwrap(),
        ]);
        sb.ok(&["models", "install", repo("models").to_str().unwrap()]);
        sb
    }

    fn data(&self) -> PathBuf {
        self.root.path().join("data")
    }

    fn path(&self, rel: &str) -> PathBuf {
        self.root.path().join(rel)
    }

    fn input(&self, name: &str, bytes: &[u8]) -> String {
        let path = self.path("inputs").join(name);
        std::fs::write(&path, bytes).unwrap();
        path.display().to_string()
    }

    /// Runs the CLI, failing the test when it runs past [`HANG`].
    fn run(&self, args: &[&str]) -> Output {
        let mut child = spawn_cli(&self.data(), args);
        let started = Instant::now();
        loop {
            if child.try_wait().unwrap().is_some() {
                return child.wait_with_output().unwrap();
            }
            if started.elapsed() > HANG {
                child.kill().ok();
                let out = child.wait_with_output().unwrap();
                panic!(
                    "{args:?} still ran after {HANG:?}: {}",
                    String::from_utf8_lossy(&out.stderr)
                );
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    fn ok(&self, args: &[&str]) -> Output {
        let out = self.run(args);
        assert!(out.status.success(), "{args:?}: {out:?}");
        out
    }

    /// Every table's rows, and every file outside the data folder.
    fn snapshot(&self) -> Snapshot {
        Snapshot {
            tables: tables(&self.data().join("nfl-dfs.sqlite")),
            outside: files(self.root.path(), &self.data()),
        }
    }

    /// Runs a command that must be refused: exit 1 or 2, `expect` in its message, and nothing
    /// changed. Returns the message.
    fn refused(&self, args: &[&str], expect: &str) -> String {
        let before = self.snapshot();
        let out = self.run(args);
        let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
        assert!(
            matches!(out.status.code(), Some(1 | 2)),
            "{args:?} exited {:?}: {stderr}",
            out.status.code()
        );
        assert!(!stderr.contains("panicked"), "{args:?} panicked: {stderr}");
        assert!(
            stderr.contains(expect),
            "{args:?}: expected '{expect}' in: {stderr}"
        );
        let after = self.snapshot();
        assert_eq!(before.tables, after.tables, "{args:?} changed the database");
        assert_eq!(
            before.outside, after.outside,
            "{args:?} touched files outside the data folder"
        );
        stderr
    }
}

#[derive(Debug, PartialEq)]
struct Snapshot {
    tables: BTreeMap<String, Vec<String>>,
    outside: BTreeMap<PathBuf, Vec<u8>>,
}

fn repo(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .join(rel)
}

/// Every row of every table, as SQLite quotes it.
fn tables(db: &Path) -> BTreeMap<String, Vec<String>> {
    if !db.exists() {
        return BTreeMap::new();
    }
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    runtime.block_on(async {
        let url = format!("sqlite://{}?mode=ro", db.display());
        let conn = sea_orm::Database::connect(url).await.unwrap();
        let query = |sql: String| {
            let conn = &conn;
            async move {
                conn.query_all_raw(sea_orm::Statement::from_string(
                    sea_orm::DbBackend::Sqlite,
                    sql,
                ))
                .await
                .unwrap()
                .into_iter()
                .map(|r| r.try_get_by_index::<String>(0).unwrap())
                .collect::<Vec<String>>()
            }
        };
        let names = query(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' \
             ORDER BY name"
                .into(),
        )
        .await;
        let mut out = BTreeMap::new();
        for name in names {
            let columns = query(format!("SELECT name FROM pragma_table_info('{name}')")).await;
            let row = columns
                .iter()
                .map(|c| format!("quote(\"{c}\")"))
                .collect::<Vec<_>>()
                .join(" || '|' || ");
            let rows = query(format!("SELECT {row} FROM \"{name}\" ORDER BY rowid")).await;
            out.insert(name, rows);
        }
        conn.close().await.ok();
        out
    })
}

/// Every file under `root` but those in `skip`, with its bytes (links by their target).
fn files(root: &Path, skip: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    let mut out = BTreeMap::new();
    let mut stack = vec![root.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap().flatten() {
            let path = entry.path();
            if path == skip {
                continue;
            }
            let meta = std::fs::symlink_metadata(&path).unwrap();
            if meta.is_dir() {
                out.insert(path.clone(), b"<dir>".to_vec());
                stack.push(path);
            } else if meta.file_type().is_symlink() {
                let target = std::fs::read_link(&path).unwrap();
                out.insert(path, target.display().to_string().into_bytes());
            } else {
                out.insert(path.clone(), std::fs::read(&path).unwrap());
            }
        }
    }
    out
}

fn json(out: &Output) -> Value {
    serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("not JSON ({e}): {}", String::from_utf8_lossy(&out.stdout)))
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    use std::io::Write;
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    gz.write_all(bytes).unwrap();
    gz.finish().unwrap()
}

/// A gzip stream of `n` bytes of `byte`, written without holding them in memory.
fn gzip_bomb(head: &[u8], byte: u8, n: u64) -> Vec<u8> {
    use std::io::Write;
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    gz.write_all(head).unwrap();
    let block = vec![byte; 1 << 20];
    for _ in 0..n >> 20 {
        gz.write_all(&block).unwrap();
    }
    gz.finish().unwrap()
}

/// A shipped-models folder `inputs/<folder>/` holding the baseline QB model as version
/// `version`, with `metadata.json` naming `names` and `model.json.gz` holding `model` (the
/// baseline's when None). Returns the folder to install from.
fn bundle(
    sb: &Sandbox,
    folder: &str,
    version: &str,
    names: &str,
    model: Option<Vec<u8>>,
) -> String {
    let dir = sb.path(&format!("inputs/{folder}/QB/{version}"));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::copy(
        repo("models/QB/baseline/features.json"),
        dir.join("features.json"),
    )
    .unwrap();
    let model =
        model.unwrap_or_else(|| std::fs::read(repo("models/QB/baseline/model.json.gz")).unwrap());
    std::fs::write(dir.join("model.json.gz"), model).unwrap();
    let metadata = std::fs::read_to_string(repo("models/QB/baseline/metadata.json"))
        .unwrap()
        .replace(
            "\"version\": \"baseline\"",
            &format!("\"version\": \"{names}\""),
        );
    std::fs::write(dir.join("metadata.json"), metadata).unwrap();
    sb.path(&format!("inputs/{folder}")).display().to_string()
}

// ---------------------------------------------------------------------------------------------
// Data loss and paths outside the data folder

#[test]
fn model_versions_that_name_paths_are_refused_and_delete_nothing() {
    let sb = Sandbox::with_models();
    let outside = sb.path("outside").display().to_string();
    for version in ["../..", "..", &outside, "a/b", ".hidden", ""] {
        sb.refused(
            &["models", "delete", "QB", version],
            "is not a valid model version",
        );
    }
    sb.refused(
        &["models", "deploy", "QB", "../../x"],
        "is not a valid model version",
    );
    let registry = sb.data().join("models/registry/QB/baseline/model.json.gz");
    assert!(registry.exists(), "the registry lost its production model");
}

#[test]
fn a_bundle_whose_metadata_names_another_version_is_refused() {
    let sb = Sandbox::with_slate();
    let from = bundle(&sb, "bundle", "evil", "/tmp/anything", None);
    sb.refused(&["models", "install", &from], "must name its own folder");
    let listed = json(&sb.ok(&["--json", "models", "list"]));
    assert_eq!(listed.as_array().unwrap().len(), 0);

    let bad_name = sb.path("inputs/named/QB/..bad");
    std::fs::create_dir_all(&bad_name).unwrap();
    let named = sb.path("inputs/named").display().to_string();
    sb.refused(
        &["models", "install", &named],
        "is not a valid model version",
    );
}

#[test]
fn models_export_under_a_climbing_name_is_refused() {
    let sb = Sandbox::with_models();
    let to = sb.path("inputs/export").display().to_string();
    sb.refused(
        &["models", "export", "--to", &to, "--as", "../../../escape"],
        "is not a valid model version",
    );
    assert!(!sb.path("escape").exists());
    sb.ok(&["models", "export", "--to", &to, "--as", "v2"]);
    assert!(sb.path("inputs/export/QB/v2/model.json.gz").exists());
}

#[test]
fn restoring_the_live_database_is_refused_and_loses_nothing() {
    let sb = Sandbox::with_models();
    let live = sb.data().join("nfl-dfs.sqlite").display().to_string();
    sb.refused(&["restore", &live], "it is the live database itself");
    let health = json(&sb.ok(&["--json", "health"]));
    assert_eq!(health["data"]["slates"], 1);
    assert!(health["data"]["nfl_player_weeks"].as_u64().unwrap() > 0);
}

#[test]
fn a_restore_while_another_process_holds_the_folder_waits_then_names_it() {
    let sb = Sandbox::with_slate();
    let backup = json(&sb.ok(&["--json", "backup"]));
    let file = backup[0]["path"].as_str().unwrap().to_string();
    // The test process opens the folder as the window does, and keeps it open.
    let runtime = tokio::runtime::Runtime::new().unwrap();
    let paths = nfl_dfs_core::paths::DataPaths::in_folder(sb.data());
    let window = runtime
        .block_on(nfl_dfs_core::Workspace::open(paths))
        .unwrap();
    let message = sb.refused(&["restore", &file], "error[busy]");
    assert!(message.contains("in use by"), "{message}");
    assert!(message.contains("Nothing was changed"), "{message}");
    // A command that only reads or writes rows goes on beside it.
    sb.ok(&["settings", "set", "nfl_seasons", "4"]);
    runtime.block_on(window.close()).unwrap();
    drop(window);
    sb.ok(&["restore", &file]);
    let restored = json(&sb.ok(&["--json", "settings", "get", "nfl_seasons"]));
    assert_eq!(
        restored["source"], "default",
        "the backup predates the setting"
    );
}

#[test]
#[cfg(unix)]
fn exports_never_follow_a_link_planted_at_the_temporary_name() {
    let sb = Sandbox::with_models();
    sb.ok(&["optimize", "--slate", "1"]);
    let out = sb.path("inputs/upload.csv");
    let victim = sb.path("outside/victim.txt");
    std::os::unix::fs::symlink(&victim, sb.path("inputs/upload.csv.partial")).unwrap();
    sb.ok(&[
        "lineups",
        "export",
        "--slate",
        "1",
        "--out",
        out.to_str().unwrap(),
    ]);
    assert_eq!(std::fs::read(&victim).unwrap(), b"keep me");
    assert!(std::fs::read_to_string(&out)
        .unwrap()
        .starts_with("QB,RB,RB,WR"));
    let project_out = sb.path("inputs/projections.csv");
    std::os::unix::fs::symlink(&victim, sb.path("inputs/projections.partial")).unwrap();
    sb.ok(&[
        "project",
        "--slate",
        "1",
        "--out",
        project_out.to_str().unwrap(),
    ]);
    assert_eq!(std::fs::read(&victim).unwrap(), b"keep me");
}

// ---------------------------------------------------------------------------------------------
// Bad values stored silently

#[test]
fn an_absurd_salary_is_refused_naming_line_and_column() {
    let sb = Sandbox::new();
    let text = crate::with_first_salary(
        &std::fs::read_to_string(repo("data/DKSalaries-demo.csv")).unwrap(),
        "3000000000",
    );
    let file = sb.input("DKSalaries.csv", text.as_bytes());
    let message = sb.refused(&["slate", "import", &file], "line 2, column 'Salary'");
    assert!(message.contains("at most $100000"), "{message}");
}

/// The first weekly-stats file of the demo history with one cell replaced.
fn player_week_with(column: &str, value: &str) -> Vec<u8> {
    let text =
        std::fs::read_to_string(repo("data/nflverse-demo/stats_player_week_2025.csv")).unwrap();
    let mut lines = text.lines();
    let header = lines.next().unwrap();
    let index = header.split(',').position(|h| h == column).unwrap();
    let row: Vec<String> = lines
        .next()
        .unwrap()
        .split(',')
        .enumerate()
        .map(|(i, c)| {
            if i == index {
                value.to_string()
            } else {
                c.to_string()
            }
        })
        .collect();
    format!("{header}\n{}\n", row.join(",")).into_bytes()
}

#[test]
fn non_finite_numbers_and_impossible_seasons_in_nfl_data_are_refused() {
    let sb = Sandbox::with_slate();
    for (column, value, expect) in [
        (
            "passing_yards",
            "inf",
            "column 'passing_yards': 'inf' is not a finite number",
        ),
        ("passing_yards", "1e400", "'1e400' is not a finite number"),
        ("passing_yards", "NaN", "'NaN' is not a finite number"),
        (
            "season",
            "30000000",
            "column 'season': 30000000 is not a season",
        ),
        ("week", "99", "column 'week': 99 is not a week"),
    ] {
        let file = sb.input(
            "stats_player_week_2025.csv",
            &player_week_with(column, value),
        );
        let message = sb.refused(&["ingest", "--from", &file], expect);
        assert!(
            message.contains("stats_player_week_2025.csv, line 2"),
            "{message}"
        );
    }
}

#[test]
fn out_of_range_arguments_are_usage_errors() {
    let sb = Sandbox::new();
    for args in [
        &["train", "--until", "2147483647-1"][..],
        &["train", "--until", "2023-0"],
        &["train", "--search-seconds", "99999999"],
        &["points", "--season", "30000000", "--week", "1"],
        &["project", "--season", "2023", "--week", "-4"],
        &["ingest", "--seasons", "1900-2200"],
    ] {
        let out = sb.run(args);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {out:?}");
    }
}

#[test]
fn a_player_both_locked_and_excluded_is_an_error_not_a_dropped_lock() {
    let sb = Sandbox::with_slate();
    let message = sb.refused(
        &[
            "optimize",
            "--slate",
            "1",
            "--lock",
            "91000164",
            "--exclude",
            "91000164",
        ],
        "both locked and excluded",
    );
    assert!(message.contains("Grady Yardley"), "{message}");
}

#[test]
fn optimize_into_a_missing_folder_stores_no_lineups() {
    let sb = Sandbox::with_slate();
    let out = sb.path("inputs/no-such-folder/upload.csv");
    sb.refused(
        &["optimize", "--slate", "1", "--out", out.to_str().unwrap()],
        "does not exist",
    );
}

// ---------------------------------------------------------------------------------------------
// Hangs, memory and concurrency

#[test]
fn rule_sets_that_admit_no_lineup_are_refused_before_searching() {
    let sb = Sandbox::with_slate();
    sb.refused(
        &["optimize", "--slate", "1", "--min-salary", "60000"],
        "above the most a lineup may use",
    );
    sb.refused(
        &["optimize", "--slate", "1", "--game-stack", "9"],
        "at least two games",
    );
    sb.refused(
        &["optimize", "--slate", "1", "--qb-stack", "6"],
        "QB stack of 6",
    );
    sb.refused(
        &[
            "optimize",
            "--slate",
            "1",
            "--qb-stack",
            "4",
            "--bring-back",
            "4",
        ],
        "more than 8 players in one game",
    );
    // With history loaded, projecting the slate links its players: a refused run must not
    // get that far.
    let sb = Sandbox::with_models();
    sb.refused(
        &["optimize", "--slate", "1", "--min-salary", "60000"],
        "above the most a lineup may use",
    );
}

#[cfg(unix)]
#[test]
fn paths_of_the_wrong_kind_are_refused_saying_what_they_are() {
    let sb = Sandbox::new();
    // Outside the sandbox, whose every file the refusals compare before and after.
    let elsewhere = tempfile::tempdir().unwrap();
    let fifo = elsewhere.path().join("pipe.csv");
    assert!(Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap()
        .success());
    let fifo = fifo.to_str().unwrap();
    sb.refused(&["slate", "import", fifo], "FIFO (named pipe)");
    sb.refused(&["ingest", "--from", fifo], "FIFO (named pipe)");
    sb.refused(&["ingest", "--from", "/dev/zero"], "is a device");
    sb.refused(&["models", "install", fifo], "FIFO (named pipe)");
    sb.refused(&["restore", "/dev/zero"], "is a device");
    // A data folder that is a file, a device, or a link that loops.
    let file = elsewhere.path().join("a-file");
    std::fs::write(&file, b"x").unwrap();
    let looped = elsewhere.path().join("loop");
    std::os::unix::fs::symlink("loop-too", &looped).unwrap();
    std::os::unix::fs::symlink("loop", elsewhere.path().join("loop-too")).unwrap();
    for (dir, says) in [
        (file.as_path(), "is a file, not a folder"),
        (Path::new("/dev/null"), "is a device, not a folder"),
        (looped.as_path(), "loops back on itself"),
    ] {
        let out = Command::new(env!("CARGO_BIN_EXE_nfl-dfs-cli"))
            .arg("--data-dir")
            .arg(dir)
            .arg("health")
            .env_remove("DATABASE_URL")
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{dir:?}: {stderr}");
        assert!(stderr.contains(says), "{dir:?}: {stderr}");
    }
}

#[test]
fn processes_opening_a_new_data_folder_at_once_all_open_it() {
    let root = tempfile::tempdir().unwrap();
    let data = root.path().join("fresh");
    // Six at once on a folder no process has opened: one migrates, the others wait for it.
    let children = (0..6)
        .map(|_| spawn_cli(&data, &["--json", "health"]))
        .collect();
    for out in all_succeed(children) {
        let health: Value = serde_json::from_slice(&out.stdout).unwrap();
        assert!(
            health["migrations_applied"].as_u64().unwrap() > 0,
            "{health}"
        );
    }
}

#[test]
fn slate_imports_at_the_same_time_all_land() {
    let sb = Sandbox::new();
    let demo = std::fs::read_to_string(repo("data/DKSalaries-demo.csv")).unwrap();
    // Three different files (one salary moved each) so none is recognised as a repeat.
    let files: Vec<String> = (0..3)
        .map(|i| {
            let text = crate::with_first_salary(&demo, &format!("{}", 9100 + i));
            sb.input(&format!("DKSalaries-{i}.csv"), text.as_bytes())
        })
        .collect();
    let children = files
        .iter()
        .map(|file| spawn_cli(&sb.data(), &["slate", "import", file]))
        .collect();
    all_succeed(children);
    let slates = json(&sb.ok(&["--json", "slate", "list"]));
    assert_eq!(slates.as_array().unwrap().len(), 3);
}

#[test]
fn a_small_gzip_that_unpacks_to_gigabytes_is_refused() {
    let sb = Sandbox::with_slate();
    let header = std::fs::read_to_string(repo("data/nflverse-demo/stats_player_week_2025.csv"))
        .unwrap()
        .lines()
        .next()
        .unwrap()
        .to_string();
    // One endless field: the header, then 600 MB of one cell.
    let bomb = gzip_bomb(format!("{header}\n").as_bytes(), b'7', 600 << 20);
    assert!(bomb.len() < 2 << 20, "the bomb is {} bytes", bomb.len());
    let file = sb.input("stats_player_week_2025.csv.gz", &bomb);
    sb.refused(
        &["ingest", "--from", &file],
        "stats_player_week_2025.csv.gz",
    );
}

#[test]
fn a_model_file_that_unpacks_to_gigabytes_is_refused() {
    let sb = Sandbox::with_slate();
    let from = bundle(
        &sb,
        "bundle",
        "big",
        "big",
        Some(gzip_bomb(b"", b' ', 300 << 20)),
    );
    sb.refused(&["models", "install", &from], "larger than");
}

#[test]
fn a_crafted_model_with_short_coefficients_is_refused_not_a_crash() {
    let sb = Sandbox::with_slate();
    // A shipped linear model (ridge or elastic net: both keep a coefficient matrix); every
    // offense model takes the same features, so it stands in for the QB's.
    let (model, learner) = ["QB", "RB", "WR", "TE"]
        .iter()
        .find_map(|position| {
            use std::io::Read;
            let mut text = String::new();
            flate2::read::GzDecoder::new(
                std::fs::File::open(repo(&format!("models/{position}/baseline/model.json.gz")))
                    .unwrap(),
            )
            .read_to_string(&mut text)
            .unwrap();
            let model: Value = serde_json::from_str(&text).unwrap();
            ["Ridge", "ElasticNet"]
                .into_iter()
                .find(|learner| model["fitted"][learner]["coefficients"]["values"].is_array())
                .map(|learner| (model.clone(), learner))
        })
        .expect("a shipped linear model");
    let values = model["fitted"][learner]["coefficients"]["values"]
        .as_array()
        .unwrap()
        .clone();
    // Fewer coefficients than features, and fewer values than the shape says.
    for (name, nrows, kept) in [("short", 5, 5), ("torn", 17, 3)] {
        let mut crafted = model.clone();
        let c = &mut crafted["fitted"][learner]["coefficients"];
        c["nrows"] = nrows.into();
        c["values"] = Value::Array(values[..kept].to_vec());
        let model = gzip(&serde_json::to_vec(&crafted).unwrap());
        let from = bundle(&sb, name, name, name, Some(model));
        sb.refused(&["models", "install", &from], "does not predict");
    }
}

#[test]
fn a_models_archive_that_unpacks_to_gigabytes_is_refused() {
    let sb = Sandbox::with_models();
    // A tar whose one file declares 4 GiB: refused before a byte is written.
    let mut header = tar::Header::new_gnu();
    header.set_path("models/registry/huge.bin").unwrap();
    header.set_size(4 << 30);
    header.set_mode(0o644);
    header.set_cksum();
    let mut tar_bytes = header.as_bytes().to_vec();
    tar_bytes.extend(std::iter::repeat_n(0u8, 1 << 20));
    let file = sb.input(
        "models-20261128T030000000Z-manual.tar.gz",
        &gzip(&tar_bytes),
    );
    sb.refused(&["restore", &file], "more than a models backup holds");
    assert!(!sb.data().join("models.restoring").exists());
}

#[test]
fn a_salary_file_of_ten_thousand_games_imports() {
    let sb = Sandbox::new();
    let mut text = String::from(
        "Position,Name + ID,Name,ID,Roster Position,Salary,Game Info,TeamAbbrev,AvgPointsPerGame\n",
    );
    // Three-letter codes, base 26; each game its own two teams and day.
    let team = |n: usize| -> String {
        [n / 676, n / 26, n]
            .iter()
            .map(|d| (b'A' + (d % 26) as u8) as char)
            .collect()
    };
    for g in 0..10_000usize {
        let (away, home) = (team(g % 8000), team(8000 + g % 8000));
        let day = 1 + g / 8000;
        let info = format!("{away}@{home} 01/{day:02}/2027 01:00PM ET");
        text.push_str(&format!(
            "WR,P{g} ({id}),P{g},{id},WR/FLEX,3000,{info},{away},1.0\n",
            id = 10_000_000 + g
        ));
    }
    let file = sb.input("DKSalaries-huge.csv", text.as_bytes());
    let out = json(&sb.ok(&["--json", "slate", "import", &file]));
    assert_eq!(out["slate"]["games"], 10_000);
}
