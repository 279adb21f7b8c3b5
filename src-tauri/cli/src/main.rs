//! `nfl-dfs-cli`: the headless front end of NFL DFS. Every command calls the same core
//! functions the desktop app calls; `--json` prints machine-readable output on stdout.
//!
//! Exit codes: 0 success, 1 an error reported by the core (its code and message on stderr, or
//! as `{"error": {code, message}}` with `--json`), 2 a usage error (from clap).

mod print;

use chrono::{DateTime, Utc};
use clap::{Parser, Subcommand};
use nfl_dfs_core::lineup::ExportRequest;
use nfl_dfs_core::optimizer::Rules;
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
    Optimize(OptimizeArgs),
    /// Store, list and export lineups.
    Lineups {
        #[command(subcommand)]
        action: LineupsAction,
    },
}

/// Options of `optimize`. Players are named by DraftKings ID.
#[derive(Debug, clap::Args)]
struct OptimizeArgs {
    /// Slate id.
    #[arg(long)]
    slate: i32,
    /// How many lineups to build (1-500), best first.
    #[arg(long, default_value_t = 1)]
    lineups: u32,
    /// Fewest players in which any two lineups differ.
    #[arg(long, default_value_t = 1)]
    min_unique: u32,
    /// Stack the QB with at least N of his WR/TE.
    #[arg(long, default_value_t = 0, value_name = "N")]
    qb_stack: u32,
    /// At least N players from the QB's opponent.
    #[arg(long, default_value_t = 0, value_name = "N")]
    bring_back: u32,
    /// No offensive player facing the lineup's DST.
    #[arg(long)]
    no_opp_dst: bool,
    /// Most players from one team.
    #[arg(long, value_name = "N")]
    max_per_team: Option<u32>,
    /// Least salary to use.
    #[arg(long, default_value_t = 0)]
    min_salary: u32,
    /// Put this player in every lineup (repeatable).
    #[arg(long = "lock", value_name = "DK_ID")]
    lock: Vec<i64>,
    /// Keep this player out of every lineup (repeatable).
    #[arg(long = "exclude", value_name = "DK_ID")]
    exclude: Vec<i64>,
    /// A CSV `ID,Projection` to use instead of the players' projections.
    #[arg(long, value_name = "FILE")]
    projections: Option<PathBuf>,
    /// Write the DraftKings upload file of the lineups here.
    #[arg(long, value_name = "FILE")]
    out: Option<PathBuf>,
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
            SlateAction::Show { id } => {
                let id = match id {
                    Some(id) => id,
                    None => ws.slates().await?.first().map(|s| s.id).ok_or_else(|| {
                        Error::InvalidInput(
                            "No slate imported yet: run `nfl-dfs-cli slate import FILE` first."
                                .into(),
                        )
                    })?,
                };
                out.print(&ws.slate(id).await?, print::slate)
            }
        },
        Command::Optimize(args) => {
            let report = optimize(&ws, &args).await?;
            out.print(&report, print::optimize_report);
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
    Ok(())
}

/// What `optimize` prints: each lineup by DraftKings ID, and the solve time.
#[derive(Debug, Serialize)]
pub struct OptimizeOutput {
    /// Seconds the optimizer ran.
    pub seconds: f64,
    /// The lineups, best first.
    pub lineups: Vec<OptimizedLineup>,
    /// The upload file written, if any.
    pub out: Option<String>,
}

/// One lineup of `optimize`'s output.
#[derive(Debug, Serialize)]
pub struct OptimizedLineup {
    /// Stored lineup id.
    pub id: i32,
    /// DraftKings IDs in `QB,RB,RB,WR,WR,WR,TE,FLEX,DST` order.
    pub dk_ids: Vec<i64>,
    /// Names in the same order.
    pub names: Vec<String>,
    /// Salary.
    pub salary: u32,
    /// Projected points.
    pub points: f64,
}

async fn optimize(ws: &Workspace, args: &OptimizeArgs) -> Result<OptimizeOutput, Error> {
    let rules = Rules {
        lineups: args.lineups,
        min_unique: args.min_unique,
        min_salary: args.min_salary,
        max_per_team: args.max_per_team,
        qb_stack: args.qb_stack,
        bring_back: args.bring_back,
        no_opponent_vs_dst: args.no_opp_dst,
        lock: ws.slate_player_ids(args.slate, &args.lock).await?,
        exclude: ws.slate_player_ids(args.slate, &args.exclude).await?,
        ..Rules::default()
    };
    let projections = match &args.projections {
        Some(path) => ws.read_projections(args.slate, path).await?,
        None => Default::default(),
    };
    let report = ws
        .optimize(args.slate, rules, projections, |_, _| true)
        .await?;
    let slate = ws.slate(args.slate).await?;
    let lineups = report
        .run
        .lineups
        .iter()
        .zip(&report.lineup_ids)
        .map(|(built, id)| {
            let players: Vec<_> = built
                .players
                .iter()
                .filter_map(|p| slate.player(*p))
                .collect();
            OptimizedLineup {
                id: *id,
                dk_ids: players
                    .iter()
                    .map(|p| p.dk_id.unwrap_or_default())
                    .collect(),
                names: players.iter().map(|p| p.name.clone()).collect(),
                salary: built.salary,
                points: built.points,
            }
        })
        .collect();
    let out = match &args.out {
        Some(path) => {
            let request = ExportRequest {
                slate_id: args.slate,
                lineup_ids: Some(report.lineup_ids.clone()),
                out: path.display().to_string(),
                entries: None,
                as_of: None,
            };
            Some(ws.export_lineups(&request).await?.path)
        }
        None => None,
    };
    Ok(OptimizeOutput {
        seconds: report.run.seconds,
        lineups,
        out,
    })
}

/// Prints a value as JSON or as text.
struct Output {
    json: bool,
}

impl Output {
    fn print<T: Serialize>(&self, value: &T, text: impl Fn(&T, &mut String)) {
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
