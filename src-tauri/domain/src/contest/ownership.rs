//! Projected ownership: the share of a contest's lineups that will hold each player. A player's
//! score is a weighted sum of what the field looks at (his value, his rank by value and by
//! projection at his position, his salary, his projection, his team's implied total); within a
//! position the shares are proportional to `exp(score)` and sum to what a full field drafts
//! there (QB 100%, RB 200%, WR 300%, TE 100%, DST 100%, plus the FLEX's 100% split by how
//! often the field puts each position there), no player above 100%. The weights are fitted
//! on real contests' `%Drafted` by least squares on log ownership within each slate and
//! position. [`baseline`] is the plain alternative the fit is measured against: ownership
//! proportional to value within a position.

use super::simulate::correlations::cholesky;
use crate::dk::Position;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// What the field puts at FLEX when nothing better is known: RB, WR, TE shares measured on the
/// two shared 2,272-entry DraftKings fields of 2018 (79-85% RB, 12-19% WR, 2-4% TE).
pub const FLEX_SHARES: [f64; 3] = [0.8, 0.17, 0.03];

/// Features a player's ownership score is made of.
pub const FEATURES: [&str; 6] = [
    "log value",
    "log rank by value",
    "log rank by projection",
    "salary / $10,000",
    "projection / 10",
    "team implied total / 10",
];

/// The features the app fits: value alone (an exponent on it). On the two shared 2018
/// contests, left out one at a time, it beat the value-proportional baseline (9.23 and 8.21
/// points against 9.41 and 8.22); adding salary, the ranks or the projection did worse
/// (8.9-10.3): two slates do not carry more weights (`scripts/bench-contests.sh`).
pub const FITTED_FEATURES: [bool; 6] = [true, false, false, false, false, false];

/// Ownership below this (percent) counts as this in the log (a player nobody drafted).
const LOG_FLOOR: f64 = 0.2;
/// Ridge penalty of the fit, on standardised features.
const RIDGE: f64 = 1.0;
/// Implied team total used where the game has no betting line.
const DEFAULT_TEAM_TOTAL: f64 = 22.5;

/// The model shipped with the app, fitted on the shared DraftKings contests with `%Drafted`
/// (`scripts/bench-contests.sh` refits it and prints its leave-one-slate-out error).
pub fn shipped() -> OwnershipModel {
    serde_json::from_str(include_str!("ownership_default.json"))
        .expect("the shipped ownership model is valid JSON")
}

/// A slate player as the ownership model sees him.
#[derive(Debug, Clone, PartialEq)]
pub struct OwnershipPlayer {
    /// Position.
    pub position: Position,
    /// Salary in dollars.
    pub salary: u32,
    /// The projection the pages show (expected points).
    pub projection: f64,
    /// His team's implied points (total and spread), where the game has lines.
    pub team_total: Option<f64>,
    /// Whether he can be drafted at all (a player the field cannot pick is owned 0%).
    pub playable: bool,
}

/// The fitted weights, and what the field puts at FLEX.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OwnershipModel {
    /// One weight per entry of [`FEATURES`].
    pub weights: Vec<f64>,
    /// Share of FLEX spots filled by an RB, a WR and a TE (sums to 1).
    pub flex: [f64; 3],
    /// Slates the fit rests on.
    pub slates: u32,
}

impl OwnershipModel {
    /// Checks a loaded model: one finite weight per feature and FLEX shares that sum to 1.
    pub fn check(&self) -> Result<(), String> {
        if self.weights.len() != FEATURES.len() || self.weights.iter().any(|w| !w.is_finite()) {
            return Err(format!(
                "the ownership model needs {} finite weights",
                FEATURES.len()
            ));
        }
        let sum: f64 = self.flex.iter().sum();
        if self.flex.iter().any(|f| !f.is_finite() || *f < 0.0) || (sum - 1.0).abs() > 1e-6 {
            return Err("the ownership model's FLEX shares must be at least 0 and sum to 1".into());
        }
        Ok(())
    }

