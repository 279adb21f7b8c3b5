//! Tauri build step. Declaring the app's commands here makes each one a permission
//! (`allow-<command>`), so a window can call only the commands its capability in
//! tauri.conf.json grants: least privilege, no command open by default. It also lists the demo
//! files (`data/`, `models/`) for the app to embed (`demo_files.rs` in the build's output).

use std::path::{Path, PathBuf};

fn main() {
    embed_demo_files();
    tauri_build::try_build(
        tauri_build::Attributes::new()
            .app_manifest(tauri_build::AppManifest::new().commands(COMMAND_NAMES)),
    )
    .expect("tauri build step failed");
}

/// Writes `DEMO_FILES: &[(&str, &[u8])]`: each demo file's path inside the demo folder and its
/// bytes (`include_bytes!`), from the salary file, `data/nflverse-demo/` and `models/`.
fn embed_demo_files() {
    let root = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets it"));
    let mut files: Vec<(String, PathBuf)> = vec![(
        "DKSalaries-demo.csv".into(),
        root.join("data/DKSalaries-demo.csv"),
    )];
    collect(
        &root.join("data/nflverse-demo"),
        "nflverse-demo",
        &mut files,
    );
    collect(&root.join("models"), "models", &mut files);
    files.sort();
    let mut code = String::from("/// The demo's files: path inside the demo folder, bytes.\n");
    code.push_str("pub const DEMO_FILES: &[(&str, &[u8])] = &[\n");
    for (name, path) in &files {
        println!("cargo:rerun-if-changed={}", path.display());
        code.push_str(&format!(
            "    ({name:?}, include_bytes!({:?})),\n",
            path.display().to_string()
        ));
    }
    code.push_str("];\n");
    println!("cargo:rerun-if-changed=data");
    println!("cargo:rerun-if-changed=models");
    let out = PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets it"));
    std::fs::write(out.join("demo_files.rs"), code).expect("writing demo_files.rs");
}

/// Every file under `dir` (recursively) as (`prefix/relative path`, path); READMEs left out.
fn collect(dir: &Path, prefix: &str, out: &mut Vec<(String, PathBuf)>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        let name = entry.file_name().to_string_lossy().into_owned();
        if path.is_dir() {
            collect(&path, &format!("{prefix}/{name}"), out);
        } else if name != "README.md" {
            out.push((format!("{prefix}/{name}"), path));
        }
    }
}

include!("src/command_names.rs");
