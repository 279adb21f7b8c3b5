//! What the market says of a player the models cannot see: DraftKings prices every player it
//! lists, a rookie or a player back from a long absence included, and the price carries what
//! the field knows (his role, the summer's moves). Per position, the points a player scores if he
//! plays are linear in his salary; the chance that a player with no NFL game yet plays is
//! logistic in it, lower for a quarterback (one plays; the rest are depth that never sees the
//! field, as most cheap new players are; the dear ones are rookie starters), and where the week's
//! depth chart is loaded, in his place on it too: of the 2019-2022 slates' new players, 0.6% of
//! the 707 the chart does not list played, against 30-67% of those it lists 1st or 2nd. Both
//! are fitted on real slates against what their players scored (`scripts/fit-market-curve.py`;
//! the shipped curve uses the 2018-2020 slates, the new players' 2019-2020). A DST's points
//! are linear in its salary too, fitted on the same slates by `scripts/bench-slates.sh`, which
//! has the app's DST points: 0.68 + 1.99 per $1,000 over 206 DSTs.

use super::depth::ChartPlace;
use crate::dk::Position;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// One position's curve.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct PositionCurve {
    /// Points if he plays: intercept and slope per $1,000 of salary.
    pub points: [f64; 2],
}

/// The market's curve for every position it was fitted for.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MarketCurve {
    /// Curves by position (`QB`, `RB`, `WR`, `TE`, `DST`).
    pub positions: HashMap<String, PositionCurve>,
    /// Whether a player with no NFL game yet plays.
    pub new_play: NewPlay,
}

/// Log-odds that a player with no NFL game yet plays.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct NewPlay {
    /// Without the week's depth chart: intercept, slope per $1,000 of salary, quarterback.
    pub salary: [f64; 3],
    /// With it: intercept, slope per $1,000, quarterback, listed 1st or 2nd at his position,
    /// listed 3rd or lower (a player it does not list counts neither).
    pub chart: [f64; 5],
}

/// What the market says of one player.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct MarketView {
    /// Points if he plays.
    pub if_plays: f64,
}

/// The curve shipped with the app, read once.
pub fn shipped() -> &'static MarketCurve {
    static SHIPPED: std::sync::LazyLock<MarketCurve> = std::sync::LazyLock::new(|| {
        serde_json::from_str(include_str!("market_default.json"))
            .expect("the shipped market curve is valid JSON")
    });
    &SHIPPED
}

impl MarketCurve {
    /// What a salary says of a player at a position; None for a position without a curve or a
    /// salary of 0.
    pub fn view(&self, position: Position, salary: u32) -> Option<MarketView> {
        let curve = self.positions.get(position.as_str())?;
        if salary == 0 {
            return None;
        }
        let thousands = f64::from(salary) / 1000.0;
        let if_plays = (curve.points[0] + curve.points[1] * thousands).max(0.0);
        if_plays.is_finite().then_some(MarketView { if_plays })
    }

    /// The probability that a player with no NFL game yet plays, from his salary, his position
    /// and his place on the week's depth chart where one is loaded; None for a salary of 0.
    pub fn new_play_probability(
        &self,
        position: Position,
        salary: u32,
        place: ChartPlace,
    ) -> Option<f64> {
        if salary == 0 {
            return None;
        }
        let thousands = f64::from(salary) / 1000.0;
        let quarterback = f64::from(u8::from(position == Position::QB));
        let log_odds = match place {
            ChartPlace::NotLoaded => {
                let [a, b, qb] = self.new_play.salary;
                a + b * thousands + qb * quarterback
            }
            ChartPlace::Off | ChartPlace::Listed(_) => {
                let [a, b, qb, high, low] = self.new_play.chart;
                let (listed_high, listed_low) = match place {
                    ChartPlace::Listed(depth) if depth <= 2 => (1.0, 0.0),
                    ChartPlace::Listed(_) => (0.0, 1.0),
                    _ => (0.0, 0.0),
                };
                a + b * thousands + qb * quarterback + high * listed_high + low * listed_low
            }
        };
        let p = 1.0 / (1.0 + (-log_odds).exp());
        p.is_finite().then_some(p)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_curve_prices_points_and_playing_time_up_with_salary() {
        let curve = shipped();
        for position in [Position::QB, Position::RB, Position::WR, Position::TE] {
            let cheap = curve.view(position, 3000).unwrap();
            let dear = curve.view(position, 8000).unwrap();
            assert!(dear.if_plays > cheap.if_plays + 10.0, "{position:?}");
            assert!(cheap.if_plays >= 0.0);
            // Most cheap new players are depth that never plays; the dear ones start.
            let new = |salary| {
                curve
                    .new_play_probability(position, salary, ChartPlace::NotLoaded)
                    .unwrap()
            };
            assert!(new(8000) > new(3000) + 0.5, "{position:?}");
            assert!((0.0..0.2).contains(&new(3000)), "{position:?}");
        }
        assert_eq!(curve.view(Position::WR, 0), None);
        assert_eq!(
            curve.new_play_probability(Position::WR, 0, ChartPlace::NotLoaded),
            None
        );
        // A DST's points rise with its price, from a low base: a $2,000 defense scores about
        // 4.7 points, a $4,000 one about 8.6.
        let (cheap, dear) = (
            curve.view(Position::DST, 2000).unwrap().if_plays,
            curve.view(Position::DST, 4000).unwrap().if_plays,
        );
        assert!(
            (3.0..6.5).contains(&cheap) && (7.0..11.0).contains(&dear),
            "{cheap} {dear}"
        );
        // A $6,000 receiver scores in the low teens when he plays.
        let wr = curve.view(Position::WR, 6000).unwrap();
        assert!((10.0..18.0).contains(&wr.if_plays), "{wr:?}");
    }

    #[test]
    fn a_new_player_the_chart_lists_plays_far_more_often_than_one_it_does_not() {
        let curve = shipped();
        let p =
            |position, salary, place| curve.new_play_probability(position, salary, place).unwrap();
        for salary in [3000, 4500, 6000] {
            let (second, fourth, off) = (
                p(Position::WR, salary, ChartPlace::Listed(2)),
                p(Position::WR, salary, ChartPlace::Listed(4)),
                p(Position::WR, salary, ChartPlace::Off),
            );
            assert!(second > fourth && fourth > off, "{second} {fourth} {off}");
            if salary < 6000 {
                assert!(fourth > 3.0 * off, "{fourth} {off}");
            }
            // A quarterback's backup rarely plays; a receiver at the same place more often.
            assert!(p(Position::QB, salary, ChartPlace::Listed(2)) < second);
        }
        // Off the chart, a cheap new player almost never plays (0.6% of the slates' 707).
        assert!(p(Position::RB, 3000, ChartPlace::Off) < 0.02);
        // A rookie starter priced as one mostly plays.
        assert!(p(Position::RB, 6000, ChartPlace::Listed(1)) > 0.7);
    }
}
