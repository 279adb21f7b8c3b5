//! The app's track record: for every contest whose real result is known, what the simulation
//! predicted for its pick (the chance to cash) against what happened, summed up the way a
//! forecast is judged: how often it cashed against how often it said it would, the Brier score
//! next to that of simply forecasting the share of the field paid, the return on the fees, and
//! predicted against realized by bins of the prediction.

use serde::Serialize;
use ts_rs::TS;

/// One contest's forecast and result.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Forecast {
    /// Predicted chance to cash, 0 to 1.
    pub predicted: f64,
    /// Share of the field paid, 0 to 1 (the naive forecast).
    pub paid_fraction: f64,
    /// Whether it cashed.
    pub cashed: bool,
    /// Entry fee, dollars.
    pub fee: f64,
    /// What it won, dollars.
    pub payout: f64,
}

/// Predicted against realized over the contests whose prediction fell in a bin.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct ForecastBin {
    /// Lower edge of the predicted chance, 0 to 1.
    pub from: f64,
    /// Upper edge (the last bin includes 1).
    pub to: f64,
    /// Contests in the bin.
    pub contests: u32,
    /// Their mean predicted chance.
    pub predicted: f64,
    /// The share of them that cashed.
    pub realized: f64,
}

/// The summary of a track record.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct TrackSummary {
    /// Contests counted.
    pub contests: u32,
    /// Share that cashed.
    pub cash_rate: f64,
    /// Mean predicted chance to cash.
    pub mean_predicted: f64,
    /// Brier score of the predictions (0 is perfect).
    pub brier: f64,
    /// Brier score of forecasting each contest's paid share: a prediction worse than this one
    /// is worse than knowing nothing about the lineup.
    pub brier_paid_fraction: f64,
    /// Net winnings over fees (0.1 = +10%).
    pub roi: f64,
    /// Predicted against realized, in five bins of 0.2.
    pub bins: Vec<ForecastBin>,
    /// The verdict in words, as every front end shows it.
    pub verdict: String,
}

/// Bins of the predicted chance.
const BINS: usize = 5;

impl TrackSummary {
    /// Sums up forecasts (none: every figure 0 and a verdict that says so, counting the
    /// `left_out` contests whose result is known but could not be judged).
    pub fn of(forecasts: &[Forecast], left_out: usize) -> TrackSummary {
        let n = forecasts.len();
        // An empty sum of floats is -0: no forecast means 0, shown as 0.
        let average = |values: Vec<f64>| {
            if values.is_empty() {
                0.0
            } else {
                values.iter().sum::<f64>() / values.len() as f64
            }
        };
        let mean = |f: &dyn Fn(&Forecast) -> f64| average(forecasts.iter().map(f).collect());
        let outcome = |f: &Forecast| f64::from(u8::from(f.cashed));
        let fees: f64 = forecasts.iter().map(|f| f.fee).sum();
        let won: f64 = forecasts.iter().map(|f| f.payout).sum();
        let bins = (0..BINS)
            .map(|b| {
                let from = b as f64 / BINS as f64;
                let to = (b + 1) as f64 / BINS as f64;
                let inside: Vec<&Forecast> = forecasts
                    .iter()
                    .filter(|f| f.predicted >= from && (f.predicted < to || b + 1 == BINS))
                    .collect();
                ForecastBin {
                    from,
                    to,
                    contests: inside.len() as u32,
                    predicted: average(inside.iter().map(|f| f.predicted).collect()),
                    realized: average(inside.iter().map(|f| outcome(f)).collect()),
                }
            })
            .collect();
        let cash_rate = mean(&outcome);
        let mean_predicted = mean(&|f| f.predicted);
        let brier = mean(&|f| (f.predicted - outcome(f)).powi(2));
        let brier_paid_fraction = mean(&|f| (f.paid_fraction - outcome(f)).powi(2));
        let roi = if fees > 0.0 { (won - fees) / fees } else { 0.0 };
        let verdict = if n == 0 && left_out > 0 {
            format!(
                "None of the {left_out} contest{} with a known result could be judged: see why \
                 each was left out.",
                if left_out == 1 { "" } else { "s" }
            )
        } else if n == 0 {
            "No contest has a known result yet: add the contest and import its standings \
             file after the games."
                .to_string()
        } else {
            let judged = if brier <= brier_paid_fraction {
                "better than"
            } else {
                "worse than"
            };
            format!(
                "On {n} contest{}, the pick was given a {:.0}% chance to cash on average and \
                 cashed {:.0}% of the time; its Brier score {brier:.3} is {judged} forecasting \
                 the share of the field paid ({brier_paid_fraction:.3}); return on fees {:+.0}%.",
                if n == 1 { "" } else { "s" },
                100.0 * mean_predicted,
                100.0 * cash_rate,
                100.0 * roi
            )
        };
        TrackSummary {
            contests: n as u32,
            cash_rate,
            mean_predicted,
            brier,
            brier_paid_fraction,
            roi,
            bins,
            verdict,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn forecast(predicted: f64, cashed: bool) -> Forecast {
        Forecast {
            predicted,
            paid_fraction: 0.2,
            cashed,
            fee: 10.0,
            payout: if cashed { 50.0 } else { 0.0 },
        }
    }

    #[test]
    fn an_overconfident_record_is_judged_worse_than_the_paid_share() {
        let record = TrackSummary::of(
            &[
                forecast(0.9, false),
                forecast(0.7, false),
                forecast(0.7, true),
                forecast(0.1, false),
            ],
            1,
        );
        assert_eq!(record.contests, 4);
        assert!((record.cash_rate - 0.25).abs() < 1e-12);
        assert!((record.mean_predicted - 0.6).abs() < 1e-12);
        let brier = (0.81 + 0.49 + 0.09 + 0.01) / 4.0;
        assert!((record.brier - brier).abs() < 1e-12);
        let naive = (0.04 + 0.04 + 0.64 + 0.04) / 4.0;
        assert!((record.brier_paid_fraction - naive).abs() < 1e-12);
        assert!((record.roi - 0.25).abs() < 1e-12, "50 won on 40 of fees");
        assert_eq!(record.bins[3].contests, 2, "0.6-0.8");
        assert_eq!(record.bins[3].realized, 0.5);
        assert_eq!(record.bins[4].contests, 1, "0.8-1.0");
        assert_eq!(record.bins[0].contests, 1);
        assert_eq!(
            record.verdict,
            "On 4 contests, the pick was given a 60% chance to cash on average and cashed 25% \
             of the time; its Brier score 0.350 is worse than forecasting the share of the \
             field paid (0.190); return on fees +25%."
        );
    }

    #[test]
    fn no_result_yet_says_so() {
        let record = TrackSummary::of(&[], 0);
        assert_eq!(record.contests, 0);
        assert!(record
            .verdict
            .starts_with("No contest has a known result yet"));
        assert!(record.bins.iter().all(|b| b.contests == 0));
        assert!(
            record.brier.to_bits() == 0 && record.cash_rate.to_bits() == 0,
            "0, not -0"
        );
        assert_eq!(
            TrackSummary::of(&[], 2).verdict,
            "None of the 2 contests with a known result could be judged: see why each was left out."
        );
        let certain = TrackSummary::of(&[forecast(1.0, true)], 0);
        assert_eq!(
            certain.bins[4].contests, 1,
            "a certainty falls in the last bin"
        );
    }
}
