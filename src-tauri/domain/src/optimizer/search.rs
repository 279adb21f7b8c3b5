//! The exact k-best search: branch and bound over the players, position by position, with the
//! bounds of [`BoundTable`] and the k-th best lineup found so far as the bar. A lineup is kept
//! only if [`Rules::admits`] it, so the search returns exactly the k best lineups of the rules
//! (ties in any order), like the HiGHS partitioning, in a fraction of the time. It applies when
//! salaries share a unit that keeps the budget table small; otherwise the caller uses HiGHS.

use super::bound_table::{BoundTable, Entry, Group};
use super::model::Solved;
use super::pool::Candidate;
use super::rules::POSITION_COUNTS;
use super::Rules;
use crate::dk::Position;
use std::cmp::{Ordering, Reverse};
use std::collections::{BinaryHeap, HashMap};

/// Most budget units the table may have (a cap of 50,000 in hundreds is 500).
const MAX_BUDGET_UNITS: usize = 5_000;

/// Slack for the f32 bounds: a branch is cut only when its bound is below the bar by more.
const SLACK: f64 = 1e-3;

/// The positions after the QB, in the order the search fills them.
const ORDER: [Position; 4] = [Position::DST, Position::TE, Position::RB, Position::WR];

/// Whether the search applies to this pool: salaries with a common unit that keeps the budget
/// table small, and at most 64 teams and games.
pub fn applies(pool: &[Candidate], rules: &Rules) -> bool {
    budget_units(pool, rules).is_some()
        && distinct(
            pool.iter()
                .flat_map(|c| [c.team.as_str(), c.opponent.as_str()]),
        ) <= 64
        && distinct(pool.iter().map(|c| c.game)) <= 64
}

fn distinct<T: std::hash::Hash + Eq>(items: impl Iterator<Item = T>) -> usize {
    items.collect::<std::collections::HashSet<_>>().len()
}

/// (unit, budget in units).
fn budget_units(pool: &[Candidate], rules: &Rules) -> Option<(u32, usize)> {
    fn gcd(a: u32, b: u32) -> u32 {
        if b == 0 {
            a
        } else {
            gcd(b, a % b)
        }
    }
    let unit = pool.iter().fold(rules.cap(), |g, c| gcd(g, c.salary));
    if unit == 0 {
        return None;
    }
    let units = (rules.cap() / unit) as usize;
    (units <= MAX_BUDGET_UNITS).then_some((unit, units))
}

/// A lineup found, ordered by points, then by picks (so ties resolve the same way every run).
#[derive(Debug, Clone, PartialEq)]
struct Found(Solved);
impl Eq for Found {}
impl PartialOrd for Found {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}
impl Ord for Found {
    fn cmp(&self, other: &Self) -> Ordering {
        self.0
            .points
            .total_cmp(&other.0.points)
            .then_with(|| other.0.picks.cmp(&self.0.picks))
    }
}

/// A player in the search.
#[derive(Debug, Clone, Copy)]
struct Item {
    index: usize,
    salary: usize,
    points: f64,
    team: usize,
    opponent: usize,
    game: usize,
    position: Position,
}

/// The lineup being built.
#[derive(Debug, Clone)]
struct Partial {
    picks: Vec<usize>,
    points: f64,
    budget: usize,
    per_team: [u8; 64],
    offense: [u8; 64],
    per_team_position: [[u8; 5]; 64],
    games: u64,
    qb_team: Option<usize>,
    dst_opponent: Option<usize>,
}

/// One search branch: a FLEX choice and a QB team, with the QBs of that team.
struct Branch {
    shape: usize,
    team: usize,
    qbs: Vec<(f64, Item)>,
}

