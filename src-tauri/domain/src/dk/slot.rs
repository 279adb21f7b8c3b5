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

/// Each roster slot's label, repeated slots numbered: `QB, RB1, RB2, WR1, WR2, WR3, TE, FLEX,
/// DST` (what the slot locks show and the CLI's `--lock-slot` takes).
pub fn slot_labels() -> Vec<String> {
    ROSTER
        .iter()
        .enumerate()
        .map(|(k, slot)| {
            let repeats = ROSTER.iter().filter(|s| *s == slot).count();
            if repeats == 1 {
                slot.as_str().to_string()
            } else {
                let nth = ROSTER[..=k].iter().filter(|s| *s == slot).count();
                format!("{}{nth}", slot.as_str())
            }
        })
        .collect()
}

/// The roster index of a slot label, any case: `RB2`, `flex`; a repeated slot without its
/// number (`WR`) is its first. None for anything else.
pub fn slot_index(label: &str) -> Option<usize> {
    let labels = slot_labels();
    labels
        .iter()
        .position(|l| l.eq_ignore_ascii_case(label))
        .or_else(|| {
            ROSTER
                .iter()
                .position(|s| s.as_str().eq_ignore_ascii_case(label))
        })
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

    #[test]
    fn slot_labels_number_repeated_slots_and_read_back() {
        assert_eq!(
            slot_labels(),
            ["QB", "RB1", "RB2", "WR1", "WR2", "WR3", "TE", "FLEX", "DST"]
        );
        assert_eq!(slot_index("rb2"), Some(2));
        assert_eq!(slot_index("WR"), Some(3));
        assert_eq!(slot_index("Flex"), Some(7));
        assert_eq!(slot_index("WR4"), None);
        assert_eq!(slot_index("K"), None);
        assert_eq!(slot_index(""), None);
    }
}
