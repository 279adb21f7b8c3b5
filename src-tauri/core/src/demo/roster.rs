//! The demo slate's teams and players: its eight games, each team's depth by position, the
//! generated names, and the players the app deliberately cannot project from history. Both
//! the salary file ([`super::salary_csv`]) and the history ([`super::history`]) are made
//! from it.

use chrono::NaiveDate;
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
pub(super) const DEPTH: [(&str, u32, u32, f64); 5] = [
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
