//! Where a CSV record starts in its file. The `csv` crate reports a record's position at the end
//! of the previous record's terminator, so after CRLF or blank lines its byte and line point one
//! or more line breaks too early; this skips them.

use super::FileError;
use csv::StringRecord;

/// A record the reader of `body` (the bytes it read) returned, with the line it starts on, or
/// the CSV error naming its line.
pub(crate) fn located(
    file: &str,
    body: &[u8],
    record: csv::Result<StringRecord>,
) -> Result<(StringRecord, u64), FileError> {
    let record = record.map_err(|e| {
        FileError::new(
            file,
            e.position().map(|p| p.line()),
            None,
            format!("not valid CSV: {e}"),
        )
    })?;
    let line = record_start(body, &record).1;
    Ok((record, line))
}

/// The record's first byte and its 1-based line in `bytes` (the bytes the reader read).
pub fn record_start(bytes: &[u8], record: &StringRecord) -> (usize, u64) {
    let Some(position) = record.position() else {
        return (0, 0);
    };
    let mut byte = position.byte() as usize;
    let mut line = position.line();
    while let Some(&b) = bytes.get(byte) {
        if b == b'\n' {
            line += 1;
        } else if b != b'\r' {
            break;
        }
        byte += 1;
    }
    (byte, line)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_and_bytes_are_exact_with_crlf_lf_and_blank_lines() {
        for text in [
            "a,b\r\n4001,\"x y\",1\r\n\r\n,,q\r\n",
            "a,b\n4001,\"x y\",1\n\n,,q\n",
        ] {
            let bytes = text.as_bytes();
            let mut reader = csv::ReaderBuilder::new()
                .has_headers(false)
                .flexible(true)
                .from_reader(bytes);
            let starts: Vec<(u8, u64)> = reader
                .records()
                .map(|r| {
                    let (byte, line) = record_start(bytes, &r.unwrap());
                    (bytes[byte], line)
                })
                .collect();
            assert_eq!(starts, [(b'a', 1), (b'4', 2), (b',', 4)], "{text:?}");
        }
    }
}
