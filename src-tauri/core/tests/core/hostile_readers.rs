//! Every reader of outside data fed values at the edges (huge, negative, non-finite, overlong,
//! not numbers at all) in every cell it reads: each one answers with a value in range or an
//! error naming the file, and never panics.

use nfl_dfs_core::dk::Position;
use nfl_dfs_core::dk::{LineupFile, SalaryFile};
use nfl_dfs_core::nflverse::{play_by_play, player_week, roster_files, schedule, team_week, Table};
use nfl_dfs_core::projection::registry;
use proptest::prelude::*;
use std::io::Read;
use std::path::Path;

fn repo(rel: &str) -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .join(rel)
}

/// Text at the edges of what a cell may hold.
fn edge() -> impl Strategy<Value = String> {
    prop_oneof![
        Just(String::new()),
        Just("NA".to_string()),
        Just("inf".to_string()),
        Just("-inf".to_string()),
        Just("NaN".to_string()),
        Just("1e400".to_string()),
        Just("-1e400".to_string()),
        Just("1e308".to_string()),
        Just("-0".to_string()),
        Just("2147483648".to_string()),
        Just("-2147483649".to_string()),
        Just("18446744073709551616".to_string()),
        Just("3000000000".to_string()),
        Just("4294967295".to_string()),
        Just("0x10".to_string()),
        Just("1,000".to_string()),
        Just("\"quoted, with comma\"".to_string()),
        Just("é🏈\u{202e}".to_string()),
        (0usize..20_000).prop_map(|n| "9".repeat(n)),
        any::<i64>().prop_map(|n| n.to_string()),
        any::<f64>().prop_map(|v| v.to_string()),
        "[ -~]{0,40}",
    ]
}

/// `text` (a CSV with a header) with cell `column` of data row `row` replaced by `value`.
fn with_cell(text: &str, row: usize, column: usize, value: &str) -> String {
    let mut lines: Vec<String> = text.lines().map(str::to_string).collect();
    let index = (1 + row % (lines.len() - 1)).min(lines.len() - 1);
    let mut cells: Vec<String> = lines[index].split(',').map(str::to_string).collect();
    let column = column % cells.len();
    cells[column] = value.to_string();
    lines[index] = cells.join(",");
    lines.join("\n") + "\n"
}

fn first_lines(path: &str, n: usize) -> String {
    std::fs::read_to_string(repo(path))
        .unwrap()
        .lines()
        .take(n)
        .collect::<Vec<_>>()
        .join("\n")
}

