//! Matching one DraftKings player to an NFL player, in a fixed order: a link the user made,
//! the exact name on the same team, the name with its nickname folded on the same team, the
//! exact or folded name at the same position on another team (a trade), then the closest name
//! on the same team above a similarity threshold. More than one candidate at a step is
//! ambiguous and left for the user.

use super::names::{folded, normalise};
use crate::dk::Position;
use serde::Serialize;
use std::collections::HashMap;
use ts_rs::TS;

/// Least Jaro-Winkler similarity of folded names for a fuzzy match.
const FUZZY_THRESHOLD: f64 = 0.90;

/// How far the best fuzzy candidate must lead the next one.
const FUZZY_MARGIN: f64 = 0.03;

/// An NFL player that DraftKings players can match.
#[derive(Debug, Clone, PartialEq)]
pub struct NflPlayer {
    /// nflverse GSIS id.
    pub gsis_id: String,
    /// Display name (the latest).
    pub name: String,
    /// Names he went by before (a player who changed his name).
    pub other_names: Vec<String>,
    /// Position as nflverse writes it.
    pub position: String,
    /// Teams he played for around the slate's season.
    pub teams: Vec<String>,
}

/// How a player was matched.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum MatchHow {
    /// A link the user made.
    Manual,
    /// The same name on the same team.
    Exact,
    /// The same name once nicknames are folded, on the same team.
    Alias,
    /// The same name and position on another team.
    OtherTeam,
    /// The closest name on the same team.
    Fuzzy,
    /// A DST, by its team.
    Team,
    /// Several NFL players fit equally.
    Ambiguous,
    /// No NFL player fits.
    Unmatched,
}

/// The result for one DraftKings player.
#[derive(Debug, Clone, PartialEq)]
pub struct Matched {
    /// The NFL player, by index into the candidates.
    pub player: Option<usize>,
    /// How.
    pub how: MatchHow,
}

/// Whether an nflverse position can be a DraftKings position: the same, or (since sites list
/// fullbacks, H-backs and move tight ends differently) any two of RB, FB, WR and TE.
fn fits(dk: Position, nfl: &str) -> bool {
    match dk {
        Position::QB => nfl == "QB",
        Position::RB | Position::WR | Position::TE => {
            matches!(nfl, "RB" | "FB" | "HB" | "WR" | "TE")
        }
        Position::DST => false,
    }
}

/// Whether the positions are the same (RB and FB alike).
fn same_position(dk: Position, nfl: &str) -> bool {
    match dk {
        Position::RB => matches!(nfl, "RB" | "FB" | "HB"),
        other => other.as_str() == nfl,
    }
}

/// The NFL players of a season, indexed by name for matching.
pub struct Candidates {
    /// The players.
    pub players: Vec<NflPlayer>,
    by_name: HashMap<String, Vec<usize>>,
    by_folded: HashMap<String, Vec<usize>>,
    by_team: HashMap<String, Vec<usize>>,
    folded_names: Vec<String>,
}

impl Candidates {
    /// Indexes the players.
    pub fn new(players: Vec<NflPlayer>) -> Candidates {
        let mut by_name: HashMap<String, Vec<usize>> = HashMap::new();
        let mut by_folded: HashMap<String, Vec<usize>> = HashMap::new();
        let mut by_team: HashMap<String, Vec<usize>> = HashMap::new();
        let mut folded_names = Vec::with_capacity(players.len());
        for (i, p) in players.iter().enumerate() {
            for name in std::iter::once(&p.name).chain(&p.other_names) {
                for (index, key) in [
                    (&mut by_name, normalise(name)),
                    (&mut by_folded, folded(name)),
                ] {
                    let list = index.entry(key).or_default();
                    if list.last() != Some(&i) {
                        list.push(i);
                    }
                }
            }
            folded_names.push(folded(&p.name));
            for t in &p.teams {
                by_team.entry(t.clone()).or_default().push(i);
            }
        }
        Candidates {
            players,
            by_name,
            by_folded,
            by_team,
            folded_names,
        }
    }

