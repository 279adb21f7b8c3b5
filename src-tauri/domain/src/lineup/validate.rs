//! The independent lineup validator: every DraftKings classic rule, checked on a lineup given
//! as slate-player ids in roster order. It shares no code with the optimizer, and runs before
//! every export and every save.

use crate::dk::{Slot, ROSTER};
use crate::slate::{GameState, Slate};
use chrono::{DateTime, Utc};
use std::collections::HashSet;
use std::fmt;

/// What a lineup is checked against.
#[derive(Debug, Clone, PartialEq)]
pub struct ValidationRules {
    /// The salary cap (50,000 for classic contests).
    pub salary_cap: u32,
    /// Late-swap checks, when filling entries during a live slate.
    pub late_swap: Option<LateSwap>,
}

/// The state of a live slate: the time, and the players DraftKings has locked in each slot.
#[derive(Debug, Clone, PartialEq)]
pub struct LateSwap {
    /// Kickoffs at or before this time have happened.
    pub now: DateTime<Utc>,
    /// Per slot (roster order), the slate player DraftKings locked there, if any.
    pub locked: [Option<i32>; 9],
}

/// One broken rule.
#[derive(Debug, Clone, PartialEq)]
pub enum LineupProblem {
    /// Not nine players.
    WrongCount {
        /// How many there are.
        count: usize,
    },
    /// A player id that is not on the slate.
    NotOnSlate {
        /// The slot.
        slot: Slot,
        /// The id given.
        id: i32,
    },
    /// The same player twice.
    Repeated {
        /// His name.
        name: String,
    },
    /// A player in a slot his position cannot fill.
    WrongSlot {
        /// The slot.
        slot: Slot,
        /// His name and position, e.g. `Travis Kelce (TE)`.
        player: String,
    },
    /// Over the salary cap.
    OverCap {
        /// The lineup's salary.
        salary: u32,
        /// The cap.
        cap: u32,
    },
    /// Every player from one game.
    OneGame,
    /// A player whose game is not playable on this slate.
    NoUsableGame {
        /// His name.
        name: String,
        /// What the file said of his game.
        state: GameState,
    },
    /// A player whose game has started, added or moved during late swap.
    Started {
        /// His name.
        name: String,
        /// The slot.
        slot: Slot,
    },
    /// A player DraftKings locked in a slot was replaced or moved.
    LockedMoved {
        /// The locked player's name.
        name: String,
        /// His slot.
        slot: Slot,
    },
}

impl fmt::Display for LineupProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LineupProblem::WrongCount { count } => {
                write!(f, "it has {count} players; a lineup needs 9")
            }
            LineupProblem::NotOnSlate { slot, id } => {
                write!(f, "the {slot} (player {id}) is not on this slate")
            }
            LineupProblem::Repeated { name } => write!(f, "{name} is in it more than once"),
            LineupProblem::WrongSlot { slot, player } => {
                write!(f, "{player} cannot fill the {slot} slot")
            }
            LineupProblem::OverCap { salary, cap } => {
                write!(f, "its salary of {salary} is over the {cap} cap")
            }
            LineupProblem::OneGame => write!(
                f,
                "all its players come from one game; DraftKings needs at least 2 games"
            ),
            LineupProblem::NoUsableGame { name, state } => write!(
                f,
                "{name} has no playable game on this slate ({})",
                state.describe()
            ),
            LineupProblem::Started { name, slot } => write!(
                f,
                "{name} ({slot}) cannot be added or moved: his game has started"
            ),
            LineupProblem::LockedMoved { name, slot } => write!(
                f,
                "{name} is locked by DraftKings in the {slot} slot and must stay there"
            ),
        }
    }
}

/// Checks a lineup (slate-player ids in roster order) and returns every problem found; an
/// empty list means DraftKings will accept it.
pub fn validate(slate: &Slate, lineup: &[i32], rules: &ValidationRules) -> Vec<LineupProblem> {
    let mut problems = Vec::new();
    if lineup.len() != ROSTER.len() {
        problems.push(LineupProblem::WrongCount {
            count: lineup.len(),
        });
        return problems;
    }
    let mut seen = HashSet::new();
    let mut games = HashSet::new();
    let mut salary = 0u32;
    let mut found = 0;
    for (k, (&id, &slot)) in lineup.iter().zip(ROSTER.iter()).enumerate() {
        let Some(player) = slate.player(id) else {
            problems.push(LineupProblem::NotOnSlate { slot, id });
            continue;
        };
        found += 1;
        if !seen.insert(id) {
            problems.push(LineupProblem::Repeated {
                name: player.name.clone(),
            });
        }
        if !slot.accepts(player.position) {
            problems.push(LineupProblem::WrongSlot {
                slot,
                player: format!("{} ({})", player.name, player.position),
            });
        }
        salary = salary.saturating_add(player.salary);
        games.insert(
            player
                .game_id
                .map_or_else(|| format!("team {}", player.team), |g| format!("game {g}")),
        );
        let locked_here = rules
            .late_swap
            .as_ref()
            .and_then(|l| l.locked[k])
            .is_some_and(|locked| locked == id);
        if locked_here {
            continue; // DraftKings put him there; his game may well have started
        }
        if !player.has_usable_game() {
            problems.push(LineupProblem::NoUsableGame {
                name: player.name.clone(),
                state: player.game_state,
            });
        } else if let Some(late) = &rules.late_swap {
            if player.started_at(late.now) {
                problems.push(LineupProblem::Started {
                    name: player.name.clone(),
                    slot,
                });
            }
        }
    }
    if let Some(late) = &rules.late_swap {
        for (k, locked) in late.locked.iter().enumerate() {
            if let Some(locked) = locked {
                if lineup[k] != *locked {
                    let name = slate
                        .player(*locked)
                        .map_or_else(|| format!("player {locked}"), |p| p.name.clone());
                    problems.push(LineupProblem::LockedMoved {
                        name,
                        slot: ROSTER[k],
                    });
                }
            }
        }
    }
    if salary > rules.salary_cap {
        problems.push(LineupProblem::OverCap {
            salary,
            cap: rules.salary_cap,
        });
    }
    if found == ROSTER.len() && games.len() < 2 {
        problems.push(LineupProblem::OneGame);
    }
    problems
}
