//! The demo slate: a synthetic DraftKings salary file in the standard layout, made from fixed
//! lists and SHA-256-derived noise so it is the same on every machine and carries no
//! third-party data. It ships as `data/DKSalaries-demo.csv` (a test keeps that file equal to
//! [`salary_csv`]), opens the app on `./start.sh`, and serves tests as a slate with known shape.
//! [`cheap_lineups`] makes valid lineups of any slate for tests and benchmarks.

use crate::dk::Position;
use crate::lineup::NewLineup;
use crate::slate::Slate;
use chrono::{NaiveDate, NaiveTime};
use sha2::{Digest, Sha256};

/// The games of the demo slate: away, home, Eastern kickoff (`HH:MM`, 24 h).
pub const GAMES: [(&str, &str, &str); 8] = [
    ("BUF", "MIA", "13:00"),
    ("KC", "LV", "13:00"),
    ("PHI", "DAL", "13:00"),
    ("CIN", "BAL", "13:00"),
    ("NYJ", "NE", "13:00"),
    ("SF", "SEA", "16:25"),
    ("LAR", "ARI", "16:25"),
    ("DET", "GB", "20:20"),
];

/// The demo slate's date (a Sunday).
pub fn date() -> NaiveDate {
    NaiveDate::from_ymd_opt(2027, 1, 3).expect("a valid date")
}

/// Players per team by position: (position, count, salary floor, dollars per average point).
const DEPTH: [(&str, u32, u32, f64); 5] = [
    ("QB", 3, 4000, 170.0),
    ("RB", 6, 4000, 230.0),
    ("WR", 8, 3000, 265.0),
    ("TE", 4, 2500, 300.0),
    ("DST", 1, 2000, 200.0),
];

/// The demo slate's deliberate examples of what the app cannot project from history: a rookie
/// with no NFL game, a player whose name in the NFL data differs from DraftKings' (so he stays
/// unmatched), and a starter listed Out on the week's injury report. Every other player with a
/// DraftKings average has history behind it.
pub const ROOKIE: &str = "DET-RB-1";
/// See [`ROOKIE`].
pub const UNMATCHED: &str = "SEA-WR-2";
/// The name [`UNMATCHED`] has in the NFL data.
pub const UNMATCHED_NFL_NAME: &str = "Zephyr Okonkwo-Lindqvist";
/// See [`ROOKIE`].
pub const LISTED_OUT: &str = "MIA-WR-0";

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

const FIRST: [&str; 24] = [
    "Avery", "Blake", "Carter", "Dallas", "Elliot", "Finley", "Grady", "Hayden", "Isaiah",
    "Jordan", "Kendall", "Logan", "Marcus", "Nolan", "Owen", "Parker", "Quinn", "Reese", "Sawyer",
    "Tatum", "Upton", "Vance", "Wes", "Xavier",
];
const LAST: [&str; 24] = [
    "Abbott",
    "Brooks",
    "Caldwell",
    "Dawson",
    "Ellison",
    "Fletcher",
    "Garrison",
    "Holloway",
    "Ingram",
    "Jennings",
    "Kensington",
    "Langford",
    "Merritt",
    "Norwood",
    "Oakley",
    "Prescott",
    "Quarles",
    "Redmond",
    "Sterling",
    "Thornton",
    "Underwood",
    "Vaughn",
    "Whitfield",
    "Yardley",
];

/// Team nicknames for DST rows.
fn nickname(team: &str) -> &'static str {
    match team {
        "BUF" => "Bills",
        "MIA" => "Dolphins",
        "KC" => "Chiefs",
        "LV" => "Raiders",
        "PHI" => "Eagles",
        "DAL" => "Cowboys",
        "CIN" => "Bengals",
        "BAL" => "Ravens",
        "NYJ" => "Jets",
        "NE" => "Patriots",
        "SF" => "49ers",
        "SEA" => "Seahawks",
        "LAR" => "Rams",
        "ARI" => "Cardinals",
        "DET" => "Lions",
        "GB" => "Packers",
        _ => "Team",
    }
}

/// One player of the demo slate.
#[derive(Debug, Clone, PartialEq)]
pub struct DemoPlayer {
    /// Team.
    pub team: &'static str,
    /// Position (`QB`, `RB`, `WR`, `TE`, `DST`).
    pub position: &'static str,
    /// Place on the depth chart (0: starter).
    pub depth: u32,
    /// Name as the salary file shows it (DSTs: nickname and a trailing space).
    pub name: String,
    /// The label the noise of this player derives from, e.g. `BUF-QB-0`.
    pub label: String,
}

/// Every player of the demo slate's teams, in the salary file's generation order.
pub fn roster() -> Vec<DemoPlayer> {
    let mut players = Vec::new();
    let mut used_names = std::collections::HashSet::new();
    for (away, home, _) in GAMES {
        for team in [away, home] {
            for (position, count, ..) in DEPTH {
                for depth in 0..count {
                    let label = format!("{team}-{position}-{depth}");
                    let name = if position == "DST" {
                        format!("{} ", nickname(team))
                    } else {
                        let mut k = (noise(&format!("{label}-name")) * 576.0) as usize;
                        loop {
                            let candidate = format!("{} {}", FIRST[k % 24], LAST[(k / 24) % 24]);
                            if used_names.insert(candidate.clone()) {
                                break candidate;
                            }
                            k += 7;
                        }
                    };
                    players.push(DemoPlayer {
                        team,
                        position,
                        depth,
                        name,
                        label,
                    });
                }
            }
        }
    }
    players
}

/// A number in [0, 1) derived from a label (the demo's only source of variety).
pub fn noise(label: &str) -> f64 {
    let digest = Sha256::digest(label.as_bytes());
    let n = u32::from_be_bytes([digest[0], digest[1], digest[2], digest[3]]);
    f64::from(n) / (f64::from(u32::MAX) + 1.0)
}

/// The demo salary file, in DraftKings' standard layout with CRLF line endings.
pub fn salary_csv() -> String {
    let mut rows: Vec<(u32, String)> = Vec::new();
    let mut next_id = 91_000_001u64;
    let roster = roster();
    let history = crate::demo_history::history();
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
