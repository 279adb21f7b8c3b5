//! Projected ownership: the share of a contest's lineups that will hold each player. A player's
//! score is a weighted sum of what the field looks at (his value, his rank by value and by
//! projection at his position, his salary, his projection, his team's implied total); within a
//! position the shares are proportional to `exp(score)` and sum to what a full field drafts
//! there (QB 100%, RB 200%, WR 300%, TE 100%, DST 100%, plus the FLEX's 100% split by how
//! often the field puts each position there), no player above 100%. The weights are fitted
//! on real contests' `%Drafted` as a multinomial logit: the likelihood of the field's shares
//! within each slate and position. [`baseline`] is the plain alternative the fit is measured against: ownership
//! proportional to value within a position.

use crate::dk::Position;
use crate::linalg::{cholesky, solve_with_factor};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// What the field puts at FLEX when nothing better is known: RB, WR, TE shares measured on the
/// two shared 2,272-entry DraftKings fields of 2018 (79-85% RB, 12-19% WR, 2-4% TE).
pub const FLEX_SHARES: [f64; 3] = [0.8, 0.17, 0.03];

/// The least share of a field its standings must list to tell the field's ownership. A
/// listing of a contest's top ranks tells what the winners drafted, not the field; the shared
/// 555-entry listings of 2019 hold 500 of their entries (90%).
pub const MIN_FIELD_COVERAGE: f64 = 0.8;

/// Features a player's ownership score is made of.
pub const FEATURES: [&str; 6] = [
    "log value",
    "log rank by value",
    "log rank by projection",
    "salary / $10,000",
    "projection / 10",
    "team implied total / 10",
];

/// The features the app fits: value, rank by projection, projection and the team's implied
/// total. Value alone (the first version) fitted an exponent of about 2 and spread the sampled
/// field over players nobody drafts: on the two shared 2018 contests its lineups projected
/// 110-114 points against the real field's 131-134 under the same projections, and its cash
/// line fell 20 points short. With the projection and its rank the fitted field drafts the top
/// players as the real one does and its cash line comes within a point or two of the real one;
/// the team total brings the error on the players 1%+ owned, left out one slate at a time, to
/// 9.5 and 7.6 points (value alone: 10.4 and 8.3; the value-proportional baseline: 9.4 and
/// 8.2) (`scripts/bench-contests.sh`).
pub const FITTED_FEATURES: [bool; 6] = [true, false, true, false, true, true];

/// The share of the cap the field's average lineup spends: $49,800 of $50,000 on the two
/// shared 2,272-entry DraftKings fields of 2018 (median $49,900; 98% spent $49,500 or more).
pub const FIELD_SPEND: f64 = 0.996;
/// The largest salary tilt, per $10,000, either way.
const MAX_TILT: f64 = 30.0;