    /// Each player's projected ownership, percent.
    pub fn predict(&self, players: &[OwnershipPlayer]) -> Vec<f64> {
        let rows = features(players);
        let scores: Vec<f64> = rows
            .iter()
            .map(|f| f.iter().zip(&self.weights).map(|(x, w)| x * w).sum())
            .collect();
        spread_by_position(players, &scores, self.flex)
    }

    /// Fits the weights of [`FITTED_FEATURES`] on slates whose real ownership is known
    /// (`actual[i]` in percent for `players[i]`), with the field's FLEX shares `flex`.
    pub fn fit(slates: &[(Vec<OwnershipPlayer>, Vec<f64>)], flex: [f64; 3]) -> OwnershipModel {
        OwnershipModel::fit_features(slates, flex, &FITTED_FEATURES)
    }

    /// [`OwnershipModel::fit`] on the features marked `used` only (the others weigh 0).
    pub fn fit_features(
        slates: &[(Vec<OwnershipPlayer>, Vec<f64>)],
        flex: [f64; 3],
        used: &[bool; FEATURES.len()],
    ) -> OwnershipModel {
        let k = FEATURES.len();
        // Centre features and targets within each slate and position: only differences
        // inside a position matter once the shares are normalised.
        let mut xs: Vec<Vec<f64>> = Vec::new();
        let mut ys: Vec<f64> = Vec::new();
        for (players, actual) in slates {
            let rows = features(players);
            for position in Position::ALL {
                let members: Vec<usize> = (0..players.len())
                    .filter(|&i| players[i].position == position && players[i].playable)
                    .collect();
                if members.len() < 2 {
                    continue;
                }
                let n = members.len() as f64;
                let mean_x: Vec<f64> = (0..k)
                    .map(|j| members.iter().map(|&i| rows[i][j]).sum::<f64>() / n)
                    .collect();
                let target = |i: usize| (actual[i].max(0.0) + LOG_FLOOR).ln();
                let mean_y = members.iter().map(|&i| target(i)).sum::<f64>() / n;
                for &i in &members {
                    xs.push(
                        (0..k)
                            .map(|j| if used[j] { rows[i][j] - mean_x[j] } else { 0.0 })
                            .collect(),
                    );
                    ys.push(target(i) - mean_y);
                }
            }
        }
        let weights = ridge(&xs, &ys, k);
        OwnershipModel {
            weights,
            flex,
            slates: slates.len() as u32,
        }
    }
}

/// Ownership proportional to value (projection per $1,000) within each position, normalised
/// like the model's.
pub fn baseline(players: &[OwnershipPlayer], flex: [f64; 3]) -> Vec<f64> {
    let scores: Vec<f64> = players.iter().map(|p| value(p).max(1e-6).ln()).collect();
    spread_by_position(players, &scores, flex)
}

/// Mean absolute error in percentage points over the players at least 1% owned in reality
/// (0 when there are none): how the ownership targets of issue 17 are measured.
pub fn mean_error(predicted: &[f64], actual: &[f64]) -> f64 {
    let errors: Vec<f64> = predicted
        .iter()
        .zip(actual)
        .filter(|(_, a)| **a >= 1.0)
        .map(|(p, a)| (p - a).abs())
        .collect();
    if errors.is_empty() {
        0.0
    } else {
        errors.iter().sum::<f64>() / errors.len() as f64
    }
}

/// The share of the field's lineups at a position (percent), FLEX included.
pub fn position_total(position: Position, flex: [f64; 3]) -> f64 {
    100.0
        * match position {
            Position::QB | Position::DST => 1.0,
            Position::RB => 2.0 + flex[0],
            Position::WR => 3.0 + flex[1],
            Position::TE => 1.0 + flex[2],
        }
}

fn value(p: &OwnershipPlayer) -> f64 {
    p.projection.max(0.0) / (f64::from(p.salary.max(1)) / 1000.0)
}

