//! Lineups to and from DraftKings files: the upload file, the entries file filled in place
//! (late swap: DraftKings' locked players stay in their slots), and reading lineups back from
//! either. Every lineup passes the validator before a byte is written.

use super::{entry_cells, validate, LateSwap, Lineup, NewLineup, ValidationRules};
use crate::dk::lineup_file::{write_upload, EntryCells};
use crate::dk::{FileError, LineupFile, ROSTER};
use crate::slate::Slate;
use crate::{Error, Result};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// What to export, and where.
#[derive(Debug, Clone, PartialEq, Deserialize, TS)]
pub struct ExportRequest {
    /// The slate.
    pub slate_id: i32,
    /// The lineups, in the order to write them; None for every lineup of the slate.
    pub lineup_ids: Option<Vec<i32>>,
    /// The file to write.
    pub out: String,
    /// A DraftKings entries file to fill instead of writing a plain upload file.
    pub entries: Option<String>,
    /// Late-swap time for an entries fill: games kicked off by then are locked (default: now).
    #[ts(type = "string | null")]
    pub as_of: Option<DateTime<Utc>>,
}

/// What an export wrote.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct ExportReport {
    /// The file written.
    pub path: String,
    /// Lineups written.
    pub lineups_written: u32,
    /// Entry rows in the entries file (0 for an upload file).
    pub entries_total: u32,
    /// Entries left as they were, each with the reason.
    pub entries_kept: Vec<String>,
}

/// What a lineup-file import stored.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct LineupImportReport {
    /// The lineups of the file, in file order (existing or new ids).
    pub lineup_ids: Vec<i32>,
    /// Lineups that were new.
    pub added: u32,
    /// Lineups that were already stored.
    pub already_stored: u32,
}

fn invalid(lineup: String, problems: Vec<super::LineupProblem>) -> Error {
    Error::InvalidLineup {
        lineup,
        problems: problems.iter().map(ToString::to_string).collect(),
    }
}

fn require_exportable(slate: &Slate) -> Result<()> {
    if slate.summary.exportable {
        Ok(())
    } else {
        Err(Error::InvalidInput(format!(
            "Slate '{}' came from a pre-2018 salary file without player IDs; DraftKings needs IDs, \
             so its lineups cannot be exported. Import a current salary file for this slate.",
            slate.summary.name
        )))
    }
}

/// The bytes of an upload file, or of `entries` filled with the lineups, and what was done.
/// Fails without output if any lineup breaks a rule (upload) or no entry can be filled.
pub fn export(
    slate: &Slate,
    lineups: &[Lineup],
    entries: Option<&LineupFile>,
    rules: &ValidationRules,
    as_of: DateTime<Utc>,
) -> Result<(Vec<u8>, ExportReport)> {
    require_exportable(slate)?;
    if lineups.is_empty() {
        return Err(Error::InvalidInput(format!(
            "Slate '{}' has no lineups to export.",
            slate.summary.name
        )));
    }
    match entries {
        None => export_upload(slate, lineups, rules),
        Some(file) => fill_entries(slate, lineups, file, rules, as_of),
    }
}

fn export_upload(
    slate: &Slate,
    lineups: &[Lineup],
    rules: &ValidationRules,
) -> Result<(Vec<u8>, ExportReport)> {
    let mut rows = Vec::with_capacity(lineups.len());
    for lineup in lineups {
        let problems = validate(slate, &lineup.player_ids(), rules);
        if !problems.is_empty() {
            return Err(invalid(format!("Lineup {}", lineup.id), problems));
        }
        let mut ids = [0i64; 9];
        for (id, slot) in ids.iter_mut().zip(&lineup.slots) {
            *id = slot.player.dk_id.unwrap_or_default();
        }
        rows.push(ids);
    }
    let text = write_upload(&rows).map_err(Error::InvalidInput)?;
    Ok((
        text.into_bytes(),
        ExportReport {
            path: String::new(),
            lineups_written: rows.len() as u32,
            entries_total: 0,
            entries_kept: vec![],
        },
    ))
}

