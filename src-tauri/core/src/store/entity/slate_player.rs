//! `slate_players`: the players of a slate as DraftKings lists them, with the user's toggles.

use sea_orm::entity::prelude::*;

/// One player of one slate.
#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "slate_players")]
pub struct Model {
    /// Row id.
    #[sea_orm(primary_key)]
    pub id: i32,
    /// The slate.
    pub slate_id: i32,
    /// DraftKings player ID (absent in pre-2018 files).
    pub dk_id: Option<i64>,
    /// Name as DraftKings prints it.
    pub name: String,
    /// DraftKings position.
    pub position: String,
    /// Roster positions, e.g. `RB/FLEX`.
    pub roster_positions: String,
    /// Team code.
    pub team: String,
    /// Opponent's team code, when the player has a game.
    pub opponent: Option<String>,
    /// The game, when the player has one.
    pub game_id: Option<i32>,
    /// What the salary file said of the game: `scheduled`, `in_progress`, `final`,
    /// `postponed` or `no_game`.
    pub game_state: String,
    /// Salary in dollars.
    pub salary: i32,
    /// DraftKings' AvgPointsPerGame.
    pub avg_points_per_game: f64,
    /// The matched NFL player.
    pub player_id: Option<i32>,
    /// Locked into every lineup by the user.
    pub locked: bool,
    /// Excluded from every lineup by the user.
    pub excluded: bool,
    /// The user's own projection.
    pub projection_override: Option<f64>,
    /// The user's word on whether he plays (None: the app's estimate).
    pub play_override: Option<bool>,
}

/// No relations are navigated from slate players yet.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
