//! `nfl-dfs-cli`: the headless front end of NFL DFS. Every command calls the same core
//! functions the desktop app calls; `--json` prints machine-readable output on stdout.
//!
//! Exit codes: 0 success, 1 an error reported by the core (its code and message on stderr, or
//! as `{"error": {code, message}}` with `--json`), 2 a usage error (from clap).

use clap::{Parser, Subcommand};
use nfl_dfs_core::health::Health;
use nfl_dfs_core::paths::DataPaths;
use nfl_dfs_core::settings::{SettingEntry, SettingSource};
use nfl_dfs_core::{logging, Error, Workspace};
use serde::Serialize;
use std::path::PathBuf;
use std::process::ExitCode;

/// NFL DFS from the command line: the same data folder and database as the desktop app.
#[derive(Debug, Parser)]
#[command(name = "nfl-dfs-cli", version, about)]
struct Cli {
    /// Data folder (database, logs, cache, models, backups). Default: NFL_DFS_DATA_DIR, else
    /// the OS app-data folder the desktop app uses.
    #[arg(long, global = true, value_name = "DIR")]
    data_dir: Option<PathBuf>,

    /// Print JSON on stdout instead of text.
    #[arg(long, global = true)]
    json: bool,

    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Version, database, schema version, data and model status.
    Health,
    /// Read or change settings.
    Settings {
        #[command(subcommand)]
        action: SettingsAction,
    },
}

#[derive(Debug, Subcommand)]
enum SettingsAction {
    /// Print one setting, or all of them.
    Get {
        /// Setting key, e.g. salary_cap. Omit to list every setting.
        key: Option<String>,
    },
    /// Validate and store a setting.
    Set {
        /// Setting key, e.g. salary_cap.
        key: String,
        /// New value, e.g. 50000 or true.
        value: String,
    },
}

#[tokio::main]
async fn main() -> ExitCode {
    let cli = Cli::parse();
    let json = cli.json;
    match run(cli).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            if json {
                let body = serde_json::json!({
                    "error": { "code": e.code(), "message": e.to_string() }
                });
                println!("{body}");
            } else {
                eprintln!("error[{}]: {e}", e.code().as_str());
            }
            ExitCode::FAILURE
        }
    }
}

async fn run(cli: Cli) -> Result<(), Error> {
    let paths = DataPaths::resolve(cli.data_dir)?;
    paths.create_all()?;
    let _log_guard = logging::init(&paths.logs_dir(), "warn")?;
    let ws = Workspace::open(paths).await?;
    let out = Output { json: cli.json };
    match cli.command {
        Command::Health => out.print(&ws.health().await?, print_health),
        Command::Settings { action } => match action {
            SettingsAction::Get { key: Some(key) } => {
                out.print(&ws.setting(&key).await?, print_setting)
            }
            SettingsAction::Get { key: None } => out.print(&ws.settings().await?, |all| {
                all.iter().for_each(print_setting)
            }),
            SettingsAction::Set { key, value } => {
                out.print(&ws.set_setting_text(&key, &value).await?, print_setting)
            }
        },
    }
    Ok(())
}

/// Prints a value as JSON or as text.
struct Output {
    json: bool,
}

impl Output {
    fn print<T: Serialize>(&self, value: &T, text: impl Fn(&T)) {
        if self.json {
            println!(
                "{}",
                serde_json::to_string_pretty(value).expect("core types serialize")
            );
        } else {
            text(value);
        }
    }
}

fn print_health(h: &Health) {
    println!("NFL DFS {}", h.app_version);
    println!("data folder     {}", h.data_dir);
    println!("database        {}", h.database_path);
    println!(
        "schema          {} ({} migrations)",
        h.schema_version, h.migrations_applied
    );
    println!(
        "data            {} slates, {} slate players, {} games, {} players, {} teams",
        h.data.slates, h.data.slate_players, h.data.games, h.data.players, h.data.teams
    );
    println!(
        "last update     {}",
        h.data.last_updated.as_deref().unwrap_or("never")
    );
    let models = if h.models.trained_positions.is_empty() {
        "none trained yet".to_string()
    } else {
        h.models.trained_positions.join(", ")
    };
    println!("models          {models}");
}

fn print_setting(e: &SettingEntry) {
    let source = match e.source {
        SettingSource::Default => "default".to_string(),
        SettingSource::Database => "set".to_string(),
        SettingSource::Environment => format!("from {}", e.env_var),
    };
    println!("{} = {} ({source})", e.key, e.value.to_text());
}
