//! Lineups as the app holds them, and the independent validator every lineup passes before
//! it is stored or written.

pub mod exposure;
pub mod validate;

pub use exposure::{exposure, Exposure};
pub use validate::{validate, LateSwap, LineupProblem, ValidationRules};

use crate::dk::lineup_file::EntryCells;
use crate::dk::PlayerCell;
use crate::dk::Slot;
use crate::slate::SlatePlayer;
use chrono::{DateTime, Utc};
use serde::Serialize;
use ts_rs::TS;

/// A lineup to store: slate-player ids in roster order.
#[derive(Debug, Clone, PartialEq)]
pub struct NewLineup {
    /// The nine players, in `QB,RB,RB,WR,WR,WR,TE,FLEX,DST` order.
    pub players: [i32; 9],
    /// Projected points, when known.
    pub projected_points: Option<f64>,
}

/// One slot of a stored lineup.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct LineupSlot {
    /// The slot.
    pub slot: Slot,
    /// The player in it.
    pub player: SlatePlayer,
}

/// A stored lineup.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct Lineup {
    /// Lineup id.
    pub id: i32,
    /// The slate.
    pub slate_id: i32,
    /// The nine slots in roster order.
    pub slots: Vec<LineupSlot>,
    /// Total salary.
    pub salary: u32,
    /// Projected points when it was built, if known.
    pub projected_points: Option<f64>,
    /// Where it came from, e.g. `import:lineups.csv`.
    pub source: String,
    /// When it was stored.
    #[ts(type = "string")]
    pub created_at: DateTime<Utc>,
    /// Whether a model went to production (or was rolled back) after it was stored: its
    /// projected points are those of earlier projections.
    pub earlier_models: bool,
}

impl Lineup {
    /// The slate-player ids in roster order.
    pub fn player_ids(&self) -> Vec<i32> {
        self.slots.iter().map(|s| s.player.id).collect()
    }
}

/// The nine cells of an entries-file row for a lineup: DraftKings' locked cells keep their
/// `(LOCKED)` mark, every other cell is `Name (ID)`.
pub fn entry_cells<'a>(
    original: &[Option<PlayerCell>; 9],
    player: impl Fn(usize) -> &'a SlatePlayer,
) -> EntryCells {
    std::array::from_fn(|k| match original[k] {
        Some(cell) if cell.locked => format!("{} (LOCKED)", player(k).name_and_id()),
        _ => player(k).name_and_id(),
    })
}
