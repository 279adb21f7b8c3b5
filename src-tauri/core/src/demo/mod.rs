//! The demo slate: a synthetic DraftKings salary file in the standard layout, made from fixed
//! lists and SHA-256-derived noise so it is the same on every machine and carries no
//! third-party data. It ships as `data/DKSalaries-demo.csv` (a test keeps that file equal to
//! [`salary_csv`]), opens the app on `./start.sh`, and serves tests as a slate with known shape.
//! [`cheap_lineups`] makes valid lineups of any slate for tests and benchmarks.

mod history;
mod roster;

pub use history::files;
pub use roster::{roster, DemoPlayer, LISTED_OUT, ROOKIE, UNMATCHED};

use crate::dk::Position;
use crate::lineup::NewLineup;
use crate::slate::Slate;
use chrono::NaiveTime;
use history::history;
use roster::{date, noise, DEPTH, GAMES};

/// A player's salary: the floor plus his average at the position's price per point, with a
/// little noise so value varies; a rookie is priced as a mid-depth player.
fn salary(player: &DemoPlayer, average: f64) -> u32 {
    let (_, _, floor, per_point) = DEPTH
        .iter()
        .find(|d| d.0 == player.position)
        .copied()
        .expect("a depth row per position");
    let noise = 1.0 + (noise(&format!("{}-salary", player.label)) - 0.5) * 0.3;
    let average = if player.label == ROOKIE {
        12.0
    } else {
        average
    };
    let raw = f64::from(floor) + average * per_point * noise;
    ((raw / 100.0).round() as u32 * 100).clamp(floor, 9800)
}

/// The demo salary file, in DraftKings' standard layout with CRLF line endings.
pub fn salary_csv() -> String {
    let mut rows: Vec<(u32, String)> = Vec::new();
    let mut next_id = 91_000_001u64;
    let roster = roster();
    let history = history();
    for (away, home, kickoff) in GAMES {
        let time = NaiveTime::parse_from_str(kickoff, "%H:%M").expect("valid kickoff");
        let game_info = format!(
            "{away}@{home} {} {} ET",
            date().format("%m/%d/%Y"),
            time.format("%I:%M%p")
        );
        for player in roster.iter().filter(|p| p.team == away || p.team == home) {
            let (position, label, name) = (player.position, &player.label, &player.name);
            let average = (history.average(label) * 100.0).round() / 100.0;
            let salary = salary(player, average);
            let roster_position = match position {
                "QB" | "DST" => position.to_string(),
                other => format!("{other}/FLEX"),
            };
            let id = next_id;
            next_id += 1;
            rows.push((
                salary,
                format!(
                    "{position},{name} ({id}),{name},{id},{roster_position},{salary},{game_info},{team},{average:.2}",
                    team = player.team
                ),
            ));
        }
    }
    // A player whose team is not on the slate: DraftKings lists such rows with `-`.
    rows.push((
        4500,
        format!("RB,Morgan Ashby ({next_id}),Morgan Ashby,{next_id},RB/FLEX,4500,-,HOU,0.00"),
    ));
    rows.sort_by_key(|row| std::cmp::Reverse(row.0));
    let mut text = String::from(
        "Position,Name + ID,Name,ID,Roster Position,Salary,Game Info,TeamAbbrev,AvgPointsPerGame\r\n",
    );
    for (_, row) in rows {
        text.push_str(&row);
        text.push_str("\r\n");
    }
    text
}

/// Up to `count` distinct valid lineups of a slate: the cheapest playable players in every slot,
/// with the quarterback and the defense varied (QB x DST combinations). Not good lineups; valid
/// ones, for tests and benchmarks.
pub fn cheap_lineups(slate: &Slate, count: usize) -> Vec<NewLineup> {
    let cheapest = |position: Position| -> Vec<i32> {
        let mut players: Vec<_> = slate
            .players
            .iter()
            .filter(|p| p.position == position && p.has_usable_game())
            .collect();
        players.sort_by_key(|p| (p.salary, p.id));
        players.iter().map(|p| p.id).collect()
    };
    let (qbs, rbs, wrs, tes, dsts) = (
        cheapest(Position::QB),
        cheapest(Position::RB),
        cheapest(Position::WR),
        cheapest(Position::TE),
        cheapest(Position::DST),
    );
    if rbs.len() < 3 || wrs.len() < 3 || tes.is_empty() {
        return vec![];
    }
    dsts.iter()
        .flat_map(|dst| qbs.iter().map(move |qb| (*qb, *dst)))
        .take(count)
        .enumerate()
        .map(|(i, (qb, dst))| NewLineup {
            players: [
                qb, rbs[0], rbs[1], wrs[0], wrs[1], wrs[2], tes[0], rbs[2], dst,
            ],
            projected_points: Some(100.0 + i as f64),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dk::{SalaryFile, SalaryLayout};

    #[test]
    fn the_demo_file_parses_as_a_standard_salary_file() {
        let file = SalaryFile::parse("demo.csv", salary_csv().as_bytes()).unwrap();
        assert_eq!(file.layout, SalaryLayout::Standard);
        assert_eq!(file.rows.len(), 16 * 22 + 1);
        assert_eq!(file.games().len(), GAMES.len());
    }

    #[test]
    fn the_shipped_demo_file_is_current() {
        let path =
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data/DKSalaries-demo.csv");
        let fresh = salary_csv();
        if std::env::var_os("UPDATE_DEMO_DATA").is_some() {
            std::fs::write(&path, &fresh).unwrap();
        }
        let shipped = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(
            shipped == fresh,
            "data/DKSalaries-demo.csv is stale: run `UPDATE_DEMO_DATA=1 cargo test -p nfl-dfs-core demo`"
        );
    }
}
