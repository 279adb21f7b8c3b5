//! Small CSV files read by column name (a payout table, a projections file): the header's
//! columns found whatever their case, a leading byte-order mark skipped, cells trimmed, and
//! every error naming the file and the line.

use super::FileError;
use csv::{Reader, ReaderBuilder, StringRecord};
use std::io::Read;

/// A reader over `bytes` and the index of each of `names` in its header; a missing column is
/// an error listing them all.
pub(crate) fn open<'b, const N: usize>(
    file: &str,
    bytes: &'b [u8],
    names: [&str; N],
) -> Result<(Reader<&'b [u8]>, [usize; N]), FileError> {
    let mut reader = ReaderBuilder::new()
        .trim(csv::Trim::All)
        .from_reader(bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes));
    let header = reader
        .headers()
        .map_err(|e| FileError::new(file, Some(1), None, format!("not valid CSV: {e}")))?
        .clone();
    let mut columns = [0; N];
    for (column, name) in columns.iter_mut().zip(names) {
        *column = header
            .iter()
            .position(|h| h.eq_ignore_ascii_case(name))
            .ok_or_else(|| {
                FileError::new(
                    file,
                    Some(1),
                    None,
                    format!("the header must have the columns {}", names.join(" and ")),
                )
            })?;
    }
    Ok((reader, columns))
}

/// The reader's records, each with its line; a malformed one is an error naming its line.
pub(crate) fn records<'r, R: Read>(
    file: &'r str,
    reader: &'r mut Reader<R>,
) -> impl Iterator<Item = Result<(StringRecord, Option<u64>), FileError>> + 'r {
    reader.records().map(move |record| {
        let record = record.map_err(|e| {
            FileError::new(
                file,
                e.position().map(|p| p.line()),
                None,
                format!("not valid CSV: {e}"),
            )
        })?;
        let line = record.position().map(|p| p.line());
        Ok((record, line))
    })
}
