//! The Tauri shell of NFL DFS. It only translates: IPC calls into [`nfl_dfs_core`] calls, core
//! errors into `{code, message}`, long work into progress events. No domain logic lives here.

pub mod bindings;
pub mod commands;
pub mod contest_commands;
pub mod demo_commands;
pub mod error;
pub mod events;
mod menu;
pub mod model_commands;
pub mod nfl_commands;
pub mod ops_commands;
mod refresh;
pub mod state;
pub mod updates;

use nfl_dfs_core::paths::DataPaths;
use nfl_dfs_core::{logging, Workspace};
use state::AppState;
use tauri::Manager;

/// Starts the desktop app: resolves the data folder, starts logging, opens the database (an
/// unusable one is reported in the window, not by a crash), and runs the window's event loop.
pub fn run() {
    let paths = DataPaths::resolve(None);
    let log_guard =
        paths
            .as_ref()
            .ok()
            .and_then(|p| match logging::init(&p.logs_dir(), "info", p.profile) {
                Ok(guard) => Some(guard),
                Err(e) => {
                    eprintln!("logging disabled: {e}");
                    None
                }
            });
    let workspace = match &paths {
        Ok(paths) => tauri::async_runtime::block_on(Workspace::open_checked(paths.clone())),
        Err(e) => Err(nfl_dfs_core::Error::Config(e.to_string())),
    };
    match &workspace {
        Ok(ws) => tracing::info!(
            version = nfl_dfs_core::APP_VERSION,
            database = %ws.paths().database_display(),
            "NFL DFS started"
        ),
        Err(e) => tracing::error!("the database could not be opened: {e}"),
    }

    tauri::Builder::default()
        .plugin(tauri_plugin_dialog::init())
        .plugin(tauri_plugin_updater::Builder::new().build())
        .menu(menu::build)
        .on_menu_event(menu::on_event)
        .setup(move |app| {
            refresh::spawn(app.handle().clone());
            let handle = app.handle().clone();
            tauri::async_runtime::spawn(async move {
                let state = handle.state::<AppState>();
                let endpoint = match state.current() {
                    Ok(ws) => ws.typed_settings().await.map(|s| s.update_url),
                    Err(_) => return,
                };
                match endpoint {
                    Ok(endpoint) => updates::check_in_background(handle.clone(), endpoint),
                    Err(e) => tracing::warn!("update check skipped: {e}"),
                }
            });
            Ok(())
        })
        .manage(AppState::new(paths, workspace))
        .invoke_handler(commands::handler())
        .build(tauri::generate_context!())
        .expect("the window system failed to start")
        .run(|app, event| {
            if let tauri::RunEvent::Exit = event {
                // The journal goes into the database file, so the file alone is whole.
                if let Ok(ws) = app.state::<AppState>().current() {
                    if let Err(e) = tauri::async_runtime::block_on(ws.close()) {
                        tracing::warn!("the database was not closed cleanly: {e}");
                    }
                }
            }
        });
    drop(log_guard);
}
