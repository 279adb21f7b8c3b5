//! The schedule (`games.csv`): every game with scores, betting lines, roof, surface, weather and
//! rest days. Team codes are the codes of the time; they are stored as today's.

use super::table::Table;
use crate::dk::FileError;
use crate::team_code::normalise;

/// One game.
#[derive(Debug, Clone, PartialEq)]
pub struct ScheduledGame {
    /// nflverse `game_id`.
    pub game_id: String,
    /// Season.
    pub season: i32,
    /// `REG`, `WC`, `DIV`, `CON`, `SB`.
    pub game_type: String,
    /// Week.
    pub week: i32,
    /// Date, `YYYY-MM-DD`.
    pub gameday: String,
    /// Kickoff, Eastern `HH:MM`.
    pub gametime: Option<String>,
    /// Away team (today's code).
    pub away_team: String,
    /// Home team (today's code).
    pub home_team: String,
    /// Away score, once played.
    pub away_score: Option<i32>,
    /// Home score, once played.
    pub home_score: Option<i32>,
    /// Home team's point spread (positive: home favoured).
    pub spread_line: Option<f64>,
    /// Total points line.
    pub total_line: Option<f64>,
    /// Roof.
    pub roof: Option<String>,
    /// Surface.
    pub surface: Option<String>,
    /// Temperature, °F.
    pub temp: Option<f64>,
    /// Wind, mph.
    pub wind: Option<f64>,
    /// Away team's rest days.
    pub away_rest: Option<i32>,
    /// Home team's rest days.
    pub home_rest: Option<i32>,
    /// A division game.
    pub div_game: Option<bool>,
}

/// Whether the header is a schedule.
pub fn is_schedule(table: &Table) -> bool {
    table.has_all(&[
        "game_id",
        "season",
        "week",
        "away_team",
        "home_team",
        "gameday",
    ])
}

/// Reads every game of a schedule file, calling `row` for each.
pub fn read(
    table: &mut Table,
    mut row: impl FnMut(ScheduledGame) -> Result<(), FileError>,
) -> Result<u64, FileError> {
    let game_id = table.require(&["game_id"])?;
    let season = table.require(&["season"])?;
    let game_type = table.column(&["game_type"]);
    let week = table.require(&["week"])?;
    let gameday = table.require(&["gameday"])?;
    let gametime = table.column(&["gametime"]);
    let away = table.require(&["away_team"])?;
    let home = table.require(&["home_team"])?;
    let away_score = table.column(&["away_score"]);
    let home_score = table.column(&["home_score"]);
    let spread = table.column(&["spread_line"]);
    let total = table.column(&["total_line"]);
    let roof = table.column(&["roof"]);
    let surface = table.column(&["surface"]);
    let temp = table.column(&["temp"]);
    let wind = table.column(&["wind"]);
    let away_rest = table.column(&["away_rest"]);
    let home_rest = table.column(&["home_rest"]);
    let div_game = table.column(&["div_game"]);
    let whole = |t: &Table, i: Option<usize>| -> Result<Option<i32>, FileError> {
        Ok(t.optional_number(i)?.map(|v| v as i32))
    };
    let mut count = 0;
    while table.advance()? {
        row(ScheduledGame {
            game_id: table.required_text(game_id)?.to_string(),
            season: table.season(season)?,
            game_type: table.optional_text(game_type).unwrap_or("REG").to_string(),
            week: table.week(week)?,
            gameday: table.required_text(gameday)?.to_string(),
            gametime: table.optional_text(gametime).map(str::to_string),
            away_team: normalise(table.required_text(away)?),
            home_team: normalise(table.required_text(home)?),
            away_score: whole(table, away_score)?,
            home_score: whole(table, home_score)?,
            spread_line: table.optional_number(spread)?,
            total_line: table.optional_number(total)?,
            roof: table.optional_text(roof).map(str::to_string),
            surface: table.optional_text(surface).map(str::to_string),
            temp: table.optional_number(temp)?,
            wind: table.optional_number(wind)?,
            away_rest: whole(table, away_rest)?,
            home_rest: whole(table, home_rest)?,
            div_game: table.optional_number(div_game)?.map(|v| v != 0.0),
        })?;
        count += 1;
    }
    Ok(count)
}
