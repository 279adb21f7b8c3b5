//! Backtests: a past slate's projections and lineups against what happened.

use super::{blocking_failed, Workspace};
use crate::dk::Position;
use crate::projection::features::Features;
use crate::projection::{backtest, project};
use crate::{nflverse, Error, Result};
use std::collections::{HashMap, HashSet};

/// What a past slate's players scored.
#[derive(Debug, Default)]
pub(crate) struct Scored {
    /// DraftKings points by slate player id.
    pub(crate) points: HashMap<i32, f64>,
    /// The players who sat: the week's stats do not list them.
    pub(crate) sat: HashSet<i32>,
}

impl Workspace {
    /// Backtests a past slate with the production models: projections against actual points,
    /// and the actual points of the app's, the AvgPointsPerGame and the hindsight lineups.
    pub async fn backtest(&self, slate_id: i32) -> Result<backtest::BacktestReport> {
        let (slate, projected) = self.project_loaded(self.slate(slate_id).await?).await?;
        let (week, actual) = self.actual_points_of(&slate).await?;
        let rules = crate::optimizer::Rules {
            salary_cap: self.typed_settings().await?.salary_cap,
            ..Default::default()
        };
        tokio::task::spawn_blocking(move || {
            backtest::backtest(
                &slate,
                week.0,
                week.1,
                &projected.players,
                &actual,
                &rules,
                &crate::wall_clock,
            )
        })
        .await
        .map_err(blocking_failed)?
    }

    /// What a past slate's players matched to an NFL player scored: the DraftKings points that
    /// week's stats give, and 0 for one they do not list (he sat, or recorded nothing), who is
    /// also counted among those who sat. A player matched to nobody is left out: his points are
    /// not known.
    pub(crate) async fn actual_points(&self, slate_id: i32) -> Result<Scored> {
        let slate = self.slate(slate_id).await?;
        let mut points = self.actual_points_of(&slate).await?.1;
        let mut sat = HashSet::new();
        for m in &self.cached_matches(&slate).await?.players {
            if m.gsis_id.is_some() && !points.contains_key(&m.player.slate_player_id) {
                points.insert(m.player.slate_player_id, 0.0);
                sat.insert(m.player.slate_player_id);
            }
        }
        Ok(Scored { points, sat })
    }

    /// The season and week of a slate's games, from the loaded schedule.
    pub(crate) async fn slate_week(&self, slate: &crate::slate::Slate) -> Result<(i32, i32)> {
        let history = self.history().await?;
        let features = Features::new(&history);
        slate
            .players
            .iter()
            .find_map(|p| project::scheduled_context(&features, p).map(|c| (c.season, c.week)))
            .ok_or_else(|| {
                Error::InvalidInput(format!(
                    "The games of slate '{}' are not in the loaded schedule: load games.csv.",
                    slate.summary.name
                ))
            })
    }

    /// The slate's week and its players' actual points.
    async fn actual_points_of(
        &self,
        slate: &crate::slate::Slate,
    ) -> Result<((i32, i32), HashMap<i32, f64>)> {
        let matches = self.cached_matches(slate).await?;
        let week = self.slate_week(slate).await?;
        let points = self.week_points(week.0, week.1).await?;
        if points.players.is_empty() {
            return Err(Error::InvalidInput(format!(
                "No player stats are loaded for {} week {}: load that season's weekly stats.",
                week.0, week.1
            )));
        }
        let by_gsis: HashMap<&str, f64> = points
            .players
            .iter()
            .map(|p| (p.gsis_id.as_str(), p.dk_points))
            .collect();
        let by_team: HashMap<String, f64> = points
            .dsts
            .iter()
            .map(|d| (d.team.clone(), d.dk_points))
            .collect();
        let mut actual = HashMap::new();
        for m in &matches.players {
            let value = if m.player.position == Position::DST {
                by_team
                    .get(&nflverse::team_code::normalise(&m.player.team))
                    .copied()
            } else {
                m.gsis_id.as_deref().and_then(|g| by_gsis.get(g).copied())
            };
            if let Some(v) = value {
                actual.insert(m.player.slate_player_id, v);
            }
        }
        Ok((week, actual))
    }
}
