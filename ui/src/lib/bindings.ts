// Generated from the Rust types by src-tauri/src/bindings.rs. Do not edit.
// Regenerate: UPDATE_BINDINGS=1 cargo test -p nfl-dfs bindings

export type ErrorCode = "database" | "schema_too_new" | "unknown_setting" | "invalid_setting" | "io" | "config" | "invalid_file" | "not_found" | "invalid_input" | "invalid_lineup" | "no_lineup" | "solver" | "network" | "cancelled" | "invalid_backup" | "busy" | "disk_full" | "constraint";

export type IpcError = { 
/**
 * Stable machine-readable kind.
 */
code: ErrorCode, 
/**
 * What went wrong and what to do, for people.
 */
message: string, };

export type Health = { 
/**
 * App version.
 */
app_version: string, 
/**
 * The configuration profile (`NFL_DFS_PROFILE`).
 */
profile: Profile, 
/**
 * The data folder.
 */
data_dir: string, 
/**
 * Whether it is the demo's folder, not the user's own data.
 */
demo: boolean, 
/**
 * The database file (or URL when in memory).
 */
database_path: string, 
/**
 * The newest applied migration: the schema version.
 */
schema_version: string, 
/**
 * How many migrations are applied.
 */
migrations_applied: number, 
/**
 * What data is stored.
 */
data: DataStatus, 
/**
 * What models are available.
 */
models: ModelStatus, };

export type DataStatus = { 
/**
 * NFL teams known.
 */
teams: number, 
/**
 * NFL games known.
 */
games: number, 
/**
 * NFL players known.
 */
players: number, 
/**
 * DraftKings slates imported.
 */
slates: number, 
/**
 * Players across all slates.
 */
slate_players: number, 
/**
 * Player weeks of nflverse stats loaded.
 */
nfl_player_weeks: number, 
/**
 * When nflverse data was last loaded (RFC 3339, UTC), if ever.
 */
last_nfl_load: string | null, 
/**
 * When data last changed (RFC 3339, UTC), if ever.
 */
last_updated: string | null, };

export type ModelStatus = { 
/**
 * The registry folder.
 */
registry_dir: string, 
/**
 * Positions with at least one trained model version, sorted.
 */
trained_positions: Array<string>, };

export type Profile = "development" | "testing" | "production";

export type SettingValue = number | boolean | string;

export type SettingSource = "default" | "database" | "environment";

export type SettingEntry = { 
/**
 * Stable key.
 */
key: string, 
/**
 * Label.
 */
label: string, 
/**
 * What it changes.
 */
description: string, 
/**
 * Unit, if any.
 */
unit: string | null, 
/**
 * Effective value.
 */
value: SettingValue, 
/**
 * Default value.
 */
default: SettingValue, 
/**
 * Where the effective value comes from.
 */
source: SettingSource, 
/**
 * The environment variable that overrides it.
 */
env_var: string, 
/**
 * Smallest allowed value (integers).
 */
min: number | null, 
/**
 * Largest allowed value (integers).
 */
max: number | null, };

export type SetSettingInput = { 
/**
 * Setting key.
 */
key: string, 
/**
 * New value.
 */
value: SettingValue, };

export type Position = "QB" | "RB" | "WR" | "TE" | "DST";

export type Slot = "QB" | "RB" | "WR" | "TE" | "FLEX" | "DST";

export type GameState = "scheduled" | "in_progress" | "final" | "postponed" | "no_game";

export type SlateSummary = { 
/**
 * Slate id.
 */
id: number, 
/**
 * Name shown to the user.
 */
name: string, 
/**
 * The file it was imported from.
 */
source_file: string, 
/**
 * Salary-file layout (`standard`, `entries_template`, `legacy`).
 */
layout: string, 
/**
 * Whether lineups can be exported for upload (the file carried DraftKings IDs).
 */
exportable: boolean, 
/**
 * When it was imported.
 */
imported_at: string, 
/**
 * Players on the slate.
 */
players: number, 
/**
 * Games on the slate.
 */
games: number, 
/**
 * Lineups stored for the slate.
 */
lineups: number, 
/**
 * First kickoff, if any game is scheduled.
 */
first_kickoff: string | null, 
/**
 * Last kickoff, if any game is scheduled.
 */
last_kickoff: string | null, };

export type SlateGame = { 
/**
 * Game id.
 */
id: number, 
/**
 * Away team code.
 */
away: string, 
/**
 * Home team code.
 */
home: string, 
/**
 * Kickoff, UTC.
 */
kickoff_utc: string, };

export type SlatePlayer = { 
/**
 * Slate-player id (unique across slates).
 */
id: number, 
/**
 * DraftKings player ID (None for pre-2018 files).
 */
dk_id: number | null, 
/**
 * Name.
 */
name: string, 
/**
 * Position.
 */
position: Position, 
/**
 * Team code.
 */
team: string, 
/**
 * Opponent's code, when the game is scheduled.
 */
opponent: string | null, 
/**
 * The game, when scheduled.
 */
game_id: number | null, 
/**
 * Kickoff of the game, when scheduled.
 */
kickoff_utc: string | null, 
/**
 * What the file said of the game.
 */
game_state: GameState, 
/**
 * Salary in dollars.
 */
salary: number, 
/**
 * DraftKings' AvgPointsPerGame.
 */
avg_points_per_game: number, 
/**
 * Locked into every lineup by the user.
 */
locked: boolean, 
/**
 * Excluded from every lineup by the user.
 */
excluded: boolean, 
/**
 * The user's own projection, replacing the model's.
 */
projection_override: number | null, 
/**
 * The user's word on whether he plays (None: the app's estimate from reports and games).
 */
play_override: boolean | null, };

export type Slate = { 
/**
 * The summary.
 */
summary: SlateSummary, 
/**
 * Games by kickoff.
 */
games: Array<SlateGame>, 
/**
 * Players by salary, highest first.
 */
players: Array<SlatePlayer>, };

export type PlayerView = { 
/**
 * The projection the optimizer uses.
 */
projection: number, 
/**
 * Where it comes from.
 */
projection_source: ProjectionSource, 
/**
 * The projection if he plays.
 */
if_plays: number, 
/**
 * Probability that he plays, 0 to 1.
 */
play_probability: number, 
/**
 * His availability as shown.
 */
status: PlayStatus, 
/**
 * Why.
 */
availability_reason: string, 
/**
 * Floor (15th percentile).
 */
floor: number, 
/**
 * Ceiling (85th percentile).
 */
ceiling: number, 
/**
 * What he scores, counting the chance he sits: 5th to 95th percentiles.
 */
quantiles: Quantiles, 
/**
 * What he scores if he plays: 5th to 95th percentiles.
 */
if_plays_quantiles: Quantiles, 
/**
 * Points per $1,000 of salary.
 */
value: number, 
/**
 * Whether he can be put in a lineup.
 */
playable: boolean, 
/**
 * Why the projection is not the model's, when it is not.
 */
projection_note: string | null, 
/**
 * Points his team is expected to score, when the game's betting lines are loaded.
 */
team_total: number | null, 
/**
 * Slate-player id (unique across slates).
 */
id: number, 
/**
 * DraftKings player ID (None for pre-2018 files).
 */
dk_id: number | null, 
/**
 * Name.
 */
name: string, 
/**
 * Position.
 */
position: Position, 
/**
 * Team code.
 */
team: string, 
/**
 * Opponent's code, when the game is scheduled.
 */
opponent: string | null, 
/**
 * The game, when scheduled.
 */
game_id: number | null, 
/**
 * Kickoff of the game, when scheduled.
 */
kickoff_utc: string | null, 
/**
 * What the file said of the game.
 */
game_state: GameState, 
/**
 * Salary in dollars.
 */
salary: number, 
/**
 * DraftKings' AvgPointsPerGame.
 */
avg_points_per_game: number, 
/**
 * Locked into every lineup by the user.
 */
locked: boolean, 
/**
 * Excluded from every lineup by the user.
 */
excluded: boolean, 
/**
 * The user's own projection, replacing the model's.
 */
projection_override: number | null, 
/**
 * The user's word on whether he plays (None: the app's estimate from reports and games).
 */
play_override: boolean | null, };

