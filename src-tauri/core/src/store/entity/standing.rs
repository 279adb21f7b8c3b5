//! `standings`: a contest's standings file (DraftKings' export or a lineup listing) imported
//! for a slate.

use sea_orm::entity::prelude::*;

/// One imported standings file.
#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "standings")]
pub struct Model {
    /// Row id.
    #[sea_orm(primary_key)]
    pub id: i32,
    /// The slate.
    pub slate_id: i32,
    /// The file's name.
    pub file_name: String,
    /// SHA-256 of its bytes: the same file is imported once per slate.
    pub sha256: String,
    /// Entries in the field.
    pub entries: i32,
    /// Exported before the games ended (points not final).
    pub live: bool,
    /// When it was imported (RFC 3339).
    pub imported_at: String,
    /// The contest's entries where the file lists only some (its top ranks); None: all.
    pub field_size: Option<i32>,
    /// The contest chosen in a file of several (DraftKings' contest ID); empty: it holds one.
    pub contest_ref: String,
    /// The games its lineups drafted from (`AWAY@HOME` keys, comma separated), where it lists
    /// enough of them to tell; empty: every game of the slate.
    pub games: String,
}

/// No relations are navigated from standings.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
