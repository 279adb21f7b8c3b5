// Realistic command results for the UI tests, shaped by the generated bindings.
import type { Health, SettingEntry } from "../lib/bindings";

export function healthFixture(overrides: Partial<Health> = {}): Health {
  return {
    app_version: "0.1.0",
    data_dir: "/home/u/.local/share/com.nfldfs.desktop",
    database_path: "/home/u/.local/share/com.nfldfs.desktop/nfl-dfs.sqlite",
    schema_version: "m20261128_000001_initial",
    migrations_applied: 1,
    data: { teams: 0, games: 0, players: 0, slates: 0, slate_players: 0, last_updated: null },
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
  ];
}