export type SlotRule = { 
/**
 * The slot.
 */
slot: Slot, 
/**
 * The positions it accepts.
 */
positions: Array<Position>, };

export type Choices = { 
/**
 * The most lineups one optimizer run builds (the least is 1).
 */
max_lineups: number, 
/**
 * The largest exposure, max exposure or randomness, in percent (the least is 0).
 */
max_percent: number, 
/**
 * The largest projection override, in points (the least is 0).
 */
max_projection_override: number, 
/**
 * The salary cap in force (the `salary_cap` setting).
 */
salary_cap: number, 
/**
 * The nine slots in DraftKings' order.
 */
roster: Array<Slot>, 
/**
 * Their labels, repeated slots numbered (`QB, RB1, RB2, WR1, WR2, WR3, TE, FLEX, DST`).
 */
slot_labels: Array<string>, 
/**
 * Which positions each kind of slot accepts.
 */
slots: Array<SlotRule>, 
/**
 * The local hour of the daily database backup.
 */
backup_hour: number, 
/**
 * Days between model backups.
 */
model_backup_days: number, };

export type SlateView = { 
/**
 * The summary.
 */
summary: SlateSummary, 
/**
 * Games by kickoff.
 */
games: Array<SlateGame>, 
/**
 * Players by salary, highest first.
 */
players: Array<PlayerView>, 
/**
 * Production versions used, e.g. `QB r3`.
 */
models: Array<string>, 
/**
 * What the pages should say plainly (projections from averages, who plays unknown).
 */
notice: string | null, };

export type PositionCount = { 
/**
 * The position.
 */
position: Position, 
/**
 * Players at it.
 */
players: number, };

export type ImportReport = { 
/**
 * The slate (new, or the one imported earlier from the same content).
 */
slate: SlateSummary, 
/**
 * The same file had been imported before; nothing was added.
 */
already_imported: boolean, 
/**
 * Players by position.
 */
positions: Array<PositionCount>, 
/**
 * Players without a usable game (in progress, final, postponed or none): kept, never picked.
 */
unusable_players: number, };

export type PlayerFlags = { 
/**
 * Put him in every lineup.
 */
locked: boolean, 
/**
 * Keep him out of every lineup.
 */
excluded: boolean, 
/**
 * Use this projection instead of the model's (None clears it).
 */
projection_override: number | null, 
/**
 * He plays (true) or is out (false), whatever the app estimates (None clears it).
 */
plays: boolean | null, };

export type ImportSlateInput = { 
/**
 * The salary CSV chosen in the file dialog or dropped on the window.
 */
path: string, 
/**
 * A name for the slate (default: its days and game count).
 */
name: string | null, };

export type SetPlayerFlagsInput = { 
/**
 * The slate player.
 */
slate_player_id: number, 
/**
 * Lock, exclude and projection override, written together.
 */
flags: PlayerFlags, };

export type LineupSlot = { 
/**
 * The slot.
 */
slot: Slot, 
/**
 * The player in it.
 */
player: SlatePlayer, };

export type Lineup = { 
/**
 * Lineup id.
 */
id: number, 
/**
 * The slate.
 */
slate_id: number, 
/**
 * The nine slots in roster order.
 */
slots: Array<LineupSlot>, 
/**
 * Total salary.
 */
salary: number, 
/**
 * Projected points when it was built, if known.
 */
projected_points: number | null, 
/**
 * Where it came from, e.g. `import:lineups.csv`.
 */
source: string, 
/**
 * When it was stored.
 */
created_at: string, 
/**
 * Whether a model went to production (or was rolled back) after it was stored: its
 * projected points are those of earlier projections.
 */
earlier_models: boolean, };

export type Exposure = { 
/**
 * Slate player id.
 */
slate_player_id: number, 
/**
 * Name.
 */
name: string, 
/**
 * Position.
 */
position: Position, 
/**
 * Lineups holding him.
 */
count: number, 
/**
 * Their share of all the lineups, 0 to 1.
 */
share: number, };

export type StoredLineups = { 
/**
 * The lineups, in the order they were stored.
 */
lineups: Array<Lineup>, 
/**
 * Each player's exposure across them, most used first.
 */
exposure: Array<Exposure>, };

export type LineupImportReport = { 
/**
 * The lineups of the file, in file order (existing or new ids).
 */
lineup_ids: Array<number>, 
/**
 * Lineups that were new.
 */
added: number, 
/**
 * Lineups that were already stored.
 */
already_stored: number, };

export type ExportRequest = { 
/**
 * The slate.
 */
slate_id: number, 
/**
 * The lineups, in the order to write them; None for every lineup of the slate.
 */
lineup_ids: Array<number> | null, 
/**
 * The file to write.
 */
out: string, 
/**
 * A DraftKings entries file to fill instead of writing a plain upload file.
 */
entries: string | null, 
/**
 * Late-swap time for an entries fill: games kicked off by then are locked (default: now).
 */
as_of: string | null, };

export type ExportReport = { 
/**
 * The file written.
 */
path: string, 
/**
 * Lineups written.
 */
lineups_written: number, 
/**
 * Entry rows in the entries file (0 for an upload file).
 */
entries_total: number, 
/**
 * Entries left as they were, each with the reason.
 */
entries_kept: Array<string>, };

export type ImportLineupsInput = { 
/**
 * The slate the lineups belong to.
 */
slate_id: number, 
/**
 * An upload file or a filled DraftKings entries file.
 */
path: string, };

