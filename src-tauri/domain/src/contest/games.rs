//! The games a contest covers. A DraftKings salary file may hold a whole week (Thursday night to
//! Monday night) while a contest drafts from part of it: the Sunday main slate leaves out the
//! night games. A contest names its games as `AWAY@HOME` keys, an empty list meaning every game
//! of its slate; its pick, its simulated field and its ownership draw only on players of those
//! games. The shared 2019 week-1 contests are such: their standings hold players of 12 of the
//! 16 games of the week's salary file.

use crate::slate::SlateGame;
use std::collections::BTreeSet;

/// The fewest listed lineups whose players tell which games a contest covered: a game none of
/// them drafted from was not in the contest. In a 12-game contest a lineup leaves out a given
/// game about half the time (9 players, 11 other games), so 50 lineups all leave it out
/// by chance about once in 10^15.
pub const MIN_LINEUPS_TO_TELL: usize = 50;

/// Most games a contest may name (a week has at most 16).
pub const MAX_GAMES: usize = 32;

/// A game's key as contests name it: `AWAY@HOME`.
pub fn key(game: &SlateGame) -> String {
    format!("{}@{}", game.away, game.home)
}

/// The games a user chose, checked against the slate's: each an `AWAY@HOME` key of one of its
/// games or the code of a team playing in one (either case, spaces ignored). Returns the keys
/// in kickoff order, each once; the empty list when every game of the slate is chosen (or none
/// is named, or `all`). Refused when a name is no game of the slate, or fewer than 2 games are left
/// (a classic lineup draws from two games at least).
pub fn choose(given: &[String], slate_games: &[SlateGame]) -> Result<Vec<String>, String> {
    let named: Vec<String> = given
        .iter()
        .map(|g| g.trim().to_ascii_uppercase().replace(' ', ""))
        .filter(|g| !g.is_empty())
        .collect();
    if named.is_empty() || named == ["ALL"] {
        return Ok(Vec::new());
    }
    if named.len() > MAX_GAMES {
        return Err(format!("a contest names at most {MAX_GAMES} games"));
    }
    let mut chosen = BTreeSet::new();
    for name in &named {
        let found = slate_games
            .iter()
            .position(|g| key(g) == *name || g.away == *name || g.home == *name)
            .ok_or_else(|| {
                format!(
                    "{:?} is no game of the slate (its games: {})",
                    name.chars().take(40).collect::<String>(),
                    slate_games.iter().map(key).collect::<Vec<_>>().join(", ")
                )
            })?;
        chosen.insert(found);
    }
    if chosen.len() < 2 {
        return Err("a contest covers 2 games at least".into());
    }
    if chosen.len() == slate_games.len() {
        return Ok(Vec::new());
    }
    Ok(chosen.into_iter().map(|k| key(&slate_games[k])).collect())
}

/// Whether a contest naming `games` (empty: all) covers the game `game_key`.
pub fn covers(games: &[String], game_key: &str) -> bool {
    games.is_empty() || games.iter().any(|g| g == game_key)
}

/// The games a finished contest's lineups drafted from, told by the games of its drafted
/// players (`drafted`, one key per drafted player) when the standings list at least
/// [`MIN_LINEUPS_TO_TELL`] lineups; empty (every game) when they list fewer, or drafted from
/// every game of the slate.
pub fn drafted<'a>(
    drafted: impl IntoIterator<Item = &'a str>,
    lineups: usize,
    slate_games: &[SlateGame],
) -> Vec<String> {
    if lineups < MIN_LINEUPS_TO_TELL {
        return Vec::new();
    }
    let used: BTreeSet<&str> = drafted.into_iter().collect();
    let keys: Vec<String> = slate_games
        .iter()
        .map(key)
        .filter(|k| used.contains(k.as_str()))
        .collect();
    if keys.len() < 2 || keys.len() == slate_games.len() {
        Vec::new()
    } else {
        keys
    }
}

