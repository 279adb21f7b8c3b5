//! The app's track record: every contest whose slate has imported standings, what the
//! simulation predicted for its pick (the chance to cash, the expected payout, the cash line)
//! against what happened in the real field. A pick stored when it was made is judged as it was
//! made; a contest without one is replayed as the app picks now, unless the models in
//! production were trained on the slate's own week (the replay would have seen the result).

use super::contest_pick::PickRequest;
use super::Workspace;
use crate::contest::track_record::{Forecast, TrackSummary};
use crate::contest::Contest;
use crate::projection::history::{week_key, WeekKey};
use crate::projection::registry;
use crate::store::contest_picks::StoredPick;
use crate::{store, Error, Result};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
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
    /// Its rank in the real field; where the standings list only the top ranks and it scored
    /// below them, the first rank below the listing (it finished there or lower).
    pub rank: u32,
    /// Whether `rank` is exact.
    pub rank_known: bool,
    /// Whether it cashed.
    pub cashed: bool,
    /// What it won, dollars.
    pub payout: f64,
    /// Whether the pick was stored when it was made (else replayed now).
    pub stored: bool,
}

/// The replayed contests and their summary.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct TrackRecord {
    /// Every contest with a final result, oldest first.
    pub contests: Vec<RecordedContest>,
    /// Contests left out, each with the reason (standings exported before the games ended,
    /// models that saw the slate's week, no projections, a player without points).
    pub skipped: Vec<String>,
    /// The record summed up.
    pub summary: TrackSummary,
}

impl Workspace {
    /// Sets every contest with imported standings against its pick's prediction: the pick
    /// stored for it last, else a replay. `on_contest(done, total)` is called as each one
    /// ends; when it returns false the record stops with [`Error::Cancelled`].
    pub async fn track_record(
        &self,
        request: &RecordRequest,
        mut on_contest: impl FnMut(u32, u32) -> bool,
    ) -> Result<TrackRecord> {
        super::contest_pick::check_counts(request.simulations, request.candidates)?;
        let mut known = Vec::new();
        for contest in self.contests(None).await? {
            if store::standings::latest(self.db(), contest.slate_id)
                .await?
                .is_some()
            {
                known.push(contest);
            }
        }
        let stored: HashMap<i32, StoredPick> = store::contest_picks::list(self.db())
            .await?
            .into_iter()
            .map(|p| (p.contest_id, p))
            .collect();
        let total = known.len() as u32;
        let (mut contests, mut skipped, mut forecasts) = (Vec::new(), Vec::new(), Vec::new());
        for (done, contest) in known.into_iter().enumerate() {
            let judged = match stored.get(&contest.id) {
                Some(pick) => self.judge_stored(&contest, pick).await,
                None => self.judge_replay(&contest, request).await,
            };
            match judged {
                Ok(Judged::Counted(row)) => {
                    forecasts.push(Forecast {
                        predicted: row.predicted,
                        paid_fraction: f64::from(contest.payouts.paid())
                            / f64::from(contest.entries.max(1)),
                        cashed: row.cashed,
                        fee: contest.entry_fee,
                        payout: row.payout,
                    });
                    contests.push(row);
                }
                Ok(Judged::Left(why)) => skipped.push(format!("{}: {why}", contest.name)),
                Err(Error::Cancelled(m)) => return Err(Error::Cancelled(m)),
                Err(e) => skipped.push(format!("{}: {e}", contest.name)),
            }
            if !on_contest(done as u32 + 1, total) {
                return Err(Error::Cancelled("the track record was not finished".into()));
            }
        }
        Ok(TrackRecord {
            summary: TrackSummary::of(&forecasts, skipped.len()),
            contests,
            skipped,
        })
    }

    /// A stored pick against the real field.
    async fn judge_stored(&self, contest: &Contest, pick: &StoredPick) -> Result<Judged> {
        let real = self.real_field(contest).await?;
        if real.live {
            return Ok(Judged::Left(LIVE.into()));
        }
        let slate = self.slate(contest.slate_id).await?;
        let Some(lineup) = store::lineups::list(self.db(), &slate)
            .await?
            .into_iter()
            .find(|l| l.id == pick.lineup_id)
        else {
            return Ok(Judged::Left("its stored pick's lineup was deleted".into()));
        };
        let ids: [i32; 9] = std::array::from_fn(|k| lineup.slots[k].player.id);
        let names: Vec<String> = lineup.slots.iter().map(|s| s.player.name.clone()).collect();
        let finish = real.finish(
            contest,
            &ids,
            &names,
            lineup.projected_points.unwrap_or(0.0),
        )?;
        let p = &pick.prediction;
        Ok(Judged::Counted(RecordedContest {
            contest_id: contest.id,
            name: contest.name.clone(),
            entries: contest.entries,
            entry_fee: contest.entry_fee,
            predicted: p.p_cash,
            expected_payout: p.expected_payout,
            simulated_cash_line: p.cash_line,
            cash_line: real.cash_line(contest),
            points: finish.points,
            rank: finish.rank,
            rank_known: finish.rank_known,
            cashed: finish.cashed,
            payout: finish.payout,
            stored: true,
        }))
    }

    /// The contest's pick made again now, unless the models in production saw its week.
    async fn judge_replay(&self, contest: &Contest, request: &RecordRequest) -> Result<Judged> {
        if let Some(why) = self.look_ahead(contest.slate_id).await? {
            return Ok(Judged::Left(format!(
                "{why} (store a pick when you make it, and it is judged as made)"
            )));
        }
        let b = self
            .contest_backtest(&PickRequest {
                contest_id: contest.id,
                simulations: request.simulations,
                candidates: request.candidates,
                seed: request.seed,
                out: None,
                exact_projections: false,
            })
            .await?;
        if b.warning.is_some() {
            return Ok(Judged::Left(LIVE.into()));
        }
        let outcome = &b.simulated.pick.outcome;
        Ok(Judged::Counted(RecordedContest {
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
            rank_known: b.pick.rank_known,
            cashed: b.pick.cashed,
            payout: b.pick.payout,
            stored: false,
        }))
    }

    /// Why a pick made now on a slate would see its result: the production models were trained
    /// on games of its week (None when they were not, when none is in production, or when the
    /// slate's week is not in the loaded schedule).
    pub(crate) async fn look_ahead(&self, slate_id: i32) -> Result<Option<String>> {
        let Some(until) = self.models_seen_until().await? else {
            return Ok(None);
        };
        let slate = self.slate(slate_id).await?;
        let Ok((season, week)) = self.slate_week(&slate).await else {
            return Ok(None);
        };
        Ok((until > week_key(season, week)).then(|| {
            format!(
                "the models in production were trained on games through {} week {}, this \
                 slate's week ({season} week {week}) included: a pick made now sees the result",
                (until - 1) / 100,
                (until - 1) % 100
            )
        }))
    }

    /// The first week none of the production models was trained on (the latest of their
    /// training ranges' ends); None without a production model that loads.
    async fn models_seen_until(&self) -> Result<Option<WeekKey>> {
        let registry = self.registry_dir();
        Ok(registry::production_versions(self.db())
            .await?
            .into_iter()
            .filter_map(|(position, version)| {
                let loaded = registry::load_version(&registry, position, &version).ok()?;
                let (season, week) = loaded.metadata.data_until.split_once('-')?;
                Some(week_key(season.parse().ok()?, week.parse().ok()?))
            })
            .max())
    }
}

/// Why a contest with live standings is left out.
const LIVE: &str = "its standings were exported before the games ended";

/// A contest counted in the record, or left out with the reason.
enum Judged {
    Counted(RecordedContest),
    Left(String),
}
