// The app's IPC commands, declared once. `app_commands!(callback)` hands the list (as
// `module::command` paths) to a macro: build.rs makes each an `allow-<command>` permission,
// `commands::handler()` registers them, and the bindings give TypeScript the `CommandName` union
// `api.ts` calls with (a typo is a type error).
macro_rules! app_commands {
    ($callback:ident) => {
        $callback! {
            commands::health,
            commands::get_settings,
            commands::set_setting,
            commands::import_slate,
            commands::list_slates,
            commands::get_slate,
            commands::get_choices,
            commands::set_player_flags,
            commands::list_lineups,
            commands::import_lineups,
            commands::export_lineups,
            commands::delete_lineups,
            commands::optimize,
            commands::cancel_optimize,
            commands::late_swap,
            nfl_commands::ingest_nfl,
            nfl_commands::download_nfl,
            nfl_commands::cancel_load,
            nfl_commands::list_nfl_seasons,
            nfl_commands::match_slate,
            nfl_commands::link_player,
            nfl_commands::search_nfl_players,
            model_commands::train_models,
            model_commands::list_training_runs,
            model_commands::list_model_versions,
            model_commands::deploy_model,
            model_commands::rollback_model,
            model_commands::project_slate,
            ops_commands::backup_now,
            ops_commands::list_backups,
            ops_commands::restore_backup,
            ops_commands::run_doctor,
            ops_commands::monitor_snapshot,
            ops_commands::check_update,
            ops_commands::install_update,
            contest_commands::list_contests,
            contest_commands::add_contest,
            contest_commands::edit_contest,
            contest_commands::remove_contest,
            contest_commands::pick_contest,
            contest_commands::cancel_pick,
            contest_commands::save_pick,
            contest_commands::import_standings,
            contest_commands::contest_backtest,
            contest_commands::contest_record,
            contest_commands::contest_field,
            contest_commands::slate_ownership,
            demo_commands::open_demo,
            demo_commands::leave_demo,
        }
    };
}

macro_rules! command_names {
    ($($module:ident::$name:ident),* $(,)?) => {
        /// Every IPC command's name.
        pub const COMMAND_NAMES: &[&str] = &[$(stringify!($name)),*];
    };
}

app_commands!(command_names);