fn fill_entries(
    slate: &Slate,
    lineups: &[Lineup],
    file: &LineupFile,
    rules: &ValidationRules,
    as_of: DateTime<Utc>,
) -> Result<(Vec<u8>, ExportReport)> {
    if !file.is_entries {
        return Err(Error::InvalidFile(FileError::new(
            &file.file,
            Some(1),
            None,
            "this is not a DraftKings entries file (no 'Entry ID' column)",
        )));
    }
    let mut used = vec![false; lineups.len()];
    let mut fills: Vec<(usize, EntryCells)> = Vec::new();
    let mut kept = Vec::new();
    for (row_index, row) in file.rows.iter().enumerate() {
        let entry = row.entry_id.as_deref().unwrap_or("?");
        let mut locked = [None; 9];
        for (k, cell) in row.cells.iter().enumerate() {
            if let Some(cell) = cell.filter(|c| c.locked) {
                let player = slate.player_by_dk_id(cell.dk_id).ok_or_else(|| {
                    FileError::new(
                        &file.file,
                        Some(row.line),
                        Some(ROSTER[k].as_str()),
                        format!(
                            "locked player {} is not on slate '{}'",
                            cell.dk_id, slate.summary.name
                        ),
                    )
                })?;
                locked[k] = Some(player.id);
            }
        }
        let entry_rules = ValidationRules {
            salary_cap: rules.salary_cap,
            late_swap: Some(LateSwap { now: as_of, locked }),
        };
        let choice = (0..lineups.len()).find(|&i| {
            !used[i] && validate(slate, &lineups[i].player_ids(), &entry_rules).is_empty()
        });
        let Some(i) = choice else {
            let why = if used.iter().all(|u| *u) {
                "no lineup left to put in it"
            } else if locked.iter().any(Option::is_some) {
                "no lineup keeps its locked players in their slots without moving a started player"
            } else {
                "no lineup is free of players whose games have started"
            };
            kept.push(format!("entry {entry} (line {}): {why}", row.line));
            continue;
        };
        used[i] = true;
        let cells = entry_cells(&row.cells, |k| &lineups[i].slots[k].player);
        fills.push((row_index, cells));
    }
    if fills.is_empty() {
        return Err(Error::InvalidInput(format!(
            "No entry of {} could be filled: {}",
            file.file,
            if kept.is_empty() {
                "it has no entry rows".to_string()
            } else {
                kept.join("; ")
            }
        )));
    }
    let filled = fills.len() as u32;
    Ok((
        file.filled(&fills),
        ExportReport {
            path: String::new(),
            lineups_written: filled,
            entries_total: file.rows.len() as u32,
            entries_kept: kept,
        },
    ))
}

/// The complete lineups of an upload or entries file, as slate players, each validated.
pub fn read_file(
    slate: &Slate,
    file: &LineupFile,
    rules: &ValidationRules,
) -> Result<Vec<NewLineup>> {
    require_exportable(slate)?;
    let mut lineups = Vec::new();
    for row in &file.rows {
        let Some(dk_ids) = row.dk_ids() else {
            continue; // an entry not filled yet
        };
        let mut players = [0i32; 9];
        for (k, dk_id) in dk_ids.iter().enumerate() {
            players[k] = slate
                .player_by_dk_id(*dk_id)
                .ok_or_else(|| {
                    FileError::new(
                        &file.file,
                        Some(row.line),
                        Some(ROSTER[k].as_str()),
                        format!("player ID {dk_id} is not on slate '{}'", slate.summary.name),
                    )
                })?
                .id;
        }
        let problems = validate(slate, &players, rules);
        if !problems.is_empty() {
            return Err(invalid(
                format!("{}, line {}", file.file, row.line),
                problems,
            ));
        }
        lineups.push(NewLineup {
            players,
            projected_points: None,
        });
    }
    if lineups.is_empty() {
        return Err(Error::InvalidFile(FileError::new(
            &file.file,
            None,
            None,
            "the file holds no complete lineup",
        )));
    }
    Ok(lineups)
}
