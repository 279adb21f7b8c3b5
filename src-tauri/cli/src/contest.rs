//! `nfl-dfs-cli contest …`, `ownership` and `simulate`: contests of a slate, the pick most
//! likely to get paid, imported standings and backtests against a real field.

use crate::Output;
use clap::{Args, Subcommand};
use nfl_dfs_core::contest::field_shape::{FieldShape, Percentiles};
use nfl_dfs_core::contest::pick::CandidateOutcome;
use nfl_dfs_core::contest::{Contest, ContestType};
use nfl_dfs_core::{
    ContestBacktest, ContestEdit, Error, FieldCheck, FieldRequest, LineupOutcome, NewContest,
    OwnershipReport, PickReport, PickRequest, RecordRequest, SimulationReport, StandingsReport,
    TrackRecord, Workspace,
};
use serde::Serialize;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

/// What `contest` does.
#[derive(Debug, Subcommand)]
pub enum ContestAction {
    /// Add a contest to a slate (DraftKings' usual payouts for its type, or `--payouts FILE`
    /// with columns Rank,Prize); prints its id.
    Add {
        /// The slate.
        #[arg(long)]
        slate: i32,
        /// double-up, fifty-fifty, h2h or tournament.
        #[arg(long = "type", value_parser = contest_type)]
        contest_type: ContestType,
        /// Entries in the full field.
        #[arg(long)]
        entries: u32,
        /// Entry fee in dollars.
        #[arg(long)]
        fee: f64,
        /// A payout table (CSV: Rank as `1` or `2-5`, Prize in dollars).
        #[arg(long, value_name = "FILE")]
        payouts: Option<PathBuf>,
        /// A name for it.
        #[arg(long)]
        name: Option<String>,
        /// DraftKings' contest ID: its standings are found by it among several of the slate.
        #[arg(long = "dk-contest", value_name = "ID")]
        dk_contest: Option<String>,
        /// The places the usual table pays, as the contest's lobby says.
        #[arg(long, value_name = "N")]
        paid: Option<u32>,
        /// The games it covers, comma separated (`AWAY@HOME` or a team's code; default: every
        /// game of the slate), e.g. the Sunday main slate of a Thursday-Monday salary file.
        #[arg(long, value_name = "GAMES", value_delimiter = ',')]
        games: Vec<String>,
    },
    /// Edit a contest: each option given replaces the stored value. The payout table is
    /// `--payouts FILE`, else the stored one while type, entries and fee stay, else the new
    /// type's preset.
    Edit {
        /// The contest.
        #[arg(long)]
        contest: i32,
        /// double-up, fifty-fifty, h2h or tournament.
        #[arg(long = "type", value_parser = contest_type)]
        contest_type: Option<ContestType>,
        /// Entries in the full field.
        #[arg(long)]
        entries: Option<u32>,
        /// Entry fee in dollars.
        #[arg(long)]
        fee: Option<f64>,
        /// A payout table (CSV: Rank as `1` or `2-5`, Prize in dollars).
        #[arg(long, value_name = "FILE")]
        payouts: Option<PathBuf>,
        /// A new name.
        #[arg(long)]
        name: Option<String>,
        /// DraftKings' contest ID ("" clears it).
        #[arg(long = "dk-contest", value_name = "ID")]
        dk_contest: Option<String>,
        /// The places the usual table pays (a new table of the type).
        #[arg(long, value_name = "N")]
        paid: Option<u32>,
        /// The games it covers, comma separated (`AWAY@HOME` or a team's code; `all`: every
        /// game of the slate).
        #[arg(long, value_name = "GAMES", value_delimiter = ',')]
        games: Option<Vec<String>>,
    },
    /// List the contests (of one slate with `--slate`).
    List {
        /// The slate.
        #[arg(long)]
        slate: Option<i32>,
    },
    /// Remove a contest.
    Remove {
        /// The contest.
        #[arg(long)]
        contest: i32,
    },
    /// Pick the lineup with the highest expected payout in a contest and write it as a
    /// DraftKings upload file.
    Pick {
        /// The contest.
        #[arg(long)]
        contest: i32,
        #[command(flatten)]
        search: PickSearch,
        /// The upload file to write.
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
    },
    /// Import the standings of a finished contest on a slate: DraftKings' export or a lineup
    /// listing of one or more contests' top entries.
    Standings {
        /// The slate.
        #[arg(long)]
        slate: i32,
        /// DraftKings' contest ID, to choose one contest of a listing that holds several.
        #[arg(long = "dk-contest", value_name = "ID")]
        dk_contest: Option<String>,
        /// The `contest-standings-<id>.csv` file or the listing.
        file: PathBuf,
    },
    /// The pick and the highest-projected lineup scored with the real points against the real
    /// field of the slate's imported standings.
    Backtest {
        /// The contest.
        #[arg(long)]
        contest: i32,
        #[command(flatten)]
        search: PickSearch,
    },
    /// The contest's simulated field (the opponents its pick is weighed against) beside the
    /// real one of the slate's imported standings: strength by the app's projections, salary
    /// spent, stacks, bring-backs and points.
    Field {
        /// The contest.
        #[arg(long)]
        contest: i32,
        /// Slates to simulate the field's points on.
        #[arg(long, default_value_t = FieldRequest::default().simulations)]
        sims: u32,
        /// Seed (the pick's seed samples the same field).
        #[arg(long, default_value_t = FieldRequest::default().seed)]
        seed: u64,
    },
    /// The track record: every contest whose slate has imported standings, its pick made again
    /// as the app makes it now, the predicted chance to cash against what happened, and the
    /// record summed up (cash rate, Brier score against the paid share's, return on fees).
    Record {
        /// Slates to simulate per contest.
        #[arg(long, default_value_t = RecordRequest::default().simulations)]
        sims: u32,
        /// Candidate lineups per contest.
        #[arg(long, default_value_t = RecordRequest::default().candidates)]
        candidates: u32,
        /// Seed.
        #[arg(long, default_value_t = RecordRequest::default().seed)]
        seed: u64,
    },
}

