//! The walls of ARCHITECTURE.md, checked on the sources: the domain crate knows no database,
//! runtime, window, network or file system; only the store (`core/src/store/`) names sea-orm or
//! holds SQL; the front ends (CLI, shell) hold neither, and cannot reach the store: it is a
//! private module of the core, opened only to the core's own tests by a feature the front ends
//! never enable (the compiler refuses any other path).

use std::path::{Path, PathBuf};

fn src_tauri() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// Every `.rs` file under `dir`, recursively.
fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                out.push(path);
            }
        }
    }
    out.sort();
    out
}

/// The dependency names of a manifest's `[dependencies]` table.
fn dependencies(manifest: &str) -> Vec<String> {
    let mut inside = false;
    let mut names = Vec::new();
    for line in manifest.lines() {
        let line = line.trim();
        if line.starts_with('[') {
            inside = line == "[dependencies]";
            continue;
        }
        if inside {
            if let Some((name, _)) = line.split_once('=') {
                let name = name.trim().split('.').next().unwrap_or("").to_string();
                if !name.is_empty() && !name.starts_with('#') {
                    names.push(name);
                }
            }
        }
    }
    names
}

/// Lines of a source that hold SQL: a string literal opening with an SQL statement keyword.
fn sql_lines(source: &str) -> Vec<String> {
    const KEYWORDS: [&str; 12] = [
        "SELECT ", "INSERT ", "UPDATE ", "DELETE ", "CREATE ", "DROP ", "ALTER ", "PRAGMA ",
        "VACUUM ", "BEGIN ", "WITH ", "REPLACE ",
    ];
    source
        .lines()
        .filter(|line| {
            line.split('"')
                .skip(1)
                .step_by(2)
                .any(|literal| KEYWORDS.iter().any(|k| literal.trim_start().starts_with(k)))
        })
        .map(str::to_string)
        .collect()
}

/// Whether a source names the database library in code (string literals, such as a log
/// filter `sqlx::query=info`, do not count).
fn names_sea_orm(source: &str) -> bool {
    source.lines().any(|line| {
        let code: String = line.split('"').step_by(2).collect();
        code.contains("sea_orm::") || code.contains("use sea_orm") || code.contains("sqlx::")
    })
}

#[test]
fn the_domain_crate_has_no_database_runtime_window_or_network() {
    let manifest = std::fs::read_to_string(src_tauri().join("domain/Cargo.toml")).unwrap();
    let deps = dependencies(&manifest);
    assert!(deps.contains(&"highs".to_string()), "parsed: {deps:?}");
    for banned in [
        "sea-orm",
        "sea-orm-migration",
        "migration",
        "sqlx",
        "tokio",
        "tauri",
        "reqwest",
        "nfl-dfs-core",
        "tempfile",
        "dirs",
    ] {
        assert!(
            !deps.iter().any(|d| d == banned || d.starts_with("tauri")),
            "nfl-dfs-domain depends on {banned}: {deps:?}"
        );
    }
    for file in rust_files(&src_tauri().join("domain/src")) {
        let text = std::fs::read_to_string(&file).unwrap();
        for banned in ["std::fs", "tokio::", "sea_orm", "std::net", "File::open"] {
            assert!(
                !text.contains(banned),
                "{} uses {banned}: the domain takes bytes and values, the app reads files",
                file.display()
            );
        }
        for banned in ["Instant", "SystemTime", "Utc::now", "Local::now"] {
            assert!(
                !text.contains(banned),
                "{} reads the clock ({banned}): the domain is handed a `clock::Clock` or a time",
                file.display()
            );
        }
    }
}

#[test]
fn only_the_store_names_sea_orm_or_writes_sql() {
    let store = src_tauri().join("core/src/store");
    let mut checked = 0;
    for root in ["core/src", "cli/src", "src", "domain/src"] {
        for file in rust_files(&src_tauri().join(root)) {
            if file.starts_with(&store) {
                continue;
            }
            checked += 1;
            let text = std::fs::read_to_string(&file).unwrap();
            assert!(
                !names_sea_orm(&text),
                "{} names sea-orm: every table's SQL belongs to a module of core/src/store",
                file.display()
            );
            let sql = sql_lines(&text);
            assert!(
                sql.is_empty(),
                "{} holds SQL, which belongs to core/src/store:\n{}",
                file.display(),
                sql.join("\n")
            );
        }
    }
    assert!(checked > 50, "only {checked} files were checked");
    let in_store: usize = rust_files(&store)
        .iter()
        .map(|f| sql_lines(&std::fs::read_to_string(f).unwrap()).len())
        .sum();
    assert!(
        in_store > 30,
        "the detector found only {in_store} SQL lines in the store"
    );
}

#[test]
fn the_store_is_private_to_the_core_and_no_front_end_enables_test_support() {
    let lib = std::fs::read_to_string(src_tauri().join("core/src/lib.rs")).unwrap();
    assert!(
        lib.lines().any(|l| l == "mod store;"),
        "core/src/lib.rs declares the store private (`mod store;`)"
    );
    assert!(!lib.contains("pub mod store") && !lib.contains("pub(crate) mod store"));
    let workspace = std::fs::read_to_string(src_tauri().join("core/src/workspace/mod.rs")).unwrap();
    assert!(
        !workspace.contains("pub fn db("),
        "the workspace hands out no database handle"
    );
    for manifest in ["../Cargo.toml", "cli/Cargo.toml"] {
        let text = std::fs::read_to_string(src_tauri().join(manifest)).unwrap();
        assert!(text.contains("nfl-dfs-core"), "{manifest} was read");
        assert!(
            !text.contains("test-support"),
            "{manifest} enables the core's test-support feature, which opens the store to it"
        );
    }
}

#[test]
fn the_detectors_catch_what_they_look_for() {
    assert_eq!(
        sql_lines("let q = \"SELECT id FROM slates\";\nlet s = \"selected\";").len(),
        1
    );
    assert!(sql_lines("let s = \"Update the app\";").is_empty());
    assert!(names_sea_orm("use sea_orm::Statement;"));
    assert!(!names_sea_orm(
        "EnvFilter::new(\"sea_orm=warn,sqlx::query=info\")"
    ));
    assert!(names_sea_orm("let x = sea_orm::sqlx::Error::PoolClosed;"));
    assert_eq!(
        dependencies("[package]\nname = \"x\"\n[dependencies]\ntokio = \"1\"\nserde.workspace = true\n[dev-dependencies]\nproptest = \"1\""),
        ["tokio", "serde"]
    );
}
