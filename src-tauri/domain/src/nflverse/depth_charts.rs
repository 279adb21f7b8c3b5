//! Depth charts (`depth_charts_YYYY`) in both of nflverse's layouts: the weekly charts through
//! 2024 (`season, club_code, week, depth_team, formation, gsis_id, position, ...`) and, from
//! 2025, dated snapshots (`dt, team, gsis_id, pos_abb, pos_slot, pos_rank, ...`). Only the
//! offensive positions the app projects are kept, each player once per chart at his best
//! place: 1 for a starter, 2 for his backup. A snapshot ranks a position's players across its
//! slots (the third receiver of a three-receiver set is 3), so a place there is the player's
//! rank within his slot, as the weekly charts count it.

use super::roster_files::is_gsis_id;
use super::table::{Table, SEASONS};
use crate::dk::FileError;
use crate::team_code::normalise;
use chrono::{DateTime, Datelike, SecondsFormat, Utc};
use std::collections::BTreeMap;

/// A place deeper than this is not a depth chart's.
pub const MAX_DEPTH: i32 = 20;

/// Positions kept (FB counts as RB where the history reads it).
const POSITIONS: [&str; 5] = ["QB", "RB", "FB", "WR", "TE"];

/// A player's place on one chart.
#[derive(Debug, Clone, PartialEq)]
pub struct DepthEntry {
    /// Season.
    pub season: i32,
    /// Week of a weekly chart; 0 for a snapshot.
    pub week: i32,
    /// A snapshot's time (ISO-8601 UTC, seconds); empty for a weekly chart.
    pub as_of: String,
    /// Team (today's code).
    pub team: String,
    /// GSIS id.
    pub gsis_id: String,
    /// Name.
    pub name: String,
    /// Position.
    pub position: String,
    /// 1 for a starter, 2 for his backup, ...
    pub depth: i32,
}

/// The places read, and the rows at a kept position skipped as unusable (no valid GSIS id; a
/// weekly row without a week, like the Super Bowl bye's).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct DepthCharts {
    /// One entry per player and chart.
    pub entries: Vec<DepthEntry>,
    /// Rows skipped.
    pub skipped: u64,
}

/// Whether the header is a weekly depth chart.
fn is_weekly(table: &Table) -> bool {
    table.has_all(&["season", "club_code", "depth_team", "gsis_id", "position"])
}

/// Whether the header is a dated depth-chart snapshot.
fn is_snapshots(table: &Table) -> bool {
    table.has_all(&["dt", "team", "gsis_id", "pos_abb", "pos_slot", "pos_rank"])
}

/// Whether the header is a depth chart of either layout.
pub fn is_depth_chart(table: &Table) -> bool {
    is_weekly(table) || is_snapshots(table)
}

/// Reads a depth chart of either layout.
pub fn read(table: &mut Table) -> Result<DepthCharts, FileError> {
    if is_weekly(table) {
        read_weekly(table)
    } else {
        read_snapshots(table)
    }
}

/// Keeps each player's best place per chart.
fn best_places(rows: Vec<DepthEntry>) -> Vec<DepthEntry> {
    let mut best: BTreeMap<(i32, i32, String, String, String), DepthEntry> = BTreeMap::new();
    for r in rows {
        let key = (
            r.season,
            r.week,
            r.as_of.clone(),
            r.team.clone(),
            r.gsis_id.clone(),
        );
        match best.get(&key) {
            Some(b) if b.depth <= r.depth => {}
            _ => {
                best.insert(key, r);
            }
        }
    }
    best.into_values().collect()
}

fn depth(table: &Table, index: usize) -> Result<i32, FileError> {
    let value = table.integer(index)?;
    if (1..=MAX_DEPTH).contains(&value) {
        Ok(value)
    } else {
        Err(table.error(
            index,
            format!("{value} is not a place on a depth chart (1 to {MAX_DEPTH})"),
        ))
    }
}

