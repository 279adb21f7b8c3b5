// The app's IPC command names, shared by build.rs (which makes each an `allow-<command>`
// permission) and the shell's tests. Keep in step with `commands::handler()`.
pub const COMMAND_NAMES: &[&str] = &[
    "health",
    "get_settings",
    "set_setting",
    "import_slate",
    "list_slates",
    "get_slate",
    "set_player_flags",
    "list_lineups",
    "import_lineups",
    "export_lineups",
    "delete_lineups",
    "optimize",
    "cancel_optimize",
    "late_swap",
    "ingest_nfl",
    "list_nfl_seasons",
    "match_slate",
    "link_player",
    "search_nfl_players",
];
