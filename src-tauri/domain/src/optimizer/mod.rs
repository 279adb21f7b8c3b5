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
pub use rules::{ExposureLimit, Rules, SlotLock, TeamLimit};

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
    check(slate, &pool, rules)?;
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

/// The most lineups one run builds.
pub const MAX_LINEUPS: u32 = 500;

/// The largest share (%) an exposure, a max exposure or the randomness may be.
pub const MAX_PERCENT: u32 = 100;

/// Refuses rules that cannot mean anything, naming the rule.
fn check(slate: &Slate, pool: &[Candidate], rules: &Rules) -> Result<()> {
    let invalid = |m: String| Err(Error::InvalidInput(m));
    check_rules(rules)?;
    let name = |id: i32| {
        slate
            .player(id)
            .map_or_else(|| format!("player {id}"), |p| p.name.clone())
    };
    for e in &rules.exposures {
        if e.min > e.max || e.max > MAX_PERCENT {
            return invalid(format!(
                "{}: exposure from {}% to {}% is not a range within 0-100%",
                name(e.player),
                e.min,
                e.max
            ));
        }
        if e.min > 0 && !pool.iter().any(|c| c.id == e.player) {
            return invalid(format!(
                "{} has a minimum exposure but is excluded or has no playable game",
                name(e.player)
            ));
        }
    }
    let excluded =
        |id: i32| rules.exclude.contains(&id) || slate.player(id).is_some_and(|p| p.excluded);
    let locked: Vec<i32> = slate
        .players
        .iter()
        .filter(|p| p.locked)
        .map(|p| p.id)
        .chain(rules.lock.iter().copied())
        .chain(rules.lock_slots.iter().map(|l| l.player))
        .collect();
    if let Some(id) = locked.iter().find(|id| excluded(**id)) {
        return invalid(format!(
            "{} is both locked and excluded; remove one of the two",
            name(*id)
        ));
    }
    check_feasible(pool, rules)?;
    let mut slots = std::collections::HashSet::new();
    for lock in &rules.lock_slots {
        let Some(slot) = ROSTER.get(usize::from(lock.slot)) else {
            return invalid(format!(
                "{} is locked to slot {}; slots are numbered 0-8",
                name(lock.player),
                lock.slot
            ));
        };
        let Some(candidate) = pool.iter().find(|c| c.id == lock.player) else {
            return invalid(format!(
                "{} is locked to {slot} but is excluded or has no playable game",
                name(lock.player)
            ));
        };
        if !slot.accepts(candidate.position) {
            return invalid(format!(
                "{} is a {} and cannot fill {slot}",
                name(lock.player),
                candidate.position
            ));
        }
        if !slots.insert(lock.slot) {
            return invalid(format!("two players are locked to the same {slot} slot"));
        }
    }
    Ok(())
}

/// The checks a rule set must pass whatever the slate: counts and shares in range, a salary
/// floor under the cap, stacks a lineup can hold. Run before anything is projected or stored,
/// so a refused run changes nothing.
pub fn check_rules(rules: &Rules) -> Result<()> {
    let invalid = |m: String| Err(Error::InvalidInput(m));
    if !(1..=MAX_LINEUPS).contains(&rules.lineups) {
        return invalid(format!(
            "{} lineups asked for; a run builds 1 to {MAX_LINEUPS}",
            rules.lineups
        ));
    }
    if !(1..=9).contains(&rules.min_unique) {
        return invalid(format!(
            "lineups must differ in 1 to 9 players, not {}",
            rules.min_unique
        ));
    }
    if rules.randomness > MAX_PERCENT {
        return invalid(format!(
            "randomness is a share of the projection, 0 to 100%, not {}%",
            rules.randomness
        ));
    }
    if rules.max_exposure.is_some_and(|m| m > MAX_PERCENT) {
        return invalid("the max exposure is a share of the lineups, 0 to 100%".into());
    }
    let invalid = |m: String| Err(Error::NoLineup(m));
    let cap = rules.cap();
    if rules.min_salary > cap {
        return invalid(format!(
            "the least salary to use (${}) is above the most a lineup may use (${cap})",
            rules.min_salary
        ));
    }
    // DraftKings wants players from two games, so one game holds at most eight of the nine.
    if rules.game_stack > 8 {
        return invalid(format!(
            "a game stack of {} is impossible: DraftKings requires players from at least two \
             games, so one game holds at most 8 of a lineup's 9 players",
            rules.game_stack
        ));
    }
    // The QB's receivers fill RB (when counted), WR, TE and FLEX: at most 7 of the 9 slots.
    let stack_room = if rules.qb_stack_with_rb { 7 } else { 5 };
    if rules.qb_stack > stack_room {
        return invalid(format!(
            "a QB stack of {} is impossible: a lineup has room for at most {stack_room} of the \
             QB's {}",
            rules.qb_stack,
            if rules.qb_stack_with_rb {
                "RBs, WRs and TEs"
            } else {
                "WRs and TEs"
            }
        ));
    }
    if rules.bring_back > 7 || 1 + u64::from(rules.qb_stack) + u64::from(rules.bring_back) > 8 {
        return invalid(format!(
            "the QB, a stack of {} and a bring-back of {} would put more than 8 players in one \
             game; DraftKings requires players from two games",
            rules.qb_stack, rules.bring_back
        ));
    }
    if rules.max_per_team == Some(0) {
        return invalid("at most 0 players per team leaves no lineup".into());
    }
    Ok(())
}

/// Refuses rule sets the slate's playable players cannot satisfy before any search: a game
/// stack larger than any game holds. (Locked players over the cap end the search at once;
/// `explain` names them.)
fn check_feasible(pool: &[Candidate], rules: &Rules) -> Result<()> {
    let invalid = |m: String| Err(Error::NoLineup(m));
    if rules.game_stack > 0 {
        let mut per_game: HashMap<i32, usize> = HashMap::new();
        for c in pool {
            *per_game.entry(c.game).or_default() += 1;
        }
        let most = per_game.values().copied().max().unwrap_or(0);
        if most < rules.game_stack as usize {
            return invalid(format!(
                "a game stack of {} needs that many playable players in one game; the most any \
                 game has is {most}",
                rules.game_stack
            ));
        }
    }
    Ok(())
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
