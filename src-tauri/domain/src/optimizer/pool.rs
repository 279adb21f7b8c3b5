//! The candidates of a run: the slate's playable players with their projections, after the
//! user's locks and exclusions and, in a late swap, without players whose games started.

use super::Rules;
use crate::dk::Position;
use crate::slate::Slate;
use std::collections::HashMap;

/// One player the optimizer may pick.
#[derive(Debug, Clone, PartialEq)]
pub struct Candidate {
    /// The slate player.
    pub id: i32,
    /// Position.
    pub position: Position,
    /// Team code.
    pub team: String,
    /// Opponent's team code.
    pub opponent: String,
    /// The game.
    pub game: i32,
    /// Salary.
    pub salary: u32,
    /// Projected points.
    pub points: f64,
    /// In every lineup.
    pub locked: bool,
}

/// The candidates, in slate order.
pub fn candidates(slate: &Slate, projections: &HashMap<i32, f64>, rules: &Rules) -> Vec<Candidate> {
    slate
        .players
        .iter()
        .filter(|p| {
            // A player locked to a slot stays even if his game started (late swap); any other
            // needs a game still to come.
            let kept = rules.lock_slots.iter().any(|l| l.player == p.id);
            let to_come = p.has_usable_game() && rules.as_of.is_none_or(|t| !p.started_at(t));
            (kept || to_come) && !p.excluded && !rules.exclude.contains(&p.id)
        })
        .filter_map(|p| {
            Some(Candidate {
                id: p.id,
                position: p.position,
                team: p.team.clone(),
                opponent: p.opponent.clone()?,
                game: p.game_id?,
                salary: p.salary,
                points: projections
                    .get(&p.id)
                    .copied()
                    .unwrap_or_else(|| p.projected_points()),
                locked: p.locked
                    || rules.lock.contains(&p.id)
                    || rules.lock_slots.iter().any(|l| l.player == p.id),
            })
        })
        .collect()
}
