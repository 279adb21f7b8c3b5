//! `nfl-dfs-cli optimize`: the rules as flags (players by DraftKings ID), a run stored and
//! optionally exported, or with `--entries` a late swap of a DraftKings entries file.

use chrono::{DateTime, Utc};
use clap::Args;
use nfl_dfs_core::dk::{slot_index, slot_labels, Position};
use nfl_dfs_core::lineup::ExportRequest;
use nfl_dfs_core::optimizer::{
    ExposureLimit, LateSwapReport, LateSwapRequest, Rules, SlotLock, TeamLimit,
};
use nfl_dfs_core::{Error, Workspace};
use serde::Serialize;
use std::collections::HashMap;
use std::path::PathBuf;

/// Options of `optimize`. Players are named by DraftKings ID.
#[derive(Debug, Args)]
pub struct OptimizeArgs {
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
    /// Count the QB's RBs in the stack too.
    #[arg(long)]
    stack_rb: bool,
    /// At least N players from the QB's opponent.
    #[arg(long, default_value_t = 0, value_name = "N")]
    bring_back: u32,
    /// At least N players from one game.
    #[arg(long, default_value_t = 0, value_name = "N")]
    game_stack: u32,
    /// No offensive player facing the lineup's DST.
    #[arg(long)]
    no_opp_dst: bool,
    /// Most players from one team.
    #[arg(long, value_name = "N")]
    max_per_team: Option<u32>,
    /// Most players of a position from one team, e.g. `RB=1`; `RB=1+QB` lifts it for the
    /// team of the lineup's QB (repeatable).
    #[arg(long = "team-limit", value_name = "POS=N[+QB]", value_parser = team_limit)]
    team_limits: Vec<TeamLimit>,
    /// Least salary to use.
    #[arg(long, default_value_t = 0)]
    min_salary: u32,
    /// Most salary to use (default: the cap).
    #[arg(long)]
    max_salary: Option<u32>,
    /// Put this player in every lineup (repeatable).
    #[arg(long = "lock", value_name = "DK_ID")]
    lock: Vec<i64>,
    /// Put this player in one slot of every lineup: QB, RB1, RB2, WR1-WR3, TE, FLEX, DST
    /// (repeatable).
    #[arg(long = "lock-slot", value_name = "DK_ID=SLOT", value_parser = slot_lock)]
    lock_slots: Vec<(i64, u8)>,
    /// Keep this player out of every lineup (repeatable).
    #[arg(long = "exclude", value_name = "DK_ID")]
    exclude: Vec<i64>,
    /// Most lineups any player is in, percent.
    #[arg(long, value_name = "PCT")]
    max_exposure: Option<u32>,
    /// A player's exposure range in percent, e.g. `12345=20-60` (repeatable).
    #[arg(long = "exposure", value_name = "DK_ID=MIN-MAX", value_parser = exposure)]
    exposures: Vec<(i64, u32, u32)>,
    /// Move each player's projection by up to PCT percent per lineup.
    #[arg(long, default_value_t = 0, value_name = "PCT")]
    randomness: u32,
    /// Seed of the randomness (the same seed builds the same lineups).
    #[arg(long, default_value_t = 0)]
    seed: u64,
    /// A CSV `ID,Projection` to use instead of the players' projections.
    #[arg(long, value_name = "FILE")]
    projections: Option<PathBuf>,
    /// Late swap: re-optimise every entry of this DraftKings entries file (needs --out).
    #[arg(long, value_name = "DKEntries.csv", requires = "out")]
    pub entries: Option<PathBuf>,
    /// Late-swap time: games kicked off by then have started (RFC 3339; default: now).
    #[arg(long, value_name = "TIME", requires = "entries")]
    as_of: Option<DateTime<Utc>>,
    /// Write the DraftKings upload file of the lineups here (the filled entries file with
    /// --entries).
    #[arg(long, value_name = "FILE")]
    out: Option<PathBuf>,
}

fn team_limit(text: &str) -> Result<TeamLimit, String> {
    let (position, rest) = text
        .split_once('=')
        .ok_or_else(|| format!("'{text}' is not POS=N or POS=N+QB"))?;
    let (max, unless_with_qb) = match rest.strip_suffix("+QB") {
        Some(max) => (max, true),
        None => (rest, false),
    };
    Ok(TeamLimit {
        position: position.parse::<Position>().map_err(|e| e.to_string())?,
        max: max
            .parse()
            .map_err(|_| format!("'{max}' is not a number"))?,
        unless_with_qb,
    })
}

