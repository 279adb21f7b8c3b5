// Realistic command results for the UI tests, shaped by the generated bindings.
import type { Choices, Health, SettingEntry } from "../lib/bindings";

export function healthFixture(overrides: Partial<Health> = {}): Health {
  return {
    app_version: "0.1.0",
    profile: "production",
    data_dir: "/home/u/.local/share/com.nfldfs.desktop",
    demo: false,
    database_path: "/home/u/.local/share/com.nfldfs.desktop/nfl-dfs.sqlite",
    schema_version: "m20261128_000001_initial",
    migrations_applied: 1,
    data: {
      teams: 0,
      games: 0,
      players: 0,
      slates: 0,
      slate_players: 0,
      nfl_player_weeks: 0,
      last_nfl_load: null,
      last_updated: null,
    },
    models: { registry_dir: "/home/u/.local/share/com.nfldfs.desktop/models/registry", trained_positions: [] },
    ...overrides,
  };
}

export function settingsFixture(): SettingEntry[] {
  return [
    {
      key: "salary_cap",
      label: "Salary cap",
      description: "Most a lineup may spend.",
      unit: "$",
      value: 50000,
      default: 50000,
      source: "default",
      env_var: "NFL_DFS_SALARY_CAP",
      min: 10000,
      max: 1000000,
    },
    {
      key: "self_tuning",
      label: "Self-tuning",
      description: "Retrain and tune models.",
      unit: null,
      value: true,
      default: true,
      source: "default",
      env_var: "NFL_DFS_SELF_TUNING",
      min: null,
      max: null,
    },
    {
      key: "cpu_threads",
      label: "CPU threads",
      description: "Worker threads.",
      unit: "threads",
      value: 4,
      default: 2,
      source: "environment",
      env_var: "NFL_DFS_CPU_THREADS",
      min: 1,
      max: 256,
    },
    {
      key: "nfl_data_url",
      label: "NFL data address",
      description: "Where nflverse files are downloaded from.",
      unit: null,
      value: "https://github.com/nflverse/nflverse-data/releases/download",
      default: "https://github.com/nflverse/nflverse-data/releases/download",
      source: "default",
      env_var: "NFL_DFS_NFL_DATA_URL",
      min: null,
      max: null,
    },
  ];
}

import type {
  Exposure,
  ImportReport,
  Lineup,
  PlayerView,
  Position,
  Quantiles,
  SlatePlayer,
  SlateSummary,
  SlateView,
} from "../lib/bindings";

export function slateSummaryFixture(overrides: Partial<SlateSummary> = {}): SlateSummary {
  return {
    id: 1,
    name: "Sun 01/03/2027 · 2 games",
    source_file: "DKSalaries.csv",
    layout: "standard",
    exportable: true,
    imported_at: "2026-11-28T12:00:00Z",
    players: 5,
    games: 2,
    lineups: 0,
    first_kickoff: "2027-01-03T18:00:00Z",
    last_kickoff: "2027-01-03T21:25:00Z",
    ...overrides,
  };
}

function player(
  id: number,
  name: string,
  position: SlatePlayer["position"],
  team: string,
  salary: number,
  avg: number,
  extra: Partial<PlayerView> = {},
): PlayerView {
  const game1 = ["BUF", "MIA"].includes(team);
  const playable = extra.game_state === undefined || extra.game_state === "scheduled";
  return {
    projection: playable ? avg : 0,
    projection_source: playable ? "average" : "out",
    floor: playable ? avg * 0.6 : 0,
    ceiling: playable ? avg * 1.4 : 0,
    value: playable ? avg / (salary / 1000) : 0,
    playable,
    projection_note: playable ? null : "no game on this slate",
    if_plays: playable ? avg : 0,
    play_probability: playable ? 1 : 0,
    status: playable ? "active" : "out",
    availability_reason: playable ? "played his team's last game" : "no game on this slate",
    quantiles: range(playable ? avg : 0),
    if_plays_quantiles: range(playable ? avg : 0),
    team_total: { BUF: 27.5, MIA: 21.0 }[team] ?? null,
    id,
    dk_id: 91000000 + id,
    name,
    position,
    team,
    opponent: { BUF: "MIA", MIA: "BUF", KC: "LV", LV: "KC" }[team] ?? null,
    game_id: game1 ? 1 : 2,
    kickoff_utc: game1 ? "2027-01-03T18:00:00Z" : "2027-01-03T21:25:00Z",
    game_state: "scheduled",
    salary,
    avg_points_per_game: avg,
    locked: false,
    excluded: false,
    projection_override: null,
    play_override: null,
    ...extra,
  };
}

