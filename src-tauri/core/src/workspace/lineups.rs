//! Lineups: the validation rules in force, storing, importing, exporting and deleting lineups.

use super::{read_input, Workspace};
use crate::dk::LineupFile;
use crate::lineup::{
    ExportReport, ExportRequest, Exposure, Lineup, LineupImportReport, NewLineup, ValidationRules,
};
use crate::{lineup, store, Error, Result};
use chrono::Utc;
use serde::Serialize;
use std::path::Path;
use ts_rs::TS;

/// A slate's stored lineups with each player's exposure across them (the Lineups page).
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct StoredLineups {
    /// The lineups, in the order they were stored.
    pub lineups: Vec<Lineup>,
    /// Each player's exposure across them, most used first.
    pub exposure: Vec<Exposure>,
}

impl Workspace {
    /// The rules lineups are validated against (the configured salary cap, no late swap).
    pub async fn lineup_rules(&self) -> Result<ValidationRules> {
        Ok(ValidationRules {
            salary_cap: self.typed_settings().await?.salary_cap,
            late_swap: None,
        })
    }

    /// The stored lineups of a slate.
    pub async fn lineups(&self, slate_id: i32) -> Result<Vec<Lineup>> {
        let slate = self.slate(slate_id).await?;
        store::lineups::list(&self.db, &slate).await
    }

    /// The stored lineups of a slate with each player's exposure across them.
    pub async fn stored_lineups(&self, slate_id: i32) -> Result<StoredLineups> {
        let lineups = self.lineups(slate_id).await?;
        let exposure = lineup::exposure(
            lineups
                .iter()
                .map(|l| l.slots.iter().map(|slot| &slot.player)),
        );
        Ok(StoredLineups { lineups, exposure })
    }

    /// Validates and stores lineups of a slate; returns their ids.
    pub async fn save_lineups(
        &self,
        slate_id: i32,
        lineups: &[NewLineup],
        source: &str,
    ) -> Result<Vec<i32>> {
        let slate = self.slate(slate_id).await?;
        let rules = self.lineup_rules().await?;
        Ok(
            store::lineups::save(&self.db, &slate, lineups, source, &rules)
                .await?
                .ids,
        )
    }

    /// Reads the lineups of an upload or entries file and stores them for the slate.
    pub async fn import_lineups_file(
        &self,
        slate_id: i32,
        path: &Path,
    ) -> Result<LineupImportReport> {
        let (file_name, bytes) = read_input(path)?;
        let file = LineupFile::parse(&file_name, &bytes)?;
        let slate = self.slate(slate_id).await?;
        let rules = self.lineup_rules().await?;
        let lineups = lineup::read_file(&slate, &file, &rules)?;
        let source = format!("import:{file_name}");
        let saved = store::lineups::save(&self.db, &slate, &lineups, &source, &rules).await?;
        Ok(LineupImportReport {
            already_stored: saved.ids.len() as u32 - saved.added,
            lineup_ids: saved.ids,
            added: saved.added,
        })
    }

    /// Writes an upload file, or fills an entries file, with lineups of a slate. Every lineup is
    /// validated first; the output file is written whole or not at all.
    pub async fn export_lineups(&self, request: &ExportRequest) -> Result<ExportReport> {
        let slate = self.slate(request.slate_id).await?;
        let stored = store::lineups::list(&self.db, &slate).await?;
        let lineups: Vec<Lineup> = match &request.lineup_ids {
            None => stored,
            Some(ids) => {
                ids.iter()
                    .map(|id| {
                        stored.iter().find(|l| l.id == *id).cloned().ok_or_else(|| {
                            Error::NotFound {
                                what: "lineup of this slate",
                                id: id.to_string(),
                            }
                        })
                    })
                    .collect::<Result<_>>()?
            }
        };
        let entries = match &request.entries {
            None => None,
            Some(path) => {
                let (file_name, bytes) = read_input(Path::new(path))?;
                Some(LineupFile::parse(&file_name, &bytes)?)
            }
        };
        let rules = self.lineup_rules().await?;
        let as_of = request.as_of.unwrap_or_else(Utc::now);
        let (bytes, mut report) =
            lineup::export(&slate, &lineups, entries.as_ref(), &rules, as_of)?;
        let out = Path::new(&request.out);
        self.write_user_file(out, &bytes)?;
        report.path = out.display().to_string();
        tracing::info!(slate = slate.summary.id, path = %report.path, lineups = report.lineups_written, "lineups exported");
        Ok(report)
    }

    /// Deletes lineups by id; returns how many were deleted.
    pub async fn delete_lineups(&self, ids: &[i32]) -> Result<u64> {
        store::lineups::delete(&self.db, ids).await
    }
}
