//! The standings of a finished contest, in either of two layouts: DraftKings' own export
//! (read here) or a lineup listing of several contests' top entries ([`listing`]);
//! [`read_standings`] tells them apart by their header.
//!
//! DraftKings' export (`contest-standings-<id>.csv`) holds two tables side by side. On the left one row per entry (`Rank, EntryId, EntryName, TimeRemaining,
//! Points, Lineup`; the lineup is one string of slot and name pairs in no fixed order); after an
//! empty column, one row per drafted player (`Player, Roster Position, %Drafted, FPTS`), ending
//! long before the left one. A file of another sport or of a showdown contest is refused: its
//! lineups do not hold the nine classic slots.

pub mod field_scores;
pub mod listing;

use crate::dk::{FileError, Slot};
use crate::limits::MAX_CONTEST_ENTRIES;
use serde::Serialize;
use ts_rs::TS;

/// One entry of the field.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct StandingEntry {
    /// Final rank (ties share one).
    pub rank: u32,
    /// The entrant's name.
    pub entry_name: String,
    /// Points scored.
    pub points: f64,
    /// The lineup as slot and player name, in the file's order (empty: no lineup was set).
    pub lineup: Vec<(Slot, String)>,
}

/// One drafted player, as the right-hand table lists him.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct DraftedPlayer {
    /// Name as DraftKings writes it (a DST's trailing space trimmed).
    pub name: String,
    /// The roster position the file gives (`QB`, `RB`, `WR`, `TE`, `DST`, or `FLEX` for a
    /// player the field mostly put at FLEX).
    pub position: String,
    /// Share of the field's lineups holding him, percent.
    pub drafted: f64,
    /// His actual DraftKings points (None where the file does not give them: a listing).
    pub fpts: Option<f64>,
    /// DraftKings' player IDs the file gives for him (a listing's; empty in an export). A
    /// FLEX slot's ID may be DraftKings' FLEX draftable, one above his salary-file ID.
    #[ts(type = "Array<number>")]
    pub dk_ids: Vec<i64>,
    /// The file's line.
    #[ts(type = "number")]
    pub line: u64,
}

/// A standings file, read.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct Standings {
    /// Every entry, in the file's order.
    pub entries: Vec<StandingEntry>,
    /// Every drafted player.
    pub players: Vec<DraftedPlayer>,
    /// Whether it was exported before the games ended (points and ranks not final).
    pub live: bool,
    /// The contest's entries where the file lists only some of them (its top ranks): ranks
    /// below the listing and the players' real ownership are not known from it.
    pub field_size: Option<u32>,
    /// The contest, where the file names it (a listing does).
    pub contest: Option<ListedContest>,
}

/// A contest as a listing describes it.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct ListedContest {
    /// DraftKings' contest ID.
    pub id: String,
    /// Its name.
    pub name: String,
    /// Its entries (the field's size).
    pub entries: u32,
    /// Places paid, where its summary says.
    pub paid: Option<u32>,
    /// Entry fee, dollars, where given.
    pub entry_fee: Option<f64>,
}

const LEFT: [&str; 5] = ["Rank", "EntryName", "TimeRemaining", "Points", "Lineup"];
const RIGHT: [&str; 4] = ["Player", "Roster Position", "%Drafted", "FPTS"];

/// Reads a standings file of either layout; `contest` chooses one contest of a listing that
/// holds several (DraftKings' contest ID). Any malformed cell refuses the whole file, naming
/// its line and column.
pub fn read_standings(
    file: &str,
    bytes: &[u8],
    contest: Option<&str>,
) -> Result<Standings, FileError> {
    let body = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if listing::is_listing(body) {
        return listing::read_listing(file, body, contest);
    }
    if let Some(id) = contest {
        return Err(FileError::new(
            file,
            None,
            None,
            format!(
                "a DraftKings standings export holds one contest: contest {id} cannot be \
                 chosen in it (import it without choosing one)"
            ),
        ));
    }
    read_export(file, body)
}

