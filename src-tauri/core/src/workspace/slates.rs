//! Slates: importing a salary file, listing and loading slates, the user's toggles, matching players to the NFL.

use super::{read_input, Workspace};
use crate::slate::{ImportReport, PlayerFlags, Slate, SlatePlayer, SlateSummary};
use crate::{identity, store, Error, Result};
use std::path::Path;

impl Workspace {
    /// Imports a DraftKings salary file from disk (see [`slate::import`]).
    pub async fn import_slate_file(&self, path: &Path, name: Option<&str>) -> Result<ImportReport> {
        let (file_name, bytes) = read_input(path)?;
        self.import_slate(&file_name, &bytes, name).await
    }

    /// Imports a salary file's bytes; `file_name` is recorded and named in errors.
    pub async fn import_slate(
        &self,
        file_name: &str,
        bytes: &[u8],
        name: Option<&str>,
    ) -> Result<ImportReport> {
        store::slate_import::import(&self.db, file_name, bytes, name).await
    }

    /// Every imported slate, newest first.
    pub async fn slates(&self) -> Result<Vec<SlateSummary>> {
        store::slates::list(&self.db).await
    }

    /// One slate with its games and players.
    pub async fn slate(&self, slate_id: i32) -> Result<Slate> {
        store::slates::load(&self.db, slate_id).await
    }

    /// Sets a slate player's lock, exclude and projection override.
    pub async fn set_player_flags(
        &self,
        slate_player_id: i32,
        flags: &PlayerFlags,
    ) -> Result<SlatePlayer> {
        store::slates::set_player_flags(&self.db, slate_player_id, flags).await
    }

    /// The slate-player ids of DraftKings IDs on a slate; an unknown ID is refused by name.
    pub async fn slate_player_ids(&self, slate_id: i32, dk_ids: &[i64]) -> Result<Vec<i32>> {
        let slate = self.slate(slate_id).await?;
        dk_ids
            .iter()
            .map(|dk_id| {
                slate.player_by_dk_id(*dk_id).map(|p| p.id).ok_or_else(|| {
                    Error::InvalidInput(format!(
                        "No player with DraftKings ID {dk_id} on slate '{}'.",
                        slate.summary.name
                    ))
                })
            })
            .collect()
    }

    /// Matches every player of a slate to an NFL player (stored on the slate players).
    pub async fn match_slate(&self, slate_id: i32) -> Result<identity::SlateMatches> {
        let slate = self.slate(slate_id).await?;
        identity::match_slate(&self.db, &slate).await
    }

    /// Links a slate player to an NFL player by hand (the link is reused on later slates) and
    /// returns the slate's matches with it.
    pub async fn link_player(
        &self,
        slate_id: i32,
        slate_player_id: i32,
        gsis_id: &str,
    ) -> Result<identity::SlateMatches> {
        let slate = self.slate(slate_id).await?;
        identity::link(&self.db, &slate, slate_player_id, gsis_id).await?;
        self.match_slate(slate_id).await
    }
}
