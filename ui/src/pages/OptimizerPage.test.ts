import { beforeEach, describe, expect, it } from "vitest";
import { fireEvent, render, screen, waitFor } from "@testing-library/svelte";
import { mockIPC } from "@tauri-apps/api/mocks";
import OptimizerPage from "./OptimizerPage.svelte";
import type { OptimizeInput, OptimizeReport } from "../lib/bindings";
import { selectSlate } from "../lib/session.svelte";
import { slateFixture } from "../test/fixtures";

function report(): OptimizeReport {
  return {
    run: {
      lineups: [
        { players: [1, 2, 2, 3, 3, 3, 4, 2, 1], salary: 49800, points: 151.25 },
        { players: [1, 2, 2, 3, 3, 3, 4, 4, 1], salary: 48100, points: 149.5 },
      ],
      seconds: 0.42,
    },
    lineup_ids: [11, 12],
  };
}

function mockOptimizer(result: () => OptimizeReport) {
  const runs: OptimizeInput[] = [];
  mockIPC((cmd, args) => {
    if (cmd === "get_slate") return slateFixture();
    if (cmd === "optimize") {
      runs.push((args as { input: OptimizeInput }).input);
      return result();
    }
    throw { code: "not_found", message: `unexpected ${cmd}` };
  });
  return runs;
}

describe("Optimizer page", () => {
  beforeEach(() => selectSlate(1));

  it("sends the rules of the form and shows the lineups as cards", async () => {
    const runs = mockOptimizer(report);
    render(OptimizerPage);
    await screen.findByText("Sun 01/03/2027 · 2 games");
    await fireEvent.input(screen.getByTestId("rule-lineups"), { target: { value: "2" } });
    await fireEvent.change(screen.getByTestId("rule-qb-stack"), { target: { value: "1" } });
    await fireEvent.click(screen.getByTestId("rule-no-opp-dst"));
    await fireEvent.click(screen.getByTestId("optimize-run"));
    await waitFor(() => expect(runs).toHaveLength(1));
    expect(runs[0]).toMatchObject({
      slate_id: 1,
      rules: { lineups: 2, qb_stack: 1, no_opponent_vs_dst: true, min_unique: 1, max_per_team: null },
    });
    expect(await screen.findAllByTestId("lineup-card")).toHaveLength(2);
    expect(screen.getByTestId("optimizer-summary").textContent).toMatch(
      /2 lineups in 0\.42 s · best\s+151\.25 pts/,
    );
    expect(screen.getByLabelText("Exposure").textContent).toContain("Avery Brooks");
  });

  it("explains why no lineup exists", async () => {
    mockOptimizer(() => {
      throw {
        code: "no_lineup",
        message: "No lineup is possible: the locked players cost 52300, over the 50000 cap.",
      };
    });
    render(OptimizerPage);
    await screen.findByText("Sun 01/03/2027 · 2 games");
    await fireEvent.click(screen.getByTestId("optimize-run"));
    const alert = await screen.findByTestId("optimizer-error");
    expect(alert.textContent).toContain("No lineup is possible");
    expect(alert.textContent).toContain("52300, over the 50000 cap");
  });

  it("refuses a lineup count outside 1-500 before calling the app", async () => {
    const runs = mockOptimizer(report);
    render(OptimizerPage);
    await screen.findByText("Sun 01/03/2027 · 2 games");
    await fireEvent.input(screen.getByTestId("rule-lineups"), { target: { value: "900" } });
    await fireEvent.click(screen.getByTestId("optimize-run"));
    expect((await screen.findByTestId("optimizer-error")).textContent).toContain("1 to 500");
    expect(runs).toHaveLength(0);
  });
});
