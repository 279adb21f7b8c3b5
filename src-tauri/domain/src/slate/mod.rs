//! A DraftKings slate as the app holds it: its games, its players (salary, game state, the
//! user's lock, exclude and projection override) and what an import reported.

use crate::dk::{GameInfo, Position};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// What the salary file said of a player's game.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum GameState {
    /// The game has a kickoff time.
    Scheduled,
    /// The game had started when the file was exported.
    InProgress,
    /// The game was over.
    Final,
    /// The game was postponed.
    Postponed,
    /// The player has no game on the slate.
    NoGame,
}

impl GameState {
    /// The state of a parsed `Game Info` cell.
    pub fn of(game: &GameInfo) -> GameState {
        match game {
            GameInfo::Scheduled { .. } => GameState::Scheduled,
            GameInfo::InProgress => GameState::InProgress,
            GameInfo::Final => GameState::Final,
            GameInfo::Postponed => GameState::Postponed,
            GameInfo::NoGame => GameState::NoGame,
        }
    }

    /// As stored in the database.
    pub fn as_str(self) -> &'static str {
        match self {
            GameState::Scheduled => "scheduled",
            GameState::InProgress => "in_progress",
            GameState::Final => "final",
            GameState::Postponed => "postponed",
            GameState::NoGame => "no_game",
        }
    }

    /// Reads the stored form; anything unknown is treated as no game (unusable).
    pub fn from_stored(text: &str) -> GameState {
        match text {
            "scheduled" => GameState::Scheduled,
            "in_progress" => GameState::InProgress,
            "final" => GameState::Final,
            "postponed" => GameState::Postponed,
            _ => GameState::NoGame,
        }
    }

    /// Words for people, e.g. `no game`.
    pub fn describe(self) -> &'static str {
        match self {
            GameState::Scheduled => "scheduled",
            GameState::InProgress => "in progress",
            GameState::Final => "final",
            GameState::Postponed => "postponed",
            GameState::NoGame => "no game",
        }
    }
}

/// One imported slate, as listed.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct SlateSummary {
    /// Slate id.
    pub id: i32,
    /// Name shown to the user.
    pub name: String,
    /// The file it was imported from.
    pub source_file: String,
    /// Salary-file layout (`standard`, `entries_template`, `legacy`).
    pub layout: String,
    /// Whether lineups can be exported for upload (the file carried DraftKings IDs).
    pub exportable: bool,
    /// When it was imported.
    #[ts(type = "string")]
    pub imported_at: DateTime<Utc>,
    /// Players on the slate.
    pub players: u32,
    /// Games on the slate.
    pub games: u32,
    /// Lineups stored for the slate.
    pub lineups: u32,
    /// First kickoff, if any game is scheduled.
    #[ts(type = "string | null")]
    pub first_kickoff: Option<DateTime<Utc>>,
    /// Last kickoff, if any game is scheduled.
    #[ts(type = "string | null")]
    pub last_kickoff: Option<DateTime<Utc>>,
}

/// One game of a slate.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct SlateGame {
    /// Game id.
    pub id: i32,
    /// Away team code.
    pub away: String,
    /// Home team code.
    pub home: String,
    /// Kickoff, UTC.
    #[ts(type = "string")]
    pub kickoff_utc: DateTime<Utc>,
}

/// One player of a slate with the user's toggles.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct SlatePlayer {
    /// Slate-player id (unique across slates).
    pub id: i32,
    /// DraftKings player ID (None for pre-2018 files).
    #[ts(type = "number | null")]
    pub dk_id: Option<i64>,
    /// Name.
    pub name: String,
    /// Position.
    pub position: Position,
    /// Team code.
    pub team: String,
    /// Opponent's code, when the game is scheduled.
    pub opponent: Option<String>,
    /// The game, when scheduled.
    pub game_id: Option<i32>,
    /// Kickoff of the game, when scheduled.
    #[ts(type = "string | null")]
    pub kickoff_utc: Option<DateTime<Utc>>,
    /// What the file said of the game.
    pub game_state: GameState,
    /// Salary in dollars.
    pub salary: u32,
    /// DraftKings' AvgPointsPerGame.
    pub avg_points_per_game: f64,
    /// Locked into every lineup by the user.
    pub locked: bool,
    /// Excluded from every lineup by the user.
    pub excluded: bool,
    /// The user's own projection, replacing the model's.
    pub projection_override: Option<f64>,
    /// The user's word on whether he plays (None: the app's estimate from reports and games).
    pub play_override: Option<bool>,
}