/// The k best lineups (best first; fewer when fewer exist). `on_progress(done, total)` is
/// called after each branch and returns false to stop (the best found so far are returned).
/// `None` when the search does not apply (see [`applies`]).
pub fn k_best(
    pool: &[Candidate],
    rules: &Rules,
    k: usize,
    mut on_progress: impl FnMut(usize, usize) -> bool,
) -> Option<Vec<Solved>> {
    if !applies(pool, rules) || k == 0 {
        return None;
    }
    let (unit, budget) = budget_units(pool, rules)?;
    let mut teams: HashMap<&str, usize> = HashMap::new();
    let mut games: HashMap<i32, usize> = HashMap::new();
    fn index_of<'a>(t: &'a str, teams: &mut HashMap<&'a str, usize>) -> usize {
        let n = teams.len();
        *teams.entry(t).or_insert(n)
    }
    let items: Vec<Item> = pool
        .iter()
        .enumerate()
        .map(|(index, c)| {
            let team = index_of(c.team.as_str(), &mut teams);
            let opponent = index_of(c.opponent.as_str(), &mut teams);
            let n = games.len();
            Item {
                index,
                salary: (c.salary / unit) as usize,
                points: c.points,
                team,
                opponent,
                game: *games.entry(c.game).or_insert(n),
                position: c.position,
            }
        })
        .collect();
    let mut search = Search {
        pool,
        rules,
        k,
        heap: BinaryHeap::new(),
        progress: &mut on_progress,
        branch: (0, 0),
        nodes: 0,
        stopped: false,
    };
    search.run(&items, budget);
    let mut found: Vec<Found> = search.heap.into_iter().map(|Reverse(f)| f).collect();
    found.sort_by(|a, b| b.cmp(a));
    Some(found.into_iter().map(|f| f.0).collect())
}

struct Search<'a> {
    pool: &'a [Candidate],
    rules: &'a Rules,
    k: usize,
    heap: BinaryHeap<Reverse<Found>>,
    /// Hears progress and says whether to go on (cancel, time limit).
    progress: &'a mut dyn FnMut(usize, usize) -> bool,
    /// (branches done, branches) for the progress calls made inside a branch.
    branch: (usize, usize),
    /// Nodes visited, to ask `progress` every so often inside a long branch.
    nodes: u64,
    /// Set when `progress` said stop: the search unwinds keeping what it found.
    stopped: bool,
}

/// Nodes between two calls of the progress hook inside a branch.
const NODES_PER_POLL: u64 = 1 << 16;

/// The FLEX choices as (RB, WR, TE) counts.
const SHAPES: [(usize, usize, usize); 3] = [(3, 3, 1), (2, 4, 1), (2, 3, 2)];

fn position_index(p: Position) -> usize {
    POSITION_COUNTS
        .iter()
        .position(|(q, _, _)| *q == p)
        .expect("every position has counts")
}

