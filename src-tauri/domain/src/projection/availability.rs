//! Who will play: the probability that a player appears in week W, from what was known before
//! W's kickoff. Four signals, each measured on the loaded history rather than guessed:
//! - how many of his team's latest games he missed in a row (a player who sat out his team's
//!   last two games rarely comes back the next week);
//! - when he played the last game and snap counts are loaded, his snaps in it: a share that
//!   collapsed against his games before says he got hurt or lost his job, and a small share says
//!   a fringe player who often does not appear at all;
//! - his role: his mean points over his last games (a team's best players sit only when hurt;
//!   its fringe players are often inactive: what DraftKings' price says, read from history);
//! - the week's injury report when loaded: the game status with the practice participation
//!   (Out, IR, PUP and suspended mean 0; the others get the rates the reports and the games
//!   that followed show; a status the app does not know says nothing, never "cleared").
//!
//! "Played" means a row in the weekly player stats: a player without a recorded stat scored 0,
//! which is what a DFS lineup cares about. A team's week counts only where some of its data is
//! loaded (a player's stats, or snaps in the snap counts): a scheduled game with neither is a
//! gap in the data, never a game its players all missed (`PlayIndex::gaps` names it). Where
//! the team's weeks just before W are not loaded (a failed refresh, a season never loaded), his
//! games before the gap say little of now: `project` reads who plays from the salary file and
//! the week's depth chart, unless the week's report doubts him; then he is judged on his games
//! before the gap, read as a break like a summer (the season start's rates; never measured,
//! only applied), and the report still rules him out.
//! Where none of the team's games is loaded nothing is inferred: the status is `Unknown` and
//! the probability 1 (Out on the report still 0), so a projection is never zeroed for lack of
//! data.

pub mod season_start;

use super::depth::{Chart, ChartPlace, DepthCharts};
use super::history::{week_key, History, WeekKey};
use crate::dk::Position;
use season_start::SeasonStartRates;
use serde::{Deserialize, Serialize};
use std::collections::{HashMap, HashSet};
use std::sync::Arc;
use ts_rs::TS;

/// A player's availability for a week, as the pages show it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum PlayStatus {
    /// Expected to play.
    Active,
    /// Questionable on the injury report.
    Questionable,
    /// Doubtful on the injury report.
    Doubtful,
    /// Missed his team's latest game(s): may be out.
    Missing,
    /// Played his team's last game, but far fewer snaps than before: may be hurt.
    Limited,
    /// Ruled out (report Out, IR, PUP, suspended; or marked out by the user).
    Out,
    /// Nothing to judge by (none of his team's games loaded, not matched, a new player).
    Unknown,
}

impl PlayStatus {
    /// The status as written in files and JSON, e.g. `questionable`.
    pub fn as_str(self) -> &'static str {
        match self {
            PlayStatus::Active => "active",
            PlayStatus::Questionable => "questionable",
            PlayStatus::Doubtful => "doubtful",
            PlayStatus::Missing => "missing",
            PlayStatus::Limited => "limited",
            PlayStatus::Out => "out",
            PlayStatus::Unknown => "unknown",
        }
    }
}

/// A game status on the week's injury report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum GameStatus {
    /// Not on the report.
    NotListed,
    /// On the report without a game status (practice report only, or `Note`).
    Listed,
    /// Probable (reports before 2016).
    Probable,
    /// Questionable.
    Questionable,
    /// Doubtful.
    Doubtful,
    /// Out, injured reserve, PUP, suspended.
    Out,
    /// A status the app does not know: read as no information, never as cleared.
    Unknown,
}

/// Practice participation on the week's report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Practice {
    /// None given.
    None,
    /// Full participation.
    Full,
    /// Limited participation.
    Limited,
    /// Did not participate.
    DidNot,
}

/// What the week's injury report said of a player.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Report {
    /// His game status.
    pub status: GameStatus,
    /// His practice participation.
    pub practice: Practice,
}

impl Report {
    /// Not on the week's report.
    pub const CLEAR: Report = Report {
        status: GameStatus::NotListed,
        practice: Practice::None,
    };

    /// Reads an nflverse `report_status` and `practice_status` as written (case and stray
    /// whitespace ignored; an empty status is a player listed without one).
    pub fn of(status: Option<&str>, practice: Option<&str>) -> Report {
        let status = match status.map(|s| s.trim().to_ascii_lowercase()).as_deref() {
            None | Some("" | "note") => GameStatus::Listed,
            Some("probable") => GameStatus::Probable,
            Some("questionable") => GameStatus::Questionable,
            Some("doubtful") => GameStatus::Doubtful,
            Some("out" | "ir" | "injured reserve" | "suspended" | "pup" | "reserve/covid-19") => {
                GameStatus::Out
            }
            Some(_) => GameStatus::Unknown,
        };
        let practice = practice.map(|p| p.trim().to_ascii_lowercase());
        let practice = match practice.as_deref() {
            Some(p) if p.starts_with("did not") => Practice::DidNot,
            Some(p) if p.starts_with("limited") => Practice::Limited,
            Some(p) if p.starts_with("full") => Practice::Full,
            _ => Practice::None,
        };
        Report { status, practice }
    }

    /// Whether the status is one the app reads (an unknown one is counted by the caller).
    pub fn is_known(&self) -> bool {
        self.status != GameStatus::Unknown
    }
}

/// What a player's recent production says of his place on the team (the market prices the same
/// thing): his mean DraftKings points over his last [`ROLE_GAMES`] games.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// 14 points or more: a starter the offence runs through.
    Star,
    /// 8 to 14.
    Regular,
    /// 3 to 8.
    Depth,
    /// Under 3.
    Fringe,
}

/// The games a player's role is read from.
const ROLE_GAMES: usize = 6;

impl Role {
    /// The role of a mean over recent games.
    pub fn of(mean_points: f64) -> Role {
        if mean_points >= 14.0 {
            Role::Star
        } else if mean_points >= 8.0 {
            Role::Regular
        } else if mean_points >= 3.0 {
            Role::Depth
        } else {
            Role::Fringe
        }
    }
}

/// The most games missed in a row told apart (more count as this many).
const MAX_STREAK: u32 = 3;

/// The most seasons before a slate's that a gap in the loaded data is looked for in.
const MAX_GAP_SEASONS: i32 = 10;

/// A team's latest game may be this many weeks before W (byes) for the data to count as recent.
const RECENT_WEEKS: i32 = 2;

/// What his snaps in his team's last game say, against his games before it that season.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Snaps {
    /// Under half his share before (which was 40% or more).
    Collapsed,
    /// Under three quarters of his share before (40% or more).
    Dropped,
    /// Steady, 60% or more of the snaps over his last games.
    Starter,
    /// Steady, 25% to 60%.
    Rotation,
    /// Steady, under 25%.
    Fringe,
}

/// A share before of at least this much makes a fall in it a signal.
const SNAP_BASE: f64 = 0.4;

/// The games before the last one whose snap share is his share before.
const SNAP_GAMES: usize = 3;

/// The signals of one player for one week.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Signals {
    /// Team games missed in a row before the week (capped at [`MAX_STREAK`]), over the team's
    /// loaded games; None when none of the team's games before the week is loaded.
    pub missed: Option<u32>,
    /// The week's injury report, when reports of that season are loaded.
    pub report: Option<Report>,
    /// Whether the team's last loaded game was before a break: in an earlier season (week 1:
    /// the games missed then are rest, injuries healed over the summer and moves, and mean
    /// less), or before a gap in the loaded data, which is read as such a break.
    pub season_start: bool,
    /// The week of the team's last loaded game, when the latest weeks before this one are not
    /// loaded (a gap in the loaded data): what he did is what he did before the gap, and says
    /// little of now (`project` reads the salary file and the week's depth chart instead, unless
    /// the week's report doubts him).
    pub after_gap: Option<WeekKey>,
    /// Whether, after such a gap inside the season, DraftKings' average says he has not played
    /// this season ([`Signals::with_season_average`]).
    pub season_unplayed: bool,
    /// His share of the snaps in the team's last game and in his games before it, when he played
    /// it and snap counts are loaded.
    pub snap_shares: Option<(f64, f64)>,
    /// His role from his last games' points, when he has played.
    pub role: Option<Role>,
    /// Whether he is on his team's depth chart for the week, when one is loaded.
    pub on_chart: Option<bool>,
    /// Whether he is in line for a player ruled out: a player of his position one place ahead
    /// of him on the week's depth chart is Out on its report (None without both). For a
    /// quarterback a rival at his own place counts too: the charts list some backups as
    /// starters beside the starter (Kyle Allen beside Cam Newton, 2019 week 3).
    pub next_up: Option<bool>,
    /// Whether he is the quarterback in line for the starting one ruled out: listed second at
    /// quarterback on the week's depth chart (or first beside him) while a quarterback listed
    /// first is Out on its report. One quarterback plays, and he takes the whole job.
    pub quarterback: bool,
}

