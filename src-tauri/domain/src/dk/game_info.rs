//! The `Game Info` cell: `AWAY@HOME MM/DD/YYYY HH:MMAM ET`, or a game state DraftKings writes
//! instead (`In Progress`, `Final`, `Postponed`, `-` for no game).

use chrono::{DateTime, NaiveDateTime, TimeZone, Utc};
use chrono_tz::America::New_York;
use serde::Serialize;
use ts_rs::TS;

/// What a `Game Info` cell says.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, TS)]
#[serde(tag = "state", rename_all = "snake_case")]
pub enum GameInfo {
    /// A game with its teams and kickoff.
    Scheduled {
        /// Away team code as DraftKings writes it.
        away: String,
        /// Home team code as DraftKings writes it.
        home: String,
        /// Kickoff in UTC (the file gives US Eastern time).
        #[ts(type = "string")]
        kickoff_utc: DateTime<Utc>,
    },
    /// The game has started (a live slate).
    InProgress,
    /// The game is over.
    Final,
    /// The game was postponed.
    Postponed,
    /// The player has no game on this slate (`-`): kept, but unusable.
    NoGame,
}

impl GameInfo {
    /// Parses a `Game Info` cell; the error says what was expected.
    pub fn parse(cell: &str) -> Result<GameInfo, String> {
        let text = cell.trim();
        match text {
            "-" | "" => return Ok(GameInfo::NoGame),
            "In Progress" => return Ok(GameInfo::InProgress),
            "Final" => return Ok(GameInfo::Final),
            "Postponed" => return Ok(GameInfo::Postponed),
            _ => {}
        }
        let expected = || {
            format!(
                "'{text}' is not a game (expected AWAY@HOME MM/DD/YYYY HH:MMAM ET, In Progress, \
                 Final, Postponed or -)"
            )
        };
        let (matchup, when) = text.split_once(' ').ok_or_else(expected)?;
        let (away, home) = matchup.split_once('@').ok_or_else(expected)?;
        let valid_team =
            |t: &str| (2..=3).contains(&t.len()) && t.chars().all(|c| c.is_ascii_uppercase());
        if !valid_team(away) || !valid_team(home) {
            return Err(expected());
        }
        let when = when.trim().strip_suffix("ET").ok_or_else(expected)?.trim();
        let local =
            NaiveDateTime::parse_from_str(when, "%m/%d/%Y %I:%M%p").map_err(|_| expected())?;
        let kickoff = New_York
            .from_local_datetime(&local)
            .earliest()
            .ok_or_else(|| {
                format!("'{text}' names a time that does not exist in US Eastern time")
            })?;
        Ok(GameInfo::Scheduled {
            away: away.to_string(),
            home: home.to_string(),
            kickoff_utc: kickoff.with_timezone(&Utc),
        })
    }

    /// The opponent of `team` in a scheduled game, None if the team does not play in it.
    pub fn opponent_of(&self, team: &str) -> Option<&str> {
        match self {
            GameInfo::Scheduled { away, home, .. } if away == team => Some(home),
            GameInfo::Scheduled { away, home, .. } if home == team => Some(away),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utc(s: &str) -> DateTime<Utc> {
        s.parse().unwrap()
    }

    #[test]
    fn scheduled_games_are_stored_in_utc() {
        // September: Eastern daylight time, UTC-4.
        assert_eq!(
            GameInfo::parse("IND@HOU 09/11/2022 01:00PM ET").unwrap(),
            GameInfo::Scheduled {
                away: "IND".into(),
                home: "HOU".into(),
                kickoff_utc: utc("2022-09-11T17:00:00Z"),
            }
        );
        // December: Eastern standard time, UTC-5; a late game crosses midnight UTC.
        let GameInfo::Scheduled { kickoff_utc, .. } =
            GameInfo::parse("CAR@SF 11/24/2025 08:15PM ET").unwrap()
        else {
            panic!("not scheduled")
        };
        assert_eq!(kickoff_utc, utc("2025-11-25T01:15:00Z"));
        let GameInfo::Scheduled { kickoff_utc, .. } =
            GameInfo::parse("MIN@CLE 10/29/2017 09:30AM ET").unwrap()
        else {
            panic!("not scheduled")
        };
        assert_eq!(kickoff_utc, utc("2017-10-29T13:30:00Z"));
    }

    #[test]
    fn game_states_are_recognised() {
        assert_eq!(
            GameInfo::parse("In Progress").unwrap(),
            GameInfo::InProgress
        );
        assert_eq!(GameInfo::parse("Final").unwrap(), GameInfo::Final);
        assert_eq!(GameInfo::parse("Postponed").unwrap(), GameInfo::Postponed);
        assert_eq!(GameInfo::parse(" - ").unwrap(), GameInfo::NoGame);
    }

    #[test]
    fn malformed_game_info_is_refused_with_the_text() {
        for bad in [
            "IND-HOU 09/11/2022 01:00PM ET",
            "IND@HOU 13/11/2022 01:00PM ET",
            "IND@HOU 09/11/2022 01:00PM",
            "ind@hou 09/11/2022 01:00PM ET",
            "Tomorrow",
        ] {
            let err = GameInfo::parse(bad).unwrap_err();
            assert!(err.contains(bad.trim()), "{err}");
        }
    }

    #[test]
    fn opponent_is_the_other_team() {
        let game = GameInfo::parse("ATL@KC 12/27/2020 01:00PM ET").unwrap();
        assert_eq!(game.opponent_of("KC"), Some("ATL"));
        assert_eq!(game.opponent_of("ATL"), Some("KC"));
        assert_eq!(game.opponent_of("DEN"), None);
        assert_eq!(GameInfo::Final.opponent_of("KC"), None);
    }
}
