//! The lineup-file reader never panics: arbitrary bytes and mutated entries files give a file or
//! an error naming the file; and filling a parsed file with its own cells changes nothing.

use nfl_dfs_domain::dk::lineup_file::EntryCells;
use nfl_dfs_domain::dk::LineupFile;
use proptest::prelude::*;

const ENTRIES: &str = "Entry ID,Contest Name,Contest ID,Entry Fee,QB,RB,RB,WR,WR,WR,TE,FLEX,DST,,Instructions\r\n\
4001,\"NFL $5, Single Entry\",900,$5,A (1),B (2),C (3),D (4),E (5),F (6),G (7),H (8),I (9) (LOCKED),,1. Locate\r\n\
4002,NFL $5 Single Entry,900,$5,,,,,,,,,,,2. Copy\r\n\
\r\n\
,,,,,,,,,,,,,,,Position,Name + ID\r\n";

proptest! {
    #![proptest_config(ProptestConfig {
        cases: crate::common::proptest_cases(),
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    /// Arbitrary bytes: an error or a file, never a panic.
    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..600)) {
        if let Ok(file) = LineupFile::parse("fuzz.csv", &bytes) {
            let _ = file.filled(&[]);
        }
    }

    /// An entries file with bytes overwritten, inserted or cut: an error naming the file, or a
    /// file that, filled with nothing, is byte-for-byte the input.
    #[test]
    fn mutated_entries_files_never_panic(
        edits in proptest::collection::vec((0usize..400, any::<u8>(), 0u8..3), 1..12)
    ) {
        let bytes = crate::common::mutate(ENTRIES.as_bytes(), &edits);
        match LineupFile::parse("fuzz.csv", &bytes) {
            Err(e) => prop_assert!(e.to_string().starts_with("fuzz.csv")),
            Ok(file) => {
                prop_assert_eq!(file.filled(&[]), bytes.clone());
                // Filling every row with fixed cells keeps the row count and re-parses.
                let cells: EntryCells = std::array::from_fn(|k| format!("P{k} ({})", k + 1));
                let fills: Vec<(usize, EntryCells)> =
                    (0..file.rows.len()).map(|i| (i, cells.clone())).collect();
                let out = file.filled(&fills);
                let again = LineupFile::parse("fuzz.csv", &out);
                prop_assert!(again.is_ok(), "a filled file no longer parses: {:?}", again.err());
                let again = again.unwrap();
                prop_assert_eq!(again.rows.len(), file.rows.len());
                for row in &again.rows {
                    prop_assert_eq!(row.dk_ids(), Some(std::array::from_fn(|k| k as i64 + 1)));
                }
            }
        }
    }
}
