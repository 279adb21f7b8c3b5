//! Runs built lineup by lineup: when exposure limits, a minimum of differing players above one,
//! or projection randomness make each lineup depend on the ones before it. Lineup n is the best
//! lineup that differs enough from every earlier one, keeps every player under his most
//! exposure, holds every player whose fewest appearances need all the lineups still to build,
//! and, with randomness, is best on projections moved for lineup n (seeded).
//!
//! The lineups come from a stream of the best lineups of the restricted pool, read in order
//! and grown by doubling when used up; with HiGHS when the search does not apply or the stream
//! gets too long (very different lineups asked of a narrow pool).

use super::kbest;
use super::model::{self, Restriction, SolveFailure, Solved};
use super::pool::Candidate;
use super::{search, Engine, Rules};
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

/// Longest stream read before one lineup is left to HiGHS.
const MAX_STREAM: usize = 16_384;

/// The first stream length.
const FIRST_STREAM: usize = 64;

/// How many of `k` lineups a share of `percent` allows at most: rounded down, but at least one
/// for any share above zero.
fn most(percent: u32, k: usize) -> usize {
    if percent == 0 {
        0
    } else {
        (percent as usize * k / 100).max(1)
    }
}

/// How many of `k` lineups a share of `percent` needs at least (rounded up).
fn fewest(percent: u32, k: usize) -> usize {
    (percent as usize * k).div_ceil(100)
}

/// The best lineups of a pool, by the exact search or, where it does not apply or HiGHS is
/// asked for, by HiGHS.
pub fn best(
    engine: Engine,
    pool: &[Candidate],
    rules: &Rules,
    k: usize,
    mut on_progress: impl FnMut(usize, usize) -> bool,
) -> Result<Vec<Solved>, SolveFailure> {
    let searched = match engine {
        Engine::Search => search::k_best(pool, rules, k, &mut on_progress),
        Engine::Highs => None,
    };
    match searched {
        Some(found) => Ok(found),
        None => kbest::k_best(pool, rules, k, |n| on_progress(n, k)),
    }
}

/// The stream of best lineups of one restricted pool.
struct Stream {
    key: (Vec<usize>, Vec<usize>),
    /// The restricted pool and each of its players' index in the full pool.
    sub: Vec<Candidate>,
    map: Vec<usize>,
    lineups: Vec<Solved>,
    asked: usize,
    cursor: usize,
}

/// Up to `k` lineups built one after another (see the module documentation).
pub fn build(
    engine: Engine,
    pool: &[Candidate],
    rules: &Rules,
    k: usize,
    mut on_progress: impl FnMut(usize, usize) -> bool,
) -> Result<Vec<Solved>, SolveFailure> {
    let limits: Vec<(usize, usize)> = pool
        .iter()
        .map(|c| {
            let own = rules.exposures.iter().find(|e| e.player == c.id);
            // A player's own limit replaces the run's max exposure.
            let max = own
                .map(|e| e.max)
                .or(rules.max_exposure)
                .map_or(k, |p| most(p, k));
            (own.map_or(0, |e| fewest(e.min, k)), max)
        })
        .collect();
    let mut counts = vec![0usize; pool.len()];
    let mut taken: Vec<Solved> = Vec::new();
    let mut stream: Option<Stream> = None;
    while taken.len() < k {
        let remaining = k - taken.len();
        let forced_out: Vec<usize> = (0..pool.len())
            .filter(|&i| counts[i] >= limits[i].1)
            .collect();
        let forced_in: Vec<usize> = (0..pool.len())
            .filter(|&i| limits[i].0.saturating_sub(counts[i]) >= remaining)
            .collect();
        let key = (forced_in, forced_out);
        let differs = |picks: &[usize]| {
            taken.iter().all(|t| {
                let same = t.picks.iter().filter(|i| picks.contains(i)).count();
                9 - same >= rules.min_unique.max(1) as usize
            })
        };
        if rules.randomness > 0 || stream.as_ref().is_none_or(|s| s.key != key) {
            let (sub, map) = restricted(pool, rules, &key, taken.len());
            stream = Some(Stream {
                key,
                sub,
                map,
                lineups: Vec::new(),
                asked: 0,
                cursor: 0,
            });
        }
        let s = stream.as_mut().expect("set above");
        let next = loop {
            if let Some(found) = s.lineups.get(s.cursor) {
                s.cursor += 1;
                let picks: Vec<usize> = found.picks.iter().map(|&i| s.map[i]).collect();
                if differs(&picks) {
                    break Some(picks);
                }
                continue;
            }
            if s.asked > 0 && s.lineups.len() < s.asked {
                break None;
            }
            let asked = if s.asked == 0 {
                FIRST_STREAM.max(taken.len() + 1)
            } else {
                s.asked * 2
            };
            if asked > MAX_STREAM {
                break by_highs(&s.sub, &s.map, rules, &taken)?;
            }
            let done = taken.len();
            s.lineups = best(engine, &s.sub, rules, asked, |_, _| on_progress(done, k))?;
            s.asked = asked;
            s.cursor = 0;
        };
        let Some(mut picks) = next else { break };
        picks.sort_unstable();
        for &i in &picks {
            counts[i] += 1;
        }
        let points = picks.iter().map(|&i| pool[i].points).sum();
        taken.push(Solved { picks, points });
        if !on_progress(taken.len(), k) {
            break;
        }
    }
    Ok(taken)
}

/// The pool without the players forced out, with those forced in locked, and with moved
/// projections for lineup `n` under randomness; and each of its players' index in `pool`.
fn restricted(
    pool: &[Candidate],
    rules: &Rules,
    (forced_in, forced_out): &(Vec<usize>, Vec<usize>),
    n: usize,
) -> (Vec<Candidate>, Vec<usize>) {
    let mut rng =
        ChaCha8Rng::seed_from_u64(rules.seed ^ (n as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15));
    let spread = f64::from(rules.randomness.min(100)) / 100.0;
    let mut sub = Vec::with_capacity(pool.len());
    let mut map = Vec::with_capacity(pool.len());
    for (i, c) in pool.iter().enumerate() {
        // Drawn for every player, so a player's move does not depend on who else is left.
        let factor = if spread > 0.0 {
            1.0 + rng.random_range(-spread..=spread)
        } else {
            1.0
        };
        if forced_out.contains(&i) && !c.locked {
            continue;
        }
        let mut c = c.clone();
        c.points *= factor;
        c.locked |= forced_in.contains(&i);
        sub.push(c);
        map.push(i);
    }
    (sub, map)
}

/// One lineup of the restricted pool `sub` by HiGHS with a cut per earlier lineup (the stream
/// grew too long); returned as indexes of the full pool.
fn by_highs(
    sub: &[Candidate],
    map: &[usize],
    rules: &Rules,
    taken: &[Solved],
) -> Result<Option<Vec<usize>>, SolveFailure> {
    let restriction = Restriction {
        differ_from: taken
            .iter()
            .map(|t| {
                (0..sub.len())
                    .filter(|&i| t.picks.contains(&map[i]))
                    .collect()
            })
            .collect(),
        min_unique: rules.min_unique.max(1),
        ..Restriction::default()
    };
    Ok(model::solve(sub, rules, &restriction)?.map(|s| s.picks.iter().map(|&i| map[i]).collect()))
}
