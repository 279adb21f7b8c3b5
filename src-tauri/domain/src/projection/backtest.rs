//! Backtests of past slates: every player's projection, DraftKings average and actual points;
//! the accuracy of both; and the actual points of three lineups built under the same rules:
//! from the projections, from DraftKings' AvgPointsPerGame, and with hindsight (the actual
//! points, the best any projection could have done).

use super::metrics::Metrics;
use super::project::{PlayerProjection, ProjectionSource};
use crate::clock::Clock;
use crate::dk::Position;
use crate::optimizer::{self, Rules};
use crate::slate::Slate;
use crate::Result;
use serde::Serialize;
use std::collections::HashMap;
use ts_rs::TS;

/// One player of a backtest.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct BacktestPlayer {
    /// Slate player id.
    pub slate_player_id: i32,
    /// Name.
    pub name: String,
    /// Position.
    pub position: Position,
    /// Team.
    pub team: String,
    /// The app's projection.
    pub projected: f64,
    /// Where it came from.
    pub source: ProjectionSource,
    /// DraftKings' AvgPointsPerGame.
    pub average: f64,
    /// Actual DraftKings points; `None` when the player has no stats that week (did not play).
    pub actual: Option<f64>,
}

/// A lineup's points.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct BacktestLineup {
    /// Slate player ids in roster order.
    pub players: Vec<i32>,
    /// Points it was built for.
    pub expected: f64,
    /// Points it scored.
    pub actual: f64,
}

/// What a backtest found.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct BacktestReport {
    /// The slate.
    pub slate_id: i32,
    /// Its season.
    pub season: i32,
    /// Its week.
    pub week: i32,
    /// Every player with a game.
    pub players: Vec<BacktestPlayer>,
    /// The projections against actual points (players who played).
    pub projection: Metrics,
    /// AvgPointsPerGame against actual points (the same players).
    pub average: Metrics,
    /// The best lineup by the app's projections.
    pub app_lineup: BacktestLineup,
    /// The best lineup by AvgPointsPerGame.
    pub average_lineup: BacktestLineup,
    /// The best lineup in hindsight.
    pub hindsight_lineup: BacktestLineup,
}

fn best(
    slate: &Slate,
    points: &HashMap<i32, f64>,
    actual: &HashMap<i32, f64>,
    rules: &Rules,
    clock: Clock,
) -> Result<BacktestLineup> {
    let run = optimizer::optimize(slate, points, rules, clock, |_, _| true)?;
    let built = run
        .lineups
        .into_iter()
        .next()
        .ok_or_else(|| crate::Error::NoLineup("the slate has no valid lineup".into()))?;
    Ok(BacktestLineup {
        actual: built
            .players
            .iter()
            .map(|id| actual.get(id).copied().unwrap_or(0.0))
            .sum(),
        expected: built.points,
        players: built.players,
    })
}

/// Runs a backtest from the slate, its projections and the actual points by slate player id.
pub fn backtest(
    slate: &Slate,
    season: i32,
    week: i32,
    projections: &[PlayerProjection],
    actual: &HashMap<i32, f64>,
    rules: &Rules,
    clock: Clock,
) -> Result<BacktestReport> {
    let players: Vec<BacktestPlayer> = projections
        .iter()
        .filter_map(|p| {
            let sp = slate
                .players
                .iter()
                .find(|s| s.id == p.player.slate_player_id)?;
            sp.has_usable_game().then(|| BacktestPlayer {
                slate_player_id: p.player.slate_player_id,
                name: p.player.name.clone(),
                position: p.player.position,
                team: p.player.team.clone(),
                projected: p.projection,
                source: p.source,
                average: sp.avg_points_per_game,
                actual: actual.get(&p.player.slate_player_id).copied(),
            })
        })
        .collect();
    let played: Vec<&BacktestPlayer> = players.iter().filter(|p| p.actual.is_some()).collect();
    let truth: Vec<f64> = played.iter().map(|p| p.actual.unwrap_or(0.0)).collect();
    let projected: HashMap<i32, f64> = projections
        .iter()
        .map(|p| (p.player.slate_player_id, p.projection))
        .collect();
    let no_projection = HashMap::new();
    // In hindsight a player without stats scored 0 (not his average).
    let hindsight: HashMap<i32, f64> = slate
        .players
        .iter()
        .map(|p| (p.id, actual.get(&p.id).copied().unwrap_or(0.0)))
        .collect();
    Ok(BacktestReport {
        slate_id: slate.summary.id,
        season,
        week,
        projection: Metrics::of(
            &played.iter().map(|p| p.projected).collect::<Vec<_>>(),
            &truth,
        ),
        average: Metrics::of(
            &played.iter().map(|p| p.average).collect::<Vec<_>>(),
            &truth,
        ),
        app_lineup: best(slate, &projected, actual, rules, clock)?,
        average_lineup: best(slate, &no_projection, actual, rules, clock)?,
        hindsight_lineup: best(slate, &hindsight, actual, rules, clock)?,
        players,
    })
}
