//! Median time to parse each salary file given on the command line, as `file<TAB>players<TAB>µs`
//! lines. Used by `scripts/bench-slate-io.sh` to compare with pydfs-lineup-optimizer in one run.

use nfl_dfs_core::dk::SalaryFile;
use std::time::Instant;

const RUNS: usize = 51;

fn main() {
    for path in std::env::args().skip(1) {
        let bytes = std::fs::read(&path).expect("readable file");
        let name = path.rsplit('/').next().unwrap_or(&path).to_string();
        let mut times = Vec::with_capacity(RUNS);
        let mut players = 0;
        for _ in 0..RUNS {
            let start = Instant::now();
            let file = SalaryFile::parse(&name, &bytes).expect("a valid salary file");
            times.push(start.elapsed().as_secs_f64() * 1e6);
            players = std::hint::black_box(file).rows.len();
        }
        times.sort_by(f64::total_cmp);
        println!("{name}\t{players}\t{:.1}", times[RUNS / 2]);
    }
}
