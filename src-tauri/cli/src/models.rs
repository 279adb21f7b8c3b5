//! The CLI's projection and model commands: `train`, `models list|deploy|rollback|delete`,
//! `project --slate ID` and `project --season Y --week W`.

use crate::{print, Output};
use clap::{Args, Subcommand};
use nfl_dfs_core::dk::Position;
use nfl_dfs_core::{Error, Result, TrainRequest, Workspace};
use std::path::PathBuf;

/// `train` arguments.
#[derive(Debug, Args)]
pub struct TrainArgs {
    /// Train only on weeks before this one, `SEASON-WEEK` (for backtests).
    #[arg(long, value_name = "SEASON-WEEK", value_parser = parse_week)]
    until: Option<(i32, i32)>,
    /// Seconds each position may spend trying more learners (at most 3600).
    #[arg(
        long,
        default_value_t = 0,
        value_parser = clap::value_parser!(u32).range(0..=i64::from(nfl_dfs_core::MAX_SEARCH_SECONDS))
    )]
    search_seconds: u32,
}

/// `models` actions.
#[derive(Debug, Subcommand)]
pub enum ModelsAction {
    /// Every version with its metrics; production marked.
    List,
    /// Validate a version and put it in production.
    Deploy {
        /// QB, RB, WR, TE or DST.
        position: Position,
        /// Version, e.g. r3.
        version: String,
    },
    /// Return a position to its previous production version.
    Rollback {
        /// QB, RB, WR, TE or DST.
        position: Position,
    },
    /// Install shipped models (`DIR/<position>/<version>/`), deploying where none is in
    /// production.
    Install {
        /// The folder, e.g. `models`.
        dir: PathBuf,
    },
    /// Copy every production version to `DIR/<position>/<NAME>/` (how `models/` is made).
    Export {
        /// The folder.
        #[arg(long = "to")]
        to: PathBuf,
        /// The version name to give them.
        #[arg(long = "as", default_value = "baseline")]
        name: String,
    },
    /// Delete a version that is not in production.
    Delete {
        /// QB, RB, WR, TE or DST.
        position: Position,
        /// Version.
        version: String,
    },
}

/// `project` arguments.
#[derive(Debug, Args)]
pub struct ProjectArgs {
    /// Project this slate's players.
    #[arg(long, conflicts_with_all = ["season", "week"], required_unless_present = "season")]
    slate: Option<i32>,
    /// Project every player of a season's week (with --week), from earlier weeks only.
    #[arg(long, requires = "week", value_parser = crate::season_arg)]
    season: Option<i32>,
    /// The week (with --season).
    #[arg(long, requires = "season", value_parser = crate::week_arg)]
    week: Option<i32>,
    /// Write `ID,Name,Position,Projection,Floor,Ceiling` to this CSV file.
    #[arg(long, value_name = "FILE")]
    out: Option<PathBuf>,
}

/// Parses `2023-1`.
fn parse_week(text: &str) -> Result<(i32, i32), String> {
    let (s, w) = text
        .split_once('-')
        .ok_or_else(|| format!("'{text}' is not SEASON-WEEK, e.g. 2023-1"))?;
    let season = crate::season_arg(s)?;
    let week = crate::week_arg(w)?;
    Ok((season, week))
}

/// Runs `train`.
pub async fn train(ws: &Workspace, args: &TrainArgs, out: &Output) -> Result<()> {
    let request = TrainRequest {
        until: args.until,
        search_seconds: args.search_seconds,
        trigger: "manual".into(),
    };
    out.print(&ws.train(&request).await?, print::train_report);
    Ok(())
}

