//! Lineup files: the upload CSV DraftKings accepts (`QB,RB,RB,WR,WR,WR,TE,FLEX,DST` and bare
//! IDs) and the entries file (`DKEntries.csv`: entry columns, the nine slots, instructions and
//! the player table), which is filled in place for edits and late swap.
//!
//! Filling rewrites only the slot cells of the entry rows it fills; every other byte of the file
//! (other cells, the player table, blank lines, line endings, a BOM) is kept as it was.

use super::csv_position::record_start;
use super::slot::ROSTER;
use super::FileError;
use csv::{ReaderBuilder, StringRecord, WriterBuilder};
use std::ops::Range;

/// DraftKings accepts at most this many lineups per upload file.
pub const MAX_UPLOAD_LINEUPS: usize = 500;

/// The header line of an upload file.
pub fn upload_header() -> String {
    ROSTER.map(|s| s.as_str()).join(",")
}

/// One player cell of a lineup file: `12345`, `Name (12345)` or `Name (12345) (LOCKED)`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PlayerCell {
    /// The DraftKings player ID.
    pub dk_id: i64,
    /// DraftKings marked the player `(LOCKED)`: his game has started and he cannot be moved.
    pub locked: bool,
}

impl PlayerCell {
    /// Reads a cell; `Ok(None)` for an empty one.
    pub fn parse(text: &str) -> Result<Option<PlayerCell>, String> {
        let mut rest = text.trim();
        if rest.is_empty() {
            return Ok(None);
        }
        let locked = match rest.strip_suffix("(LOCKED)") {
            Some(before) => {
                rest = before.trim_end();
                true
            }
            None => false,
        };
        let id_text = match rest.strip_suffix(')') {
            Some(inner) => inner.rsplit_once('(').map(|(_, id)| id.trim()),
            None => Some(rest),
        };
        id_text
            .and_then(|t| t.parse::<i64>().ok())
            .filter(|id| *id > 0)
            .map(|dk_id| Some(PlayerCell { dk_id, locked }))
            .ok_or_else(|| {
                format!(
                    "'{text}' is not a player (expected an ID or 'Name (ID)')",
                    text = text.trim()
                )
            })
    }
}

/// Writes the upload file for lineups given as DraftKings IDs in roster order.
pub fn write_upload(lineups: &[[i64; 9]]) -> Result<String, String> {
    if lineups.is_empty() {
        return Err("there are no lineups to export".into());
    }
    if lineups.len() > MAX_UPLOAD_LINEUPS {
        return Err(format!(
            "{} lineups do not fit one upload file (DraftKings takes at most {MAX_UPLOAD_LINEUPS})",
            lineups.len()
        ));
    }
    let mut text = upload_header();
    text.push_str("\r\n");
    for lineup in lineups {
        text.push_str(&lineup.map(|id| id.to_string()).join(","));
        text.push_str("\r\n");
    }
    Ok(text)
}

/// One lineup row of a lineup file (an upload row or an entry row).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LineupRow {
    /// Line of the file (1-based).
    pub line: u64,
    /// The entry's `Entry ID` (entries files only).
    pub entry_id: Option<String>,
    /// The contest's name (entries files only).
    pub contest_name: Option<String>,
    /// The nine cells in roster order; empty cells are None (an entry not filled yet).
    pub cells: [Option<PlayerCell>; 9],
    /// The row's parsed cells, to rewrite it.
    record: Vec<String>,
    /// The row's bytes in the file, without its line ending.
    span: Range<usize>,
}

impl LineupRow {
    /// The nine DraftKings IDs, when every slot is filled.
    pub fn dk_ids(&self) -> Option<[i64; 9]> {
        let mut ids = [0; 9];
        for (id, cell) in ids.iter_mut().zip(&self.cells) {
            *id = cell.as_ref()?.dk_id;
        }
        Some(ids)
    }
}

/// A parsed lineup file: an upload file or a DraftKings entries file.
#[derive(Debug, Clone)]
pub struct LineupFile {
    /// The file's name, for messages.
    pub file: String,
    /// The lineup rows (upload) or entry rows (entries file), in file order.
    pub rows: Vec<LineupRow>,
    /// Whether it is an entries file (it has an `Entry ID` column).
    pub is_entries: bool,
    slot_start: usize,
    text: String,
    bom: bool,
}

/// What to write into one entry row: the nine cells in roster order.
pub type EntryCells = [String; 9];

