//! Stored picks with what the simulation predicted for them when they were made
//! (`contest_picks`), for the track record.

use super::{begin_write, db_err};
use crate::store::entity::contest_pick;
use crate::Result;
use chrono::Utc;
use sea_orm::{ActiveModelTrait, DatabaseConnection, EntityTrait, QueryOrder, Set};

const SAVING: &str = "saving a pick's prediction";

/// What the simulation predicted for a pick.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Prediction {
    /// Chance to cash, 0 to 1.
    pub p_cash: f64,
    /// Expected payout, dollars.
    pub expected_payout: f64,
    /// The simulated cash line (median).
    pub cash_line: f64,
    /// Slates simulated.
    pub simulations: u32,
}

/// A stored pick: its contest, its lineup and its prediction.
#[derive(Debug, Clone, PartialEq)]
pub struct StoredPick {
    /// The contest.
    pub contest_id: i32,
    /// The stored lineup.
    pub lineup_id: i32,
    /// What was predicted.
    pub prediction: Prediction,
}

/// Records a pick's prediction.
pub async fn record(
    db: &DatabaseConnection,
    contest_id: i32,
    lineup_id: i32,
    prediction: &Prediction,
) -> Result<()> {
    let txn = begin_write(db, SAVING).await?;
    contest_pick::ActiveModel {
        contest_id: Set(contest_id),
        lineup_id: Set(lineup_id),
        p_cash: Set(prediction.p_cash),
        expected_payout: Set(prediction.expected_payout),
        cash_line: Set(prediction.cash_line),
        simulations: Set(i32::try_from(prediction.simulations).unwrap_or(i32::MAX)),
        created_at: Set(Utc::now().to_rfc3339()),
        ..Default::default()
    }
    .insert(&txn)
    .await
    .map_err(db_err(SAVING))?;
    txn.commit().await.map_err(db_err(SAVING))
}

/// Every stored pick, oldest first.
pub async fn list(db: &DatabaseConnection) -> Result<Vec<StoredPick>> {
    Ok(contest_pick::Entity::find()
        .order_by_asc(contest_pick::Column::Id)
        .all(db)
        .await
        .map_err(db_err("reading stored picks"))?
        .into_iter()
        .map(|r| StoredPick {
            contest_id: r.contest_id,
            lineup_id: r.lineup_id,
            prediction: Prediction {
                p_cash: r.p_cash,
                expected_payout: r.expected_payout,
                cash_line: r.cash_line,
                simulations: u32::try_from(r.simulations).unwrap_or(0),
            },
        })
        .collect())
}
