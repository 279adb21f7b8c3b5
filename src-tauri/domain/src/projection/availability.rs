//! Who will play: the probability that a player appears in week W, from what was known before
//! W's kickoff. Three signals, each measured on the loaded history rather than guessed:
//! - how many of his team's latest games he missed in a row (a player who sat out his team's
//!   last two games rarely comes back the next week);
//! - when he played the last game and snap counts are loaded, his snaps in it: a share that
//!   collapsed against his games before says he got hurt or lost his job, and a small share says
//!   a fringe player who often does not appear at all;
//! - the week's injury report when loaded (Out, IR, PUP and suspended mean 0; Questionable and
//!   Doubtful get the rates the reports and the games that followed show).
//!
//! "Played" means a row in the weekly player stats: a player without a recorded stat scored 0,
//! which is what a DFS lineup cares about. Where the weeks before W are not loaded (a new
//! season, stale data) nothing is inferred: the status is `Unknown` and the probability 1, so a
//! projection is never zeroed for lack of data.

use super::history::{week_key, History, WeekKey};
use serde::{Deserialize, Serialize};
use std::collections::{HashMap, HashSet};
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
    /// No recent data to judge by (the weeks before are not loaded).
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

/// What the week's injury report said of a player.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Report {
    /// Not on the report.
    Clear,
    /// Questionable.
    Questionable,
    /// Doubtful.
    Doubtful,
    /// Out, injured reserve, PUP, suspended.
    Out,
}

impl Report {
    /// Reads an nflverse `report_status` (None: listed without a game status, i.e. clear).
    pub fn of(status: Option<&str>) -> Report {
        match status.map(|s| s.trim().to_ascii_lowercase()).as_deref() {
            Some("out" | "ir" | "injured reserve" | "suspended" | "pup" | "reserve/covid-19") => {
                Report::Out
            }
            Some("doubtful") => Report::Doubtful,
            Some("questionable") => Report::Questionable,
            _ => Report::Clear,
        }
    }
}

/// The most games missed in a row told apart (more count as this many).
const MAX_STREAK: u32 = 3;

/// A team's latest game may be this many weeks before W (byes) for the data to count as recent.
const RECENT_WEEKS: i32 = 2;

/// What his snaps in his team's last game say, against his games before it that season.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
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
    /// Team games missed in a row before the week (capped at [`MAX_STREAK`]); None when the
    /// weeks before are not loaded.
    pub missed: Option<u32>,
    /// The week's injury report, when reports of that season are loaded.
    pub report: Option<Report>,
    /// Whether the team's last game was in an earlier season (week 1: the games missed then
    /// are rest, injuries healed over the summer and moves, and mean less).
    pub season_start: bool,
    /// His share of the snaps in the team's last game and in his games before it, when he played
    /// it and snap counts are loaded.
    pub snap_shares: Option<(f64, f64)>,
}

impl Signals {
    /// What his snaps in the team's last game say.
    pub fn snaps(&self) -> Option<Snaps> {
        self.snap_shares
            .map(|(last, before)| Snaps::of(last, before))
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
type Count = (u32, u32);

/// Play rates measured on the history: by games missed in a row, by that and the snap signal, by
/// those and whether the season starts, and by those and the report (each level smoothed
/// towards the one before, so a bucket the history has not filled yet says what its parent
/// says).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct AvailabilityModel {
    by_missed: HashMap<u32, Count>,
    by_snaps: HashMap<(u32, Option<Snaps>), Count>,
    by_start: HashMap<(u32, Option<Snaps>, bool), Count>,
    by_report: HashMap<(u32, Option<Snaps>, bool, Report), Count>,
}

/// Who appeared when, and what the reports said, indexed for the questions asked per week.
pub struct PlayIndex<'h> {
    /// Each player's appearances (week, team, snap share where loaded), sorted by week.
    appearances: HashMap<&'h str, Vec<Appearance<'h>>>,
    /// Weeks each team played, sorted.
    team_weeks: HashMap<&'h str, Vec<WeekKey>>,
    /// Each player's report by week.
    reports: HashMap<(&'h str, WeekKey), Report>,
    /// Seasons with injury reports loaded.
    report_seasons: HashSet<i32>,
}

/// A player's game: the week, his team and his share of its offensive snaps (where loaded).
type Appearance<'h> = (WeekKey, &'h str, Option<f64>);