/// Who a slate player is, as every per-player report names him (projections, ownership,
/// matches, a pick's lineups). Flattened into each, so their JSON keeps these five fields at
/// its top level.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct PlayerRef {
    /// Slate-player id.
    pub slate_player_id: i32,
    /// DraftKings ID.
    #[ts(type = "number | null")]
    pub dk_id: Option<i64>,
    /// Name as DraftKings writes it.
    pub name: String,
    /// Position.
    pub position: Position,
    /// Team code.
    pub team: String,
}

impl From<&SlatePlayer> for PlayerRef {
    fn from(p: &SlatePlayer) -> Self {
        PlayerRef {
            slate_player_id: p.id,
            dk_id: p.dk_id,
            name: p.name.clone(),
            position: p.position,
            team: p.team.clone(),
        }
    }
}

impl SlatePlayer {
    /// Whether the player can be put in a lineup at all (his game is scheduled).
    pub fn has_usable_game(&self) -> bool {
        self.game_state == GameState::Scheduled && self.game_id.is_some()
    }

    /// Whether his game has started at `now` (games not scheduled count as started or absent).
    pub fn started_at(&self, now: DateTime<Utc>) -> bool {
        match self.kickoff_utc {
            Some(kickoff) => kickoff <= now,
            None => self.game_state != GameState::Scheduled,
        }
    }

    /// The projection used when none is given: the user's override, else DraftKings' average.
    pub fn projected_points(&self) -> f64 {
        self.projection_override.unwrap_or(self.avg_points_per_game)
    }

    /// `Name (ID)` as DraftKings writes it in entries files; the name alone without an ID.
    pub fn name_and_id(&self) -> String {
        match self.dk_id {
            Some(id) => format!("{} ({id})", self.name),
            None => self.name.clone(),
        }
    }
}

/// A slate with its games and players.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct Slate {
    /// The summary.
    pub summary: SlateSummary,
    /// Games by kickoff.
    pub games: Vec<SlateGame>,
    /// Players by salary, highest first.
    pub players: Vec<SlatePlayer>,
}

impl Slate {
    /// A player by slate-player id.
    pub fn player(&self, id: i32) -> Option<&SlatePlayer> {
        self.players.iter().find(|p| p.id == id)
    }

    /// A player by DraftKings ID.
    pub fn player_by_dk_id(&self, dk_id: i64) -> Option<&SlatePlayer> {
        self.players.iter().find(|p| p.dk_id == Some(dk_id))
    }
}

/// How many players of one position a slate has.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct PositionCount {
    /// The position.
    pub position: Position,
    /// Players at it.
    pub players: u32,
}

/// What an import did.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct ImportReport {
    /// The slate (new, or the one imported earlier from the same content).
    pub slate: SlateSummary,
    /// The same file had been imported before; nothing was added.
    pub already_imported: bool,
    /// Players by position.
    pub positions: Vec<PositionCount>,
    /// Players without a usable game (in progress, final, postponed or none): kept, never picked.
    pub unusable_players: u32,
}

/// The largest projection override a user may type (points).
pub const MAX_PROJECTION_OVERRIDE: f64 = 100.0;

/// The user's toggles for one slate player; all three are written together.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize, TS)]
pub struct PlayerFlags {
    /// Put him in every lineup.
    pub locked: bool,
    /// Keep him out of every lineup.
    pub excluded: bool,
    /// Use this projection instead of the model's (None clears it).
    pub projection_override: Option<f64>,
    /// He plays (true) or is out (false), whatever the app estimates (None clears it).
    #[serde(default)]
    pub plays: Option<bool>,
}