/// Reads DraftKings' export (`body` without its byte-order mark).
fn read_export(file: &str, body: &[u8]) -> Result<Standings, FileError> {
    let mut reader = csv::ReaderBuilder::new().flexible(true).from_reader(body);
    let header = reader
        .headers()
        .map_err(|e| FileError::new(file, Some(1), None, format!("not valid CSV: {e}")))?
        .clone();
    let column = |name: &str| {
        header
            .iter()
            .position(|h| h.trim().eq_ignore_ascii_case(name))
    };
    let mut left = [0usize; 5];
    for (slot, name) in left.iter_mut().zip(LEFT) {
        *slot = column(name).ok_or_else(|| {
            FileError::new(
                file,
                Some(1),
                None,
                format!(
                    "not a DraftKings contest-standings file: the header has no '{name}' column \
                     (expected Rank, EntryId, EntryName, TimeRemaining, Points, Lineup, then \
                     Player, Roster Position, %Drafted, FPTS)"
                ),
            )
        })?;
    }
    let right: Vec<Option<usize>> = RIGHT.iter().map(|n| column(n)).collect();
    if right.iter().any(Option::is_none) {
        return Err(FileError::new(
            file,
            Some(1),
            None,
            "the standings file has no player table (Player, Roster Position, %Drafted, FPTS)",
        ));
    }
    let right: Vec<usize> = right.into_iter().flatten().collect();
    let entry_id = column("EntryId");
    // EntryId -> the line it was first seen on.
    let mut entry_lines: std::collections::HashMap<String, u64> = std::collections::HashMap::new();
    // Each entry's line, beside `standings.entries`.
    let mut lines: Vec<u64> = Vec::new();
    let mut standings = Standings {
        entries: Vec::new(),
        players: Vec::new(),
        live: false,
        field_size: None,
        contest: None,
    };
    for record in reader.records() {
        let (record, line) = crate::dk::csv_position::located(file, body, record)?;
        let cell = |i: usize| record.get(i).unwrap_or("").trim();
        let err =
            |column: &str, message: String| FileError::new(file, Some(line), Some(column), message);
        if standings.entries.len() >= MAX_CONTEST_ENTRIES as usize {
            return Err(FileError::new(file, Some(line), None, "too many entries"));
        }
        if !cell(left[0]).is_empty() {
            let rank = cell(left[0])
                .parse::<u32>()
                .ok()
                .filter(|r| *r >= 1)
                .ok_or_else(|| err("Rank", format!("'{}' is not a rank", cell(left[0]))))?;
            let remaining = cell(left[2]);
            if !remaining.is_empty() {
                let minutes = remaining
                    .parse::<f64>()
                    .ok()
                    .filter(|m| m.is_finite() && *m >= 0.0);
                match minutes {
                    Some(m) => standings.live |= m > 0.0,
                    None => {
                        return Err(err(
                            "TimeRemaining",
                            format!("'{remaining}' is not a number of minutes"),
                        ))
                    }
                }
            }
            let points = cell(left[3])
                .parse::<f64>()
                .ok()
                .filter(|p| p.is_finite() && (-50.0..=500.0).contains(p))
                .ok_or_else(|| {
                    err(
                        "Points",
                        format!("'{}' is not a score from -50 to 500", cell(left[3])),
                    )
                })?;
            if let Some(c) = entry_id.map(cell).filter(|id| !id.is_empty()) {
                if let Some(first) = entry_lines.insert(c.to_string(), line) {
                    return Err(err(
                        "EntryId",
                        format!("entry {c} is listed twice (lines {first} and {line})"),
                    ));
                }
            }
            let lineup = parse_lineup(cell(left[4])).map_err(|m| err("Lineup", m))?;
            lines.push(line);
            standings.entries.push(StandingEntry {
                rank,
                entry_name: cell(left[1]).to_string(),
                points,
                lineup,
            });
        }
        if !cell(right[0]).is_empty() {
            let position = cell(right[1]).to_ascii_uppercase();
            if !matches!(
                position.as_str(),
                "QB" | "RB" | "WR" | "TE" | "DST" | "FLEX"
            ) {
                return Err(err(
                    "Roster Position",
                    format!(
                        "'{position}' is not an NFL classic position: this is not the standings \
                         of a DraftKings NFL classic contest (showdown and other sports are not read)"
                    ),
                ));
            }
            let drafted_text = cell(right[2]);
            let drafted = drafted_text
                .trim_end_matches('%')
                .parse::<f64>()
                .ok()
                .filter(|d| d.is_finite() && (0.0..=100.0).contains(d))
                .ok_or_else(|| {
                    err(
                        "%Drafted",
                        format!("'{drafted_text}' is not a share from 0% to 100%"),
                    )
                })?;
            let fpts = cell(right[3])
                .parse::<f64>()
                .ok()
                .filter(|p| p.is_finite() && (-20.0..=150.0).contains(p))
                .ok_or_else(|| {
                    err(
                        "FPTS",
                        format!("'{}' is not a player's points (-20 to 150)", cell(right[3])),
                    )
                })?;
            standings.players.push(DraftedPlayer {
                name: cell(right[0]).to_string(),
                position,
                drafted,
                fpts: Some(fpts),
                dk_ids: Vec::new(),
                line,
            });
        }
    }
    if standings.entries.len() < 2 {
        return Err(FileError::new(
            file,
            None,
            None,
            "the standings file holds fewer than 2 entries",
        ));
    }
    if standings.players.is_empty() {
        return Err(FileError::new(
            file,
            None,
            None,
            "the player table is empty",
        ));
    }
    check_whole(file, &standings, &lines)?;
    Ok(standings)
}