impl<'h> PlayIndex<'h> {
    /// Indexes a history.
    pub fn new(history: &'h History) -> PlayIndex<'h> {
        let mut appearances: HashMap<&str, Vec<Appearance>> = HashMap::new();
        for p in &history.players {
            appearances.entry(p.gsis_id.as_str()).or_default().push((
                week_key(p.season, p.week),
                p.team.as_str(),
                p.offense_pct.filter(|s| s.is_finite()),
            ));
        }
        for list in appearances.values_mut() {
            list.sort_unstable_by_key(|(week, team, _)| (*week, *team));
        }
        let mut team_weeks: HashMap<&str, Vec<WeekKey>> = HashMap::new();
        for g in &history.games {
            for team in [g.home_team.as_str(), g.away_team.as_str()] {
                team_weeks
                    .entry(team)
                    .or_default()
                    .push(week_key(g.season, g.week));
            }
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
                    Report::of(r.report_status.as_deref()),
                )
            })
            .collect();
        let report_seasons = history.injuries.iter().map(|r| r.season).collect();
        PlayIndex {
            appearances,
            team_weeks,
            reports,
            report_seasons,
        }
    }

    /// Whether the player appeared in a week.
    pub fn played(&self, gsis_id: &str, week: WeekKey) -> bool {
        self.appearances
            .get(gsis_id)
            .is_some_and(|list| list.binary_search_by_key(&week, |(w, ..)| *w).is_ok())
    }

    /// Whether the player appeared in a game of `season` before `until`.
    fn played_in(&self, gsis_id: &str, season: i32, until: WeekKey) -> bool {
        self.appearances.get(gsis_id).is_some_and(|list| {
            let from = list.partition_point(|(w, ..)| *w < week_key(season, 0));
            list.get(from)
                .is_some_and(|(w, ..)| w / 100 == season && *w < until)
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
                .unwrap_or(Report::Clear)
        });
        let team = self
            .appearances
            .get(gsis_id)
            .and_then(|list| list[..list.partition_point(|(w, ..)| *w < week)].last())
            .filter(|(last, ..)| last / 100 < week / 100)
            .map_or(team, |(_, previous, _)| *previous);
        let weeks: &[WeekKey] = self.team_weeks.get(team).map_or(&[], Vec::as_slice);
        let before = &weeks[..weeks.partition_point(|w| *w < week)];
        let recent = before
            .last()
            .is_some_and(|last| last / 100 == week / 100 && week - last <= RECENT_WEEKS)
            || before.last().is_some_and(|last| {
                // Week 1 follows last season's final weeks.
                week % 100 == 1 && last / 100 == week / 100 - 1
            });
        if !recent {
            return Signals {
                missed: None,
                report,
                season_start: false,
                snap_shares: None,
            };
        }
        let missed = before
            .iter()
            .rev()
            .take_while(|w| !self.played(gsis_id, **w))
            .take(MAX_STREAK as usize)
            .count() as u32;
        let snap_shares = before
            .last()
            .filter(|_| missed == 0)
            .and_then(|last| self.snap_shares_before(gsis_id, *last));
        Signals {
            missed: Some(missed),
            report,
            season_start: before.last().is_some_and(|last| last / 100 < week / 100),
            snap_shares,
        }
    }

    /// His snap share in the team's game of week `last` and his mean share in his games of that
    /// season before it (the share in `last` itself when it was his first): None when the snaps
    /// of `last` are not loaded.
    fn snap_shares_before(&self, gsis_id: &str, last: WeekKey) -> Option<(f64, f64)> {
        let games = self.appearances.get(gsis_id)?;
        let at = games.binary_search_by_key(&last, |(week, ..)| *week).ok()?;
        let share = games[at].2?;
        let earlier: Vec<f64> = games[..at]
            .iter()
            .rev()
            .take_while(|(week, ..)| week / 100 == last / 100)
            .filter_map(|(_, _, share)| *share)
            .take(SNAP_GAMES)
            .collect();
        let before = if earlier.is_empty() {
            share
        } else {
            earlier.iter().sum::<f64>() / earlier.len() as f64
        };
        Some((share, before))
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

impl AvailabilityModel {
    /// Measures the play rates on every player week before `until` of players who had appeared
    /// in the weeks before: the population a slate's players come from.
    pub fn fit(history: &History, index: &PlayIndex, until: WeekKey) -> AvailabilityModel {
        let mut model = AvailabilityModel::default();
        // Each player's team by week, from his appearances; he is followed on that team until
        // he appears elsewhere.
        let mut latest: HashMap<&str, (&str, WeekKey)> = HashMap::new();
        let mut by_week: Vec<(WeekKey, &str, &str)> = history
            .players
            .iter()
            .map(|p| {
                (
                    week_key(p.season, p.week),
                    p.gsis_id.as_str(),
                    p.team.as_str(),
                )
            })
            .collect();
        by_week.sort_unstable();
        let mut weeks: Vec<WeekKey> = history
            .games
            .iter()
            .map(|g| week_key(g.season, g.week))
            .filter(|w| *w < until)
            .collect();
        weeks.sort_unstable();
        weeks.dedup();
        // Who was still in the league in a season: on one of its rosters or in one of its games
        // before `until`. At a season's start only they count: DraftKings lists rostered
        // players, not those who retired or were released over the summer.
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
            for (gsis, (team, last)) in &latest {
                // Followed for a season at most after his last appearance.
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
                let signals = index.signals(gsis, team, week);
                let Some(missed) = signals.missed else {
                    continue;
                };
                if signals.season_start && !in_league(gsis, week / 100) {
                    continue;
                }
                let played = u32::from(index.played(gsis, week));
                let count = |bucket: &mut Count| {
                    bucket.0 += played;
                    bucket.1 += 1;
                };
                let start = signals.season_start;
                let snaps = signals.snaps();
                count(model.by_missed.entry(missed).or_default());
                count(model.by_snaps.entry((missed, snaps)).or_default());
                count(model.by_start.entry((missed, snaps, start)).or_default());
                if let Some(report) = signals.report {
                    count(
                        model
                            .by_report
                            .entry((missed, snaps, start, report))
                            .or_default(),
                    );
                }
            }
        }
        model
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
        let Some(missed) = signals.missed else {
            return 1.0;
        };
        if signals.report == Some(Report::Out) {
            return 0.0;
        }
        // Priors for empty buckets: measured where the history is thin, these are the usual
        // orders of magnitude, not a claim.
        let prior = match missed {
            0 => 0.9,
            1 => 0.45,
            2 => 0.3,
            _ => 0.15,
        };
        let start = signals.season_start;
        let snaps = signals.snaps();
        let by_missed = Self::rate(self.by_missed.get(&missed), prior);
        let by_snaps = Self::rate(self.by_snaps.get(&(missed, snaps)), by_missed);
        let by_start = Self::rate(self.by_start.get(&(missed, snaps, start)), by_snaps);
        match signals.report {
            Some(report) => Self::rate(
                self.by_report.get(&(missed, snaps, start, report)),
                by_start,
            ),
            None => by_start,
        }
    }

    /// The availability of a player with these signals, in week `week` of the slate.
    pub fn availability(&self, signals: &Signals, week: WeekKey) -> Availability {
        let play_probability = self.probability(signals);
        let report_words = |what: &str| format!("{what} on the week-{} report", week % 100);
        let (status, reason) = match (signals.report, signals.missed) {
            (Some(Report::Out), _) => (PlayStatus::Out, report_words("Out")),
            (_, None) => (
                PlayStatus::Unknown,
                "no recent games loaded: availability unknown".to_string(),
            ),
            (Some(Report::Doubtful), _) => (PlayStatus::Doubtful, report_words("Doubtful")),
            (Some(Report::Questionable), _) => {
                (PlayStatus::Questionable, report_words("Questionable"))
            }
            (_, Some(0)) => match (signals.snaps(), signals.snap_shares) {
                (Some(Snaps::Collapsed), Some((last, before))) => (
                    PlayStatus::Limited,
                    format!(
                        "played {:.0}% of the snaps in his team's last game, {:.0}% before",
                        last * 100.0,
                        before * 100.0
                    ),
                ),
                _ => (
                    PlayStatus::Active,
                    "played his team's last game".to_string(),
                ),
            },
            (_, Some(n)) => {
                let games = match n {
                    1 => "game".to_string(),
                    n if n >= MAX_STREAK => format!("{n}+ games"),
                    n => format!("{n} games"),
                };
                let when = if signals.season_start {
                    " of last season"
                } else {
                    ""
                };
                (
                    PlayStatus::Missing,
                    format!("missed his team's last {games}{when}"),
                )
            }
        };
        Availability {
            play_probability,
            status,
            reason,
        }
    }
}