impl Signals {
    /// After a gap in the loaded data inside a season (past its first week, when DraftKings'
    /// average is this season's), the salary file's average tells what the app has not
    /// loaded: 0 says he has not played a game this season, read as the team's latest games all
    /// missed, mid-season. On real slates with a season's weeks left out (`bench-slates.sh`),
    /// players who played the team's last loaded game but had no average played 9-14% of the
    /// time, against 45-51% read from the games before the gap. A new player, or one with an
    /// average, keeps his signals.
    pub fn with_season_average(mut self, average: f64, week: WeekKey) -> Signals {
        if self.after_gap.is_some() && week % 100 > 1 && average <= 0.0 && self.role.is_some() {
            self.missed = Some(MAX_STREAK);
            self.season_start = false;
            self.snap_shares = None;
            self.season_unplayed = true;
        }
        self
    }

    /// What his snaps in the team's last game say.
    pub fn snaps(&self) -> Option<Snaps> {
        self.snap_shares
            .map(|(last, before)| Snaps::of(last, before))
    }

    /// The report, when it says something the app can read.
    fn known_report(&self) -> Option<Report> {
        self.report.filter(Report::is_known)
    }

    /// Whether the week's report lists him (questionable, doubtful, out, ...).
    pub fn listed(&self) -> bool {
        self.known_report().is_some_and(|r| r != Report::CLEAR)
    }

    /// Whether the week's report gives him a game status that doubts he plays: questionable,
    /// doubtful or out.
    pub fn in_doubt(&self) -> bool {
        self.report.is_some_and(|r| {
            matches!(
                r.status,
                GameStatus::Questionable | GameStatus::Doubtful | GameStatus::Out
            )
        })
    }
}

/// A player's availability.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct Availability {
    /// Probability that he plays, 0 to 1.
    pub play_probability: f64,
    /// The status shown.
    pub status: PlayStatus,
    /// Why, in words ("missed the last 2 games", "Out on the week-12 report").
    pub reason: String,
}

/// Of the player weeks in a bucket: (played, all).
pub type Count = (u32, u32);

/// The bucket keys, each level one signal more than the one before.
type MissedKey = u32;
type SnapsKey = (u32, Option<Snaps>);
type RoleKey = (u32, Option<Snaps>, Option<Role>);
type StartKey = (u32, Option<Snaps>, Option<Role>, bool);
type ChartKey = (u32, Option<Snaps>, Option<Role>, bool, Option<bool>);
type ReportKey = (u32, Option<Snaps>, Option<Role>, bool, Option<bool>, Report);
type NextUpKey = (u32, Option<Role>, bool);

/// Play rates measured on the history: by games missed in a row, by that and the snap signal, by
/// those and his role, by those and whether the season starts, by those and whether he is on the
/// week's depth chart (where one is loaded), and by those and the report (each
/// level smoothed towards the one before, so a bucket the history has not filled yet says what
/// its parent says). At a season's start the levels with the start are smoothed towards the
/// shipped season-start rates instead ([`season_start`]): a first week before any season
/// start is loaded reads its signals as season starts do, not as mid-season weeks do.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct AvailabilityModel {
    by_missed: HashMap<MissedKey, Count>,
    by_snaps: HashMap<SnapsKey, Count>,
    by_role: HashMap<RoleKey, Count>,
    by_start: HashMap<StartKey, Count>,
    by_chart: HashMap<ChartKey, Count>,
    by_report: HashMap<ReportKey, Count>,
    /// By games missed, role and whether he is next in line for a player ruled out, where
    /// the chart and the report are loaded.
    by_next_up: HashMap<NextUpKey, Count>,
    /// Quarterbacks in line for the starting one ruled out, not listed themselves.
    quarterbacks_next_up: Count,
    /// The season-start rates the start levels lean on (none: the role's rate).
    season_starts: Option<Arc<SeasonStartRates>>,
}

/// Who appeared when, and what the reports said, indexed for the questions asked per week.
pub struct PlayIndex<'h> {
    /// Each player's appearances (stats rows: a game with DraftKings points), sorted by week.
    appearances: HashMap<&'h str, Vec<Appearance<'h>>>,
    /// Weeks each team has data for (a player's stats or snaps), sorted: a scheduled game
    /// without any is a gap in the loaded data, not a game everyone missed.
    team_weeks: HashMap<&'h str, Vec<WeekKey>>,
    /// Each player's report by week.
    reports: HashMap<(&'h str, WeekKey), Report>,
    /// Seasons with injury reports loaded.
    report_seasons: HashSet<i32>,
    /// The depth charts as of each team game.
    charts: Arc<DepthCharts>,
}

/// A player's game: the week, his team, his share of its offensive snaps (where loaded) and his
/// DraftKings points.
#[derive(Debug, Clone, Copy)]
struct Appearance<'h> {
    week: WeekKey,
    team: &'h str,
    share: Option<f64>,
    points: f64,
}

