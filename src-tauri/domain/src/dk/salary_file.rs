//! The DraftKings salary file, in every layout met in the wild:
//! - `Standard`: `Position,Name + ID,Name,ID,Roster Position,Salary,Game Info,TeamAbbrev,AvgPointsPerGame`;
//! - `EntriesTemplate`: the upload template with instructions on the left and the same player
//!   table further right and down (its header row is found by the `TeamAbbrev` cell);
//! - `Legacy`: the pre-2018 export `Position,Name,Salary,GameInfo,AvgPointsPerGame,TeamAbbrev`
//!   without IDs (importable, not exportable for upload).
//!
//! Columns are read by header name (trimmed, case and spaces ignored). A UTF-8 BOM, CRLF or LF,
//! trailing spaces and quoted cells are accepted. Any problem is reported with the file, the
//! line and the column; parsing never panics (a property test feeds it arbitrary bytes).

use super::csv_position::record_start;
use super::{FileError, GameInfo, Position};
use csv::{ReaderBuilder, StringRecord};
use serde::Serialize;
use std::collections::HashMap;
use ts_rs::TS;

/// The most one player may cost: DraftKings' cap is $50,000 for nine, so no real salary is
/// near this; anything above is a damaged or hostile file.
pub const MAX_PLAYER_SALARY: u32 = 100_000;

/// Which layout a salary file came in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum SalaryLayout {
    /// The standard 9-column export.
    Standard,
    /// The entries/upload template with the player table embedded.
    EntriesTemplate,
    /// The pre-2018 export without player IDs.
    Legacy,
}

/// One player row of a salary file.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SalaryRow {
    /// Line of the file the row starts on (1-based).
    pub line: u64,
    /// DraftKings player ID (None in the legacy layout).
    pub dk_id: Option<i64>,
    /// Name, trimmed (DST names carry a trailing space in the file).
    pub name: String,
    /// Position.
    pub position: Position,
    /// Roster positions, e.g. `RB/FLEX`.
    pub roster_positions: String,
    /// Salary in dollars.
    pub salary: u32,
    /// The player's game, or the state DraftKings wrote instead.
    pub game: GameInfo,
    /// Team code as DraftKings writes it.
    pub team: String,
    /// Opponent's code, when the game is scheduled.
    pub opponent: Option<String>,
    /// DraftKings' AvgPointsPerGame (0 when blank).
    pub avg_points_per_game: f64,
}

/// A parsed salary file.
#[derive(Debug, Clone, PartialEq)]
pub struct SalaryFile {
    /// The layout it came in.
    pub layout: SalaryLayout,
    /// Its player rows, in file order.
    pub rows: Vec<SalaryRow>,
}

/// Where each needed column is in the header row.
struct Columns {
    position: usize,
    name: usize,
    id: Option<usize>,
    roster_positions: Option<usize>,
    salary: usize,
    game_info: usize,
    team: usize,
    avg_points: usize,
    /// The header text of each column index, for messages.
    names: HashMap<usize, String>,
}

/// Header names as compared: trimmed, lower-case, without spaces.
fn header_key(cell: &str) -> String {
    cell.chars()
        .filter(|c| !c.is_whitespace())
        .flat_map(char::to_lowercase)
        .collect()
}

