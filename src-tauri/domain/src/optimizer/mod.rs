//! The lineup optimizer. The k best lineups come from an exact branch-and-bound search
//! (`search`, bounded by `bound_table`); HiGHS is the general path (`model`, with k-best by
//! partitioning in `kbest`) where the search does not apply, and it finds the conflicting rules
//! when no lineup exists (`explain`). Runs whose lineups depend on the earlier ones (exposure,
//! min-unique, randomness) are built one by one (`sequence`). [`Rules::admits`] states the
//! rules once; every lineup returned passes [`crate::lineup::validate`].

mod bound_table;
mod explain;
mod kbest;
mod late_swap;
mod model;
mod pool;
pub mod projection_file;
mod rules;
mod search;
mod sequence;

pub use late_swap::{late_swap, LateSwapReport, LateSwapRequest, LateSwapRun, SwappedEntry};
pub use pool::{candidates, Candidate};
pub use rules::{check_rules, ExposureLimit, Rules, SlotLock, TeamLimit, MAX_LINEUPS, MAX_PERCENT};

use crate::clock::Clock;
use crate::dk::{Position, Slot, ROSTER};
use crate::slate::Slate;
use crate::{Error, Result};
use serde::Serialize;
use std::collections::HashMap;
use ts_rs::TS;

/// One lineup the optimizer built.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct Built {
    /// Slate-player ids in roster order (`QB,RB,RB,WR,WR,WR,TE,FLEX,DST`).
    pub players: Vec<i32>,
    /// Total salary.
    pub salary: u32,
    /// Projected points.
    pub points: f64,
}

/// What a run produced.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct Run {
    /// The lineups, best first.
    pub lineups: Vec<Built>,
    /// Wall time of the solve, seconds.
    pub seconds: f64,
    /// Set when the run stopped at its time limit: the lineups are the best found by then,
    /// not proven the best.
    pub warning: Option<String>,
}

/// A run, stored: the lineups and their ids in the database.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct OptimizeReport {
    /// The run.
    pub run: Run,
    /// The stored lineups' ids, in the run's order.
    pub lineup_ids: Vec<i32>,
    /// Each player's exposure across the run's lineups, most used first.
    pub exposure: Vec<crate::lineup::Exposure>,
}

/// Which exact method finds the best lineups. Both return the same lineups (ties aside).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Engine {
    /// The branch-and-bound search, with HiGHS where it does not apply.
    #[default]
    Search,
    /// HiGHS alone (the general path; slower).
    Highs,
}

/// Builds the best `rules.lineups` distinct lineups of a slate. `projections` overrides the
/// players' own projections by slate-player id. `on_progress(done, total)` reports progress and
/// returns false to stop early (the lineups found so far are returned). The search stops at
/// [`crate::limits::OPTIMIZER_TIME_LIMIT`] by `clock`.
pub fn optimize(
    slate: &Slate,
    projections: &HashMap<i32, f64>,
    rules: &Rules,
    clock: Clock,
    on_progress: impl FnMut(usize, usize) -> bool,
) -> Result<Run> {
    optimize_with(
        Engine::Search,
        slate,
        projections,
        rules,
        clock,
        on_progress,
    )
}

/// [`optimize`] with a chosen [`Engine`].
pub fn optimize_with(
    engine: Engine,
    slate: &Slate,
    projections: &HashMap<i32, f64>,
    rules: &Rules,
    clock: Clock,
    on_progress: impl FnMut(usize, usize) -> bool,
) -> Result<Run> {
    optimize_within(
        engine,
        slate,
        projections,
        rules,
        crate::limits::OPTIMIZER_TIME_LIMIT,
        clock,
        on_progress,
    )
}

