//! The user's rules for a run, on top of DraftKings' own (cap, slots, two games, playable
//! games), which always hold. [`Rules::admits`] is the one statement of what a lineup under
//! these rules is: the search checks every lineup it keeps with it, and the HiGHS model states
//! the same rules as rows (tests hold the two to the same answers).

use super::pool::Candidate;
use crate::dk::{Position, ROSTER};
use crate::slate::Slate;
use crate::{Error, Result};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use std::collections::{HashMap, HashSet};
use ts_rs::TS;

/// What a run builds and under which rules. The defaults are DraftKings' rules alone.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct Rules {
    /// How many lineups to build (1-500).
    pub lineups: u32,
    /// Fewest players in which any two lineups differ (1: just distinct).
    pub min_unique: u32,
    /// Salary cap (from the settings).
    pub salary_cap: u32,
    /// Least salary a lineup must use (0 for none).
    pub min_salary: u32,
    /// Most salary a lineup may use, below the cap (None: the cap).
    pub max_salary: Option<u32>,
    /// Most players from one team (None: no limit).
    pub max_per_team: Option<u32>,
    /// The QB with at least this many of his own receivers (0: no stack).
    pub qb_stack: u32,
    /// Whether the QB's own RBs count towards the stack (besides WR and TE).
    pub qb_stack_with_rb: bool,
    /// At least this many players (not the DST) from the QB's opponent (0: none).
    pub bring_back: u32,
    /// At least this many players from one game (0: no game stack).
    pub game_stack: u32,
    /// No offensive player facing the lineup's DST.
    pub no_opponent_vs_dst: bool,
    /// Position limits per team, e.g. at most one RB per team unless with his QB.
    pub team_limits: Vec<TeamLimit>,
    /// Slate players in every lineup (besides those locked on the Players page).
    pub lock: Vec<i32>,
    /// Slate players in every lineup in one slot.
    pub lock_slots: Vec<SlotLock>,
    /// Slate players in no lineup (besides those excluded on the Players page).
    pub exclude: Vec<i32>,
    /// Most lineups any one player is in, percent of the run (None: no limit).
    pub max_exposure: Option<u32>,
    /// Exposure limits of single players (each replaces `max_exposure` for its player).
    pub exposures: Vec<ExposureLimit>,
    /// Each lineup is built on projections moved by up to this many percent per player (0: none).
    pub randomness: u32,
    /// Seed of the projection randomness: the same seed builds the same lineups.
    #[ts(type = "number")]
    pub seed: u64,
    /// Late swap: games kicked off by this time have started; their players can only stay where
    /// they are locked (`lock_slots`), no other of them is picked (None: by the games' states).
    #[ts(type = "string | null")]
    pub as_of: Option<DateTime<Utc>>,
}

/// At most `max` players of `position` from one team.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct TeamLimit {
    /// The position.
    pub position: Position,
    /// Most players of it from one team.
    pub max: u32,
    /// The limit does not apply to the team whose QB is in the lineup.
    pub unless_with_qb: bool,
}

/// A player kept in one roster slot.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct SlotLock {
    /// The slate player.
    pub player: i32,
    /// The slot, as an index of the roster order `QB,RB,RB,WR,WR,WR,TE,FLEX,DST`.
    pub slot: u8,
}

/// How many of a run's lineups one player may be in, in percent.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ExposureLimit {
    /// The slate player.
    pub player: i32,
    /// In at least this share of the lineups.
    pub min: u32,
    /// In at most this share of the lineups.
    pub max: u32,
}

impl Default for Rules {
    fn default() -> Self {
        Rules {
            lineups: 1,
            min_unique: 1,
            salary_cap: crate::dk::SALARY_CAP,
            min_salary: 0,
            max_salary: None,
            max_per_team: None,
            qb_stack: 0,
            qb_stack_with_rb: false,
            bring_back: 0,
            game_stack: 0,
            no_opponent_vs_dst: false,
            team_limits: vec![],
            lock: vec![],
            lock_slots: vec![],
            exclude: vec![],
            max_exposure: None,
            exposures: vec![],
            randomness: 0,
            seed: 0,
            as_of: None,
        }
    }
}

/// Lineup slots of each position without FLEX, and with it.
pub(crate) const POSITION_COUNTS: [(Position, usize, usize); 5] = [
    (Position::QB, 1, 1),
    (Position::RB, 2, 3),
    (Position::WR, 3, 4),
    (Position::TE, 1, 2),
    (Position::DST, 1, 1),
];

