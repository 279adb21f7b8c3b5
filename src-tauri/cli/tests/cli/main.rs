//! The CLI's tests, one binary: the real `nfl-dfs-cli` run against real data folders.

mod cli;
mod faults;
mod hostile;
