//! The lineup optimizer: an integer program per lineup solved with HiGHS (`model`), the k best
//! lineups by partitioning (`kbest`), and plain-words reasons when no lineup exists
//! (`explain`). Every lineup it returns passes [`crate::lineup::validate`].

mod explain;
mod kbest;
mod model;
mod pool;
pub mod projection_file;
mod rules;

pub use pool::{candidates, Candidate};
pub use rules::Rules;

use crate::dk::{Position, ROSTER};
use crate::slate::Slate;
use crate::{Error, Result};
use serde::Serialize;
use std::collections::HashMap;
use std::time::Instant;
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
}

/// A run, stored: the lineups and their ids in the database.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct OptimizeReport {
    /// The run.
    pub run: Run,
    /// The stored lineups' ids, in the run's order.
    pub lineup_ids: Vec<i32>,
}

/// Builds the best `rules.lineups` distinct lineups of a slate. `projections` overrides the
/// players' own projections by slate-player id. `on_found(n)` reports progress and returns false
/// to stop early (the lineups found so far are returned).
pub fn optimize(
    slate: &Slate,
    projections: &HashMap<i32, f64>,
    rules: &Rules,
    on_found: impl FnMut(usize) -> bool,
) -> Result<Run> {
    if !(1..=500).contains(&rules.lineups) {
        return Err(Error::InvalidInput(format!(
            "{} lineups asked for; a run builds 1 to 500",
            rules.lineups
        )));
    }
    let started = Instant::now();
    let pool = candidates(slate, projections, rules);
    if !(1..=9).contains(&rules.min_unique) {
        return Err(Error::InvalidInput(format!(
            "lineups must differ in 1 to 9 players, not {}",
            rules.min_unique
        )));
    }
    let k = rules.lineups as usize;
    let found = if rules.min_unique <= 1 {
        kbest::k_best(&pool, rules, k, on_found)
    } else {
        kbest::sequential_unique(&pool, rules, k, on_found)
    }
    .map_err(|e| Error::Solver(e.0))?;
    if found.is_empty() {
        return Err(Error::NoLineup(explain::why_no_lineup(slate, &pool, rules)));
    }
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
                players: roster_order(&picked, &kickoffs),
                salary: picked.iter().map(|c| c.salary).sum(),
                points: solved.points,
            }
        })
        .collect();
    Ok(Run {
        lineups,
        seconds: started.elapsed().as_secs_f64(),
    })
}

/// Puts nine picked players into the roster slots. FLEX takes the extra RB, WR or TE with the
/// latest kickoff, which keeps the most room for late swap.
fn roster_order(
    picked: &[&Candidate],
    kickoffs: &HashMap<i32, Option<chrono::DateTime<chrono::Utc>>>,
) -> Vec<i32> {
    let mut by_position: HashMap<Position, Vec<&Candidate>> = HashMap::new();
    for c in picked {
        by_position.entry(c.position).or_default().push(c);
    }
    for players in by_position.values_mut() {
        players.sort_by_key(|c| (kickoffs.get(&c.id).copied().flatten(), c.id));
    }
    let needs = |p: Position| match p {
        Position::RB => 2,
        Position::WR => 3,
        _ => 1,
    };
    let flex_position = [Position::RB, Position::WR, Position::TE]
        .into_iter()
        .find(|p| by_position.get(p).map_or(0, Vec::len) > needs(*p));
    let flex = flex_position.and_then(|p| by_position.get_mut(&p).and_then(Vec::pop));
    let mut out = Vec::with_capacity(9);
    let mut taken: HashMap<Position, usize> = HashMap::new();
    for slot in ROSTER {
        let id = match slot {
            crate::dk::Slot::FLEX => flex.map(|c| c.id),
            _ => {
                let position = Position::ALL
                    .into_iter()
                    .find(|p| slot.accepts(*p))
                    .expect("every fixed slot has its position");
                let n = taken.entry(position).or_default();
                *n += 1;
                by_position
                    .get(&position)
                    .and_then(|v| v.get(*n - 1))
                    .map(|c| c.id)
            }
        };
        out.push(id.expect("a solved lineup fills every slot"));
    }
    out
}
