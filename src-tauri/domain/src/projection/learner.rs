//! The learners (smartcore): ridge and elastic-net regression on standardised features, and a
//! random forest. A fitted [`Model`] holds its scaler and serialises with serde; floats
//! round-trip exactly (serde_json `float_roundtrip`), which a test checks prediction by
//! prediction.

use serde::{Deserialize, Serialize};
use smartcore::ensemble::random_forest_regressor::{
    RandomForestRegressor, RandomForestRegressorParameters,
};
use smartcore::linalg::basic::arrays::Array;
use smartcore::linalg::basic::matrix::DenseMatrix;
use smartcore::linear::elastic_net::{ElasticNet, ElasticNetParameters};
use smartcore::linear::ridge_regression::{RidgeRegression, RidgeRegressionParameters};
use std::fmt;
use ts_rs::TS;

type Matrix = DenseMatrix<f64>;

// smartcore fits the intercept of ridge and elastic-net only with `normalize` on; on features
// already standardised by the [`Scaler`] that changes nothing else.

/// A learner and its hyperparameters.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Learner {
    /// Ridge regression.
    Ridge {
        /// L2 penalty.
        alpha: f64,
    },
    /// Elastic-net regression.
    ElasticNet {
        /// Penalty.
        alpha: f64,
        /// Share of L1 in the penalty.
        l1_ratio: f64,
    },
    /// Random forest.
    Forest {
        /// Trees.
        trees: u16,
        /// Deepest a tree grows.
        depth: u16,
        /// Fewest samples in a leaf.
        leaf: u16,
    },
}

impl fmt::Display for Learner {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Learner::Ridge { alpha } => write!(f, "ridge(alpha={alpha})"),
            Learner::ElasticNet { alpha, l1_ratio } => {
                write!(f, "elastic-net(alpha={alpha}, l1={l1_ratio})")
            }
            Learner::Forest { trees, depth, leaf } => {
                write!(f, "forest(trees={trees}, depth={depth}, leaf={leaf})")
            }
        }
    }
}

/// A standardised feature further than this many standard deviations from the training mean is
/// taken at this distance: a player whose stats are of another position (a quarterback listed as
/// a tight end) cannot push a model far outside what it learnt.
const CLIP_SD: f64 = 5.0;

/// Standardisation of each feature, (x - mean) / sd, clipped at [`CLIP_SD`], dropping the
/// features that were constant in training (they carry nothing, and smartcore refuses to
/// rescale them).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Scaler {
    mean: Vec<f64>,
    sd: Vec<f64>,
    keep: Vec<bool>,
}

impl Scaler {
    fn fit(rows: &[Vec<f64>]) -> Scaler {
        let width = rows.first().map_or(0, Vec::len);
        let n = rows.len().max(1) as f64;
        let mean: Vec<f64> = (0..width)
            .map(|j| rows.iter().map(|r| r[j]).sum::<f64>() / n)
            .collect();
        let var: Vec<f64> = (0..width)
            .map(|j| rows.iter().map(|r| (r[j] - mean[j]).powi(2)).sum::<f64>() / n)
            .collect();
        let mut keep: Vec<bool> = var.iter().map(|v| *v > 1e-12).collect();
        if !keep.contains(&true) {
            keep = vec![true; width];
        }
        let sd = var
            .iter()
            .map(|v| if *v > 1e-12 { v.sqrt() } else { 1.0 })
            .collect();
        Scaler { mean, sd, keep }
    }

    fn apply(&self, rows: &[Vec<f64>]) -> Vec<Vec<f64>> {
        rows.iter()
            .map(|r| {
                r.iter()
                    .zip(self.mean.iter().zip(&self.sd))
                    .zip(&self.keep)
                    .filter(|(_, keep)| **keep)
                    .map(|((v, (m, s)), _)| ((v - m) / s).clamp(-CLIP_SD, CLIP_SD))
                    .collect()
            })
            .collect()
    }
}

/// A fitted smartcore model.
#[derive(Debug, Serialize, Deserialize)]
enum Fitted {
    Ridge(RidgeRegression<f64, f64, Matrix, Vec<f64>>),
    ElasticNet(ElasticNet<f64, f64, Matrix, Vec<f64>>),
    Forest(RandomForestRegressor<f64, f64, Matrix, Vec<f64>>),
}

/// Targets are learnt as `sqrt(y + SHIFT)` and predictions squared back: fantasy points are
/// skewed right, and the back-transformed prediction sits nearer the median, which is what
/// the absolute error rewards. The shift keeps DST scores (down to -4) above zero.
const SHIFT: f64 = 5.0;