/// [`optimize_with`] that stops searching once `time_limit` has passed by `clock` and returns
/// the best lineups found by then, with a warning saying so (an error when it found none).
pub fn optimize_within(
    engine: Engine,
    slate: &Slate,
    projections: &HashMap<i32, f64>,
    rules: &Rules,
    time_limit: std::time::Duration,
    clock: Clock,
    mut on_progress: impl FnMut(usize, usize) -> bool,
) -> Result<Run> {
    let started = clock();
    let elapsed = || clock().saturating_sub(started);
    let pool = candidates(slate, projections, rules);
    rules::check(slate, &pool, rules)?;
    let k = rules.lineups as usize;
    let one_by_one = rules.min_unique > 1
        || rules.randomness > 0
        || rules.max_exposure.is_some()
        || !rules.exposures.is_empty();
    let timed_out = std::cell::Cell::new(false);
    let mut progress = |done: usize, total: usize| {
        if elapsed() >= time_limit {
            timed_out.set(true);
            return false;
        }
        on_progress(done, total)
    };
    let found = if one_by_one {
        sequence::build(engine, &pool, rules, k, &mut progress)
    } else {
        sequence::best(engine, &pool, rules, k, &mut progress)
    }
    .map_err(|e| Error::Solver(e.0))?;
    let limit = time_limit.as_secs_f64();
    if found.is_empty() {
        if timed_out.get() {
            return Err(Error::Solver(format!(
                "no lineup was found within the time limit of {limit:.0} s; loosen the rules \
                 (stacks, minimum salary, locks) and try again"
            )));
        }
        return Err(Error::NoLineup(explain::why_no_lineup(slate, &pool, rules)));
    }
    let warning = timed_out.get().then(|| {
        format!(
            "The search stopped at its time limit of {limit:.0} s: these {} lineup(s) are the \
             best found by then, not proven the best",
            found.len()
        )
    });
    let kickoffs: HashMap<i32, _> = slate
        .players
        .iter()
        .map(|p| (p.id, p.kickoff_utc))
        .collect();
    let lineups = found
        .into_iter()
        .map(|solved| {
            let picked: Vec<&Candidate> = solved.picks.iter().map(|&i| &pool[i]).collect();
            Built {
                players: roster_order(&picked, &kickoffs, &rules.lock_slots),
                salary: picked
                    .iter()
                    .fold(0u32, |sum, c| sum.saturating_add(c.salary)),
                points: solved.points,
            }
        })
        .collect();
    Ok(Run {
        lineups,
        seconds: elapsed().as_secs_f64(),
        warning,
    })
}

/// Puts nine picked players into the roster slots: players locked to a slot there, then FLEX
/// takes the extra RB, WR or TE with the latest kickoff, which keeps the most room for late
/// swap, and the other slots go by kickoff.
fn roster_order(
    picked: &[&Candidate],
    kickoffs: &HashMap<i32, Option<chrono::DateTime<chrono::Utc>>>,
    pinned: &[SlotLock],
) -> Vec<i32> {
    let mut out: [Option<i32>; 9] = [None; 9];
    for lock in pinned {
        if picked.iter().any(|c| c.id == lock.player) {
            out[usize::from(lock.slot)] = Some(lock.player);
        }
    }
    let mut free: Vec<&Candidate> = picked
        .iter()
        .copied()
        .filter(|c| !out.contains(&Some(c.id)))
        .collect();
    free.sort_by_key(|c| (kickoffs.get(&c.id).copied().flatten(), c.id));
    let flex = ROSTER
        .iter()
        .position(|s| *s == Slot::FLEX)
        .expect("the roster has a FLEX");
    if out[flex].is_none() {
        let extra = [Position::RB, Position::WR, Position::TE]
            .into_iter()
            .find(|p| {
                let slots = ROSTER
                    .iter()
                    .filter(|s| **s != Slot::FLEX && s.accepts(*p))
                    .count();
                picked.iter().filter(|c| c.position == *p).count() > slots
            })
            .expect("nine players by DraftKings' counts have one extra RB, WR or TE");
        let latest = free
            .iter()
            .rposition(|c| c.position == extra)
            .expect("the extra position has a player not locked to a slot");
        out[flex] = Some(free.remove(latest).id);
    }
    for (i, slot) in ROSTER.iter().enumerate() {
        if out[i].is_none() {
            let next = free
                .iter()
                .position(|c| slot.accepts(c.position))
                .expect("the picked players fill the roster");
            out[i] = Some(free.remove(next).id);
        }
    }
    out.into_iter()
        .map(|id| id.expect("every slot is filled"))
        .collect()
}
