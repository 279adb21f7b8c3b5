//! What the market says of a player the models cannot see: DraftKings prices every player it
//! lists, a rookie or a player back from a long absence included, and the price carries what
//! the field knows (his role, the summer's moves). Per position, the points a player scores if he
//! plays are linear in his salary; the chance that a player with no NFL game yet plays is
//! logistic in it, lower for a quarterback (one plays; the rest are depth that never sees the
//! field, as most cheap new players are; the dear ones are rookie starters), and where the week's
//! depth chart is loaded, in his place on it too: of the 2019-2022 slates' new players, 0.6% of
//! the 707 the chart does not list played, against 30-67% of those it lists 1st or 2nd. A
//! player after a gap in the loaded data is judged the same way, with whether he is the
//! quarterback listed 1st and whether DraftKings has an average for him: every QB, RB, WR and
//! TE of a slate past its season's first week, 3,039 of them, fits it. All are fitted on real
//! slates against what their players scored (`scripts/fit-market-curve.py`; the shipped curve
//! uses the 2018-2020 slates, the new players' 2019-2020). A DST's points
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
    /// Whether a player whose recent games are not loaded plays.
    pub unseen_play: UnseenPlay,
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

/// Log-odds that a player plays, from the salary file and the week's depth chart alone.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct UnseenPlay {
    /// Without the week's depth chart: the weights of [`NewPlay::salary`], then a DraftKings
    /// average above 0.
    pub salary: [f64; 4],
    /// With it: the weights of [`NewPlay::chart`], then a quarterback listed 1st (one plays),
    /// then a DraftKings average above 0.
    pub chart: [f64; 7],
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
        let (salary_only, chart) = (self.new_play.salary, self.new_play.chart);
        play_probability(&salary_only, &chart, 0.0, position, salary, place)
    }

    /// The probability that a player whose recent games are not loaded plays, from what a new
    /// player's is, whether he is the quarterback the chart lists 1st, and whether DraftKings
    /// has an average for him (`averaged`); None for a salary of 0.
    pub fn unseen_play_probability(
        &self,
        position: Position,
        salary: u32,
        place: ChartPlace,
        averaged: bool,
    ) -> Option<f64> {
        let [a, b, qb, average] = self.unseen_play.salary;
        let [c, d, qb_chart, high, low, starter, average_chart] = self.unseen_play.chart;
        let averaged = f64::from(u8::from(averaged));
        let extra = match place {
            ChartPlace::NotLoaded => average * averaged,
            ChartPlace::Listed(1) if position == Position::QB => starter + average_chart * averaged,
            _ => average_chart * averaged,
        };
        play_probability(
            &[a, b, qb],
            &[c, d, qb_chart, high, low],
            extra,
            position,
            salary,
            place,
        )
    }
}

/// A logistic chance to play: `salary_only` (intercept, per $1,000, quarterback) without the
/// week's depth chart, `chart` (the same, then listed 1st or 2nd, listed 3rd or lower) with it,
/// plus `extra` log-odds.
fn play_probability(
    salary_only: &[f64; 3],
    chart: &[f64; 5],
    extra: f64,
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
            let [a, b, qb] = *salary_only;
            a + b * thousands + qb * quarterback
        }
        ChartPlace::Off | ChartPlace::Listed(_) => {
            let [a, b, qb, high, low] = *chart;
            let (listed_high, listed_low) = match place {
                ChartPlace::Listed(depth) if depth <= 2 => (1.0, 0.0),
                ChartPlace::Listed(_) => (0.0, 1.0),
                _ => (0.0, 0.0),
            };
            a + b * thousands + qb * quarterback + high * listed_high + low * listed_low
        }
    } + extra;
    let p = 1.0 / (1.0 + (-log_odds).exp());
    p.is_finite().then_some(p)
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

    #[test]
    fn a_player_unseen_since_seasons_back_plays_by_his_average_salary_and_chart_place() {
        let curve = shipped();
        let p = |salary, place, averaged| {
            curve
                .unseen_play_probability(Position::RB, salary, place, averaged)
                .unwrap()
        };
        for place in [
            ChartPlace::NotLoaded,
            ChartPlace::Listed(1),
            ChartPlace::Off,
        ] {
            // An average this season says he has played: more likely to again.
            assert!(
                p(6000, place, true) > p(6000, place, false) + 0.1,
                "{place:?}"
            );
            assert!(p(8000, place, true) > p(4000, place, true), "{place:?}");
        }
        // A $7,800 starter with an average (Josh Jacobs, 2025 week 12, history loaded to 2022)
        // is a near-certain player; a $3,500 back the chart does not list, with none, is not.
        assert!(p(7800, ChartPlace::Listed(1), true) > 0.9);
        assert!(p(3500, ChartPlace::Off, false) < 0.05);
        // One quarterback plays: the one listed 1st (Bryce Young, $5,200), not his backup.
        let qb = |place| {
            curve
                .unseen_play_probability(Position::QB, 5200, place, true)
                .unwrap()
        };
        assert!(qb(ChartPlace::Listed(1)) > 0.85);
        assert!(qb(ChartPlace::Listed(1)) > qb(ChartPlace::Listed(2)) + 0.3);
        // More likely than a new player at the same salary and place, who has never played.
        let new = curve
            .new_play_probability(Position::RB, 5000, ChartPlace::Listed(2))
            .unwrap();
        assert!(p(5000, ChartPlace::Listed(2), true) > new);
        assert_eq!(
            curve.unseen_play_probability(Position::RB, 0, ChartPlace::Off, true),
            None
        );
    }
}
