//! Reads that stop at a cap: a compressed or downloaded stream may expand to gigabytes, a
//! line may never end. The readers fail with an error saying what the cap was, so a parser
//! never holds more than that.

use std::io::Read;

/// Reads at most `limit` bytes from `reader`; more is an error saying what the cap was.
pub fn read_capped(mut reader: impl Read, limit: u64) -> std::io::Result<Vec<u8>> {
    let mut out = Vec::new();
    reader.by_ref().take(limit + 1).read_to_end(&mut out)?;
    if out.len() as u64 > limit {
        return Err(too_large(limit));
    }
    Ok(out)
}

/// The error of a read that passed its cap.
pub fn too_large(limit: u64) -> std::io::Error {
    std::io::Error::new(
        std::io::ErrorKind::InvalidData,
        format!(
            "it is larger than the {} the app accepts",
            human_bytes(limit)
        ),
    )
}

/// A reader that fails once more than `limit` bytes have passed through it.
pub struct CappedReader<R> {
    inner: R,
    left: u64,
    limit: u64,
}

impl<R> CappedReader<R> {
    /// Wraps `inner`, allowing `limit` bytes.
    pub fn new(inner: R, limit: u64) -> Self {
        CappedReader {
            inner,
            left: limit,
            limit,
        }
    }
}

impl<R: Read> Read for CappedReader<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        if buf.is_empty() {
            return Ok(0);
        }
        if self.left == 0 {
            // At the cap: anything more is too much, the end is fine.
            let mut probe = [0u8; 1];
            return match self.inner.read(&mut probe)? {
                0 => Ok(0),
                _ => Err(too_large(self.limit)),
            };
        }
        let max = buf
            .len()
            .min(usize::try_from(self.left).unwrap_or(usize::MAX));
        let n = self.inner.read(&mut buf[..max])?;
        self.left -= n as u64;
        Ok(n)
    }
}

/// A reader that fails when a line runs longer than `limit` bytes, so a parser buffering a
/// line (a CSV record) never holds more than that.
pub struct LineCappedReader<R> {
    inner: R,
    run: usize,
    limit: usize,
}

impl<R> LineCappedReader<R> {
    /// Wraps `inner`, allowing lines of `limit` bytes.
    pub fn new(inner: R, limit: usize) -> Self {
        LineCappedReader {
            inner,
            run: 0,
            limit,
        }
    }
}

impl<R: Read> Read for LineCappedReader<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        for &b in &buf[..n] {
            if b == b'\n' {
                self.run = 0;
            } else {
                self.run += 1;
                if self.run > self.limit {
                    return Err(std::io::Error::new(
                        std::io::ErrorKind::InvalidData,
                        format!(
                            "a line is longer than {}, far longer than a real row",
                            human_bytes(self.limit as u64)
                        ),
                    ));
                }
            }
        }
        Ok(n)
    }
}

/// Bytes in words (`512 MB`).
pub fn human_bytes(bytes: u64) -> String {
    if bytes >= 1 << 30 && bytes.is_multiple_of(1 << 30) {
        format!("{} GB", bytes >> 30)
    } else if bytes >= 1 << 20 {
        format!("{} MB", bytes >> 20)
    } else {
        format!("{} KB", bytes.div_ceil(1024))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn capped_reads_stop_at_the_cap() {
        assert_eq!(read_capped(&b"abc"[..], 3).unwrap(), b"abc");
        assert!(read_capped(&b"abcd"[..], 3).is_err());
        let mut out = Vec::new();
        let err = CappedReader::new(std::io::repeat(7), 1000)
            .read_to_end(&mut out)
            .unwrap_err();
        assert!(err.to_string().contains("larger than"));
        let mut out = Vec::new();
        CappedReader::new(&b"12345"[..], 5)
            .read_to_end(&mut out)
            .unwrap();
        assert_eq!(out, b"12345");
    }
}
