//! `contest_picks`: a stored pick and what the simulation predicted for it then.

use sea_orm::entity::prelude::*;

/// One stored pick.
#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "contest_picks")]
pub struct Model {
    /// Row id.
    #[sea_orm(primary_key)]
    pub id: i32,
    /// The contest.
    pub contest_id: i32,
    /// The stored lineup.
    pub lineup_id: i32,
    /// Predicted chance to cash, 0 to 1.
    pub p_cash: f64,
    /// Expected payout, dollars.
    pub expected_payout: f64,
    /// The simulated cash line (median).
    pub cash_line: f64,
    /// Slates simulated.
    pub simulations: i32,
    /// When it was stored (RFC 3339).
    pub created_at: String,
}

/// No relations are navigated from this table.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
