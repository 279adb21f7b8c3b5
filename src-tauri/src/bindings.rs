//! TypeScript types of every command's input and output, generated from the Rust types with
//! ts-rs into `ui/src/lib/bindings.ts`. A test fails when the checked-in file is stale; run
//! `UPDATE_BINDINGS=1 cargo test -p nfl-dfs bindings` to regenerate it.

use crate::commands::{
    ImportLineupsInput, ImportSlateInput, OptimizeInput, SetPlayerFlagsInput, SetSettingInput,
};
use crate::contest_commands::{ImportStandingsInput, SavePickInput, SavedPick};
use crate::error::IpcError;
use crate::events::{OptimizeProgress, PickProgress, UpdateInfo, UpdateProgress};
use crate::model_commands::DeployInput;
use crate::nfl_commands::{DownloadInput, IngestInput, LinkPlayerInput};
use nfl_dfs_core::backup::{BackupCheck, BackupEntry, BackupKind, BackupReason};
use nfl_dfs_core::choices::{Choices, SlotRule};
use nfl_dfs_core::contest::field_shape::{FieldShape, Percentiles};
use nfl_dfs_core::contest::pick::CandidateOutcome;
use nfl_dfs_core::contest::standings::ListedContest;
use nfl_dfs_core::contest::track_record::{ForecastBin, TrackSummary};
use nfl_dfs_core::contest::{Contest, ContestType, PayoutTier, Payouts};
use nfl_dfs_core::demo_folder::DemoReport;
use nfl_dfs_core::dk::{Position, Slot};
use nfl_dfs_core::doctor::{Check, CheckStatus, DoctorReport, FixAction};
use nfl_dfs_core::health::{DataStatus, Health, ModelStatus};
use nfl_dfs_core::identity::{MatchHow, PlayerMatch, SlateMatches};
use nfl_dfs_core::lineup::{
    ExportReport, ExportRequest, Exposure, Lineup, LineupImportReport, LineupSlot,
};
use nfl_dfs_core::monitor::{
    Alert, AlertChange, AlertKind, CommandLatency, LatencyStats, MonitorSnapshot, ResourceSample,
};
use nfl_dfs_core::nflverse::{
    FileKind, IngestedFile, LoadProgress, LoadStage, NflPlayerSummary, SeasonData,
};
use nfl_dfs_core::optimizer::{
    Built, ExposureLimit, LateSwapReport, LateSwapRequest, OptimizeReport, Rules, Run, SlotLock,
    SwappedEntry, TeamLimit,
};
use nfl_dfs_core::profile::Profile;
use nfl_dfs_core::projection::availability::PlayStatus;
use nfl_dfs_core::projection::distribution::{Quantiles, SpreadModel};
use nfl_dfs_core::projection::learner::Learner;
use nfl_dfs_core::projection::metrics::Metrics;
use nfl_dfs_core::projection::project::{PlayerProjection, ProjectionSource};
use nfl_dfs_core::projection::registry::ModelVersion;
use nfl_dfs_core::projection::train::{Candidate, PositionResult, PositionSummary};
use nfl_dfs_core::settings::{SettingEntry, SettingSource, SettingValue};
use nfl_dfs_core::slate::{
    GameState, ImportReport, PlayerFlags, PositionCount, Slate, SlateGame, SlatePlayer,
    SlateSummary,
};
use nfl_dfs_core::IngestReport;
use nfl_dfs_core::{
    ContestBacktest, ContestEdit, FieldCheck, FieldRequest, LineupOutcome, LineupPlayer,
    NewContest, OwnershipReport, PickReport, PickRequest, PlayerOwnership, RealFinish,
    RecordRequest, RecordedContest, Spread, StandingsReport, TrackRecord,
};
use nfl_dfs_core::{ErrorCode, RestoreReport};
use nfl_dfs_core::{
    PlayerView, SlateProjections, SlateView, StoredLineups, TrainReport, TrainRequest, TrainingRun,
};
use ts_rs::{Config, TS};

/// Where the generated file lives, relative to the workspace root.
pub const BINDINGS_PATH: &str = "ui/src/lib/bindings.ts";

