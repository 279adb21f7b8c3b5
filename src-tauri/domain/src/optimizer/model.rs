//! The integer program of one lineup, solved with HiGHS: a binary per candidate, DraftKings'
//! roster and cap rules, the user's rules, and the restrictions of a k-best subproblem
//! (candidates forced in or out, lineups to differ from).

use super::pool::Candidate;
use super::rules::POSITION_COUNTS;
use super::Rules;
use crate::dk::Position;
use highs::{Col, HighsModelStatus, RowProblem, Sense};
use std::collections::{BTreeMap, BTreeSet};

/// A subproblem: candidates (by index) forced into or out of the lineup, and earlier lineups the
/// result must differ from by at least `min_unique` players.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Restriction {
    /// Candidates that must be in the lineup.
    pub forced_in: Vec<usize>,
    /// Candidates that must not be.
    pub forced_out: Vec<usize>,
    /// Lineups (candidate indexes) to differ from.
    pub differ_from: Vec<Vec<usize>>,
    /// How many players must differ from each of them.
    pub min_unique: u32,
}

/// An optimal lineup of a subproblem.
#[derive(Debug, Clone, PartialEq)]
pub struct Solved {
    /// Candidate indexes, ascending.
    pub picks: Vec<usize>,
    /// Projected points.
    pub points: f64,
}

/// Why HiGHS gave no proven optimum.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SolveFailure(pub String);

/// Seconds one solve may take before the run fails rather than return a non-optimal lineup.
const TIME_LIMIT_SECS: f64 = 30.0;

