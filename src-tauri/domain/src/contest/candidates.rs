//! The pick's candidate lineups: the exact k best lineups under DraftKings' rules and a few
//! stacking variants, the k best on the simulation's truth centre, and the best lineups of
//! projections moved toward simulated slates, each distinct lineup once.

use super::field::FieldLineup;
use super::simulate::Simulator;
use crate::clock::Clock;
use crate::optimizer::{self, Rules};
use crate::slate::Slate;
use crate::{Error, Result};
use std::collections::{HashMap, HashSet};

/// The stacking rules candidates are searched under, with each one's share of the count.
fn rule_variants(base: &Rules) -> Vec<(Rules, f64)> {
    vec![
        (base.clone(), 0.2),
        (
            Rules {
                qb_stack: 1,
                ..base.clone()
            },
            0.15,
        ),
        (
            Rules {
                qb_stack: 2,
                ..base.clone()
            },
            0.15,
        ),
        (
            Rules {
                qb_stack: 2,
                bring_back: 1,
                ..base.clone()
            },
            0.1,
        ),
        (
            Rules {
                game_stack: 4,
                ..base.clone()
            },
            0.1,
        ),
    ]
}

/// Share of the candidates built on sampled projections.
const SAMPLED_SHARE: f64 = 0.2;
/// Share of the candidates built on the truth's centre (the projections moved toward the
/// market as far as they measured, see `contest::simulate::truth`).
const CENTRED_SHARE: f64 = 0.1;

/// Candidates: the exact k best lineups under each stacking variant, the k best on the truth's
/// centre, then the best lineups of projections moved halfway towards a simulated slate. The
/// first is the highest-projected lineup under DraftKings' rules alone. Each distinct lineup
/// once, in simulator indices.
#[allow(clippy::too_many_arguments)]
pub fn candidate_lineups(
    slate: &Slate,
    projections: &HashMap<i32, f64>,
    base: &Rules,
    simulator: &Simulator,
    index: &HashMap<i32, u16>,
    count: usize,
    seed: u64,
    clock: Clock,
    on_progress: &dyn Fn(usize, usize) -> bool,
) -> Result<Vec<FieldLineup>> {
    let mut out: Vec<FieldLineup> = Vec::new();
    let mut seen: HashSet<Vec<u16>> = HashSet::new();
    let mut add = |players: &[i32], out: &mut Vec<FieldLineup>| {
        let Some(lineup) = players
            .iter()
            .map(|id| index.get(id).copied())
            .collect::<Option<Vec<u16>>>()
        else {
            return;
        };
        let mut key = lineup.clone();
        key.sort_unstable();
        if out.len() < count && seen.insert(key) {
            out.push(lineup.try_into().expect("nine players"));
        }
    };
    let variants = rule_variants(base);
    let total = variants.len() + 1;
    for (k, (rules, share)) in variants.iter().enumerate() {
        let want = ((count as f64 * share).round() as u32).clamp(1, optimizer::MAX_LINEUPS);
        let rules = Rules {
            lineups: want,
            ..rules.clone()
        };
        match optimizer::optimize(slate, projections, &rules, clock, |_, _| true) {
            Ok(run) => {
                for built in &run.lineups {
                    add(&built.players, &mut out);
                }
            }
            // A stacking variant the slate cannot satisfy is skipped; the plain one must work.
            Err(e) if k == 0 => return Err(e),
            Err(_) => {}
        }
        if !on_progress(k + 1, total) {
            return Err(Error::Cancelled("the pick was cancelled".into()));
        }
    }
    let ids: Vec<i32> = {
        let mut by_index: Vec<(u16, i32)> = index.iter().map(|(&id, &k)| (k, id)).collect();
        by_index.sort_unstable();
        by_index.into_iter().map(|(_, id)| id).collect()
    };
    let centred: HashMap<i32, f64> = ids
        .iter()
        .enumerate()
        .map(|(k, id)| {
            let mean = projections.get(id).copied().unwrap_or(0.0);
            (*id, mean * simulator.centre(k))
        })
        .collect();
    let want = ((count as f64 * CENTRED_SHARE).round() as u32).clamp(1, optimizer::MAX_LINEUPS);
    let rules = Rules {
        lineups: want,
        ..base.clone()
    };
    if let Ok(run) = optimizer::optimize(slate, &centred, &rules, clock, |_, _| true) {
        for built in &run.lineups {
            add(&built.players, &mut out);
        }
    }
    let samples = ((count as f64 * SAMPLED_SHARE).round() as usize).max(1);
    let mut scratch = Vec::new();
    let mut points = vec![0.0; simulator.len()];
    let one = Rules {
        lineups: 2,
        ..base.clone()
    };
    for s in 0..samples * 3 {
        if out.len() >= count {
            break;
        }
        let mut rng = Simulator::rng(seed ^ 0x5eed_cafe, s as u64);
        simulator.draw(&mut rng, &mut scratch, &mut points);
        let moved: HashMap<i32, f64> = ids
            .iter()
            .zip(&points)
            .map(|(id, draw)| {
                let mean = projections.get(id).copied().unwrap_or(0.0);
                (*id, (0.5 * mean + 0.5 * draw).max(0.0))
            })
            .collect();
        if let Ok(run) = optimizer::optimize(slate, &moved, &one, clock, |_, _| true) {
            for built in &run.lineups {
                add(&built.players, &mut out);
            }
        }
        if s % 10 == 0 && !on_progress(variants.len(), total) {
            return Err(Error::Cancelled("the pick was cancelled".into()));
        }
    }
    if out.is_empty() {
        return Err(Error::NoLineup("no candidate lineup could be built".into()));
    }
    Ok(out)
}
