//! Helpers of the domain's property tests.

/// Cases per property: 2000 in `cargo test`; `PROPTEST_CASES=1000000` for a long fuzzing run.
pub fn proptest_cases() -> u32 {
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|c| c.parse().ok())
        .unwrap_or(2000)
}

/// A file with bytes overwritten (kind 0), inserted (1) or cut (2) at the given offsets: the
/// mutations of the parsers' property tests.
pub fn mutate(original: &[u8], edits: &[(usize, u8, u8)]) -> Vec<u8> {
    let mut bytes = original.to_vec();
    for &(at, byte, kind) in edits {
        let at = at % (bytes.len() + 1);
        match kind {
            0 if at < bytes.len() => bytes[at] = byte,
            1 => bytes.insert(at, byte),
            _ if at < bytes.len() => {
                bytes.remove(at);
            }
            _ => {}
        }
    }
    bytes
}