export type Rules = { 
/**
 * How many lineups to build (1-500).
 */
lineups: number, 
/**
 * Fewest players in which any two lineups differ (1: just distinct).
 */
min_unique: number, 
/**
 * Salary cap (from the settings).
 */
salary_cap: number, 
/**
 * Least salary a lineup must use (0 for none).
 */
min_salary: number, 
/**
 * Most salary a lineup may use, below the cap (None: the cap).
 */
max_salary: number | null, 
/**
 * Most players from one team (None: no limit).
 */
max_per_team: number | null, 
/**
 * The QB with at least this many of his own receivers (0: no stack).
 */
qb_stack: number, 
/**
 * Whether the QB's own RBs count towards the stack (besides WR and TE).
 */
qb_stack_with_rb: boolean, 
/**
 * At least this many players (not the DST) from the QB's opponent (0: none).
 */
bring_back: number, 
/**
 * At least this many players from one game (0: no game stack).
 */
game_stack: number, 
/**
 * No offensive player facing the lineup's DST.
 */
no_opponent_vs_dst: boolean, 
/**
 * Position limits per team, e.g. at most one RB per team unless with his QB.
 */
team_limits: Array<TeamLimit>, 
/**
 * Slate players in every lineup (besides those locked on the Players page).
 */
lock: Array<number>, 
/**
 * Slate players in every lineup in one slot.
 */
lock_slots: Array<SlotLock>, 
/**
 * Slate players in no lineup (besides those excluded on the Players page).
 */
exclude: Array<number>, 
/**
 * Most lineups any one player is in, percent of the run (None: no limit).
 */
max_exposure: number | null, 
/**
 * Exposure limits of single players (each replaces `max_exposure` for its player).
 */
exposures: Array<ExposureLimit>, 
/**
 * Each lineup is built on projections moved by up to this many percent per player (0: none).
 */
randomness: number, 
/**
 * Seed of the projection randomness: the same seed builds the same lineups.
 */
seed: number, 
/**
 * Late swap: games kicked off by this time have started; their players can only stay where
 * they are locked (`lock_slots`), no other of them is picked (None: by the games' states).
 */
as_of: string | null, };

export type TeamLimit = { 
/**
 * The position.
 */
position: Position, 
/**
 * Most players of it from one team.
 */
max: number, 
/**
 * The limit does not apply to the team whose QB is in the lineup.
 */
unless_with_qb: boolean, };

export type SlotLock = { 
/**
 * The slate player.
 */
player: number, 
/**
 * The slot, as an index of the roster order `QB,RB,RB,WR,WR,WR,TE,FLEX,DST`.
 */
slot: number, };

export type ExposureLimit = { 
/**
 * The slate player.
 */
player: number, 
/**
 * In at least this share of the lineups.
 */
min: number, 
/**
 * In at most this share of the lineups.
 */
max: number, };

export type LateSwapRequest = { 
/**
 * The slate.
 */
slate_id: number, 
/**
 * The DraftKings entries file.
 */
entries: string, 
/**
 * The filled entries file to write.
 */
out: string, 
/**
 * The time of the swap: games kicked off by then have started (default: now).
 */
as_of: string | null, 
/**
 * The rules (the salary cap comes from the settings).
 */
rules: Rules, };

export type SwappedEntry = { 
/**
 * DraftKings' entry id.
 */
entry_id: string, 
/**
 * Line of the entries file.
 */
line: number, 
/**
 * Players kept in their slots.
 */
kept: number, 
/**
 * Projected points of the entry's lineup before, when it was complete.
 */
points_before: number | null, 
/**
 * The re-optimised lineup; None when the entry is left as it was.
 */
lineup: Built | null, 
/**
 * Why the entry is left as it was.
 */
reason: string | null, };

export type LateSwapReport = { 
/**
 * The file written.
 */
path: string, 
/**
 * Every entry, in file order.
 */
entries: Array<SwappedEntry>, 
/**
 * Wall time of the optimisation, seconds.
 */
seconds: number, };

export type IngestInput = { 
/**
 * Files or folders chosen in the file dialog.
 */
paths: Array<string>, };

export type DownloadInput = { 
/**
 * Seasons to download; empty for the last `nfl_seasons` seasons.
 */
seasons: Array<number>, 
/**
 * Whether to download play-by-play too.
 */
play_by_play: boolean, };

export type LoadStage = "download" | "read";

export type LoadProgress = { 
/**
 * The file (its name) being worked on.
 */
file: string, 
/**
 * Files finished before this one.
 */
file_index: number, 
/**
 * Files in the load.
 */
files: number, 
/**
 * What is happening to it.
 */
stage: LoadStage, 
/**
 * Bytes downloaded or read so far (compressed bytes for gzip files).
 */
bytes: number, 
/**
 * The file's size, when known.
 */
total_bytes: number | null, 
/**
 * Rows read so far.
 */
rows: number, };

export type LinkPlayerInput = { 
/**
 * The slate.
 */
slate_id: number, 
/**
 * The slate player.
 */
slate_player_id: number, 
/**
 * The NFL player's GSIS id.
 */
gsis_id: string, };

export type FileKind = "player_weeks" | "team_weeks" | "schedule" | "play_by_play" | "rosters" | "injuries" | "snap_counts" | "player_ids" | "pfr_advanced" | "next_gen_stats" | "depth_charts";

export type IngestedFile = { 
/**
 * The file's name.
 */
file: string, 
/**
 * What it holds.
 */
kind: FileKind, 
/**
 * Rows stored (added or updated).
 */
rows: number, 
/**
 * Seasons it covers.
 */
seasons: Array<number>, 
/**
 * Rows skipped as unusable (a crosswalk row without a valid id of both kinds; an advanced
 * stats row without a player id, or a Next Gen Stats season total or postseason week).
 */
skipped: number, 
/**
 * What the skipped rows were, in words ("without a valid id"), as every front end shows it.
 */
skipped_reason: string, };

export type IngestReport = { 
/**
 * Files stored.
 */
files: Array<IngestedFile>, 
/**
 * Files refused, each with the reason (nothing of them was stored).
 */
refused: Array<string>, 
/**
 * Files in a chosen folder that are not nflverse data the app reads (a data dictionary):
 * left alone, by name.
 */
ignored: Array<string>, 
/**
 * Downloads nflverse has not published (the server has no such file).
 */
missing: Array<string>, 
/**
 * Downloads identical to what was stored last time from the same address (not re-read).
 */
unchanged: Array<string>, 
/**
 * Downloads that failed, loaded from an expired cached copy instead.
 */
stale: Array<string>, };

export type SeasonData = { 
/**
 * Season.
 */
season: number, 
/**
 * Player weeks stored.
 */
player_weeks: number, 
/**
 * Team weeks stored.
 */
team_weeks: number, 
/**
 * Scheduled games stored.
 */
games: number, 
/**
 * Last week with player stats.
 */
last_week: number | null, };

export type NflPlayerSummary = { 
/**
 * nflverse GSIS id.
 */
gsis_id: string, 
/**
 * Name.
 */
name: string, 
/**
 * Position.
 */
position: string, 
/**
 * Latest team.
 */
team: string | null, };

export type MatchHow = "manual" | "exact" | "alias" | "other_team" | "fuzzy" | "team" | "ambiguous" | "unmatched";

export type PlayerMatch = { 
/**
 * The NFL player's GSIS id (None for DSTs and unmatched players).
 */
gsis_id: string | null, 
/**
 * The NFL player's name as nflverse writes it.
 */
nfl_name: string | null, 
/**
 * How the match was made.
 */
how: MatchHow, 
/**
 * Whether the player has a game on the slate.
 */
has_game: boolean, 
/**
 * DraftKings' average points per game (0: he has not scored in the NFL yet).
 */
avg_points_per_game: number, 
/**
 * Slate-player id.
 */
slate_player_id: number, 
/**
 * DraftKings ID.
 */
dk_id: number | null, 
/**
 * Name as DraftKings writes it.
 */
name: string, 
/**
 * Position.
 */
position: Position, 
/**
 * Team code.
 */
team: string, };