fn slot_lock(text: &str) -> Result<(i64, u8), String> {
    let (id, slot) = text
        .split_once('=')
        .ok_or_else(|| format!("'{text}' is not DK_ID=SLOT"))?;
    let id = id
        .parse()
        .map_err(|_| format!("'{id}' is not a DraftKings ID"))?;
    slot_index(slot)
        .map(|k| (id, k as u8))
        .ok_or_else(|| format!("'{slot}' is not a slot: {}", slot_labels().join(", ")))
}

fn exposure(text: &str) -> Result<(i64, u32, u32), String> {
    let bad = || format!("'{text}' is not DK_ID=MIN-MAX (percent)");
    let (id, range) = text.split_once('=').ok_or_else(bad)?;
    let (min, max) = range.split_once('-').ok_or_else(bad)?;
    Ok((
        id.parse().map_err(|_| bad())?,
        min.parse().map_err(|_| bad())?,
        max.parse().map_err(|_| bad())?,
    ))
}

/// The rules of the flags, with DraftKings IDs turned into slate players.
async fn rules(ws: &Workspace, args: &OptimizeArgs) -> Result<Rules, Error> {
    let slot_dk: Vec<i64> = args.lock_slots.iter().map(|(id, _)| *id).collect();
    let slot_players = ws.slate_player_ids(args.slate, &slot_dk).await?;
    let exposure_dk: Vec<i64> = args.exposures.iter().map(|(id, _, _)| *id).collect();
    let exposure_players = ws.slate_player_ids(args.slate, &exposure_dk).await?;
    Ok(Rules {
        lineups: args.lineups,
        min_unique: args.min_unique,
        min_salary: args.min_salary,
        max_salary: args.max_salary,
        max_per_team: args.max_per_team,
        qb_stack: args.qb_stack,
        qb_stack_with_rb: args.stack_rb,
        bring_back: args.bring_back,
        game_stack: args.game_stack,
        no_opponent_vs_dst: args.no_opp_dst,
        team_limits: args.team_limits.clone(),
        lock: ws.slate_player_ids(args.slate, &args.lock).await?,
        lock_slots: slot_players
            .into_iter()
            .zip(&args.lock_slots)
            .map(|(player, (_, slot))| SlotLock {
                player,
                slot: *slot,
            })
            .collect(),
        exclude: ws.slate_player_ids(args.slate, &args.exclude).await?,
        max_exposure: args.max_exposure,
        exposures: exposure_players
            .into_iter()
            .zip(&args.exposures)
            .map(|(player, (_, min, max))| ExposureLimit {
                player,
                min: *min,
                max: *max,
            })
            .collect(),
        randomness: args.randomness,
        seed: args.seed,
        ..Rules::default()
    })
}

async fn projections(ws: &Workspace, args: &OptimizeArgs) -> Result<HashMap<i32, f64>, Error> {
    match &args.projections {
        Some(path) => ws.read_projections(args.slate, path).await,
        None => Ok(HashMap::new()),
    }
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

/// Builds, stores and optionally exports lineups.
pub async fn run(ws: &Workspace, args: &OptimizeArgs) -> Result<OptimizeOutput, Error> {
    // Refused before the run, so no lineups are stored for a file that cannot be written.
    if let Some(out) = &args.out {
        ws.check_user_output(out)?;
    }
    let rules = rules(ws, args).await?;
    let projections = projections(ws, args).await?;
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

/// Re-optimises the entries of `--entries` and writes the filled file to `--out`.
pub async fn late_swap(ws: &Workspace, args: &OptimizeArgs) -> Result<LateSwapReport, Error> {
    let request = LateSwapRequest {
        slate_id: args.slate,
        entries: args
            .entries
            .as_ref()
            .expect("late swap runs with --entries")
            .display()
            .to_string(),
        out: args
            .out
            .as_ref()
            .expect("clap requires --out with --entries")
            .display()
            .to_string(),
        as_of: args.as_of,
        rules: rules(ws, args).await?,
    };
    ws.late_swap(&request, projections(ws, args).await?).await
}