    /// Matches a DraftKings player (not a DST) by name, position and team (today's code).
    pub fn find(&self, name: &str, position: Position, team: &str) -> Matched {
        let on_team = |i: &usize| self.players[*i].teams.iter().any(|t| t == team);
        let at_position = |i: &usize| fits(position, &self.players[*i].position);
        let pick = |found: Vec<usize>, how: MatchHow| -> Option<Matched> {
            match found.len() {
                0 => None,
                1 => Some(Matched {
                    player: Some(found[0]),
                    how,
                }),
                _ => Some(Matched {
                    player: None,
                    how: MatchHow::Ambiguous,
                }),
            }
        };
        let named = |index: &HashMap<String, Vec<usize>>, key: &str| -> Vec<usize> {
            index.get(key).cloned().unwrap_or_default()
        };
        let exact = named(&self.by_name, &normalise(name));
        let alias = named(&self.by_folded, &folded(name));
        // Same team: by name, preferring the position when two share the name.
        for (found, how) in [(&exact, MatchHow::Exact), (&alias, MatchHow::Alias)] {
            let mut here: Vec<usize> = found.iter().copied().filter(on_team).collect();
            if here.len() > 1 {
                here.retain(|i| same_position(position, &self.players[*i].position));
            }
            if let Some(m) = pick(here, how) {
                return m;
            }
        }
        // Another team (a trade or a signing): the same position, else a fitting one.
        let same = |i: &usize| same_position(position, &self.players[*i].position);
        let mut elsewhere: Vec<usize> = Vec::new();
        for keep in [&same as &dyn Fn(&usize) -> bool, &at_position] {
            for found in [&exact, &alias] {
                if elsewhere.is_empty() {
                    elsewhere = found.iter().copied().filter(|i| keep(i)).collect();
                }
            }
        }
        if let Some(m) = pick(elsewhere, MatchHow::OtherTeam) {
            return m;
        }
        // The closest name on the team.
        let target = folded(name);
        let mut scored: Vec<(f64, usize)> = self
            .by_team
            .get(team)
            .into_iter()
            .flatten()
            .copied()
            .filter(at_position)
            .map(|i| (strsim::jaro_winkler(&target, &self.folded_names[i]), i))
            .collect();
        scored.sort_by(|a, b| b.0.total_cmp(&a.0));
        match scored.as_slice() {
            [(best, i), rest @ ..] if *best >= FUZZY_THRESHOLD => {
                if rest
                    .first()
                    .is_some_and(|(next, _)| best - next < FUZZY_MARGIN)
                {
                    Matched {
                        player: None,
                        how: MatchHow::Ambiguous,
                    }
                } else {
                    Matched {
                        player: Some(*i),
                        how: MatchHow::Fuzzy,
                    }
                }
            }
            _ => Matched {
                player: None,
                how: MatchHow::Unmatched,
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn player(id: &str, name: &str, position: &str, teams: &[&str]) -> NflPlayer {
        NflPlayer {
            gsis_id: id.into(),
            name: name.into(),
            other_names: vec![],
            position: position.into(),
            teams: teams.iter().map(|t| t.to_string()).collect(),
        }
    }

    fn candidates() -> Candidates {
        Candidates::new(vec![
            player("1", "Cameron Newton", "QB", &["CAR"]),
            player("2", "Cam Akers", "RB", &["LA"]),
            player("3", "Mike Williams", "WR", &["LAC"]),
            player("4", "Mike Williams", "WR", &["TB"]),
            player("5", "Odell Beckham", "WR", &["CLE"]),
            player("6", "Gardner Minshew", "QB", &["JAX"]),
            player("7", "Jeff Wilson", "RB", &["SF"]),
            player("8", "Chris Herndon", "TE", &["NYJ"]),
            player("9", "Christopher Herndon", "TE", &["NYJ"]),
        ])
    }

    #[test]
    fn each_step_in_order() {
        let c = candidates();
        let id = |m: Matched| m.player.map(|i| c.players[i].gsis_id.clone());
        let exact = c.find("Odell Beckham Jr.", Position::WR, "CLE");
        assert_eq!((exact.how, id(exact)), (MatchHow::Exact, Some("5".into())));
        let alias = c.find("Cam Newton", Position::QB, "CAR");
        assert_eq!((alias.how, id(alias)), (MatchHow::Alias, Some("1".into())));
        // Two Mike Williams: the team decides.
        let team = c.find("Mike Williams", Position::WR, "TB");
        assert_eq!((team.how, id(team)), (MatchHow::Exact, Some("4".into())));
        // Traded: the only Cam Akers at RB.
        let traded = c.find("Cam Akers", Position::RB, "MIN");
        assert_eq!(
            (traded.how, id(traded)),
            (MatchHow::OtherTeam, Some("2".into()))
        );
        // A spelling DraftKings uses: closest name on the team.
        let fuzzy = c.find("Gardner Minshew II", Position::QB, "JAX");
        assert_eq!(fuzzy.how, MatchHow::Exact);
        let fuzzy = c.find("Gardner Minshow", Position::QB, "JAX");
        assert_eq!((fuzzy.how, id(fuzzy)), (MatchHow::Fuzzy, Some("6".into())));
        let jr = c.find("Jeff Wilson Jr.", Position::RB, "SF");
        assert_eq!((jr.how, id(jr)), (MatchHow::Exact, Some("7".into())));
    }

    #[test]
    fn ties_are_ambiguous_and_strangers_unmatched() {
        let c = candidates();
        // Two Mike Williams, neither on DEN: ambiguous, never a guess.
        assert_eq!(
            c.find("Mike Williams", Position::WR, "DEN").how,
            MatchHow::Ambiguous
        );
        // Chris and Christopher Herndon fold to the same name on the same team.
        assert_eq!(
            c.find("Chris Herndon", Position::TE, "NYJ").how,
            MatchHow::Exact
        );
        assert_eq!(
            c.find("C. Herndon", Position::TE, "NYJ").how,
            MatchHow::Unmatched
        );
        assert_eq!(
            c.find("Nobody Here", Position::QB, "CAR").how,
            MatchHow::Unmatched
        );
        // The position must fit another team's namesake.
        assert_eq!(
            c.find("Cam Akers", Position::QB, "MIN").how,
            MatchHow::Unmatched
        );
    }
}