impl SalaryFile {
    /// Parses a salary file's bytes; `file` names it in errors.
    pub fn parse(file: &str, bytes: &[u8]) -> Result<SalaryFile, FileError> {
        let fail = |line: Option<u64>, column: Option<&str>, message: String| {
            FileError::new(file, line, column, message)
        };
        let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
        if bytes.iter().all(u8::is_ascii_whitespace) {
            return Err(fail(None, None, "the file is empty".into()));
        }
        if bytes.contains(&0) || std::str::from_utf8(bytes).is_err() {
            return Err(fail(
                None,
                None,
                "this is not a CSV text file (export the salary CSV from DraftKings again)".into(),
            ));
        }

        let mut reader = ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .from_reader(bytes);
        let mut records: Vec<StringRecord> = Vec::new();
        for record in reader.records() {
            let record = record.map_err(|e| {
                let line = e.position().map(|p| p.line());
                fail(line, None, format!("not valid CSV: {e}"))
            })?;
            records.push(record);
        }

        let (header_index, header) = records
            .iter()
            .enumerate()
            .find(|(_, r)| r.iter().any(|c| header_key(c) == "teamabbrev"))
            .ok_or_else(|| {
                fail(
                    None,
                    None,
                    "no DraftKings salary header found (a row with Position, Name, Salary, \
                     Game Info and TeamAbbrev columns)"
                        .into(),
                )
            })?;
        let header_line = record_start(bytes, header).1;
        let columns = Columns::find(header).map_err(|m| fail(Some(header_line), None, m))?;
        let layout = match columns.id {
            None => SalaryLayout::Legacy,
            Some(_) if header_index == 0 && columns.position == 0 => SalaryLayout::Standard,
            Some(_) => SalaryLayout::EntriesTemplate,
        };

        let mut rows = Vec::new();
        let mut seen_ids: HashMap<i64, u64> = HashMap::new();
        // A slate has a dozen distinct Game Info cells; each is parsed once.
        let mut games: HashMap<String, Result<GameInfo, String>> = HashMap::new();
        let first_column = columns.first();
        for record in &records[header_index + 1..] {
            let is_blank = record
                .iter()
                .skip(first_column)
                .all(|c| c.trim().is_empty());
            if is_blank {
                continue;
            }
            let line = record_start(bytes, record).1;
            let row = columns
                .row(record, line, &mut games)
                .map_err(|(column, message)| fail(Some(line), Some(&column), message))?;
            if let Some(id) = row.dk_id {
                if let Some(first) = seen_ids.insert(id, line) {
                    return Err(fail(
                        Some(line),
                        columns
                            .names
                            .get(&columns.id.unwrap_or_default())
                            .map(String::as_str),
                        format!("duplicate ID {id} (first on line {first})"),
                    ));
                }
            }
            rows.push(row);
        }
        if rows.is_empty() {
            return Err(fail(
                Some(header_line),
                None,
                "the header is there but no player rows follow it".into(),
            ));
        }
        Ok(SalaryFile { layout, rows })
    }

    /// Whether lineups of this slate can be exported for upload (the file carries IDs).
    pub fn exportable(&self) -> bool {
        self.layout != SalaryLayout::Legacy
    }

    /// The distinct scheduled games, in order of first appearance (a set keeps it linear: a
    /// hostile file may list thousands of games).
    pub fn games(&self) -> Vec<&GameInfo> {
        let mut seen: std::collections::HashSet<&GameInfo> = std::collections::HashSet::new();
        self.rows
            .iter()
            .map(|row| &row.game)
            .filter(|game| matches!(game, GameInfo::Scheduled { .. }) && seen.insert(game))
            .collect()
    }
}

impl Columns {
    fn find(header: &StringRecord) -> Result<Columns, String> {
        let mut index: HashMap<String, usize> = HashMap::new();
        for (i, cell) in header.iter().enumerate() {
            index.entry(header_key(cell)).or_insert(i); // the first occurrence wins
        }
        let names: HashMap<usize, String> = header
            .iter()
            .enumerate()
            .map(|(i, c)| (i, c.trim().to_string()))
            .collect();
        let required = |keys: &[&str], label: &str| {
            keys.iter()
                .find_map(|k| index.get(*k).copied())
                .ok_or_else(|| format!("the header has no '{label}' column"))
        };
        let id = index.get("id").copied();
        let roster_positions = index.get("rosterposition").copied();
        if id.is_some() && roster_positions.is_none() {
            return Err("the header has an 'ID' column but no 'Roster Position' column".into());
        }
        Ok(Columns {
            position: required(&["position"], "Position")?,
            name: required(&["name"], "Name")?,
            salary: required(&["salary"], "Salary")?,
            game_info: required(&["gameinfo"], "Game Info")?,
            team: required(&["teamabbrev"], "TeamAbbrev")?,
            avg_points: required(&["avgpointspergame"], "AvgPointsPerGame")?,
            id,
            roster_positions,
            names,
        })
    }

    /// The leftmost column of the player table (the template has other cells left of it).
    fn first(&self) -> usize {
        [
            Some(self.position),
            Some(self.name),
            self.id,
            self.roster_positions,
            Some(self.salary),
            Some(self.game_info),
            Some(self.team),
            Some(self.avg_points),
        ]
        .into_iter()
        .flatten()
        .min()
        .unwrap_or(0)
    }