/// Each player's feature row.
pub fn features(players: &[OwnershipPlayer]) -> Vec<Vec<f64>> {
    let rank_by = |key: &dyn Fn(&OwnershipPlayer) -> f64| {
        let mut ranks = vec![0usize; players.len()];
        let mut by_position: HashMap<Position, Vec<usize>> = HashMap::new();
        for (i, p) in players.iter().enumerate() {
            by_position.entry(p.position).or_default().push(i);
        }
        for members in by_position.values_mut() {
            members.sort_by(|&a, &b| key(&players[b]).total_cmp(&key(&players[a])));
            for (rank, &i) in members.iter().enumerate() {
                ranks[i] = rank;
            }
        }
        ranks
    };
    let by_value = rank_by(&value);
    let by_projection = rank_by(&|p: &OwnershipPlayer| p.projection);
    players
        .iter()
        .enumerate()
        .map(|(i, p)| {
            vec![
                value(p).max(0.1).ln(),
                (1.0 + by_value[i] as f64).ln(),
                (1.0 + by_projection[i] as f64).ln(),
                f64::from(p.salary) / 10_000.0,
                p.projection.max(0.0) / 10.0,
                p.team_total.unwrap_or(DEFAULT_TEAM_TOTAL) / 10.0,
            ]
        })
        .collect()
}

/// Shares proportional to `exp(score)` within each position, summing to the position's total,
/// none above 100% (the excess goes to the others in proportion), unplayable players at 0.
fn spread_by_position(players: &[OwnershipPlayer], scores: &[f64], flex: [f64; 3]) -> Vec<f64> {
    let mut out = vec![0.0; players.len()];
    for position in Position::ALL {
        let members: Vec<usize> = (0..players.len())
            .filter(|&i| {
                players[i].position == position && players[i].playable && scores[i].is_finite()
            })
            .collect();
        if members.is_empty() {
            continue;
        }
        let top = members
            .iter()
            .map(|&i| scores[i])
            .fold(f64::NEG_INFINITY, f64::max);
        let weights: Vec<f64> = members.iter().map(|&i| (scores[i] - top).exp()).collect();
        let mut total = position_total(position, flex);
        let mut capped = vec![false; members.len()];
        // Water-filling: cap at 100% and hand the excess to the rest, until nothing exceeds.
        for _ in 0..members.len() {
            let free: f64 = weights
                .iter()
                .zip(&capped)
                .filter(|(_, c)| !**c)
                .map(|(w, _)| w)
                .sum();
            if free <= 0.0 {
                break;
            }
            let mut changed = false;
            for (k, &i) in members.iter().enumerate() {
                if !capped[k] {
                    out[i] = total * weights[k] / free;
                    if out[i] > 100.0 {
                        out[i] = 100.0;
                        capped[k] = true;
                        total -= 100.0;
                        changed = true;
                    }
                }
            }
            if !changed {
                break;
            }
        }
    }
    out
}

