//! Who is who, as a pure matcher: DraftKings names, teams and positions against NFL players.

mod matcher;
pub mod names;

pub use matcher::{Candidates, MatchHow, Matched, NflPlayer};
