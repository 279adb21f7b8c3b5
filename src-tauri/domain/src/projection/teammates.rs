//! Next man up: when a player who played his team's last game will not play this one, his
//! targets, carries and pass attempts go to the teammates who will. Each of his per-game
//! numbers is split among them by their own (recent shares), with a bonus of half of it for the
//! next man in line at his position (the depth chart's next place, else the teammate at his
//! position with the most opportunity; the chart's next man counts even if he missed the last
//! game, as a backup quarterback mostly has); what a player inherits, times the chance the other
//! sits, is a feature of his row. Training rows know who sat; a slate's rows weigh each
//! teammate by his play probability, so marking a player out raises his teammates at once.

use super::depth::Chart;
use super::history::model_position;
use super::history::{History, PlayerGame};
use crate::dk::Position;
use std::collections::{BTreeMap, HashMap, HashSet};

/// The share of an absent player's opportunity the next man in line gets on top of his share.
const NEXT_IN_LINE_BONUS: f64 = 0.5;

/// What a player is expected to inherit per game from teammates who will not play.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Inherited {
    /// Targets.
    pub targets: f64,
    /// Carries.
    pub carries: f64,
    /// Pass attempts.
    pub attempts: f64,
}

/// A player's opportunity per game in his team's games of a season, through one game.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Usage<'a> {
    gsis_id: &'a str,
    position: Position,
    per_game: [f64; 3],
}

impl Usage<'_> {
    fn total(&self) -> f64 {
        self.per_game.iter().sum()
    }
}

/// One team game: who played it, each with his opportunity per game through it.
struct TeamGame<'a> {
    week: i32,
    played: Vec<Usage<'a>>,
}

/// Who played each team game, indexed by team and season.
pub struct Teammates<'a> {
    games: HashMap<(&'a str, i32), Vec<TeamGame<'a>>>,
}

fn opportunity(g: &PlayerGame) -> [f64; 3] {
    [g.targets, g.carries, g.attempts]
}

impl<'a> Teammates<'a> {
    /// Indexes the history's player games.
    pub fn new(history: &'a History) -> Teammates<'a> {
        let mut by_team: HashMap<(&str, i32), Vec<&PlayerGame>> = HashMap::new();
        for p in &history.players {
            if model_position(&p.position).is_some() {
                by_team.entry((&p.team, p.season)).or_default().push(p);
            }
        }
        let games = by_team
            .into_iter()
            .map(|(key, mut list)| {
                list.sort_by(|a, b| a.week.cmp(&b.week).then(a.gsis_id.cmp(&b.gsis_id)));
                (key, team_games(&list))
            })
            .collect();
        Teammates { games }
    }

    /// Whether a player played his team's game of a week (1 or 0), for training rows; `None`
    /// when the team's game of that week is not in the history.
    pub fn played_in(
        &self,
        team: &str,
        season: i32,
        week: i32,
    ) -> Option<impl Fn(&str) -> f64 + '_> {
        let game = self
            .games
            .get(&(team, season))?
            .iter()
            .find(|g| g.week == week)?;
        let played: HashSet<&str> = game.played.iter().map(|u| u.gsis_id).collect();
        Some(move |gsis: &str| f64::from(u8::from(played.contains(gsis))))
    }

    /// What `gsis_id` (who plays) inherits in his team's game of `week` from the teammates of
    /// its last game before it, given each one's chance to play (`plays`, 0 to 1).
    pub fn inherited(
        &self,
        gsis_id: &str,
        team: &str,
        season: i32,
        week: i32,
        chart: Option<&Chart>,
        plays: &dyn Fn(&str) -> f64,
    ) -> Inherited {
        let Some(games) = self.games.get(&(team, season)) else {
            return Inherited::default();
        };
        let Some(last) = games[..games.partition_point(|g| g.week < week)].last() else {
            return Inherited::default();
        };
        let me = last.played.iter().find(|u| u.gsis_id == gsis_id);
        let mut out = [0.0; 3];
        for gone in last.played.iter().filter(|u| u.gsis_id != gsis_id) {
            let sits = 1.0 - plays(gone.gsis_id).clamp(0.0, 1.0);
            if sits <= 0.0 {
                continue;
            }
            // Who takes his place: everyone else of the last game, weighted by his chance to
            // play (the player himself plays).
            let takers: Vec<(&Usage, f64)> = last
                .played
                .iter()
                .filter(|u| u.gsis_id != gone.gsis_id)
                .map(|u| {
                    let p = if u.gsis_id == gsis_id {
                        1.0
                    } else {
                        plays(u.gsis_id).clamp(0.0, 1.0)
                    };
                    (u, p)
                })
                .filter(|(_, p)| *p > 0.0)
                .collect();
            let next = next_in_line(gone, &takers, &last.played, chart, &|id| {
                if id == gsis_id {
                    1.0
                } else {
                    plays(id).clamp(0.0, 1.0)
                }
            });
            let is_next = |id: &str| next.is_some_and(|(n, _)| n == id);
            // The next man when the chart lists him but he missed the last game (a backup
            // quarterback who starts): he has no share of his own, only the bonus.
            let outsider = next.filter(|(n, _)| !last.played.iter().any(|u| u.gsis_id == *n));
            for (k, value) in out.iter_mut().enumerate() {
                let vacated = gone.per_game[k];
                if vacated <= 0.0 {
                    continue;
                }
                let bonus = |next: bool| {
                    if next {
                        NEXT_IN_LINE_BONUS * vacated
                    } else {
                        0.0
                    }
                };
                let total: f64 = takers
                    .iter()
                    .map(|(u, p)| p * (u.per_game[k] + bonus(is_next(u.gsis_id))))
                    .sum::<f64>()
                    + outsider.map_or(0.0, |(_, p)| p * bonus(true));
                let mine = me.map_or(0.0, |u| u.per_game[k]) + bonus(is_next(gsis_id));
                if total > 0.0 {
                    *value += sits * vacated * mine / total;
                }
            }
        }
        Inherited {
            targets: out[0],
            carries: out[1],
            attempts: out[2],
        }
    }
}

