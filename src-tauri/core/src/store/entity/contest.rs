//! `contests`: a contest of a slate the user enters one lineup in.

use sea_orm::entity::prelude::*;

/// One contest.
#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "contests")]
pub struct Model {
    /// Row id.
    #[sea_orm(primary_key)]
    pub id: i32,
    /// The slate.
    pub slate_id: i32,
    /// Its name.
    pub name: String,
    /// `double-up`, `fifty-fifty`, `h2h` or `tournament`.
    pub contest_type: String,
    /// Entry fee, dollars.
    pub entry_fee: f64,
    /// Entries in the full field.
    pub entries: i32,
    /// The payout table as JSON (`{"tiers": [{"first", "last", "prize"}]}`).
    pub payouts: String,
    /// When it was added (RFC 3339).
    pub created_at: String,
    /// DraftKings' contest ID, where the user gave it.
    pub dk_contest_id: Option<String>,
    /// The games it covers (`AWAY@HOME` keys, comma separated); empty: every game of its slate.
    pub games: String,
}

/// No relations are navigated from contests.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
