//! DraftKings NFL positions and the roster slots they fill.

use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;
use ts_rs::TS;

/// A DraftKings NFL classic position.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
pub enum Position {
    /// Quarterback.
    QB,
    /// Running back.
    RB,
    /// Wide receiver.
    WR,
    /// Tight end.
    TE,
    /// Team defense and special teams.
    DST,
}

impl Position {
    /// Every position, in roster order.
    pub const ALL: [Position; 5] = [
        Position::QB,
        Position::RB,
        Position::WR,
        Position::TE,
        Position::DST,
    ];

    /// The position as DraftKings writes it.
    pub fn as_str(self) -> &'static str {
        match self {
            Position::QB => "QB",
            Position::RB => "RB",
            Position::WR => "WR",
            Position::TE => "TE",
            Position::DST => "DST",
        }
    }

    /// Whether the position may fill the FLEX slot (RB, WR, TE).
    pub fn is_flex_eligible(self) -> bool {
        matches!(self, Position::RB | Position::WR | Position::TE)
    }

    /// The `Roster Position` DraftKings gives this position, e.g. `RB/FLEX`.
    pub fn roster_positions(self) -> String {
        if self.is_flex_eligible() {
            format!("{}/FLEX", self.as_str())
        } else {
            self.as_str().to_string()
        }
    }
}

impl fmt::Display for Position {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Position {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim() {
            "QB" => Ok(Position::QB),
            "RB" => Ok(Position::RB),
            "WR" => Ok(Position::WR),
            "TE" => Ok(Position::TE),
            "DST" | "D" | "DEF" => Ok(Position::DST),
            other => Err(format!(
                "unknown position '{other}' (expected QB, RB, WR, TE or DST)"
            )),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_positions_and_their_flex_eligibility() {
        let cases = [
            ("QB", Position::QB, "QB"),
            (" RB ", Position::RB, "RB/FLEX"),
            ("WR", Position::WR, "WR/FLEX"),
            ("TE", Position::TE, "TE/FLEX"),
            ("DST", Position::DST, "DST"),
            ("D", Position::DST, "DST"),
        ];
        for (text, position, roster) in cases {
            let parsed: Position = text.parse().unwrap();
            assert_eq!(parsed, position);
            assert_eq!(parsed.roster_positions(), roster);
        }
        assert!("K".parse::<Position>().unwrap_err().contains("'K'"));
    }
}