/// How a pick searches: the options `contest pick` and `contest backtest` share.
#[derive(Debug, Args)]
pub struct PickSearch {
    /// Slates to simulate.
    #[arg(long, default_value_t = PickRequest::default().simulations)]
    sims: u32,
    /// Candidate lineups to weigh.
    #[arg(long, default_value_t = PickRequest::default().candidates)]
    candidates: u32,
    /// Seed: the same seed picks the same lineup.
    #[arg(long, default_value_t = PickRequest::default().seed)]
    seed: u64,
    /// Simulate as if the projections were exact (no truth between the app and the market):
    /// the app's way before it measured its own error, for comparison.
    #[arg(long)]
    exact_projections: bool,
}

impl PickSearch {
    fn request(&self, contest_id: i32, out: Option<String>) -> PickRequest {
        PickRequest {
            contest_id,
            simulations: self.sims,
            candidates: self.candidates,
            seed: self.seed,
            out,
            exact_projections: self.exact_projections,
        }
    }
}

fn contest_type(text: &str) -> Result<ContestType, String> {
    text.parse()
}

/// Runs a `contest` action.
pub async fn contest(ws: &Workspace, action: ContestAction, out: &Output) -> Result<(), Error> {
    match action {
        ContestAction::Add {
            slate,
            contest_type,
            entries,
            fee,
            payouts,
            name,
            dk_contest,
            paid,
            games,
        } => {
            let contest = ws
                .add_contest(&NewContest {
                    slate_id: slate,
                    name,
                    contest_type,
                    entries,
                    entry_fee: fee,
                    payouts_file: payouts.map(|p| p.display().to_string()),
                    payouts: None,
                    dk_contest_id: dk_contest,
                    places_paid: paid,
                    games,
                })
                .await?;
            #[derive(Serialize)]
            struct Added {
                contest_id: i32,
                #[serde(flatten)]
                contest: Contest,
            }
            out.print(
                &Added {
                    contest_id: contest.id,
                    contest,
                },
                |a, o| contest_line(&a.contest, o),
            );
        }
        ContestAction::Edit {
            contest,
            contest_type,
            entries,
            fee,
            payouts,
            name,
            dk_contest,
            paid,
            games,
        } => {
            let edited = ws
                .edit_contest(
                    contest,
                    &ContestEdit {
                        name,
                        contest_type,
                        entries,
                        entry_fee: fee,
                        payouts_file: payouts.map(|p| p.display().to_string()),
                        payouts: None,
                        dk_contest_id: dk_contest,
                        places_paid: paid,
                        games,
                    },
                )
                .await?;
            out.print(&edited, contest_line);
        }
        ContestAction::List { slate } => out.print(&ws.contests(slate).await?, |all, o| {
            if all.is_empty() {
                o.push_str("no contests\n");
            }
            all.iter().for_each(|c| contest_line(c, o));
        }),
        ContestAction::Remove { contest } => {
            ws.remove_contest(contest).await?;
            #[derive(Serialize)]
            struct Removed {
                contest_id: i32,
            }
            out.print(
                &Removed {
                    contest_id: contest,
                },
                |r, o| {
                    let _ = writeln!(o, "contest {} removed", r.contest_id);
                },
            );
        }
        ContestAction::Pick {
            contest,
            search,
            out: file,
        } => {
            let request = search.request(contest, Some(file.display().to_string()));
            let report = ws.pick(&request, |_, _, _| true).await?;
            out.print(&PickJson::from(&report), |_, o| pick_text(&report, o));
        }
        ContestAction::Standings {
            slate,
            dk_contest,
            file,
        } => out.print(
            &ws.import_standings(slate, &file, dk_contest.as_deref())
                .await?,
            standings_text,
        ),
        ContestAction::Backtest { contest, search } => out.print(
            &ws.contest_backtest(&search.request(contest, None)).await?,
            backtest_text,
        ),
        ContestAction::Field {
            contest,
            sims,
            seed,
        } => out.print(
            &ws.field_check(&FieldRequest {
                contest_id: contest,
                simulations: sims,
                seed,
            })
            .await?,
            field_text,
        ),
        ContestAction::Record {
            sims,
            candidates,
            seed,
        } => {
            let request = RecordRequest {
                simulations: sims,
                candidates,
                seed,
            };
            let record = ws
                .track_record(&request, |done, total| {
                    eprintln!("[{done}/{total}] contest replayed");
                    true
                })
                .await?;
            out.print(&record, record_text)
        }
    }
    Ok(())
}