/// Runs a `models` action.
pub async fn models(ws: &Workspace, action: ModelsAction, out: &Output) -> Result<()> {
    match action {
        ModelsAction::List => out.print(&ws.model_versions().await?, |v, o| {
            print::model_versions(v, o)
        }),
        ModelsAction::Deploy { position, version } => {
            ws.deploy_model(position, &version).await?;
            out.print(&ws.model_versions().await?, |v, o| {
                print::model_versions(v, o)
            });
        }
        ModelsAction::Rollback { position } => {
            ws.rollback_model(position).await?;
            out.print(&ws.model_versions().await?, |v, o| {
                print::model_versions(v, o)
            });
        }
        ModelsAction::Install { dir } => {
            let installed = ws.install_models(&dir).await?;
            eprintln!(
                "installed: {}",
                if installed.is_empty() {
                    "nothing new".into()
                } else {
                    installed.join(", ")
                }
            );
            out.print(&ws.model_versions().await?, |v, o| {
                print::model_versions(v, o)
            });
        }
        ModelsAction::Export { to, name } => {
            let exported = ws.export_models(&to, &name).await?;
            out.print(&exported, |v, o| {
                for line in v {
                    o.push_str(line);
                    o.push('\n');
                }
            });
        }
        ModelsAction::Delete { position, version } => {
            ws.delete_model(position, &version).await?;
            out.print(&ws.model_versions().await?, |v, o| {
                print::model_versions(v, o)
            });
        }
    }
    Ok(())
}

/// Runs `project`; with `--out`, writes the CSV (atomically) and prints it too.
pub async fn project(ws: &Workspace, args: &ProjectArgs, out: &Output) -> Result<()> {
    let mut csv = String::from("ID,Name,Position,Projection,Floor,Ceiling,P05,P50,P95\n");
    let quote = |s: &str| {
        if s.contains([',', '"']) {
            format!("\"{}\"", s.replace('"', "\"\""))
        } else {
            s.to_string()
        }
    };
    match (args.slate, args.season, args.week) {
        (Some(slate), _, _) => {
            let projected = ws.project_slate(slate).await?;
            let ownership: std::collections::HashMap<i32, f64> = ws
                .ownership(slate)
                .await?
                .players
                .iter()
                .map(|p| (p.player.slate_player_id, p.ownership))
                .collect();
            csv = String::from(
                "ID,Name,Position,Projection,Floor,Ceiling,P05,P50,P95,PlayProbability,Status,Ownership\n",
            );
            for p in &projected.players {
                let q = &p.quantiles;
                csv.push_str(&format!(
                    "{},{},{},{:.2},{:.2},{:.2},{:.2},{:.2},{:.2},{:.3},{},{:.2}\n",
                    p.player.dk_id.map_or_else(String::new, |id| id.to_string()),
                    quote(&p.player.name),
                    p.player.position.as_str(),
                    p.projection,
                    p.floor,
                    p.ceiling,
                    q.p05,
                    q.p50,
                    q.p95,
                    p.play_probability,
                    p.status.as_str(),
                    ownership
                        .get(&p.player.slate_player_id)
                        .copied()
                        .unwrap_or(0.0)
                ));
            }
            write(ws, args, &csv)?;
            out.print(&projected, print::slate_projections);
        }
        (None, Some(season), Some(week)) => {
            let projected = ws.project_week(season, week).await?;
            for p in &projected {
                let q = &p.quantiles;
                csv.push_str(&format!(
                    "{},{},{},{:.2},{:.2},{:.2},{:.2},{:.2},{:.2}\n",
                    p.id,
                    quote(&p.name),
                    p.position.as_str(),
                    p.projection,
                    p.floor,
                    p.ceiling,
                    q.p05,
                    q.p50,
                    q.p95
                ));
            }
            write(ws, args, &csv)?;
            out.print(&projected, |v, o| print::week_projections(v, o));
        }
        _ => {
            return Err(Error::InvalidInput(
                "give --slate ID, or --season and --week".into(),
            ))
        }
    }
    Ok(())
}

fn write(ws: &Workspace, args: &ProjectArgs, csv: &str) -> Result<()> {
    match &args.out {
        Some(path) => ws.write_user_file(path, csv.as_bytes()),
        None => Ok(()),
    }
}
