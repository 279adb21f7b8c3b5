//! The field's edge: what a real field knows that the app's view of it does not. The sampled
//! field drafts from the app's projected ownership, which the app's projections feed; real
//! entrants also read late news and the public's projections. Measured on real contests, on
//! the same outcomes (the sampled field scored with the players' real points beside the real
//! field's standings, the app's ownership fitted on the other slates, everything a user can
//! load), the real field's cash line stood 6% above the sampled field's in the 2018 week-7
//! double-up, 14% in the 2019 week-3 single-entry tournaments and 21% in 2019 week 1's, each
//! slate's contests averaged (`scripts/bench-contests.sh`). Fed the real `%Drafted` instead,
//! the same sampler's field cashes within 0-3% of the real line on the standings that list the
//! whole field: the edge lies in whom the field drafts, not in how it builds lineups. Nor does
//! it lie in the share of the field paid: the 2019 tournaments' fields stood as far above the
//! sampled field at a double-up's line (their top 44%: 26% in week 1, 13% in week 3) as at
//! their own. It belongs to the field: the two slates of tournaments (high-stakes single-entry
//! contests, weeks 1 and 3) against the one of a $50 double-up (week 7). Whether the entrants
//! or the week of the season make it, three slates cannot tell apart. The edge goes by the
//! contest's type ([`TOURNAMENT_PERCENT`], [`CASH_GAME_PERCENT`]): measured on the other
//! slates of its type (the double-up, with none, on all the others), every contest's simulated
//! cash line lands within 10% of the real one, where one edge for all left 2019 week 1's 10-11%
//! short. A simulated slate draws how much better the field drafted this time, and the field's
//! lineups score that share more; the candidates are scored as they are.

use crate::contest::ContestType;

/// How much more the field's lineups score than the sampled lineups alone: a share of their
/// score, normal from slate to slate.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct FieldEdge {
    /// The mean share (0.15: the field scores 15% more).
    pub mean: f64,
    /// Its standard deviation from slate to slate.
    pub spread: f64,
}

impl FieldEdge {
    /// No edge: the field knows what the app knows (the projections taken as exact).
    pub const NONE: FieldEdge = FieldEdge {
        mean: 0.0,
        spread: 0.0,
    };

    /// The edge of a mean share in percent (the user's setting) with the measured spread.
    pub fn of_percent(mean_pct: u32) -> FieldEdge {
        FieldEdge {
            mean: f64::from(mean_pct) / 100.0,
            spread: SPREAD,
        }
    }

    /// Whether the field's scores are left as they are.
    pub fn is_none(&self) -> bool {
        self.mean == 0.0 && self.spread == 0.0
    }

    /// The multiplier of the field's scores in a slate whose standard normal draw is `z`, kept
    /// within [`MULTIPLIER_RANGE`].
    pub fn multiplier(&self, z: f64) -> f64 {
        (1.0 + self.mean + self.spread * z).clamp(MULTIPLIER_RANGE.0, MULTIPLIER_RANGE.1)
    }
}

/// The edge of a cash game's field (double-up, 50/50, head-to-head), percent: the one shared
/// double-up with final standings, 2018 week 7 (6.2%); the default of the `field_edge_pct`
/// setting.
pub const CASH_GAME_PERCENT: u32 = 6;

/// The edge of a tournament's field, percent: the shared single-entry tournaments of 2019 week 1
/// (21.3%) and week 3 (14.0%), averaged by slate; the default of the
/// `tournament_field_edge_pct` setting.
pub const TOURNAMENT_PERCENT: u32 = 18;

/// The measured edge of a contest type's field, percent.
pub fn measured_percent(contest_type: ContestType) -> u32 {
    match contest_type {
        ContestType::Tournament => TOURNAMENT_PERCENT,
        ContestType::DoubleUp | ContestType::FiftyFifty | ContestType::HeadToHead => {
            CASH_GAME_PERCENT
        }
    }
}

/// The edge's spread: the three slates' standard deviation about their types' means (the two
/// tournament slates' 0.051; the one cash game's slate says nothing of its own) with a mean's
/// own uncertainty added (0.036 over two slates), about 0.06; kept at 0.10, the wider, near
/// what all three slates measured about one mean (0.075, 0.087 with the mean's uncertainty).
pub const SPREAD: f64 = 0.10;

/// The multipliers a slate may draw: the field never scores less than half, nor more than
/// twice, what its lineups score.
pub const MULTIPLIER_RANGE: (f64, f64) = (0.5, 2.0);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_tournaments_field_has_an_edge_of_its_own() {
        assert_eq!(
            measured_percent(ContestType::Tournament),
            TOURNAMENT_PERCENT
        );
        for cash in [
            ContestType::DoubleUp,
            ContestType::FiftyFifty,
            ContestType::HeadToHead,
        ] {
            assert_eq!(measured_percent(cash), CASH_GAME_PERCENT);
        }
        assert!(
            FieldEdge::of_percent(measured_percent(ContestType::Tournament)).multiplier(0.0)
                > FieldEdge::of_percent(measured_percent(ContestType::DoubleUp)).multiplier(0.0)
        );
    }

    #[test]
    fn the_edge_lifts_the_field_by_its_share_and_stays_in_range() {
        let edge = FieldEdge::of_percent(15);
        assert!((edge.multiplier(0.0) - 1.15).abs() < 1e-12);
        assert!((edge.multiplier(1.0) - (1.15 + SPREAD)).abs() < 1e-12);
        assert!(edge.multiplier(-1.0) < edge.multiplier(0.0));
        assert_eq!(edge.multiplier(100.0), MULTIPLIER_RANGE.1);
        assert_eq!(edge.multiplier(-100.0), MULTIPLIER_RANGE.0);
        assert!(!edge.is_none());
        assert!(FieldEdge::NONE.is_none());
        assert_eq!(FieldEdge::NONE.multiplier(2.0), 1.0);
    }
}
