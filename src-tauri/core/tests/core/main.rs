//! The core's tests, one binary (each module links sea-orm and the domain once).
//! Tests that need `../shared/data` skip with a printed reason where it is absent.

mod architecture;
mod availability;
mod backups;
mod common;
mod contests;
mod demo_models;
mod doctor;
mod download;
mod hostile_readers;
mod identity;
mod late_swap;
mod lineup_files;
mod logging;
mod models;
mod next_man_up;
mod nflverse;
mod optimizer;
mod play_by_play;
mod scheduled;
mod slates;
mod workspace;
