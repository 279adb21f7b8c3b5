//! Exposure: how often each player appears across a set of lineups, the share the Lineups and
//! Optimizer pages chart and the CLI prints.

use crate::dk::Position;
use crate::slate::SlatePlayer;
use serde::Serialize;
use std::collections::HashMap;
use ts_rs::TS;

/// One player's exposure across lineups.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct Exposure {
    /// Slate player id.
    pub slate_player_id: i32,
    /// Name.
    pub name: String,
    /// Position.
    pub position: Position,
    /// Lineups holding him.
    pub count: u32,
    /// Their share of all the lineups, 0 to 1.
    pub share: f64,
}

/// Each player's exposure across `lineups` (each a list of players; a player listed twice in
/// one lineup counts once), most used first, then by name.
pub fn exposure<'a, L>(lineups: impl IntoIterator<Item = L>) -> Vec<Exposure>
where
    L: IntoIterator<Item = &'a SlatePlayer>,
{
    let mut counts: HashMap<i32, Exposure> = HashMap::new();
    let mut total = 0u32;
    for lineup in lineups {
        total += 1;
        let mut seen = Vec::with_capacity(9);
        for player in lineup {
            if seen.contains(&player.id) {
                continue;
            }
            seen.push(player.id);
            counts
                .entry(player.id)
                .or_insert_with(|| Exposure {
                    slate_player_id: player.id,
                    name: player.name.clone(),
                    position: player.position,
                    count: 0,
                    share: 0.0,
                })
                .count += 1;
        }
    }
    let mut all: Vec<Exposure> = counts.into_values().collect();
    for e in &mut all {
        e.share = f64::from(e.count) / f64::from(total.max(1));
    }
    all.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.name.cmp(&b.name)));
    all
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::slate::GameState;

    fn player(id: i32, name: &str) -> SlatePlayer {
        SlatePlayer {
            id,
            dk_id: None,
            name: name.into(),
            position: Position::WR,
            team: "BUF".into(),
            opponent: None,
            game_id: None,
            kickoff_utc: None,
            game_state: GameState::Scheduled,
            salary: 5000,
            avg_points_per_game: 10.0,
            locked: false,
            excluded: false,
            projection_override: None,
            play_override: None,
        }
    }

    #[test]
    fn shares_count_each_player_once_per_lineup_most_used_first() {
        let a = player(1, "Avery Brooks");
        let b = player(2, "Blake Carter");
        let c = player(3, "Casey Dunn");
        let lineups = [vec![&a, &b, &a], vec![&a, &c], vec![&b, &a]];
        let e = exposure(lineups.iter().map(|l| l.iter().copied()));
        let names: Vec<&str> = e.iter().map(|x| x.name.as_str()).collect();
        assert_eq!(names, ["Avery Brooks", "Blake Carter", "Casey Dunn"]);
        assert_eq!(e[0].count, 3);
        assert!((e[0].share - 1.0).abs() < 1e-12);
        assert!((e[1].share - 2.0 / 3.0).abs() < 1e-12);
        assert!((e[2].share - 1.0 / 3.0).abs() < 1e-12);
        assert!(exposure(Vec::<Vec<&SlatePlayer>>::new()).is_empty());
    }
}
