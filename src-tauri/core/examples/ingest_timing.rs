//! nflverse ingest timings against the targets: five seasons of weekly player and team
//! stats plus games.csv (target <= 3 s), one generated play-by-play season of 50,000 rows x 372
//! columns, gzip (target <= 15 s), and the peak memory of the process (target < 500 MB).
//! Usage: ingest_timing [DATA_DIR] (default ../shared/data). Used by `scripts/bench-ingest.sh`.

use flate2::write::GzEncoder;
use nfl_dfs_core::paths::DataPaths;
use nfl_dfs_core::Workspace;
use std::io::Write;
use std::path::Path;
use std::time::Instant;

/// Peak resident memory of this process, MB (Linux; None elsewhere).
fn peak_mb() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024.0)
}

/// A play-by-play season: 50,000 plays over 267 games with nflverse's width, sacks,
/// interceptions, touchdowns, field goals and tries spread through it.
fn write_season(path: &Path) {
    let used = [
        "play_id",
        "game_id",
        "season",
        "week",
        "season_type",
        "home_team",
        "away_team",
        "posteam",
        "defteam",
        "play_type",
        "sack",
        "interception",
        "fumble_lost",
        "fumble_recovery_1_team",
        "touchdown",
        "td_team",
        "return_touchdown",
        "safety",
        "field_goal_result",
        "extra_point_result",
        "two_point_conv_result",
        "punt_blocked",
        "defensive_two_point_conv",
        "defensive_extra_point_conv",
    ];
    let mut header: Vec<String> = used.iter().map(|s| s.to_string()).collect();
    header.extend((header.len()..372).map(|i| format!("extra_{i}")));
    let teams = ["KC", "LV", "DEN", "LAC", "BUF", "MIA", "NE", "NYJ"];
    let file = std::fs::File::create(path).expect("a temporary file");
    let mut out = GzEncoder::new(std::io::BufWriter::new(file), Default::default());
    writeln!(out, "{}", header.join(",")).unwrap();
    let width = header.len() - used.len();
    for play in 0..50_000u32 {
        // Cells like nflverse's: probabilities, yard lines, ids and a play description.
        let filler: String = (0..width)
            .map(|i| match i % 7 {
                0 => format!("\"({}:{:02}) (Shotgun) P.Mahomes pass short right to T.Kelce to KC {} for {} yards\"", play % 15, play % 60, play % 50, i % 20),
                1 => format!("00-00{:05}", (play * 31 + i as u32) % 99_999),
                _ => format!("{:.6}", f64::from(play % 997) / 997.0 + i as f64 / 1e4),
            })
            .collect::<Vec<_>>()
            .join(",");
        let game = play / 187;
        let (home, away) = (
            teams[(game % 4) as usize * 2],
            teams[(game % 4) as usize * 2 + 1],
        );
        let (pos, def) = if play % 2 == 0 {
            (home, away)
        } else {
            (away, home)
        };
        let sack = u8::from(play % 23 == 0);
        let int = u8::from(play % 41 == 0);
        let td = u8::from(play % 29 == 0);
        let fg = if play % 37 == 0 { "made" } else { "" };
        writeln!(
            out,
            "{play},2018_{:02}_{away}_{home},2018,{},REG,{home},{away},{pos},{def},pass,{sack},{int},0,,{td},{},0,0,{fg},,,0,0,0,{filler}",
            game % 17 + 1,
            game % 17 + 1,
            if td == 1 { pos } else { "" },
        )
        .unwrap();
    }
    out.finish().unwrap().flush().unwrap();
}

#[tokio::main]
async fn main() {
    let data = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "../shared/data".into());
    let data = Path::new(&data).join("nflverse");
    let dir = tempfile::tempdir().expect("a temporary folder");
    let ws = Workspace::open(DataPaths::in_folder(dir.path()))
        .await
        .expect("a workspace");

    let start = Instant::now();
    let mut rows = 0;
    let mut files = vec![data.join("schedules/games.csv")];
    for season in 2018..=2022 {
        files.push(data.join(format!("player_stats_weekly/player_stats_{season}.csv")));
        files.push(data.join(format!("team_stats_weekly/stats_team_week_{season}.csv")));
    }
    for file in &files {
        let report = ws
            .ingest_paths(&[&file], |_| true)
            .await
            .expect("real files load");
        rows += report.files.iter().map(|f| f.rows).sum::<u64>();
    }
    let seconds = start.elapsed().as_secs_f64();
    println!("five seasons (player + team stats 2018-2022) + games.csv: {rows} rows in {seconds:.2} s (target <= 3 s, {:.1}x under)", 3.0 / seconds);

    let pbp = dir.path().join("play_by_play_2018.csv.gz");
    write_season(&pbp);
    let size = std::fs::metadata(&pbp).map(|m| m.len()).unwrap_or(0);
    let start = Instant::now();
    let report = ws
        .ingest_paths(&[&pbp], |_| true)
        .await
        .expect("the generated season loads");
    let seconds = start.elapsed().as_secs_f64();
    println!(
        "play-by-play season (50,000 plays x 372 columns, {:.1} MB gzip): {} DST games in {seconds:.2} s (target <= 15 s, {:.1}x under)",
        size as f64 / 1e6,
        report.files[0].rows,
        15.0 / seconds
    );
    match peak_mb() {
        Some(mb) => println!("peak memory: {mb:.0} MB (target < 500 MB)"),
        None => println!("peak memory: not measured on this OS"),
    }
}