impl<'h> PlayIndex<'h> {
    /// Indexes a history.
    pub fn new(history: &'h History) -> PlayIndex<'h> {
        PlayIndex::with_charts(history, Arc::new(DepthCharts::new(history)))
    }

    /// Indexes a history whose depth charts are already resolved (the features' own).
    pub fn with_charts(history: &'h History, charts: Arc<DepthCharts>) -> PlayIndex<'h> {
        let mut appearances: HashMap<&str, Vec<Appearance>> = HashMap::new();
        for p in &history.players {
            appearances
                .entry(p.gsis_id.as_str())
                .or_default()
                .push(Appearance {
                    week: week_key(p.season, p.week),
                    team: p.team.as_str(),
                    share: p.offense_pct.filter(|s| s.is_finite()),
                    points: if p.dk_points.is_finite() {
                        p.dk_points
                    } else {
                        0.0
                    },
                });
        }
        let mut team_weeks: HashMap<&str, Vec<WeekKey>> = HashMap::new();
        for list in appearances.values_mut() {
            list.sort_unstable_by_key(|a| (a.week, a.team));
            list.dedup_by_key(|a| a.week);
            for a in list.iter() {
                team_weeks.entry(a.team).or_default().push(a.week);
            }
        }
        // Snaps without a stats row are no DraftKings points (no "play" here), but they say
        // the team's week is loaded.
        for s in &history.snap_games {
            team_weeks
                .entry(s.team.as_str())
                .or_default()
                .push(week_key(s.season, s.week));
        }
        for weeks in team_weeks.values_mut() {
            weeks.sort_unstable();
            weeks.dedup();
        }
        let reports = history
            .injuries
            .iter()
            .map(|r| {
                (
                    (r.gsis_id.as_str(), week_key(r.season, r.week)),
                    Report::of(r.report_status.as_deref(), r.practice_status.as_deref()),
                )
            })
            .collect();
        let report_seasons = history.injuries.iter().map(|r| r.season).collect();
        PlayIndex {
            appearances,
            team_weeks,
            reports,
            report_seasons,
            charts,
        }
    }

    /// Whether the player appeared in a week.
    pub fn played(&self, gsis_id: &str, week: WeekKey) -> bool {
        self.appearances
            .get(gsis_id)
            .is_some_and(|list| list.binary_search_by_key(&week, |a| a.week).is_ok())
    }

    /// Whether the player appeared in a game of `season` before `until`.
    fn played_in(&self, gsis_id: &str, season: i32, until: WeekKey) -> bool {
        self.appearances.get(gsis_id).is_some_and(|list| {
            let from = list.partition_point(|a| a.week < week_key(season, 0));
            list.get(from)
                .is_some_and(|a| a.week / 100 == season && a.week < until)
        })
    }

    /// The signals of a player of `team` for the week `week`: only weeks before it count, and the
    /// week's own report (published before its kickoff).
    /// A player who changed teams since his last game of an earlier season is judged on the games
    /// of the team he played for (his new team's last games were not his to miss).
    pub fn signals(&self, gsis_id: &str, team: &str, week: WeekKey) -> Signals {
        let report = self.report_seasons.contains(&(week / 100)).then(|| {
            self.reports
                .get(&(gsis_id, week))
                .copied()
                .unwrap_or(Report::CLEAR)
        });
        let earlier: &[Appearance] = self
            .appearances
            .get(gsis_id)
            .map_or(&[], |list| &list[..list.partition_point(|a| a.week < week)]);
        let role = (!earlier.is_empty()).then(|| {
            let last = &earlier[earlier.len().saturating_sub(ROLE_GAMES)..];
            Role::of(last.iter().map(|a| a.points).sum::<f64>() / last.len() as f64)
        });
        let chart = self.charts.chart(team, week);
        let on_chart = chart.map(|chart| chart.contains_key(gsis_id));
        let quarterback = chart
            .filter(|_| report.is_some())
            .is_some_and(|chart| self.next_quarterback(chart, gsis_id, week));
        let next_up = chart
            .filter(|_| report.is_some())
            .map(|chart| self.next_up(chart, gsis_id, week));
        let team = earlier
            .last()
            .filter(|last| last.week / 100 < week / 100)
            .map_or(team, |previous| previous.team);
        let weeks: &[WeekKey] = self.team_weeks.get(team).map_or(&[], Vec::as_slice);
        let before = &weeks[..weeks.partition_point(|w| *w < week)];
        let Some(&last) = before.last() else {
            return Signals {
                missed: None,
                report,
                season_start: false,
                after_gap: None,
                season_unplayed: false,
                snap_shares: None,
                role,
                on_chart,
                next_up,
                quarterback,
            };
        };
        // Week 1 follows last season's final weeks; any other week the team's last few.
        let recent = if last / 100 == week / 100 {
            week - last <= RECENT_WEEKS
        } else {
            week % 100 == 1 && last / 100 == week / 100 - 1
        };
        let missed = before
            .iter()
            .rev()
            .take_while(|w| !self.played(gsis_id, **w))
            .take(MAX_STREAK as usize)
            .count() as u32;
        let snap_shares = Some(last)
            .filter(|_| missed == 0)
            .and_then(|last| self.snap_shares_before(gsis_id, last));
        Signals {
            missed: Some(missed),
            report,
            season_start: last / 100 < week / 100 || !recent,
            after_gap: (!recent).then_some(last),
            season_unplayed: false,
            snap_shares,
            role,
            on_chart,
            next_up,
            quarterback,
        }
    }

    /// A player's place on his team's depth chart for `week`.
    pub fn chart_place(&self, gsis_id: &str, team: &str, week: WeekKey) -> ChartPlace {
        match self.charts.chart(team, week) {
            None => ChartPlace::NotLoaded,
            Some(chart) => chart
                .get(gsis_id)
                .and_then(|place| u32::try_from(place.depth).ok())
                .map_or(ChartPlace::Off, ChartPlace::Listed),
        }
    }

    /// Whether a player of `gsis_id`'s position one place ahead of him on `chart` (for a
    /// quarterback, also another at his place) is ruled out on the report of `week`.
    fn next_up(&self, chart: &Chart, gsis_id: &str, week: WeekKey) -> bool {
        let Some(place) = chart.get(gsis_id) else {
            return false;
        };
        // One quarterback plays: a second one listed at his place is his rival for it.
        let lowest = if place.position == Position::QB {
            place.depth
        } else {
            place.depth - 1
        };
        chart.iter().any(|(other, ahead)| {
            other != gsis_id
                && ahead.position == place.position
                && (place.depth - 1..=lowest).contains(&ahead.depth)
                && self
                    .reports
                    .get(&(other.as_str(), week))
                    .is_some_and(|r| r.status == GameStatus::Out)
        })
    }

    /// Whether `gsis_id` is listed at quarterback first or second on `chart` while another
    /// quarterback listed first is Out on the report of `week`.
    fn next_quarterback(&self, chart: &Chart, gsis_id: &str, week: WeekKey) -> bool {
        let Some(place) = chart.get(gsis_id) else {
            return false;
        };
        place.position == Position::QB
            && place.depth <= 2
            && chart.iter().any(|(other, ahead)| {
                other != gsis_id
                    && ahead.position == Position::QB
                    && ahead.depth == 1
                    && self
                        .reports
                        .get(&(other.as_str(), week))
                        .is_some_and(|r| r.status == GameStatus::Out)
            })
    }

    /// His snap share in the team's game of week `last` and his mean share in his games of that
    /// season before it (the share in `last` itself when it was his first): None when the snaps
    /// of `last` are not loaded.
    fn snap_shares_before(&self, gsis_id: &str, last: WeekKey) -> Option<(f64, f64)> {
        let games = self.appearances.get(gsis_id)?;
        let at = games.binary_search_by_key(&last, |a| a.week).ok()?;
        let share = games[at].share?;
        let earlier: Vec<f64> = games[..at]
            .iter()
            .rev()
            .take_while(|a| a.week / 100 == last / 100)
            .filter_map(|a| a.share)
            .take(SNAP_GAMES)
            .collect();
        let before = if earlier.is_empty() {
            share
        } else {
            earlier.iter().sum::<f64>() / earlier.len() as f64
        };
        Some((share, before))
    }

    /// The weeks before `until`, of its season and those back to the last one loaded before it
    /// (at least the one before), in which a scheduled game has
    /// no data for one of its teams (no player's stats or snaps): a gap in the loaded data, by
    /// season as (season, first week, last week) runs. Weeks before any loaded data are not
    /// listed (the notice for an unloaded history says so); a season with none, after one with
    /// data, is.
    pub fn gaps(&self, history: &History, until: WeekKey) -> Vec<(i32, i32, i32)> {
        // Back to the last season loaded before `until`'s, so a run of seasons never loaded
        // is named whole (at most MAX_GAP_SEASONS of them).
        let season = until / 100;
        let last_loaded_season = self
            .team_weeks
            .values()
            .flat_map(|w| w.iter().rev().find(|k| **k / 100 < season))
            .max()
            .map_or(season - 1, |k| k / 100);
        let seasons = last_loaded_season.clamp(season - MAX_GAP_SEASONS, season - 1)..=season;
        let loaded = |team: &str, week: WeekKey| {
            self.team_weeks
                .get(team)
                .is_some_and(|w| w.binary_search(&week).is_ok())
        };
        let first_loaded = self.team_weeks.values().filter_map(|w| w.first()).min();
        let mut missing: Vec<WeekKey> = history
            .games
            .iter()
            .filter(|g| seasons.contains(&g.season) && week_key(g.season, g.week) < until)
            .filter(|g| {
                let week = week_key(g.season, g.week);
                !loaded(&g.home_team, week) || !loaded(&g.away_team, week)
            })
            .map(|g| week_key(g.season, g.week))
            .filter(|w| first_loaded.is_some_and(|first| first < w))
            .collect();
        missing.sort_unstable();
        missing.dedup();
        let mut runs: Vec<(i32, i32, i32)> = Vec::new();
        for w in missing {
            match runs.last_mut() {
                Some((season, _, last)) if *season == w / 100 && *last + 1 == w % 100 => {
                    *last = w % 100;
                }
                _ => runs.push((w / 100, w % 100, w % 100)),
            }
        }
        runs
    }
}

impl Snaps {
    /// The signal of a share in the last game against the share before it.
    pub fn of(last: f64, before: f64) -> Snaps {
        if before >= SNAP_BASE && last < 0.5 * before {
            Snaps::Collapsed
        } else if before >= SNAP_BASE && last < 0.75 * before {
            Snaps::Dropped
        } else {
            let level = (last + before) / 2.0;
            if level >= 0.6 {
                Snaps::Starter
            } else if level >= 0.25 {
                Snaps::Rotation
            } else {
                Snaps::Fringe
            }
        }
    }
}

/// Calls `each(week, signals, played)` for every player week with `from <= week < until` of
/// players who had appeared in the weeks before (each followed on his latest team, for a season
/// at most after his last appearance; at a season's start only players still in the league, on
/// one of its rosters or in one of its games): the population a slate's players come from, the
/// one the rates are measured on. Weeks a team has no data for, and players whose recent weeks
/// are not loaded, are skipped (a gap is not an absence).
pub fn player_weeks(
    history: &History,
    index: &PlayIndex,
    from: WeekKey,
    until: WeekKey,
    mut each: impl FnMut(WeekKey, &Signals, bool),
) {
    // Each player's team by week, from his appearances; he is followed on that team until
    // he appears elsewhere.
    let mut latest: HashMap<&str, (&str, WeekKey)> = HashMap::new();
    let mut by_week: Vec<(WeekKey, &str, &str)> = index
        .appearances
        .iter()
        .flat_map(|(gsis, list)| list.iter().map(move |a| (a.week, *gsis, a.team)))
        .collect();
    by_week.sort_unstable();
    let mut weeks: Vec<WeekKey> = index
        .team_weeks
        .values()
        .flatten()
        .copied()
        .filter(|w| *w < until)
        .collect();
    weeks.sort_unstable();
    weeks.dedup();
    let rostered: HashSet<(&str, i32)> = history
        .rostered
        .iter()
        .map(|(g, s)| (g.as_str(), *s))
        .collect();
    let in_league = |gsis: &str, season: i32| {
        rostered.contains(&(gsis, season)) || index.played_in(gsis, season, until)
    };
    let mut next = 0;
    for week in weeks {
        while next < by_week.len() && by_week[next].0 < week {
            let (w, gsis, team) = by_week[next];
            latest.insert(gsis, (team, w));
            next += 1;
        }
        if week < from {
            continue;
        }
        for (gsis, (team, last)) in &latest {
            if week - last > 100 {
                continue;
            }
            let plays_that_week = index
                .team_weeks
                .get(team)
                .is_some_and(|w| w.binary_search(&week).is_ok());
            if !plays_that_week {
                continue;
            }
            // Rates are measured on weeks that follow loaded ones only.
            let signals = index.signals(gsis, team, week);
            if signals.missed.is_none() || signals.after_gap.is_some() {
                continue;
            }
            if signals.season_start && !in_league(gsis, week / 100) {
                continue;
            }
            each(week, &signals, index.played(gsis, week));
        }
    }
}

impl AvailabilityModel {
    /// Measures the play rates on every player week before `until` of players who had appeared
    /// in the weeks before: the population a slate's players come from. Weeks a team has no
    /// data for are skipped (a gap is not an absence).
    pub fn fit(history: &History, index: &PlayIndex, until: WeekKey) -> AvailabilityModel {
        let mut model = AvailabilityModel {
            season_starts: Some(season_start::shipped()),
            ..AvailabilityModel::default()
        };
        player_weeks(history, index, 0, until, |_, signals, played| {
            let Some(missed) = signals.missed else {
                return;
            };
            let played = u32::from(played);
            let count = |bucket: &mut Count| {
                bucket.0 += played;
                bucket.1 += 1;
            };
            let (snaps, start, role) = (signals.snaps(), signals.season_start, signals.role);
            let chart = signals.on_chart;
            count(model.by_missed.entry(missed).or_default());
            count(model.by_snaps.entry((missed, snaps)).or_default());
            count(model.by_role.entry((missed, snaps, role)).or_default());
            count(
                model
                    .by_start
                    .entry((missed, snaps, role, start))
                    .or_default(),
            );
            count(
                model
                    .by_chart
                    .entry((missed, snaps, role, start, chart))
                    .or_default(),
            );
            if let Some(report) = signals.known_report() {
                count(
                    model
                        .by_report
                        .entry((missed, snaps, role, start, chart, report))
                        .or_default(),
                );
            }
            if let Some(next_up) = signals.next_up.filter(|_| !signals.listed()) {
                count(model.by_next_up.entry((missed, role, next_up)).or_default());
                if next_up && signals.quarterback {
                    count(&mut model.quarterbacks_next_up);
                }
            }
        });
        model
    }

    /// The model leaning on `rates` at season starts instead of the shipped ones (None: on the
    /// mid-season rate of the player's role, as before the shipped rates).
    pub fn with_season_starts(self, rates: Option<Arc<SeasonStartRates>>) -> AvailabilityModel {
        AvailabilityModel {
            season_starts: rates,
            ..self
        }
    }

    /// The measured rate for a bucket, smoothed towards `prior` by a few pseudo-observations
    /// (a thin bucket says little).
    fn rate(count: Option<&(u32, u32)>, prior: f64) -> f64 {
        const WEIGHT: f64 = 4.0;
        let (played, total) = count.copied().unwrap_or((0, 0));
        (f64::from(played) + WEIGHT * prior) / (f64::from(total) + WEIGHT)
    }

    /// The play probability for a player's signals.
    pub fn probability(&self, signals: &Signals) -> f64 {
        if signals.report.is_some_and(|r| r.status == GameStatus::Out) {
            return 0.0;
        }
        let Some(missed) = signals.missed else {
            return 1.0;
        };
        // Priors for empty buckets: measured where the history is thin, these are the usual
        // orders of magnitude, not a claim.
        let prior = match missed {
            0 => 0.9,
            1 => 0.45,
            2 => 0.3,
            _ => 0.15,
        };
        let (snaps, start, role) = (signals.snaps(), signals.season_start, signals.role);
        let by_missed = Self::rate(self.by_missed.get(&missed), prior);
        let by_snaps = Self::rate(self.by_snaps.get(&(missed, snaps)), by_missed);
        let by_role = Self::rate(self.by_role.get(&(missed, snaps, role)), by_snaps);
        let shipped = self.season_starts.as_deref().filter(|_| start);
        let start_prior = match shipped {
            Some(rates) => Self::rate(rates.start(missed, snaps, role), by_role),
            None => by_role,
        };
        let by_start = Self::rate(
            self.by_start.get(&(missed, snaps, role, start)),
            start_prior,
        );
        // Without a loaded chart the level adds nothing.
        let chart = signals.on_chart;
        let by_chart = match chart {
            Some(_) => {
                let chart_prior = match shipped {
                    Some(rates) => Self::rate(rates.chart(&(missed, snaps, role, chart)), by_start),
                    None => by_start,
                };
                Self::rate(
                    self.by_chart.get(&(missed, snaps, role, start, chart)),
                    chart_prior,
                )
            }
            None => by_start,
        };
        let nested = match signals.known_report() {
            Some(report) => Self::rate(
                self.by_report
                    .get(&(missed, snaps, role, start, chart, report)),
                by_chart,
            ),
            None => by_chart,
        };
        // A player the report lists is read by the report: in line for a player ruled out,
        // the listed ones played less often than the unlisted rate says (walk-forward
        // 2019-2022, 220 player weeks: Brier 0.161 unmoved against 0.165 moved).
        match signals.next_up.filter(|_| !signals.listed()) {
            Some(next_up) => {
                let adjusted = self.next_up_adjusted(nested, (missed, role, next_up), by_role);
                if next_up && signals.quarterback {
                    // A backup quarterback's games missed and role say he waits; in line for
                    // the starter ruled out, he plays as such quarterbacks did.
                    adjusted.max(Self::rate(Some(&self.quarterbacks_next_up), adjusted))
                } else {
                    adjusted
                }
            }
            None => nested,
        }
    }

    /// The play probability `p` of a player whose place in line is known (the chart and the
    /// report loaded), moved by the odds ratio measured between the players of his games missed,
    /// role and place in line and all those of his games missed and role (both smoothed towards
    /// `prior`: without measured ones, `p` as it is). The nested levels mix the few next in
    /// line for a player ruled out with the many who are not.
    fn next_up_adjusted(&self, p: f64, key: NextUpKey, prior: f64) -> f64 {
        let (missed, role, next_up) = key;
        let own = self.by_next_up.get(&key).copied();
        let other = self.by_next_up.get(&(missed, role, !next_up)).copied();
        let all = match (own, other) {
            (Some(a), Some(b)) => Some((a.0 + b.0, a.1 + b.1)),
            (a, b) => a.or(b),
        };
        let own = Self::rate(own.as_ref(), prior);
        let all = Self::rate(all.as_ref(), prior);
        let odds = |q: f64| {
            let q = q.clamp(1e-3, 1.0 - 1e-3);
            q / (1.0 - q)
        };
        let moved = odds(p) * odds(own) / odds(all);
        moved / (1.0 + moved)
    }

    /// The availability of a player with these signals, in week `week` of the slate.
    pub fn availability(&self, signals: &Signals, week: WeekKey) -> Availability {
        let play_probability = self.probability(signals);
        let report_words = |what: &str| format!("{what} on the week-{} report", week % 100);
        let practice = match signals.report.map(|r| r.practice) {
            Some(Practice::DidNot) => ", did not practise",
            Some(Practice::Limited) => ", limited in practice",
            Some(Practice::Full) => ", full practice",
            _ => "",
        };
        let status = signals.report.map(|r| r.status);
        let (status, reason) = match (status, signals.missed) {
            (Some(GameStatus::Out), _) => (PlayStatus::Out, report_words("Out")),
            (_, None) => (
                PlayStatus::Unknown,
                "none of his team's games is loaded: availability unknown".to_string(),
            ),
            (Some(GameStatus::Doubtful), _) => (
                PlayStatus::Doubtful,
                report_words(&format!("Doubtful{practice}")),
            ),
            (Some(GameStatus::Questionable), _) => (
                PlayStatus::Questionable,
                report_words(&format!("Questionable{practice}")),
            ),
            (Some(GameStatus::Unknown), _) => (
                PlayStatus::Unknown,
                report_words("a status the app does not know"),
            ),
            (_, Some(0)) => {
                let played = if signals.after_gap.is_some() {
                    "played his team's last loaded game, before the gap in the loaded data"
                } else {
                    "played his team's last game"
                };
                match (signals.snaps(), signals.snap_shares) {
                    (Some(Snaps::Collapsed), Some((last, before))) => (
                        PlayStatus::Limited,
                        format!(
                            "played {:.0}% of the snaps in his team's last {}game, {:.0}% before",
                            last * 100.0,
                            if signals.after_gap.is_some() {
                                "loaded "
                            } else {
                                ""
                            },
                            before * 100.0
                        ),
                    ),
                    _ if matches!(
                        signals.report,
                        Some(Report {
                            status: GameStatus::Listed,
                            practice: Practice::DidNot | Practice::Limited
                        })
                    ) =>
                    {
                        (
                            PlayStatus::Active,
                            format!("{played}; {}", report_words(&format!("listed{practice}"))),
                        )
                    }
                    _ if signals.on_chart == Some(false) => (
                        PlayStatus::Active,
                        format!("{played}; not on this week's depth chart"),
                    ),
                    _ => (PlayStatus::Active, played.to_string()),
                }
            }
            (_, Some(_)) if signals.season_unplayed => (
                PlayStatus::Missing,
                "no game this season by DraftKings' average (0); the weeks before are not loaded"
                    .to_string(),
            ),
            (_, Some(n)) => {
                let games = match n {
                    1 => "game".to_string(),
                    n if n >= MAX_STREAK => format!("{n}+ games"),
                    n => format!("{n} games"),
                };
                let when = if signals.after_gap.is_some() {
                    " before the gap in the loaded data"
                } else if signals.season_start {
                    " of last season"
                } else {
                    ""
                };
                let chart = if signals.on_chart == Some(false) {
                    "; not on this week's depth chart"
                } else {
                    ""
                };
                (
                    PlayStatus::Missing,
                    format!("missed his team's last {games}{when}{chart}"),
                )
            }
        };
        let reason = if signals.next_up == Some(true) && status != PlayStatus::Out {
            format!("{reason}; next in line for a player ruled out")
        } else {
            reason
        };
        Availability {
            play_probability,
            status,
            reason,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::projection::history::{DepthChartEntry, Game, InjuryReport, PlayerGame};

    fn game(season: i32, week: i32, home: &str, away: &str) -> Game {
        Game {
            season,
            week,
            gameday: format!("{season}-10-{week:02}"),
            away_team: away.into(),
            home_team: home.into(),
            spread_line: None,
            total_line: None,
            roof: None,
            away_rest: None,
            home_rest: None,
        }
    }

    fn played(gsis: &str, team: &str, season: i32, week: i32) -> PlayerGame {
        PlayerGame {
            gsis_id: gsis.into(),
            name: gsis.into(),
            position: "WR".into(),
            team: team.into(),
            season,
            week,
            dk_points: 10.0,
            attempts: 0.0,
            carries: 0.0,
            targets: 5.0,
            target_share: None,
            air_yards_share: None,
            offense_pct: None,
        }
    }

    fn report(gsis: &str, week: i32, status: &str) -> InjuryReport {
        InjuryReport {
            gsis_id: gsis.into(),
            season: 2022,
            week,
            report_status: Some(status.into()),
            practice_status: None,
        }
    }

    fn snaps(gsis: &str, team: &str, week: i32) -> crate::projection::history::SnapGame {
        crate::projection::history::SnapGame {
            gsis_id: gsis.into(),
            team: team.into(),
            season: 2022,
            week,
            offense_pct: 0.8,
        }
    }

    /// Ten weeks of AAA v BBB; `a` (AAA) and `d` (BBB) play every week, `b` plays weeks 1-3
    /// then never again, `c` misses week 5 only.
    fn history() -> History {
        let mut h = History::default();
        for week in 1..=10 {
            h.games.push(game(2022, week, "AAA", "BBB"));
            h.players.push(played("a", "AAA", 2022, week));
            h.players.push(played("d", "BBB", 2022, week));
            if week <= 3 {
                h.players.push(played("b", "AAA", 2022, week));
            }
            if week != 5 {
                h.players.push(played("c", "BBB", 2022, week));
            }
        }
        h
    }

    #[test]
    fn missed_games_are_counted_from_the_weeks_before_only() {
        let h = history();
        let index = PlayIndex::new(&h);
        assert_eq!(index.signals("a", "AAA", 202208).missed, Some(0));
        assert_eq!(index.signals("b", "AAA", 202205).missed, Some(1));
        assert_eq!(index.signals("b", "AAA", 202206).missed, Some(2));
        assert_eq!(index.signals("b", "AAA", 202209).missed, Some(MAX_STREAK));
        assert_eq!(index.signals("c", "BBB", 202206).missed, Some(1));
        assert_eq!(index.signals("c", "BBB", 202207).missed, Some(0));
        // Week 11 is after the last loaded week 10: still recent. Week 15 is not: he is
        // judged on the games before the gap, which stands for a break.
        assert_eq!(index.signals("a", "AAA", 202211).missed, Some(0));
        assert_eq!(index.signals("a", "AAA", 202211).after_gap, None);
        let stale = index.signals("a", "AAA", 202215);
        assert_eq!((stale.missed, stale.after_gap), (Some(0), Some(202210)));
        // No reports loaded: none is assumed.
        assert_eq!(index.signals("a", "AAA", 202208).report, None);
    }

    #[test]
    fn a_gap_names_the_teams_last_loaded_week_and_a_first_week_after_a_loaded_season_is_none() {
        let h = history();
        let index = PlayIndex::new(&h);
        let gap = |week| index.signals("a", "AAA", week).after_gap;
        // Byes aside, the weeks just after the loaded ones, and the first week after a loaded
        // season, follow no gap.
        assert_eq!(gap(202212), None);
        assert_eq!(gap(202301), None);
        // Later in the season, past the next season's first week, or at a first week with the
        // season before it missing: the team's games stop at 2022 week 10.
        assert_eq!(gap(202215), Some(202210));
        assert_eq!(gap(202302), Some(202210));
        assert_eq!(gap(202512), Some(202210));
        assert_eq!(gap(202401), Some(202210));
        // A team with nothing loaded has no gap to follow.
        assert_eq!(index.signals("x", "CCC", 202302).after_gap, None);
    }

    #[test]
    fn a_week_is_judged_only_by_what_was_known_before_its_kickoff() {
        let mut h = history();
        let before = PlayIndex::new(&h).signals("b", "AAA", 202205);
        // He plays in week 5 itself, and in week 6: neither changes week 5's signals.
        h.players.push(played("b", "AAA", 2022, 5));
        h.players.push(played("b", "AAA", 2022, 6));
        assert_eq!(PlayIndex::new(&h).signals("b", "AAA", 202205), before);
    }

    #[test]
    fn rates_come_from_the_history_and_an_absence_lowers_the_probability() {
        let h = history();
        let index = PlayIndex::new(&h);
        let model = AvailabilityModel::fit(&h, &index, 202211);
        // Players who played the week before played again (a, c): the rate is high...
        let playing = model.probability(&index.signals("a", "AAA", 202211));
        // ...`b` missed 3+ in a row and never came back: the rate is low.
        let missing = model.probability(&index.signals("b", "AAA", 202211));
        assert!(playing > 0.85, "{playing}");
        assert!(missing < 0.1, "{missing}");
        let shown = model.availability(&index.signals("b", "AAA", 202211), 202211);
        assert_eq!(shown.status, PlayStatus::Missing);
        assert_eq!(shown.reason, "missed his team's last 3+ games");
        // After a gap in the loaded data his streak is read as one that ended a season: the
        // chance is the season start's for it, not nil, and the reason names the gap.
        let stale = model.availability(&index.signals("b", "AAA", 202216), 202216);
        assert_eq!(stale.status, PlayStatus::Missing);
        assert_eq!(
            stale.reason,
            "missed his team's last 3+ games before the gap in the loaded data"
        );
        assert!(stale.play_probability > 0.0 && stale.play_probability < playing);
    }

    #[test]
    fn the_week_report_rules_out_and_its_rates_are_measured() {
        let mut h = history();
        // `c` is questionable in weeks 4 and 5 (plays 4, misses 5) and out in week 11.
        for (week, status) in [(4, "Questionable"), (5, "Questionable"), (11, "Out")] {
            h.injuries.push(report("c", week, status));
        }
        let index = PlayIndex::new(&h);
        let model = AvailabilityModel::fit(&h, &index, 202211);
        let out = model.availability(&index.signals("c", "BBB", 202211), 202211);
        assert_eq!((out.status, out.play_probability), (PlayStatus::Out, 0.0));
        assert_eq!(out.reason, "Out on the week-11 report");
        let clear = model.probability(&index.signals("a", "AAA", 202211));
        let questionable = model.probability(&Signals {
            missed: Some(0),
            report: Some(Report::of(Some("Questionable"), None)),
            season_start: false,
            after_gap: None,
            season_unplayed: false,
            snap_shares: None,
            role: Some(Role::Regular),
            on_chart: None,
            next_up: None,
            quarterback: false,
        });
        assert!(questionable < clear, "{questionable} vs {clear}");
    }

    fn with_snaps(gsis: &str, team: &str, week: i32, share: f64) -> PlayerGame {
        PlayerGame {
            offense_pct: Some(share),
            ..played(gsis, team, 2022, week)
        }
    }

    #[test]
    fn snaps_that_collapsed_in_the_last_game_lower_the_probability_as_measured() {
        let mut h = History::default();
        for week in 1..=10 {
            h.games.push(game(2022, week, "AAA", "BBB"));
            // Steady starters.
            for name in ["s1", "s2", "s3"] {
                h.players.push(with_snaps(name, "AAA", week, 0.8));
            }
        }
        // Four players hurt in week 3 or 6 (a fifth of their usual snaps) who then sat.
        for (name, hurt) in [("h1", 3), ("h2", 3), ("h3", 6), ("h4", 6)] {
            for week in 1..hurt {
                h.players.push(with_snaps(name, "BBB", week, 0.75));
            }
            h.players.push(with_snaps(name, "BBB", hurt, 0.15));
        }
        // `x` collapsed in week 10, the last loaded game.
        for week in 1..=9 {
            h.players.push(with_snaps("x", "BBB", week, 0.9));
        }
        h.players.push(with_snaps("x", "BBB", 10, 0.2));
        let index = PlayIndex::new(&h);
        let signals = index.signals("x", "BBB", 202211);
        assert_eq!(signals.snaps(), Some(Snaps::Collapsed));
        assert_eq!(
            index.signals("s1", "AAA", 202211).snaps(),
            Some(Snaps::Starter)
        );
        // Known before week 10's kickoff, his week-10 snaps do not count for week 10.
        assert_eq!(
            index.signals("x", "BBB", 202210).snaps(),
            Some(Snaps::Starter)
        );
        let model = AvailabilityModel::fit(&h, &index, 202211);
        let steady = model.probability(&index.signals("s1", "AAA", 202211));
        let hurt = model.availability(&signals, 202211);
        assert!(hurt.play_probability < steady - 0.3, "{hurt:?} vs {steady}");
        assert_eq!(hurt.status, PlayStatus::Limited);
        assert_eq!(
            hurt.reason,
            "played 20% of the snaps in his team's last game, 90% before"
        );
    }

    /// Two seasons of AAA v BBB: `moved` played every 2021 game for AAA and plays for BBB in 2022;
    /// four `stay` players play every week of both seasons; four `retired` ones play 2021 only.
    fn two_seasons() -> History {
        let mut h = History::default();
        for (season, weeks) in [(2021, 10), (2022, 4)] {
            for week in 1..=weeks {
                h.games.push(game(season, week, "AAA", "BBB"));
                for name in ["stay1", "stay2", "stay3", "stay4"] {
                    h.players.push(played(name, "AAA", season, week));
                }
                if season == 2021 {
                    for name in ["retired1", "retired2", "retired3", "retired4"] {
                        h.players.push(played(name, "AAA", season, week));
                    }
                    h.players.push(played("moved", "AAA", season, week));
                }
            }
        }
        // BBB alone played a postseason game in 2021.
        h.games.push(game(2021, 19, "BBB", "CCC"));
        h
    }

    #[test]
    fn a_new_season_is_judged_on_the_players_still_in_the_league_and_their_own_team() {
        let h = two_seasons();
        let index = PlayIndex::new(&h);
        // `moved` is on BBB now; BBB's postseason game was not his to miss.
        let moved = index.signals("moved", "BBB", 202201);
        assert_eq!((moved.missed, moved.season_start), (Some(0), true));
        // Week 1 of 2022 counts the players who played in 2022 before week 3 (the stayers):
        // the retired ones are not what DraftKings lists.
        let model = AvailabilityModel::fit(&h, &index, 202203);
        let start = model.probability(&moved);
        assert!(start > 0.8, "{start}");
        // With a roster that still lists the retired players, they count again.
        let mut rostered = h.clone();
        for name in ["retired1", "retired2", "retired3", "retired4"] {
            rostered.rostered.push((name.to_string(), 2022));
        }
        let index = PlayIndex::new(&rostered);
        let model = AvailabilityModel::fit(&rostered, &index, 202203);
        let with_roster = model.probability(&index.signals("moved", "BBB", 202201));
        assert!(with_roster < start - 0.2, "{with_roster} vs {start}");
    }

    #[test]
    fn a_first_week_leans_on_the_shipped_season_starts() {
        // One loaded season: stars who miss three games in mid-season never come back in it,
        // and `star` sat the last three weeks (rest, or a healed injury).
        let mut h = History::default();
        for week in 1..=17 {
            h.games.push(game(2021, week, "AAA", "BBB"));
            h.players.push(played("other", "BBB", 2021, week));
            h.players.push(played("regular", "AAA", 2021, week));
            let mut big = |gsis: &str| {
                let mut g = played(gsis, "AAA", 2021, week);
                g.dk_points = 20.0;
                h.players.push(g);
            };
            if week <= 14 {
                big("star");
            }
            for k in 0..6 {
                if week <= 3 + k {
                    big(&format!("gone{k}"));
                }
            }
        }
        h.games.push(game(2022, 1, "AAA", "BBB"));
        let index = PlayIndex::new(&h);
        let signals = index.signals("star", "AAA", 202201);
        assert_eq!(
            (signals.missed, signals.season_start, signals.role),
            (Some(MAX_STREAK), true, Some(Role::Star))
        );
        let model = AvailabilityModel::fit(&h, &index, 202201);
        let shipped = model.probability(&signals);
        let mid_season = model.clone().with_season_starts(None).probability(&signals);
        assert!(mid_season < 0.3, "{mid_season}");
        assert!(shipped > mid_season + 0.3, "{shipped} vs {mid_season}");
    }

    #[test]
    fn report_statuses_are_read_as_nflverse_writes_them_and_an_unknown_one_is_not_cleared() {
        let of = |status: Option<&str>, practice: Option<&str>| Report::of(status, practice);
        assert_eq!(of(Some(" Out "), None).status, GameStatus::Out);
        assert_eq!(of(Some("Injured Reserve"), None).status, GameStatus::Out);
        assert_eq!(of(Some("Probable"), None).status, GameStatus::Probable);
        assert_eq!(of(Some("Note"), None).status, GameStatus::Listed);
        assert_eq!(of(None, None).status, GameStatus::Listed);
        assert_eq!(
            of(None, Some("\n    Did Not Participate In Practice ")).practice,
            Practice::DidNot
        );
        assert_eq!(of(None, Some("\n    ")).practice, Practice::None);
        assert_eq!(
            of(
                Some("Questionable"),
                Some("Limited Participation in Practice")
            ),
            Report {
                status: GameStatus::Questionable,
                practice: Practice::Limited
            }
        );
        let unknown = of(Some("Game-time decision"), None);
        assert!(!unknown.is_known());
        // Read as no report at all: neither cleared nor out.
        let mut h = history();
        h.injuries.push(report("a", 11, "Game-time decision"));
        h.injuries.push(report("c", 2, "Questionable"));
        let index = PlayIndex::new(&h);
        let model = AvailabilityModel::fit(&h, &index, 202211);
        let signals = index.signals("a", "AAA", 202211);
        let shown = model.availability(&signals, 202211);
        assert_eq!(shown.status, PlayStatus::Unknown);
        assert_eq!(
            shown.reason,
            "a status the app does not know on the week-11 report"
        );
        let without = Signals {
            report: None,
            ..signals
        };
        assert_eq!(shown.play_probability, model.probability(&without));
    }

    #[test]
    fn a_gap_in_the_loaded_data_is_named_and_not_read_as_absences() {
        // Ten weeks scheduled; weeks 7-9 have no player data at all (a failed refresh).
        let mut h = History::default();
        for week in 1..=10 {
            h.games.push(game(2022, week, "AAA", "BBB"));
            if !(7..=9).contains(&week) {
                for name in ["a", "b"] {
                    h.players.push(played(name, "AAA", 2022, week));
                }
                h.players.push(played("c", "BBB", 2022, week));
            }
        }
        let index = PlayIndex::new(&h);
        assert_eq!(index.gaps(&h, 202211), vec![(2022, 7, 9)]);
        assert_eq!(index.gaps(&h, 202207), vec![]);
        // A season with no data after one with data is a gap; weeks before any data are not.
        let mut next = h.clone();
        next.games
            .extend((1..=3).map(|week| game(2023, week, "AAA", "BBB")));
        next.games.push(game(2024, 1, "AAA", "BBB"));
        let index_next = PlayIndex::new(&next);
        assert_eq!(
            index_next.gaps(&next, 202401),
            vec![(2022, 7, 9), (2023, 1, 3)],
            "a season never loaded, after the last one loaded with its own gap"
        );
        // Seasons never loaded are named back to the last one loaded.
        next.games
            .extend((1..=2).map(|week| game(2025, week, "AAA", "BBB")));
        assert_eq!(
            PlayIndex::new(&next).gaps(&next, 202503),
            vec![(2022, 7, 9), (2023, 1, 3), (2024, 1, 1), (2025, 1, 2)]
        );
        let mut earlier = h.clone();
        earlier.games.push(game(2021, 17, "AAA", "BBB"));
        assert_eq!(PlayIndex::new(&earlier).gaps(&earlier, 202207), vec![]);
        // Week 10's data is there: nobody missed weeks 7-9.
        assert_eq!(index.signals("a", "AAA", 202211).missed, Some(0));
        // With week 10 missing too, the last loaded week is stale: he is judged on the games
        // before the gap, read as a break like a summer, not as games missed.
        h.players.retain(|p| p.week != 10);
        let index = PlayIndex::new(&h);
        assert_eq!(index.gaps(&h, 202211), vec![(2022, 7, 10)]);
        let signals = index.signals("a", "AAA", 202211);
        assert_eq!(
            (signals.missed, signals.after_gap, signals.season_start),
            (Some(0), Some(202206), true)
        );
        let model = AvailabilityModel::fit(&h, &index, 202211);
        let shown = model.availability(&signals, 202211);
        assert!((0.5..1.0).contains(&shown.play_probability), "{shown:?}");
        assert_eq!(
            shown.reason,
            "played his team's last loaded game, before the gap in the loaded data"
        );
        // DraftKings' average of 0 says he has not played this season, which the loaded games
        // cannot: read as the team's latest games all missed, mid-season.
        let unplayed = signals.with_season_average(0.0, 202211);
        assert_eq!(
            (
                unplayed.missed,
                unplayed.season_start,
                unplayed.season_unplayed
            ),
            (Some(MAX_STREAK), false, true)
        );
        let shown_unplayed = model.availability(&unplayed, 202211);
        assert!(shown_unplayed.play_probability < shown.play_probability);
        assert_eq!(
            shown_unplayed.reason,
            "no game this season by DraftKings' average (0); the weeks before are not loaded"
        );
        // An average, a season's first week (last season's average) or no gap change nothing.
        assert_eq!(signals.with_season_average(14.2, 202211), signals);
        assert_eq!(signals.with_season_average(0.0, 202301), signals);
        let recent = PlayIndex::new(&h).signals("a", "AAA", 202207);
        assert_eq!(recent.with_season_average(0.0, 202207), recent);
        // The week's report still rules a player out after a gap.
        h.injuries.push(report("a", 11, "Out"));
        let index = PlayIndex::new(&h);
        let ruled_out = index.signals("a", "AAA", 202211);
        assert!(ruled_out.after_gap.is_some());
        assert_eq!(model.probability(&ruled_out), 0.0);
        // So it does for a player of a team none of whose games is loaded.
        h.injuries.push(report("z", 11, "Out"));
        let index = PlayIndex::new(&h);
        let unknown = index.signals("z", "CCC", 202211);
        assert_eq!(unknown.missed, None);
        assert_eq!(model.probability(&unknown), 0.0);
        assert_eq!(model.probability(&index.signals("y", "CCC", 202211)), 1.0);
        // The gap weeks were not counted as weeks everyone sat out.
        assert!(!model.by_missed.contains_key(&1), "{:?}", model.by_missed);
    }

    #[test]
    fn snaps_without_stats_say_the_teams_week_is_loaded() {
        let mut h = history();
        // Week 11's stats are not loaded, its snap counts are: `b`, out since week 4, keeps
        // missing games, and nobody reads week 11 as a gap.
        h.games.push(game(2022, 11, "AAA", "BBB"));
        h.snap_games.push(snaps("a", "AAA", 11));
        let index = PlayIndex::new(&h);
        assert_eq!(index.gaps(&h, 202212), vec![(2022, 11, 11)]);
        h.snap_games.push(snaps("d", "BBB", 11));
        let index = PlayIndex::new(&h);
        assert_eq!(index.gaps(&h, 202212), vec![]);
        assert_eq!(index.signals("b", "AAA", 202212).missed, Some(MAX_STREAK));
        // A snap is not a DraftKings game: `a` has no stats row in week 11.
        assert!(!index.played("a", 202211));
    }

    #[test]
    fn a_teams_best_players_are_measured_apart_from_its_fringe() {
        // Each week five stars score 20 and play every week; five fringe players score 1 and
        // play every other week.
        let mut h = History::default();
        for week in 1..=16 {
            h.games.push(game(2022, week, "AAA", "BBB"));
            for i in 0..5 {
                h.players.push(PlayerGame {
                    dk_points: 20.0,
                    ..played(&format!("star{i}"), "AAA", 2022, week)
                });
                if (week + i) % 2 == 0 {
                    h.players.push(PlayerGame {
                        dk_points: 1.0,
                        ..played(&format!("fringe{i}"), "BBB", 2022, week)
                    });
                }
            }
        }
        let index = PlayIndex::new(&h);
        let star = index.signals("star0", "AAA", 202217);
        assert_eq!(star.role, Some(Role::Star));
        // fringe0 played week 16 (16 + 0 is even).
        let fringe = index.signals("fringe0", "BBB", 202217);
        assert_eq!((fringe.role, fringe.missed), (Some(Role::Fringe), Some(0)));
        let model = AvailabilityModel::fit(&h, &index, 202217);
        let (star, fringe) = (model.probability(&star), model.probability(&fringe));
        assert!(star > 0.9, "{star}");
        assert!(fringe < 0.7, "{fringe}");
    }

    #[test]
    fn a_player_left_off_the_weeks_depth_chart_is_measured_apart() {
        // Ten regulars play every week; each week two of them, in turn, are left off the chart
        // and sit. One team has a chart, the other none.
        let mut h = History::default();
        for week in 1..=16 {
            h.games.push(game(2022, week, "AAA", "BBB"));
            for i in 0..10 {
                let id = format!("p{i}");
                let off = (week + i) % 5 == 0;
                if !off {
                    h.players.push(played(&id, "AAA", 2022, week));
                }
                h.players.push(played(&format!("q{i}"), "BBB", 2022, week));
                if !off {
                    h.depth_charts.push(DepthChartEntry {
                        season: 2022,
                        week: Some(week),
                        as_of: None,
                        team: "AAA".into(),
                        gsis_id: id,
                        position: "WR".into(),
                        depth: 1,
                    });
                }
            }
        }
        // Week 17: p1 is left off, p0 is on.
        h.games.push(game(2022, 17, "AAA", "BBB"));
        for i in [0, 2] {
            h.depth_charts.push(DepthChartEntry {
                season: 2022,
                week: Some(17),
                as_of: None,
                team: "AAA".into(),
                gsis_id: format!("p{i}"),
                position: "WR".into(),
                depth: 1,
            });
        }
        let index = PlayIndex::new(&h);
        let model = AvailabilityModel::fit(&h, &index, 202217);
        // p0 played week 16 ((16 + 0) % 5 != 0) and p1 too ((16 + 1) % 5 != 0).
        let on = index.signals("p0", "AAA", 202217);
        let off = index.signals("p1", "AAA", 202217);
        let unknown = index.signals("q0", "BBB", 202217);
        assert_eq!(
            (on.on_chart, off.on_chart, unknown.on_chart),
            (Some(true), Some(false), None)
        );
        let (on_p, off_p) = (model.probability(&on), model.probability(&off));
        assert!(on_p > 0.9 && off_p < 0.3, "{on_p} vs {off_p}");
        assert_eq!(
            model.availability(&off, 202217).reason,
            "played his team's last game; not on this week's depth chart"
        );
        // Without a chart, the rate of every player with his signals: between the two.
        let unknown_p = model.probability(&unknown);
        assert!(off_p < unknown_p && unknown_p < on_p, "{unknown_p}");
    }

    #[test]
    fn the_next_man_in_line_for_a_starter_ruled_out_is_measured_apart() {
        // Eight teams, each with a starting QB and his backup on the chart; the starters are
        // ruled out about one week in four, and a backup plays only then. In week 17 T0's
        // starter is out and T1's is not; both played weeks 14-16.
        let mut h = History::default();
        let teams: Vec<String> = (0..8).map(|t| format!("T{t}")).collect();
        let out = |t: usize, week: i32| match (t, week) {
            (0, 17) => true,
            (0 | 1, 14..) => false,
            _ => (week as usize * 7919 + t * 104_729) % 97 < 25,
        };
        for week in 1..=17 {
            for pair in teams.chunks(2) {
                h.games.push(game(2022, week, &pair[0], &pair[1]));
            }
            for (t, team) in teams.iter().enumerate() {
                for (who, depth) in [("s", 1), ("b", 2)] {
                    h.depth_charts.push(DepthChartEntry {
                        season: 2022,
                        week: Some(week),
                        as_of: None,
                        team: team.clone(),
                        gsis_id: format!("{who}{t}"),
                        position: "QB".into(),
                        depth,
                    });
                }
                if out(t, week) {
                    h.injuries.push(report(&format!("s{t}"), week, "Out"));
                }
                if week < 17 {
                    let who = if out(t, week) { "b" } else { "s" };
                    h.players
                        .push(played(&format!("{who}{t}"), team, 2022, week));
                }
            }
        }
        let index = PlayIndex::new(&h);
        let model = AvailabilityModel::fit(&h, &index, 202217);
        let promoted = index.signals("b0", "T0", 202217);
        let waiting = index.signals("b1", "T1", 202217);
        assert_eq!(
            (promoted.next_up, waiting.next_up),
            (Some(true), Some(false))
        );
        assert_eq!(promoted.missed, waiting.missed);
        let (up, wait) = (model.probability(&promoted), model.probability(&waiting));
        assert!(up > 0.6 && wait < 0.1, "{up} vs {wait}");
        assert!(model
            .availability(&promoted, 202217)
            .reason
            .ends_with("; next in line for a player ruled out"));
        // Listed himself (doubtful), the backup is read by the report: his place in line moves
        // nothing.
        let mut listed = h.clone();
        listed.injuries.push(report("b0", 17, "Doubtful"));
        let index = PlayIndex::new(&listed);
        let model = AvailabilityModel::fit(&listed, &index, 202217);
        let doubtful = index.signals("b0", "T0", 202217);
        assert!(doubtful.next_up == Some(true) && doubtful.listed());
        let unread = Signals {
            next_up: None,
            ..doubtful
        };
        assert_eq!(model.probability(&doubtful), model.probability(&unread));
        // Without the report's season loaded, nobody is known to be next in line.
        let unreported = History {
            injuries: Vec::new(),
            ..h.clone()
        };
        let index = PlayIndex::new(&unreported);
        assert_eq!(index.signals("b0", "T0", 202217).next_up, None);
    }

    #[test]
    fn the_quarterback_in_line_for_the_starter_plays_as_such_quarterbacks_did() {
        // T0: the starter is out in week 3; T1: the backup is out, the third one waits.
        let mut h = History::default();
        for week in 1..=3 {
            h.games.push(game(2022, week, "T0", "T1"));
            for (team, t) in [("T0", 0), ("T1", 1)] {
                for (who, depth) in [("s", 1), ("b", 2), ("c", 3)] {
                    h.depth_charts.push(DepthChartEntry {
                        season: 2022,
                        week: Some(week),
                        as_of: None,
                        team: team.into(),
                        gsis_id: format!("{who}{t}"),
                        position: "QB".into(),
                        depth,
                    });
                }
                if week < 3 {
                    h.players.push(played(&format!("s{t}"), team, 2022, week));
                }
            }
        }
        h.players.push(played("b0", "T0", 2022, 1));
        h.players.push(played("c1", "T1", 2022, 1));
        h.injuries.push(report("s0", 3, "Out"));
        h.injuries.push(report("b1", 3, "Out"));
        let index = PlayIndex::new(&h);
        let backup = index.signals("b0", "T0", 202203);
        let third = index.signals("c1", "T1", 202203);
        assert_eq!((backup.next_up, backup.quarterback), (Some(true), true));
        assert_eq!((third.next_up, third.quarterback), (Some(true), false));
        // Measured: nine in ten such quarterbacks played. The backup's own signals (he missed
        // his team's last game) say less; the measured rate is his floor, and a third
        // quarterback in line for the backup gets none of it.
        let mut model = AvailabilityModel::fit(&h, &index, 202203);
        let before = model.probability(&backup);
        model.quarterbacks_next_up = (90, 100);
        let after = model.probability(&backup);
        assert!(after > 0.85 && after >= before, "{before} -> {after}");
        let as_other = model.probability(&Signals {
            quarterback: false,
            ..backup
        });
        assert!(as_other < after, "{as_other} vs {after}");
        assert_eq!(
            model.probability(&third),
            model.probability(&Signals {
                quarterback: false,
                ..third
            })
        );
        // Ruled out himself, he does not play.
        let mut out = h.clone();
        out.injuries.push(report("b0", 3, "Out"));
        let index = PlayIndex::new(&out);
        assert_eq!(model.probability(&index.signals("b0", "T0", 202203)), 0.0);
    }
}
