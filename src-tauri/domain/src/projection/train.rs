//! Training with walk-forward validation: for each position, candidate learners are fitted on
//! the weeks before each block of validation weeks and tested on that block (never on data
//! from the future); the learner with the lowest MAE is fitted on every week before the cut-off.
//! The season-to-date average is measured on the same rows, and the residuals give each
//! position's spread model (every player's range of outcomes).

use super::distribution::{SpreadInputs, SpreadModel};
use super::features::{Example, Features};
use super::history::{week_key, WeekKey};
use super::learner::{Learner, Model};
use super::metrics::{quantile, Metrics};
use crate::clock::Clock;
use crate::dk::Position;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::time::Duration;
use ts_rs::TS;

/// The positions with a model.
pub const POSITIONS: [Position; 5] = [
    Position::QB,
    Position::RB,
    Position::WR,
    Position::TE,
    Position::DST,
];

/// Weeks per validation block: the model of a block is trained on the weeks before it.
const BLOCK_WEEKS: i32 = 4;

/// The learners always tried, cheapest first.
pub const DEFAULT_CANDIDATES: [Learner; 4] = [
    Learner::Ridge { alpha: 1.0 },
    Learner::Ridge { alpha: 30.0 },
    Learner::ElasticNet {
        alpha: 0.05,
        l1_ratio: 0.5,
    },
    Learner::Forest {
        trees: 40,
        depth: 8,
        leaf: 25,
    },
];

/// More learners the time-boxed search tries while its time lasts.
pub const SEARCH_CANDIDATES: [Learner; 6] = [
    Learner::Ridge { alpha: 100.0 },
    Learner::ElasticNet {
        alpha: 0.2,
        l1_ratio: 0.8,
    },
    Learner::Forest {
        trees: 60,
        depth: 6,
        leaf: 40,
    },
    Learner::Forest {
        trees: 60,
        depth: 10,
        leaf: 15,
    },
    Learner::Forest {
        trees: 80,
        depth: 12,
        leaf: 30,
    },
    Learner::ElasticNet {
        alpha: 0.01,
        l1_ratio: 0.2,
    },
];

/// The rows the accuracy is measured on: players with two games this season averaging enough
/// to be in a lineup (DSTs: two games).
pub fn is_relevant(e: &Example) -> bool {
    let floor = match e.position {
        Position::QB => 10.0,
        Position::RB | Position::WR => 5.0,
        Position::TE => 4.0,
        Position::DST => f64::NEG_INFINITY,
    };
    e.games_season >= 2 && e.season_avg.is_some_and(|a| a >= floor)
}

/// One learner's validation result.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Candidate {
    /// The learner.
    pub learner: Learner,
    /// Its walk-forward MAE.
    pub mae: f64,
}

/// What training found for one position.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct PositionResult {
    /// Position.
    pub position: Position,
    /// The learner chosen.
    pub learner: Learner,
    /// The chosen model, walk-forward, on the validation rows.
    pub model: Metrics,
    /// The season-to-date average on the same rows.
    pub season_to_date: Metrics,
    /// Every learner tried.
    pub candidates: Vec<Candidate>,
    /// Rows the final model was fitted on.
    pub train_rows: u32,
    /// Validation weeks, e.g. `2022 weeks 1-22`.
    pub validation: String,
    /// Added to a projection for the floor (15th percentile of residuals).
    pub floor_offset: f64,
    /// Added to a projection for the ceiling (85th percentile of residuals).
    pub ceiling_offset: f64,
    /// Every player's range: fitted on the walk-forward residuals of every validated row (none
    /// in models trained before ranges were fitted: they use the constant offsets).
    #[serde(default)]
    pub spread: Option<SpreadModel>,
}

impl PositionResult {
    /// How much less the model erred than the season-to-date average on the same rows, as a
    /// share of the average's error (0.1: 10% less; negative: it erred more); None when the
    /// average's error is 0.
    pub fn mae_gain(&self) -> Option<f64> {
        (self.season_to_date.mae > 0.0).then(|| 1.0 - self.model.mae / self.season_to_date.mae)
    }

    /// The spread model of the position: the fitted one, else the constant offsets.
    pub fn spread_model(&self) -> SpreadModel {
        self.spread
            .clone()
            .unwrap_or_else(|| SpreadModel::constant(self.floor_offset, self.ceiling_offset))
    }
}

/// A position's result as the front ends show it, with its error gain worked out once.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct PositionSummary {
    /// The result.
    #[serde(flatten)]
    #[ts(flatten)]
    pub result: PositionResult,
    /// How much less the model erred than the season-to-date average on the same rows (0.1:
    /// 10% less; negative: more); None when the average erred 0 ([`PositionResult::mae_gain`]).
    pub mae_gain: Option<f64>,
}

impl From<PositionResult> for PositionSummary {
    fn from(result: PositionResult) -> Self {
        PositionSummary {
            mae_gain: result.mae_gain(),
            result,
        }
    }
}