/// The most a field can draft in all, percent: nine players in every lineup.
pub const MAX_DRAFTED_TOTAL: f64 = 900.0;
/// What the rounding of `%Drafted` to two decimals may add to that.
const DRAFTED_ROUNDING: f64 = 5.0;

/// Checks a standings file as a whole: the player table's `%Drafted` sums to what nine slots
/// allow, no player is listed twice at one position, and every lineup names only players of
/// the player table (`lines[i]` is entry `i`'s line).
fn check_whole(file: &str, standings: &Standings, lines: &[u64]) -> Result<(), FileError> {
    let total: f64 = standings.players.iter().map(|p| p.drafted).sum();
    if total > MAX_DRAFTED_TOTAL + DRAFTED_ROUNDING {
        return Err(FileError::new(
            file,
            None,
            Some("%Drafted"),
            format!(
                "the players' %Drafted add up to {total:.0}%, more than the {MAX_DRAFTED_TOTAL:.0}%                  nine players in every lineup make: the file has been altered"
            ),
        ));
    }
    let mut seen: std::collections::HashMap<(&str, &str), u64> = std::collections::HashMap::new();
    for p in &standings.players {
        if let Some(first) = seen.insert((p.name.as_str(), p.position.as_str()), p.line) {
            return Err(FileError::new(
                file,
                Some(p.line),
                Some("Player"),
                format!(
                    "{} ({}) is listed twice in the player table (lines {first} and {})",
                    p.name, p.position, p.line
                ),
            ));
        }
    }
    let listed: std::collections::HashSet<&str> =
        standings.players.iter().map(|p| p.name.as_str()).collect();
    for (entry, line) in standings.entries.iter().zip(lines) {
        if let Some((_, name)) = entry
            .lineup
            .iter()
            .find(|(_, name)| !listed.contains(name.as_str()))
        {
            return Err(FileError::new(
                file,
                Some(*line),
                Some("Lineup"),
                format!(
                    "the lineup names {name}, who is not in the file's player table: the file \
                     has been altered"
                ),
            ));
        }
    }
    Ok(())
}

