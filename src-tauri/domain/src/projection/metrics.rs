//! Accuracy of predictions against what happened.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// Error measures over a set of rows.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, TS)]
pub struct Metrics {
    /// Rows measured.
    pub rows: u32,
    /// Mean absolute error.
    pub mae: f64,
    /// Root mean squared error.
    pub rmse: f64,
    /// Pearson correlation of predicted and actual (0 when either is constant).
    pub correlation: f64,
}

impl Metrics {
    /// Measures `predicted` against `actual` (same length).
    pub fn of(predicted: &[f64], actual: &[f64]) -> Metrics {
        let n = predicted.len().min(actual.len());
        if n == 0 {
            return Metrics {
                rows: 0,
                mae: 0.0,
                rmse: 0.0,
                correlation: 0.0,
            };
        }
        let nf = n as f64;
        let (p, a) = (&predicted[..n], &actual[..n]);
        let mae = p.iter().zip(a).map(|(p, a)| (p - a).abs()).sum::<f64>() / nf;
        let rmse = (p.iter().zip(a).map(|(p, a)| (p - a).powi(2)).sum::<f64>() / nf).sqrt();
        let (mp, ma) = (p.iter().sum::<f64>() / nf, a.iter().sum::<f64>() / nf);
        let cov: f64 = p.iter().zip(a).map(|(p, a)| (p - mp) * (a - ma)).sum();
        let vp: f64 = p.iter().map(|p| (p - mp).powi(2)).sum();
        let va: f64 = a.iter().map(|a| (a - ma).powi(2)).sum();
        let correlation = if vp > 0.0 && va > 0.0 {
            cov / (vp * va).sqrt()
        } else {
            0.0
        };
        Metrics {
            rows: n as u32,
            mae,
            rmse,
            correlation,
        }
    }
}

/// The `q` quantile (0..=1) of values, by linear interpolation; 0 for none.
pub fn quantile(values: &[f64], q: f64) -> f64 {
    if values.is_empty() {
        return 0.0;
    }
    let mut sorted = values.to_vec();
    sorted.sort_by(f64::total_cmp);
    let at = q.clamp(0.0, 1.0) * (sorted.len() - 1) as f64;
    let (lo, hi) = (at.floor() as usize, at.ceil() as usize);
    sorted[lo] + (sorted[hi] - sorted[lo]) * (at - lo as f64)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn metrics_of_known_values() {
        let m = Metrics::of(&[1.0, 2.0, 3.0], &[2.0, 2.0, 5.0]);
        assert_eq!(m.rows, 3);
        assert!((m.mae - 1.0).abs() < 1e-12);
        assert!((m.rmse - (5.0f64 / 3.0).sqrt()).abs() < 1e-12);
        assert!((m.correlation - 0.866_025_403_784_438_6).abs() < 1e-9);
        assert_eq!(Metrics::of(&[1.0, 1.0], &[0.0, 3.0]).correlation, 0.0);
        assert_eq!(quantile(&[4.0, 1.0, 3.0, 2.0], 0.5), 2.5);
        assert_eq!(quantile(&[], 0.5), 0.0);
    }
}