fn read_weekly(table: &mut Table) -> Result<DepthCharts, FileError> {
    let season = table.require(&["season"])?;
    let team = table.require(&["club_code"])?;
    let week = table.require(&["week"])?;
    let place = table.require(&["depth_team"])?;
    let formation = table.column(&["formation"]);
    let id = table.require(&["gsis_id"])?;
    let position = table.require(&["position"])?;
    let name = table.column(&["full_name", "football_name"]);
    let mut rows = Vec::new();
    let mut skipped = 0;
    while table.advance()? {
        let pos = table.text(position).to_ascii_uppercase();
        let offense = table
            .optional_text(formation)
            .is_none_or(|f| f.eq_ignore_ascii_case("offense"));
        if !offense || !POSITIONS.contains(&pos.as_str()) {
            continue;
        }
        let week = table.optional_week(Some(week))?;
        let gsis_id = table.text(id).to_string();
        if week == 0 || !is_gsis_id(&gsis_id) {
            skipped += 1;
            continue;
        }
        rows.push(DepthEntry {
            season: table.season(season)?,
            week,
            as_of: String::new(),
            team: normalise(table.required_text(team)?),
            name: table.optional_text(name).unwrap_or(&gsis_id).to_string(),
            gsis_id,
            position: pos,
            depth: depth(table, place)?,
        });
    }
    Ok(DepthCharts {
        entries: best_places(rows),
        skipped,
    })
}

/// The NFL season a moment belongs to: one that starts in September runs into the next
/// February.
fn season_at(at: &DateTime<Utc>) -> i32 {
    if at.month() >= 3 {
        at.year()
    } else {
        at.year() - 1
    }
}

