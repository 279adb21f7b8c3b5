//! The app's track record: every contest whose slate has imported standings, its pick made
//! again as the app makes it now (the replay), what the simulation predicted for it (the chance
//! to cash, the expected payout, the cash line) against what happened in the real field.

use super::contest_pick::PickRequest;
use super::Workspace;
use crate::contest::track_record::{Forecast, TrackSummary};
use crate::{store, Error, Result};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// How to replay the contests.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct RecordRequest {
    /// Slates to simulate per contest.
    pub simulations: u32,
    /// Candidate lineups per contest.
    pub candidates: u32,
    /// Seed.
    #[ts(type = "number")]
    pub seed: u64,
}

impl Default for RecordRequest {
    fn default() -> Self {
        let pick = PickRequest::default();
        RecordRequest {
            simulations: 2_000,
            candidates: pick.candidates,
            seed: pick.seed,
        }
    }
}

/// One replayed contest: the prediction and the result.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct RecordedContest {
    /// Contest id.
    pub contest_id: i32,
    /// Its name.
    pub name: String,
    /// Entries.
    pub entries: u32,
    /// Entry fee, dollars.
    pub entry_fee: f64,
    /// The pick's predicted chance to cash, 0 to 1.
    pub predicted: f64,
    /// Its expected payout, dollars.
    pub expected_payout: f64,
    /// The simulated cash line (median).
    pub simulated_cash_line: f64,
    /// The real cash line, when the standings reach the last paid rank.
    pub cash_line: Option<f64>,
    /// The pick's real points.
    pub points: f64,
    /// Its rank in the real field.
    pub rank: u32,
    /// Whether it cashed.
    pub cashed: bool,
    /// What it won, dollars.
    pub payout: f64,
}

/// The replayed contests and their summary.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct TrackRecord {
    /// Every contest with a final result, oldest first.
    pub contests: Vec<RecordedContest>,
    /// Contests left out, each with the reason (standings exported before the games ended, no
    /// projections, a player without points).
    pub skipped: Vec<String>,
    /// The record summed up.
    pub summary: TrackSummary,
}

impl Workspace {
    /// Replays every contest whose slate has imported standings and sets each pick's
    /// prediction against its real finish. `on_contest(done, total)` is called as each one
    /// ends; when it returns false the replay stops with [`Error::Cancelled`].
    pub async fn track_record(
        &self,
        request: &RecordRequest,
        mut on_contest: impl FnMut(u32, u32) -> bool,
    ) -> Result<TrackRecord> {
        let mut known = Vec::new();
        for contest in self.contests(None).await? {
            if store::standings::latest(self.db(), contest.slate_id)
                .await?
                .is_some()
            {
                known.push(contest);
            }
        }
        let total = known.len() as u32;
        let (mut contests, mut skipped, mut forecasts) = (Vec::new(), Vec::new(), Vec::new());
        for (done, contest) in known.into_iter().enumerate() {
            let replay = self
                .contest_backtest(&PickRequest {
                    contest_id: contest.id,
                    simulations: request.simulations,
                    candidates: request.candidates,
                    seed: request.seed,
                    out: None,
                })
                .await;
            match replay {
                Ok(b) if b.warning.is_some() => skipped.push(format!(
                    "{}: its standings were exported before the games ended",
                    contest.name
                )),
                Ok(b) => {
                    let outcome = &b.simulated.pick.outcome;
                    forecasts.push(Forecast {
                        predicted: outcome.p_cash,
                        paid_fraction: f64::from(contest.payouts.paid())
                            / f64::from(contest.entries.max(1)),
                        cashed: b.pick.cashed,
                        fee: contest.entry_fee,
                        payout: b.pick.payout,
                    });
                    contests.push(RecordedContest {
                        contest_id: contest.id,
                        name: contest.name.clone(),
                        entries: contest.entries,
                        entry_fee: contest.entry_fee,
                        predicted: outcome.p_cash,
                        expected_payout: outcome.expected_payout,
                        simulated_cash_line: b.simulated.cash_line.p50,
                        cash_line: b.cash_line,
                        points: b.pick.points,
                        rank: b.pick.rank,
                        cashed: b.pick.cashed,
                        payout: b.pick.payout,
                    });
                }
                Err(Error::Cancelled(m)) => return Err(Error::Cancelled(m)),
                Err(e) => skipped.push(format!("{}: {e}", contest.name)),
            }
            if !on_contest(done as u32 + 1, total) {
                return Err(Error::Cancelled("the track record was not finished".into()));
            }
        }
        Ok(TrackRecord {
            summary: TrackSummary::of(&forecasts),
            contests,
            skipped,
        })
    }
}