/// Least squares with a small ridge on standardised features; weights in the raw scale.
fn ridge(xs: &[Vec<f64>], ys: &[f64], k: usize) -> Vec<f64> {
    if xs.len() < k + 1 {
        return vec![0.0; k];
    }
    let n = xs.len() as f64;
    let sd: Vec<f64> = (0..k)
        .map(|j| {
            (xs.iter().map(|x| x[j] * x[j]).sum::<f64>() / n)
                .sqrt()
                .max(1e-9)
        })
        .collect();
    let mut a = vec![0.0; k * k];
    let mut b = vec![0.0; k];
    for (x, y) in xs.iter().zip(ys) {
        for i in 0..k {
            b[i] += x[i] / sd[i] * y;
            for j in 0..k {
                a[i * k + j] += x[i] / sd[i] * x[j] / sd[j];
            }
        }
    }
    for i in 0..k {
        a[i * k + i] += RIDGE;
    }
    let Some(l) = cholesky(&a, k) else {
        return vec![0.0; k];
    };
    let mut y = vec![0.0; k];
    for i in 0..k {
        let s: f64 = (0..i).map(|j| l[i * k + j] * y[j]).sum();
        y[i] = (b[i] - s) / l[i * k + i];
    }
    let mut w = vec![0.0; k];
    for i in (0..k).rev() {
        let s: f64 = ((i + 1)..k).map(|j| l[j * k + i] * w[j]).sum();
        w[i] = (y[i] - s) / l[i * k + i];
    }
    w.iter().zip(&sd).map(|(w, s)| w / s).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn slate(seed: u64) -> Vec<OwnershipPlayer> {
        let mut out = Vec::new();
        let mut s = seed;
        for position in Position::ALL {
            for i in 0..20 {
                s = s
                    .wrapping_mul(6364136223846793005)
                    .wrapping_add(1442695040888963407);
                let salary = 3000 + 300 * i + ((s >> 40) % 500) as u32;
                let projection = f64::from(salary) / 500.0 + ((s >> 20) % 100) as f64 / 20.0;
                out.push(OwnershipPlayer {
                    position,
                    salary,
                    projection,
                    team_total: Some(20.0 + (i % 5) as f64),
                    playable: i != 19,
                });
            }
        }
        out
    }

    #[test]
    fn shares_sum_to_the_fields_totals_and_none_passes_100() {
        let flex = [0.3, 0.6, 0.1];
        let players = slate(1);
        let model = OwnershipModel {
            weights: vec![3.0, -1.0, 0.0, 0.0, 0.0, 0.0],
            flex,
            slates: 0,
        };
        let own = model.predict(&players);
        for position in Position::ALL {
            let sum: f64 = players
                .iter()
                .zip(&own)
                .filter(|(p, _)| p.position == position)
                .map(|(_, o)| o)
                .sum();
            assert!(
                (sum - position_total(position, flex)).abs() < 1e-6,
                "{position:?}"
            );
        }
        assert!(own.iter().all(|o| (0.0..=100.0 + 1e-9).contains(o)));
        assert!(players
            .iter()
            .zip(&own)
            .all(|(p, o)| p.playable || *o == 0.0));
        let steep = OwnershipModel {
            weights: vec![30.0, 0.0, 0.0, 0.0, 0.0, 0.0],
            ..model
        };
        let own = steep.predict(&players);
        assert!(own.iter().all(|o| *o <= 100.0 + 1e-9));
    }

    #[test]
    fn a_fit_recovers_the_weights_the_field_drafted_by() {
        let flex = [0.3, 0.6, 0.1];
        let truth = OwnershipModel {
            weights: vec![2.0, -0.8, 0.0, 0.0, 0.3, 0.2],
            flex,
            slates: 0,
        };
        let slates: Vec<_> = (0..4)
            .map(|s| {
                let players = slate(s + 10);
                let own = truth.predict(&players);
                (players, own)
            })
            .collect();
        let fitted = OwnershipModel::fit_features(&slates, flex, &[true; FEATURES.len()]);
        assert!(fitted.check().is_ok());
        let test = slate(99);
        let (want, got) = (truth.predict(&test), fitted.predict(&test));
        let base = baseline(&test, flex);
        let mae = |a: &[f64]| {
            a.iter().zip(&want).map(|(x, y)| (x - y).abs()).sum::<f64>() / want.len() as f64
        };
        assert!(mae(&got) < mae(&base), "{} vs {}", mae(&got), mae(&base));
        assert!(mae(&got) < 1.0, "{}", mae(&got));
    }

    #[test]
    fn the_shipped_model_is_valid() {
        assert!(shipped().check().is_ok());
    }

    #[test]
    fn a_tampered_model_is_refused() {
        let mut model = OwnershipModel {
            weights: vec![0.0; FEATURES.len()],
            flex: [0.3, 0.6, 0.1],
            slates: 0,
        };
        assert!(model.check().is_ok());
        model.weights[0] = f64::NAN;
        assert!(model.check().is_err());
        model.weights = vec![0.0; 2];
        assert!(model.check().is_err());
        model.weights = vec![0.0; FEATURES.len()];
        model.flex = [0.5, 0.6, 0.1];
        assert!(model.check().is_err());
    }
}
