//! DraftKings NFL classic file formats: the salary file (three layouts met in the wild), lineup
//! files (upload and entries), and the vocabulary they share (positions, slots, game info).
//! Facts: `../shared/docs/dfs-reference.md`.

pub(crate) mod csv_position;
pub mod file_error;
pub mod game_info;
pub mod lineup_file;
pub(crate) mod named_columns;
pub mod position;
pub mod salary_file;
pub mod slot;

pub use file_error::FileError;
pub use game_info::GameInfo;
pub use lineup_file::{LineupFile, PlayerCell};
pub use position::Position;
pub use salary_file::{SalaryFile, SalaryLayout, SalaryRow};
pub use slot::{slot_index, slot_labels, Slot, ROSTER, SALARY_CAP};