export type SlateMatches = { 
/**
 * The slate.
 */
slate_id: number, 
/**
 * The NFL season of the slate.
 */
season: number, 
/**
 * Every player, in slate order.
 */
players: Array<PlayerMatch>, 
/**
 * Players with a game that were matched, of all players with a game.
 */
matched: number, 
/**
 * Players with a game.
 */
with_game: number, 
/**
 * Players with a game who have scored in the NFL (DraftKings average above 0) that were
 * matched.
 */
scorers_matched: number, 
/**
 * Players with a game who have scored in the NFL.
 */
scorers_with_game: number, 
/**
 * DSTs with a game matched to their team, of all DSTs with a game.
 */
dst_matched: number, 
/**
 * DSTs with a game.
 */
dst_with_game: number, };

export type Built = { 
/**
 * Slate-player ids in roster order (`QB,RB,RB,WR,WR,WR,TE,FLEX,DST`).
 */
players: Array<number>, 
/**
 * Total salary.
 */
salary: number, 
/**
 * Projected points.
 */
points: number, };

export type Run = { 
/**
 * The lineups, best first.
 */
lineups: Array<Built>, 
/**
 * Wall time of the solve, seconds.
 */
seconds: number, 
/**
 * Set when the run stopped at its time limit: the lineups are the best found by then,
 * not proven the best.
 */
warning: string | null, };

export type OptimizeReport = { 
/**
 * The run.
 */
run: Run, 
/**
 * The stored lineups' ids, in the run's order.
 */
lineup_ids: Array<number>, 
/**
 * Each player's exposure across the run's lineups, most used first.
 */
exposure: Array<Exposure>, };

export type OptimizeInput = { 
/**
 * The slate.
 */
slate_id: number, 
/**
 * The rules of the run (the salary cap comes from the settings).
 */
rules: Rules, };

export type OptimizeProgress = { 
/**
 * Steps done.
 */
done: number, 
/**
 * Steps in all.
 */
total: number, };

export type Learner = { "kind": "ridge", 
/**
 * L2 penalty.
 */
alpha: number, } | { "kind": "elastic_net", 
/**
 * Penalty.
 */
alpha: number, 
/**
 * Share of L1 in the penalty.
 */
l1_ratio: number, } | { "kind": "forest", 
/**
 * Trees.
 */
trees: number, 
/**
 * Deepest a tree grows.
 */
depth: number, 
/**
 * Fewest samples in a leaf.
 */
leaf: number, };

export type Metrics = { 
/**
 * Rows measured.
 */
rows: number, 
/**
 * Mean absolute error.
 */
mae: number, 
/**
 * Root mean squared error.
 */
rmse: number, 
/**
 * Pearson correlation of predicted and actual (0 when either is constant).
 */
correlation: number, };

export type Candidate = { 
/**
 * The learner.
 */
learner: Learner, 
/**
 * Its walk-forward MAE.
 */
mae: number, };

export type PositionResult = { 
/**
 * Position.
 */
position: Position, 
/**
 * The learner chosen.
 */
learner: Learner, 
/**
 * The chosen model, walk-forward, on the validation rows.
 */
model: Metrics, 
/**
 * The season-to-date average on the same rows.
 */
season_to_date: Metrics, 
/**
 * Every learner tried.
 */
candidates: Array<Candidate>, 
/**
 * Rows the final model was fitted on.
 */
train_rows: number, 
/**
 * Validation weeks, e.g. `2022 weeks 1-22`.
 */
validation: string, 
/**
 * Added to a projection for the floor (15th percentile of residuals).
 */
floor_offset: number, 
/**
 * Added to a projection for the ceiling (85th percentile of residuals).
 */
ceiling_offset: number, 
/**
 * Every player's range: fitted on the walk-forward residuals of every validated row (none
 * in models trained before ranges were fitted: they use the constant offsets).
 */
spread: SpreadModel | null, };

export type PositionSummary = { 
/**
 * How much less the model erred than the season-to-date average on the same rows (0.1:
 * 10% less; negative: more); None when the average erred 0 ([`PositionResult::mae_gain`]).
 */
mae_gain: number | null, 
/**
 * Position.
 */
position: Position, 
/**
 * The learner chosen.
 */
learner: Learner, 
/**
 * The chosen model, walk-forward, on the validation rows.
 */
model: Metrics, 
/**
 * The season-to-date average on the same rows.
 */
season_to_date: Metrics, 
/**
 * Every learner tried.
 */
candidates: Array<Candidate>, 
/**
 * Rows the final model was fitted on.
 */
train_rows: number, 
/**
 * Validation weeks, e.g. `2022 weeks 1-22`.
 */
validation: string, 
/**
 * Added to a projection for the floor (15th percentile of residuals).
 */
floor_offset: number, 
/**
 * Added to a projection for the ceiling (85th percentile of residuals).
 */
ceiling_offset: number, 
/**
 * Every player's range: fitted on the walk-forward residuals of every validated row (none
 * in models trained before ranges were fitted: they use the constant offsets).
 */
spread: SpreadModel | null, };

export type SpreadModel = { 
/**
 * Coefficients of 1, the projection, weighted volatility and the weight.
 */
coefficients: [number, number, number, number], 
/**
 * Quantiles of residual / scale at [`LEVELS`].
 */
z: [number, number, number, number, number], };

export type Quantiles = { 
/**
 * 5th percentile.
 */
p05: number, 
/**
 * 15th percentile (the floor).
 */
p15: number, 
/**
 * Median.
 */
p50: number, 
/**
 * 85th percentile (the ceiling).
 */
p85: number, 
/**
 * 95th percentile.
 */
p95: number, };

export type DemoReport = { 
/**
 * The demo slate.
 */
slate_id: number, 
/**
 * NFL history files loaded.
 */
nfl_files: number, 
/**
 * Model versions installed (none when they were installed before).
 */
models: Array<string>, };

export type TrainRequest = { 
/**
 * Train only on weeks before this season and week (for backtests); default: everything.
 */
until: [number, number] | null, 
/**
 * Seconds each position may spend trying more learners (0: the default ones only).
 */
search_seconds: number, 
/**
 * Why: `manual` or `self_tuning`.
 */
trigger: string, };

export type TrainReport = { 
/**
 * The run's id.
 */
run_id: number, 
/**
 * Seconds it took.
 */
seconds: number, 
/**
 * Per position: learner, metrics, baseline, error gain.
 */
results: Array<PositionSummary>, 
/**
 * The version made (`r<run id>`).
 */
version: string, 
/**
 * Positions whose new version went to production.
 */
deployed: Array<Position>, 
/**
 * Positions kept on their production version, each with the reason.
 */
kept: Array<string>, 
/**
 * What the window says when models went to production: which, and their validated
 * error next to that of the version they replaced; `None` when none did.
 */
announcement: string | null, };

export type TrainingRun = { 
/**
 * Id.
 */
id: number, 
/**
 * When it started (RFC 3339).
 */
started_at: string, 
/**
 * Seconds.
 */
seconds: number, 
/**
 * `manual` or `self_tuning`.
 */
trigger: string, 
/**
 * Feature version.
 */
feature_version: number, 
/**
 * First week of data.
 */
data_from: string, 
/**
 * Weeks before this one.
 */
data_until: string, 
/**
 * Per position results, with their error gain.
 */
results: Array<PositionSummary>, };