/// `ownership`: every player's projected ownership, printed or written as
/// `ID,Name,Position,Ownership`.
pub async fn ownership(
    ws: &Workspace,
    slate: i32,
    file: Option<&Path>,
    out: &Output,
) -> Result<(), Error> {
    let report = ws.ownership(slate).await?;
    if let Some(file) = file {
        let mut writer = csv::Writer::from_writer(Vec::new());
        let _ = writer.write_record(["ID", "Name", "Position", "Ownership"]);
        for p in &report.players {
            let _ = writer.write_record([
                p.player.dk_id.map(|d| d.to_string()).unwrap_or_default(),
                p.player.name.clone(),
                p.player.position.as_str().to_string(),
                format!("{:.2}", p.ownership),
            ]);
        }
        let bytes = writer
            .into_inner()
            .map_err(|e| Error::InvalidInput(format!("the ownership file: {e}")))?;
        ws.write_user_file(file, &bytes)?;
    }
    out.print(&report, ownership_text);
    Ok(())
}

/// `simulate`: lineups of a file simulated on a slate (in a contest when given).
pub async fn simulate(
    ws: &Workspace,
    slate: i32,
    lineups: &Path,
    sims: u32,
    contest: Option<i32>,
    seed: u64,
    out: &Output,
) -> Result<(), Error> {
    let report = ws
        .simulate_lineups(slate, lineups, sims, contest, seed, |_, _| true)
        .await?;
    out.print(&report, simulation_text);
    Ok(())
}

/// The pick as `contest pick --json` prints it: the pick's figures at the top, the
/// highest-projected lineup's under `max_projection`.
#[derive(Serialize)]
struct PickJson<'a> {
    contest_id: i32,
    #[serde(flatten)]
    pick: LineupJson<'a>,
    max_projection: LineupJson<'a>,
    gain: f64,
    candidates: u32,
    simulations: u32,
    field_size: u32,
    cash_line: nfl_dfs_core::Spread,
    ownership_model: &'a str,
    field_edge: f64,
    correlations: &'a str,
    path: Option<&'a str>,
    lineup_id: Option<i32>,
    seconds: f64,
}