/// A walk-forward prediction of a game the model did not see: what the spread is fitted on and
/// the calibration is measured on.
#[derive(Debug, Clone, PartialEq)]
pub struct Validated {
    /// What the range depends on (the prediction, his volatility).
    pub inputs: SpreadInputs,
    /// The points he scored.
    pub actual: f64,
    /// Whether the row counts in the accuracy figures ([`is_relevant`]).
    pub relevant: bool,
    /// His season-to-date average before the game (the baseline), if any.
    pub season_avg: Option<f64>,
}

/// A trained position: the model and what training found.
#[derive(Debug)]
pub struct Trained {
    /// The fitted model.
    pub model: Model,
    /// Metrics and choices.
    pub result: PositionResult,
    /// The walk-forward predictions of every validated row.
    pub validated: Vec<Validated>,
}

/// The fewest weeks of a season that walk-forward validation uses.
const VALIDATION_WEEKS: i32 = 8;

/// The season the walk-forward validation runs over: the latest one with games in week
/// [`VALIDATION_WEEKS`] or later (a season under way, or one loaded after a gap of seasons, is
/// passed over), else the latest one. None without examples.
fn validation_season(examples: &[Example]) -> Option<i32> {
    let mut last_week: HashMap<i32, i32> = HashMap::new();
    for e in examples {
        let week = last_week.entry(e.season).or_insert(e.week);
        *week = (*week).max(e.week);
    }
    let latest = last_week.keys().copied().max()?;
    Some(
        last_week
            .iter()
            .filter(|(_, &week)| week >= VALIDATION_WEEKS)
            .map(|(&season, _)| season)
            .max()
            .unwrap_or(latest),
    )
}

/// Trains one position on `examples` (all of that position, before the cut-off): walk-forward
/// over the last season with enough weeks, then the best learner on everything. The extra
/// learners are tried while `search` lasts by `clock`.
pub fn train_position(
    position: Position,
    examples: &[Example],
    search: Duration,
    clock: Clock,
) -> Result<Trained, String> {
    let key = |e: &Example| week_key(e.season, e.week);
    let season = validation_season(examples)
        .ok_or_else(|| format!("no {} games to learn from", position.as_str()))?;
    let weeks: Vec<i32> = {
        let mut w: Vec<i32> = examples
            .iter()
            .filter(|e| e.season == season)
            .map(|e| e.week)
            .collect();
        w.sort_unstable();
        w.dedup();
        w
    };
    let (Some(&first), Some(&final_week)) = (weeks.first(), weeks.last()) else {
        return Err(format!(
            "no {} season with enough weeks to validate on",
            position.as_str()
        ));
    };
    let blocks: Vec<(WeekKey, WeekKey)> = (first..=final_week)
        .step_by(BLOCK_WEEKS as usize)
        .map(|w| (week_key(season, w), week_key(season, w + BLOCK_WEEKS)))
        .collect();
    let season_rows: Vec<&Example> = examples.iter().filter(|e| e.season == season).collect();
    let relevant_rows = season_rows.iter().filter(|e| is_relevant(e)).count();
    if relevant_rows < 20 {
        return Err(format!(
            "only {relevant_rows} {} rows to validate on in {season}",
            position.as_str()
        ));
    }
    // Each fold: the weeks before a block to train on, the block's rows to predict (every row:
    // the spread is fitted on all of them, the accuracy measured on the relevant ones).
    let folds: Vec<(Vec<&Example>, Vec<&Example>)> = blocks
        .iter()
        .map(|&(from, to)| {
            let train: Vec<&Example> = examples.iter().filter(|e| key(e) < from).collect();
            let test: Vec<&Example> = season_rows
                .iter()
                .copied()
                .filter(|e| (from..to).contains(&key(e)))
                .collect();
            (train, test)
        })
        .filter(|(train, test)| train.len() >= 50 && test.iter().any(|e| is_relevant(e)))
        .collect();
    if folds.is_empty() {
        return Err(format!(
            "too little {} history before {season} to validate",
            position.as_str()
        ));
    }
    let predicted_rows: Vec<&Example> = folds
        .iter()
        .flat_map(|(_, test)| test.iter().copied())
        .collect();
    let relevant: Vec<bool> = predicted_rows.iter().map(|e| is_relevant(e)).collect();
    let measured = |values: &[f64]| -> Vec<f64> {
        values
            .iter()
            .zip(&relevant)
            .filter(|(_, r)| **r)
            .map(|(v, _)| *v)
            .collect()
    };
    let actual_all: Vec<f64> = predicted_rows.iter().map(|e| e.y).collect();
    let actual = measured(&actual_all);
    let started = clock();
    let mut candidates: Vec<(Candidate, Vec<f64>)> = Vec::new();
    let more = SEARCH_CANDIDATES.iter().take_while(|_| !search.is_zero());
    for learner in DEFAULT_CANDIDATES.iter().chain(more) {
        if !DEFAULT_CANDIDATES.contains(learner) && clock().saturating_sub(started) >= search {
            break;
        }
        let mut predicted = Vec::with_capacity(predicted_rows.len());
        for (train, test) in &folds {
            let x: Vec<Vec<f64>> = train.iter().map(|e| e.x.clone()).collect();
            let y: Vec<f64> = train.iter().map(|e| e.y).collect();
            let model = Model::fit(*learner, &x, &y)?;
            let rows: Vec<Vec<f64>> = test.iter().map(|e| e.x.clone()).collect();
            predicted.extend(model.predict(&rows)?.into_iter().map(|p| p.max(0.0)));
        }
        let mae = Metrics::of(&measured(&predicted), &actual).mae;
        candidates.push((
            Candidate {
                learner: *learner,
                mae,
            },
            predicted,
        ));
    }
    let (best, predicted_all) = candidates
        .iter()
        .min_by(|a, b| a.0.mae.total_cmp(&b.0.mae))
        .map(|(c, p)| (c.learner, p.clone()))
        .expect("the default candidates always run");
    let predicted = measured(&predicted_all);
    let baseline: Vec<f64> = predicted_rows
        .iter()
        .zip(&relevant)
        .filter(|(_, r)| **r)
        .map(|(e, _)| e.season_avg.unwrap_or(0.0))
        .collect();
    let residuals: Vec<f64> = actual.iter().zip(&predicted).map(|(a, p)| a - p).collect();
    let validated: Vec<Validated> = predicted_rows
        .iter()
        .zip(&predicted_all)
        .zip(&relevant)
        .map(|((e, &projection), &relevant)| Validated {
            inputs: e.spread_inputs(projection),
            actual: e.y,
            relevant,
            season_avg: e.season_avg,
        })
        .collect();
    let spread_rows: Vec<(SpreadInputs, f64)> =
        validated.iter().map(|v| (v.inputs, v.actual)).collect();
    let x: Vec<Vec<f64>> = examples.iter().map(|e| e.x.clone()).collect();
    let y: Vec<f64> = examples.iter().map(|e| e.y).collect();
    let model = Model::fit(best, &x, &y)?;
    Ok(Trained {
        model,
        result: PositionResult {
            position,
            learner: best,
            model: Metrics::of(&predicted, &actual),
            season_to_date: Metrics::of(&baseline, &actual),
            candidates: candidates.into_iter().map(|(c, _)| c).collect(),
            train_rows: examples.len() as u32,
            validation: format!("{season} weeks {first}-{final_week}"),
            floor_offset: quantile(&residuals, 0.15),
            ceiling_offset: quantile(&residuals, 0.85),
            spread: SpreadModel::fit(&spread_rows),
        },
        validated,
    })
}

