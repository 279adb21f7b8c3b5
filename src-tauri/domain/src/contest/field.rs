//! The contest's other entries: lineups sampled so that each player is drafted about as often
//! as his projected ownership says, most of them spend nearly the whole cap, and their
//! quarterbacks are stacked with their own pass catchers as often as real fields do. Every
//! lineup is valid under DraftKings' rules (nine distinct players in their slots, the cap,
//! players from at least two games).
//!
//! A lineup is drawn slot by slot: the QB by ownership, his stack partners from his team, then
//! DST, TE, RB, WR and FLEX by ownership among the players the salary left still allows; a
//! lineup short of the salary floor is upgraded slot by slot, the least wanted players first,
//! so the chalk is kept as entrants keep their favourites. The weights are then corrected over
//! twelve rounds, multiplying each player's by how far the sampled field's ownership fell short
//! of or overshot his target, so the constraints do not skew it: fed the real ownership of the
//! shared 2018 fields, the sampled field holds each player 1%+ drafted within 0.7 points of it
//! on average, the three most drafted within 5 (`tests/domain/field_on_real_ownership.rs`).

use super::ContestType;
use crate::dk::Position;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

/// Lineup slots in roster order: QB, RB, RB, WR, WR, WR, TE, FLEX, DST.
pub type FieldLineup = [u16; 9];

/// A slate player the field may draft.
#[derive(Debug, Clone, PartialEq)]
pub struct FieldPlayer {
    /// Position.
    pub position: Position,
    /// Team code.
    pub team: String,
    /// His game (players of one game share it).
    pub game: u32,
    /// Salary in dollars.
    pub salary: u32,
    /// Projected ownership, percent.
    pub ownership: f64,
}

/// How the field builds lineups.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct FieldHabits {
    /// Salary cap.
    pub salary_cap: u32,
    /// The least salary most lineups use.
    pub min_salary: u32,
    /// Share of lineups whose QB has at least one pass catcher of his own.
    pub stack_rate: f64,
    /// Share of stacked lineups with a second pass catcher of the QB's.
    pub double_stack_rate: f64,
    /// Share of lineups made to hold a player of the QB's opponent (a bring-back), on top of
    /// those that draw one by chance.
    pub bring_back_rate: f64,
}

/// A cash game's field (a double-up, 50/50 or head-to-head), measured on the two shared
/// 2,272-entry DraftKings double-ups of 2018 (weeks 7 and 8): 98% of lineups spent $49,500 or
/// more, 51-55% stacked their QB with a WR or TE of his (12-16% of those with two), 42-54% held
/// a player of his opponent. The rates the sampler forces are below those: lineups drawn by
/// ownership stack and bring back by chance too, and with these rates the sampled fields of
/// those two slates match the real ones (`contest field`, `scripts/bench-contests.sh`).
impl Default for FieldHabits {
    fn default() -> Self {
        FieldHabits {
            salary_cap: crate::dk::SALARY_CAP,
            min_salary: 49_500,
            stack_rate: 0.36,
            double_stack_rate: 0.14,
            bring_back_rate: 0.45,
        }
    }
}

impl FieldHabits {
    /// How the field of a contest of `contest_type` builds lineups under `salary_cap`. A
    /// tournament's entrants play for the top, and stack for it: in the shared 2019
    /// single-entry tournaments (eight contests, two slates; the three 555-entry ones list 90%
    /// of their field) 69-76% of lineups stacked their QB, 22-33% of those with two pass
    /// catchers of his, against 51-55% and 12-16% in the 2018 double-ups. A cash game's field
    /// builds as [`FieldHabits::default`] says.
    pub fn of(contest_type: ContestType, salary_cap: u32) -> FieldHabits {
        let cash_game = FieldHabits {
            salary_cap,
            ..FieldHabits::default()
        };
        match contest_type {
            ContestType::Tournament => FieldHabits {
                stack_rate: TOURNAMENT_STACK_RATE,
                double_stack_rate: TOURNAMENT_DOUBLE_STACK_RATE,
                ..cash_game
            },
            ContestType::DoubleUp | ContestType::FiftyFifty | ContestType::HeadToHead => cash_game,
        }
    }
}

