// Typed calls to the app's Tauri commands. The types come from the Rust side (bindings.ts,
// generated); errors arrive as {code, message} and are raised as AppError so callers switch
// on `code`, never on message text.
import { invoke } from "@tauri-apps/api/core";
import type {
  BackupEntry,
  Contest,
  ContestBacktest,
  ContestEdit,
  FieldCheck,
  FieldRequest,
  NewContest,
  OwnershipReport,
  PickReport,
  PickRequest,
  SavePickInput,
  SavedPick,
  RecordRequest,
  StandingsReport,
  ImportStandingsInput,
  Choices,
  CommandName,
  DoctorReport,
  MonitorSnapshot,
  RestoreReport,
  DemoReport,
  UpdateInfo,
  ErrorCode,
  ExportReport,
  ExportRequest,
  Health,
  ImportLineupsInput,
  DeployInput,
  DownloadInput,
  ModelVersion,
  Position,
  SlateProjections,
  TrackRecord,
  TrainReport,
  TrainRequest,
  TrainingRun,
  IngestInput,
  IngestReport,
  ImportReport,
  ImportSlateInput,
  IpcError,
  LateSwapReport,
  LateSwapRequest,
  LineupImportReport,
  LinkPlayerInput,
  NflPlayerSummary,
  OptimizeInput,
  OptimizeReport,
  SeasonData,
  SetPlayerFlagsInput,
  SetSettingInput,
  SettingEntry,
  SlateMatches,
  SlateView,
  SlatePlayer,
  SlateSummary,
  StoredLineups,
} from "./bindings";

/** An error from a command, or `ipc` when the call itself failed. */
export class AppError extends Error {
  readonly code: ErrorCode | "ipc";

  constructor(code: ErrorCode | "ipc", message: string) {
    super(message);
    this.name = "AppError";
    this.code = code;
  }
}

/** The message of a caught error, for people (a command's message, or the thrown text). */
export function errorText(e: unknown): string {
  return e instanceof AppError ? e.message : String(e);
}

function isIpcError(value: unknown): value is IpcError {
  return (
    typeof value === "object" &&
    value !== null &&
    typeof (value as IpcError).code === "string" &&
    typeof (value as IpcError).message === "string"
  );
}

async function call<T>(command: CommandName, args?: Record<string, unknown>): Promise<T> {
  try {
    return await invoke<T>(command, args);
  } catch (raw) {
    if (isIpcError(raw)) throw new AppError(raw.code, raw.message);
    throw new AppError("ipc", raw instanceof Error ? raw.message : String(raw));
  }
}

export const api = {
  health: () => call<Health>("health"),
  backupNow: () => call<BackupEntry[]>("backup_now"),
  listBackups: () => call<BackupEntry[]>("list_backups"),
  restoreBackup: (file: string) => call<RestoreReport>("restore_backup", { file }),
  openDemo: () => call<DemoReport>("open_demo"),
  leaveDemo: () => call<null>("leave_demo"),
  runDoctor: () => call<DoctorReport>("run_doctor"),
  monitorSnapshot: () => call<MonitorSnapshot>("monitor_snapshot"),
  checkUpdate: () => call<UpdateInfo | null>("check_update"),
  installUpdate: () => call<UpdateInfo>("install_update"),
  getSettings: () => call<SettingEntry[]>("get_settings"),
  setSetting: (input: SetSettingInput) => call<SettingEntry>("set_setting", { input }),
  importSlate: (input: ImportSlateInput) => call<ImportReport>("import_slate", { input }),
  listSlates: () => call<SlateSummary[]>("list_slates"),
  getSlate: (slateId: number) => call<SlateView>("get_slate", { slateId }),
  getChoices: () => call<Choices>("get_choices"),
  setPlayerFlags: (input: SetPlayerFlagsInput) => call<SlatePlayer>("set_player_flags", { input }),
  listLineups: (slateId: number) => call<StoredLineups>("list_lineups", { slateId }),
  importLineups: (input: ImportLineupsInput) =>
    call<LineupImportReport>("import_lineups", { input }),
  exportLineups: (request: ExportRequest) => call<ExportReport>("export_lineups", { request }),
  deleteLineups: (lineupIds: number[]) => call<number>("delete_lineups", { lineupIds }),
  optimize: (input: OptimizeInput) => call<OptimizeReport>("optimize", { input }),
  cancelOptimize: () => call<null>("cancel_optimize"),
  lateSwap: (input: LateSwapRequest) => call<LateSwapReport>("late_swap", { input }),
  ingestNfl: (input: IngestInput) => call<IngestReport>("ingest_nfl", { input }),
  downloadNfl: (input: DownloadInput) => call<IngestReport>("download_nfl", { input }),
  cancelLoad: () => call<null>("cancel_load"),
  listNflSeasons: () => call<SeasonData[]>("list_nfl_seasons"),
  matchSlate: (slateId: number) => call<SlateMatches>("match_slate", { slateId }),
  linkPlayer: (input: LinkPlayerInput) => call<SlateMatches>("link_player", { input }),
  searchNflPlayers: (query: string) => call<NflPlayerSummary[]>("search_nfl_players", { query }),
  trainModels: (request: TrainRequest) => call<TrainReport>("train_models", { request }),
  listTrainingRuns: () => call<TrainingRun[]>("list_training_runs"),
  listModelVersions: () => call<ModelVersion[]>("list_model_versions"),
  deployModel: (input: DeployInput) => call<ModelVersion[]>("deploy_model", { input }),
  rollbackModel: (position: Position) => call<ModelVersion[]>("rollback_model", { position }),
  projectSlate: (slateId: number) => call<SlateProjections>("project_slate", { slateId }),
  listContests: (slateId: number | null) => call<Contest[]>("list_contests", { slateId }),
  addContest: (input: NewContest) => call<Contest>("add_contest", { input }),
  editContest: (contestId: number, input: ContestEdit) => call<Contest>("edit_contest", { contestId, input }),
  removeContest: (contestId: number) => call<null>("remove_contest", { contestId }),
  pickContest: (request: PickRequest) => call<PickReport>("pick_contest", { request }),
  cancelPick: () => call<null>("cancel_pick"),
  savePick: (input: SavePickInput) => call<SavedPick>("save_pick", { input }),
  importStandings: (input: ImportStandingsInput) =>
    call<StandingsReport>("import_standings", { input }),
  contestBacktest: (request: PickRequest) => call<ContestBacktest>("contest_backtest", { request }),
  contestRecord: (request: RecordRequest) => call<TrackRecord>("contest_record", { request }),
  contestField: (request: FieldRequest) => call<FieldCheck>("contest_field", { request }),
  slateOwnership: (slateId: number) => call<OwnershipReport>("slate_ownership", { slateId }),
};
