//! A lineup listing: the layout of third-party contest exports that list one row per entry of
//! one or more contests, usually only their top ranks: `Contest ID, score, rank`, the nine slot
//! columns `QB, RB1, RB2, WR1, WR2, WR3, TE, FLEX, DST` (player names) and optionally
//! `username`, `Contest Name`, `maximumEntries`, `entryFee`, `contestSummary` ("... pays out the
//! top 273 finishing positions ...") and each slot's DraftKings ID (`QB_id`, ..., `DST_id`).
//! One contest is read at a time; a file of several must be told which. The players' points
//! are not in it, and their ownership only where the listing holds most of the field.

use super::{DraftedPlayer, ListedContest, StandingEntry, Standings};
use crate::dk::{FileError, Slot};
use crate::limits::MAX_CONTEST_ENTRIES;
use std::collections::HashMap;

/// The slot columns in roster order, with each one's slot.
const SLOTS: [(&str, Slot); 9] = [
    ("QB", Slot::QB),
    ("RB1", Slot::RB),
    ("RB2", Slot::RB),
    ("WR1", Slot::WR),
    ("WR2", Slot::WR),
    ("WR3", Slot::WR),
    ("TE", Slot::TE),
    ("FLEX", Slot::FLEX),
    ("DST", Slot::DST),
];

/// The most DraftKings IDs one name may carry: a player's own and his FLEX draftable's, for
/// two players of one name.
const MAX_IDS_PER_NAME: usize = 4;

/// Whether `body`'s header is a listing's (it has `Contest ID`, `score` and `rank`).
pub fn is_listing(body: &[u8]) -> bool {
    let mut reader = csv::ReaderBuilder::new().flexible(true).from_reader(body);
    let Ok(header) = reader.headers() else {
        return false;
    };
    ["Contest ID", "score", "rank"]
        .iter()
        .all(|name| header.iter().any(|h| h.trim().eq_ignore_ascii_case(name)))
}

/// The header's columns a listing is read by.
struct Columns {
    contest: usize,
    score: usize,
    rank: usize,
    slots: [usize; 9],
    ids: [Option<usize>; 9],
    username: Option<usize>,
    name: Option<usize>,
    entries: Option<usize>,
    fee: Option<usize>,
    summary: Option<usize>,
}

impl Columns {
    fn of(file: &str, header: &csv::StringRecord) -> Result<Columns, FileError> {
        let find = |name: &str| {
            header
                .iter()
                .position(|h| h.trim().eq_ignore_ascii_case(name))
        };
        let need = |name: &str| {
            find(name).ok_or_else(|| {
                FileError::new(
                    file,
                    Some(1),
                    None,
                    format!(
                        "the lineup listing has no '{name}' column (expected Contest ID, score, \
                         rank and the slots QB, RB1, RB2, WR1, WR2, WR3, TE, FLEX, DST)"
                    ),
                )
            })
        };
        let mut slots = [0; 9];
        for (column, (name, _)) in slots.iter_mut().zip(SLOTS) {
            *column = need(name)?;
        }
        Ok(Columns {
            contest: need("Contest ID")?,
            score: need("score")?,
            rank: need("rank")?,
            slots,
            ids: SLOTS.map(|(name, _)| find(&format!("{name}_id"))),
            username: find("username"),
            name: find("Contest Name"),
            entries: find("maximumEntries"),
            fee: find("entryFee"),
            summary: find("contestSummary"),
        })
    }
}

/// Reads contest `contest` of a listing (`body` without its byte-order mark); with None, the
/// file must hold one contest.
pub fn read_listing(
    file: &str,
    body: &[u8],
    contest: Option<&str>,
) -> Result<Standings, FileError> {
    let mut reader = csv::ReaderBuilder::new().flexible(true).from_reader(body);
    let header = reader
        .headers()
        .map_err(|e| FileError::new(file, Some(1), None, format!("not valid CSV: {e}")))?
        .clone();
    let columns = Columns::of(file, &header)?;
    // Every row's line, by contest, in the file's order.
    let mut contests: Vec<(String, Vec<(u64, csv::StringRecord)>)> = Vec::new();
    let mut rows = 0u64;
    for record in reader.records() {
        let (record, line) = crate::dk::csv_position::located(file, body, record)?;
        rows += 1;
        if rows > u64::from(MAX_CONTEST_ENTRIES) {
            return Err(FileError::new(file, Some(line), None, "too many entries"));
        }
        let id = record.get(columns.contest).unwrap_or("").trim();
        if id.is_empty() || id.len() > 40 {
            return Err(FileError::new(
                file,
                Some(line),
                Some("Contest ID"),
                format!("'{id}' is not a contest ID"),
            ));
        }
        match contests.iter_mut().find(|(c, _)| c == id) {
            Some((_, list)) => list.push((line, record)),
            None => contests.push((id.to_string(), vec![(line, record)])),
        }
    }
    let chosen = match contest.map(str::trim) {
        Some(id) if id.is_empty() || id.len() > 40 => {
            return Err(FileError::new(
                file,
                None,
                Some("Contest ID"),
                format!(
                    "'{}' is not a contest ID (1 to 40 characters)",
                    id.chars().take(40).collect::<String>()
                ),
            ))
        }
        Some(id) => contests.iter().position(|(c, _)| c == id).ok_or_else(|| {
            FileError::new(
                file,
                None,
                Some("Contest ID"),
                format!(
                    "the listing has no contest {id}; it holds {}",
                    describe(&contests, &columns)
                ),
            )
        })?,
        None if contests.len() == 1 => 0,
        None => {
            return Err(FileError::new(
                file,
                None,
                Some("Contest ID"),
                format!(
                    "the listing holds {} contests: {}; choose the one to import by its ID",
                    contests.len(),
                    describe(&contests, &columns)
                ),
            ))
        }
    };
    let (id, rows) = contests.swap_remove(chosen);
    read_contest(file, &columns, id, &rows)
}

