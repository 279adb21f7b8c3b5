//! Where the shared real data is (`../shared/data`, or `NFL_DFS_REAL_DATA`); the core's tests
//! include this file too, so both crates skip the same way when it is absent.

use std::path::PathBuf;

/// The shared real-data folder, or None (with the reason printed) where it is absent.
pub fn real_data() -> Option<PathBuf> {
    let dir = std::env::var_os("NFL_DFS_REAL_DATA")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data"));
    if dir.join("dk_salaries").is_dir() {
        Some(dir)
    } else {
        eprintln!(
            "skipped: no real data at {} (set NFL_DFS_REAL_DATA to the shared data folder)",
            dir.display()
        );
        None
    }
}