/// Reads a standings lineup string, `QB Carson Wentz FLEX Todd Gurley II RB ...` (slot tokens
/// each followed by a name), into slot and name pairs in the string's order. Empty when no
/// lineup was set; refused unless it holds exactly the nine classic slots.
pub fn parse_lineup(text: &str) -> Result<Vec<(Slot, String)>, String> {
    if text.is_empty() {
        return Ok(Vec::new());
    }
    let slot_of = |token: &str| match token {
        "QB" => Some(Slot::QB),
        "RB" => Some(Slot::RB),
        "WR" => Some(Slot::WR),
        "TE" => Some(Slot::TE),
        "FLEX" => Some(Slot::FLEX),
        "DST" => Some(Slot::DST),
        _ => None,
    };
    let mut out: Vec<(Slot, String)> = Vec::new();
    for token in text.split_whitespace() {
        match slot_of(token) {
            Some(slot) => out.push((slot, String::new())),
            None => match out.last_mut() {
                Some((_, name)) => {
                    if !name.is_empty() {
                        name.push(' ');
                    }
                    name.push_str(token);
                }
                None => {
                    return Err(format!(
                        "the lineup starts with '{token}', not an NFL classic slot: this is not \
                         the standings of a DraftKings NFL classic contest"
                    ))
                }
            },
        }
    }
    let order = |s: &Slot| crate::dk::ROSTER.iter().position(|r| r == s);
    let mut slots: Vec<Slot> = out.iter().map(|(s, _)| *s).collect();
    slots.sort_by_key(order);
    let mut roster = crate::dk::ROSTER.to_vec();
    roster.sort_by_key(order);
    if slots != roster || out.iter().any(|(_, n)| n.is_empty()) {
        return Err(format!(
            "the lineup '{text}' does not hold the nine NFL classic slots (QB, RB, RB, WR, WR, \
             WR, TE, FLEX, DST) each with a player: showdown and other sports are not read"
        ));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    const HEADER: &str = "Rank,EntryId,EntryName,TimeRemaining,Points,Lineup,,Player,Roster Position,%Drafted,FPTS\n";
    const LINEUP: &str = "QB Carson Wentz FLEX Todd Gurley II RB Marlon Mack RB Wendell Smallwood WR Jarvis Landry WR Josh Gordon WR Nelson Agholor TE Trey Burton DST Rams ";

    /// The rest of the player table: the lineup's other seven players.
    const OTHERS: &str = ",,,,,,,Carson Wentz,QB,40%,20\n,,,,,,,Marlon Mack,RB,30%,15\n\
        ,,,,,,,Wendell Smallwood,RB,10%,8\n,,,,,,,Jarvis Landry,WR,30%,12\n\
        ,,,,,,,Josh Gordon,WR,20%,9\n,,,,,,,Nelson Agholor,WR,25%,11\n\
        ,,,,,,,Trey Burton,TE,35%,10\n";

    #[test]
    fn both_tables_are_read() {
        let text = format!(
            "\u{feff}{HEADER}1,11,alan,0,198.2,{LINEUP},,Todd Gurley II,RB,88.95%,30.6\n\
             2,12,bob,0,150.5,{LINEUP},,Rams ,DST,20.10%,12\n3,13,carl,0,0,,,,,,\n{OTHERS}"
        );
        let s = read_standings("s.csv", text.as_bytes(), None).unwrap();
        assert_eq!(s.entries.len(), 3);
        assert_eq!(s.entries[0].lineup.len(), 9);
        assert_eq!(
            s.entries[0].lineup[1],
            (Slot::FLEX, "Todd Gurley II".to_string())
        );
        assert!(s.entries[2].lineup.is_empty());
        assert_eq!(s.players[1].name, "Rams");
        assert_eq!(s.players[0].drafted, 88.95);
        assert!(!s.live);
    }

    #[test]
    fn showdown_other_sports_and_bad_cells_are_refused_by_line_and_column() {
        let showdown = format!("{HEADER}1,11,a,0,100,CPT Tom Brady FLEX Mike Evans,,Tom Brady,CPT,50%,20\n2,12,b,0,90,,,,,,\n");
        let e = read_standings("s.csv", showdown.as_bytes(), None).unwrap_err();
        assert_eq!((e.line, e.column.as_deref()), (Some(2), Some("Lineup")));
        let nba = format!(
            "{HEADER}1,11,a,0,100,PG Chris Paul SG A B,,Chris Paul,PG,50%,20\n2,12,b,0,90,,,,,,\n"
        );
        assert!(read_standings("s.csv", nba.as_bytes(), None).is_err());
        let bad = format!("{HEADER}1,11,a,0,lots,{LINEUP},,Rams,DST,5%,3\n2,12,b,0,90,,,,,,\n");
        let e = read_standings("s.csv", bad.as_bytes(), None).unwrap_err();
        assert_eq!((e.line, e.column.as_deref()), (Some(2), Some("Points")));
        let bad = format!("{HEADER}1,11,a,0,100,{LINEUP},,Rams,DST,150%,3\n2,12,b,0,90,,,,,,\n");
        assert_eq!(
            read_standings("s.csv", bad.as_bytes(), None)
                .unwrap_err()
                .column
                .as_deref(),
            Some("%Drafted")
        );
        let one = format!("{HEADER}1,11,a,0,100,{LINEUP},,Rams,DST,5%,3\n");
        assert!(read_standings("s.csv", one.as_bytes(), None).is_err());
        assert!(read_standings("s.csv", b"Position,Name\nQB,x\n", None).is_err());
    }

    #[test]
    fn an_altered_file_is_refused_as_a_whole() {
        let good = format!(
            "{HEADER}1,11,a,0,198.2,{LINEUP},,Todd Gurley II,RB,88.95%,30.6\n\
             2,12,b,0,150.5,{LINEUP},,Rams,DST,20%,12\n{OTHERS}"
        );
        assert!(read_standings("s.csv", good.as_bytes(), None).is_ok());
        let twice = good.replace("2,12,b", "2,11,b");
        let e = read_standings("s.csv", twice.as_bytes(), None).unwrap_err();
        assert_eq!((e.line, e.column.as_deref()), (Some(3), Some("EntryId")));
        assert!(e.message.contains("lines 2 and 3"), "{e:?}");
        let stranger = good.replacen("QB Carson Wentz", "QB Nobody Atall", 1);
        let e = read_standings("s.csv", stranger.as_bytes(), None).unwrap_err();
        assert_eq!((e.line, e.column.as_deref()), (Some(2), Some("Lineup")));
        assert!(e.message.contains("Nobody Atall"), "{e:?}");
        let listed_twice = format!("{good},,,,,,,Rams,DST,1%,12\n");
        let e = read_standings("s.csv", listed_twice.as_bytes(), None).unwrap_err();
        assert_eq!(e.column.as_deref(), Some("Player"));
        // Ten players at 95%: 950% in all, more than nine slots allow.
        let mut inflated = format!("{HEADER}1,11,a,0,100,{LINEUP},,Todd Gurley II,RB,95%,30\n");
        inflated.push_str("2,12,b,0,90,,,Rams,DST,95%,3\n");
        for line in OTHERS.lines() {
            let cells: Vec<&str> = line.split(',').collect();
            inflated.push_str(&format!(",,,,,,,{},{},95%,5\n", cells[7], cells[8]));
        }
        inflated.push_str(",,,,,,,Extra Man,WR,95%,5\n");
        let e = read_standings("s.csv", inflated.as_bytes(), None).unwrap_err();
        assert_eq!(e.column.as_deref(), Some("%Drafted"));
        assert!(e.message.contains("950%"), "{e:?}");
    }
}
