//! Reading nflverse CSV files by header name: one reader over plain or gzip bytes, streamed,
//! with fields looked up by any of their names across layouts, and errors that name the file,
//! line and column.

use crate::capped_read::{CappedReader, LineCappedReader};
use crate::dk::FileError;
use crate::limits;
use csv::StringRecord;
use flate2::read::MultiGzDecoder;
use std::collections::HashMap;
use std::io::{BufRead, BufReader, Read};

/// The seasons NFL data may hold: nflverse starts in 1999.
pub const SEASONS: std::ops::RangeInclusive<i32> = 1999..=2100;

/// The weeks of a season, playoffs included.
pub const WEEKS: std::ops::RangeInclusive<i32> = 1..=22;

/// No statistic of a game or season comes near this; a larger number is a damaged file.
const MAX_MAGNITUDE: f64 = 1e12;

/// How often (in records) the row hook is called.
const ROWS_PER_REPORT: u64 = 4096;

/// Called with the records read so far; returns false to stop reading.
pub type RowHook = Box<dyn FnMut(u64) -> bool + Send>;

/// A CSV file being read: its header and records, streamed.
pub struct Table {
    /// The file's name, for messages.
    pub file: String,
    reader: csv::Reader<Box<dyn Read + Send>>,
    columns: HashMap<String, usize>,
    record: StringRecord,
    rows: u64,
    on_rows: Option<RowHook>,
    stopped: bool,
    /// Whether the file's lines end in CRLF.
    crlf: bool,
}

impl Table {
    /// Opens a stream of plain or gzip CSV (told apart by the gzip magic bytes).
    pub fn open(file: &str, input: impl Read + Send + 'static) -> Result<Table, FileError> {
        let mut buffered = BufReader::with_capacity(1 << 16, input);
        let head = buffered
            .fill_buf()
            .map_err(|e| FileError::new(file, None, None, format!("cannot be read: {e}")))?;
        // Capped as read: a small gzip file can hold gigabytes, a line can be endless.
        let input: Box<dyn Read + Send> = if head.starts_with(&[0x1f, 0x8b]) {
            Box::new(BufReader::with_capacity(
                1 << 16,
                LineCappedReader::new(
                    CappedReader::new(
                        MultiGzDecoder::new(buffered),
                        limits::MAX_DECOMPRESSED_BYTES,
                    ),
                    limits::MAX_RECORD_BYTES,
                ),
            ))
        } else {
            Box::new(LineCappedReader::new(
                CappedReader::new(buffered, limits::MAX_DECOMPRESSED_BYTES),
                limits::MAX_RECORD_BYTES,
            ))
        };
        // Whether lines end in CRLF: the reader then places each record's start on the line
        // break before it, a line too early (see `dk::csv_position`).
        let mut input = BufReader::with_capacity(1 << 16, input);
        let peek = input
            .fill_buf()
            .map_err(|e| FileError::new(file, None, None, format!("cannot be read: {e}")))?;
        let crlf = peek
            .iter()
            .position(|&b| b == b'\n')
            .is_some_and(|i| i > 0 && peek[i - 1] == b'\r');
        let input: Box<dyn Read + Send> = Box::new(input);
        let mut reader = csv::ReaderBuilder::new().flexible(false).from_reader(input);
        let headers = reader.headers().map_err(|e| csv_error(file, &e))?.clone();
        let columns = headers
            .iter()
            .enumerate()
            .map(|(i, h)| (h.trim().trim_start_matches('\u{feff}').to_string(), i))
            .collect();
        Ok(Table {
            file: file.to_string(),
            reader,
            columns,
            record: StringRecord::new(),
            rows: 0,
            on_rows: None,
            stopped: false,
            crlf,
        })
    }

    /// Calls `hook` every few thousand records with the count so far; when it returns false,
    /// reading stops as if the file ended and [`Table::stopped`] is true.
    pub fn on_rows(&mut self, hook: RowHook) {
        self.on_rows = Some(hook);
    }

    /// Whether the row hook stopped the reading early.
    pub fn stopped(&self) -> bool {
        self.stopped
    }

    /// Whether the header has every one of `names`.
    pub fn has_all(&self, names: &[&str]) -> bool {
        names.iter().all(|n| self.columns.contains_key(*n))
    }

    /// The index of the first of `names` the header has.
    pub fn column(&self, names: &[&str]) -> Option<usize> {
        names.iter().find_map(|n| self.columns.get(*n).copied())
    }

    /// The index of a column the layout must have, or an error naming it.
    pub fn require(&self, names: &[&str]) -> Result<usize, FileError> {
        self.column(names).ok_or_else(|| {
            FileError::new(
                &self.file,
                Some(1),
                Some(names[0]),
                format!("the header has no '{}' column", names.join("' or '")),
            )
        })
    }