impl Search<'_> {
    fn bar(&self) -> f64 {
        if self.heap.len() < self.k {
            f64::NEG_INFINITY
        } else {
            self.heap
                .peek()
                .map_or(f64::NEG_INFINITY, |r| r.0 .0.points)
        }
    }

    fn run(&mut self, items: &[Item], budget: usize) {
        let locked: Vec<Item> = items
            .iter()
            .filter(|i| self.pool[i.index].locked)
            .copied()
            .collect();
        let locked_qbs: Vec<Item> = locked
            .iter()
            .filter(|i| i.position == Position::QB)
            .copied()
            .collect();
        let fixed: Vec<Item> = locked
            .iter()
            .filter(|i| i.position != Position::QB)
            .copied()
            .collect();
        let mut start = Partial {
            picks: Vec::with_capacity(9),
            points: 0.0,
            budget,
            per_team: [0; 64],
            offense: [0; 64],
            per_team_position: [[0; 5]; 64],
            games: 0,
            qb_team: None,
            dst_opponent: None,
        };
        for item in &fixed {
            if item.salary > start.budget {
                return;
            }
            self.add(&mut start, item);
        }
        let qbs: Vec<Item> = if locked_qbs.is_empty() {
            items
                .iter()
                .filter(|i| i.position == Position::QB)
                .copied()
                .collect()
        } else if locked_qbs.len() == 1 {
            locked_qbs
        } else {
            return;
        };
        let flex = self.rules.flex_lock(self.pool);

        // Per shape: the groups to fill after the QB, and the table without counters.
        let mut shapes = Vec::new();
        for (rb, wr, te) in SHAPES {
            let wanted = |p: Position| match p {
                Position::DST => 1,
                Position::TE => te,
                Position::RB => rb,
                Position::WR => wr,
                Position::QB => 1,
            };
            if let Some(p) = flex {
                let (_, base, _) = POSITION_COUNTS[position_index(p)];
                if wanted(p) == base {
                    continue;
                }
            }
            let needs: Option<Vec<usize>> = ORDER
                .iter()
                .map(|p| wanted(*p).checked_sub(fixed.iter().filter(|i| i.position == *p).count()))
                .collect();
            let Some(needs) = needs else { continue };
            let mut groups = Vec::new();
            for p in ORDER {
                let mut members: Vec<Item> = items
                    .iter()
                    .filter(|i| i.position == p && !self.pool[i.index].locked)
                    .copied()
                    .collect();
                members.sort_by(|a, b| {
                    b.points
                        .total_cmp(&a.points)
                        .then(a.salary.cmp(&b.salary))
                        .then(a.index.cmp(&b.index))
                });
                groups.push(members);
            }
            let plain = BoundTable::build(
                &table_groups(&groups, &needs, None, self.rules),
                budget,
                (0, 0),
            );
            shapes.push((groups, needs, plain));
        }

        // Branches: (shape, QB team), best relaxed bound first.
        let mut branches: Vec<(f64, Branch)> = Vec::new();
        for (s, (_, needs, plain)) in shapes.iter().enumerate() {
            let mut by_team: HashMap<usize, Vec<(f64, Item)>> = HashMap::new();
            for qb in &qbs {
                if qb.salary > start.budget {
                    continue;
                }
                let bound = start.points
                    + qb.points
                    + f64::from(plain.best(0, 0, needs[0], 0, start.budget - qb.salary));
                if bound.is_finite() {
                    by_team.entry(qb.team).or_default().push((bound, *qb));
                }
            }
            for (team, mut qbs) in by_team {
                qbs.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.index.cmp(&b.1.index)));
                branches.push((
                    qbs[0].0,
                    Branch {
                        shape: s,
                        team,
                        qbs,
                    },
                ));
            }
        }
        branches.sort_by(|a, b| {
            b.0.total_cmp(&a.0)
                .then(a.1.shape.cmp(&b.1.shape))
                .then(a.1.team.cmp(&b.1.team))
        });
        let total = branches.len();
        let counters = (self.rules.qb_stack as usize, self.rules.bring_back as usize);
        for (done, (bound, branch)) in branches.into_iter().enumerate() {
            if bound + SLACK < self.bar() {
                (self.progress)(total, total);
                return;
            }
            self.branch = (done, total);
            let (groups, needs, plain) = &shapes[branch.shape];
            let qb = branch.qbs[0].1;
            let tagged = table_groups(
                groups,
                needs,
                (counters != (0, 0)).then_some((qb.team, qb.opponent)),
                self.rules,
            );
            let counted;
            let table = if counters == (0, 0) {
                plain
            } else {
                counted = BoundTable::build(&tagged, budget, counters);
                &counted
            };
            let tagged: Vec<Vec<Entry>> = tagged.into_iter().map(|g| g.entries).collect();
            for (bound, qb) in &branch.qbs {
                if self.stopped {
                    break;
                }
                if bound + SLACK < self.bar() || !self.can_add(&start, qb) {
                    continue;
                }
                let mut partial = start.clone();
                self.add(&mut partial, qb);
                let qb = *qb;
                let stack_have = fixed
                    .iter()
                    .filter(|i| i.team == qb.team && self.rules.stacks_with_qb(i.position))
                    .count();
                let back_have = fixed
                    .iter()
                    .filter(|i| i.team == qb.opponent && i.position != Position::DST)
                    .count();
                let s = table.state(
                    counters.0.saturating_sub(stack_have),
                    counters.1.saturating_sub(back_have),
                );
                let walk = Walk {
                    groups,
                    entries: &tagged,
                    needs,
                    table,
                };
                self.next_group(&walk, 0, s, &mut partial);
            }
            if self.stopped || !(self.progress)(done + 1, total) {
                return;
            }
        }
    }

    /// Continues with group `g` (or the next one that still needs players), or keeps the
    /// lineup when every group is full.
    fn next_group(&mut self, walk: &Walk, g: usize, s: usize, partial: &mut Partial) {
        match (g..walk.needs.len()).find(|&g| walk.needs[g] > 0) {
            Some(g) => self.fill(walk, g, 0, walk.needs[g], s, partial),
            None => self.keep(partial),
        }
    }

    /// Picks `j` more players of group `g` from index `from` on.
    fn fill(
        &mut self,
        walk: &Walk,
        g: usize,
        from: usize,
        j: usize,
        s: usize,
        partial: &mut Partial,
    ) {
        self.nodes += 1;
        if self.nodes.is_multiple_of(NODES_PER_POLL)
            && !(self.progress)(self.branch.0, self.branch.1)
        {
            self.stopped = true;
        }
        if self.stopped {
            return;
        }
        for (c, (item, entry)) in walk.groups[g]
            .iter()
            .zip(&walk.entries[g])
            .enumerate()
            .skip(from)
        {
            let bar = self.bar();
            let bound = partial.points + f64::from(walk.table.best(g, c, j, s, partial.budget));
            if bound.is_infinite() || bound + SLACK < bar {
                break;
            }
            if item.salary > partial.budget || !self.can_add(partial, item) {
                continue;
            }
            let s_after = walk.table.after(s, entry);
            let budget_after = partial.budget - item.salary;
            let bound = partial.points
                + item.points
                + f64::from(walk.table.best(g, c + 1, j - 1, s_after, budget_after));
            if bound + SLACK < bar || bound.is_infinite() {
                continue;
            }
            self.add(partial, item);
            if j == 1 {
                self.next_group(walk, g + 1, s_after, partial);
            } else {
                self.fill(walk, g, c + 1, j - 1, s_after, partial);
            }
            self.remove(partial, item);
        }
    }

    fn keep(&mut self, partial: &Partial) {
        if partial.games.count_ones() < 2 {
            return;
        }
        let mut picks = partial.picks.clone();
        picks.sort_unstable();
        let points: f64 = picks.iter().map(|&i| self.pool[i].points).sum();
        if self.heap.len() >= self.k && points <= self.bar() {
            return;
        }
        if !self.rules.admits(self.pool, &picks) {
            return;
        }
        self.heap.push(Reverse(Found(Solved { picks, points })));
        if self.heap.len() > self.k {
            self.heap.pop();
        }
    }

    /// Whether `item` may join the lineup (the rules that can be checked one player at a time).
    fn can_add(&self, partial: &Partial, item: &Item) -> bool {
        let rules = self.rules;
        if let Some(max) = rules.max_per_team {
            if u32::from(partial.per_team[item.team]) >= max {
                return false;
            }
        }
        let p = position_index(item.position);
        for limit in &rules.team_limits {
            if limit.position == item.position
                && u32::from(partial.per_team_position[item.team][p]) >= limit.max
                && !(limit.unless_with_qb && partial.qb_team == Some(item.team))
            {
                return false;
            }
        }
        if rules.no_opponent_vs_dst {
            if item.position == Position::DST {
                if partial.offense[item.opponent] > 0 {
                    return false;
                }
            } else if partial.dst_opponent == Some(item.team) {
                return false;
            }
        }
        true
    }

    fn add(&self, partial: &mut Partial, item: &Item) {
        partial.picks.push(item.index);
        partial.points += item.points;
        partial.budget -= item.salary;
        partial.per_team[item.team] += 1;
        partial.per_team_position[item.team][position_index(item.position)] += 1;
        partial.games |= 1 << item.game;
        match item.position {
            Position::DST => partial.dst_opponent = Some(item.opponent),
            Position::QB => {
                partial.qb_team = Some(item.team);
                partial.offense[item.team] += 1;
            }
            _ => partial.offense[item.team] += 1,
        }
    }

    /// Undoes [`Search::add`] of a player picked after the QB.
    fn remove(&self, partial: &mut Partial, item: &Item) {
        partial.picks.pop();
        partial.points -= item.points;
        partial.budget += item.salary;
        partial.per_team[item.team] -= 1;
        partial.per_team_position[item.team][position_index(item.position)] -= 1;
        if !partial
            .picks
            .iter()
            .any(|&i| self.pool[i].game == self.pool[item.index].game)
        {
            partial.games &= !(1 << item.game);
        }
        match item.position {
            Position::DST => partial.dst_opponent = None,
            _ => partial.offense[item.team] -= 1,
        }
    }
}

/// What a branch walks: the groups after the QB, their table entries, needs and bounds.
struct Walk<'a> {
    groups: &'a [Vec<Item>],
    entries: &'a [Vec<Entry>],
    needs: &'a [usize],
    table: &'a BoundTable,
}

/// The table groups, with the stack and bring-back counters of a QB (team, opponent) marked.
fn table_groups(
    groups: &[Vec<Item>],
    needs: &[usize],
    qb: Option<(usize, usize)>,
    rules: &Rules,
) -> Vec<Group> {
    groups
        .iter()
        .zip(needs)
        .map(|(members, need)| Group {
            entries: members
                .iter()
                .map(|i| Entry {
                    salary: i.salary,
                    points: i.points as f32,
                    first: qb.is_some_and(|(team, _)| {
                        i.team == team && rules.stacks_with_qb(i.position)
                    }),
                    second: qb.is_some_and(|(_, opp)| i.team == opp && i.position != Position::DST),
                })
                .collect(),
            need: *need,
        })
        .collect()
}