/// Reads an nflverse file with every reader that recognises its header.
fn read_nflverse(name: &str, bytes: Vec<u8>) {
    let open = || Table::open(name, std::io::Cursor::new(bytes.clone()));
    let Ok(mut table) = open() else { return };
    if player_week::is_player_week(&table) {
        let _ = player_week::read(&mut table, |w| {
            assert!((1999..=2100).contains(&w.season) && (1..=22).contains(&w.week));
            Ok(())
        });
    } else if team_week::is_team_week(&table) {
        let _ = team_week::read(&mut table, |w| {
            assert!((1999..=2100).contains(&w.season) && (1..=22).contains(&w.week));
            Ok(())
        });
    } else if schedule::is_schedule(&table) {
        let _ = schedule::read(&mut table, |_| Ok(()));
    } else if roster_files::is_roster(&table) {
        let _ = roster_files::read_roster(&mut table);
    } else if play_by_play::is_play_by_play(&table) {
        let _ = play_by_play::read(&mut table);
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn salary_files_take_any_cell(row in 0usize..40, column in 0usize..9, value in edge()) {
        let text = with_cell(&first_lines("data/DKSalaries-demo.csv", 40), row, column, &value);
        if let Ok(file) = SalaryFile::parse("DKSalaries.csv", text.as_bytes()) {
            for row in &file.rows {
                prop_assert!(row.salary > 0 && row.salary <= 100_000);
                prop_assert!(row.avg_points_per_game.is_finite());
            }
        }
    }

    #[test]
    fn lineup_files_take_any_cell(row in 0usize..3, column in 0usize..9, value in edge()) {
        let text = format!(
            "QB,RB,RB,WR,WR,WR,TE,FLEX,DST\n{}\n{}\n",
            ["1"; 9].join(","),
            ["2"; 9].join(",")
        );
        let _ = LineupFile::parse("upload.csv", with_cell(&text, row, column, &value).as_bytes());
    }

    #[test]
    fn standings_of_either_layout_take_any_cell(
        listing in any::<bool>(),
        row in 0usize..4,
        column in 0usize..20,
        value in edge(),
    ) {
        let lineup = "QB A Q RB B R RB C R WR D W WR E W WR F W TE G T FLEX H R DST I";
        let text = if listing {
            "Contest ID,QB,RB1,RB2,WR1,WR2,WR3,TE,FLEX,DST,score,rank,QB_id,maximumEntries,entryFee,contestSummary\n\
             7,A Q,B R,C R,D W,E W,F W,G T,H R,I,150.5,1,101,10,5,pays out the top 2 finishing positions\n\
             7,A Q,B R,C R,D W,E W,F W,G T,H R,I,140,2,101,10,5,pays out the top 2 finishing positions\n"
                .to_string()
        } else {
            let mut t = format!(
                "Rank,EntryId,EntryName,TimeRemaining,Points,Lineup,,Player,Roster Position,%Drafted,FPTS\n\
                 1,11,a,0,150.5,{lineup},,A Q,QB,50%,20\n2,12,b,0,140,{lineup},,B R,RB,50%,20\n"
            );
            for (name, position) in [("C R", "RB"), ("D W", "WR"), ("E W", "WR"), ("F W", "WR"), ("G T", "TE"), ("H R", "FLEX"), ("I", "DST")] {
                t.push_str(&format!(",,,,,,,{name},{position},50%,10\n"));
            }
            t
        };
        let edited = with_cell(&text, row, column, &value);
        if let Ok(s) = nfl_dfs_core::contest::standings::read_standings("s.csv", edited.as_bytes(), None) {
            for e in &s.entries {
                prop_assert!(e.points.is_finite() && (-50.0..=500.0).contains(&e.points));
                // An export's entry may have set no lineup; any other holds the nine slots.
                prop_assert!(e.rank >= 1 && (e.lineup.is_empty() || e.lineup.len() == 9));
            }
            for p in &s.players {
                prop_assert!((0.0..=100.0).contains(&p.drafted));
                prop_assert!(p.fpts.is_none_or(|f| f.is_finite()));
            }
            if let Some(size) = s.field_size {
                prop_assert!(size as usize > s.entries.len());
            }
        }
    }

    #[test]
    fn nflverse_files_take_any_cell(
        file in 0usize..3,
        row in 0usize..20,
        column in 0usize..60,
        value in edge(),
    ) {
        let (name, path) = [
            ("stats_player_week_2025.csv", "data/nflverse-demo/stats_player_week_2025.csv"),
            ("stats_team_week_2025.csv", "data/nflverse-demo/stats_team_week_2025.csv"),
            ("games.csv", "data/nflverse-demo/games.csv"),
        ][file];
        let text = with_cell(&first_lines(path, 20), row, column, &value);
        read_nflverse(name, text.into_bytes());
    }

    #[test]
    fn model_files_take_any_number(index in 0usize..200, value in edge(), cut in 0usize..40) {
        let mut json = String::new();
        flate2::read::GzDecoder::new(
            std::fs::File::open(repo("models/QB/baseline/model.json.gz")).unwrap(),
        )
        .read_to_string(&mut json)
        .unwrap();
        // Replace the index-th number of the file, and drop `cut` values from one array.
        let mut numbers = 0;
        let mut out = String::new();
        let mut rest = json.as_str();
        while let Some(start) = rest.find(|c: char| c.is_ascii_digit() || c == '-') {
            let end = rest[start..]
                .find(|c: char| !(c.is_ascii_alphanumeric() || "-+.".contains(c)))
                .map_or(rest.len(), |e| start + e);
            out.push_str(&rest[..start]);
            out.push_str(if numbers == index { &value } else { &rest[start..end] });
            numbers += 1;
            rest = &rest[end..];
        }
        out.push_str(rest);
        let mut crafted: serde_json::Value = match serde_json::from_str(&out) {
            Ok(v) => v,
            Err(_) => return Ok(()),
        };
        if let Some(values) = crafted["scaler"]["mean"].as_array_mut() {
            values.truncate(values.len().saturating_sub(cut % 3));
        }
        let dir = tempfile::tempdir().unwrap();
        let version = dir.path().join("QB/crafted");
        std::fs::create_dir_all(&version).unwrap();
        std::fs::copy(repo("models/QB/baseline/features.json"), version.join("features.json"))
            .unwrap();
        let metadata = std::fs::read_to_string(repo("models/QB/baseline/metadata.json"))
            .unwrap()
            .replace("\"version\": \"baseline\"", "\"version\": \"crafted\"");
        std::fs::write(version.join("metadata.json"), metadata).unwrap();
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        std::io::Write::write_all(&mut gz, &serde_json::to_vec(&crafted).unwrap()).unwrap();
        std::fs::write(version.join("model.json.gz"), gz.finish().unwrap()).unwrap();
        if let Ok(loaded) = registry::load_version(dir.path(), Position::QB, "crafted") {
            let width = loaded.model.width;
            for row in [vec![0.0; width], vec![1e300; width], vec![-1e300; width]] {
                if let Ok(points) = loaded.model.predict(&[row]) {
                    prop_assert!(points.iter().all(|p| p.is_finite()));
                }
            }
        }
    }
}
