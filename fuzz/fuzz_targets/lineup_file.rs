//! Any bytes given to the lineup-file reader give a file or an error naming the file; a parsed
//! file filled with nothing is the input byte for byte, and filled rows parse back.
#![no_main]

use libfuzzer_sys::fuzz_target;
use nfl_dfs_core::dk::lineup_file::EntryCells;
use nfl_dfs_core::dk::LineupFile;

fuzz_target!(|bytes: &[u8]| {
    match LineupFile::parse("fuzz.csv", bytes) {
        Ok(file) => {
            assert_eq!(file.filled(&[]), bytes);
            let cells: EntryCells = std::array::from_fn(|k| format!("P{k} ({})", k + 1));
            let fills: Vec<(usize, EntryCells)> =
                (0..file.rows.len()).map(|i| (i, cells.clone())).collect();
            let again = LineupFile::parse("fuzz.csv", &file.filled(&fills))
                .expect("a filled file parses");
            assert_eq!(again.rows.len(), file.rows.len());
        }
        Err(e) => assert!(e.to_string().starts_with("fuzz.csv")),
    }
});
