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

/// A crate's module path of a source file (`projection::project`; `""` for the root).
fn module_of(src: &Path, file: &Path) -> String {
    let rel = file.strip_prefix(src).unwrap().with_extension("");
    let mut parts: Vec<String> = rel
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    if matches!(
        parts.last().map(String::as_str),
        Some("mod" | "lib" | "main")
    ) {
        parts.pop();
    }
    parts.join("::")
}

/// The modules a source names through `crate::` and `super::` paths outside comments (and, in
/// a `mod.rs` or `lib.rs`, its children's by `use child::…`), each resolved to the longest
/// known module its path starts with.
fn imports(module: &str, is_mod_file: bool, source: &str, known: &[String]) -> Vec<String> {
    let mut out = Vec::new();
    for line in source.lines() {
        let code = line.split("//").next().unwrap_or("");
        // A `mod.rs` or `lib.rs` names its children by relative paths: `pub use child::X;`.
        if is_mod_file {
            let trimmed = code.trim_start();
            let after_use = ["use ", "pub use ", "pub(crate) use ", "pub(super) use "]
                .iter()
                .find_map(|p| trimmed.strip_prefix(p));
            if let Some(path) = after_use {
                let first: String = path
                    .chars()
                    .take_while(|c| c.is_alphanumeric() || *c == '_')
                    .collect();
                let child = if module.is_empty() {
                    first
                } else {
                    format!("{module}::{first}")
                };
                if known.contains(&child) {
                    out.push(child);
                }
            }
        }
    }
    // `crate::` and `super::` paths, over the whole source so a `use` split over lines or a
    // braced group (`use crate::{a, b::c};`) counts each of its paths.
    let code: String = source
        .lines()
        .map(|l| l.split("//").next().unwrap_or(""))
        .collect::<Vec<_>>()
        .join("\n");
    for (at, _) in code
        .match_indices("crate::")
        .chain(code.match_indices("super::"))
    {
        if at > 0
            && (code.as_bytes()[at - 1].is_ascii_alphanumeric() || code.as_bytes()[at - 1] == b':')
        {
            continue;
        }
        for path in expand(&code[at..]) {
            out.push(resolve(module, &path, known));
        }
    }
    out
}

/// The paths a `use` tree starting at `text` names: `crate::a::{b, c::d}` gives
/// `crate::a::b` and `crate::a::c::d` (a plain path gives itself).
fn expand(text: &str) -> Vec<String> {
    let head: String = text
        .chars()
        .take_while(|c| c.is_alphanumeric() || *c == '_' || *c == ':')
        .collect();
    let after = &text[head.len()..];
    if !head.ends_with("::") || !after.starts_with('{') {
        return vec![head];
    }
    // The braced group's items, split at its top-level commas.
    let mut depth = 0;
    let mut items = Vec::new();
    let mut start = 1;
    for (k, c) in after.char_indices() {
        match c {
            '{' => depth += 1,
            '}' => {
                depth -= 1;
                if depth == 0 {
                    items.push(&after[start..k]);
                    break;
                }
            }
            ',' if depth == 1 => {
                items.push(&after[start..k]);
                start = k + 1;
            }
            _ => {}
        }
    }
    items
        .iter()
        .map(|item| item.trim())
        .filter(|item| !item.is_empty() && *item != "self")
        .flat_map(|item| {
            expand(item)
                .into_iter()
                .map(|p| format!("{head}{p}"))
                .collect::<Vec<_>>()
        })
        .collect()
}

/// The longest known module a `crate::` or `super::` path from `module` starts with.
fn resolve(module: &str, path: &str, known: &[String]) -> String {
    let parent = |m: &str| {
        m.rsplit_once("::")
            .map_or(String::new(), |(p, _)| p.to_string())
    };
    let mut segments: Vec<&str> = path.split("::").filter(|s| !s.is_empty()).collect();
    let mut base = if segments.first() == Some(&"crate") {
        segments.remove(0);
        String::new()
    } else {
        // `super::` is the module above this one (a `mod.rs` is its folder's module).
        let mut base = module.to_string();
        while segments.first() == Some(&"super") {
            segments.remove(0);
            base = parent(&base);
        }
        base
    };
    let mut best = base.clone();
    for s in segments {
        base = if base.is_empty() {
            s.to_string()
        } else {
            format!("{base}::{s}")
        };
        if known.contains(&base) {
            best = base.clone();
        }
    }
    best
}