    /// Reads one player row; an error names the column and what is wrong.
    fn row(
        &self,
        record: &StringRecord,
        line: u64,
        games: &mut HashMap<String, Result<GameInfo, String>>,
    ) -> Result<SalaryRow, (String, String)> {
        let column = |i: usize| self.names.get(&i).cloned().unwrap_or_default();
        let cell = |i: usize| record.get(i).unwrap_or("").trim();
        let problem = |i: usize, message: String| (column(i), message);

        let position: Position = cell(self.position)
            .parse()
            .map_err(|e| problem(self.position, e))?;
        let name = cell(self.name).to_string();
        if name.is_empty() {
            return Err(problem(self.name, "the name is empty".into()));
        }
        let dk_id = match self.id {
            None => None,
            Some(i) => Some(
                cell(i)
                    .parse::<i64>()
                    .ok()
                    .filter(|id| *id > 0)
                    .ok_or_else(|| {
                        problem(i, format!("'{}' is not a DraftKings player ID", cell(i)))
                    })?,
            ),
        };
        let roster_positions = match self.roster_positions {
            None => position.roster_positions(),
            Some(i) => {
                let text = cell(i);
                if text != position.roster_positions() {
                    return Err(problem(
                        i,
                        format!(
                            "'{text}' does not fit position {position} (expected '{}')",
                            position.roster_positions()
                        ),
                    ));
                }
                text.to_string()
            }
        };
        let salary_text = cell(self.salary);
        let salary = salary_text
            .parse::<u32>()
            .ok()
            .filter(|s| *s > 0)
            .ok_or_else(|| problem(self.salary, format!("'{salary_text}' is not a salary")))?;
        if salary > MAX_PLAYER_SALARY {
            return Err(problem(
                self.salary,
                format!(
                    "{salary} is not a DraftKings salary (a player costs at most \
                     ${MAX_PLAYER_SALARY})"
                ),
            ));
        }
        let game_text = cell(self.game_info);
        let game = match games.get(game_text) {
            Some(parsed) => parsed.clone(),
            None => {
                let parsed = GameInfo::parse(game_text);
                games.insert(game_text.to_string(), parsed.clone());
                parsed
            }
        }
        .map_err(|e| problem(self.game_info, e))?;
        let team = cell(self.team).to_string();
        if !(2..=3).contains(&team.len()) || !team.chars().all(|c| c.is_ascii_uppercase()) {
            return Err(problem(self.team, format!("'{team}' is not a team code")));
        }
        let opponent = game.opponent_of(&team).map(str::to_string);
        if opponent.is_none() {
            if let GameInfo::Scheduled { away, home, .. } = &game {
                return Err(problem(
                    self.team,
                    format!("team {team} does not play in its game {away}@{home}"),
                ));
            }
        }
        let avg_text = cell(self.avg_points);
        let avg_points_per_game = if avg_text.is_empty() {
            0.0
        } else {
            let avg = avg_text
                .parse::<f64>()
                .map_err(|_| problem(self.avg_points, format!("'{avg_text}' is not a number")))?;
            if !(avg.is_finite() && (-100.0..=200.0).contains(&avg)) {
                return Err(problem(
                    self.avg_points,
                    format!("'{avg_text}' is not an average of DraftKings points (-100 to 200)"),
                ));
            }
            avg
        };
        Ok(SalaryRow {
            line,
            dk_id,
            name,
            position,
            roster_positions,
            salary,
            game,
            team,
            opponent,
            avg_points_per_game,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const HEADER: &str =
        "Position,Name + ID,Name,ID,Roster Position,Salary,Game Info,TeamAbbrev,AvgPointsPerGame";

    fn standard(rows: &[&str]) -> String {
        let mut text = String::from(HEADER);
        for row in rows {
            text.push('\n');
            text.push_str(row);
        }
        text
    }

    const QB: &str = "QB,Patrick Mahomes (16006097),Patrick Mahomes,16006097,QB,8500,ATL@KC 12/27/2020 01:00PM ET,KC,27.80";
    const DST: &str =
        "DST,Falcons  (16006500),Falcons ,16006500,DST,2500,ATL@KC 12/27/2020 01:00PM ET,ATL,5.1";

    #[test]
    fn reads_the_standard_layout() {
        let file = SalaryFile::parse("s.csv", standard(&[QB, DST]).as_bytes()).unwrap();
        assert_eq!(file.layout, SalaryLayout::Standard);
        assert!(file.exportable());
        let dst = &file.rows[1];
        assert_eq!(dst.name, "Falcons");
        assert_eq!(dst.dk_id, Some(16006500));
        assert_eq!(dst.position, Position::DST);
        assert_eq!(dst.opponent.as_deref(), Some("KC"));
        assert_eq!(dst.line, 3);
        assert_eq!(file.games().len(), 1);
    }

    #[test]
    fn accepts_bom_crlf_quotes_and_trailing_header_spaces() {
        let text = "\u{feff}Position ,Name + ID,Name,ID,Roster Position,Salary,Game Info,TeamAbbrev ,AvgPointsPerGame\r\n\
             \"QB\",\"Patrick Mahomes (16006097)\",\"Patrick Mahomes\",16006097,QB,8500,\"ATL@KC 12/27/2020 01:00PM ET\",KC,27.80\r\n";
        let file = SalaryFile::parse("q.csv", text.as_bytes()).unwrap();
        assert_eq!(file.rows[0].salary, 8500);
        assert_eq!(file.rows[0].team, "KC");
        assert_eq!(file.rows[0].line, 2);
    }

    #[test]
    fn reads_the_entries_template_layout() {
        let text = format!(
            "QB,RB,RB,WR,WR,WR,TE,FLEX,DST,,Instructions\n\
             ,,,,,,,,,,1. Locate the player you want to select in the list below \n \n\
             ,,,,,,,,,,{HEADER}\n,,,,,,,,,,{QB}\n,,,,,,,,,,{DST}\n"
        );
        let file = SalaryFile::parse("t.csv", text.as_bytes()).unwrap();
        assert_eq!(file.layout, SalaryLayout::EntriesTemplate);
        assert_eq!(file.rows.len(), 2);
        assert_eq!(file.rows[0].line, 5);
    }

    #[test]
    fn reads_the_legacy_layout_without_ids() {
        let text = "Position,Name,Salary,GameInfo,AvgPointsPerGame,TeamAbbrev \r\n\
                    RB,Le'Veon Bell,9300,PIT@DET 10/29/2017 08:30PM ET,,PIT\r\n\
                    DST,Vikings ,4000,MIN@CLE 10/29/2017 09:30AM ET,,MIN\r\n";
        let file = SalaryFile::parse("old.csv", text.as_bytes()).unwrap();
        assert_eq!(file.layout, SalaryLayout::Legacy);
        assert!(!file.exportable());
        assert_eq!(file.rows[0].dk_id, None);
        assert_eq!(file.rows[0].roster_positions, "RB/FLEX");
        assert_eq!(file.rows[0].avg_points_per_game, 0.0);
        assert_eq!(file.rows[1].name, "Vikings");
    }

    #[test]
    fn keeps_players_without_a_game() {
        let row = "RB,James White (23486158),James White,23486158,RB/FLEX,4200,-,NE,10.4";
        let file = SalaryFile::parse("g.csv", standard(&[QB, row]).as_bytes()).unwrap();
        assert_eq!(file.rows[1].game, GameInfo::NoGame);
        assert_eq!(file.rows[1].opponent, None);
        assert_eq!(file.games().len(), 1);
    }

    /// (file text, expected message fragment: file, line and column are named)
    #[test]
    fn bad_input_is_refused_naming_line_and_column() {
        let cases: Vec<(String, &str)> = vec![
            (String::new(), "e.csv: the file is empty"),
            ("\u{0}\u{1}PK".into(), "e.csv: this is not a CSV text file"),
            (
                "a,b,c\n1,2,3\n".into(),
                "e.csv: no DraftKings salary header found",
            ),
            (
                HEADER.replace(",Salary", ",Pay") + "\n" + QB,
                "e.csv, line 1: the header has no 'Salary' column",
            ),
            (
                standard(&[]),
                "e.csv, line 1: the header is there but no player rows",
            ),
            (
                standard(&[&QB.replace("8500", "85OO")]),
                "e.csv, line 2, column 'Salary': '85OO' is not a salary",
            ),
            (
                standard(&[&QB.replacen("QB,", "K,", 1)]),
                "e.csv, line 2, column 'Position': unknown position 'K'",
            ),
            (
                standard(&[QB, DST, QB]),
                "e.csv, line 4, column 'ID': duplicate ID 16006097 (first on line 2)",
            ),
            (
                standard(&[&QB.replace(",KC,27", ",DEN,27")]),
                "e.csv, line 2, column 'TeamAbbrev': team DEN does not play in its game ATL@KC",
            ),
            (
                standard(&[&QB.replace("01:00PM ET", "1pm")]),
                "e.csv, line 2, column 'Game Info': 'ATL@KC 12/27/2020 1pm' is not a game",
            ),
            (
                standard(&[&QB.replace(",16006097,", ",x,")]),
                "e.csv, line 2, column 'ID': 'x' is not a DraftKings player ID",
            ),
            (
                standard(&[&QB.replace(",QB,8500", ",WR/FLEX,8500")]),
                "e.csv, line 2, column 'Roster Position': 'WR/FLEX' does not fit position QB",
            ),
            (
                standard(&[&QB.replace("27.80", "lots")]),
                "e.csv, line 2, column 'AvgPointsPerGame': 'lots' is not a number",
            ),
            (
                standard(&[&QB.replace("27.80", "inf")]),
                "e.csv, line 2, column 'AvgPointsPerGame': 'inf' is not an average",
            ),
            (
                standard(&[&QB.replace("8500", "3000000000")]),
                "e.csv, line 2, column 'Salary': 3000000000 is not a DraftKings salary",
            ),
        ];
        for (text, expected) in cases {
            let err = SalaryFile::parse("e.csv", text.as_bytes()).unwrap_err();
            assert!(
                err.to_string().starts_with(expected),
                "expected '{expected}', got '{err}'"
            );
        }
    }
}
