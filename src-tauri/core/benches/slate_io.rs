//! Slates in and out: parsing a salary file, importing it into SQLite (one transaction), and
//! writing 500 lineups as an upload file or into an entries file. Uses the largest real file
//! (951 players) when `../shared/data` is present, else the demo slate.
//!
//! `cargo bench -p nfl-dfs-core --bench slate_io`; `scripts/bench-slate-io.sh` compares parsing
//! with pydfs-lineup-optimizer's CSV loader in the same run.

use criterion::{criterion_group, criterion_main, BatchSize, Criterion};
use nfl_dfs_core::dk::{LineupFile, SalaryFile};
use nfl_dfs_core::lineup::{self, ValidationRules};
use nfl_dfs_core::paths::DataPaths;
use nfl_dfs_core::{demo, Workspace};
use std::path::PathBuf;

const LARGEST: &str = "2019_w01_thu-mon_09-05_09-09.csv";

fn salary_file() -> (String, Vec<u8>) {
    let dir = std::env::var_os("NFL_DFS_REAL_DATA")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data"));
    match std::fs::read(dir.join("dk_salaries").join(LARGEST)) {
        Ok(bytes) => (LARGEST.to_string(), bytes),
        Err(_) => {
            eprintln!("no real data: benchmarking the demo slate instead");
            (
                "DKSalaries-demo.csv".into(),
                demo::salary_csv().into_bytes(),
            )
        }
    }
}

fn bench(c: &mut Criterion) {
    let runtime = tokio::runtime::Runtime::new().unwrap();
    let (name, bytes) = salary_file();

    c.bench_function(&format!("parse {name}"), |b| {
        b.iter(|| SalaryFile::parse(&name, &bytes).unwrap())
    });

    c.bench_function(&format!("import {name} into SQLite"), |b| {
        b.iter_batched(
            || {
                let dir = tempfile::tempdir().unwrap();
                let ws = runtime
                    .block_on(Workspace::open(DataPaths::in_folder(dir.path())))
                    .unwrap();
                (dir, ws)
            },
            |(dir, ws)| {
                runtime
                    .block_on(ws.import_slate(&name, &bytes, None))
                    .unwrap();
                (dir, ws)
            },
            BatchSize::PerIteration,
        )
    });

    // 500 stored lineups of the demo slate, then the two exports (validation included).
    let dir = tempfile::tempdir().unwrap();
    let ws = runtime
        .block_on(Workspace::open(DataPaths::in_folder(dir.path())))
        .unwrap();
    let report = runtime
        .block_on(ws.import_slate("demo.csv", demo::salary_csv().as_bytes(), None))
        .unwrap();
    let slate = runtime.block_on(ws.slate(report.slate.id)).unwrap();
    runtime
        .block_on(ws.save_lineups(slate.summary.id, &demo::cheap_lineups(&slate, 500), "bench"))
        .unwrap();
    let stored = runtime.block_on(ws.lineups(slate.summary.id)).unwrap();
    let rules = ValidationRules {
        salary_cap: 50_000,
        late_swap: None,
    };
    let kickoff = slate.summary.first_kickoff.unwrap() - chrono::Duration::hours(1);

    c.bench_function("export 500 lineups (upload file)", |b| {
        b.iter(|| lineup::export(&slate, &stored, None, &rules, kickoff).unwrap())
    });

    let mut entries = String::from(
        "Entry ID,Contest Name,Contest ID,Entry Fee,QB,RB,RB,WR,WR,WR,TE,FLEX,DST,,Instructions\r\n",
    );
    for i in 0..500 {
        entries.push_str(&format!(
            "{},NFL Single Entry,1,$5,,,,,,,,,,,\r\n",
            5000 + i
        ));
    }
    let entries = LineupFile::parse("DKEntries.csv", entries.as_bytes()).unwrap();
    c.bench_function("fill 500 entries (DKEntries.csv)", |b| {
        b.iter(|| lineup::export(&slate, &stored, Some(&entries), &rules, kickoff).unwrap())
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
