//! Schema migrations of the NFL DFS database.
//!
//! Every schema change is a new migration appended to [`Migrator::migrations`]; a migration that
//! has shipped is never edited. The app refuses a database that has migrations it does not know
//! (made by a newer version), so the order and names here are the schema's version history.

pub use sea_orm_migration::prelude::*;

mod m20261128_000001_initial;
mod m20261128_000002_lineups;
mod m20261128_000003_nflverse;
mod m20261128_000004_player_links;
mod m20261128_000005_dst_games;
mod m20261128_000006_rosters_injuries_snaps;
mod m20261128_000007_models;
mod m20261129_000008_play_override;
mod m20261129_000009_player_ids;
mod m20261129_000010_advanced_stats;
mod m20261201_000011_contests;
mod m20261206_000012_depth_charts;
mod m20261206_000013_contest_picks;
mod m20261206_000014_standings_listings;
mod m20261207_000015_contest_games;

/// The app's migrator: the ordered list of every migration the app knows.
pub struct Migrator;

#[async_trait::async_trait]
impl MigratorTrait for Migrator {
    fn migrations() -> Vec<Box<dyn MigrationTrait>> {
        vec![
            Box::new(m20261128_000001_initial::Migration),
            Box::new(m20261128_000002_lineups::Migration),
            Box::new(m20261128_000003_nflverse::Migration),
            Box::new(m20261128_000004_player_links::Migration),
            Box::new(m20261128_000005_dst_games::Migration),
            Box::new(m20261128_000006_rosters_injuries_snaps::Migration),
            Box::new(m20261128_000007_models::Migration),
            Box::new(m20261129_000008_play_override::Migration),
            Box::new(m20261129_000009_player_ids::Migration),
            Box::new(m20261129_000010_advanced_stats::Migration),
            Box::new(m20261201_000011_contests::Migration),
            Box::new(m20261206_000012_depth_charts::Migration),
            Box::new(m20261206_000013_contest_picks::Migration),
            Box::new(m20261206_000014_standings_listings::Migration),
            Box::new(m20261207_000015_contest_games::Migration),
        ]
    }
}