export type ModelVersion = { 
/**
 * Position.
 */
position: Position, 
/**
 * Version.
 */
version: string, 
/**
 * Training run, if it came from one (the shipped baseline did not).
 */
run_id: number | null, 
/**
 * Learner, e.g. `ridge(alpha=1)`.
 */
learner: string, 
/**
 * Walk-forward MAE.
 */
mae: number, 
/**
 * Season-to-date MAE on the same rows.
 */
baseline_mae: number, 
/**
 * When it was trained.
 */
created_at: string, 
/**
 * Whether it is in production.
 */
production: boolean, };

export type DeployInput = { 
/**
 * Position.
 */
position: Position, 
/**
 * Version.
 */
version: string, };

export type ProjectionSource = "model" | "average" | "salary" | "out" | "override";

export type PlayStatus = "active" | "questionable" | "doubtful" | "missing" | "limited" | "out" | "unknown";

export type PlayerProjection = { 
/**
 * Projected DraftKings points: what he scores if he plays, times the probability he does.
 */
projection: number, 
/**
 * Projected DraftKings points if he plays.
 */
if_plays: number, 
/**
 * Probability that he plays, 0 to 1.
 */
play_probability: number, 
/**
 * His availability as shown.
 */
status: PlayStatus, 
/**
 * Why ("missed his team's last 2 games", "Out on the week-12 report").
 */
availability_reason: string, 
/**
 * Floor (15th percentile of what he scores, counting the chance he sits).
 */
floor: number, 
/**
 * Ceiling (85th percentile of what he scores, counting the chance he sits).
 */
ceiling: number, 
/**
 * What he scores, counting the chance he sits: 5th to 95th percentiles.
 */
quantiles: Quantiles, 
/**
 * What he scores if he plays: 5th to 95th percentiles (with `play_probability`, his whole
 * distribution).
 */
if_plays_quantiles: Quantiles, 
/**
 * Where it comes from.
 */
source: ProjectionSource, 
/**
 * Why it is not the model's, when it is not.
 */
note: string | null, 
/**
 * Points per $1,000 of salary.
 */
value: number, 
/**
 * Whether he can be put in a lineup (his game is on the slate and has not started).
 */
playable: boolean, 
/**
 * Points his team is expected to score (from the game's total and spread), when the
 * loaded schedule has the game's betting lines.
 */
team_total: number | null, 
/**
 * Slate-player id.
 */
slate_player_id: number, 
/**
 * DraftKings ID.
 */
dk_id: number | null, 
/**
 * Name as DraftKings writes it.
 */
name: string, 
/**
 * Position.
 */
position: Position, 
/**
 * Team code.
 */
team: string, };

export type SlateProjections = { 
/**
 * The slate.
 */
slate_id: number, 
/**
 * Every player.
 */
players: Array<PlayerProjection>, 
/**
 * Production versions used, e.g. `QB r3`.
 */
models: Array<string>, 
/**
 * What the pages should say plainly (projections from averages, who plays unknown).
 */
notice: string | null, 
/**
 * Seconds taken.
 */
seconds: number, };

export type BackupKind = "database" | "models";

export type BackupReason = "manual" | "daily" | "weekly" | "before_migration" | "before_restore";

export type BackupEntry = { 
/**
 * File name inside the backups folder.
 */
file_name: string, 
/**
 * Full path.
 */
path: string, 
/**
 * Database or models.
 */
kind: BackupKind, 
/**
 * Why it was made.
 */
reason: BackupReason, 
/**
 * When it was made (RFC 3339, UTC).
 */
created: string, 
/**
 * Size in bytes.
 */
bytes: number, };

export type BackupCheck = { 
/**
 * The file checked.
 */
file: string, 
/**
 * Its newest migration.
 */
schema_version: string, 
/**
 * Migrations this version would still apply after restoring it.
 */
pending_migrations: number, };

export type RestoreReport = { 
/**
 * Database or models.
 */
kind: BackupKind, 
/**
 * The restored file.
 */
file: string, 
/**
 * The database backup's check (for a database).
 */
check: BackupCheck | null, 
/**
 * Where the replaced database or models were kept.
 */
kept: string | null, };

export type CheckStatus = "ok" | "warning" | "problem";

export type FixAction = { "action": "backup_now" } | { "action": "restore", 
/**
 * The backup file.
 */
file: string, } | { "action": "train_models" } | { "action": "rollback_model", 
/**
 * The position.
 */
position: Position, } | { "action": "download_data" };

export type Check = { 
/**
 * What was checked, e.g. `Database`.
 */
name: string, 
/**
 * How it came out.
 */
status: CheckStatus, 
/**
 * What was found, with figures.
 */
detail: string, 
/**
 * What to do, in words (when not ok).
 */
fix: string | null, 
/**
 * The fix the app can make, if any.
 */
action: FixAction | null, 
/**
 * The CLI command of that fix.
 */
command: string | null, };

export type DoctorReport = { 
/**
 * The checks.
 */
checks: Array<Check>, 
/**
 * How many are problems (the CLI exits non-zero when any).
 */
problems: number, 
/**
 * How many are warnings.
 */
warnings: number, };

export type ResourceSample = { 
/**
 * When (RFC 3339, UTC).
 */
at: string, 
/**
 * This process's CPU use, percent of one core (0 on the first sample).
 */
process_cpu_pct: number, 
/**
 * This process's resident memory, bytes.
 */
process_memory_bytes: number, 
/**
 * The system's CPU use, percent of all cores (0 on the first sample).
 */
system_cpu_pct: number, 
/**
 * The system's memory in use, percent.
 */
memory_used_pct: number, 
/**
 * The system's memory, bytes.
 */
memory_total_bytes: number, 
/**
 * Free space on the disk holding the data folder, bytes (None when no disk matches).
 */
disk_free_bytes: number | null, 
/**
 * Size of that disk, bytes.
 */
disk_total_bytes: number | null, };

export type CommandLatency = { 
/**
 * The command.
 */
command: string, 
/**
 * Calls in the window.
 */
count: number, 
/**
 * Median, milliseconds.
 */
p50_ms: number, 
/**
 * 95th percentile, milliseconds.
 */
p95_ms: number, };

export type LatencyStats = { 
/**
 * Calls in the window.
 */
count: number, 
/**
 * Median of every call, milliseconds (0 without calls).
 */
p50_ms: number, 
/**
 * 95th percentile of every call, milliseconds (0 without calls).
 */
p95_ms: number, 
/**
 * Per command, slowest p95 first.
 */
commands: Array<CommandLatency>, };

export type AlertKind = "memory" | "model_mae" | "slow_commands" | "low_disk" | "stale_data" | "self_tuning";

export type Alert = { 
/**
 * The condition.
 */
kind: AlertKind, 
/**
 * What is wrong, with the figures, in words.
 */
message: string, 
/**
 * When it was raised (RFC 3339, UTC).
 */
since: string, };

export type AlertChange = { "change": "raised" } & Alert | { "change": "cleared", 
/**
 * The condition.
 */
kind: AlertKind, };

export type MonitorSnapshot = { 
/**
 * Recent resource samples, oldest first (the last is the latest).
 */
samples: Array<ResourceSample>, 
/**
 * Command times over the window.
 */
latency: LatencyStats, 
/**
 * Alerts now active.
 */
alerts: Array<Alert>, };

export type UpdateInfo = { 
/**
 * The new version.
 */
version: string, 
/**
 * This app's version.
 */
current_version: string, 
/**
 * Release notes.
 */
notes: string | null, 
/**
 * Release date (RFC 3339), if the manifest gives one.
 */
date: string | null, };

