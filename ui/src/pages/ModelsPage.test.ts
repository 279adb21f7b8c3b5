import { describe, expect, it } from "vitest";
import { fireEvent, render, screen, waitFor } from "@testing-library/svelte";
import { mockIPC } from "@tauri-apps/api/mocks";
import { emit } from "@tauri-apps/api/event";
import ModelsPage from "./ModelsPage.svelte";
import type { DeployInput, ModelVersion, PositionSummary, TrainingRun } from "../lib/bindings";

/** A position's result; its error gain is the core's, sent as it is (here one decimal off what
 * the UI could work out from the two errors, so a page computing its own would show another). */
const result = (position: PositionSummary["position"], mae: number, base: number): PositionSummary => ({
  mae_gain: Math.round(1000 * (1 - mae / base)) / 1000 + 0.001,
  position,
  learner: { kind: "ridge", alpha: 1 },
  model: { rows: 400, mae, rmse: mae * 1.3, correlation: 0.45 },
  season_to_date: { rows: 400, mae: base, rmse: base * 1.3, correlation: 0.4 },
  candidates: [],
  train_rows: 5000,
  validation: "2022 weeks 1-22",
  floor_offset: -5,
  ceiling_offset: 6,
  spread: null,
});

const run: TrainingRun = {
  id: 2,
  started_at: "2026-11-28T19:00:00Z",
  seconds: 3.2,
  trigger: "manual",
  feature_version: 2,
  data_from: "2018-1",
  data_until: "2023-1",
  results: [result("QB", 6.07, 6.54), result("DST", 3.74, 4.2)],
};

function version(position: ModelVersion["position"], v: string, production: boolean): ModelVersion {
  return {
    position,
    version: v,
    run_id: 1,
    learner: "ridge(alpha=1)",
    mae: 6,
    baseline_mae: 6.5,
    created_at: "2026-11-28T19:00:00Z",
    production,
  };
}

describe("Models page", () => {
  it("shows the latest run against the baseline, deploys a version and trains", async () => {
    const deployed: DeployInput[] = [];
    let trained = 0;
    mockIPC((cmd, args) => {
      if (cmd === "list_training_runs") return trained ? [run] : [];
      if (cmd === "list_model_versions")
        return [version("QB", "r2", false), version("QB", "r1", true)];
      if (cmd === "deploy_model") {
        deployed.push((args as { input: DeployInput }).input);
        return [version("QB", "r2", true), version("QB", "r1", false)];
      }
      if (cmd === "train_models") {
        trained += 1;
        return { run_id: 2, seconds: 3.2, results: run.results, version: "r2", deployed: ["QB"], kept: [], announcement: null };
      }
      throw { code: "not_found", message: `unexpected ${cmd}` };
    });
    render(ModelsPage);
    const versions = await screen.findByTestId("versions");
    expect(versions.textContent).toContain("production");
    await fireEvent.click(screen.getByText("Deploy"));
    await waitFor(() => expect(deployed).toEqual([{ position: "QB", version: "r2" }]));
    await fireEvent.click(screen.getByTestId("train"));
    expect((await screen.findByTestId("train-report")).textContent).toContain("deployed QB");
    const chart = await screen.findByTestId("accuracy-chart");
    expect(chart.textContent).toContain("6.07 vs 6.54 (7.3%)");
    expect(screen.getByTestId("runs").textContent).toContain("2018-1 to before 2023-1");
  });

  it("shows a refused rollback's reason", async () => {
    mockIPC((cmd) => {
      if (cmd === "list_training_runs") return [];
      if (cmd === "list_model_versions") return [version("QB", "r1", true)];
      if (cmd === "rollback_model")
        throw { code: "invalid_input", message: "QB has no earlier production version to roll back to" };
      throw { code: "not_found", message: `unexpected ${cmd}` };
    });
    render(ModelsPage);
    await fireEvent.click(await screen.findByText("Roll back QB"));
    expect((await screen.findByRole("alert")).textContent).toContain("no earlier production version");
  });

  it("shows versions that self-tuning deployed in the background, without a restart", async () => {
    let tuned = false;
    mockIPC(
      (cmd) => {
        if (cmd === "list_training_runs") return tuned ? [run] : [];
        if (cmd === "list_model_versions")
          return tuned ? [version("QB", "r2", true), version("QB", "baseline", false)] : [version("QB", "baseline", true)];
        throw { code: "not_found", message: `unexpected ${cmd}` };
      },
      { shouldMockEvents: true },
    );
    render(ModelsPage);
    await waitFor(() => expect(screen.getByTestId("versions").textContent).toContain("baseline"));
    expect(screen.getByTestId("versions").textContent).not.toContain("r2");
    tuned = true;
    await emit("models-trained", { run_id: 2, seconds: 3.2, results: run.results, version: "r2", deployed: ["QB"], kept: [], announcement: null });
    await waitFor(() => expect(screen.getByTestId("versions").textContent).toContain("r2"));
  });
});