impl LineupFile {
    /// Parses an upload or entries file. Its first row must hold the nine slot headers in order.
    pub fn parse(file: &str, bytes: &[u8]) -> Result<LineupFile, FileError> {
        let fail = |line: Option<u64>, column: Option<&str>, message: String| {
            FileError::new(file, line, column, message)
        };
        let bom = bytes.starts_with(b"\xEF\xBB\xBF");
        let body = if bom { &bytes[3..] } else { bytes };
        let text = std::str::from_utf8(body)
            .map_err(|_| fail(None, None, "this is not a CSV text file".into()))?
            .to_string();
        if text.trim().is_empty() {
            return Err(fail(None, None, "the file is empty".into()));
        }
        let mut reader = ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .from_reader(text.as_bytes());
        let mut records: Vec<StringRecord> = Vec::new();
        for record in reader.records() {
            records.push(record.map_err(|e| {
                let line = e.position().map(|p| p.line());
                fail(line, None, format!("not valid CSV: {e}"))
            })?);
        }
        let header = records
            .first()
            .ok_or_else(|| fail(None, None, "the file is empty".into()))?;
        let cells: Vec<&str> = header.iter().map(str::trim).collect();
        let slot_names = ROSTER.map(|s| s.as_str());
        let slot_start = (0..cells.len().saturating_sub(8))
            .find(|&i| cells[i..i + 9] == slot_names)
            .ok_or_else(|| {
                fail(
                    Some(1),
                    None,
                    format!(
                        "the first row must hold the slot columns {} in this order",
                        upload_header()
                    ),
                )
            })?;
        let find = |name: &str| cells.iter().position(|c| c.eq_ignore_ascii_case(name));
        let entry_col = find("Entry ID");
        let contest_col = find("Contest Name");

        let mut rows = Vec::new();
        for (index, record) in records.iter().enumerate().skip(1) {
            let cell = |i: usize| record.get(i).unwrap_or("").trim();
            let entry_id = entry_col.map(cell).filter(|c| !c.is_empty());
            let slot_cells: Vec<&str> = (slot_start..slot_start + 9).map(cell).collect();
            let is_row = match entry_col {
                Some(_) => entry_id.is_some(),
                None => slot_cells.iter().any(|c| !c.is_empty()),
            };
            if !is_row {
                continue;
            }
            let (start, line) = record_start(text.as_bytes(), record);
            let mut parsed = [None; 9];
            for (k, text) in slot_cells.iter().enumerate() {
                parsed[k] = PlayerCell::parse(text)
                    .map_err(|m| fail(Some(line), Some(slot_names[k]), m))?;
                if parsed[k].is_none() && entry_col.is_none() {
                    return Err(fail(
                        Some(line),
                        Some(slot_names[k]),
                        "the cell is empty (every slot needs a player ID)".into(),
                    ));
                }
            }
            let end = records
                .get(index + 1)
                .map_or(text.len(), |next| record_start(text.as_bytes(), next).0);
            let raw = &text[start..end];
            let content_len = raw.trim_end_matches(['\r', '\n']).len();
            rows.push(LineupRow {
                line,
                entry_id: entry_id.map(str::to_string),
                contest_name: contest_col.map(|c| cell(c).to_string()),
                cells: parsed,
                record: record.iter().map(str::to_string).collect(),
                span: start..start + content_len,
            });
        }
        Ok(LineupFile {
            file: file.to_string(),
            rows,
            is_entries: entry_col.is_some(),
            slot_start,
            text,
            bom,
        })
    }

    /// The file with the given rows' slot cells replaced (`fills` pairs a row index of
    /// [`LineupFile::rows`] with its nine cells). Every other byte is kept.
    pub fn filled(&self, fills: &[(usize, EntryCells)]) -> Vec<u8> {
        let mut fills: Vec<&(usize, EntryCells)> = fills.iter().collect();
        fills.sort_by_key(|(row, _)| self.rows[*row].span.start);
        let mut out = Vec::with_capacity(self.text.len() + 3 + fills.len() * 64);
        if self.bom {
            out.extend_from_slice(b"\xEF\xBB\xBF");
        }
        let mut at = 0;
        for (row_index, cells) in fills {
            let row = &self.rows[*row_index];
            out.extend_from_slice(&self.text.as_bytes()[at..row.span.start]);
            let mut record = row.record.clone();
            if record.len() < self.slot_start + 9 {
                record.resize(self.slot_start + 9, String::new());
            }
            for (k, cell) in cells.iter().enumerate() {
                record[self.slot_start + k] = cell.clone();
            }
            out.extend_from_slice(&write_record(&record));
            at = row.span.end;
        }
        out.extend_from_slice(&self.text.as_bytes()[at..]);
        out
    }
}