    /// Moves to the next record; false at the end.
    pub fn advance(&mut self) -> Result<bool, FileError> {
        if self.stopped {
            return Ok(false);
        }
        let more = self
            .reader
            .read_record(&mut self.record)
            .map_err(|e| csv_error(&self.file, &e))?;
        if more {
            self.rows += 1;
            if self.rows > limits::MAX_ROWS_PER_FILE {
                return Err(FileError::new(
                    &self.file,
                    Some(self.line()),
                    None,
                    format!(
                        "has more than {} rows, more than any nflverse file",
                        limits::MAX_ROWS_PER_FILE
                    ),
                ));
            }
            if self.rows.is_multiple_of(ROWS_PER_REPORT) {
                if let Some(hook) = self.on_rows.as_mut() {
                    self.stopped = !hook(self.rows);
                }
            }
        } else if let Some(hook) = self.on_rows.as_mut() {
            hook(self.rows);
        }
        Ok(more && !self.stopped)
    }

    /// The current record's line, as the file numbers it (the header is line 1).
    pub fn line(&self) -> u64 {
        self.record
            .position()
            .map_or(0, |p| p.line() + u64::from(self.crlf))
    }

    /// The current record's text in column `index`, trimmed.
    pub fn text(&self, index: usize) -> &str {
        self.record.get(index).unwrap_or("").trim()
    }

    /// The text, or None when empty or `NA`.
    pub fn optional_text(&self, index: Option<usize>) -> Option<&str> {
        index
            .map(|i| self.text(i))
            .filter(|t| !t.is_empty() && *t != "NA")
    }

    /// A number, or None when the cell is empty or `NA`; an error naming the cell otherwise.
    pub fn optional_number(&self, index: Option<usize>) -> Result<Option<f64>, FileError> {
        let Some(text) = self.optional_text(index) else {
            return Ok(None);
        };
        let index = index.expect("text came from a column");
        match text.parse::<f64>() {
            Ok(v) if v.is_finite() && v.abs() <= MAX_MAGNITUDE => Ok(Some(v)),
            Ok(_) => Err(self.error(
                index,
                format!("'{text}' is not a finite number in the range of real NFL data"),
            )),
            Err(_) => Err(self.error(index, format!("'{text}' is not a number"))),
        }
    }

    /// A number, zero when empty or `NA`.
    pub fn number(&self, index: Option<usize>) -> Result<f64, FileError> {
        Ok(self.optional_number(index)?.unwrap_or(0.0))
    }

    /// A whole number that must be there.
    pub fn integer(&self, index: usize) -> Result<i32, FileError> {
        let text = self.text(index);
        text.parse::<i32>()
            .map_err(|_| self.error(index, format!("'{text}' is not a whole number")))
    }

    /// A season (1999-2100) that must be there.
    pub fn season(&self, index: usize) -> Result<i32, FileError> {
        self.in_range(index, "season", SEASONS)
    }

    /// A week (1-22) that must be there.
    pub fn week(&self, index: usize) -> Result<i32, FileError> {
        self.in_range(index, "week", WEEKS)
    }

    /// A week that may be empty (0 then), else 1-22.
    pub fn optional_week(&self, index: Option<usize>) -> Result<i32, FileError> {
        match self.optional_text(index) {
            None => Ok(0),
            Some(_) => self.week(index.expect("text came from a column")),
        }
    }

    fn in_range(
        &self,
        index: usize,
        what: &str,
        range: std::ops::RangeInclusive<i32>,
    ) -> Result<i32, FileError> {
        // Some nflverse exports write whole numbers as `3.0`.
        let text = self.text(index);
        let value = text.parse::<i32>().ok().or_else(|| {
            text.parse::<f64>()
                .ok()
                .filter(|v| v.fract() == 0.0 && v.abs() < 1e6)
                .map(|v| v as i32)
        });
        let Some(value) = value else {
            return Err(self.error(index, format!("'{text}' is not a whole number")));
        };
        if range.contains(&value) {
            Ok(value)
        } else {
            Err(self.error(
                index,
                format!(
                    "{value} is not a {what} ({} to {})",
                    range.start(),
                    range.end()
                ),
            ))
        }
    }

    /// A text that must be there.
    pub fn required_text(&self, index: usize) -> Result<&str, FileError> {
        self.optional_text(Some(index))
            .ok_or_else(|| self.error(index, "is empty".into()))
    }

    /// An error at the current record in column `index`.
    pub fn error(&self, index: usize, message: String) -> FileError {
        let column = self
            .columns
            .iter()
            .find(|(_, i)| **i == index)
            .map(|(name, _)| name.as_str());
        FileError::new(&self.file, Some(self.line()), column, message)
    }
}

/// The index of `name` in a reader's stat-column table (column name, header names).
pub fn stat_index(columns: &[(&str, &[&str])], name: &str) -> usize {
    columns
        .iter()
        .position(|(n, _)| *n == name)
        .expect("a known stat column")
}

fn csv_error(file: &str, e: &csv::Error) -> FileError {
    let line = e.position().map(|p| p.line());
    let message = match e.kind() {
        csv::ErrorKind::UnequalLengths {
            expected_len, len, ..
        } => format!("the row has {len} cells, the header {expected_len}"),
        csv::ErrorKind::Utf8 { .. } => "is not UTF-8 text (is it a CSV file?)".into(),
        csv::ErrorKind::Io(io) => format!("cannot be read: {io}"),
        _ => e.to_string(),
    };
    FileError::new(file, line, None, message)
}
