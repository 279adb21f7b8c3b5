//! Building lineups: the optimizer run and late swap, with the projections the core uses.

use super::{read_input, Workspace};
use crate::dk::LineupFile;
use crate::lineup::NewLineup;
use crate::optimizer::{LateSwapReport, LateSwapRequest, OptimizeReport, Rules};
use crate::{lineup, optimizer, store, Error, Result};
use chrono::Utc;
use std::collections::HashMap;
use std::path::Path;

impl Workspace {
    /// Builds lineups for a slate with the optimizer (off the async runtime's threads) and
    /// stores them (source `optimizer`). The salary cap comes from the settings.
    /// `projections` overrides players' projections by slate-player id (when empty, the
    /// production models' projections are used for players without the user's override); `on_progress(done, total)`
    /// reports progress and returns false to stop early.
    pub async fn optimize(
        &self,
        slate_id: i32,
        rules: Rules,
        projections: HashMap<i32, f64>,
        on_progress: impl FnMut(usize, usize) -> bool + Send + 'static,
    ) -> Result<OptimizeReport> {
        let rules = Rules {
            salary_cap: self.typed_settings().await?.salary_cap,
            ..rules
        };
        // A rule set no slate can satisfy is refused before the slate is projected (which
        // stores the players' links): a refused run changes nothing.
        optimizer::check_rules(&rules)?;
        let (slate, projections) = self.slate_for_optimizer(slate_id, projections).await?;
        let (slate, run) = tokio::task::spawn_blocking(move || {
            let run = optimizer::optimize(
                &slate,
                &projections,
                &rules,
                &crate::wall_clock,
                on_progress,
            );
            (slate, run)
        })
        .await
        .map_err(|e| Error::Solver(format!("the optimizer thread failed: {e}")))?;
        let run = run?;
        let lineups: Vec<NewLineup> = run
            .lineups
            .iter()
            .map(|built| NewLineup {
                players: built
                    .players
                    .clone()
                    .try_into()
                    .expect("the optimizer returns nine players"),
                projected_points: Some(built.points),
            })
            .collect();
        let rules = self.lineup_rules().await?;
        let saved = store::lineups::save(&self.db, &slate, &lineups, "optimizer", &rules).await?;
        let by_id: HashMap<i32, &crate::slate::SlatePlayer> =
            slate.players.iter().map(|p| (p.id, p)).collect();
        let exposure = lineup::exposure(
            run.lineups
                .iter()
                .map(|built| built.players.iter().filter_map(|id| by_id.get(id).copied())),
        );
        Ok(OptimizeReport {
            run,
            lineup_ids: saved.ids,
            exposure,
        })
    }

    /// Late swap: re-optimises every entry of a DraftKings entries file at `request.as_of`
    /// (default now), keeping started and locked players in their slots, and writes the filled
    /// entries file (nothing is written when no entry can be re-optimised). The salary cap comes
    /// from the settings; projections as in [`Workspace::optimize`].
    pub async fn late_swap(
        &self,
        request: &LateSwapRequest,
        projections: HashMap<i32, f64>,
    ) -> Result<LateSwapReport> {
        // The entries file and the rules are checked before the slate is projected (which
        // stores the players' links): a refused late swap changes nothing.
        let (file_name, bytes) = read_input(Path::new(&request.entries))?;
        let file = LineupFile::parse(&file_name, &bytes)?;
        let rules = Rules {
            salary_cap: self.typed_settings().await?.salary_cap,
            ..request.rules.clone()
        };
        optimizer::check_rules(&Rules {
            lineups: 1,
            ..rules.clone()
        })?;
        let (slate, projections) = self
            .slate_for_optimizer(request.slate_id, projections)
            .await?;
        let as_of = request.as_of.unwrap_or_else(Utc::now);
        let (file, run) = tokio::task::spawn_blocking(move || {
            let run = optimizer::late_swap(
                &slate,
                &projections,
                &rules,
                &file,
                as_of,
                &crate::wall_clock,
            );
            (file, run)
        })
        .await
        .map_err(|e| Error::Solver(format!("the optimizer thread failed: {e}")))?;
        let run = run?;
        if run.fills.is_empty() {
            let reasons: Vec<String> = run
                .entries
                .iter()
                .map(|e| {
                    format!(
                        "entry {} (line {}): {}",
                        e.entry_id,
                        e.line,
                        e.reason.as_deref().unwrap_or("nothing to do")
                    )
                })
                .collect();
            return Err(Error::InvalidInput(format!(
                "No entry of {} could be re-optimised: {}",
                file.file,
                if reasons.is_empty() {
                    "it has no entry rows".into()
                } else {
                    reasons.join("; ")
                }
            )));
        }
        let out = Path::new(&request.out);
        self.write_user_file(out, &file.filled(&run.fills))?;
        tracing::info!(slate = request.slate_id, path = %out.display(), entries = run.fills.len(), "late swap written");
        Ok(LateSwapReport {
            path: out.display().to_string(),
            entries: run.entries,
            seconds: run.seconds,
        })
    }

    /// Reads a projections file (`ID,Projection`) for a slate.
    pub async fn read_projections(&self, slate_id: i32, path: &Path) -> Result<HashMap<i32, f64>> {
        let (file_name, bytes) = read_input(path)?;
        let slate = self.slate(slate_id).await?;
        Ok(optimizer::projection_file::read(
            &file_name, &bytes, &slate,
        )?)
    }
}