/** A slate as the core shows it: the QB's projection comes from a model (not his average). */
export function slateFixture(): SlateView {
  return {
    models: ["QB r1"],
    notice: null,
    summary: slateSummaryFixture(),
    games: [
      { id: 1, away: "BUF", home: "MIA", kickoff_utc: "2027-01-03T18:00:00Z" },
      { id: 2, away: "KC", home: "LV", kickoff_utc: "2027-01-03T21:25:00Z" },
    ],
    players: [
      player(1, "Avery Brooks", "QB", "BUF", 8000, 24.0, {
        projection: 27.5,
        projection_source: "model",
        floor: 19.0,
        ceiling: 35.0,
        value: 3.4375,
      }),
      player(2, "Blake Carter", "RB", "KC", 7000, 21.0),
      player(3, "Carter Dawson", "WR", "MIA", 6000, 18.0),
      player(4, "Dallas Ellison", "TE", "LV", 4000, 12.0),
      player(5, "Elliot Fletcher", "RB", "HOU", 4500, 0, {
        opponent: null,
        game_id: null,
        kickoff_utc: null,
        game_state: "no_game",
      }),
    ],
  };
}

export function importReportFixture(overrides: Partial<ImportReport> = {}): ImportReport {
  return {
    slate: slateSummaryFixture(),
    already_imported: false,
    positions: [
      { position: "QB", players: 1 },
      { position: "RB", players: 2 },
      { position: "WR", players: 1 },
      { position: "TE", players: 1 },
      { position: "DST", players: 0 },
    ],
    unusable_players: 1,
    ...overrides,
  };
}

export function lineupFixture(id: number, playerIds: number[]): Lineup {
  const players = slateFixture().players;
  const slots = ["QB", "RB", "RB", "WR", "WR", "WR", "TE", "FLEX", "DST"] as const;
  return {
    id,
    slate_id: 1,
    slots: slots.map((slot, i) => ({
      slot,
      player: players.find((p) => p.id === playerIds[i % playerIds.length])!,
    })),
    salary: 49800,
    projected_points: 150.5,
    source: "import:upload.csv",
    created_at: "2026-11-28T12:00:00Z",
    earlier_models: false,
  };
}

/** A player's exposure as the core reports it (`share` of `of` lineups). */
export function exposureFixture(id: number, name: string, position: Position, count: number, of: number): Exposure {
  return { slate_player_id: id, name, position, count, share: count / of };
}

/** The core's limits and choices, as `get_choices` returns them. */
export function choicesFixture(): Choices {
  return {
    max_lineups: 500,
    max_percent: 100,
    max_projection_override: 100,
    salary_cap: 50000,
    roster: ["QB", "RB", "RB", "WR", "WR", "WR", "TE", "FLEX", "DST"],
    slot_labels: ["QB", "RB1", "RB2", "WR1", "WR2", "WR3", "TE", "FLEX", "DST"],
    slots: [
      { slot: "QB", positions: ["QB"] },
      { slot: "RB", positions: ["RB"] },
      { slot: "WR", positions: ["WR"] },
      { slot: "TE", positions: ["TE"] },
      { slot: "FLEX", positions: ["RB", "WR", "TE"] },
      { slot: "DST", positions: ["DST"] },
    ],
    backup_hour: 3,
    model_backup_days: 7,
  };
}

/** A range around `mean`: floor 0.6x, ceiling 1.4x, 5th/95th 0.4x/1.7x, median 0.95x. */
export function range(mean: number): Quantiles {
  return { p05: mean * 0.4, p15: mean * 0.6, p50: mean * 0.95, p85: mean * 1.4, p95: mean * 1.7 };
}