/// One CSV record without a line ending, quoted only where needed.
fn write_record(record: &[String]) -> Vec<u8> {
    let mut writer = WriterBuilder::new()
        .flexible(true)
        .terminator(csv::Terminator::Any(b'\n'))
        .from_writer(Vec::new());
    writer
        .write_record(record)
        .and_then(|_| writer.flush().map_err(csv::Error::from))
        .expect("writing CSV to memory cannot fail");
    let mut bytes = writer.into_inner().expect("flushed above");
    bytes.pop(); // the terminator
    bytes
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_player_cells_in_every_form() {
        let ok = [
            ("16006097", 16006097, false),
            (" Patrick Mahomes (16006097) ", 16006097, false),
            ("Falcons  (16006500) (LOCKED)", 16006500, true),
            ("A.J. Brown (Jr.) (123)", 123, false),
        ];
        for (text, id, locked) in ok {
            assert_eq!(
                PlayerCell::parse(text).unwrap(),
                Some(PlayerCell { dk_id: id, locked }),
                "{text}"
            );
        }
        assert_eq!(PlayerCell::parse("  ").unwrap(), None);
        for bad in ["Patrick Mahomes", "(x)", "-5", "12 34"] {
            assert!(PlayerCell::parse(bad)
                .unwrap_err()
                .contains("is not a player"));
        }
    }

    #[test]
    fn upload_file_is_the_header_and_bare_ids() {
        let text = write_upload(&[[1, 2, 3, 4, 5, 6, 7, 8, 9]]).unwrap();
        assert_eq!(
            text,
            "QB,RB,RB,WR,WR,WR,TE,FLEX,DST\r\n1,2,3,4,5,6,7,8,9\r\n"
        );
        assert!(write_upload(&[]).is_err());
        let too_many = vec![[1; 9]; MAX_UPLOAD_LINEUPS + 1];
        assert!(write_upload(&too_many).unwrap_err().contains("at most 500"));
        let parsed = LineupFile::parse("u.csv", text.as_bytes()).unwrap();
        assert!(!parsed.is_entries);
        assert_eq!(parsed.rows[0].dk_ids(), Some([1, 2, 3, 4, 5, 6, 7, 8, 9]));
    }

    const ENTRIES: &str = "\u{feff}Entry ID,Contest Name,Contest ID,Entry Fee,QB,RB,RB,WR,WR,WR,TE,FLEX,DST,,Instructions\r\n\
        4001,\"NFL $5 Single Entry\",900,$5,,,,,,,,,,,1. Locate the player\r\n\
        4002,NFL $5 Single Entry,900,$5,Josh Allen (11) (LOCKED),B (12),C (13),D (14),E (15),F (16),G (17),H (18),I (19),,2. Copy the ID\r\n\
        \r\n\
        ,,,,,,,,,,,,,,,Position,Name + ID\r\n";

    #[test]
    fn entries_fill_changes_only_the_slot_cells_of_filled_rows() {
        let file = LineupFile::parse("DKEntries.csv", ENTRIES.as_bytes()).unwrap();
        assert!(file.is_entries);
        assert_eq!(file.rows.len(), 2);
        assert_eq!(file.rows[0].entry_id.as_deref(), Some("4001"));
        assert_eq!(file.rows[0].dk_ids(), None);
        assert!(file.rows[1].cells[0].unwrap().locked);
        assert_eq!(file.rows[1].line, 3);

        let cells: EntryCells = std::array::from_fn(|k| format!("P{k} ({})", 100 + k));
        let out = String::from_utf8(file.filled(&[(0, cells)])).unwrap();
        let expected = ENTRIES.replace(
            "4001,\"NFL $5 Single Entry\",900,$5,,,,,,,,,,,",
            "4001,NFL $5 Single Entry,900,$5,P0 (100),P1 (101),P2 (102),P3 (103),P4 (104),P5 (105),P6 (106),P7 (107),P8 (108),,",
        );
        assert_eq!(out, expected);
        let again = LineupFile::parse("DKEntries.csv", out.as_bytes()).unwrap();
        assert_eq!(
            again.rows[0].dk_ids(),
            Some(std::array::from_fn(|k| 100 + k as i64))
        );
        assert_eq!(again.rows[1].cells, file.rows[1].cells);
    }

    #[test]
    fn bad_lineup_files_name_line_and_column() {
        let cases = [
            ("", "x.csv: the file is empty"),
            (
                "a,b\n1,2\n",
                "x.csv, line 1: the first row must hold the slot columns",
            ),
            (
                "QB,RB,RB,WR,WR,WR,TE,FLEX,DST\n1,2,3,4,5,6,7,,9\n",
                "x.csv, line 2, column 'FLEX': the cell is empty",
            ),
            (
                "QB,RB,RB,WR,WR,WR,TE,FLEX,DST\n1,2,3,4,5,6,7,8,Ravens\n",
                "x.csv, line 2, column 'DST': 'Ravens' is not a player",
            ),
        ];
        for (text, expected) in cases {
            let err = LineupFile::parse("x.csv", text.as_bytes())
                .unwrap_err()
                .to_string();
            assert!(
                err.starts_with(expected),
                "expected '{expected}', got '{err}'"
            );
        }
    }
}
