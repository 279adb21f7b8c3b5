//! Late swap: re-optimising the entries of a DraftKings entries file during a slate. In each
//! entry, players whose games have started (or that DraftKings marked ` (LOCKED)`) stay in their
//! slots; the other slots get the best players whose games are still to come, under the run's
//! rules. Each new lineup passes the validator with the entry's late-swap state.

use super::{optimize, Built, Rules, SlotLock};
use crate::clock::Clock;
use crate::dk::lineup_file::EntryCells;
use crate::dk::{FileError, LineupFile, ROSTER};
use crate::lineup::{entry_cells, validate, LateSwap, ValidationRules};
use crate::slate::Slate;
use crate::{Error, Result};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use ts_rs::TS;

/// One entry of a late swap.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct SwappedEntry {
    /// DraftKings' entry id.
    pub entry_id: String,
    /// Line of the entries file.
    pub line: u32,
    /// Players kept in their slots.
    pub kept: u32,
    /// Projected points of the entry's lineup before, when it was complete.
    pub points_before: Option<f64>,
    /// The re-optimised lineup; None when the entry is left as it was.
    pub lineup: Option<Built>,
    /// Why the entry is left as it was.
    pub reason: Option<String>,
}

/// A late swap: the entries and the filled file's cells.
#[derive(Debug, Clone, PartialEq)]
pub struct LateSwapRun {
    /// Every entry row, in file order.
    pub entries: Vec<SwappedEntry>,
    /// The cells to write, by entry row index.
    pub fills: Vec<(usize, EntryCells)>,
    /// Wall time, seconds.
    pub seconds: f64,
}

/// What to late-swap, and where to write it.
#[derive(Debug, Clone, PartialEq, Deserialize, TS)]
pub struct LateSwapRequest {
    /// The slate.
    pub slate_id: i32,
    /// The DraftKings entries file.
    pub entries: String,
    /// The filled entries file to write.
    pub out: String,
    /// The time of the swap: games kicked off by then have started (default: now).
    #[ts(type = "string | null")]
    pub as_of: Option<DateTime<Utc>>,
    /// The rules (the salary cap comes from the settings).
    pub rules: Rules,
}

/// What a late swap wrote.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct LateSwapReport {
    /// The file written.
    pub path: String,
    /// Every entry, in file order.
    pub entries: Vec<SwappedEntry>,
    /// Wall time of the optimisation, seconds.
    pub seconds: f64,
}

/// Re-optimises every entry of `file` at time `as_of` under `rules` (its lineup count,
/// uniqueness, exposure and randomness do not apply: one best lineup per entry); `clock` times
/// each entry's search and the whole run.
pub fn late_swap(
    slate: &Slate,
    projections: &HashMap<i32, f64>,
    rules: &Rules,
    file: &LineupFile,
    as_of: DateTime<Utc>,
    clock: Clock,
) -> Result<LateSwapRun> {
    let started = clock();
    if !file.is_entries {
        return Err(Error::InvalidFile(FileError::new(
            &file.file,
            Some(1),
            None,
            "this is not a DraftKings entries file (no 'Entry ID' column)",
        )));
    }
    let mut entries = Vec::new();
    let mut fills = Vec::new();
    for (row_index, row) in file.rows.iter().enumerate() {
        let mut locked = [None; 9];
        let mut current = Vec::new();
        for (k, cell) in row.cells.iter().enumerate() {
            let Some(cell) = cell else { continue };
            let player = slate.player_by_dk_id(cell.dk_id).ok_or_else(|| {
                FileError::new(
                    &file.file,
                    Some(row.line),
                    Some(ROSTER[k].as_str()),
                    format!(
                        "player {} is not on slate '{}'",
                        cell.dk_id, slate.summary.name
                    ),
                )
            })?;
            current.push(player);
            if cell.locked || player.started_at(as_of) {
                locked[k] = Some(player.id);
            }
        }
        let points_before = (current.len() == 9).then(|| {
            current
                .iter()
                .map(|p| {
                    projections
                        .get(&p.id)
                        .copied()
                        .unwrap_or_else(|| p.projected_points())
                })
                .sum()
        });
        let entry_rules = Rules {
            lineups: 1,
            min_unique: 1,
            max_exposure: None,
            exposures: vec![],
            randomness: 0,
            lock_slots: locked
                .iter()
                .enumerate()
                .filter_map(|(k, id)| {
                    id.map(|player| SlotLock {
                        player,
                        slot: k as u8,
                    })
                })
                .collect(),
            as_of: Some(as_of),
            ..rules.clone()
        };
        let mut entry = SwappedEntry {
            entry_id: row.entry_id.clone().unwrap_or_default(),
            line: row.line as u32,
            kept: entry_rules.lock_slots.len() as u32,
            points_before,
            lineup: None,
            reason: None,
        };
        if locked.iter().all(Option::is_some) {
            entry.reason = Some("all nine players have started; nothing can change".into());
            entries.push(entry);
            continue;
        }
        match optimize(slate, projections, &entry_rules, clock, |_, _| true) {
            Ok(mut run) => {
                let lineup = run.lineups.remove(0);
                let check = ValidationRules {
                    salary_cap: rules.salary_cap,
                    late_swap: Some(LateSwap { now: as_of, locked }),
                };
                let problems = validate(slate, &lineup.players, &check);
                if !problems.is_empty() {
                    return Err(Error::Solver(format!(
                        "the late-swap lineup of entry {} breaks a rule: {}",
                        entry.entry_id, problems[0]
                    )));
                }
                let players: Vec<_> = lineup
                    .players
                    .iter()
                    .map(|id| {
                        slate
                            .player(*id)
                            .expect("the optimizer picks slate players")
                    })
                    .collect();
                fills.push((row_index, entry_cells(&row.cells, |k| players[k])));
                entry.lineup = Some(lineup);
            }
            Err(Error::NoLineup(why)) => entry.reason = Some(why),
            Err(e) => return Err(e),
        }
        entries.push(entry);
    }
    Ok(LateSwapRun {
        entries,
        fills,
        seconds: clock().saturating_sub(started).as_secs_f64(),
    })
}
