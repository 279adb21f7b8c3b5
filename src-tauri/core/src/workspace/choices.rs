//! The limits and choices the core owns, in one value the front ends read instead of copying
//! constants: how many lineups a run builds, the percentage bounds, which positions fill each
//! slot, the salary cap in force, the override range and the backup schedule.

use crate::dk::{slot_labels, Position, Slot, ROSTER};
use crate::optimizer::{MAX_LINEUPS, MAX_PERCENT};
use crate::slate::MAX_PROJECTION_OVERRIDE;
use crate::{Result, Workspace};
use serde::Serialize;
use ts_rs::TS;

/// Which positions may fill a slot.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct SlotRule {
    /// The slot.
    pub slot: Slot,
    /// The positions it accepts.
    pub positions: Vec<Position>,
}

/// Limits and choices for the front ends.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct Choices {
    /// The most lineups one optimizer run builds (the least is 1).
    pub max_lineups: u32,
    /// The largest exposure, max exposure or randomness, in percent (the least is 0).
    pub max_percent: u32,
    /// The largest projection override, in points (the least is 0).
    pub max_projection_override: f64,
    /// The salary cap in force (the `salary_cap` setting).
    pub salary_cap: u32,
    /// The nine slots in DraftKings' order.
    pub roster: Vec<Slot>,
    /// Their labels, repeated slots numbered (`QB, RB1, RB2, WR1, WR2, WR3, TE, FLEX, DST`).
    pub slot_labels: Vec<String>,
    /// Which positions each kind of slot accepts.
    pub slots: Vec<SlotRule>,
    /// The local hour of the daily database backup.
    pub backup_hour: u32,
    /// Days between model backups.
    pub model_backup_days: u32,
}

impl Workspace {
    /// The limits and choices the core owns.
    pub async fn choices(&self) -> Result<Choices> {
        let mut kinds: Vec<Slot> = ROSTER.to_vec();
        kinds.dedup();
        Ok(Choices {
            max_lineups: MAX_LINEUPS,
            max_percent: MAX_PERCENT,
            max_projection_override: MAX_PROJECTION_OVERRIDE,
            salary_cap: self.typed_settings().await?.salary_cap,
            roster: ROSTER.to_vec(),
            slot_labels: slot_labels(),
            slots: kinds
                .into_iter()
                .map(|slot| SlotRule {
                    slot,
                    positions: Position::ALL
                        .into_iter()
                        .filter(|p| slot.accepts(*p))
                        .collect(),
                })
                .collect(),
            backup_hour: crate::backup::DAILY_HOUR,
            model_backup_days: crate::backup::MODEL_BACKUP_DAYS,
        })
    }
}
