//! The k best lineups by partitioning (Lawler-Murty). Each lineup found splits its subproblem
//! into disjoint children: child j keeps the lineup's first j free players and forbids its
//! (j+1)-th. No cut accumulates, so every child is as small as the first problem, and the
//! children of one lineup are solved in parallel. Lineups come out best first; together they
//! are exactly the k best of the rules (ties in any order).

use super::model::{self, Restriction, SolveFailure, Solved};
use super::pool::Candidate;
use super::Rules;
use rayon::prelude::*;
use std::cmp::Ordering;
use std::collections::BinaryHeap;

/// A solved subproblem waiting in the queue.
struct Node {
    restriction: Restriction,
    best: Solved,
}

impl PartialEq for Node {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}
impl Eq for Node {}
impl PartialOrd for Node {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}
impl Ord for Node {
    /// Higher points first; ties by the picks, so the order is deterministic.
    fn cmp(&self, other: &Self) -> Ordering {
        self.best
            .points
            .total_cmp(&other.best.points)
            .then_with(|| other.best.picks.cmp(&self.best.picks))
    }
}

/// Up to `k` distinct lineups, best first; fewer when the rules allow fewer. `on_found` is
/// called with the count after each lineup (for progress) and returns false to stop early.
pub fn k_best(
    pool: &[Candidate],
    rules: &Rules,
    k: usize,
    mut on_found: impl FnMut(usize) -> bool,
) -> Result<Vec<Solved>, SolveFailure> {
    let mut found = Vec::new();
    let mut queue = BinaryHeap::new();
    let root = Restriction::default();
    if let Some(best) = model::solve(pool, rules, &root)? {
        queue.push(Node {
            restriction: root,
            best,
        });
    }
    while found.len() < k {
        let Some(node) = queue.pop() else { break };
        let free: Vec<usize> = node
            .best
            .picks
            .iter()
            .copied()
            .filter(|i| !node.restriction.forced_in.contains(i) && !pool[*i].locked)
            .collect();
        found.push(node.best);
        if !on_found(found.len()) || found.len() == k {
            break;
        }
        let children: Vec<Restriction> = (0..free.len())
            .map(|j| {
                let mut child = node.restriction.clone();
                child.forced_in.extend_from_slice(&free[..j]);
                child.forced_out.push(free[j]);
                child
            })
            .collect();
        let solved: Vec<Result<Option<Node>, SolveFailure>> = children
            .into_par_iter()
            .map(|restriction| {
                Ok(model::solve(pool, rules, &restriction)?.map(|best| Node { restriction, best }))
            })
            .collect();
        for child in solved {
            if let Some(node) = child? {
                queue.push(node);
            }
        }
    }
    Ok(found)
}
