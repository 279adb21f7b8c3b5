//! Play-by-play (`play_by_play_YYYY.csv.gz`, ~50,000 rows x ~370 columns a season): streamed row
//! by row, keeping only the columns DST scoring uses, into one [`DstGame`] per team and game:
//! sacks, interceptions, fumble recoveries, return touchdowns, safeties, blocked kicks,
//! conversion returns, and the points allowed exactly as DraftKings counts them (points scored
//! while the DST was on the field: the opponent's offensive touchdowns, field goals and tries,
//! and touchdowns the DST's special teams gave up on returns; not the opponent's defensive
//! scores).

use super::table::Table;
use crate::dk::FileError;
use crate::scoring::{defense_points, Defense};
use crate::team_code::normalise;
use std::collections::BTreeMap;

/// One team's DST game, from play-by-play.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct DstGame {
    /// nflverse `game_id`.
    pub game_id: String,
    /// Season.
    pub season: i32,
    /// Week.
    pub week: i32,
    /// `REG` or `POST`.
    pub season_type: String,
    /// The DST's team (today's code).
    pub team: String,
    /// The opponent (today's code).
    pub opponent: String,
    /// What the DST did, points allowed included.
    pub defense: Defense,
}

impl DstGame {
    /// DraftKings points.
    pub fn points(&self) -> f64 {
        defense_points(&self.defense)
    }
}

/// Whether the header is play-by-play.
pub fn is_play_by_play(table: &Table) -> bool {
    table.has_all(&["play_id", "game_id", "posteam", "defteam", "play_type"])
}

/// Columns read, by name.
struct Columns {
    game_id: usize,
    season: usize,
    week: usize,
    season_type: Option<usize>,
    home: usize,
    away: usize,
    posteam: usize,
    defteam: usize,
    play_type: Option<usize>,
    sack: Option<usize>,
    interception: Option<usize>,
    fumble_lost: Option<usize>,
    recovery_team: Option<usize>,
    touchdown: Option<usize>,
    td_team: Option<usize>,
    return_touchdown: Option<usize>,
    safety: Option<usize>,
    field_goal: Option<usize>,
    extra_point: Option<usize>,
    two_point: Option<usize>,
    punt_blocked: Option<usize>,
    defensive_two_point: Option<usize>,
    defensive_extra_point: Option<usize>,
}

