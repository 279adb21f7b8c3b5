//! DraftKings NFL classic file formats: the salary file (three layouts met in the wild) and
//! the vocabulary they share (positions, game info). Facts: `../shared/docs/dfs-reference.md`.

pub mod game_info;
pub mod position;
pub mod salary_file;

pub use game_info::GameInfo;
pub use position::Position;
pub use salary_file::{SalaryFile, SalaryFileError, SalaryLayout, SalaryRow};