export type UpdateProgress = { 
/**
 * Bytes downloaded.
 */
downloaded: number, 
/**
 * Size of the package, when the server says.
 */
total: number | null, };

export type ContestType = "double-up" | "fifty-fifty" | "h2h" | "tournament";

export type PayoutTier = { 
/**
 * First rank of the range (1 is the winner).
 */
first: number, 
/**
 * Last rank of the range.
 */
last: number, 
/**
 * Dollars each of these ranks wins.
 */
prize: number, };

export type Payouts = { 
/**
 * The tiers, best ranks first.
 */
tiers: Array<PayoutTier>, };

export type Contest = { 
/**
 * Contest id (0 before it is stored).
 */
id: number, 
/**
 * The slate it is played on.
 */
slate_id: number, 
/**
 * Its name as the user gave it (or the type's).
 */
name: string, 
/**
 * Its structure.
 */
contest_type: ContestType, 
/**
 * Entry fee in dollars.
 */
entry_fee: number, 
/**
 * Entries in the full field, the user's included.
 */
entries: number, 
/**
 * Prizes by rank.
 */
payouts: Payouts, 
/**
 * Places paid (the last paid rank), as the pages show it.
 */
places_paid: number, 
/**
 * All the prizes together, dollars, as the pages show it.
 */
prize_total: number, 
/**
 * DraftKings' contest ID, where the user gave it: its standings are found by it among
 * several imported for the slate.
 */
dk_contest_id: string | null, 
/**
 * The games it covers as `AWAY@HOME` keys; empty: every game of its slate.
 */
games: Array<string>, };

export type NewContest = { 
/**
 * The slate.
 */
slate_id: number, 
/**
 * Its name (default: the type's and the fee).
 */
name: string | null, 
/**
 * Its structure.
 */
contest_type: ContestType, 
/**
 * Entries in the full field (2 for a head-to-head).
 */
entries: number, 
/**
 * Entry fee, dollars.
 */
entry_fee: number, 
/**
 * A payout table (CSV `Rank,Prize`) replacing the type's preset.
 */
payouts_file: string | null, 
/**
 * A payout table typed in, replacing the preset (ignored when a file is given).
 */
payouts: Payouts | null, 
/**
 * DraftKings' contest ID: its standings are found by it among several of the slate.
 */
dk_contest_id: string | null, 
/**
 * The places the preset pays, as the contest's lobby says (ignored with a payout table).
 */
places_paid: number | null, 
/**
 * The games it covers (`AWAY@HOME` keys or team codes); empty: every game of the slate.
 */
games: Array<string>, };

export type ContestEdit = { 
/**
 * A new name.
 */
name: string | null, 
/**
 * A new structure.
 */
contest_type: ContestType | null, 
/**
 * A new field size.
 */
entries: number | null, 
/**
 * A new entry fee, dollars.
 */
entry_fee: number | null, 
/**
 * A payout table (CSV `Rank,Prize`) to use.
 */
payouts_file: string | null, 
/**
 * A payout table typed in (ignored when a file is given).
 */
payouts: Payouts | null, 
/**
 * DraftKings' contest ID (an empty one clears it).
 */
dk_contest_id: string | null, 
/**
 * The places the type's preset pays (a new preset table).
 */
places_paid: number | null, 
/**
 * The games it covers (an empty list: every game of the slate).
 */
games: Array<string> | null, };

export type PickRequest = { 
/**
 * The contest.
 */
contest_id: number, 
/**
 * Slates to simulate.
 */
simulations: number, 
/**
 * Candidate lineups to weigh.
 */
candidates: number, 
/**
 * Seed: the same seed picks the same lineup.
 */
seed: number, 
/**
 * Where to write the pick as a DraftKings upload file (None: not written).
 */
out: string | null, 
/**
 * Simulate as if the projections were exact (each player's draws centred on the app's
 * number, not between it and the market's): how the app simulated before it measured its
 * own error, kept for comparison. Off by default.
 */
exact_projections: boolean, };

export type CandidateOutcome = { 
/**
 * Share of slates in which it was paid.
 */
p_cash: number, 
/**
 * Its share paid in the fifth of slates where the projections were least right (the truth
 * nearest the market): the low end of its P(cash) range.
 */
p_cash_low: number, 
/**
 * Its share paid in the fifth of slates where the projections were most right: the high
 * end of its P(cash) range.
 */
p_cash_high: number, 
/**
 * Mean prize, dollars.
 */
expected_payout: number, 
/**
 * Return on the fee: expected payout / fee - 1.
 */
roi: number, 
/**
 * Share of slates in which it finished in the top 1% of the field.
 */
p_top1: number, 
/**
 * Mean score.
 */
mean: number, 
/**
 * 10th percentile score.
 */
p10: number, 
/**
 * Median score.
 */
p50: number, 
/**
 * 90th percentile score.
 */
p90: number, };

export type LineupPlayer = { 
/**
 * Salary.
 */
salary: number, 
/**
 * Projection.
 */
projection: number, 
/**
 * Projected ownership, percent.
 */
ownership: number, 
/**
 * How often he is in the best of the lineups weighed (the candidates of a pick, the
 * file's lineups of a simulation) in a simulated slate, percent.
 */
top_rate: number, 
/**
 * His top rate minus his projected ownership, percentage points: above 0 the simulation
 * wants him more than the field is expected to draft him.
 */
leverage: number, 
/**
 * Slate-player id.
 */
slate_player_id: number, 
/**
 * DraftKings ID.
 */
dk_id: number | null, 
/**
 * Name as DraftKings writes it.
 */
name: string, 
/**
 * Position.
 */
position: Position, 
/**
 * Team code.
 */
team: string, };

export type LineupOutcome = { 
/**
 * Players in roster order.
 */
players: Array<LineupPlayer>, 
/**
 * Salary used.
 */
salary: number, 
/**
 * Projected points.
 */
projection: number, 
/**
 * Sum of its players' projected ownership, percent (lower: less like the field).
 */
ownership: number, 
/**
 * What the simulation found.
 */
outcome: CandidateOutcome, 
/**
 * Simulated scores: [`BINS`] bins of `bin_points` from `histogram_from`.
 */
histogram: Array<number>, };

export type Spread = { 
/**
 * 10th percentile.
 */
p10: number, 
/**
 * Median.
 */
p50: number, 
/**
 * 90th percentile.
 */
p90: number, };

export type PickReport = { 
/**
 * The contest.
 */
contest: Contest, 
/**
 * The lineup with the highest expected payout.
 */
pick: LineupOutcome, 
/**
 * The highest-projected lineup, in the same simulation.
 */
max_projection: LineupOutcome, 
/**
 * Expected payout of the pick minus that of the highest-projected lineup, dollars.
 */
gain: number, 
/**
 * Candidates weighed.
 */
candidates: number, 
/**
 * Slates simulated.
 */
simulations: number, 
/**
 * Opponent lineups simulated (a larger field is scaled from them).
 */
field_size: number, 
/**
 * The cash line over the simulated slates.
 */
cash_line: Spread, 
/**
 * The cash line's histogram (same bins as the lineups').
 */
cash_line_histogram: Array<number>, 
/**
 * Lowest score of the histograms' first bin.
 */
histogram_from: number, 
/**
 * Width of a histogram bin.
 */
bin_points: number, 
/**
 * Where the ownership model comes from.
 */
ownership_model: string, 
/**
 * How much more the field's lineups scored than the sampled ones, on average over the
 * simulated slates: a share (the `field_edge_pct` setting of a cash game, the
 * `tournament_field_edge_pct` of a tournament; 0 as if the projections were exact).
 */
field_edge: number, 
/**
 * Where the correlations come from.
 */
correlations: string, 
/**
 * The upload file written, if asked.
 */
path: string | null, 
/**
 * The pick stored as a lineup of the slate, when written.
 */
lineup_id: number | null, 
/**
 * Seconds taken.
 */
seconds: number, };

