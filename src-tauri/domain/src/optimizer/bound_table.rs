//! Upper bounds for the exact search: for the positions still to fill, in a fixed order, the
//! most points any completion can add within a salary budget, by dynamic programming over the
//! players. The bound drops only the rules that tie players together (games, teams), so it is
//! tight, and it can carry one or two "at least N of these players" counters (the QB stack and
//! the bring-back) so those rules tighten it too.

/// One player as the table sees it.
#[derive(Debug, Clone, Copy)]
pub struct Entry {
    /// Salary in budget units.
    pub salary: usize,
    /// Projected points.
    pub points: f32,
    /// Counts towards the first counter (the stack).
    pub first: bool,
    /// Counts towards the second counter (the bring-back).
    pub second: bool,
}

/// A group of players of one position, of which `need` are still to be picked.
#[derive(Debug, Clone)]
pub struct Group {
    /// The players, in the order the search takes them.
    pub entries: Vec<Entry>,
    /// How many to pick.
    pub need: usize,
}

/// `best(g, i, j, s, b)`: the most points from picking `j` more players of group `g` among its
/// players from index `i` on, then every later group in full, with at most `b` budget units,
/// while the counters still need `s` (encoded) players. Minus infinity when impossible.
pub struct BoundTable {
    budget: usize,
    counters: (usize, usize),
    offsets: Vec<usize>,
    needs: Vec<usize>,
    values: Vec<f32>,
}

impl BoundTable {
    /// Builds the table for `groups` with budgets `0..=budget` units and counters that start at
    /// `counters` (first, second).
    pub fn build(groups: &[Group], budget: usize, counters: (usize, usize)) -> BoundTable {
        let states = (counters.0 + 1) * (counters.1 + 1);
        let width = budget + 1;
        let mut offsets = Vec::with_capacity(groups.len() + 1);
        let mut rows = 0;
        for group in groups {
            offsets.push(rows);
            rows += (group.entries.len() + 1) * (group.need + 1) * states;
        }
        offsets.push(rows);
        let mut table = BoundTable {
            budget,
            counters,
            offsets,
            needs: groups.iter().map(|g| g.need).collect(),
            values: vec![f32::NEG_INFINITY; rows * width],
        };
        for (g, group) in groups.iter().enumerate().rev() {
            let size = group.entries.len();
            // Past the group's last player: nothing more of it, then the next groups.
            for s in 0..states {
                let end = table.row(g, size, 0, s);
                if g + 1 == groups.len() {
                    if s == 0 {
                        table.values[end * width..(end + 1) * width].fill(0.0);
                    }
                } else {
                    let next = table.row(g + 1, 0, groups[g + 1].need, s);
                    table
                        .values
                        .copy_within(next * width..(next + 1) * width, end * width);
                }
            }
            for i in (0..size).rev() {
                let entry = group.entries[i];
                for j in 0..=group.need {
                    for s in 0..states {
                        let here = table.row(g, i, j, s);
                        let skip = table.row(g, i + 1, j, s);
                        table
                            .values
                            .copy_within(skip * width..(skip + 1) * width, here * width);
                        if j == 0 || entry.salary > budget {
                            continue;
                        }
                        let take = table.row(g, i + 1, j - 1, table.after(s, &entry));
                        // Rows of later players come after: `take` lies beyond `here`.
                        let (before, after) = table.values.split_at_mut(take * width);
                        let source = &after[..width - entry.salary];
                        let target = &mut before[here * width + entry.salary..(here + 1) * width];
                        for (t, v) in target.iter_mut().zip(source) {
                            let with = v + entry.points;
                            if with > *t {
                                *t = with;
                            }
                        }
                    }
                }
            }
        }
        table
    }

    /// The counter state encoding "still need (first, second)".
    pub fn state(&self, first: usize, second: usize) -> usize {
        first.min(self.counters.0) * (self.counters.1 + 1) + second.min(self.counters.1)
    }

    /// The counter state after picking `entry`.
    pub fn after(&self, s: usize, entry: &Entry) -> usize {
        let first = s / (self.counters.1 + 1);
        let second = s % (self.counters.1 + 1);
        self.state(
            first.saturating_sub(usize::from(entry.first)),
            second.saturating_sub(usize::from(entry.second)),
        )
    }

    /// The bound, see the type's documentation.
    pub fn best(&self, g: usize, i: usize, j: usize, s: usize, b: usize) -> f32 {
        self.values[self.row(g, i, j, s) * (self.budget + 1) + b.min(self.budget)]
    }

    fn row(&self, g: usize, i: usize, j: usize, s: usize) -> usize {
        let states = (self.counters.0 + 1) * (self.counters.1 + 1);
        self.offsets[g] + (i * (self.needs[g] + 1) + j) * states + s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(salary: usize, points: f32, first: bool) -> Entry {
        Entry {
            salary,
            points,
            first,
            second: false,
        }
    }

    #[test]
    fn the_bound_is_the_best_pick_within_the_budget() {
        let groups = vec![
            Group {
                entries: vec![entry(5, 10.0, false), entry(2, 6.0, false)],
                need: 1,
            },
            Group {
                entries: vec![
                    entry(4, 9.0, false),
                    entry(3, 7.0, true),
                    entry(1, 2.0, false),
                ],
                need: 2,
            },
        ];
        let table = BoundTable::build(&groups, 10, (0, 0));
        // Budget 10: 10 (5) + 9 (4) + 2 (1) = 21; or 6 (2) + 9 + 7 (7) = 22.
        assert_eq!(table.best(0, 0, 1, 0, 10), 22.0);
        // Budget 6: 6 (2) + 2 (1) ... or 6 (2) + 7 (3) + 2 (1) = 15.
        assert_eq!(table.best(0, 0, 1, 0, 6), 15.0);
        assert!(
            table.best(0, 0, 1, 0, 5).is_infinite(),
            "no two of 4, 3, 1 fit in 3"
        );
        // From the second player of the first group only.
        assert_eq!(table.best(0, 1, 1, 0, 10), 22.0);
        assert_eq!(table.best(1, 1, 2, 0, 10), 9.0);
    }

    #[test]
    fn a_counter_forces_its_players_in() {
        let groups = vec![Group {
            entries: vec![
                entry(1, 9.0, false),
                entry(1, 8.0, false),
                entry(1, 1.0, true),
            ],
            need: 2,
        }];
        let free = BoundTable::build(&groups, 10, (0, 0));
        assert_eq!(free.best(0, 0, 2, 0, 10), 17.0);
        let stacked = BoundTable::build(&groups, 10, (1, 0));
        assert_eq!(stacked.best(0, 0, 2, stacked.state(1, 0), 10), 10.0);
        assert_eq!(stacked.best(0, 0, 2, stacked.state(0, 0), 10), 17.0);
    }
}