/// Import cycles among a crate's modules: the edges on a cycle. A module naming its own
/// ancestors is left out (a child using its parent's helpers).
fn import_cycles(src: &Path) -> Vec<Vec<String>> {
    let files = rust_files(src);
    let known: Vec<String> = files.iter().map(|f| module_of(src, f)).collect();
    // A module naming one of its own ancestors (`super::`, a helper of its parent) is
    // structure, not an import; a parent naming its child's items is an import like any other.
    let related = |a: &str, b: &str| a == b || b.is_empty() || a.starts_with(&format!("{b}::"));
    let mut edges: std::collections::BTreeMap<String, std::collections::BTreeSet<String>> =
        Default::default();
    for file in &files {
        let module = module_of(src, file);
        let is_mod_file = matches!(
            file.file_stem().and_then(|s| s.to_str()),
            Some("mod" | "lib" | "main")
        );
        let text = std::fs::read_to_string(file).unwrap();
        // Unit tests may reach anywhere in their crate.
        let text = text.split("#[cfg(test)]").next().unwrap_or("");
        for target in imports(&module, is_mod_file, text, &known) {
            if !related(&module, &target) {
                edges.entry(module.clone()).or_default().insert(target);
            }
        }
    }
    // An edge is on a cycle when its target reaches its source again.
    let reaches = |from: &str, to: &str| {
        let mut stack = vec![from.to_string()];
        let mut seen = std::collections::BTreeSet::new();
        while let Some(n) = stack.pop() {
            if n == to {
                return true;
            }
            if seen.insert(n.clone()) {
                stack.extend(edges.get(&n).into_iter().flatten().cloned());
            }
        }
        false
    };
    let mut cycles = Vec::new();
    for (a, targets) in &edges {
        for b in targets {
            if reaches(b, a) {
                cycles.push(vec![a.clone(), b.clone()]);
            }
        }
    }
    cycles
}

#[test]
fn no_module_imports_one_that_imports_it_back() {
    for krate in ["domain/src", "core/src", "cli/src", "src"] {
        let cycles = import_cycles(&src_tauri().join(krate));
        assert!(
            cycles.is_empty(),
            "{krate}: modules that import each other, directly or through others \
             (each pair is an edge on a cycle): {cycles:?}"
        );
    }
}

#[test]
fn the_cycle_detector_sees_a_cycle_through_a_third_module() {
    let dir = tempfile::tempdir().unwrap();
    let src = dir.path();
    std::fs::create_dir_all(src.join("a")).unwrap();
    std::fs::write(src.join("lib.rs"), "pub mod a;\npub mod b;\npub mod c;\n").unwrap();
    std::fs::write(src.join("a/mod.rs"), "pub mod inner;\nuse crate::b::X;\n").unwrap();
    std::fs::write(
        src.join("a/inner.rs"),
        "use super::Y; // a parent, not a cycle\n",
    )
    .unwrap();
    std::fs::write(src.join("b.rs"), "use crate::c::Z;\n").unwrap();
    std::fs::write(src.join("c.rs"), "// use crate::a::W; in a comment\n").unwrap();
    assert!(import_cycles(src).is_empty());
    // c naming a module below a is no cycle (a's child imports nothing of b or c)...
    std::fs::write(src.join("c.rs"), "fn f() { crate::a::inner::W::new(); }\n").unwrap();
    assert!(import_cycles(src).is_empty());
    // ...nor is a's own use of its child...
    std::fs::write(
        src.join("a/mod.rs"),
        "pub mod inner;\npub use inner::W;\nuse crate::b::X;\n",
    )
    .unwrap();
    assert!(import_cycles(src).is_empty());
    // ...but the child naming c, which names a, is one: a -> inner -> c -> a.
    std::fs::write(src.join("a/inner.rs"), "use crate::c::V;\n").unwrap();
    std::fs::write(src.join("c.rs"), "use crate::a::W;\n").unwrap();
    assert!(!import_cycles(src).is_empty());
    std::fs::write(src.join("a/inner.rs"), "use super::Y;\n").unwrap();
    // ...c naming a itself closes a -> b -> c -> a.
    std::fs::write(src.join("c.rs"), "fn f() { crate::a::W::new(); }\n").unwrap();
    let cycles = import_cycles(src);
    assert_eq!(cycles.len(), 3, "{cycles:?}");
    // The same through a braced `use` over several lines.
    std::fs::write(src.join("c.rs"), "use crate::{\n    a::{W, V},\n};\n").unwrap();
    assert_eq!(import_cycles(src).len(), 3);
}
