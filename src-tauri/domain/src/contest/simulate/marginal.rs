//! One player's DraftKings points as a function of a uniform draw: his if-he-plays quantiles
//! (5/15/50/85/95) joined linearly, an exponential upper tail beyond the 95th percentile fitted
//! to the 85th-95th spacing (big games are rarer the bigger they are, never impossible), and a
//! linear lower tail below the 5th. The tail's scale is shortened per position to what real
//! big games measured. Whether he plays is a separate draw: a player who sits
//! scores 0.

use crate::dk::Position;
use crate::projection::distribution::Quantiles;

/// Draws this close to 1 are treated as this (the tail stays finite).
const MAX_UNIFORM: f64 = 0.9999;

/// A player's points distribution when he plays, and his chance to play.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Marginal {
    /// Points at the 5th, 15th, 50th, 85th, 95th percentiles if he plays.
    pub quantiles: Quantiles,
    /// Probability that he plays, 0 to 1.
    pub play_probability: f64,
    /// Multiplier of the upper tail's scale (1: the exponential through his 85th and 95th
    /// percentiles).
    pub tail: f64,
}

/// How far big games go beyond the 95th percentile, as a share of what an exponential through
/// the 85th and 95th percentiles says: the mean excess over the 95th percentile of the actual
/// scores that passed it, over the exponential's, on the walk-forward predictions of 2020-2022
/// (each season's ranges fitted on the season before; 60-190 games past the 95th per
/// position). Real booms are shorter than the exponential's, most of all for QBs and DSTs.
/// `scripts/bench-models.sh` prints both per position.
const TAIL_SCALES: [(Position, f64); 5] = [
    (Position::QB, 0.56),
    (Position::RB, 0.81),
    (Position::WR, 0.74),
    (Position::TE, 0.95),
    (Position::DST, 0.59),
];

/// The measured multiplier of a position's upper tail (see [`TAIL_SCALES`]).
fn tail_scale(position: Position) -> f64 {
    TAIL_SCALES
        .iter()
        .find(|(p, _)| *p == position)
        .map_or(1.0, |(_, t)| *t)
}

/// A game's points as a multiple of the player's season-to-date average, at the 5th, 15th,
/// 50th, 85th and 95th percentiles: measured on nflverse weekly stats 2018-2022 (regular
/// season, players with 2+ earlier games averaging 5+ points), each scaled so its mean is 1.
/// The DST, not measured there, takes the pooled offensive shape.
const AVERAGE_SHAPES: [(Position, [f64; 5]); 5] = [
    (Position::QB, [0.158, 0.455, 0.950, 1.503, 2.037]),
    (Position::RB, [0.118, 0.296, 0.839, 1.698, 2.468]),
    (Position::WR, [0.0, 0.278, 0.835, 1.732, 2.485]),
    (Position::TE, [0.0, 0.274, 0.822, 1.770, 2.487]),
    (Position::DST, [0.05, 0.30, 0.85, 1.68, 2.40]),
];

impl Marginal {
    /// A player's distribution from his if-he-plays quantiles, with his position's measured
    /// tail.
    pub fn new(position: Position, quantiles: Quantiles, play_probability: f64) -> Marginal {
        Marginal {
            quantiles,
            play_probability,
            tail: tail_scale(position),
        }
    }

    /// A player whose projection has no range of its own (DraftKings' average or the user's
    /// number): his projection times his position's measured shape.
    pub fn from_projection(position: Position, if_plays: f64, play_probability: f64) -> Marginal {
        let shape = AVERAGE_SHAPES
            .iter()
            .find(|(p, _)| *p == position)
            .map_or([1.0; 5], |(_, s)| *s);
        Marginal::new(
            position,
            Quantiles::from_array(shape.map(|r| r * if_plays.max(0.0))),
            play_probability,
        )
    }

