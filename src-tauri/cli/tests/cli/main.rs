//! The CLI's tests, one binary: the real `nfl-dfs-cli` run against real data folders.

mod cli;
mod faults;
mod hostile;

/// A salary file's text with the first player's `Salary` cell (line 2, sixth column) replaced
/// by `cell`, written as is (a cell with a comma shifts the columns after it).
pub fn with_first_salary(text: &str, cell: &str) -> String {
    let mut lines: Vec<String> = text.split("\r\n").map(str::to_string).collect();
    let mut cells: Vec<&str> = lines[1].split(',').collect();
    cells[5] = cell;
    lines[1] = cells.join(",");
    lines.join("\r\n")
}