/// Each contest of a listing: its ID, name and rows.
fn describe(contests: &[(String, Vec<(u64, csv::StringRecord)>)], columns: &Columns) -> String {
    contests
        .iter()
        .map(|(id, rows)| {
            let name = columns
                .name
                .and_then(|c| rows[0].1.get(c))
                .map(str::trim)
                .filter(|n| !n.is_empty())
                .map(|n| format!(" '{n}'"))
                .unwrap_or_default();
            format!("{id}{name} ({} rows)", rows.len())
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// What a listing's rows say of one player.
struct Seen {
    /// His position, from a slot other than FLEX (None: only ever at FLEX).
    position: Option<&'static str>,
    /// Listed lineups holding him.
    lineups: u32,
    /// DraftKings IDs given for him.
    dk_ids: Vec<i64>,
    /// The first line naming him.
    line: u64,
}

/// One contest's rows, read.
fn read_contest(
    file: &str,
    columns: &Columns,
    id: String,
    rows: &[(u64, csv::StringRecord)],
) -> Result<Standings, FileError> {
    let mut entries = Vec::with_capacity(rows.len());
    let mut players: HashMap<String, Seen> = HashMap::new();
    let mut size: Option<u32> = None;
    let mut max_rank = 0u32;
    for (line, record) in rows {
        let line = *line;
        let cell = |i: usize| record.get(i).unwrap_or("").trim();
        let err =
            |column: &str, message: String| FileError::new(file, Some(line), Some(column), message);
        let rank = cell(columns.rank)
            .parse::<u32>()
            .ok()
            .filter(|r| (1..=MAX_CONTEST_ENTRIES).contains(r))
            .ok_or_else(|| err("rank", format!("'{}' is not a rank", cell(columns.rank))))?;
        max_rank = max_rank.max(rank);
        let points = cell(columns.score)
            .parse::<f64>()
            .ok()
            .filter(|p| p.is_finite() && (-50.0..=500.0).contains(p))
            .ok_or_else(|| {
                err(
                    "score",
                    format!("'{}' is not a score from -50 to 500", cell(columns.score)),
                )
            })?;
        if let Some(c) = columns.entries {
            let text = cell(c);
            let n = text
                .parse::<f64>()
                .ok()
                .filter(|n| n.fract() == 0.0 && (2.0..=f64::from(MAX_CONTEST_ENTRIES)).contains(n))
                .ok_or_else(|| {
                    err(
                        "maximumEntries",
                        format!(
                            "'{text}' is not a number of entries from 2 to {MAX_CONTEST_ENTRIES}"
                        ),
                    )
                })? as u32;
            match size {
                Some(s) if s != n => {
                    return Err(err(
                        "maximumEntries",
                        format!("contest {id} is given {s} entries above and {n} here"),
                    ))
                }
                _ => size = Some(n),
            }
        }
        let mut lineup = Vec::with_capacity(9);
        for (k, (column, slot)) in SLOTS.iter().enumerate() {
            let name = cell(columns.slots[k]);
            if name.is_empty() || name.len() > 100 {
                return Err(err(column, format!("'{name}' is not a player's name")));
            }
            if lineup.iter().any(|(_, n): &(Slot, String)| n == name) {
                return Err(err(
                    column,
                    format!("{name} is in the lineup twice: it is not a valid lineup"),
                ));
            }
            let dk_id = match columns.ids[k].map(cell).filter(|t| !t.is_empty()) {
                None => None,
                Some(text) => Some(
                    text.parse::<f64>()
                        .ok()
                        .filter(|v| v.fract() == 0.0 && (1.0..1e12).contains(v))
                        .ok_or_else(|| {
                            err(
                                &format!("{column}_id"),
                                format!("'{text}' is not a DraftKings player ID"),
                            )
                        })? as i64,
                ),
            };
            let seen = players.entry(name.to_string()).or_insert(Seen {
                position: None,
                lineups: 0,
                dk_ids: Vec::new(),
                line,
            });
            seen.lineups += 1;
            if *slot != Slot::FLEX {
                seen.position = Some(slot.as_str());
            }
            if let Some(dk_id) = dk_id.filter(|i| !seen.dk_ids.contains(i)) {
                // His own and his FLEX draftable's, twice where two players share his name.
                if seen.dk_ids.len() >= MAX_IDS_PER_NAME {
                    return Err(err(
                        &format!("{column}_id"),
                        format!(
                            "{name} is given more than {MAX_IDS_PER_NAME} DraftKings IDs: the \
                             listing's IDs are not its players'"
                        ),
                    ));
                }
                seen.dk_ids.push(dk_id);
            }
            lineup.push((*slot, name.to_string()));
        }
        entries.push(StandingEntry {
            rank,
            entry_name: columns
                .username
                .map(|c| cell(c).to_string())
                .unwrap_or_default(),
            points,
            lineup,
        });
    }
    let listed = entries.len() as u32;
    if listed < 2 {
        return Err(FileError::new(
            file,
            None,
            None,
            format!("contest {id} has fewer than 2 entries in the listing"),
        ));
    }
    let size = size.unwrap_or(max_rank).max(listed);
    if max_rank > size {
        return Err(FileError::new(
            file,
            None,
            Some("rank"),
            format!("contest {id} lists rank {max_rank}, beyond its {size} entries"),
        ));
    }
    let first = &rows[0].1;
    let text = |c: Option<usize>| c.and_then(|c| first.get(c)).map(str::trim);
    let contest = ListedContest {
        name: text(columns.name).unwrap_or("").to_string(),
        entries: size,
        paid: text(columns.summary).and_then(places_paid),
        entry_fee: text(columns.fee)
            .and_then(|t| t.parse::<f64>().ok())
            .filter(|f| f.is_finite() && (0.0..=crate::limits::MAX_ENTRY_FEE).contains(f)),
        id,
    };
    let mut drafted: Vec<DraftedPlayer> = players
        .into_iter()
        .map(|(name, seen)| DraftedPlayer {
            name,
            position: seen.position.unwrap_or("FLEX").to_string(),
            drafted: 100.0 * f64::from(seen.lineups) / f64::from(listed),
            fpts: None,
            dk_ids: seen.dk_ids,
            line: seen.line,
        })
        .collect();
    drafted.sort_by_key(|p| p.line);
    Ok(Standings {
        entries,
        players: drafted,
        live: false,
        field_size: (size > listed).then_some(size),
        contest: Some(contest),
    })
}

/// The places a contest summary says it pays ("... pays out the top 1,234 finishing
/// positions ...").
fn places_paid(summary: &str) -> Option<u32> {
    let rest = summary.split("pays out the top ").nth(1)?;
    rest.split_whitespace()
        .next()?
        .replace(',', "")
        .parse()
        .ok()
        .filter(|n| (1..=MAX_CONTEST_ENTRIES).contains(n))
}

#[cfg(test)]
mod tests {
    use super::super::read_standings;
    use super::*;

    const HEADER: &str = "Contest ID,Contest Name,username,QB,RB1,RB2,WR1,WR2,WR3,TE,FLEX,DST,score,rank,QB_id,FLEX_id,maximumEntries,entryFee,contestSummary\n";

    fn row(contest: &str, user: &str, qb: &str, flex: &str, score: &str, rank: u32) -> String {
        format!(
            "{contest},NFL Spy,{user},{qb},Saquon Barkley,Dalvin Cook,Adam Thielen,Mike Evans,Julio Jones,Travis Kelce,{flex},Bills ,{score},{rank},101,{},4,100.0,\"This 4-player contest features $400 in total prizes and pays out the top 1 finishing positions.\"\n",
            if flex == "Mark Ingram" { 203 } else { 205 }
        )
    }

    #[test]
    fn a_listed_contest_is_read_with_its_size_and_the_ownership_of_its_rows() {
        let text = format!(
            "\u{feff}{HEADER}{}{}{}",
            row("7", "ann", "Tom Brady", "Mark Ingram", "170.5", 1),
            row("7", "bob", "Tom Brady", "Aaron Jones", "150.25", 2),
            row("8", "cy", "Drew Brees", "Aaron Jones", "120", 1),
        );
        let s = read_standings("l.csv", text.as_bytes(), Some("7")).unwrap();
        assert_eq!(s.entries.len(), 2);
        assert_eq!(s.entries[1].points, 150.25);
        assert_eq!(s.entries[0].entry_name, "ann");
        assert_eq!(s.entries[0].lineup[8], (Slot::DST, "Bills".to_string()));
        // Four entries, two listed: the field's size is kept, the rest are not known.
        assert_eq!(s.field_size, Some(4));
        let contest = s.contest.as_ref().unwrap();
        assert_eq!((contest.entries, contest.paid), (4, Some(1)));
        assert_eq!(contest.entry_fee, Some(100.0));
        let brady = s.players.iter().find(|p| p.name == "Tom Brady").unwrap();
        assert_eq!((brady.drafted, brady.position.as_str()), (100.0, "QB"));
        assert_eq!(brady.dk_ids, vec![101]);
        assert_eq!(brady.fpts, None);
        let ingram = s.players.iter().find(|p| p.name == "Mark Ingram").unwrap();
        assert_eq!((ingram.drafted, ingram.position.as_str()), (50.0, "FLEX"));
        assert_eq!(ingram.dk_ids, vec![203]);
    }

    #[test]
    fn a_listing_of_several_contests_must_be_told_which_and_bad_cells_are_named() {
        let text = format!(
            "{HEADER}{}{}",
            row("7", "ann", "Tom Brady", "Mark Ingram", "170.5", 1),
            row("8", "cy", "Drew Brees", "Aaron Jones", "120", 1),
        );
        let e = read_standings("l.csv", text.as_bytes(), None).unwrap_err();
        assert!(
            e.message.contains("2 contests: 7 'NFL Spy' (1 rows), 8"),
            "{e:?}"
        );
        let e = read_standings("l.csv", text.as_bytes(), Some("9")).unwrap_err();
        assert!(e.message.contains("no contest 9"), "{e:?}");
        let long = "9".repeat(5000);
        let e = read_standings("l.csv", text.as_bytes(), Some(&long)).unwrap_err();
        assert!(
            e.message.contains("not a contest ID") && e.message.len() < 200,
            "{e:?}"
        );
        let one = row("7", "a", "Tom Brady", "Mark Ingram", "170.5", 1);
        let bad = format!(
            "{HEADER}{one}{}",
            row("7", "b", "Tom Brady", "Aaron Jones", "lots", 2)
        );
        let e = read_standings("l.csv", bad.as_bytes(), None).unwrap_err();
        assert_eq!((e.line, e.column.as_deref()), (Some(3), Some("score")));
        let twice = format!(
            "{HEADER}{one}{}",
            row("7", "b", "Mark Ingram", "Mark Ingram", "1", 2)
        );
        let e = read_standings("l.csv", twice.as_bytes(), None).unwrap_err();
        assert_eq!((e.line, e.column.as_deref()), (Some(3), Some("FLEX")));
        let beyond = format!(
            "{HEADER}{one}{}",
            row("7", "b", "Tom Brady", "Aaron Jones", "1", 9)
        );
        let e = read_standings("l.csv", beyond.as_bytes(), None).unwrap_err();
        assert!(e.message.contains("rank 9, beyond its 4 entries"), "{e:?}");
        // One name given ever new IDs is not a listing of real players.
        let mut shifting = HEADER.to_string();
        for k in 0..6u32 {
            shifting.push_str(
                &row("7", "a", "Tom Brady", "Mark Ingram", "1", k + 1).replacen(
                    ",101,",
                    &format!(",{},", 101 + k),
                    1,
                ),
            );
        }
        let e = read_standings("l.csv", shifting.as_bytes(), None).unwrap_err();
        assert!(e.message.contains("more than 4 DraftKings IDs"), "{e:?}");
        let no_flex = HEADER.replace(",FLEX,", ",Flex Spot,");
        let e = read_standings("l.csv", format!("{no_flex}{one}").as_bytes(), None).unwrap_err();
        assert_eq!(e.line, Some(1));
        assert!(e.message.contains("'FLEX'"), "{e:?}");
        // An export is one contest: none can be chosen in it.
        let export = "Rank,EntryId,EntryName,TimeRemaining,Points,Lineup,,Player,Roster Position,%Drafted,FPTS\n";
        assert!(read_standings("s.csv", export.as_bytes(), Some("7"))
            .unwrap_err()
            .message
            .contains("holds one contest"));
    }

    #[test]
    fn the_places_paid_are_read_from_the_summary() {
        assert_eq!(
            places_paid("This 3239-player contest pays out the top 1,713 finishing positions."),
            Some(1713)
        );
        assert_eq!(places_paid("no summary"), None);
        assert_eq!(places_paid("pays out the top lots"), None);
    }
}