    /// His points at uniform draw `u` (0..1), if he plays.
    pub fn points(&self, u: f64) -> f64 {
        let q = &self.quantiles;
        if u > 0.95 {
            let u = u.min(MAX_UNIFORM);
            let scale = self.tail * ((q.p95 - q.p85) / 3f64.ln()).max(0.0);
            return q.p95 + scale * (0.05 / (1.0 - u)).ln();
        }
        if u < 0.05 {
            let slope = (q.p15 - q.p05) / 0.10;
            let low = q.p05 - slope * (0.05 - u);
            return low.max(q.p05.min(0.0));
        }
        q.at(u)
    }

    /// His mean points if he plays (numerically, over the distribution above).
    pub fn mean_if_plays(&self) -> f64 {
        const STEPS: usize = 2000;
        (0..STEPS)
            .map(|i| self.points((i as f64 + 0.5) / STEPS as f64))
            .sum::<f64>()
            / STEPS as f64
    }
}

/// The standard normal distribution function.
pub fn normal_cdf(z: f64) -> f64 {
    0.5 * libm::erfc(-z / std::f64::consts::SQRT_2)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn marginal() -> Marginal {
        Marginal {
            quantiles: Quantiles::from_array([2.0, 5.0, 11.0, 19.0, 25.0]),
            play_probability: 1.0,
            tail: 1.0,
        }
    }

    #[test]
    fn the_known_percentiles_are_kept_and_the_tails_reach_beyond_them() {
        let m = marginal();
        for (u, v) in [
            (0.05, 2.0),
            (0.15, 5.0),
            (0.5, 11.0),
            (0.85, 19.0),
            (0.95, 25.0),
        ] {
            assert!((m.points(u) - v).abs() < 1e-9, "{u}");
        }
        assert!(m.points(0.99) > 30.0, "a boom game is possible");
        assert!(m.points(0.999_999).is_finite());
        assert!(m.points(0.0) >= 0.0 && m.points(0.0) < 2.0);
        let mut last = f64::NEG_INFINITY;
        for i in 0..=1000 {
            let v = m.points(f64::from(i) / 1000.0);
            assert!(v >= last, "non-decreasing");
            last = v;
        }
    }

    #[test]
    fn each_position_takes_its_measured_tail_beyond_the_95th_percentile() {
        let q = marginal().quantiles;
        let exponential = (q.p95 - q.p85) / 3f64.ln();
        for position in Position::ALL {
            let m = Marginal::new(position, q, 1.0);
            assert!(m.tail > 0.0 && m.tail <= 1.0, "{position:?}");
            // The mean excess over the 95th percentile of the draws beyond it is the scale.
            let steps = 100_000;
            let excess = (0..steps)
                .map(|i| m.points(0.95 + 0.05 * (i as f64 + 0.5) / steps as f64) - q.p95)
                .sum::<f64>()
                / steps as f64;
            assert!(
                (excess - m.tail * exponential).abs() < 0.05 * exponential,
                "{position:?}: {excess} vs {}",
                m.tail * exponential
            );
            assert_eq!(m.points(0.95), q.p95, "the 95th percentile is kept");
        }
        assert!(tail_scale(Position::QB) < tail_scale(Position::TE));
    }

    #[test]
    fn a_bare_projection_gets_its_positions_shape_with_about_its_mean() {
        for position in Position::ALL {
            let m = Marginal::from_projection(position, 15.0, 1.0);
            assert!(m.quantiles.p95 > 2.0 * m.quantiles.p50 * 0.9);
            let mean = m.mean_if_plays();
            assert!((mean - 15.0).abs() < 2.0, "{position:?} {mean}");
        }
    }

    #[test]
    fn the_normal_distribution_function_is_right() {
        assert!((normal_cdf(0.0) - 0.5).abs() < 1e-12);
        assert!((normal_cdf(1.0) - 0.841_344_746).abs() < 1e-8);
        assert!((normal_cdf(-1.959_964) - 0.025).abs() < 1e-6);
    }
}