/// The teammate next in line at an absent player's position, with his chance to play: the
/// nearest place at or below his on the depth chart, else (and among equals) the one with the
/// most opportunity per game. The last game's players who play (`takers`) are candidates, and
/// so is a player the chart lists at the position who missed the last game (a backup
/// quarterback, an inactive back), by his chance to play (`plays`); at least even odds.
fn next_in_line<'s>(
    gone: &Usage,
    takers: &[(&'s Usage<'s>, f64)],
    last_game: &[Usage],
    chart: Option<&'s Chart>,
    plays: &dyn Fn(&str) -> f64,
) -> Option<(&'s str, f64)> {
    let depth = |id: &str| chart.and_then(|c| c.get(id)).map(|p| p.depth);
    let floor = depth(gone.gsis_id).unwrap_or(1);
    let from_last_game = takers
        .iter()
        .filter(|(u, p)| u.position == gone.position && *p >= 0.5)
        .map(|(u, p)| (u.gsis_id, u.total(), *p));
    let listed = chart.into_iter().flatten().filter_map(|(id, place)| {
        let outside = place.position == gone.position
            && id != gone.gsis_id
            && !last_game.iter().any(|u| u.gsis_id == id);
        let p = if outside { plays(id) } else { 0.0 };
        (p >= 0.5).then_some((id.as_str(), 0.0, p))
    });
    from_last_game
        .chain(listed)
        .min_by(|a, b| {
            let place = |id: &str| depth(id).filter(|d| *d >= floor).unwrap_or(i32::MAX);
            place(a.0)
                .cmp(&place(b.0))
                .then(b.1.total_cmp(&a.1))
                .then(a.0.cmp(b.0))
        })
        .map(|(id, _, p)| (id, p))
}