/// The quantile `q` of a player's points when he plays with probability `p` and, when he plays,
/// scores with the quantile function `played` (a player who sits scores 0).
pub fn mixture_quantile(q: f64, p: f64, played: impl Fn(f64) -> f64) -> f64 {
    let sits = 1.0 - p.clamp(0.0, 1.0);
    if q <= sits || p <= 0.0 {
        0.0
    } else {
        played(((q - sits) / p).clamp(0.0, 1.0))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::projection::history::{Game, InjuryReport, PlayerGame};

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

    /// Ten weeks of AAA v BBB; `a` plays every week, `b` plays weeks 1-3 then never again,
    /// `c` misses week 5 only.
    fn history() -> History {
        let mut h = History::default();
        for week in 1..=10 {
            h.games.push(game(2022, week, "AAA", "BBB"));
            h.players.push(played("a", "AAA", 2022, week));
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
        // Week 11 is after the last loaded week 10: still recent. Week 15 is not.
        assert_eq!(index.signals("a", "AAA", 202211).missed, Some(0));
        assert_eq!(index.signals("a", "AAA", 202215).missed, None);
        // No reports loaded: none is assumed.
        assert_eq!(index.signals("a", "AAA", 202208).report, None);
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
        // Stale data is unknown, never out.
        let unknown = model.availability(&index.signals("b", "AAA", 202216), 202216);
        assert_eq!(unknown.status, PlayStatus::Unknown);
        assert_eq!(unknown.play_probability, 1.0);
    }

    #[test]
    fn the_week_report_rules_out_and_its_rates_are_measured() {
        let mut h = history();
        // `c` is questionable in weeks 4 and 5 (plays 4, misses 5) and out in week 11.
        for (week, status) in [(4, "Questionable"), (5, "Questionable"), (11, "Out")] {
            h.injuries.push(InjuryReport {
                gsis_id: "c".into(),
                season: 2022,
                week,
                report_status: Some(status.into()),
            });
        }
        let index = PlayIndex::new(&h);
        let model = AvailabilityModel::fit(&h, &index, 202211);
        let out = model.availability(&index.signals("c", "BBB", 202211), 202211);
        assert_eq!((out.status, out.play_probability), (PlayStatus::Out, 0.0));
        assert_eq!(out.reason, "Out on the week-11 report");
        let clear = model.probability(&index.signals("a", "AAA", 202211));
        let questionable = model.probability(&Signals {
            missed: Some(0),
            report: Some(Report::Questionable),
            season_start: false,
            snap_shares: None,
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
    fn a_player_who_may_sit_has_a_mixture_of_zero_and_his_range() {
        let played = |q: f64| 10.0 + 10.0 * q;
        assert_eq!(mixture_quantile(0.15, 1.0, played), 11.5);
        assert_eq!(mixture_quantile(0.15, 0.8, played), 0.0);
        assert!((mixture_quantile(0.6, 0.8, played) - 15.0).abs() < 1e-9);
        assert_eq!(mixture_quantile(0.95, 0.0, played), 0.0);
    }
}
