//! Each player's range of outcomes: quantiles whose width depends on the player, not only his
//! position. A position's spread model says how far a player's score strays from his projection
//! (a scale from the projection's level and his own game-to-game volatility) and the shape of
//! that straying (quantiles of the scaled residuals, so a right-skewed position stays skewed).
//! Both are fitted on walk-forward residuals: predictions of games the model never saw.

use super::metrics::quantile;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// The quantile levels every distribution carries, lowest first.
pub const LEVELS: [f64; 5] = [0.05, 0.15, 0.50, 0.85, 0.95];

/// Games of his own after which a player's volatility counts fully (fewer: it is shrunk toward
/// what his projection level implies).
const VOLATILITY_GAMES: f64 = 6.0;

/// The smallest scale, in points (a projection of 0 still has some range).
const MIN_SCALE: f64 = 0.5;

/// A player's DraftKings points at the 5th, 15th, 50th, 85th and 95th percentiles.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, TS)]
pub struct Quantiles {
    /// 5th percentile.
    pub p05: f64,
    /// 15th percentile (the floor).
    pub p15: f64,
    /// Median.
    pub p50: f64,
    /// 85th percentile (the ceiling).
    pub p85: f64,
    /// 95th percentile.
    pub p95: f64,
}

impl Quantiles {
    /// The same value at every level (a range nothing is known about).
    pub fn point(value: f64) -> Quantiles {
        Quantiles::from_array([value; 5])
    }

    /// From values at [`LEVELS`].
    pub fn from_array(v: [f64; 5]) -> Quantiles {
        Quantiles {
            p05: v[0],
            p15: v[1],
            p50: v[2],
            p85: v[3],
            p95: v[4],
        }
    }

    /// The values at [`LEVELS`].
    pub fn to_array(self) -> [f64; 5] {
        [self.p05, self.p15, self.p50, self.p85, self.p95]
    }

    /// Every quantile moved by `delta` (not below 0).
    pub fn shifted(self, delta: f64) -> Quantiles {
        Quantiles::from_array(self.to_array().map(|v| (v + delta).max(0.0)))
    }

    /// The distribution of a projection `from` moved to `to`: every quantile scaled by
    /// `to / from`, as ranges widen with the projection; moved by the difference instead where
    /// `from` is under a point (nothing to scale).
    pub fn moved_to(self, from: f64, to: f64) -> Quantiles {
        if from < 1.0 {
            return self.shifted(to - from);
        }
        Quantiles::from_array(self.to_array().map(|v| (v * to / from).max(0.0)))
    }

    /// The value at level `q` (0..1), linear between the known levels and flat beyond them.
    pub fn at(&self, q: f64) -> f64 {
        let v = self.to_array();
        if q <= LEVELS[0] {
            return v[0];
        }
        for i in 1..LEVELS.len() {
            if q <= LEVELS[i] {
                let t = (q - LEVELS[i - 1]) / (LEVELS[i] - LEVELS[i - 1]);
                return v[i - 1] + t * (v[i] - v[i - 1]);
            }
        }
        v[4]
    }

    /// The quantiles of what he scores when he plays with probability `p` (0 when he sits).
    pub fn with_play_probability(&self, p: f64) -> Quantiles {
        Quantiles::from_array(LEVELS.map(|q| mixture_quantile(q, p, |u| self.at(u))))
    }
}

/// What the spread of one prediction depends on.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SpreadInputs {
    /// The projection if he plays.
    pub projection: f64,
    /// Standard deviation of his DraftKings points over his recent games (0 without any).
    pub volatility: f64,
    /// How many of his games that standard deviation is taken over.
    pub games: usize,
}

impl SpreadInputs {
    /// The regressors of the scale: 1, the projection, his volatility weighted by how many games
    /// it rests on, and that weight.
    fn regressors(&self) -> [f64; 4] {
        let w = self.games as f64 / (self.games as f64 + VOLATILITY_GAMES);
        [1.0, self.projection, w * self.volatility, w]
    }
}

/// A position's spread: scale = coefficients · regressors, quantiles = projection + scale · z.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct SpreadModel {
    /// Coefficients of 1, the projection, weighted volatility and the weight.
    pub coefficients: [f64; 4],
    /// Quantiles of residual / scale at [`LEVELS`].
    pub z: [f64; 5],
}

