//! Single-entry contests: what a contest pays ([`payouts`]), what its field looks like
//! ([`ownership`], [`field`], measured against a real one by [`field_shape`]), the slate's correlated outcomes ([`simulate`]), the lineup most
//! likely to get paid ([`pick`]) and DraftKings' standings file of a finished contest
//! ([`standings`]), and how the picks fared against what they predicted ([`track_record`]).

pub mod candidates;
pub mod field;
pub mod field_shape;
pub mod games;
pub mod ownership;
pub mod payouts;
pub mod pick;
pub mod simulate;
pub mod standings;
pub mod track_record;

pub use payouts::{ContestType, PayoutTier, Payouts};

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// A contest the user enters one lineup in.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Contest {
    /// Contest id (0 before it is stored).
    pub id: i32,
    /// The slate it is played on.
    pub slate_id: i32,
    /// Its name as the user gave it (or the type's).
    pub name: String,
    /// Its structure.
    pub contest_type: ContestType,
    /// Entry fee in dollars.
    pub entry_fee: f64,
    /// Entries in the full field, the user's included.
    pub entries: u32,
    /// Prizes by rank.
    pub payouts: Payouts,
    /// Places paid (the last paid rank), as the pages show it.
    #[serde(default)]
    pub places_paid: u32,
    /// All the prizes together, dollars, as the pages show it.
    #[serde(default)]
    pub prize_total: f64,
    /// DraftKings' contest ID, where the user gave it: its standings are found by it among
    /// several imported for the slate.
    #[serde(default)]
    pub dk_contest_id: Option<String>,
    /// The games it covers as `AWAY@HOME` keys; empty: every game of its slate.
    #[serde(default)]
    pub games: Vec<String>,
}

/// A DraftKings contest ID as given (trimmed): 1 to 40 letters, digits, `-` or `_`.
pub fn check_dk_contest_id(id: &str) -> Result<String, String> {
    let id = id.trim();
    if id.is_empty()
        || id.len() > 40
        || !id
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
    {
        return Err(format!(
            "'{}' is not a DraftKings contest ID (1 to 40 letters, digits, - or _)",
            id.chars().take(60).collect::<String>()
        ));
    }
    Ok(id.to_string())
}

impl Contest {
    /// A contest with its places paid and prize total worked out from its payouts (the one
    /// place they are computed; the pages show them as they are).
    pub fn new(
        id: i32,
        slate_id: i32,
        name: String,
        contest_type: ContestType,
        entry_fee: f64,
        entries: u32,
        payouts: Payouts,
    ) -> Contest {
        Contest {
            id,
            slate_id,
            name,
            contest_type,
            entry_fee,
            entries,
            places_paid: payouts.paid(),
            prize_total: payouts.total(),
            payouts,
            dk_contest_id: None,
            games: Vec::new(),
        }
    }

    /// Return on an expected payout: what it wins back over the fee, as a fraction of the fee.
    pub fn roi(&self, expected_payout: f64) -> f64 {
        if self.entry_fee > 0.0 {
            expected_payout / self.entry_fee - 1.0
        } else {
            0.0
        }
    }
}
