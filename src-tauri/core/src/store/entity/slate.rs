//! `slates`: imported DraftKings salary files.

use sea_orm::entity::prelude::*;

/// One imported DraftKings slate.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "slates")]
pub struct Model {
    /// Row id.
    #[sea_orm(primary_key)]
    pub id: i32,
    /// Name shown to the user.
    pub name: String,
    /// File name it was imported from.
    pub source_file: String,
    /// Hash of the file's content; the same file is recognised on re-import.
    #[sea_orm(unique)]
    pub content_hash: String,
    /// Which salary-file layout it came in.
    pub layout: String,
    /// Whether lineups of this slate can be exported for upload (the file carried DK IDs).
    pub exportable: bool,
    /// When it was imported.
    pub imported_at: DateTimeUtc,
}

/// No relations are navigated from slates yet.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
