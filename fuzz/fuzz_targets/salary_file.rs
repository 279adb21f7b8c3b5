//! Any bytes given to the salary-file parser give a file or an error naming the file; never a
//! panic. A parsed file's rows are consistent with what the parser promises.
#![no_main]

use libfuzzer_sys::fuzz_target;
use nfl_dfs_core::dk::SalaryFile;

fuzz_target!(|bytes: &[u8]| {
    match SalaryFile::parse("fuzz.csv", bytes) {
        Ok(file) => {
            assert!(!file.rows.is_empty());
            for row in &file.rows {
                assert!(row.salary > 0);
                assert!(!row.name.is_empty());
                assert!(row.line > 0);
            }
            let _ = file.games();
        }
        Err(e) => assert!(e.to_string().starts_with("fuzz.csv")),
    }
});
