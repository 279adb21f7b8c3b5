//! What the market says of a player the models cannot see: DraftKings prices every player it
//! lists, a rookie or a player back from a long absence included, and the price carries what
//! the field knows (his role, the summer's moves). Per position, the points a player scores if he
//! plays are linear in his salary; the chance that a player with no NFL game yet plays is
//! logistic in it (most such players are depth that never sees the field; the dear ones are
//! rookie starters). Both are fitted on real slates against what their players scored
//! (`scripts/fit-market-curve.py`; the shipped curve uses the 2018-2020 slates). A DST's points
//! are linear in its salary too, fitted on the same slates by `scripts/bench-slates.sh`, which
//! has the app's DST points: 0.68 + 1.99 per $1,000 over 206 DSTs.

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
    /// Log-odds that a player with no NFL game yet plays: intercept and slope per $1,000.
    pub new_play: [f64; 2],
}

/// What the market says of one player.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct MarketView {
    /// Points if he plays.
    pub if_plays: f64,
    /// Probability that he plays, if he has no NFL game yet.
    pub new_play_probability: f64,
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
        let log_odds = self.new_play[0] + self.new_play[1] * thousands;
        let new_play_probability = 1.0 / (1.0 + (-log_odds).exp());
        (if_plays.is_finite() && new_play_probability.is_finite()).then_some(MarketView {
            if_plays,
            new_play_probability,
        })
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
            // Most cheap new players are depth that never plays; the dear ones start.
            assert!(dear.new_play_probability > cheap.new_play_probability + 0.5);
            assert!(
                (0.0..0.2).contains(&cheap.new_play_probability),
                "{cheap:?}"
            );
            assert!(cheap.if_plays >= 0.0);
        }
        assert_eq!(curve.view(Position::WR, 0), None);
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
}
