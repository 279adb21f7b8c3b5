//! Advanced weekly stats: Pro Football Reference's (`advstats_week_{pass,rush,rec,def}_YYYY`,
//! keyed by PFR id) and Next Gen Stats (`ngs_{passing,receiving,rushing}`, keyed by GSIS id).
//! Each file is recognised by its header; the stats kept are the source's numeric columns listed
//! below (others are ignored), stored long: one row per player, week and stat. Skipped and
//! counted: rows without a player id; a Next Gen Stats week 0 (a season total, not a week); and
//! Next Gen Stats postseason rows, whose weeks count the Pro Bowl's (the Super Bowl is week 22
//! or 23) unlike every other nflverse table, so they would not line up with the schedule.

use super::roster_files::{is_gsis_id, is_pfr_id};
use super::table::Table;
use crate::dk::FileError;
use crate::team_code::normalise;
use std::collections::BTreeMap;

/// One source of advanced stats and how its files look.
#[derive(Debug, PartialEq, Eq)]
pub struct Source {
    /// The name stored with each row.
    pub name: &'static str,
    /// The player-id column, and whether it holds PFR ids (else GSIS ids).
    id: (&'static str, bool),
    /// The team column.
    team: &'static str,
    /// Columns only this source's files have (with the id column, they recognise it).
    marks: &'static [&'static str],
    /// The stat columns kept.
    stats: &'static [&'static str],
}

/// Every source this app reads.
pub const SOURCES: [Source; 7] = [
    Source {
        name: "pfr_pass",
        id: ("pfr_player_id", true),
        team: "team",
        marks: &["pfr_game_id", "times_pressured"],
        stats: &[
            "passing_drops",
            "passing_drop_pct",
            "passing_bad_throws",
            "passing_bad_throw_pct",
            "times_sacked",
            "times_blitzed",
            "times_hurried",
            "times_hit",
            "times_pressured",
            "times_pressured_pct",
        ],
    },
    Source {
        name: "pfr_rush",
        id: ("pfr_player_id", true),
        team: "team",
        marks: &["pfr_game_id", "rushing_yards_before_contact"],
        stats: &[
            "carries",
            "rushing_yards_before_contact",
            "rushing_yards_before_contact_avg",
            "rushing_yards_after_contact",
            "rushing_yards_after_contact_avg",
            "rushing_broken_tackles",
        ],
    },
    Source {
        name: "pfr_rec",
        id: ("pfr_player_id", true),
        team: "team",
        marks: &["pfr_game_id", "receiving_drop"],
        stats: &[
            "receiving_broken_tackles",
            "receiving_drop",
            "receiving_drop_pct",
            "receiving_int",
            "receiving_rat",
        ],
    },
    Source {
        name: "pfr_def",
        id: ("pfr_player_id", true),
        team: "team",
        marks: &["pfr_game_id", "def_targets"],
        stats: &[
            "def_ints",
            "def_targets",
            "def_completions_allowed",
            "def_yards_allowed",
            "def_receiving_td_allowed",
            "def_times_blitzed",
            "def_times_hurried",
            "def_times_hitqb",
            "def_sacks",
            "def_pressures",
            "def_tackles_combined",
            "def_missed_tackles",
        ],
    },
    Source {
        name: "ngs_passing",
        id: ("player_gsis_id", false),
        team: "team_abbr",
        marks: &["season_type", "avg_time_to_throw"],
        stats: &[
            "avg_time_to_throw",
            "avg_completed_air_yards",
            "avg_intended_air_yards",
            "avg_air_yards_differential",
            "aggressiveness",
            "avg_air_yards_to_sticks",
            "attempts",
            "pass_yards",
            "pass_touchdowns",
            "interceptions",
            "passer_rating",
            "completions",
            "completion_percentage",
            "expected_completion_percentage",
            "completion_percentage_above_expectation",
        ],
    },
    Source {
        name: "ngs_receiving",
        id: ("player_gsis_id", false),
        team: "team_abbr",
        marks: &["season_type", "avg_separation"],
        stats: &[
            "avg_cushion",
            "avg_separation",
            "avg_intended_air_yards",
            "percent_share_of_intended_air_yards",
            "receptions",
            "targets",
            "catch_percentage",
            "yards",
            "rec_touchdowns",
            "avg_yac",
            "avg_expected_yac",
            "avg_yac_above_expectation",
        ],
    },
    Source {
        name: "ngs_rushing",
        id: ("player_gsis_id", false),
        team: "team_abbr",
        marks: &["season_type", "efficiency", "avg_time_to_los"],
        stats: &[
            "efficiency",
            "percent_attempts_gte_eight_defenders",
            "avg_time_to_los",
            "rush_attempts",
            "rush_yards",
            "avg_rush_yards",
            "rush_touchdowns",
            "expected_rush_yards",
            "rush_yards_over_expected",
            "rush_yards_over_expected_per_att",
            "rush_pct_over_expected",
        ],
    },
];

