//! Logging: `tracing` to the console (stderr, so `--json` output on stdout stays clean) and to
//! daily-rotated files `nfl-dfs.YYYY-MM-DD.log` in the logs folder, the newest 7 kept.
//! `RUST_LOG` overrides the filter.

use crate::profile::Profile;
use crate::{Error, Result};
use std::path::Path;
use tracing_appender::non_blocking::WorkerGuard;
use tracing_appender::rolling::{RollingFileAppender, Rotation};
use tracing_subscriber::layer::SubscriberExt;
use tracing_subscriber::util::SubscriberInitExt;
use tracing_subscriber::{fmt, EnvFilter, Layer};

/// How many daily log files are kept.
pub const LOG_FILES_KEPT: usize = 7;

/// Prefix of the log files' names.
pub const LOG_FILE_PREFIX: &str = "nfl-dfs";

/// Installs the global subscriber. Keep the returned guard alive for the life of the process:
/// dropping it flushes the file writer.
///
/// `console_level` is the default console filter (`warn` for the CLI, `info` for the app);
/// files get `info` and above; the profile may ask for more (development: debug and SQL).
pub fn init(logs_dir: &Path, console_level: &str, profile: Profile) -> Result<WorkerGuard> {
    std::fs::create_dir_all(logs_dir).map_err(Error::io("creating the logs folder", logs_dir))?;
    let appender = RollingFileAppender::builder()
        .rotation(Rotation::DAILY)
        .filename_prefix(LOG_FILE_PREFIX)
        .filename_suffix("log")
        .max_log_files(LOG_FILES_KEPT)
        .build(logs_dir)
        .map_err(|e| Error::Config(format!("cannot log to {}: {e}", logs_dir.display())))?;
    let (file_writer, guard) = tracing_appender::non_blocking(appender);
    let filter = |default: &str| {
        EnvFilter::try_from_default_env()
            .unwrap_or_else(|_| EnvFilter::new(profile.log_filter(default)))
    };
    tracing_subscriber::registry()
        .with(
            fmt::layer()
                .with_writer(std::io::stderr)
                .with_filter(filter(console_level)),
        )
        .with(
            fmt::layer()
                .with_ansi(false)
                .with_writer(file_writer)
                .with_filter(filter("info")),
        )
        .try_init()
        .map_err(|e| Error::Config(format!("logging was already set up: {e}")))?;
    Ok(guard)
}
