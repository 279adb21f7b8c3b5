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
        .from_reader(without_bom(bytes));
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

/// The records of the reader [`open`] gave over `bytes`, each with the line it starts on; a
/// malformed one is an error naming its line.
pub(crate) fn records<'r, R: Read>(
    file: &'r str,
    bytes: &'r [u8],
    reader: &'r mut Reader<R>,
) -> impl Iterator<Item = Result<(StringRecord, Option<u64>), FileError>> + 'r {
    let body = without_bom(bytes);
    reader.records().map(move |record| {
        let (record, line) = super::csv_position::located(file, body, record)?;
        Ok((record, Some(line)))
    })
}

/// `bytes` without a leading byte-order mark.
fn without_bom(bytes: &[u8]) -> &[u8] {
    bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes)
}