impl Source {
    /// Whether this source comes from Pro Football Reference (its players are PFR ids).
    pub fn is_pfr(&self) -> bool {
        self.id.1
    }
}

/// The source whose header `table` has, if any.
pub fn source_of(table: &Table) -> Option<&'static Source> {
    SOURCES
        .iter()
        .find(|s| table.has_all(&[s.id.0, s.team, "season", "week"]) && table.has_all(s.marks))
}

/// One stat of one player's week.
#[derive(Debug, Clone, PartialEq)]
pub struct AdvancedStat {
    /// The source's name.
    pub source: &'static str,
    /// PFR id or GSIS id, as the source keys players.
    pub player_id: String,
    /// Season.
    pub season: i32,
    /// Week.
    pub week: i32,
    /// The stat's column name.
    pub stat: &'static str,
    /// Team (today's code).
    pub team: String,
    /// The value.
    pub value: f64,
}

/// The stats of an advanced-stats file and the rows skipped (no player id, or a season total).
#[derive(Debug, Clone, PartialEq)]
pub struct AdvancedStats {
    /// The stats read, one per player, week and stat (a repeated row replaces the earlier one).
    pub stats: Vec<AdvancedStat>,
    /// Rows skipped.
    pub skipped: u64,
}

/// Reads an advanced-stats file (its source told by its header). A malformed player id, season,
/// week or stat value refuses the file, naming line and column.
pub fn read(table: &mut Table) -> Result<AdvancedStats, FileError> {
    let source = source_of(table).ok_or_else(|| {
        FileError::new(
            &table.file,
            Some(1),
            None,
            "not an advanced-stats file: its header has none of their columns",
        )
    })?;
    let id = table.require(&[source.id.0])?;
    let season = table.require(&["season"])?;
    let week = table.require(&["week"])?;
    let team = table.require(&[source.team])?;
    let season_type = table.column(&["season_type"]).filter(|_| !source.is_pfr());
    let stats: Vec<(&'static str, usize)> = source
        .stats
        .iter()
        .filter_map(|stat| table.column(&[stat]).map(|index| (*stat, index)))
        .collect();
    let mut kept: BTreeMap<(String, i32, i32, &'static str), (String, f64)> = BTreeMap::new();
    let mut skipped = 0;
    while table.advance()? {
        let Some(player) = table.optional_text(Some(id)) else {
            skipped += 1;
            continue;
        };
        let well_formed = if source.is_pfr() {
            is_pfr_id(player)
        } else {
            is_gsis_id(player)
        };
        if !well_formed {
            let kind = if source.is_pfr() { "PFR" } else { "GSIS" };
            return Err(table.error(id, format!("'{player}' is not a {kind} player id")));
        }
        let player = player.to_string();
        if table.text(week) == "0" || table.optional_text(season_type) == Some("POST") {
            skipped += 1;
            continue;
        }
        let (season, week) = (table.season(season)?, table.week(week)?);
        let team = normalise(table.required_text(team)?);
        for (stat, index) in &stats {
            if let Some(value) = table.optional_number(Some(*index))? {
                kept.insert((player.clone(), season, week, stat), (team.clone(), value));
            }
        }
    }
    Ok(AdvancedStats {
        stats: kept
            .into_iter()
            .map(
                |((player_id, season, week, stat), (team, value))| AdvancedStat {
                    source: source.name,
                    player_id,
                    season,
                    week,
                    stat,
                    team,
                    value,
                },
            )
            .collect(),
        skipped,
    })
}