#[derive(Serialize)]
struct LineupJson<'a> {
    #[serde(flatten)]
    outcome: &'a CandidateOutcome,
    projection: f64,
    salary: u32,
    ownership: f64,
    players: &'a [nfl_dfs_core::LineupPlayer],
}

impl<'a> From<&'a LineupOutcome> for LineupJson<'a> {
    fn from(l: &'a LineupOutcome) -> Self {
        LineupJson {
            outcome: &l.outcome,
            projection: l.projection,
            salary: l.salary,
            ownership: l.ownership,
            players: &l.players,
        }
    }
}

impl<'a> From<&'a PickReport> for PickJson<'a> {
    fn from(r: &'a PickReport) -> Self {
        PickJson {
            contest_id: r.contest.id,
            pick: (&r.pick).into(),
            max_projection: (&r.max_projection).into(),
            gain: r.gain,
            candidates: r.candidates,
            simulations: r.simulations,
            field_size: r.field_size,
            cash_line: r.cash_line,
            ownership_model: &r.ownership_model,
            field_edge: r.field_edge,
            correlations: &r.correlations,
            path: r.path.as_deref(),
            lineup_id: r.lineup_id,
            seconds: r.seconds,
        }
    }
}

fn field_text(c: &FieldCheck, o: &mut String) {
    let _ = writeln!(
        o,
        "contest {}: {}\n{:<10} {:>7}  {:>23}  {:>8}  {:>7}  {:>7}  {:>11}  {:>23}",
        c.contest.id,
        c.contest.name,
        "field",
        "lineups",
        "projected 10/50/90th",
        "salary",
        "$49.5k+",
        "stacked",
        "bring-back",
        "points 10/50/90th"
    );
    let row = |label: &str, f: &FieldShape, points: &Percentiles, o: &mut String| {
        let _ = writeln!(
            o,
            "{label:<10} {:>7}  {:>7.1} {:>7.1} {:>7.1}  {:>8.0}  {:>6.0}%  {:>6.0}%  {:>10.0}%  {:>7.1} {:>7.1} {:>7.1}",
            f.lineups,
            f.projected.p10,
            f.projected.p50,
            f.projected.p90,
            f.salary_median,
            100.0 * f.near_cap_share,
            100.0 * f.stack_rate,
            100.0 * f.bring_back_rate,
            points.p10,
            points.p50,
            points.p90
        );
    };
    row("simulated", &c.simulated, &c.simulated_points, o);
    if let (Some(real), Some(points)) = (&c.real, &c.real_points) {
        row("real", real, points, o);
    }
    if let (Some(real), Some(points)) = (&c.real, &c.real_simulated_points) {
        row("real, sim.", real, points, o);
        let _ = writeln!(
            o,
            "real, sim.: the real lineups scored in the simulation (a wider spread than theirs \
             means the simulated outcomes, not the sampled field, are too dispersed)"
        );
    }
    if let Some(points) = &c.simulated_real_points {
        row("sim., real", &c.simulated, points, o);
        let line = |l: Option<f64>| l.map_or_else(|| "-".into(), |l| format!("{l:.1}"));
        let _ = writeln!(
            o,
            "sim., real: the simulated field scored with the players' real points (on the same \
             outcomes as the real field: how much better the real field chose); its cash line {}, \
             the real one {}{}",
            line(c.simulated_real_cash_line),
            line(c.real_cash_line),
            c.measured_edge
                .map(|e| format!(
                    ": the real field drafted {:+.1}% better than the app's view of it",
                    100.0 * e
                ))
                .unwrap_or_default()
        );
    }
    if let Some(drafted) = c.drafted_cash_line {
        let _ = writeln!(
            o,
            "drafted from the real ownership instead, the same sampler's field cashes at {drafted:.1} \
             on the real points"
        );
    }
    let m = &c.simulated_median_range;
    let _ = writeln!(
        o,
        "the simulated field's median moves {:.1}-{:.1} from slate to slate ({} slates)",
        m.p10, m.p90, c.simulations
    );
    match &c.standings {
        Some(file) => {
            let _ = writeln!(
                o,
                "real field: {file} ({} entries left out: no lineup, or a player the slate does not hold){}",
                c.real_left_out,
                c.real_field_size
                    .map(|n| format!("; the file lists only the top ranks of its {n} entries, and the real rows measure those"))
                    .unwrap_or_default()
            );
        }
        None => {
            let _ = writeln!(
                o,
                "no real field: import the contest's standings (`contest standings --slate {} FILE`) to compare",
                c.contest.slate_id
            );
        }
    }
}

