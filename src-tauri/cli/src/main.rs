//! `nfl-dfs-cli`: the headless front end of NFL DFS. Every command calls the same core
//! functions the desktop app calls; `--json` prints machine-readable output on stdout.
//!
//! Exit codes: 0 success, 1 an error reported by the core (its code and message on stderr, or
//! as `{"error": {code, message}}` with `--json`), 2 a usage error (from clap).

mod contest;
mod models;
mod ops;
mod optimize;
mod print;

use chrono::{DateTime, Utc};
use clap::{Parser, Subcommand};
use nfl_dfs_core::lineup::ExportRequest;
use nfl_dfs_core::nflverse;
use nfl_dfs_core::paths::DataPaths;
use nfl_dfs_core::{logging, Error, Workspace};
use serde::Serialize;
use std::io::Write as _;
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

/// Seasons given on the command line.
#[derive(Debug, Clone)]
struct Seasons(Vec<i32>);

/// Parses a season the core accepts (1999 to 2100).
fn season_arg(text: &str) -> Result<i32, String> {
    let season = whole_number(text)?;
    nflverse::check_season(season).map_err(|e| e.to_string())?;
    Ok(season)
}

/// Parses a week the core accepts (1 to 22).
fn week_arg(text: &str) -> Result<i32, String> {
    let week = whole_number(text)?;
    nflverse::check_week_number(week).map_err(|e| e.to_string())?;
    Ok(week)
}

fn whole_number(text: &str) -> Result<i32, String> {
    text.trim()
        .parse()
        .map_err(|_| format!("'{text}' is not a whole number"))
}

/// Parses `2024`, `2022-2024` or `2021,2023`.
fn parse_seasons(text: &str) -> Result<Seasons, String> {
    let season = season_arg;
    let mut seasons = Vec::new();
    for part in text.split(',') {
        match part.split_once('-') {
            Some((a, b)) => {
                let (a, b) = (season(a)?, season(b)?);
                if a > b {
                    return Err(format!("'{part}' runs backwards"));
                }
                seasons.extend(a..=b);
            }
            None => seasons.push(season(part)?),
        }
    }
    seasons.sort_unstable();
    seasons.dedup();
    Ok(Seasons(seasons))
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
    /// Import and inspect DraftKings slates (salary files).
    Slate {
        #[command(subcommand)]
        action: SlateAction,
    },
    /// Build the best lineups of a slate with the optimizer and store them.
    Optimize(optimize::OptimizeArgs),
    /// Store, list and export lineups.
    Lineups {
        #[command(subcommand)]
        action: LineupsAction,
    },
    /// Load nflverse data: files from disk (`--from`), or downloaded from the `nfl_data_url`
    /// setting (`--seasons`, default the last `nfl_seasons` seasons) through the cache.
    Ingest {
        /// A file, or a folder whose .csv and .csv.gz files are loaded, its subfolders' too (a
        /// file there that is not nflverse data is left alone); repeat for more.
        #[arg(long = "from", value_name = "PATH", conflicts_with_all = ["seasons", "pbp"])]
        from: Vec<PathBuf>,
        /// Seasons to download: `2024`, `2022-2024` or `2021,2023`.
        #[arg(long, value_name = "SEASONS", value_parser = parse_seasons)]
        seasons: Option<Seasons>,
        /// Download play-by-play too (about 30 MB a season), for exact DST points.
        #[arg(long)]
        pbp: bool,
    },
    /// Train every position's model on the loaded history (walk-forward validated); each
    /// new version goes to production if it beats the current one.
    Train(models::TrainArgs),
    /// Self-tuning: retrain (with a time-boxed search) if new weeks arrived or accuracy
    /// dropped; says why it did or did not.
    Tune,
    /// List, deploy, roll back or delete model versions.
    Models {
        #[command(subcommand)]
        action: models::ModelsAction,
    },
    /// Project a slate's players (or a week's) with the production models.
    Project(models::ProjectArgs),
    /// Backtest a past slate: projections against actual points, and the actual points of the
    /// app's, the AvgPointsPerGame and the hindsight-optimal lineups.
    Backtest {
        /// The slate.
        #[arg(long)]
        slate: i32,
    },
    /// Back up the database (a consistent snapshot) and the model registry (.tar.gz) now.
    Backup,
    /// Restore a database backup (.sqlite) or a models backup (.tar.gz). The backup is
    /// verified first and the current database kept; works when the database is damaged.
    Restore {
        /// The backup file (see `backups list`).
        file: PathBuf,
    },
    /// List backups.
    Backups {
        #[command(subcommand)]
        action: ops::BackupsAction,
    },
    /// Check the database, models, data, disk, memory and backups; print each problem's fix.
    /// Exits 1 when a problem is found (warnings exit 0).
    Doctor,
    /// Contests of a slate: add, list, pick the lineup most likely to get paid, import
    /// standings, backtest against the real field.
    Contest {
        #[command(subcommand)]
        action: contest::ContestAction,
    },
    /// Projected ownership of a slate's players (`--out` writes `ID,Name,Position,Ownership`).
    Ownership {
        /// The slate.
        #[arg(long)]
        slate: i32,
        /// A CSV file to write.
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
    },
    /// Simulate the lineups of an upload or entries file on a slate (ranked in a contest's
    /// sampled field with `--contest`).
    Simulate {
        /// The slate.
        #[arg(long)]
        slate: i32,
        /// The lineups (a DraftKings upload or entries file).
        #[arg(long, value_name = "FILE")]
        lineups: PathBuf,
        /// Slates to simulate.
        #[arg(long, default_value_t = 10_000)]
        sims: u32,
        /// A contest of the slate to rank the lineups in.
        #[arg(long)]
        contest: Option<i32>,
        /// Seed.
        #[arg(long, default_value_t = 1)]
        seed: u64,
    },
    /// Every player's and DST's DraftKings points of one week, from the loaded stats.
    Points {
        /// Season.
        #[arg(long, value_parser = season_arg)]
        season: i32,
        /// Week.
        #[arg(long, value_parser = week_arg)]
        week: i32,
    },
}

