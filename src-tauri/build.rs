//! Tauri build step. Declaring the app's commands here makes each one a permission
//! (`allow-<command>`), so a window can call only the commands its capability in
//! tauri.conf.json grants: least privilege, no command open by default.

fn main() {
    tauri_build::try_build(
        tauri_build::Attributes::new()
            .app_manifest(tauri_build::AppManifest::new().commands(COMMAND_NAMES)),
    )
    .expect("tauri build step failed");
}

include!("src/command_names.rs");