impl SpreadModel {
    /// A model of constant width from a position's 15th and 85th residual percentiles (models
    /// trained before spreads were fitted); the 5th and 95th are the normal's ratio further out.
    pub fn constant(floor_offset: f64, ceiling_offset: f64) -> SpreadModel {
        const OUTER: f64 = 1.645 / 1.036;
        SpreadModel {
            coefficients: [1.0, 0.0, 0.0, 0.0],
            z: [
                OUTER * floor_offset,
                floor_offset,
                0.0,
                ceiling_offset,
                OUTER * ceiling_offset,
            ],
        }
    }

    /// Fits the scale by least squares of |residual| on the regressors, then the shape as the
    /// quantiles of residual / scale. `rows` are (inputs, actual points); `None` with fewer
    /// than 30 rows.
    pub fn fit(rows: &[(SpreadInputs, f64)]) -> Option<SpreadModel> {
        if rows.len() < 30 {
            return None;
        }
        let mut xtx = [[0.0; 4]; 4];
        let mut xty = [0.0; 4];
        for (inputs, actual) in rows {
            let x = inputs.regressors();
            let target = (actual - inputs.projection).abs();
            for i in 0..4 {
                xty[i] += x[i] * target;
                for j in 0..4 {
                    xtx[i][j] += x[i] * x[j];
                }
            }
        }
        // A light ridge keeps the solve stable when a regressor barely varies.
        for (i, row) in xtx.iter_mut().enumerate() {
            row[i] += 1e-6 * rows.len() as f64;
        }
        let coefficients = solve(xtx, xty)?;
        let mut model = SpreadModel {
            coefficients,
            z: [0.0; 5],
        };
        let scaled: Vec<f64> = rows
            .iter()
            .map(|(inputs, actual)| (actual - inputs.projection) / model.scale(inputs))
            .collect();
        model.z = LEVELS.map(|q| quantile(&scaled, q));
        model
            .z
            .iter()
            .chain(&model.coefficients)
            .all(|v| v.is_finite())
            .then_some(model)
    }

    /// The scale of a prediction, in points (at least [`MIN_SCALE`]).
    pub fn scale(&self, inputs: &SpreadInputs) -> f64 {
        let x = inputs.regressors();
        let s: f64 = self.coefficients.iter().zip(x).map(|(c, x)| c * x).sum();
        s.max(MIN_SCALE)
    }

    /// A player's quantiles if he plays (never below 0, never decreasing).
    pub fn quantiles(&self, inputs: &SpreadInputs) -> Quantiles {
        let scale = self.scale(inputs);
        let mut v = self.z.map(|z| (inputs.projection + scale * z).max(0.0));
        for i in 1..v.len() {
            v[i] = v[i].max(v[i - 1]);
        }
        Quantiles::from_array(v)
    }
}

/// Solves a 4×4 linear system by Gaussian elimination with partial pivoting.
fn solve(mut a: [[f64; 4]; 4], mut b: [f64; 4]) -> Option<[f64; 4]> {
    for col in 0..4 {
        let pivot = (col..4).max_by(|&i, &j| a[i][col].abs().total_cmp(&a[j][col].abs()))?;
        if a[pivot][col].abs() < 1e-12 {
            return None;
        }
        a.swap(col, pivot);
        b.swap(col, pivot);
        let pivot_row = a[col];
        for row in col + 1..4 {
            let f = a[row][col] / pivot_row[col];
            for (cell, p) in a[row].iter_mut().zip(pivot_row).skip(col) {
                *cell -= f * p;
            }
            b[row] -= f * b[col];
        }
    }
    let mut x = [0.0; 4];
    for row in (0..4).rev() {
        let rest: f64 = (row + 1..4).map(|k| a[row][k] * x[k]).sum();
        x[row] = (b[row] - rest) / a[row][row];
    }
    Some(x)
}