/// A fitted model: learner, scaler and smartcore model.
#[derive(Debug, Serialize, Deserialize)]
pub struct Model {
    /// What was fitted.
    pub learner: Learner,
    /// Features per row.
    pub width: usize,
    scaler: Scaler,
    fitted: Fitted,
    /// The highest target in training: no prediction goes above it (models saved before it was
    /// kept have none).
    #[serde(default = "unbounded")]
    max_target: f64,
}

fn unbounded() -> f64 {
    f64::INFINITY
}

/// Runs smartcore code that may panic on a model it did not fit itself (a damaged or crafted
/// file): a panic becomes an error.
/// The panic is logged, not printed: the hook installed once here stays quiet for panics
/// inside `guarded` and hands every other panic to the hook that was there before.
fn guarded<T>(f: impl FnOnce() -> T) -> Result<T, String> {
    static HOOK: std::sync::Once = std::sync::Once::new();
    thread_local! {
        static QUIET: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
    }
    HOOK.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            if QUIET.with(std::cell::Cell::get) {
                let payload = info.payload();
                let what = payload
                    .downcast_ref::<&str>()
                    .copied()
                    .or_else(|| payload.downcast_ref::<String>().map(String::as_str))
                    .unwrap_or("no message");
                let at = info.location().map(ToString::to_string).unwrap_or_default();
                tracing::warn!("a model failed inside smartcore ({at}): {what}");
            } else {
                previous(info);
            }
        }));
    });
    QUIET.with(|q| q.set(true));
    let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(f));
    QUIET.with(|q| q.set(false));
    result.map_err(|_| {
        "the model's parts do not fit together (damaged or not made by NFL DFS)".into()
    })
}

fn matrix(rows: &[Vec<f64>]) -> Result<Matrix, String> {
    DenseMatrix::from_2d_vec(&rows.to_vec()).map_err(|e| e.to_string())
}

impl Model {
    /// Fits `learner` on rows `x` and targets `y`.
    pub fn fit(learner: Learner, x: &[Vec<f64>], y: &[f64]) -> Result<Model, String> {
        if x.is_empty() || x.len() != y.len() {
            return Err(format!("{} rows and {} targets", x.len(), y.len()));
        }
        let scaler = Scaler::fit(x);
        let m = matrix(&scaler.apply(x))?;
        let max_target = y.iter().copied().fold(f64::NEG_INFINITY, f64::max);
        let y: Vec<f64> = y.iter().map(|v| (v + SHIFT).max(0.0).sqrt()).collect();
        let fitted = match learner {
            Learner::Ridge { alpha } => Fitted::Ridge(
                RidgeRegression::fit(
                    &m,
                    &y,
                    RidgeRegressionParameters::default()
                        .with_alpha(alpha)
                        .with_normalize(true),
                )
                .map_err(|e| e.to_string())?,
            ),
            Learner::ElasticNet { alpha, l1_ratio } => Fitted::ElasticNet(
                ElasticNet::fit(
                    &m,
                    &y,
                    ElasticNetParameters::default()
                        .with_alpha(alpha)
                        .with_l1_ratio(l1_ratio)
                        .with_normalize(true),
                )
                .map_err(|e| e.to_string())?,
            ),
            Learner::Forest { trees, depth, leaf } => Fitted::Forest(
                RandomForestRegressor::fit(
                    &m,
                    &y,
                    RandomForestRegressorParameters::default()
                        .with_n_trees(usize::from(trees))
                        .with_max_depth(depth)
                        .with_min_samples_leaf(usize::from(leaf))
                        .with_min_samples_split(usize::from(leaf) * 2)
                        .with_m((x[0].len() / 3).max(1))
                        .with_seed(42),
                )
                .map_err(|e| e.to_string())?,
            ),
        };
        Ok(Model {
            learner,
            width: x[0].len(),
            scaler,
            fitted,
            max_target,
        })
    }

    /// Checks that the parts of a loaded model fit together (the scaler's width, the features
    /// it keeps, the coefficients), so a crafted or damaged file is refused with a message
    /// instead of failing inside smartcore.
    pub fn check_shapes(&self) -> Result<(), String> {
        let scaler = &self.scaler;
        if [scaler.mean.len(), scaler.sd.len(), scaler.keep.len()] != [self.width; 3] {
            return Err(format!("its scaler does not have {} features", self.width));
        }
        if scaler.mean.iter().chain(&scaler.sd).any(|v| !v.is_finite())
            || scaler.sd.iter().any(|v| *v <= 0.0)
        {
            return Err("its scaler holds values that are not positive numbers".into());
        }
        let kept = scaler.keep.iter().filter(|k| **k).count();
        if kept == 0 {
            return Err("its scaler keeps no feature".into());
        }
        let coefficients = guarded(|| match &self.fitted {
            Fitted::Ridge(r) => Some(r.coefficients().shape()),
            Fitted::ElasticNet(r) => Some(r.coefficients().shape()),
            Fitted::Forest(_) => None,
        })?;
        if let Some((rows, cols)) = coefficients {
            if (rows, cols) != (kept, 1) {
                return Err(format!(
                    "it has {rows}x{cols} coefficients for {kept} features"
                ));
            }
        }
        Ok(())
    }

