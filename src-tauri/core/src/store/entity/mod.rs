//! sea-orm entities, one module per table. The schema itself is defined by the `migration`
//! crate; these mirror it for typed queries.

pub mod game;
pub mod lineup;
pub mod lineup_slot;
pub mod player;
pub mod setting;
pub mod slate;
pub mod slate_game;
pub mod slate_player;
pub mod team;
