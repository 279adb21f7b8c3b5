// Generated from the Rust types by src-tauri/src/bindings.rs. Do not edit.
// Regenerate: UPDATE_BINDINGS=1 cargo test -p nfl-dfs bindings

export type ErrorCode = "database" | "schema_too_new" | "unknown_setting" | "invalid_setting" | "io" | "config";

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
 * The data folder.
 */
data_dir: string, 
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

export type SettingValue = number | boolean;

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