    /// Predicts one value per row; rows of the wrong width are refused, and a model whose parts
    /// do not fit is an error, never a panic.
    pub fn predict(&self, x: &[Vec<f64>]) -> Result<Vec<f64>, String> {
        if let Some(bad) = x.iter().find(|r| r.len() != self.width) {
            return Err(format!(
                "a row has {} features; the model takes {}",
                bad.len(),
                self.width
            ));
        }
        if x.is_empty() {
            return Ok(Vec::new());
        }
        self.check_shapes()?;
        let m = matrix(&self.scaler.apply(x))?;
        let out = guarded(|| match &self.fitted {
            Fitted::Ridge(r) => r.predict(&m),
            Fitted::ElasticNet(r) => r.predict(&m),
            Fitted::Forest(r) => r.predict(&m),
        })?
        .map_err(|e| e.to_string())?;
        if out.len() != x.len() {
            return Err(format!(
                "the model made {} predictions for {} rows",
                out.len(),
                x.len()
            ));
        }
        let points: Vec<f64> = out
            .into_iter()
            .map(|v| (v.max(0.0).powi(2) - SHIFT).min(self.max_target))
            .collect();
        if points.iter().any(|v| !v.is_finite()) {
            return Err("the model predicts a value that is not a number".into());
        }
        Ok(points)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn data() -> (Vec<Vec<f64>>, Vec<f64>) {
        let x: Vec<Vec<f64>> = (0..200)
            .map(|i| {
                let a = f64::from(i % 17);
                let b = f64::from((i * 7) % 13);
                vec![a, b, a * b / 10.0]
            })
            .collect();
        let y = x
            .iter()
            .map(|r| 2.0 * r[0] - r[1] + 0.5 * r[2] + 3.0)
            .collect();
        (x, y)
    }

    /// A row far outside the training rows (a quarterback's passing volume fed to a tight-end
    /// model) gets a prediction within what the model saw, not an extrapolation.
    #[test]
    fn a_row_far_outside_training_is_not_extrapolated() {
        let (x, y) = data();
        let highest = y.iter().copied().fold(f64::MIN, f64::max);
        let model = Model::fit(Learner::Ridge { alpha: 0.1 }, &x, &y).unwrap();
        let wild = model.predict(&[vec![1000.0, 0.0, 500.0]]).unwrap()[0];
        assert!(wild <= highest, "{wild} > {highest}");
        let edge = model.predict(&[vec![16.0, 0.0, 0.0]]).unwrap()[0];
        assert!(
            (edge - 35.0).abs() < 3.0,
            "inside the range it still fits: {edge}"
        );
    }

    #[test]
    fn every_learner_fits_and_survives_a_json_round_trip_exactly() {
        let (x, y) = data();
        for learner in [
            Learner::Ridge { alpha: 0.1 },
            Learner::ElasticNet {
                alpha: 0.01,
                l1_ratio: 0.5,
            },
            Learner::Forest {
                trees: 20,
                depth: 8,
                leaf: 3,
            },
        ] {
            let model = Model::fit(learner, &x, &y).unwrap();
            let before = model.predict(&x).unwrap();
            let mae = before
                .iter()
                .zip(&y)
                .map(|(p, t)| (p - t).abs())
                .sum::<f64>()
                / 200.0;
            assert!(mae < 3.0, "{learner}: MAE {mae}");
            let text = serde_json::to_string(&model).unwrap();
            let back: Model = serde_json::from_str(&text).unwrap();
            let after = back.predict(&x).unwrap();
            assert!(
                before
                    .iter()
                    .zip(&after)
                    .all(|(a, b)| a.to_bits() == b.to_bits()),
                "{learner}: predictions change after a round trip"
            );
            assert!(
                back.predict(&[vec![1.0, 2.0]]).is_err(),
                "wrong width refused"
            );
        }
    }

    #[test]
    fn a_feature_constant_in_training_is_dropped_not_refused() {
        let (x, y) = data();
        let x: Vec<Vec<f64>> = x
            .into_iter()
            .map(|mut r| {
                r.push(0.0);
                r
            })
            .collect();
        for learner in [
            Learner::Ridge { alpha: 1.0 },
            Learner::ElasticNet {
                alpha: 0.01,
                l1_ratio: 0.5,
            },
        ] {
            let model = Model::fit(learner, &x, &y).unwrap();
            assert_eq!(model.width, 4);
            assert_eq!(model.predict(&x).unwrap().len(), x.len());
        }
    }
}
