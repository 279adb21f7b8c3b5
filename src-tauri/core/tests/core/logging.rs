//! Logging writes daily files named `nfl-dfs.<date>.log` into the logs folder.
//! (The only test that installs the global subscriber: it can be installed once per process.)

#[test]
fn log_lines_reach_a_dated_file_in_the_logs_folder() {
    let dir = tempfile::tempdir().unwrap();
    let logs = dir.path().join("logs");
    let guard = nfl_dfs_core::logging::init(&logs, "error", Default::default()).unwrap();
    tracing::info!("hello from the logging test");
    drop(guard); // flushes the non-blocking writer

    let files: Vec<_> = std::fs::read_dir(&logs)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    let today = chrono::Local::now().date_naive();
    let utc_today = chrono::Utc::now().date_naive();
    assert_eq!(files.len(), 1, "{files:?}");
    let name = &files[0];
    assert!(
        *name == format!("nfl-dfs.{today}.log") || *name == format!("nfl-dfs.{utc_today}.log"),
        "{name}"
    );
    let text = std::fs::read_to_string(logs.join(name)).unwrap();
    assert!(text.contains("hello from the logging test"), "{text}");

    let second = nfl_dfs_core::logging::init(&logs, "error", Default::default()).unwrap_err();
    assert!(second.to_string().contains("already"), "{second}");
}