/// The stack rate a tournament's sampled field is forced to: with the lineups that stack by
/// chance, its fields stack about as often as the real tournaments' (73% on average).
const TOURNAMENT_STACK_RATE: f64 = 0.66;
/// The share of a tournament's forced stacks given a second pass catcher (real: 28% of stacks
/// on average).
const TOURNAMENT_DOUBLE_STACK_RATE: f64 = 0.24;

/// Correction rounds of the weights (4 left the chalk 10 points short on the real fields).
const ROUNDS: usize = 12;
/// Draws of one lineup before the salary floor is given up for it.
const TRIES: usize = 60;

/// Samples `size` opponent lineups (indices into `players`). Fails when no valid lineup can
/// be drawn at all (too few players of a position, or none within the cap).
pub fn sample_field(
    players: &[FieldPlayer],
    size: usize,
    habits: &FieldHabits,
    seed: u64,
) -> Result<Vec<FieldLineup>, String> {
    if players.len() > u16::MAX as usize {
        return Err(format!(
            "{} players are too many for a field",
            players.len()
        ));
    }
    let target: Vec<f64> = players
        .iter()
        .map(|p| p.ownership.max(0.0) / 100.0)
        .collect();
    let mut weights: Vec<f64> = target.iter().map(|t| t.max(1e-4)).collect();
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let sampler = Sampler::new(players, habits)?;
    // Tune the weights on a field of a workable size, then draw the real one.
    let tune = size.clamp(500, 3000);
    for _ in 0..ROUNDS {
        let field = sampler.field(&weights, tune, &mut rng)?;
        let mut counts = vec![0.0; players.len()];
        for lineup in &field {
            for &i in lineup {
                counts[i as usize] += 1.0;
            }
        }
        for (i, w) in weights.iter_mut().enumerate() {
            let got = counts[i] / tune as f64;
            if target[i] > 0.0 {
                let ratio = ((target[i] + 0.002) / (got + 0.002)).clamp(0.25, 4.0);
                *w *= ratio.powf(0.8);
            }
        }
    }
    sampler.field(&weights, size, &mut rng)
}

/// Players grouped for drawing.
struct Sampler<'a> {
    players: &'a [FieldPlayer],
    habits: &'a FieldHabits,
    /// Players by position (indices into `players`).
    by_position: [Vec<usize>; 5],
    /// Cheapest salary at each position.
    cheapest: [u32; 5],
}

fn slot_of(position: Position) -> usize {
    match position {
        Position::QB => 0,
        Position::RB => 1,
        Position::WR => 2,
        Position::TE => 3,
        Position::DST => 4,
    }
}