#[derive(Debug, Subcommand)]
enum SlateAction {
    /// Import a DraftKings salary CSV (any layout); the same file again is recognised.
    Import {
        /// The salary file, e.g. DKSalaries.csv.
        file: PathBuf,
        /// Name for the slate (default: its days and game count).
        #[arg(long)]
        name: Option<String>,
    },
    /// List imported slates, newest first.
    List,
    /// Print a slate's games and players.
    Show {
        /// Slate id (default: the newest import).
        id: Option<i32>,
    },
    /// Match every player of a slate to an NFL player (GSIS id) and list how each matched.
    Matches {
        /// Slate id.
        #[arg(long)]
        slate: i32,
    },
    /// Link a slate player to an NFL player by hand (kept for later slates).
    Link {
        /// Slate id.
        #[arg(long)]
        slate: i32,
        /// The slate player's id (from `slate matches`).
        #[arg(long)]
        player: i32,
        /// The NFL player's GSIS id, e.g. 00-0032241.
        #[arg(long)]
        gsis: String,
    },
}

#[derive(Debug, Subcommand)]
enum LineupsAction {
    /// List the stored lineups of a slate.
    List {
        /// Slate id.
        #[arg(long)]
        slate: i32,
    },
    /// Store the lineups of an upload file or a filled entries file for a slate.
    Import {
        /// Slate id.
        #[arg(long)]
        slate: i32,
        /// The lineup file.
        file: PathBuf,
    },
    /// Write an upload file, or fill a DraftKings entries file, with a slate's lineups.
    Export {
        /// Slate id.
        #[arg(long)]
        slate: i32,
        /// The file to write.
        #[arg(long)]
        out: PathBuf,
        /// A DraftKings entries file (DKEntries.csv) to fill; players DraftKings marked LOCKED
        /// stay where they are.
        #[arg(long, value_name = "DKEntries.csv")]
        entries: Option<PathBuf>,
        /// Only these lineup ids, in this order (default: every lineup of the slate).
        #[arg(long, value_delimiter = ',', value_name = "ID,ID,...")]
        lineups: Option<Vec<i32>>,
        /// Late-swap time for --entries: games kicked off by then are locked (RFC 3339;
        /// default: now).
        #[arg(long, value_name = "TIME")]
        as_of: Option<DateTime<Utc>>,
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
        Ok(code) => code,
        Err(e) => {
            if json {
                let body = serde_json::json!({
                    "error": { "code": e.code(), "message": e.to_string() }
                });
                println!("{body}");
            } else {
                eprintln!("error[{}]: {e}", e.code().as_str());
                if e.is_damage() {
                    eprintln!("Run `nfl-dfs-cli doctor` to check the database and find a backup to restore.");
                }
            }
            ExitCode::FAILURE
        }
    }
}