/// Solves one subproblem: `Ok(None)` when it has no lineup.
pub fn solve(
    pool: &[Candidate],
    rules: &Rules,
    restriction: &Restriction,
) -> Result<Option<Solved>, SolveFailure> {
    let mut pb = RowProblem::default();
    let x: Vec<Col> = pool
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let (lo, hi) = if restriction.forced_out.contains(&i) {
                (0.0, 0.0)
            } else if c.locked || restriction.forced_in.contains(&i) {
                (1.0, 1.0)
            } else {
                (0.0, 1.0)
            };
            pb.add_integer_column(c.points, lo..=hi)
        })
        .collect();
    let all = |keep: &dyn Fn(&Candidate) -> bool| -> Vec<(Col, f64)> {
        pool.iter()
            .zip(&x)
            .filter(|(c, _)| keep(c))
            .map(|(_, col)| (*col, 1.0))
            .collect()
    };

    pb.add_row(9.0..=9.0, all(&|_| true));
    let flex = rules.flex_lock(pool);
    for (position, lo, hi) in POSITION_COUNTS {
        // A player locked in FLEX takes his position's extra slot.
        let lo = if flex == Some(position) { hi } else { lo };
        pb.add_row(lo as f64..=hi as f64, all(&|c| c.position == position));
    }
    let salary: Vec<(Col, f64)> = pool
        .iter()
        .zip(&x)
        .map(|(c, col)| (*col, f64::from(c.salary)))
        .collect();
    pb.add_row(f64::from(rules.min_salary)..=f64::from(rules.cap()), salary);

    // At least two games: a game counts only if one of its players is picked.
    let games: BTreeSet<i32> = pool.iter().map(|c| c.game).collect();
    let mut game_cols = Vec::new();
    for game in games {
        let g = pb.add_integer_column(0.0, 0.0..=1.0);
        let mut row = all(&|c| c.game == game);
        row.iter_mut().for_each(|(_, f)| *f = -1.0);
        row.push((g, 1.0));
        pb.add_row(..=0.0, row);
        game_cols.push((g, 1.0));
    }
    pb.add_row(2.0.., game_cols);

    // A game stack: one chosen game holds at least N players.
    if rules.game_stack > 0 {
        let n = f64::from(rules.game_stack);
        let mut chosen = Vec::new();
        for game in pool.iter().map(|c| c.game).collect::<BTreeSet<_>>() {
            let g = pb.add_integer_column(0.0, 0.0..=1.0);
            let mut row = all(&|c| c.game == game);
            row.push((g, -n));
            pb.add_row(0.0.., row);
            chosen.push((g, 1.0));
        }
        pb.add_row(1.0.., chosen);
    }

    if let Some(max) = rules.max_per_team {
        let teams: BTreeSet<&str> = pool.iter().map(|c| c.team.as_str()).collect();
        for team in teams {
            pb.add_row(..=f64::from(max), all(&|c| c.team == team));
        }
    }

    let by_team: BTreeMap<&str, Vec<usize>> = pool.iter().enumerate().fold(
        BTreeMap::new(),
        |mut map: BTreeMap<&str, Vec<usize>>, (i, c)| {
            map.entry(c.team.as_str()).or_default().push(i);
            map
        },
    );
    for (q, qb) in pool.iter().enumerate() {
        if qb.position != Position::QB {
            continue;
        }
        // The QB implies N of his own receivers (WR/TE, and RB when they count).
        if rules.qb_stack > 0 {
            let mut row: Vec<(Col, f64)> = by_team[qb.team.as_str()]
                .iter()
                .filter(|&&i| rules.stacks_with_qb(pool[i].position))
                .map(|&i| (x[i], 1.0))
                .collect();
            row.push((x[q], -f64::from(rules.qb_stack)));
            pb.add_row(0.0.., row);
        }
        // The QB implies N players (not the DST) from his opponent.
        if rules.bring_back > 0 {
            let mut row: Vec<(Col, f64)> = by_team
                .get(qb.opponent.as_str())
                .into_iter()
                .flatten()
                .filter(|&&i| pool[i].position != Position::DST)
                .map(|&i| (x[i], 1.0))
                .collect();
            row.push((x[q], -f64::from(rules.bring_back)));
            pb.add_row(0.0.., row);
        }
    }
    // A DST excludes every offensive player of the team it faces.
    if rules.no_opponent_vs_dst {
        for (d, dst) in pool.iter().enumerate() {
            if dst.position != Position::DST {
                continue;
            }
            let mut row: Vec<(Col, f64)> = by_team
                .get(dst.opponent.as_str())
                .into_iter()
                .flatten()
                .filter(|&&i| pool[i].position != Position::DST)
                .map(|&i| (x[i], 1.0))
                .collect();
            row.push((x[d], 8.0));
            pb.add_row(..=8.0, row);
        }
    }
    // At most `max` of a position per team; with `unless_with_qb`, the team's QB lifts it.
    for limit in &rules.team_limits {
        let (_, _, most) = POSITION_COUNTS
            .iter()
            .find(|(p, _, _)| *p == limit.position)
            .copied()
            .expect("every position has counts");
        let slack = most.saturating_sub(limit.max as usize) as f64;
        for members in by_team.values() {
            let mut row: Vec<(Col, f64)> = members
                .iter()
                .filter(|&&i| pool[i].position == limit.position)
                .map(|&i| (x[i], 1.0))
                .collect();
            if limit.unless_with_qb {
                row.extend(
                    members
                        .iter()
                        .filter(|&&i| pool[i].position == Position::QB)
                        .map(|&i| (x[i], -slack)),
                );
            }
            pb.add_row(..=f64::from(limit.max), row);
        }
    }
    for earlier in &restriction.differ_from {
        let row: Vec<(Col, f64)> = earlier.iter().map(|&i| (x[i], 1.0)).collect();
        pb.add_row(..=(9.0 - f64::from(restriction.min_unique)), row);
    }

    // HiGHS' presolve is off: on these small models it occasionally ends in an error status
    // (seen with several min-unique cuts) and, worse, can report as optimal a lineup below the
    // optimum of a subproblem whose players are fixed in or out by bounds (a 108 where a 109
    // exists: `optimizer::highs_finds_every_tied_best_lineup`). Without it the real slates'
    // HiGHS runs take about 2.3 times as long (16 s against 38 s for the agreement test);
    // the default search engine does not use it.
    let mut model = pb.optimise(Sense::Maximise);
    model.make_quiet();
    model.set_option("time_limit", TIME_LIMIT_SECS);
    model.set_option("mip_rel_gap", 0.0);
    model.set_option("presolve", "off");
    let solved = model
        .try_solve()
        .map_err(|s| SolveFailure(format!("HiGHS failed to run ({s:?})")))?;
    match solved.status() {
        HighsModelStatus::Optimal => {
            let values = solved.get_solution();
            let picks: Vec<usize> = values.columns()[..pool.len()]
                .iter()
                .enumerate()
                .filter(|(_, v)| **v > 0.5)
                .map(|(i, _)| i)
                .collect();
            let points = picks.iter().map(|&i| pool[i].points).sum();
            Ok(Some(Solved { picks, points }))
        }
        HighsModelStatus::Infeasible | HighsModelStatus::ModelEmpty => Ok(None),
        HighsModelStatus::ReachedTimeLimit => Err(SolveFailure(format!(
            "the solver could not prove an optimum within {TIME_LIMIT_SECS} s"
        ))),
        other => Err(SolveFailure(format!(
            "the solver stopped with status {other:?}"
        ))),
    }
}