export type PickProgress = { 
/**
 * `candidates`, `field` or `simulation`.
 */
stage: string, 
/**
 * Steps done in the stage.
 */
done: number, 
/**
 * Steps in the stage.
 */
total: number, };

export type SavePickInput = { 
/**
 * The contest.
 */
contest_id: number, 
/**
 * The pick's slate-player ids in roster order.
 */
players: Array<number>, 
/**
 * The projection it was picked on.
 */
projection: number, 
/**
 * The upload file to write.
 */
out: string, };

export type SavedPick = { 
/**
 * The file written.
 */
path: string, 
/**
 * The stored lineup.
 */
lineup_id: number, };

export type ImportStandingsInput = { 
/**
 * The slate.
 */
slate_id: number, 
/**
 * The standings file chosen.
 */
path: string, 
/**
 * DraftKings' contest ID, to choose one contest of a listing that holds several.
 */
contest: string | null, };

export type StandingsReport = { 
/**
 * The slate.
 */
slate_id: number, 
/**
 * The file.
 */
file_name: string, 
/**
 * Entries the file lists.
 */
entries: number, 
/**
 * The contest's entries where the file lists only some of them (a listing's top ranks).
 */
field_size: number | null, 
/**
 * The contest the rows are of, where the file names it (a listing).
 */
contest: ListedContest | null, 
/**
 * Drafted players read.
 */
players: number, 
/**
 * Drafted players matched to the slate's players.
 */
matched: number, 
/**
 * Drafted players no slate player matched (listed by name).
 */
unmatched: Array<string>, 
/**
 * Exported before the games ended: points and ranks are not final.
 */
live: boolean, 
/**
 * The same file had been imported for this slate before: nothing changed.
 */
already_imported: boolean, 
/**
 * The ownership error (percentage points) of the model refitted on every imported
 * contest, scored on this one, when there is an earlier contest to fit on and the file
 * lists most of its field.
 */
ownership_error: number | null, 
/**
 * The games its lineups drafted from, where it lists enough of them to tell and they
 * are not every game of the slate: its contest is replayed, and its ownership read, on
 * these alone. Empty: every game.
 */
games: Array<string>, 
/**
 * Games on the slate.
 */
slate_games: number, };

export type ListedContest = { 
/**
 * DraftKings' contest ID.
 */
id: string, 
/**
 * Its name.
 */
name: string, 
/**
 * Its entries (the field's size).
 */
entries: number, 
/**
 * Places paid, where its summary says.
 */
paid: number | null, 
/**
 * Entry fee, dollars, where given.
 */
entry_fee: number | null, };

export type RealFinish = { 
/**
 * Slate player ids in roster order.
 */
players: Array<number>, 
/**
 * Names, roster order.
 */
names: Array<string>, 
/**
 * Projected points.
 */
projection: number, 
/**
 * Actual points.
 */
points: number, 
/**
 * Rank it would have finished at in the real field; where the standings list only the
 * top ranks and it scored below them, the first rank below the listing (it finished
 * there or lower).
 */
rank: number, 
/**
 * Whether `rank` is exact.
 */
rank_known: boolean, 
/**
 * Percentile of the field it beat (100: first); the most it can have beaten where its
 * rank is not known.
 */
percentile: number, 
/**
 * Whether it would have been paid.
 */
cashed: boolean, 
/**
 * What it would have won, dollars.
 */
payout: number, };

export type ContestBacktest = { 
/**
 * The contest.
 */
contest: Contest, 
/**
 * The standings file used.
 */
standings: string, 
/**
 * Entries in the real field.
 */
field: number, 
/**
 * Entries the standings list (fewer than `field` in a listing of the top ranks).
 */
listed: number, 
/**
 * The real cash line: the score at the last paid rank, where the standings reach it.
 */
cash_line: number | null, 
/**
 * The real field's median score, where the standings reach it.
 */
median: number | null, 
/**
 * The pick.
 */
pick: RealFinish, 
/**
 * The highest-projected lineup.
 */
max_projection: RealFinish, 
/**
 * What the simulation expected of both.
 */
simulated: PickReport, 
/**
 * Said when the standings were exported before the games ended.
 */
warning: string | null, 
/**
 * Said when the models in production were trained on the slate's own week: the pick
 * was made knowing the result, and its finish says nothing about the app.
 */
look_ahead: string | null, };

export type RecordRequest = { 
/**
 * Slates to simulate per contest.
 */
simulations: number, 
/**
 * Candidate lineups per contest.
 */
candidates: number, 
/**
 * Seed.
 */
seed: number, };

export type RecordedContest = { 
/**
 * Contest id.
 */
contest_id: number, 
/**
 * Its name.
 */
name: string, 
/**
 * Entries.
 */
entries: number, 
/**
 * Entry fee, dollars.
 */
entry_fee: number, 
/**
 * The pick's predicted chance to cash, 0 to 1.
 */
predicted: number, 
/**
 * Its expected payout, dollars.
 */
expected_payout: number, 
/**
 * The simulated cash line (median).
 */
simulated_cash_line: number, 
/**
 * The real cash line, when the standings reach the last paid rank.
 */
cash_line: number | null, 
/**
 * The pick's real points.
 */
points: number, 
/**
 * Its rank in the real field; where the standings list only the top ranks and it scored
 * below them, the first rank below the listing (it finished there or lower).
 */
rank: number, 
/**
 * Whether `rank` is exact.
 */
rank_known: boolean, 
/**
 * Whether it cashed.
 */
cashed: boolean, 
/**
 * What it won, dollars.
 */
payout: number, 
/**
 * Whether the pick was stored when it was made (else replayed now).
 */
stored: boolean, };

export type ForecastBin = { 
/**
 * Lower edge of the predicted chance, 0 to 1.
 */
from: number, 
/**
 * Upper edge (the last bin includes 1).
 */
to: number, 
/**
 * Contests in the bin.
 */
contests: number, 
/**
 * Their mean predicted chance.
 */
predicted: number, 
/**
 * The share of them that cashed.
 */
realized: number, };

export type TrackSummary = { 
/**
 * Contests counted.
 */
contests: number, 
/**
 * Share that cashed.
 */
cash_rate: number, 
/**
 * Mean predicted chance to cash.
 */
mean_predicted: number, 
/**
 * Brier score of the predictions (0 is perfect).
 */
brier: number, 
/**
 * Brier score of forecasting each contest's paid share: a prediction worse than this one
 * is worse than knowing nothing about the lineup.
 */
brier_paid_fraction: number, 
/**
 * Net winnings over fees (0.1 = +10%).
 */
roi: number, 
/**
 * Predicted against realized, in five bins of 0.2.
 */
bins: Array<ForecastBin>, 
/**
 * The verdict in words, as every front end shows it.
 */
verdict: string, };