/// Streams a play-by-play file into DST games (two per game, in game order).
pub fn read(table: &mut Table) -> Result<Vec<DstGame>, FileError> {
    let c = Columns {
        game_id: table.require(&["game_id"])?,
        season: table.require(&["season"])?,
        week: table.require(&["week"])?,
        season_type: table.column(&["season_type"]),
        home: table.require(&["home_team"])?,
        away: table.require(&["away_team"])?,
        posteam: table.require(&["posteam"])?,
        defteam: table.require(&["defteam"])?,
        play_type: table.column(&["play_type"]),
        sack: table.column(&["sack"]),
        interception: table.column(&["interception"]),
        fumble_lost: table.column(&["fumble_lost"]),
        recovery_team: table.column(&["fumble_recovery_1_team"]),
        touchdown: table.column(&["touchdown"]),
        td_team: table.column(&["td_team"]),
        return_touchdown: table.column(&["return_touchdown"]),
        safety: table.column(&["safety"]),
        field_goal: table.column(&["field_goal_result"]),
        extra_point: table.column(&["extra_point_result"]),
        two_point: table.column(&["two_point_conv_result"]),
        punt_blocked: table.column(&["punt_blocked"]),
        defensive_two_point: table.column(&["defensive_two_point_conv"]),
        defensive_extra_point: table.column(&["defensive_extra_point_conv"]),
    };
    // (game, team) -> DST game; and whether the last touchdown counts against the other DST.
    let mut games: BTreeMap<(String, String), DstGame> = BTreeMap::new();
    let mut try_counts = true;
    while table.advance()? {
        let flag = |i: Option<usize>| -> Result<bool, FileError> { Ok(table.number(i)? >= 1.0) };
        let text = |i: Option<usize>| table.optional_text(i).map(normalise);
        let game_id = table.required_text(c.game_id)?.to_string();
        let home = normalise(table.required_text(c.home)?);
        let away = normalise(table.required_text(c.away)?);
        let season = table.season(c.season)?;
        let week = table.week(c.week)?;
        let season_type = table
            .optional_text(c.season_type)
            .unwrap_or("REG")
            .to_string();
        for (team, opponent) in [(&home, &away), (&away, &home)] {
            games
                .entry((game_id.clone(), team.clone()))
                .or_insert_with(|| DstGame {
                    game_id: game_id.clone(),
                    season,
                    week,
                    season_type: season_type.clone(),
                    team: team.clone(),
                    opponent: opponent.clone(),
                    defense: Defense::default(),
                });
        }
        let (Some(posteam), Some(defteam)) = (text(Some(c.posteam)), text(Some(c.defteam))) else {
            continue; // kickoff-less rows: game start, quarter ends, timeouts
        };
        let play_type = table.optional_text(c.play_type).unwrap_or("");
        let special = matches!(play_type, "punt" | "kickoff" | "field_goal" | "extra_point");
        let mut credit = |team: &str, f: &mut dyn FnMut(&mut Defense)| {
            if let Some(g) = games.get_mut(&(game_id.clone(), team.to_string())) {
                f(&mut g.defense);
            }
        };
        if flag(c.sack)? {
            credit(&defteam, &mut |d| d.sacks += 1.0);
        }
        if flag(c.interception)? {
            credit(&defteam, &mut |d| d.interceptions += 1.0);
        }
        if flag(c.fumble_lost)? {
            if let Some(recovered) = text(c.recovery_team) {
                credit(&recovered, &mut |d| d.fumbles_recovered += 1.0);
            }
        }
        if flag(c.safety)? {
            credit(&defteam, &mut |d| d.safeties += 1.0);
        }
        let blocked = table.optional_text(c.field_goal) == Some("blocked")
            || table.optional_text(c.extra_point) == Some("blocked")
            || flag(c.punt_blocked)?;
        if blocked {
            credit(&defteam, &mut |d| d.blocked_kicks += 1.0);
        }
        if flag(c.defensive_two_point)? || flag(c.defensive_extra_point)? {
            credit(&defteam, &mut |d| d.conversion_returns += 1.0);
        }
        if flag(c.touchdown)? {
            if let Some(scorer) = text(c.td_team) {
                let other = if scorer == home { &away } else { &home };
                if flag(c.return_touchdown)? {
                    credit(&scorer, &mut |d| d.return_tds += 1.0);
                }
                // Against the other DST: an offensive TD, or a return TD on a kick or punt
                // (its special teams gave it up); not a turnover returned by the scorer's
                // defense, and then not the try after it either.
                let on_offense = scorer == posteam && !flag(c.return_touchdown)?;
                let kick_return = special && flag(c.return_touchdown)?;
                try_counts = on_offense || kick_return;
                if try_counts {
                    credit(other, &mut |d| d.points_allowed += 6.0);
                }
            }
        }
        // Field goals and tries score for the team in possession.
        let other_than_pos = if posteam == home { &away } else { &home };
        if table.optional_text(c.field_goal) == Some("made") {
            credit(other_than_pos, &mut |d| d.points_allowed += 3.0);
        }
        if table.optional_text(c.extra_point) == Some("good") && try_counts {
            credit(other_than_pos, &mut |d| d.points_allowed += 1.0);
        }
        if table.optional_text(c.two_point) == Some("success") && try_counts {
            credit(other_than_pos, &mut |d| d.points_allowed += 2.0);
        }
    }
    Ok(games.into_values().collect())
}
