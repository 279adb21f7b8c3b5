//! The nine roster slots of a DraftKings NFL classic lineup and which positions fill them.

use super::Position;
use serde::{Deserialize, Serialize};
use std::fmt;
use ts_rs::TS;

/// A roster slot.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
pub enum Slot {
    /// Quarterback.
    QB,
    /// Running back.
    RB,
    /// Wide receiver.
    WR,
    /// Tight end.
    TE,
    /// One RB, WR or TE.
    FLEX,
    /// Team defense.
    DST,
}

/// The nine slots in DraftKings' order; lineups are always held in this order.
pub const ROSTER: [Slot; 9] = [
    Slot::QB,
    Slot::RB,
    Slot::RB,
    Slot::WR,
    Slot::WR,
    Slot::WR,
    Slot::TE,
    Slot::FLEX,
    Slot::DST,
];

/// The salary cap of a classic contest.
pub const SALARY_CAP: u32 = 50_000;

impl Slot {
    /// The slot as DraftKings writes it in upload headers.
    pub fn as_str(self) -> &'static str {
        match self {
            Slot::QB => "QB",
            Slot::RB => "RB",
            Slot::WR => "WR",
            Slot::TE => "TE",
            Slot::FLEX => "FLEX",
            Slot::DST => "DST",
        }
    }

    /// Whether a player of `position` may fill this slot.
    pub fn accepts(self, position: Position) -> bool {
        match self {
            Slot::QB => position == Position::QB,
            Slot::RB => position == Position::RB,
            Slot::WR => position == Position::WR,
            Slot::TE => position == Position::TE,
            Slot::FLEX => position.is_flex_eligible(),
            Slot::DST => position == Position::DST,
        }
    }
}

impl fmt::Display for Slot {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flex_takes_rb_wr_te_only() {
        let takes: Vec<Position> = Position::ALL
            .into_iter()
            .filter(|p| Slot::FLEX.accepts(*p))
            .collect();
        assert_eq!(takes, [Position::RB, Position::WR, Position::TE]);
        assert!(!Slot::RB.accepts(Position::WR));
        assert!(Slot::DST.accepts(Position::DST));
    }
}