impl<'a> Sampler<'a> {
    fn new(players: &'a [FieldPlayer], habits: &'a FieldHabits) -> Result<Sampler<'a>, String> {
        let mut by_position: [Vec<usize>; 5] = Default::default();
        for (i, p) in players.iter().enumerate() {
            if p.ownership > 0.0 {
                by_position[slot_of(p.position)].push(i);
            }
        }
        let need = [1, 3, 4, 2, 1];
        for position in Position::ALL {
            let s = slot_of(position);
            if by_position[s].len() < need[s] {
                return Err(format!(
                    "the field cannot be drafted: only {} {position} with projected ownership",
                    by_position[s].len()
                ));
            }
        }
        let cheapest = std::array::from_fn(|s| {
            by_position[s]
                .iter()
                .map(|&i| players[i].salary)
                .min()
                .unwrap_or(0)
        });
        Ok(Sampler {
            players,
            habits,
            by_position,
            cheapest,
        })
    }

    fn field(
        &self,
        weights: &[f64],
        size: usize,
        rng: &mut ChaCha8Rng,
    ) -> Result<Vec<FieldLineup>, String> {
        let mut out = Vec::with_capacity(size);
        for _ in 0..size {
            out.push(self.lineup(weights, rng)?);
        }
        Ok(out)
    }

    /// One lineup: the best of `TRIES` draws at meeting the salary floor, valid in any case.
    fn lineup(&self, weights: &[f64], rng: &mut ChaCha8Rng) -> Result<FieldLineup, String> {
        let mut fallback = None;
        for _ in 0..TRIES {
            if let Some((mut lineup, salary)) = self.draw(weights, rng) {
                if salary >= self.habits.min_salary
                    || self.upgrade(&mut lineup, salary, weights, rng) >= self.habits.min_salary
                {
                    return Ok(lineup);
                }
                fallback.get_or_insert(lineup);
            }
        }
        fallback.ok_or_else(|| {
            "the field cannot be drafted: no valid lineup fits under the salary cap".to_string()
        })
    }

    /// Spends what a lineup left under the cap as entrants do: swaps players for dearer ones of
    /// the same position (by weight, among those the salary left allows), slot by slot in a
    /// random order, the QB and his stack kept, until the lineup reaches the floor. Returns the
    /// salary spent.
    fn upgrade(
        &self,
        lineup: &mut FieldLineup,
        mut salary: u32,
        weights: &[f64],
        rng: &mut ChaCha8Rng,
    ) -> u32 {
        let players = self.players;
        let qb = &players[lineup[0] as usize];
        // The least wanted first: an entrant upgrades the players he cares least about and
        // keeps his favourites, so the chalk stays drafted as often as the field drafts it.
        let mut order: Vec<usize> = (1..9).collect();
        for k in (1..order.len()).rev() {
            order.swap(k, rng.random_range(0..=k));
        }
        order.sort_by(|&a, &b| weights[lineup[a] as usize].total_cmp(&weights[lineup[b] as usize]));
        for k in order {
            if salary >= self.habits.min_salary {
                break;
            }
            let current = &players[lineup[k] as usize];
            if current.team == qb.team {
                continue;
            }
            let left = self.habits.salary_cap - salary;
            let pool: Vec<usize> = match k {
                7 => [1, 2, 3]
                    .iter()
                    .flat_map(|&s| &self.by_position[s])
                    .copied()
                    .collect(),
                _ => self.by_position[slot_of(current.position)].clone(),
            }
            .into_iter()
            .filter(|&i| {
                let p = &players[i];
                p.salary > current.salary
                    && p.salary <= current.salary + left
                    && !lineup.contains(&(i as u16))
            })
            .collect();
            let Some(i) = choose(&pool, weights, rng) else {
                continue;
            };
            let before = lineup[k];
            lineup[k] = i as u16;
            let first_game = players[lineup[0] as usize].game;
            if lineup
                .iter()
                .all(|&j| players[j as usize].game == first_game)
            {
                lineup[k] = before;
                continue;
            }
            salary = salary - current.salary + players[i].salary;
        }
        salary
    }

    /// Draws a lineup slot by slot; None when it ran out of players it could afford or it
    /// ended in one game.
    fn draw(&self, weights: &[f64], rng: &mut ChaCha8Rng) -> Option<(FieldLineup, u32)> {
        let players = self.players;
        let mut draft = Draft::new(self);
        let qb = draft.take(self.by_position[0].iter().copied(), 0, weights, rng)?;
        let mut rbs = Vec::new();
        let mut wrs = Vec::new();
        let mut tes = Vec::new();
        let mut flex = None;
        // The stack: one or two of the QB's WR/TE (an extra TE or a fourth WR goes to FLEX).
        if rng.random::<f64>() < self.habits.stack_rate {
            let partners = if rng.random::<f64>() < self.habits.double_stack_rate {
                2
            } else {
                1
            };
            for _ in 0..partners {
                let team = &players[qb].team;
                let mates: Vec<usize> = self.by_position[2]
                    .iter()
                    .chain(&self.by_position[3])
                    .copied()
                    .filter(|&i| &players[i].team == team && !draft.picked.contains(&i))
                    .filter(|&i| match players[i].position {
                        Position::WR => wrs.len() < 3 || flex.is_none(),
                        _ => tes.is_empty() || flex.is_none(),
                    })
                    .collect();
                let Some(i) = choose(&mates, weights, rng) else {
                    break;
                };
                let (slot, list) = if players[i].position == Position::WR {
                    (2, &mut wrs)
                } else {
                    (3, &mut tes)
                };
                let slot = if list.len() >= if slot == 2 { 3 } else { 1 } {
                    FLEX
                } else {
                    slot
                };
                if players[i].salary > draft.spare_after(slot)? {
                    continue;
                }
                draft.add(slot, i);
                match slot {
                    FLEX => flex = Some(i),
                    _ => list.push(i),
                }
            }
        }
        // The bring-back: an RB, WR or TE of the QB's opponent.
        if rng.random::<f64>() < self.habits.bring_back_rate {
            let qb_player = &players[qb];
            let rivals: Vec<usize> = self.by_position[1]
                .iter()
                .chain(&self.by_position[2])
                .chain(&self.by_position[3])
                .copied()
                .filter(|&i| {
                    let p = &players[i];
                    p.game == qb_player.game && p.team != qb_player.team
                })
                .filter(|i| !draft.picked.contains(i))
                .collect();
            if let Some(i) = choose(&rivals, weights, rng) {
                let (list, room) = match players[i].position {
                    Position::RB => (&mut rbs, 2),
                    Position::WR => (&mut wrs, 3),
                    _ => (&mut tes, 1),
                };
                let slot = if list.len() < room {
                    slot_of(players[i].position)
                } else if flex.is_none() {
                    FLEX
                } else {
                    usize::MAX
                };
                if slot != usize::MAX && players[i].salary <= draft.spare_after(slot)? {
                    draft.add(slot, i);
                    match slot {
                        FLEX => flex = Some(i),
                        _ => list.push(i),
                    }
                }
            }
        }
        let dst = draft.take(self.by_position[4].iter().copied(), 4, weights, rng)?;
        while tes.is_empty() {
            tes.push(draft.take(self.by_position[3].iter().copied(), 3, weights, rng)?);
        }
        while rbs.len() < 2 {
            rbs.push(draft.take(self.by_position[1].iter().copied(), 1, weights, rng)?);
        }
        while wrs.len() < 3 {
            wrs.push(draft.take(self.by_position[2].iter().copied(), 2, weights, rng)?);
        }
        let flex = match flex {
            Some(i) => i,
            None => {
                let all = self.by_position[1]
                    .iter()
                    .chain(&self.by_position[2])
                    .chain(&self.by_position[3])
                    .copied();
                draft.take(all, FLEX, weights, rng)?
            }
        };
        let chosen = [
            qb, rbs[0], rbs[1], wrs[0], wrs[1], wrs[2], tes[0], flex, dst,
        ];
        let first_game = players[qb].game;
        if chosen.iter().all(|&i| players[i].game == first_game) {
            return None;
        }
        let salary = self.habits.salary_cap - draft.left;
        Some((chosen.map(|i| i as u16), salary))
    }
}