export type TrackRecord = { 
/**
 * Every contest with a final result, oldest first.
 */
contests: Array<RecordedContest>, 
/**
 * Contests left out, each with the reason (standings exported before the games ended,
 * models that saw the slate's week, no projections, a player without points).
 */
skipped: Array<string>, 
/**
 * The record summed up.
 */
summary: TrackSummary, };

export type FieldRequest = { 
/**
 * The contest.
 */
contest_id: number, 
/**
 * Slates to simulate the field's points on.
 */
simulations: number, 
/**
 * Seed (the pick's seed samples the same field).
 */
seed: number, };

export type FieldShape = { 
/**
 * Lineups measured.
 */
lineups: number, 
/**
 * Their projected points by the app's projections.
 */
projected: Percentiles, 
/**
 * Mean projected points.
 */
projected_mean: number, 
/**
 * Median salary spent, dollars.
 */
salary_median: number, 
/**
 * Share of lineups spending at least $49,500.
 */
near_cap_share: number, 
/**
 * Share of lineups whose QB has at least one WR or TE of his team.
 */
stack_rate: number, 
/**
 * Share of lineups with a player of the QB's opponent (a bring-back).
 */
bring_back_rate: number, };

export type Percentiles = { 
/**
 * 10th percentile.
 */
p10: number, 
/**
 * Median.
 */
p50: number, 
/**
 * 90th percentile.
 */
p90: number, };

export type FieldCheck = { 
/**
 * The contest.
 */
contest: Contest, 
/**
 * The simulated opponents.
 */
simulated: FieldShape, 
/**
 * The simulated field's 10th, 50th and 90th percentile scores in a typical slate (with
 * the field's edge over the app's view, as the pick sees them).
 */
simulated_points: Percentiles, 
/**
 * The simulated field's median score from slate to slate: its 10th, 50th and 90th
 * percentiles (the real median falls outside this range one slate in five).
 */
simulated_median_range: Percentiles, 
/**
 * The real field's lineups, where the slate's standings are imported (those of the
 * contest's DraftKings ID, else of a field of its size, else the newest).
 */
real: FieldShape | null, 
/**
 * The real field's 10th, 50th and 90th percentile scores (of the listed entries, where
 * the standings list only the top ranks).
 */
real_points: Percentiles | null, 
/**
 * The real field's size where its standings list only its top ranks (the real rows then
 * measure those).
 */
real_field_size: number | null, 
/**
 * The real field's lineups scored in the simulation: their 10th, 50th and 90th percentile
 * in a typical simulated slate. Beside `real_points`, it tells the simulator's outcomes
 * (too dispersed when this is wider) from the sampled field's make-up (when only
 * `simulated_points` is).
 */
real_simulated_points: Percentiles | null, 
/**
 * The simulated field scored with what the players really scored (a player who sat, or
 * whose points are not known, counts what the simulation expected of him if he plays, as
 * the entrant's like-for-like swap would): its 10th, 50th and 90th percentile. Beside
 * `real_points`, on the same outcomes, it tells how much better the real field chose.
 */
simulated_real_points: Percentiles | null, 
/**
 * The simulated field's cash line on the real points (the score at the contest's last
 * paid rank).
 */
simulated_real_cash_line: number | null, 
/**
 * The real cash line, where the standings reach the last paid rank.
 */
real_cash_line: number | null, 
/**
 * The cash line on the real points of a field the same sampler drafts from the real
 * ownership (the standings' `%Drafted`) instead of the projected one, where the standings
 * list 80% of the field or more: beside `real_cash_line` it tells whether the sampler
 * builds lineups as people do; beside `simulated_real_cash_line`, how much of the field's
 * edge lies in whom it drafts.
 */
drafted_cash_line: number | null, 
/**
 * The real cash line over the simulated field's on the real points, less 1: how much
 * better than the app's view of it the real field drafted (what the field's edge setting
 * of the contest's type adds in every simulated slate, on average).
 */
measured_edge: number | null, 
/**
 * Real entries left out: no lineup set, or a player the slate's simulation does not hold.
 */
real_left_out: number, 
/**
 * The standings file the real field comes from.
 */
standings: string | null, 
/**
 * Slates simulated.
 */
simulations: number, };

export type PlayerOwnership = { 
/**
 * Salary.
 */
salary: number, 
/**
 * The projection the ownership was computed from.
 */
projection: number, 
/**
 * Projected share of the field's lineups holding him, percent.
 */
ownership: number, 
/**
 * Slate-player id.
 */
slate_player_id: number, 
/**
 * DraftKings ID.
 */
dk_id: number | null, 
/**
 * Name as DraftKings writes it.
 */
name: string, 
/**
 * Position.
 */
position: Position, 
/**
 * Team code.
 */
team: string, };

export type OwnershipReport = { 
/**
 * The slate.
 */
slate_id: number, 
/**
 * Every player, by salary.
 */
players: Array<PlayerOwnership>, 
/**
 * Where the model comes from, in words.
 */
model: string, };

/** Every event the app sends the window, by name, with its payload. */
export type AppEvents = {
  "optimize-progress": OptimizeProgress;
  "pick-progress": PickProgress;
  "ingest-progress": LoadProgress;
  "backups-made": Array<BackupEntry>;
  "nfl-data-refreshed": IngestReport;
  "models-trained": TrainReport;
  "alerts-changed": Array<AlertChange>;
  "monitor-updated": MonitorSnapshot;
  "update-progress": UpdateProgress;
  "update-available": UpdateInfo;
  "menu-check-updates": null;
};

/** The names of every event, in declaration order. */
export const APP_EVENTS = [
  "optimize-progress",
  "pick-progress",
  "ingest-progress",
  "backups-made",
  "nfl-data-refreshed",
  "models-trained",
  "alerts-changed",
  "monitor-updated",
  "update-progress",
  "update-available",
  "menu-check-updates",
] as const;

/** Every IPC command the window may call (`invoke` name). */
export const COMMANDS = [
  "health",
  "get_settings",
  "set_setting",
  "import_slate",
  "list_slates",
  "get_slate",
  "get_choices",
  "set_player_flags",
  "list_lineups",
  "import_lineups",
  "export_lineups",
  "delete_lineups",
  "optimize",
  "cancel_optimize",
  "late_swap",
  "ingest_nfl",
  "download_nfl",
  "cancel_load",
  "list_nfl_seasons",
  "match_slate",
  "link_player",
  "search_nfl_players",
  "train_models",
  "list_training_runs",
  "list_model_versions",
  "deploy_model",
  "rollback_model",
  "project_slate",
  "backup_now",
  "list_backups",
  "restore_backup",
  "run_doctor",
  "monitor_snapshot",
  "check_update",
  "install_update",
  "list_contests",
  "add_contest",
  "edit_contest",
  "remove_contest",
  "pick_contest",
  "cancel_pick",
  "save_pick",
  "import_standings",
  "contest_backtest",
  "contest_record",
  "contest_field",
  "slate_ownership",
  "open_demo",
  "leave_demo",
] as const;

/** The name of an IPC command. */
export type CommandName = (typeof COMMANDS)[number];
