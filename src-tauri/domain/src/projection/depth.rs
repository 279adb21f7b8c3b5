//! Depth charts as of a team's game: who starts at each position and who is next in line. A
//! week's chart is nflverse's weekly chart for it (the layout through 2024) or, from the dated
//! snapshots of the later layout, the last one taken before the team's game day at 17:00 UTC
//! (the first Sunday kickoff) and at most [`MAX_SNAPSHOT_AGE_DAYS`] before it.

use super::history::model_position;
use super::history::{week_key, DepthChartEntry, History, WeekKey};
use crate::dk::Position;
use chrono::NaiveDate;
use std::collections::HashMap;

/// A snapshot older than this before the game says nothing about it.
pub const MAX_SNAPSHOT_AGE_DAYS: i64 = 10;

/// A player's place on a chart.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Place {
    /// His position on the chart.
    pub position: Position,
    /// 1 for a starter, 2 for his backup, ...
    pub depth: i32,
}

/// Where a player stands on his team's chart for a week.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChartPlace {
    /// No chart of the team's game is loaded.
    NotLoaded,
    /// The chart does not list him.
    Off,
    /// Listed at this place at his position (1 for a starter).
    Listed(u32),
}

/// One team's chart for one game: GSIS id to place.
pub type Chart = HashMap<String, Place>;

/// A team-season's snapshots: each one's time and entries.
type Snapshots<'h> = Vec<(&'h str, Vec<&'h DepthChartEntry>)>;

/// Every loaded chart, by team and week.
#[derive(Debug, Default)]
pub struct DepthCharts {
    charts: HashMap<(String, WeekKey), Chart>,
}

impl DepthCharts {
    /// Resolves the history's charts to its scheduled team games.
    pub fn new(history: &History) -> DepthCharts {
        let mut charts: HashMap<(String, WeekKey), Chart> = HashMap::new();
        let mut snapshots: HashMap<(&str, i32), Snapshots> = HashMap::new();
        for e in &history.depth_charts {
            match (e.week, e.as_of.as_deref()) {
                (Some(week), _) => add(
                    charts
                        .entry((e.team.clone(), week_key(e.season, week)))
                        .or_default(),
                    e,
                ),
                (None, Some(as_of)) => {
                    let list = snapshots.entry((e.team.as_str(), e.season)).or_default();
                    match list.iter_mut().find(|(t, _)| *t == as_of) {
                        Some((_, entries)) => entries.push(e),
                        None => list.push((as_of, vec![e])),
                    }
                }
                (None, None) => {}
            }
        }
        for list in snapshots.values_mut() {
            list.sort_by(|a, b| a.0.cmp(b.0));
        }
        for g in &history.games {
            let Ok(day) = NaiveDate::parse_from_str(&g.gameday, "%Y-%m-%d") else {
                continue;
            };
            let cutoff = format!("{}T17:00:00Z", g.gameday);
            let oldest = (day - chrono::Duration::days(MAX_SNAPSHOT_AGE_DAYS))
                .format("%Y-%m-%d")
                .to_string();
            for team in [&g.home_team, &g.away_team] {
                let key = (team.clone(), week_key(g.season, g.week));
                if charts.contains_key(&key) {
                    continue;
                }
                let Some(list) = snapshots.get(&(team.as_str(), g.season)) else {
                    continue;
                };
                let before = &list[..list.partition_point(|(t, _)| *t < cutoff.as_str())];
                if let Some((_, entries)) = before.last().filter(|(t, _)| *t >= oldest.as_str()) {
                    let chart = charts.entry(key).or_default();
                    entries.iter().for_each(|e| add(chart, e));
                }
            }
        }
        DepthCharts { charts }
    }

    /// A team's chart for its game of a week, where one is loaded.
    pub fn chart(&self, team: &str, key: WeekKey) -> Option<&Chart> {
        self.charts.get(&(team.to_string(), key))
    }
}

/// Adds an entry to a chart, keeping a player's best place.
fn add(chart: &mut Chart, e: &DepthChartEntry) {
    let Some(position) = model_position(&e.position) else {
        return;
    };
    let place = Place {
        position,
        depth: e.depth,
    };
    chart
        .entry(e.gsis_id.clone())
        .and_modify(|p| {
            if place.depth < p.depth {
                *p = place;
            }
        })
        .or_insert(place);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::projection::history::Game;

    fn game(week: i32, day: &str) -> Game {
        Game {
            season: 2025,
            week,
            gameday: day.into(),
            away_team: "KC".into(),
            home_team: "DEN".into(),
            spread_line: None,
            total_line: None,
            roof: None,
            away_rest: None,
            home_rest: None,
        }
    }

    fn entry(week: Option<i32>, as_of: Option<&str>, gsis: &str, depth: i32) -> DepthChartEntry {
        DepthChartEntry {
            season: 2025,
            week,
            as_of: as_of.map(str::to_string),
            team: "KC".into(),
            gsis_id: gsis.into(),
            position: "RB".into(),
            depth,
        }
    }

    #[test]
    fn a_snapshot_counts_for_the_game_after_it_and_not_when_stale() {
        let history = History {
            games: vec![
                game(1, "2025-09-07"),
                game(2, "2025-09-14"),
                game(5, "2025-10-05"),
            ],
            depth_charts: vec![
                entry(None, Some("2025-09-07T07:00:00Z"), "a", 1),
                entry(None, Some("2025-09-07T07:00:00Z"), "b", 2),
                // Taken after the week-2 kickoff: it speaks for no game loaded.
                entry(None, Some("2025-09-14T20:00:00Z"), "b", 1),
            ],
            ..History::default()
        };
        let charts = DepthCharts::new(&history);
        let week1 = charts.chart("KC", 202501).unwrap();
        assert_eq!(week1["a"].depth, 1);
        assert_eq!(week1["b"].depth, 2);
        // Week 2 still sees the week-1 snapshot (the later one is after its kickoff).
        assert_eq!(charts.chart("KC", 202502).unwrap()["b"].depth, 2);
        // Four weeks on, the only snapshots are too old to say anything.
        assert!(charts.chart("KC", 202505).is_none());
        assert!(charts.chart("DEN", 202501).is_none());
    }

    #[test]
    fn a_weekly_chart_wins_and_a_player_keeps_his_best_place() {
        let mut history = History {
            games: vec![game(1, "2025-09-07")],
            depth_charts: vec![
                entry(Some(1), None, "a", 2),
                entry(Some(1), None, "a", 1),
                entry(None, Some("2025-09-07T07:00:00Z"), "a", 3),
            ],
            ..History::default()
        };
        history.depth_charts.push(DepthChartEntry {
            position: "LT".into(),
            ..entry(Some(1), None, "c", 1)
        });
        let charts = DepthCharts::new(&history);
        let chart = charts.chart("KC", 202501).unwrap();
        assert_eq!(
            chart["a"],
            Place {
                position: Position::RB,
                depth: 1
            }
        );
        assert!(!chart.contains_key("c"), "only positions the app projects");
    }
}