async fn run(cli: Cli) -> Result<ExitCode, Error> {
    let paths = DataPaths::resolve(cli.data_dir)?;
    paths.create_all()?;
    let _log_guard = logging::init(&paths.logs_dir(), "warn", paths.profile)?;
    let out = Output { json: cli.json };
    let ws = match (Workspace::open(paths.clone()).await, &cli.command) {
        (Ok(ws), _) => ws,
        (Err(e), _) if e.code() == nfl_dfs_core::ErrorCode::Busy => return Err(e),
        (Err(e), Command::Doctor) => return Ok(ops::doctor_unopened(&paths, &e, &out).await),
        (Err(e), Command::Restore { file }) if e.code() == nfl_dfs_core::ErrorCode::Database => {
            ops::restore_unopened(paths, file, &out).await?;
            return Ok(ExitCode::SUCCESS);
        }
        (Err(e), _) => return Err(e),
    };
    let result = execute(&ws, cli.command, &out).await;
    // The journal goes into the database file on the way out, so the file alone is whole.
    let closed = ws.close().await;
    let code = result?;
    closed?;
    Ok(code)
}

async fn execute(ws: &Workspace, command: Command, out: &Output) -> Result<ExitCode, Error> {
    match command {
        Command::Doctor => {
            let report = ws.doctor().await?;
            out.print(&report, print::doctor);
            return Ok(ops::doctor_exit(&report));
        }
        Command::Backup => out.print(&ws.backup_now().await?, |made, o| print::backups(made, o)),
        Command::Restore { file } => ops::restore(ws, &file, out).await?,
        Command::Backups {
            action: ops::BackupsAction::List,
        } => out.print(&ws.backups()?, |all, o| print::backups(all, o)),
        Command::Health => out.print(&ws.health().await?, print::health),
        Command::Settings { action } => match action {
            SettingsAction::Get { key: Some(key) } => {
                out.print(&ws.setting(&key).await?, print::setting)
            }
            SettingsAction::Get { key: None } => out.print(&ws.settings().await?, |all, o| {
                all.iter().for_each(|e| print::setting(e, o))
            }),
            SettingsAction::Set { key, value } => {
                out.print(&ws.set_setting_text(&key, &value).await?, print::setting)
            }
        },
        Command::Slate { action } => match action {
            SlateAction::Import { file, name } => out.print(
                &ws.import_slate_file(&file, name.as_deref()).await?,
                print::import_report,
            ),
            SlateAction::List => out.print(&ws.slates().await?, |slates, o| {
                slates.iter().for_each(|s| print::slate_summary(s, o))
            }),
            SlateAction::Show { id } => out.print(&ws.slate_view(id).await?, print::slate),
            SlateAction::Matches { slate } => {
                out.print(&ws.match_slate(slate).await?, print::slate_matches)
            }
            SlateAction::Link {
                slate,
                player,
                gsis,
            } => out.print(
                &ws.link_player(slate, player, &gsis).await?,
                print::slate_matches,
            ),
        },
        Command::Optimize(args) => match &args.entries {
            Some(_) => out.print(&optimize::late_swap(ws, &args).await?, print::late_swap),
            None => out.print(&optimize::run(ws, &args).await?, print::optimize_report),
        },
        Command::Ingest { from, seasons, pbp } => {
            let report = if !from.is_empty() {
                ws.ingest_paths(&from, print::load_progress()).await?
            } else {
                let seasons = seasons.map(|s| s.0);
                ws.download_nfl(seasons, pbp, print::load_progress())
                    .await?
            };
            out.print(&report, print::ingest_report);
            if !report.refused.is_empty() {
                return Err(Error::InvalidInput(format!(
                    "{} file(s) refused: {}",
                    report.refused.len(),
                    report.refused.join("; ")
                )));
            }
        }
        Command::Train(args) => models::train(ws, &args, out).await?,
        Command::Tune => out.print(&ws.self_tune().await?, print::tune),
        Command::Models { action } => models::models(ws, action, out).await?,
        Command::Project(args) => models::project(ws, &args, out).await?,
        Command::Backtest { slate } => out.print(&ws.backtest(slate).await?, print::backtest),
        Command::Contest { action } => contest::contest(ws, action, out).await?,
        Command::Ownership { slate, out: file } => {
            contest::ownership(ws, slate, file.as_deref(), out).await?
        }
        Command::Simulate {
            slate,
            lineups,
            sims,
            contest,
            seed,
        } => contest::simulate(ws, slate, &lineups, sims, contest, seed, out).await?,
        Command::Points { season, week } => {
            out.print(&ws.week_points(season, week).await?, print::week_points)
        }
        Command::Lineups { action } => match action {
            LineupsAction::List { slate } => {
                out.print(&ws.lineups(slate).await?, |l, o| print::lineups(l, o))
            }
            LineupsAction::Import { slate, file } => out.print(
                &ws.import_lineups_file(slate, &file).await?,
                print::lineup_import,
            ),
            LineupsAction::Export {
                slate,
                out: path,
                entries,
                lineups,
                as_of,
            } => {
                let request = ExportRequest {
                    slate_id: slate,
                    lineup_ids: lineups,
                    out: path.display().to_string(),
                    entries: entries.map(|p| p.display().to_string()),
                    as_of,
                };
                out.print(&ws.export_lineups(&request).await?, print::export_report)
            }
        },
    }
    Ok(ExitCode::SUCCESS)
}