fn read_snapshots(table: &mut Table) -> Result<DepthCharts, FileError> {
    let dt = table.require(&["dt"])?;
    let team = table.require(&["team"])?;
    let id = table.require(&["gsis_id"])?;
    let position = table.require(&["pos_abb"])?;
    let slot = table.require(&["pos_slot"])?;
    let rank = table.require(&["pos_rank"])?;
    let name = table.column(&["player_name"]);
    // (time, team, slot) -> (rank in the position, entry).
    let mut slots: BTreeMap<(String, String, i32), Vec<(i32, DepthEntry)>> = BTreeMap::new();
    let mut skipped = 0;
    while table.advance()? {
        let pos = table.text(position).to_ascii_uppercase();
        if !POSITIONS.contains(&pos.as_str()) {
            continue;
        }
        let text = table.required_text(dt)?;
        let at = DateTime::parse_from_rfc3339(text)
            .map_err(|_| table.error(dt, format!("'{text}' is not an ISO-8601 time")))?
            .with_timezone(&Utc);
        let season = season_at(&at);
        if !SEASONS.contains(&season) {
            return Err(table.error(
                dt,
                format!("{text} is not in a season NFL data covers (1999 to 2100)"),
            ));
        }
        let gsis_id = table.text(id).to_string();
        if !is_gsis_id(&gsis_id) {
            skipped += 1;
            continue;
        }
        let as_of = at.to_rfc3339_opts(SecondsFormat::Secs, true);
        let team = normalise(table.required_text(team)?);
        let entry = DepthEntry {
            season,
            week: 0,
            as_of: as_of.clone(),
            team: team.clone(),
            name: table.optional_text(name).unwrap_or(&gsis_id).to_string(),
            gsis_id,
            position: pos,
            depth: 0,
        };
        let key = (as_of, team, table.integer(slot)?);
        slots
            .entry(key)
            .or_default()
            .push((depth(table, rank)?, entry));
    }
    let mut rows = Vec::new();
    for mut list in slots.into_values() {
        list.sort_by_key(|(rank, _)| *rank);
        for (place, (_, mut entry)) in list.into_iter().enumerate() {
            entry.depth = i32::try_from(place + 1).unwrap_or(MAX_DEPTH).min(MAX_DEPTH);
            rows.push(entry);
        }
    }
    Ok(DepthCharts {
        entries: best_places(rows),
        skipped,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read_text(text: &str) -> Result<DepthCharts, FileError> {
        let mut table = Table::open("depth.csv", std::io::Cursor::new(text.as_bytes().to_vec()))?;
        assert!(is_depth_chart(&table));
        read(&mut table)
    }

    #[test]
    fn weekly_charts_keep_the_offense_at_its_best_place() {
        let charts = read_text(
            "season,club_code,week,game_type,depth_team,last_name,first_name,football_name,formation,gsis_id,jersey_number,position,elias_id,depth_position,full_name\r\n\
             2022,KC,3,REG,2,Gray,Noah,Noah,Offense,00-0036637,83,TE,X,TE,Noah Gray\r\n\
             2022,KC,3,REG,1,Gray,Noah,Noah,Offense,00-0036637,83,TE,X,TE,Noah Gray\r\n\
             2022,KC,3,REG,1,Hardman,Mecole,Mecole,Special Teams,00-0035140,12,WR,X,KR,Mecole Hardman\r\n\
             2022,KC,3,REG,1,Humphrey,Creed,Creed,Offense,00-0036623,52,C,X,C,Creed Humphrey\r\n\
             2022,KC,,SBBYE,1,Kelce,Travis,Travis,Offense,00-0030506,87,TE,X,TE,Travis Kelce\r\n\
             2022,OAK,3,REG,1,Carr,Derek,Derek,Offense,,4,QB,X,QB,Derek Carr\r\n",
        )
        .unwrap();
        assert_eq!(charts.entries.len(), 1);
        let gray = &charts.entries[0];
        assert_eq!((gray.week, gray.depth, gray.team.as_str()), (3, 1, "KC"));
        assert_eq!(gray.as_of, "");
        assert_eq!(charts.skipped, 2, "the bye row and the row without an id");
    }

    #[test]
    fn a_snapshot_ranks_a_player_within_his_slot() {
        let charts = read_text(
            "dt,team,player_name,espn_id,gsis_id,pos_grp_id,pos_grp,pos_id,pos_name,pos_abb,pos_slot,pos_rank\n\
             2026-01-04T07:17:56Z,KC,Xavier Worthy,1,00-0039894,21,3WR 1TE,1,Wide Receiver,WR,1,1\n\
             2026-01-04T07:17:56Z,KC,Hollywood Brown,1,00-0035662,21,3WR 1TE,1,Wide Receiver,WR,2,2\n\
             2026-01-04T07:17:56Z,KC,Jalen Royals,1,00-0040646,21,3WR 1TE,1,Wide Receiver,WR,1,4\n\
             2026-01-04T07:17:56Z,KC,Josh Sweat,1,00-0034381,16,Base 4-3 D,11,Left Defensive End,LDE,1,1\n",
        )
        .unwrap();
        let place = |id: &str| {
            charts
                .entries
                .iter()
                .find(|e| e.gsis_id == id)
                .map(|e| (e.season, e.week, e.depth))
        };
        assert_eq!(place("00-0039894"), Some((2025, 0, 1)));
        assert_eq!(place("00-0035662"), Some((2025, 0, 1)));
        assert_eq!(place("00-0040646"), Some((2025, 0, 2)));
        assert_eq!(place("00-0034381"), None);
        assert_eq!(charts.entries[0].as_of, "2026-01-04T07:17:56Z");
    }

    #[test]
    fn a_bad_cell_is_named() {
        let weekly = read_text(
            "season,club_code,week,game_type,depth_team,formation,gsis_id,position,full_name\n\
             2022,KC,3,REG,99,Offense,00-0036637,TE,Noah Gray\n",
        )
        .unwrap_err();
        assert_eq!(
            (weekly.line, weekly.column.as_deref()),
            (Some(2), Some("depth_team"))
        );
        let snapshot = read_text(
            "dt,team,player_name,gsis_id,pos_abb,pos_slot,pos_rank\n\
             yesterday,KC,Xavier Worthy,00-0039894,WR,1,1\n",
        )
        .unwrap_err();
        assert_eq!(snapshot.column.as_deref(), Some("dt"));
        assert!(snapshot
            .message
            .contains("'yesterday' is not an ISO-8601 time"));
    }
}