/// The games in words: "all 16 games" or "12 of 16 games".
pub fn describe(games: &[String], slate_games: usize) -> String {
    if games.is_empty() {
        format!("all {slate_games} games")
    } else {
        format!("{} of {slate_games} games", games.len())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{TimeZone, Utc};

    fn game(away: &str, home: &str, day: u32) -> SlateGame {
        SlateGame {
            id: day as i32,
            away: away.into(),
            home: home.into(),
            kickoff_utc: Utc.with_ymd_and_hms(2019, 9, day, 17, 0, 0).unwrap(),
        }
    }

    fn week() -> Vec<SlateGame> {
        vec![
            game("GB", "CHI", 5),
            game("ATL", "MIN", 8),
            game("BAL", "MIA", 8),
            game("HOU", "NO", 9),
        ]
    }

    fn strings(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn games_are_named_by_key_or_team_in_slate_order_and_all_means_every_game() {
        let games = week();
        assert_eq!(
            choose(&strings(&["bal@mia", " ATL "]), &games).unwrap(),
            strings(&["ATL@MIN", "BAL@MIA"])
        );
        assert_eq!(
            choose(&strings(&["MIN", "ATL@MIN", "MIA"]), &games).unwrap(),
            strings(&["ATL@MIN", "BAL@MIA"])
        );
        assert!(choose(&[], &games).unwrap().is_empty());
        assert!(choose(&strings(&["  "]), &games).unwrap().is_empty());
        assert!(choose(&strings(&["all"]), &games).unwrap().is_empty());
        assert!(choose(&strings(&["GB", "ATL", "BAL", "NO"]), &games)
            .unwrap()
            .is_empty());
    }

    #[test]
    fn an_unknown_game_or_a_single_game_is_refused() {
        let games = week();
        let e = choose(&strings(&["NE@PIT", "ATL"]), &games).unwrap_err();
        assert!(e.contains("\"NE@PIT\" is no game of the slate"), "{e}");
        // What is echoed back is quoted, escaped and cut short.
        let hostile = format!("\u{1b}[31m{}", "X".repeat(500));
        let e = choose(&[hostile], &games).unwrap_err();
        assert!(!e.contains('\u{1b}') && e.contains("\\u{1b}"), "{e}");
        assert!(e.len() < 200, "{e}");
        assert!(e.contains("GB@CHI, ATL@MIN"), "{e}");
        let e = choose(&strings(&["ATL", "MIN"]), &games).unwrap_err();
        assert!(e.contains("2 games at least"), "{e}");
        let many = vec!["ATL".to_string(); MAX_GAMES + 1];
        assert!(choose(&many, &games).is_err());
    }

    #[test]
    fn the_games_drafted_from_are_told_only_by_enough_lineups() {
        let games = week();
        let drafted_from = ["ATL@MIN", "BAL@MIA", "ATL@MIN", "HOU@NO"];
        assert_eq!(
            drafted(drafted_from, MIN_LINEUPS_TO_TELL, &games),
            strings(&["ATL@MIN", "BAL@MIA", "HOU@NO"])
        );
        assert!(drafted(drafted_from, MIN_LINEUPS_TO_TELL - 1, &games).is_empty());
        let all = ["GB@CHI", "ATL@MIN", "BAL@MIA", "HOU@NO"];
        assert!(drafted(all, 500, &games).is_empty());
        assert!(drafted(["ATL@MIN"], 500, &games).is_empty());
    }

    #[test]
    fn a_contest_covers_its_games_or_every_game() {
        assert!(covers(&[], "GB@CHI"));
        let chosen = strings(&["ATL@MIN", "BAL@MIA"]);
        assert!(covers(&chosen, "ATL@MIN"));
        assert!(!covers(&chosen, "GB@CHI"));
        assert_eq!(describe(&chosen, 4), "2 of 4 games");
        assert_eq!(describe(&[], 4), "all 4 games");
    }
}