/// Trains every position on the weeks before `until`, positions in parallel on `threads`
/// threads; `search` is the time box of each position's extra learners, by `clock`.
pub fn train_all(
    features: &Features,
    until: WeekKey,
    search: Duration,
    clock: Clock,
    threads: usize,
) -> Result<Vec<Trained>, String> {
    let examples = features.examples(0, until);
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads.max(1))
        .build()
        .map_err(|e| e.to_string())?;
    pool.install(|| {
        use rayon::prelude::*;
        POSITIONS
            .par_iter()
            .map(|&position| {
                let rows: Vec<Example> = examples
                    .iter()
                    .filter(|e| e.position == position)
                    .cloned()
                    .collect();
                train_position(position, &rows, search, clock)
            })
            .collect()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn example(season: i32, week: i32) -> Example {
        Example {
            id: "00-0000001".into(),
            name: "Test Player".into(),
            position: Position::WR,
            season,
            week,
            x: vec![],
            y: 0.0,
            season_avg: None,
            games_season: 0,
            volatility: 0.0,
            volatility_games: 0,
        }
    }

    #[test]
    fn validation_runs_over_the_latest_season_with_enough_weeks() {
        let full = |season| (1..=17).map(move |w| example(season, w));
        let mut examples: Vec<Example> = full(2021).chain(full(2022)).collect();
        assert_eq!(validation_season(&examples), Some(2022));
        // A season under way, right after or after a gap of seasons, is passed over.
        examples.extend((1..=2).map(|w| example(2023, w)));
        assert_eq!(validation_season(&examples), Some(2022));
        examples.extend((1..=3).map(|w| example(2026, w)));
        assert_eq!(validation_season(&examples), Some(2022));
        // Once it reaches the validation weeks, it is the one.
        examples.extend((4..=VALIDATION_WEEKS).map(|w| example(2026, w)));
        assert_eq!(validation_season(&examples), Some(2026));
        // Only short seasons: the latest.
        let short: Vec<Example> = (1..=3).map(|w| example(2024, w)).collect();
        assert_eq!(validation_season(&short), Some(2024));
        assert_eq!(validation_season(&[]), None);
    }
}
