//! The NFL history models learn from, held in memory (the store reads it once): every game
//! with its betting lines, every player's game (DraftKings points and opportunity), every
//! DST's game (play-by-play where loaded, else the team-stats estimate).

/// A week's place in time: `season * 100 + week`.
pub type WeekKey = i32;

/// The key of a season's week.
pub fn week_key(season: i32, week: i32) -> WeekKey {
    season * 100 + week
}

/// One scheduled game.
#[derive(Debug, Clone, PartialEq)]
pub struct Game {
    /// Season.
    pub season: i32,
    /// Week.
    pub week: i32,
    /// Date of the game (`YYYY-MM-DD`, local to the stadium as nflverse gives it).
    pub gameday: String,
    /// Away team (today's code).
    pub away_team: String,
    /// Home team (today's code).
    pub home_team: String,
    /// Points the home team is favoured by (nflverse `spread_line`).
    pub spread_line: Option<f64>,
    /// Expected total points.
    pub total_line: Option<f64>,
    /// `dome`, `closed`, `open`, `outdoors`.
    pub roof: Option<String>,
    /// Away team's days of rest.
    pub away_rest: Option<i32>,
    /// Home team's days of rest.
    pub home_rest: Option<i32>,
}

/// One player's game.
#[derive(Debug, Clone, PartialEq)]
pub struct PlayerGame {
    /// GSIS id.
    pub gsis_id: String,
    /// Name.
    pub name: String,
    /// Position (QB, RB, WR, TE; FB counts as RB).
    pub position: String,
    /// Team.
    pub team: String,
    /// Season.
    pub season: i32,
    /// Week.
    pub week: i32,
    /// DraftKings points.
    pub dk_points: f64,
    /// Pass attempts.
    pub attempts: f64,
    /// Carries.
    pub carries: f64,
    /// Targets.
    pub targets: f64,
    /// Share of the team's targets.
    pub target_share: Option<f64>,
    /// Share of the team's air yards.
    pub air_yards_share: Option<f64>,
    /// Share of the team's offensive snaps (0-1), where snap counts are loaded.
    pub offense_pct: Option<f64>,
}

#[cfg(test)]
impl PlayerGame {
    /// A Kansas City player's game of 10 points, for unit tests: his targets and carries.
    pub(crate) fn kc_for_tests(
        gsis: &str,
        position: &str,
        season: i32,
        week: i32,
        targets: f64,
        carries: f64,
    ) -> PlayerGame {
        PlayerGame {
            gsis_id: gsis.into(),
            name: gsis.into(),
            position: position.into(),
            team: "KC".into(),
            season,
            week,
            dk_points: 10.0,
            attempts: 0.0,
            carries,
            targets,
            target_share: None,
            air_yards_share: None,
            offense_pct: None,
        }
    }
}

/// One DST's game.
#[derive(Debug, Clone, PartialEq)]
pub struct DstGame {
    /// Team.
    pub team: String,
    /// Opponent.
    pub opponent: String,
    /// Season.
    pub season: i32,
    /// Week.
    pub week: i32,
    /// DraftKings points.
    pub dk_points: f64,
    /// Sacks.
    pub sacks: f64,
    /// Interceptions and fumble recoveries.
    pub takeaways: f64,
    /// Points allowed as DraftKings counts them.
    pub points_allowed: Option<f64>,
}

/// One player's line on a week's injury report.
#[derive(Debug, Clone, PartialEq)]
pub struct InjuryReport {
    /// GSIS id.
    pub gsis_id: String,
    /// Season.
    pub season: i32,
    /// Week.
    pub week: i32,
    /// Game status: Out, Doubtful, Questionable, ... (None: listed without one).
    pub report_status: Option<String>,
    /// Practice participation as written ("Did Not Participate In Practice", ...), if any.
    pub practice_status: Option<String>,
}

/// A game an offensive player took snaps in without a row in the weekly player stats (a blocking
/// tight end, a quarterback who only handed off): he played, and his team's data for that week
/// is loaded.
#[derive(Debug, Clone, PartialEq)]
pub struct SnapGame {
    /// GSIS id.
    pub gsis_id: String,
    /// Team (today's code).
    pub team: String,
    /// Season.
    pub season: i32,
    /// Week.
    pub week: i32,
    /// Share of the team's offensive snaps (0-1).
    pub offense_pct: f64,
}

/// A player's place on his team's depth chart: in the week's chart (nflverse's weekly layout,
/// through 2024) or in a dated snapshot (the layout from 2025 on).
#[derive(Debug, Clone, PartialEq)]
pub struct DepthChartEntry {
    /// Season.
    pub season: i32,
    /// Week of a weekly chart; `None` for a snapshot.
    pub week: Option<i32>,
    /// When a snapshot was taken (ISO-8601 UTC, `2025-09-07T07:14:53Z`); `None` for a weekly chart.
    pub as_of: Option<String>,
    /// Team (today's code).
    pub team: String,
    /// GSIS id.
    pub gsis_id: String,
    /// Position on the chart (QB, RB, WR, TE; FB counts as RB).
    pub position: String,
    /// 1 for a starter, 2 for his backup, ... (his best place when he holds several).
    pub depth: i32,
}

/// Everything the features are made from.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct History {
    /// Games, by season and week.
    pub games: Vec<Game>,
    /// Player games, by season and week.
    pub players: Vec<PlayerGame>,
    /// DST games, by season and week.
    pub dsts: Vec<DstGame>,
    /// Injury reports, where loaded.
    pub injuries: Vec<InjuryReport>,
    /// Snap-count games of offensive players without a stats row, where snap counts are loaded.
    pub snap_games: Vec<SnapGame>,
    /// Who was on a team's roster in a season (GSIS id, season), where rosters are loaded.
    pub rostered: Vec<(String, i32)>,
    /// Depth charts, where loaded.
    pub depth_charts: Vec<DepthChartEntry>,
}

impl History {
    /// The weeks with player games, in order.
    pub fn weeks(&self) -> Vec<WeekKey> {
        let mut weeks: Vec<WeekKey> = self
            .players
            .iter()
            .map(|p| week_key(p.season, p.week))
            .collect();
        weeks.sort_unstable();
        weeks.dedup();
        weeks
    }
}

/// Model position of an nflverse position.
pub fn model_position(position: &str) -> Option<crate::dk::Position> {
    use crate::dk::Position;
    match position {
        "QB" => Some(Position::QB),
        "RB" | "FB" => Some(Position::RB),
        "WR" => Some(Position::WR),
        "TE" => Some(Position::TE),
        _ => None,
    }
}