impl Rules {
    /// The most salary a lineup may use.
    pub fn cap(&self) -> u32 {
        self.max_salary
            .map_or(self.salary_cap, |max| max.min(self.salary_cap))
    }

    /// Whether the stack rule counts a player of `position` as a receiver of his QB.
    pub fn stacks_with_qb(&self, position: Position) -> bool {
        matches!(position, Position::WR | Position::TE)
            || (self.qb_stack_with_rb && position == Position::RB)
    }

    /// The position of the player locked in FLEX, if any: a lineup then holds one more of that
    /// position than its own slots.
    pub fn flex_lock(&self, pool: &[Candidate]) -> Option<Position> {
        let flex = ROSTER
            .iter()
            .position(|s| *s == crate::dk::Slot::FLEX)
            .expect("the roster has a FLEX") as u8;
        self.lock_slots
            .iter()
            .find(|l| l.slot == flex)
            .and_then(|l| pool.iter().find(|c| c.id == l.player))
            .map(|c| c.position)
    }

    /// Whether nine candidates make a lineup under DraftKings' rules and these rules (exposure,
    /// uniqueness and randomness concern a run, not one lineup, and are not checked here).
    pub fn admits(&self, pool: &[Candidate], picks: &[usize]) -> bool {
        if picks.len() != 9 || picks.iter().collect::<HashSet<_>>().len() != 9 {
            return false;
        }
        let players: Vec<&Candidate> = picks.iter().map(|&i| &pool[i]).collect();
        let salary: u64 = players.iter().map(|c| u64::from(c.salary)).sum();
        if salary > u64::from(self.cap()) || salary < u64::from(self.min_salary) {
            return false;
        }
        let count = |keep: &dyn Fn(&Candidate) -> bool| players.iter().filter(|c| keep(c)).count();
        let flex = self.flex_lock(pool);
        for (position, fewest, most) in POSITION_COUNTS {
            let n = count(&|c| c.position == position);
            let fewest = if flex == Some(position) { most } else { fewest };
            if n < fewest || n > most {
                return false;
            }
        }
        if pool
            .iter()
            .enumerate()
            .any(|(i, c)| c.locked && !picks.contains(&i))
        {
            return false;
        }
        let games: HashSet<i32> = players.iter().map(|c| c.game).collect();
        if games.len() < 2 {
            return false;
        }
        let mut per_game: HashMap<i32, u32> = HashMap::new();
        let mut per_team: HashMap<&str, u32> = HashMap::new();
        for c in &players {
            *per_game.entry(c.game).or_default() += 1;
            *per_team.entry(c.team.as_str()).or_default() += 1;
        }
        if self.game_stack > 0 && per_game.values().all(|n| *n < self.game_stack) {
            return false;
        }
        if let Some(max) = self.max_per_team {
            if per_team.values().any(|n| *n > max) {
                return false;
            }
        }
        let qb = players
            .iter()
            .find(|c| c.position == Position::QB)
            .expect("the counts above hold one QB");
        let stack = count(&|c| c.team == qb.team && self.stacks_with_qb(c.position));
        if stack < self.qb_stack as usize {
            return false;
        }
        let bring_back = count(&|c| c.team == qb.opponent && c.position != Position::DST);
        if bring_back < self.bring_back as usize {
            return false;
        }
        if self.no_opponent_vs_dst {
            let dst = players
                .iter()
                .find(|c| c.position == Position::DST)
                .expect("the counts above hold one DST");
            if count(&|c| c.team == dst.opponent && c.position != Position::DST) > 0 {
                return false;
            }
        }
        self.team_limits.iter().all(|limit| {
            per_team.keys().all(|team| {
                (limit.unless_with_qb && qb.team == *team)
                    || count(&|c| c.team == *team && c.position == limit.position)
                        <= limit.max as usize
            })
        })
    }
}

/// The most lineups one run builds.
pub const MAX_LINEUPS: u32 = 500;

/// The largest share (%) an exposure, a max exposure or the randomness may be.
pub const MAX_PERCENT: u32 = 100;

/// Refuses rules that cannot mean anything, naming the rule.
pub(super) fn check(slate: &Slate, pool: &[Candidate], rules: &Rules) -> Result<()> {
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
    let mut slots = HashSet::new();
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