/// The FLEX's index among a draft's open slots (after the five positions').
const FLEX: usize = 5;

/// A lineup being drawn: who is in it, the salary left, and the slots still open (by
/// position, then FLEX), so each pick leaves enough salary for the cheapest fill of the rest.
struct Draft<'s, 'a> {
    sampler: &'s Sampler<'a>,
    picked: Vec<usize>,
    left: u32,
    open: [u32; 6],
}

impl<'s, 'a> Draft<'s, 'a> {
    fn new(sampler: &'s Sampler<'a>) -> Self {
        Draft {
            sampler,
            picked: Vec::with_capacity(9),
            left: sampler.habits.salary_cap,
            open: [1, 2, 3, 1, 1, 1],
        }
    }

    /// The salary a player in `slot` may cost, keeping the cheapest fill of the other open
    /// slots affordable; None when even that is out of reach.
    fn spare_after(&self, slot: usize) -> Option<u32> {
        let cheapest = &self.sampler.cheapest;
        let flex_cheapest = cheapest[1].min(cheapest[2]).min(cheapest[3]);
        let mut open = self.open;
        open[slot] -= 1;
        let reserve =
            (0..5).map(|s| open[s] * cheapest[s]).sum::<u32>() + open[FLEX] * flex_cheapest;
        self.left.checked_sub(reserve)
    }

