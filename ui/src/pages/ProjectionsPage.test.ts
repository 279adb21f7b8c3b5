import { beforeEach, describe, expect, it } from "vitest";
import { fireEvent, render, screen, within } from "@testing-library/svelte";
import { mockIPC } from "@tauri-apps/api/mocks";
import ProjectionsPage from "./ProjectionsPage.svelte";
import type { PlayerProjection, SlateProjections } from "../lib/bindings";
import { selectSlate } from "../lib/session.svelte";

const player = (id: number, name: string, position: PlayerProjection["position"], projection: number, source: PlayerProjection["source"] = "model"): PlayerProjection => ({
  slate_player_id: id,
  dk_id: 91000000 + id,
  name,
  position,
  team: "BUF",
  projection,
  floor: Math.max(0, projection - 5),
  ceiling: projection + 6,
  source,
  note: source === "model" ? null : "not matched to an NFL player",
  value: projection / 5,
  playable: true,
  if_plays: projection,
  play_probability: 1,
  status: "active",
  availability_reason: "played his team's last game",
  quantiles: { p05: Math.max(0, projection - 8), p15: Math.max(0, projection - 5), p50: projection - 1, p85: projection + 6, p95: projection + 10 },
  if_plays_quantiles: { p05: Math.max(0, projection - 8), p15: Math.max(0, projection - 5), p50: projection - 1, p85: projection + 6, p95: projection + 10 },
  team_total: null,
});

const data: SlateProjections = {
  slate_id: 1,
  players: [
    player(1, "Avery Abbott", "QB", 21.5),
    player(2, "Blake Brooks", "WR", 14.2),
    player(3, "Carter Caldwell", "WR", 17.9),
    player(4, "Dallas Dawson", "RB", 9.1, "average"),
  ],
  models: ["QB baseline", "WR baseline"],
  notice: null,
  seconds: 0.12,
};

describe("Projections page", () => {
  beforeEach(() => selectSlate(1));

  it("lists projections best first, filters by position and names the source", async () => {
    mockIPC((cmd) => {
      if (cmd === "project_slate") return data;
      if (cmd === "list_training_runs")
        return [
          {
            id: 1,
            started_at: "2026-11-28T19:00:00Z",
            seconds: 3,
            trigger: "manual",
            feature_version: 2,
            data_from: "2025-1",
            data_until: "2026-18",
            results: [
              {
                position: "QB",
                learner: { kind: "ridge", alpha: 30 },
                model: { rows: 236, mae: 5.48, rmse: 7, correlation: 0.47 },
                season_to_date: { rows: 236, mae: 5.8, rmse: 7.4, correlation: 0.4 },
                candidates: [],
                train_rows: 900,
                validation: "2026 weeks 1-17",
                floor_offset: -5,
                ceiling_offset: 6,
                spread: null,
              },
            ],
          },
        ];
      throw { code: "not_found", message: `unexpected ${cmd}` };
    });
    render(ProjectionsPage);
    const summary = await screen.findByTestId("projection-summary");
    expect(summary.textContent).toContain("3 players from the models (QB baseline, WR baseline), 1 on DraftKings' average, 0 from their salary");
    const table = screen.getByTestId("projections");
    const names = within(table)
      .getAllByRole("row")
      .slice(1)
      .map((r) => r.querySelector("td")!.textContent);
    expect(names).toEqual(["Avery Abbott", "Carter Caldwell", "Blake Brooks", "Dallas Dawson"]);
    expect(table.textContent).toContain("average · not matched to an NFL player");
    const runs = await screen.findByTestId("projection-runs");
    expect(runs.textContent).toContain("QB 5.48 (5.80)");
    expect(screen.getByTestId("run-history")).toBeTruthy();
    await fireEvent.click(screen.getByRole("button", { name: "WR" }));
    expect(within(table).getAllByRole("row")).toHaveLength(3);
  });
});