/// The generated TypeScript module.
pub fn typescript() -> String {
    let cfg = Config::default();
    let decls = [
        ErrorCode::decl(&cfg),
        IpcError::decl(&cfg),
        Health::decl(&cfg),
        DataStatus::decl(&cfg),
        ModelStatus::decl(&cfg),
        Profile::decl(&cfg),
        SettingValue::decl(&cfg),
        SettingSource::decl(&cfg),
        SettingEntry::decl(&cfg),
        SetSettingInput::decl(&cfg),
        Position::decl(&cfg),
        Slot::decl(&cfg),
        GameState::decl(&cfg),
        SlateSummary::decl(&cfg),
        SlateGame::decl(&cfg),
        SlatePlayer::decl(&cfg),
        Slate::decl(&cfg),
        PlayerView::decl(&cfg),
        SlotRule::decl(&cfg),
        Choices::decl(&cfg),
        SlateView::decl(&cfg),
        PositionCount::decl(&cfg),
        ImportReport::decl(&cfg),
        PlayerFlags::decl(&cfg),
        ImportSlateInput::decl(&cfg),
        SetPlayerFlagsInput::decl(&cfg),
        LineupSlot::decl(&cfg),
        Lineup::decl(&cfg),
        Exposure::decl(&cfg),
        StoredLineups::decl(&cfg),
        LineupImportReport::decl(&cfg),
        ExportRequest::decl(&cfg),
        ExportReport::decl(&cfg),
        ImportLineupsInput::decl(&cfg),
        Rules::decl(&cfg),
        TeamLimit::decl(&cfg),
        SlotLock::decl(&cfg),
        ExposureLimit::decl(&cfg),
        LateSwapRequest::decl(&cfg),
        SwappedEntry::decl(&cfg),
        LateSwapReport::decl(&cfg),
        IngestInput::decl(&cfg),
        DownloadInput::decl(&cfg),
        LoadStage::decl(&cfg),
        LoadProgress::decl(&cfg),
        LinkPlayerInput::decl(&cfg),
        FileKind::decl(&cfg),
        IngestedFile::decl(&cfg),
        IngestReport::decl(&cfg),
        SeasonData::decl(&cfg),
        NflPlayerSummary::decl(&cfg),
        MatchHow::decl(&cfg),
        PlayerMatch::decl(&cfg),
        SlateMatches::decl(&cfg),
        Built::decl(&cfg),
        Run::decl(&cfg),
        OptimizeReport::decl(&cfg),
        OptimizeInput::decl(&cfg),
        OptimizeProgress::decl(&cfg),
        Learner::decl(&cfg),
        Metrics::decl(&cfg),
        Candidate::decl(&cfg),
        PositionResult::decl(&cfg),
        PositionSummary::decl(&cfg),
        SpreadModel::decl(&cfg),
        Quantiles::decl(&cfg),
        DemoReport::decl(&cfg),
        TrainRequest::decl(&cfg),
        TrainReport::decl(&cfg),
        TrainingRun::decl(&cfg),
        ModelVersion::decl(&cfg),
        DeployInput::decl(&cfg),
        ProjectionSource::decl(&cfg),
        PlayStatus::decl(&cfg),
        PlayerProjection::decl(&cfg),
        SlateProjections::decl(&cfg),
        BackupKind::decl(&cfg),
        BackupReason::decl(&cfg),
        BackupEntry::decl(&cfg),
        BackupCheck::decl(&cfg),
        RestoreReport::decl(&cfg),
        CheckStatus::decl(&cfg),
        FixAction::decl(&cfg),
        Check::decl(&cfg),
        DoctorReport::decl(&cfg),
        ResourceSample::decl(&cfg),
        CommandLatency::decl(&cfg),
        LatencyStats::decl(&cfg),
        AlertKind::decl(&cfg),
        Alert::decl(&cfg),
        AlertChange::decl(&cfg),
        MonitorSnapshot::decl(&cfg),
        UpdateInfo::decl(&cfg),
        UpdateProgress::decl(&cfg),
        ContestType::decl(&cfg),
        PayoutTier::decl(&cfg),
        Payouts::decl(&cfg),
        Contest::decl(&cfg),
        NewContest::decl(&cfg),
        ContestEdit::decl(&cfg),
        PickRequest::decl(&cfg),
        CandidateOutcome::decl(&cfg),
        LineupPlayer::decl(&cfg),
        LineupOutcome::decl(&cfg),
        Spread::decl(&cfg),
        PickReport::decl(&cfg),
        PickProgress::decl(&cfg),
        SavePickInput::decl(&cfg),
        SavedPick::decl(&cfg),
        ImportStandingsInput::decl(&cfg),
        StandingsReport::decl(&cfg),
        ListedContest::decl(&cfg),
        RealFinish::decl(&cfg),
        ContestBacktest::decl(&cfg),
        RecordRequest::decl(&cfg),
        RecordedContest::decl(&cfg),
        ForecastBin::decl(&cfg),
        TrackSummary::decl(&cfg),
        TrackRecord::decl(&cfg),
        FieldRequest::decl(&cfg),
        FieldShape::decl(&cfg),
        Percentiles::decl(&cfg),
        FieldCheck::decl(&cfg),
        PlayerOwnership::decl(&cfg),
        OwnershipReport::decl(&cfg),
    ];
    let mut out = String::from(
        "// Generated from the Rust types by src-tauri/src/bindings.rs. Do not edit.\n\
         // Regenerate: UPDATE_BINDINGS=1 cargo test -p nfl-dfs bindings\n",
    );
    for decl in decls {
        out.push_str("\nexport ");
        out.push_str(&decl);
        out.push('\n');
    }
    let events = crate::events::typescript_events(&cfg);
    out.push_str("\n/** Every event the app sends the window, by name, with its payload. */\n");
    out.push_str("export type AppEvents = {\n");
    for (name, payload) in &events {
        out.push_str(&format!("  \"{name}\": {payload};\n"));
    }
    out.push_str("};\n\n/** The names of every event, in declaration order. */\n");
    out.push_str("export const APP_EVENTS = [\n");
    for (name, _) in &events {
        out.push_str(&format!("  \"{name}\",\n"));
    }
    out.push_str("] as const;\n");
    out.push_str("\n/** Every IPC command the window may call (`invoke` name). */\n");
    out.push_str("export const COMMANDS = [\n");
    for name in crate::commands::COMMAND_NAMES {
        out.push_str(&format!("  \"{name}\",\n"));
    }
    out.push_str("] as const;\n\n/** The name of an IPC command. */\n");
    out.push_str("export type CommandName = (typeof COMMANDS)[number];\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;

    #[test]
    fn bindings_are_current() {
        let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(BINDINGS_PATH);
        let fresh = typescript();
        if std::env::var_os("UPDATE_BINDINGS").is_some() {
            std::fs::write(&path, &fresh).unwrap();
        }
        let checked_in = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(
            checked_in == fresh,
            "{BINDINGS_PATH} is stale: run `UPDATE_BINDINGS=1 cargo test -p nfl-dfs bindings`"
        );
    }
}