    fn add(&mut self, slot: usize, i: usize) {
        self.open[slot] -= 1;
        self.picked.push(i);
        self.left -= self.sampler.players[i].salary;
    }

    /// One of `candidates` for `slot`, by weight, among those not picked and affordable.
    fn take(
        &mut self,
        candidates: impl Iterator<Item = usize>,
        slot: usize,
        weights: &[f64],
        rng: &mut ChaCha8Rng,
    ) -> Option<usize> {
        let spare = self.spare_after(slot)?;
        let players = self.sampler.players;
        let pool: Vec<usize> = candidates
            .filter(|i| !self.picked.contains(i) && players[*i].salary <= spare)
            .collect();
        let i = choose(&pool, weights, rng)?;
        self.add(slot, i);
        Some(i)
    }
}

/// One of `pool`, with probability proportional to its weight.
fn choose(pool: &[usize], weights: &[f64], rng: &mut ChaCha8Rng) -> Option<usize> {
    let total: f64 = pool.iter().map(|&i| weights[i]).sum();
    if pool.is_empty() || total <= 0.0 || !total.is_finite() {
        return None;
    }
    let mut x = rng.random::<f64>() * total;
    for &i in pool {
        x -= weights[i];
        if x <= 0.0 {
            return Some(i);
        }
    }
    pool.last().copied()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::contest::ownership::position_total;

    /// A 6-game slate: per team a QB, 3 RBs, 5 WRs, 2 TEs and a DST, salaries by depth.
    fn slate() -> Vec<FieldPlayer> {
        let mut out = Vec::new();
        for game in 0..6u32 {
            for side in 0..2 {
                let team = format!("T{game}{side}");
                let mut add = |position: Position, salary: u32| {
                    out.push(FieldPlayer {
                        position,
                        team: team.clone(),
                        game,
                        salary,
                        ownership: 0.0,
                    })
                };
                add(Position::QB, 5500 + 300 * game);
                for (k, s) in [7000, 5200, 4000].into_iter().enumerate() {
                    add(Position::RB, s + 100 * (game + k as u32));
                }
                for (k, s) in [7500, 6000, 4800, 3800, 3000].into_iter().enumerate() {
                    add(Position::WR, s + 100 * (game + k as u32));
                }
                add(Position::TE, 4500 + 200 * game);
                add(Position::TE, 2800);
                add(Position::DST, 2500 + 100 * game);
            }
        }
        // Ownership: falling with depth, summing to each position's total.
        let flex = [0.3, 0.6, 0.1];
        for position in Position::ALL {
            let members: Vec<usize> = (0..out.len())
                .filter(|&i| out[i].position == position)
                .collect();
            let raw: Vec<f64> = members
                .iter()
                .enumerate()
                .map(|(k, _)| 1.0 / (1.0 + (k % 5) as f64))
                .collect();
            let sum: f64 = raw.iter().sum();
            for (k, &i) in members.iter().enumerate() {
                out[i].ownership = position_total(position, flex) * raw[k] / sum;
            }
        }
        out
    }

    #[test]
    fn the_sampled_field_is_valid_spends_the_cap_and_matches_ownership() {
        let players = slate();
        let habits = FieldHabits::default();
        let field = sample_field(&players, 3000, &habits, 7).unwrap();
        assert_eq!(field.len(), 3000);
        let mut counts = vec![0usize; players.len()];
        let mut spenders = 0;
        let mut stacked = 0;
        let mut brought_back = 0;
        for lineup in &field {
            let positions: Vec<Position> = lineup
                .iter()
                .map(|&i| players[i as usize].position)
                .collect();
            use Position::*;
            assert_eq!(&positions[..7], &[QB, RB, RB, WR, WR, WR, TE]);
            assert!(matches!(positions[7], RB | WR | TE));
            assert_eq!(positions[8], DST);
            let mut ids: Vec<u16> = lineup.to_vec();
            ids.sort_unstable();
            ids.dedup();
            assert_eq!(ids.len(), 9, "distinct players");
            let salary: u32 = lineup.iter().map(|&i| players[i as usize].salary).sum();
            assert!(salary <= habits.salary_cap);
            spenders += usize::from(salary >= habits.min_salary);
            let games: std::collections::HashSet<u32> =
                lineup.iter().map(|&i| players[i as usize].game).collect();
            assert!(games.len() >= 2);
            let qb = &players[lineup[0] as usize];
            brought_back += usize::from(lineup[1..8].iter().any(|&i| {
                let p = &players[i as usize];
                p.game == qb.game && p.team != qb.team
            }));
            let qb_team = &qb.team;
            stacked += usize::from(lineup[3..8].iter().any(|&i| {
                let p = &players[i as usize];
                &p.team == qb_team && matches!(p.position, WR | TE)
            }));
            for &i in lineup {
                counts[i as usize] += 1;
            }
        }
        assert!(spenders > 2900, "lineups spend the cap: {spenders}");
        assert!((1300..2100).contains(&stacked), "stacks: {stacked}");
        // 42-54% of real lineups hold a player of the QB's opponent.
        assert!(
            (1100..1800).contains(&brought_back),
            "bring-backs: {brought_back}"
        );
        let mut error = 0.0;
        let mut n = 0.0;
        for (i, p) in players.iter().enumerate() {
            if p.ownership >= 1.0 {
                error += (100.0 * counts[i] as f64 / 3000.0 - p.ownership).abs();
                n += 1.0;
            }
        }
        assert!(error / n < 3.0, "ownership error {} points", error / n);
    }

    /// Share of a field's lineups whose QB has a WR or TE of his own, and of those with two.
    fn stack_rates(players: &[FieldPlayer], field: &[FieldLineup]) -> (f64, f64) {
        let (mut stacked, mut doubled) = (0usize, 0usize);
        for lineup in field {
            let qb = &players[lineup[0] as usize];
            let catchers = lineup[3..8]
                .iter()
                .filter(|&&i| {
                    let p = &players[i as usize];
                    p.team == qb.team && matches!(p.position, Position::WR | Position::TE)
                })
                .count();
            stacked += usize::from(catchers >= 1);
            doubled += usize::from(catchers >= 2);
        }
        (
            stacked as f64 / field.len() as f64,
            doubled as f64 / stacked.max(1) as f64,
        )
    }

    #[test]
    fn a_tournament_field_stacks_more_than_a_cash_games() {
        let players = slate();
        assert_eq!(
            FieldHabits::of(ContestType::DoubleUp, 60_000),
            FieldHabits {
                salary_cap: 60_000,
                ..FieldHabits::default()
            }
        );
        let tournament = FieldHabits::of(ContestType::Tournament, crate::dk::SALARY_CAP);
        assert!(tournament.stack_rate > FieldHabits::default().stack_rate);
        let cash = sample_field(&players, 3000, &FieldHabits::default(), 3).unwrap();
        let top = sample_field(&players, 3000, &tournament, 3).unwrap();
        let (cash_stacks, cash_doubles) = stack_rates(&players, &cash);
        let (top_stacks, top_doubles) = stack_rates(&players, &top);
        // Real tournaments: 69-76% stacked, 22-33% of those with two.
        assert!((0.65..0.85).contains(&top_stacks), "{top_stacks}");
        assert!(top_stacks > cash_stacks + 0.1, "{top_stacks} {cash_stacks}");
        assert!(top_doubles > cash_doubles, "{top_doubles} {cash_doubles}");
    }

    #[test]
    fn a_slate_the_field_cannot_draft_is_refused() {
        let players: Vec<FieldPlayer> = slate()
            .into_iter()
            .filter(|p| p.position != Position::TE)
            .collect();
        assert!(sample_field(&players, 10, &FieldHabits::default(), 1)
            .unwrap_err()
            .contains("TE"));
    }
}