fn contest_line(c: &Contest, o: &mut String) {
    let _ = writeln!(
        o,
        "contest {}: {} on slate {} ({}, {} entries, {} fee, pays {} places, {} in prizes){}",
        c.id,
        c.name,
        c.slate_id,
        c.contest_type.label(),
        c.entries,
        crate::print::money(c.entry_fee),
        c.places_paid,
        crate::print::money(c.prize_total),
        c.dk_contest_id
            .as_deref()
            .map(|id| format!(", DraftKings contest {id}"))
            .unwrap_or_default()
    );
    if !c.games.is_empty() {
        let _ = writeln!(o, "  covers {}", c.games.join(", "));
    }
}

fn lineup_text(label: &str, l: &LineupOutcome, o: &mut String) {
    let x = &l.outcome;
    let _ = writeln!(
        o,
        "{label}: projected {:.2}, ${} salary, ownership {:.0}%\n  P(cash) {:.1}% ({:.0}-{:.0}% as the projections prove more or less right)  expected payout {}  ROI {:+.1}%  P(top 1%) {:.2}%\n  simulated score mean {:.1}, 10th {:.1}, median {:.1}, 90th {:.1}",
        l.projection,
        l.salary,
        l.ownership,
        100.0 * x.p_cash,
        100.0 * x.p_cash_low,
        100.0 * x.p_cash_high,
        crate::print::money(x.expected_payout),
        100.0 * x.roi,
        100.0 * x.p_top1,
        x.mean,
        x.p10,
        x.p50,
        x.p90
    );
    for p in &l.players {
        let _ = writeln!(
            o,
            "  {:<4} {:<26} {:<4} ${:>5}  proj {:>5.1}  own {:>5.1}%  top {:>5.1}%  leverage {:>+6.1}",
            p.player.position.as_str(),
            p.player.name,
            p.player.team,
            p.salary,
            p.projection,
            p.ownership,
            p.top_rate,
            p.leverage
        );
    }
}

fn pick_text(r: &PickReport, o: &mut String) {
    contest_line(&r.contest, o);
    let _ = writeln!(
        o,
        "{} candidates, {} simulated slates, {} simulated opponents scoring {:.0}% more than \
         their lineups on average (the field's edge); cash line 10th/50th/90th {:.1}/{:.1}/{:.1}",
        r.candidates,
        r.simulations,
        r.field_size,
        100.0 * r.field_edge,
        r.cash_line.p10,
        r.cash_line.p50,
        r.cash_line.p90
    );
    lineup_text("pick", &r.pick, o);
    lineup_text("highest projected", &r.max_projection, o);
    let _ = writeln!(
        o,
        "the pick's expected payout is {}{} against the highest-projected lineup's",
        if r.gain >= 0.0 { "+" } else { "" },
        crate::print::money(r.gain)
    );
    if let Some(path) = &r.path {
        let _ = writeln!(o, "written to {path}");
    }
}

fn standings_text(r: &StandingsReport, o: &mut String) {
    if let Some(c) = &r.contest {
        let _ = writeln!(
            o,
            "contest {} '{}': {} entries{}",
            c.id,
            c.name,
            c.entries,
            c.paid
                .map(|p| format!(", pays {p} places"))
                .unwrap_or_default()
        );
    }
    let _ = writeln!(
        o,
        "{}: {} entries{}, {} drafted players ({} matched to slate {}){}{}",
        r.file_name,
        r.entries,
        r.field_size
            .map(|n| format!(
                " listed of its {n} (the top ranks: their ownership is not the field's)"
            ))
            .unwrap_or_default(),
        r.players,
        r.matched,
        r.slate_id,
        if r.live {
            "; exported before the games ended: points are not final"
        } else {
            ""
        },
        if r.already_imported {
            "; already imported, nothing changed"
        } else {
            ""
        }
    );
    if !r.unmatched.is_empty() {
        let _ = writeln!(o, "not on the slate: {}", r.unmatched.join(", "));
    }
    if !r.games.is_empty() {
        let _ = writeln!(
            o,
            "its lineups drafted from {} of the slate's {} games ({}): its contest is replayed, \
             and its ownership read, on those",
            r.games.len(),
            r.slate_games,
            r.games.join(", ")
        );
    }
    if let Some(e) = r.ownership_error {
        let _ = writeln!(
            o,
            "ownership model fitted on the other contests: {e:.2} points mean error here"
        );
    }
}