/// Prints a value as JSON or as text.
pub(crate) struct Output {
    json: bool,
}

impl Output {
    pub(crate) fn print<T: Serialize>(&self, value: &T, text: impl Fn(&T, &mut String)) {
        let mut out = String::new();
        if self.json {
            out = serde_json::to_string_pretty(value).expect("core types serialize");
            out.push('\n');
        } else {
            text(value, &mut out);
        }
        // A reader that went away (`| head`) is not an error worth reporting.
        let _ = std::io::stdout().lock().write_all(out.as_bytes());
    }
}

#[cfg(test)]
mod tests {
    use super::Cli;
    use clap::Parser;
    use proptest::prelude::*;

    /// Text at the edges of what a flag may be given.
    fn edge() -> impl Strategy<Value = String> {
        prop_oneof![
            Just(String::new()),
            Just("inf".to_string()),
            Just("NaN".to_string()),
            Just("-1".to_string()),
            Just("2147483647-1".to_string()),
            Just("2147483648".to_string()),
            Just("18446744073709551616".to_string()),
            Just("1999-2100".to_string()),
            Just("2100-1999".to_string()),
            Just("-5-3".to_string()),
            Just("1=2-3".to_string()),
            Just("RB=99999999999+QB".to_string()),
            Just("1=FLEX99999999999".to_string()),
            (0usize..5_000).prop_map(|n| "9".repeat(n)),
            any::<i64>().prop_map(|n| n.to_string()),
            any::<f64>().prop_map(|v| v.to_string()),
            "[ -~]{0,30}",
        ]
    }

    const FLAGS: &[(&[&str], &str)] = &[
        (&["optimize", "--slate=1"], "--lineups"),
        (&["optimize", "--slate=1"], "--min-unique"),
        (&["optimize", "--slate=1"], "--qb-stack"),
        (&["optimize", "--slate=1"], "--game-stack"),
        (&["optimize", "--slate=1"], "--max-per-team"),
        (&["optimize", "--slate=1"], "--min-salary"),
        (&["optimize", "--slate=1"], "--max-salary"),
        (&["optimize", "--slate=1"], "--lock"),
        (&["optimize", "--slate=1"], "--lock-slot"),
        (&["optimize", "--slate=1"], "--exposure"),
        (&["optimize", "--slate=1"], "--team-limit"),
        (&["optimize", "--slate=1"], "--randomness"),
        (&["optimize", "--slate=1"], "--seed"),
        (&["optimize"], "--slate"),
        (&["points", "--week=1"], "--season"),
        (&["points", "--season=2023"], "--week"),
        (&["train"], "--until"),
        (&["train"], "--search-seconds"),
        (&["ingest"], "--seasons"),
        (&["project", "--week=1"], "--season"),
        (&["backtest"], "--slate"),
    ];

    proptest! {
        #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

        #[test]
        fn every_flag_takes_any_text_without_a_panic(flag in 0..FLAGS.len(), value in edge()) {
            let (command, name) = FLAGS[flag];
            let mut args = vec!["nfl-dfs-cli".to_string()];
            args.extend(command.iter().map(|s| s.to_string()));
            args.push(format!("{name}={value}"));
            // What parses is in range where the flag has one.
            if let Ok(Cli { command: super::Command::Points { season, week }, .. }) =
                Cli::try_parse_from(&args)
            {
                prop_assert!((1999..=2100).contains(&season) && (1..=22).contains(&week));
            }
        }
    }
}