/// Ridge penalty of the fit, on standardised features (in units of one group's likelihood).
const RIDGE: f64 = 0.01;
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

    /// Each player's projected ownership, percent, spending the cap as the field does: the
    /// fitted scores are tilted by salary (one tilt for the slate, found by bisection) until the
    /// field's average lineup spends [`FIELD_SPEND`] of `salary_cap`. Without the tilt, a slate
    /// whose cheap players project well for their price (the models' projections of backups
    /// who inherit a role) drew a field of $41,000 lineups that real entrants never build.
    pub fn predict(&self, players: &[OwnershipPlayer], salary_cap: u32) -> Vec<f64> {
        let rows = features(players);
        let scores: Vec<f64> = rows
            .iter()
            .map(|f| f.iter().zip(&self.weights).map(|(x, w)| x * w).sum())
            .collect();
        let target = FIELD_SPEND * f64::from(salary_cap);
        let tilted = |tilt: f64| {
            let moved: Vec<f64> = scores
                .iter()
                .zip(players)
                .map(|(s, p)| s + tilt * f64::from(p.salary) / 10_000.0)
                .collect();
            spread_by_position(players, &moved, self.flex)
        };
        let spend = |own: &[f64]| -> f64 {
            own.iter()
                .zip(players)
                .map(|(o, p)| o / 100.0 * f64::from(p.salary))
                .sum()
        };
        let (mut low, mut high) = (-MAX_TILT, MAX_TILT);
        if spend(&tilted(high)) <= target {
            return tilted(high);
        }
        if spend(&tilted(low)) >= target {
            return tilted(low);
        }
        for _ in 0..50 {
            let mid = 0.5 * (low + high);
            if spend(&tilted(mid)) < target {
                low = mid;
            } else {
                high = mid;
            }
        }
        tilted(0.5 * (low + high))
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
        // One group per slate and position: the field's shares inside it, the rows of its
        // playable players (unused features zeroed).
        let mut groups: Vec<(Vec<Vec<f64>>, Vec<f64>)> = Vec::new();
        for (players, actual) in slates {
            let rows = features(players);
            for position in Position::ALL {
                let members: Vec<usize> = (0..players.len())
                    .filter(|&i| players[i].position == position && players[i].playable)
                    .collect();
                let total: f64 = members.iter().map(|&i| actual[i].max(0.0)).sum();
                if members.len() < 2 || total <= 0.0 {
                    continue;
                }
                let xs = members
                    .iter()
                    .map(|&i| {
                        rows[i]
                            .iter()
                            .zip(used)
                            .map(|(x, u)| if *u { *x } else { 0.0 })
                            .collect()
                    })
                    .collect();
                let shares = members
                    .iter()
                    .map(|&i| actual[i].max(0.0) / total)
                    .collect();
                groups.push((xs, shares));
            }
        }
        OwnershipModel {
            weights: multinomial_logit(&groups),
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

/// Each player's feature row. Ranks are among the players the field can draft (those it
/// cannot rank below them all).
pub fn features(players: &[OwnershipPlayer]) -> Vec<Vec<f64>> {
    let rank_by = |key: &dyn Fn(&OwnershipPlayer) -> f64| {
        let mut ranks = vec![players.len(); players.len()];
        let mut by_position: HashMap<Position, Vec<usize>> = HashMap::new();
        for (i, p) in players.iter().enumerate().filter(|(_, p)| p.playable) {
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

/// The weights that maximise the likelihood of the field's shares under shares proportional
/// to `exp(w . x)` inside each group (a multinomial logit, as the field's picks are modelled in
/// the literature), with a small ridge on standardised features, by damped Newton steps.
fn multinomial_logit(groups: &[(Vec<Vec<f64>>, Vec<f64>)]) -> Vec<f64> {
    let k = FEATURES.len();
    let rows: usize = groups.iter().map(|g| g.0.len()).sum();
    if rows == 0 {
        return vec![0.0; k];
    }
    // Standardise each feature's spread so one ridge fits all.
    let sd: Vec<f64> = (0..k)
        .map(|j| {
            let all = groups.iter().flat_map(|g| g.0.iter().map(move |x| x[j]));
            let n = rows as f64;
            let mean = all.clone().sum::<f64>() / n;
            (all.map(|v| (v - mean).powi(2)).sum::<f64>() / n)
                .sqrt()
                .max(1e-9)
        })
        .collect();
    let objective = |w: &[f64]| -> f64 {
        let mut total = -0.5 * RIDGE * w.iter().map(|v| v * v).sum::<f64>();
        for (xs, shares) in groups {
            let scores: Vec<f64> = xs
                .iter()
                .map(|x| (0..k).map(|j| w[j] * x[j] / sd[j]).sum())
                .collect();
            let top = scores.iter().copied().fold(f64::NEG_INFINITY, f64::max);
            let log_sum = top + scores.iter().map(|s| (s - top).exp()).sum::<f64>().ln();
            total += shares
                .iter()
                .zip(&scores)
                .map(|(t, s)| t * (s - log_sum))
                .sum::<f64>();
        }
        total
    };
    let mut w = vec![0.0; k];
    let mut current = objective(&w);
    for _ in 0..100 {
        let mut gradient: Vec<f64> = w.iter().map(|v| -RIDGE * v).collect();
        let mut hessian = vec![0.0; k * k];
        for i in 0..k {
            hessian[i * k + i] = RIDGE;
        }
        for (xs, shares) in groups {
            let z: Vec<Vec<f64>> = xs
                .iter()
                .map(|x| (0..k).map(|j| x[j] / sd[j]).collect())
                .collect();
            let scores: Vec<f64> = z
                .iter()
                .map(|x| x.iter().zip(&w).map(|(a, b)| a * b).sum())
                .collect();
            let top = scores.iter().copied().fold(f64::NEG_INFINITY, f64::max);
            let e: Vec<f64> = scores.iter().map(|s| (s - top).exp()).collect();
            let sum: f64 = e.iter().sum();
            let p: Vec<f64> = e.iter().map(|v| v / sum).collect();
            let mean: Vec<f64> = (0..k)
                .map(|j| z.iter().zip(&p).map(|(x, pi)| pi * x[j]).sum())
                .collect();
            let weight: f64 = shares.iter().sum();
            for (x, (pi, ti)) in z.iter().zip(p.iter().zip(shares)) {
                for a in 0..k {
                    gradient[a] += (ti - weight * pi) * x[a];
                    for b in 0..k {
                        hessian[a * k + b] += weight * pi * (x[a] - mean[a]) * (x[b] - mean[b]);
                    }
                }
            }
        }
        let Some(l) = cholesky(&hessian, k) else {
            break;
        };
        // H d = g, H the negative Hessian (positive definite with the ridge).
        let d = solve_with_factor(&l, k, &gradient);
        let mut step = 1.0;
        let mut improved = false;
        while step > 1e-4 {
            let trial: Vec<f64> = w.iter().zip(&d).map(|(a, b)| a + step * b).collect();
            let value = objective(&trial);
            if value >= current {
                improved = value - current > 1e-10;
                w = trial;
                current = value;
                break;
            }
            step *= 0.5;
        }
        if !improved {
            break;
        }
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

    /// The ownership a position's players add up to.
    fn position_sum(players: &[OwnershipPlayer], own: &[f64], position: Position) -> f64 {
        players
            .iter()
            .zip(own)
            .filter(|(p, _)| p.position == position)
            .map(|(_, o)| o)
            .sum()
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
        let own = model.predict(&players, 50_000);
        for position in Position::ALL {
            let sum = position_sum(&players, &own, position);
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
        let own = steep.predict(&players, 50_000);
        assert!(own.iter().all(|o| *o <= 100.0 + 1e-9));
    }

    #[test]
    fn the_projected_field_spends_the_cap_as_real_fields_do() {
        let players = slate(3);
        // Weights that prize cheap value: untilted, the field would spend far less.
        let model = OwnershipModel {
            weights: vec![4.0, 0.0, 0.0, -3.0, 0.0, 0.0],
            flex: FLEX_SHARES,
            slates: 0,
        };
        for cap in [50_000, 60_000] {
            let own = model.predict(&players, cap);
            let spend: f64 = own
                .iter()
                .zip(&players)
                .map(|(o, p)| o / 100.0 * f64::from(p.salary))
                .sum();
            let target = FIELD_SPEND * f64::from(cap);
            assert!((spend - target).abs() < 50.0, "{cap}: {spend}");
            for position in Position::ALL {
                let sum = position_sum(&players, &own, position);
                assert!((sum - position_total(position, FLEX_SHARES)).abs() < 1e-6);
            }
        }
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
                let own = truth.predict(&players, 50_000);
                (players, own)
            })
            .collect();
        let fitted = OwnershipModel::fit_features(&slates, flex, &[true; FEATURES.len()]);
        assert!(fitted.check().is_ok());
        let test = slate(99);
        let (want, got) = (truth.predict(&test, 50_000), fitted.predict(&test, 50_000));
        let base = baseline(&test, flex);
        let mae = |a: &[f64]| {
            a.iter().zip(&want).map(|(x, y)| (x - y).abs()).sum::<f64>() / want.len() as f64
        };
        assert!(mae(&got) < mae(&base), "{} vs {}", mae(&got), mae(&base));
        assert!(mae(&got) < 1.0, "{}", mae(&got));
    }

    #[test]
    fn players_the_field_cannot_draft_change_no_ones_rank() {
        let players = slate(5);
        let mut more = players.clone();
        // A star of a game the contest does not cover.
        more.push(OwnershipPlayer {
            position: Position::WR,
            salary: 9000,
            projection: 40.0,
            team_total: Some(30.0),
            playable: false,
        });
        let model = shipped();
        let before = model.predict(&players, 50_000);
        let after = model.predict(&more, 50_000);
        assert_eq!(after[players.len()], 0.0);
        for (a, b) in before.iter().zip(&after) {
            assert!((a - b).abs() < 1e-9, "{a} {b}");
        }
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