/// For each game of one team-season (player games sorted by week), who played it with his
/// opportunity per game through it.
fn team_games<'a>(list: &[&'a PlayerGame]) -> Vec<TeamGame<'a>> {
    // GSIS id -> (position, opportunity so far, games).
    let mut totals: BTreeMap<&str, (Position, [f64; 3], f64)> = BTreeMap::new();
    let mut out: Vec<TeamGame> = Vec::new();
    for g in list {
        let Some(position) = model_position(&g.position) else {
            continue;
        };
        let e = totals
            .entry(&g.gsis_id)
            .or_insert((position, [0.0; 3], 0.0));
        for (sum, v) in e.1.iter_mut().zip(opportunity(g)) {
            *sum += v;
        }
        e.2 += 1.0;
        let usage = Usage {
            gsis_id: &g.gsis_id,
            position,
            per_game: e.1.map(|s| s / e.2),
        };
        match out.last_mut().filter(|t| t.week == g.week) {
            Some(t) => t.played.push(usage),
            None => out.push(TeamGame {
                week: g.week,
                played: vec![usage],
            }),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::projection::depth::Place;

    fn game(gsis: &str, position: &str, week: i32, targets: f64, carries: f64) -> PlayerGame {
        PlayerGame::kc_for_tests(gsis, position, 2022, week, targets, carries)
    }

    /// A chart of one position: GSIS id and place.
    fn chart(position: Position, places: &[(&str, i32)]) -> Chart {
        places
            .iter()
            .map(|(id, depth)| {
                (
                    id.to_string(),
                    Place {
                        position,
                        depth: *depth,
                    },
                )
            })
            .collect()
    }

    fn history() -> History {
        let mut players = Vec::new();
        for week in 1..=2 {
            players.push(game("rb1", "RB", week, 4.0, 18.0));
            players.push(game("rb2", "RB", week, 1.0, 2.0));
            players.push(game("rb3", "RB", week, 0.0, 4.0));
            players.push(game("wr1", "WR", week, 9.0, 0.0));
        }
        players.push(game("rb2", "RB", 3, 1.0, 2.0));
        History {
            players,
            ..History::default()
        }
    }

    #[test]
    fn the_starters_carries_go_mostly_to_the_next_man_on_the_chart() {
        let h = history();
        let t = Teammates::new(&h);
        let rb1_out = |id: &str| if id == "rb1" { 0.0 } else { 1.0 };
        let chart = chart(Position::RB, &[("rb1", 1), ("rb2", 2), ("rb3", 3)]);
        let rb2 = t.inherited("rb2", "KC", 2022, 3, Some(&chart), &rb1_out);
        let rb3 = t.inherited("rb3", "KC", 2022, 3, Some(&chart), &rb1_out);
        let wr1 = t.inherited("wr1", "KC", 2022, 3, Some(&chart), &rb1_out);
        // 18 carries: weights rb2 2 + 9, rb3 4.
        assert!((rb2.carries - 18.0 * 11.0 / 15.0).abs() < 1e-9, "{rb2:?}");
        assert!((rb3.carries - 18.0 * 4.0 / 15.0).abs() < 1e-9, "{rb3:?}");
        assert_eq!(wr1.carries, 0.0);
        // 4 targets: rb2 1 + 2, wr1 9.
        assert!((wr1.targets - 4.0 * 9.0 / 12.0).abs() < 1e-9, "{wr1:?}");
        // Without a chart the next man is the one with the most opportunity: rb3.
        let rb3 = t.inherited("rb3", "KC", 2022, 3, None, &rb1_out);
        assert!((rb3.carries - 18.0 * 13.0 / 15.0).abs() < 1e-9, "{rb3:?}");
    }

    #[test]
    fn nothing_moves_when_everyone_plays_and_a_doubt_moves_its_share() {
        let h = history();
        let t = Teammates::new(&h);
        let all = |_: &str| 1.0;
        assert_eq!(
            t.inherited("rb2", "KC", 2022, 3, None, &all),
            Inherited::default()
        );
        let half = |id: &str| if id == "rb1" { 0.5 } else { 1.0 };
        let out = |id: &str| if id == "rb1" { 0.0 } else { 1.0 };
        let a = t.inherited("rb2", "KC", 2022, 3, None, &half);
        let b = t.inherited("rb2", "KC", 2022, 3, None, &out);
        assert!((a.carries - b.carries / 2.0).abs() < 1e-9);
        // Week 1 has no earlier game to inherit from.
        assert_eq!(
            t.inherited("rb2", "KC", 2022, 1, None, &out),
            Inherited::default()
        );
    }

    #[test]
    fn a_backup_who_missed_the_last_game_steps_in_when_the_chart_lists_him_next() {
        let mut h = history();
        for week in 1..=3 {
            h.players.push(PlayerGame {
                attempts: 35.0,
                ..game("qb1", "QB", week, 0.0, 3.0)
            });
        }
        let t = Teammates::new(&h);
        let chart = chart(Position::QB, &[("qb1", 1), ("qb2", 2), ("qb3", 3)]);
        let qb1_out = |id: &str| if id == "qb1" { 0.0 } else { 1.0 };
        // Week 4: the starter sits; his backup, who has not played, takes his attempts.
        let qb2 = t.inherited("qb2", "KC", 2022, 4, Some(&chart), &qb1_out);
        assert!((qb2.attempts - 35.0).abs() < 1e-9, "{qb2:?}");
        assert_eq!(
            t.inherited("qb3", "KC", 2022, 4, Some(&chart), &qb1_out)
                .attempts,
            0.0
        );
        // Ruled out himself, the backup hands the place to the third.
        let both_out = |id: &str| if id == "qb1" || id == "qb2" { 0.0 } else { 1.0 };
        let qb3 = t.inherited("qb3", "KC", 2022, 4, Some(&chart), &both_out);
        assert!((qb3.attempts - 35.0).abs() < 1e-9, "{qb3:?}");
        // Without a chart nobody outside the last game is known to be next.
        assert_eq!(
            t.inherited("qb2", "KC", 2022, 4, None, &qb1_out).attempts,
            0.0
        );
        // His carries go to the back who played with him, by his own share.
        assert!(
            t.inherited("rb2", "KC", 2022, 4, Some(&chart), &qb1_out)
                .carries
                > 0.0
        );
    }

    #[test]
    fn training_rows_know_who_played() {
        let h = history();
        let t = Teammates::new(&h);
        let week3 = t.played_in("KC", 2022, 3).unwrap();
        assert_eq!(week3("rb2"), 1.0);
        assert_eq!(week3("rb1"), 0.0);
        assert!(t.played_in("KC", 2022, 4).is_none());
    }
}