/// Standard deviation of values (0 for fewer than two).
pub fn std_dev(values: &[f64]) -> f64 {
    if values.len() < 2 {
        return 0.0;
    }
    let n = values.len() as f64;
    let mean = values.iter().sum::<f64>() / n;
    (values.iter().map(|v| (v - mean).powi(2)).sum::<f64>() / (n - 1.0)).sqrt()
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

    #[test]
    fn a_moved_projection_scales_its_range_or_shifts_it_from_under_a_point() {
        let q = Quantiles::from_array([2.0, 4.0, 8.0, 14.0, 18.0]);
        assert_eq!(
            q.moved_to(8.0, 16.0).to_array(),
            [4.0, 8.0, 16.0, 28.0, 36.0]
        );
        let small = Quantiles::from_array([0.0, 0.1, 0.5, 1.0, 2.0]);
        assert_eq!(
            small.moved_to(0.5, 3.0).to_array(),
            [2.5, 2.6, 3.0, 3.5, 4.5]
        );
    }

    /// Residuals whose size grows with the player's own volatility: a volatile player gets a
    /// wider range than a steady one at the same projection, and the shares inside the fitted
    /// 15-85 and 5-95 ranges are close to 70% and 90%.
    #[test]
    fn the_range_widens_with_the_players_volatility_and_covers_what_it_says() {
        let mut rows = Vec::new();
        let mut state = 7u64;
        let mut uniform = || {
            state = state
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            ((state >> 11) as f64 + 0.5) / (1u64 << 53) as f64
        };
        for i in 0..4000 {
            let volatility = if i % 2 == 0 { 2.0 } else { 8.0 };
            let inputs = SpreadInputs {
                projection: 12.0,
                volatility,
                games: 12,
            };
            // Exponential noise minus its mean: skewed to the right like DraftKings points.
            let noise = -(uniform().ln()) - 1.0;
            rows.push((inputs, 12.0 + volatility * noise));
        }
        let model = SpreadModel::fit(&rows).expect("fits");
        let steady = model.quantiles(&rows[0].0);
        let volatile = model.quantiles(&rows[1].0);
        assert!(volatile.p85 - volatile.p15 > 2.5 * (steady.p85 - steady.p15));
        assert!(
            steady.p95 - steady.p50 > steady.p50 - steady.p05,
            "skew kept"
        );
        let inside = |lo: fn(&Quantiles) -> f64, hi: fn(&Quantiles) -> f64| {
            rows.iter()
                .filter(|(i, a)| {
                    let q = model.quantiles(i);
                    (lo(&q)..=hi(&q)).contains(a)
                })
                .count() as f64
                / rows.len() as f64
        };
        assert!((inside(|q| q.p15, |q| q.p85) - 0.70).abs() < 0.02);
        assert!((inside(|q| q.p05, |q| q.p95) - 0.90).abs() < 0.02);
    }

    #[test]
    fn too_few_rows_fit_nothing_and_quantiles_never_decrease_or_go_below_zero() {
        let few = vec![
            (
                SpreadInputs {
                    projection: 1.0,
                    volatility: 1.0,
                    games: 1,
                },
                2.0,
            );
            29
        ];
        assert!(SpreadModel::fit(&few).is_none());
        let model = SpreadModel::constant(-5.0, 6.0);
        let q = model.quantiles(&SpreadInputs {
            projection: 2.0,
            volatility: 0.0,
            games: 0,
        });
        let v = q.to_array();
        assert!(v.windows(2).all(|w| w[0] <= w[1]));
        assert_eq!(q.p05, 0.0);
        assert_eq!(q.p50, 2.0);
    }

    #[test]
    fn a_player_who_may_sit_has_his_low_quantiles_at_zero() {
        let q = Quantiles::from_array([4.0, 8.0, 12.0, 18.0, 24.0]);
        assert_eq!(q.with_play_probability(1.0), q);
        let may_sit = q.with_play_probability(0.8);
        assert_eq!(may_sit.p05, 0.0);
        assert_eq!(may_sit.p15, 0.0);
        // The 50th percentile of the mixture is the 37.5th of his range when he plays.
        assert!((may_sit.p50 - q.at(0.375)).abs() < 1e-9);
        assert_eq!(q.with_play_probability(0.0), Quantiles::point(0.0));
        assert_eq!(q.at(0.0), 4.0);
        assert_eq!(q.at(1.0), 24.0);
        assert!((q.at(0.325) - 10.0).abs() < 1e-9);
    }

    #[test]
    fn standard_deviation() {
        assert_eq!(std_dev(&[3.0]), 0.0);
        assert!((std_dev(&[2.0, 4.0, 4.0, 4.0, 5.0, 5.0, 7.0, 9.0]) - 2.138).abs() < 1e-3);
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