/// A real finish in words: "cashed $90.00" or "no cash".
fn result(cashed: bool, payout: f64) -> String {
    if cashed {
        format!("cashed {}", crate::print::money(payout))
    } else {
        "no cash".into()
    }
}

fn record_text(r: &TrackRecord, o: &mut String) {
    for c in &r.contests {
        let _ = writeln!(
            o,
            "{:>4}  {:<40} P(cash) {:>5.1}% ({})  scored {:>6.2} (cash line {}, simulated {:.2})  rank {}{} of {}  {}",
            c.contest_id,
            c.name,
            100.0 * c.predicted,
            if c.stored { "as made" } else { "replayed" },
            c.points,
            c.cash_line.map_or_else(|| "-".into(), |l| format!("{l:.2}")),
            c.simulated_cash_line,
            c.rank,
            if c.rank_known { "" } else { " or lower" },
            c.entries,
            result(c.cashed, c.payout)
        );
    }
    for s in &r.skipped {
        let _ = writeln!(o, "left out: {s}");
    }
    for b in r.summary.bins.iter().filter(|b| b.contests > 0) {
        let _ = writeln!(
            o,
            "predicted {:.0}-{:.0}%: {} contests, mean {:.1}%, cashed {:.1}%",
            100.0 * b.from,
            100.0 * b.to,
            b.contests,
            100.0 * b.predicted,
            100.0 * b.realized
        );
    }
    let _ = writeln!(o, "{}", r.summary.verdict);
}

fn backtest_text(b: &ContestBacktest, o: &mut String) {
    contest_line(&b.contest, o);
    let _ = writeln!(
        o,
        "{}: {} entries{}, cash line {}, median {}",
        b.standings,
        b.field,
        if b.listed < b.field {
            format!(" ({} listed)", b.listed)
        } else {
            String::new()
        },
        b.cash_line
            .map_or_else(|| "-".into(), |c| format!("{c:.2}")),
        b.median.map_or_else(|| "-".into(), |m| format!("{m:.2}"))
    );
    let _ = writeln!(
        o,
        "the simulation's cash line: median {:.2} (10th {:.2}, 90th {:.2}); a simulated line far from the real one means the simulated field is off",
        b.simulated.cash_line.p50, b.simulated.cash_line.p10, b.simulated.cash_line.p90
    );
    if let Some(w) = &b.warning {
        let _ = writeln!(o, "warning: {w}");
    }
    if let Some(w) = &b.look_ahead {
        let _ = writeln!(o, "careful: {w}");
    }
    for (label, f) in [("pick", &b.pick), ("highest projected", &b.max_projection)] {
        let _ = writeln!(
            o,
            "{label}: {:.2} points (projected {:.2}), rank {}{} of {}, {}{:.1} percentile, {}",
            f.points,
            f.projection,
            f.rank,
            if f.rank_known { "" } else { " or lower" },
            b.field,
            if f.rank_known { "" } else { "at most " },
            f.percentile,
            result(f.cashed, f.payout)
        );
        let _ = writeln!(o, "  {}", f.names.join(", "));
    }
}

fn ownership_text(r: &OwnershipReport, o: &mut String) {
    let _ = writeln!(o, "slate {} ownership ({})", r.slate_id, r.model);
    for p in &r.players {
        let _ = writeln!(
            o,
            "{:<26} {:<3} {:<4} ${:>5}  proj {:>5.1}  own {:>5.1}%",
            p.player.name,
            p.player.position.as_str(),
            p.player.team,
            p.salary,
            p.projection,
            p.ownership
        );
    }
}

fn simulation_text(r: &SimulationReport, o: &mut String) {
    if let Some(c) = &r.contest {
        contest_line(c, o);
    }
    let _ = writeln!(
        o,
        "{} simulated slates; correlations {}",
        r.simulations, r.correlations
    );
    for l in &r.lineups {
        lineup_text(&format!("line {}", l.line), &l.lineup, o);
    }
}
