//! The app's own error in every simulated slate. A projection is not the truth: measured on
//! real slates against what their players scored, the points a player scores if he plays lie
//! between the app's number and what his salary implies (the market), nearer the market than
//! the app. A simulated slate therefore first draws how right the app is this time (one weight
//! for the whole slate, as some weeks the projections hold and some they do not), then scales
//! each player's draw so its centre sits at `w × app + (1 − w) × market`. A lineup the app likes
//! only because it disagrees with the market loses that edge in the slates where the market was
//! right, and its chance to cash says so.

use super::marginal::normal_cdf;
use crate::dk::Position;
use crate::projection::project::ProjectionSource;

/// How much of the app's number the truth keeps: the mean weight and its spread from slate to
/// slate (a normal draw, clamped to [`WEIGHT_RANGE`]).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TruthWeight {
    /// Mean weight on the app's number (the market gets the rest).
    pub mean: f64,
    /// Standard deviation of the weight between slates.
    pub spread: f64,
}

/// The weight of the models' projections, measured by `scripts/bench-slates.sh` ("the app
/// against the market") with models trained only on the weeks before each slate: 0.41
/// (standard error 0.09) over the 1,016 players of eight real slates of 2018-2022 who played,
/// 0.15-1.09 season by season. The spread is the variation between slates left once each
/// slate's sampling error is taken out (0.19), with the mean's own uncertainty added (0.09).
pub const MODEL_WEIGHT: TruthWeight = TruthWeight {
    mean: 0.41,
    spread: 0.21,
};

/// The weight of DraftKings' AvgPointsPerGame where the app has no model for a player (a new
/// user's first slate): 0.20 (standard error 0.11) on the 336 players of the three 2018 slates
/// projected that way; spread as for the models.
///
/// DSTs take the same two weights: measured apart on the eleven slates their own are 0.48
/// (standard error 0.25, 192 DSTs) for the models and -0.14 (0.28, 64) for DraftKings' averages,
/// both within a standard error of the players'.
pub const AVERAGE_WEIGHT: TruthWeight = TruthWeight {
    mean: 0.20,
    spread: 0.22,
};

/// The weights a slate may draw: never below the market's (0), never more than a quarter past
/// the app's (1.25).
pub const WEIGHT_RANGE: (f64, f64) = (0.0, 1.25);

/// The share of slates at each end that the P(cash) range describes: the fifth of slates in
/// which the app is least right, and the fifth in which it is most right.
pub const RANGE_SHARE: f64 = 0.2;

/// What the market says of a player, and how much the app's own number is trusted for him.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct MarketAnchor {
    /// The points his salary implies if he plays.
    pub if_plays: f64,
    /// The weight of the app's number.
    pub weight: TruthWeight,
}

/// What the market says of a player with `source`'s projection, for the simulation's truth:
/// the models' and DraftKings' averages are weighed against the salary by what they measured,
/// DSTs included; the user's own number and a salary-implied one are taken as they are (None).
pub fn market_anchor(
    source: ProjectionSource,
    position: Position,
    salary: u32,
) -> Option<MarketAnchor> {
    let weight = match source {
        ProjectionSource::Model => MODEL_WEIGHT,
        ProjectionSource::Average => AVERAGE_WEIGHT,
        ProjectionSource::Salary | ProjectionSource::Out | ProjectionSource::Override => {
            return None
        }
    };
    let view = crate::projection::market::shipped().view(position, salary)?;
    Some(MarketAnchor {
        if_plays: view.if_plays,
        weight,
    })
}

/// A player's draw multiplier given the slate's standard normal `z`: the truth's centre over the
/// app's number, with the weight `mean + spread × z`. A multiple rather than a shift, so the
/// spread scales with the centre and nobody is moved below what he can score. 1 without an
/// anchor or when the app's number is too small to scale (under half a point).
pub fn factor(anchor: Option<&MarketAnchor>, app_if_plays: f64, z: f64) -> f64 {
    let Some(a) = anchor else {
        return 1.0;
    };
    if app_if_plays.is_nan() || app_if_plays < 0.5 || !a.if_plays.is_finite() {
        return 1.0;
    }
    let ratio = (a.if_plays.max(0.0) / app_if_plays).clamp(0.25, 4.0);
    let w = (a.weight.mean + a.weight.spread * z).clamp(WEIGHT_RANGE.0, WEIGHT_RANGE.1);
    w + (1.0 - w) * ratio
}

/// Which end of the slates a draw `z` belongs to: -1 the fifth where the app is least right, 1
/// the fifth where it is most right, 0 between.
pub fn end_of(z: f64) -> i8 {
    let p = normal_cdf(z);
    if p < RANGE_SHARE {
        -1
    } else if p > 1.0 - RANGE_SHARE {
        1
    } else {
        0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_truth_sits_between_the_app_and_the_market() {
        let anchor = MarketAnchor {
            if_plays: 10.0,
            weight: TruthWeight {
                mean: 0.4,
                spread: 0.2,
            },
        };
        // The app says 20, the market 10: at the mean weight the centre is 14.
        assert!((factor(Some(&anchor), 20.0, 0.0) * 20.0 - 14.0).abs() < 1e-9);
        // The app below the market is lifted toward it.
        assert!(factor(Some(&anchor), 5.0, 0.0) > 1.0);
        // A slate where the app is right keeps more of its number.
        assert!(factor(Some(&anchor), 20.0, 2.0) > factor(Some(&anchor), 20.0, -2.0));
        // Clamped: never past the market, never far past the app.
        assert!((factor(Some(&anchor), 20.0, -10.0) - 0.5).abs() < 1e-9);
        assert!(factor(Some(&anchor), 20.0, 10.0) <= 1.0 - 0.25 * (0.5 - 1.0) + 1e-9);
        // Nothing to scale.
        assert_eq!(factor(None, 20.0, 0.0), 1.0);
        assert_eq!(factor(Some(&anchor), 0.2, 0.0), 1.0);
        assert_eq!(factor(Some(&anchor), f64::NAN, 0.0), 1.0);
    }

    #[test]
    fn a_dst_is_weighed_against_its_price_as_players_are() {
        let model = market_anchor(ProjectionSource::Model, Position::DST, 3000).unwrap();
        assert_eq!(model.weight, MODEL_WEIGHT);
        assert!((5.0..8.0).contains(&model.if_plays), "{model:?}");
        let average = market_anchor(ProjectionSource::Average, Position::DST, 3000).unwrap();
        assert_eq!(average.weight, AVERAGE_WEIGHT);
        // A DST the app projects at 12 is drawn nearer what a $3,000 defense scores.
        assert!(factor(Some(&model), 12.0, 0.0) < 1.0);
        assert!(market_anchor(ProjectionSource::Override, Position::DST, 3000).is_none());
    }

    #[test]
    fn each_end_holds_a_fifth_of_the_slates() {
        assert_eq!(end_of(-1.0), -1);
        assert_eq!(end_of(0.0), 0);
        assert_eq!(end_of(1.0), 1);
        assert_eq!(end_of(-0.8), 0);
    }
}
