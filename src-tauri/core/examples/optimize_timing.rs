//! Optimizer timings on salary files, as `file<TAB>mode<TAB>lineups<TAB>seconds<TAB>best` lines:
//! one lineup (median of 5 in-process runs), 150 lineups with rules only, 150 with a QB stack
//! of 1 and no offense against the DST, and 150 that differ in at least 3 players. Used by
//! `scripts/bench-optimizer.sh`.

use nfl_dfs_core::optimizer::{optimize, Rules};
use nfl_dfs_core::paths::DataPaths;
use nfl_dfs_core::Workspace;
use std::collections::HashMap;
use std::time::Instant;

#[tokio::main]
async fn main() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let ws = Workspace::open(DataPaths::in_folder(dir.path()))
        .await
        .expect("a workspace");
    let many: usize = std::env::var("LINEUPS")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(150);
    for path in std::env::args().skip(1) {
        let report = ws
            .import_slate_file(std::path::Path::new(&path), None)
            .await
            .expect("a valid salary file");
        let slate = ws.slate(report.slate.id).await.expect("the slate");
        let name = path.rsplit('/').next().unwrap_or(&path);
        let none = HashMap::new();

        let mut times = Vec::new();
        let mut best = 0.0;
        for _ in 0..5 {
            let start = Instant::now();
            let run = optimize(
                &slate,
                &none,
                &Rules::default(),
                &nfl_dfs_core::wall_clock,
                |_, _| true,
            )
            .expect("a lineup");
            times.push(start.elapsed().as_secs_f64());
            best = run.lineups[0].points;
        }
        times.sort_by(f64::total_cmp);
        println!("{name}\tone\t1\t{:.4}\t{best:.2}", times[2]);

        for (mode, rules) in [
            (
                "many",
                Rules {
                    lineups: many as u32,
                    ..Rules::default()
                },
            ),
            (
                "stack",
                Rules {
                    lineups: many as u32,
                    qb_stack: 1,
                    no_opponent_vs_dst: true,
                    ..Rules::default()
                },
            ),
            (
                "unique3",
                Rules {
                    lineups: many as u32,
                    min_unique: 3,
                    ..Rules::default()
                },
            ),
        ] {
            let start = Instant::now();
            let run = optimize(&slate, &none, &rules, &nfl_dfs_core::wall_clock, |_, _| {
                true
            })
            .expect("lineups");
            println!(
                "{name}\t{mode}\t{}\t{:.3}\t{:.2}",
                run.lineups.len(),
                start.elapsed().as_secs_f64(),
                run.lineups[0].points
            );
        }
    }
}
