import { beforeEach, describe, expect, it } from "vitest";
import { fireEvent, render, screen, waitFor } from "@testing-library/svelte";
import { mockIPC } from "@tauri-apps/api/mocks";
import OptimizerPage from "./OptimizerPage.svelte";
import type { LateSwapReport, LateSwapRequest, OptimizeInput, OptimizeReport } from "../lib/bindings";
import { selectSlate } from "../lib/session.svelte";
import { exposureFixture, slateFixture } from "../test/fixtures";

function report(): OptimizeReport {
  return {
    run: {
      lineups: [
        { players: [1, 2, 2, 3, 3, 3, 4, 2, 1], salary: 49800, points: 151.25 },
        { players: [1, 2, 2, 3, 3, 3, 4, 4, 1], salary: 48100, points: 149.5 },
      ],
      seconds: 0.42,
      warning: null,
    },
    lineup_ids: [11, 12],
    exposure: [exposureFixture(1, "Avery Brooks", "QB", 2, 2), exposureFixture(4, "Dallas Ellison", "TE", 1, 2)],
  };
}

function lateSwapReport(): LateSwapReport {
  return {
    path: "/home/u/DKEntries-late-swap.csv",
    seconds: 0.03,
    entries: [
      {
        entry_id: "5001",
        line: 2,
        kept: 3,
        points_before: 120.5,
        lineup: { players: [1, 2, 2, 3, 3, 3, 4, 2, 1], salary: 49900, points: 131.75 },
        reason: null,
      },
      {
        entry_id: "5002",
        line: 3,
        kept: 9,
        points_before: 140,
        lineup: null,
        reason: "all nine players have started; nothing can change",
      },
    ],
  };
}

function mockOptimizer(result: () => OptimizeReport) {
  const runs: OptimizeInput[] = [];
  const swaps: LateSwapRequest[] = [];
  mockIPC((cmd, args) => {
    if (cmd === "get_slate") return slateFixture();
    if (cmd === "plugin:dialog|open") return "/home/u/DKEntries.csv";
    if (cmd === "plugin:dialog|save") return "/home/u/DKEntries-late-swap.csv";
    if (cmd === "late_swap") {
      swaps.push((args as { input: LateSwapRequest }).input);
      return lateSwapReport();
    }
    if (cmd === "optimize") {
      runs.push((args as { input: OptimizeInput }).input);
      return result();
    }
    throw { code: "not_found", message: `unexpected ${cmd}` };
  });
  return Object.assign(runs, { swaps });
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

  it("says when the run stopped at its time limit", async () => {
    mockOptimizer(() => {
      const stopped = report();
      stopped.run.warning =
        "The search stopped at its time limit of 60 s: these 2 lineup(s) are the best found by then, not proven the best";
      return stopped;
    });
    render(OptimizerPage);
    await screen.findByText("Sun 01/03/2027 · 2 games");
    await fireEvent.click(screen.getByTestId("optimize-run"));
    const warning = await screen.findByTestId("optimizer-warning");
    expect(warning.textContent).toContain("time limit of 60 s");
    expect(await screen.findAllByTestId("lineup-card")).toHaveLength(2);
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

  it("sends the further rules and per-player exposure limits", async () => {
    const runs = mockOptimizer(report);
    render(OptimizerPage);
    await screen.findByText("Sun 01/03/2027 · 2 games");
    await fireEvent.change(screen.getByTestId("rule-game-stack"), { target: { value: "4" } });
    await fireEvent.click(screen.getByTestId("rule-one-rb"));
    await fireEvent.input(screen.getByTestId("rule-max-exposure"), { target: { value: "50" } });
    await fireEvent.input(screen.getByTestId("rule-randomness"), { target: { value: "10" } });
    await fireEvent.input(screen.getByTestId("exposure-player"), {
      target: { value: "Carter Dawson (MIA WR)" },
    });
    await fireEvent.input(screen.getByTestId("exposure-min"), { target: { value: "20" } });
    await fireEvent.input(screen.getByTestId("exposure-max"), { target: { value: "60" } });
    await fireEvent.click(screen.getByTestId("exposure-add"));
    expect(screen.getByText("Carter Dawson (MIA): 20–60%")).toBeTruthy();
    // A name that is not a player is refused in place.
    await fireEvent.input(screen.getByTestId("exposure-player"), { target: { value: "Nobody" } });
    await fireEvent.click(screen.getByTestId("exposure-add"));
    expect(screen.getByRole("alert").textContent).toContain("Pick a player from the list");
    // Lock the TE to FLEX; a TE cannot be locked to QB.
    await fireEvent.input(screen.getByTestId("slot-lock-player"), {
      target: { value: "Dallas Ellison (LV TE)" },
    });
    await fireEvent.change(screen.getByTestId("slot-lock-slot"), { target: { value: "0" } });
    await fireEvent.click(screen.getByTestId("slot-lock-add"));
    expect(screen.getByText("A TE cannot fill QB.")).toBeTruthy();
    await fireEvent.change(screen.getByTestId("slot-lock-slot"), { target: { value: "7" } });
    await fireEvent.click(screen.getByTestId("slot-lock-add"));
    expect(screen.getByText("Dallas Ellison (LV) in FLEX")).toBeTruthy();
    await fireEvent.click(screen.getByTestId("optimize-run"));
    await waitFor(() => expect(runs).toHaveLength(1));
    expect(runs[0]!.rules).toMatchObject({
      lock_slots: [{ player: 4, slot: 7 }],
      game_stack: 4,
      team_limits: [{ position: "RB", max: 1, unless_with_qb: true }],
      max_exposure: 50,
      randomness: 10,
      exposures: [{ player: 3, min: 20, max: 60 }],
    });
  });

  it("late-swaps an entries file and lists every entry", async () => {
    const runs = mockOptimizer(report);
    render(OptimizerPage);
    await screen.findByText("Sun 01/03/2027 · 2 games");
    await fireEvent.click(screen.getByTestId("late-swap-choose"));
    await screen.findByText("/home/u/DKEntries.csv");
    await fireEvent.input(screen.getByTestId("late-swap-as-of"), {
      target: { value: "2027-01-03T14:00" },
    });
    await fireEvent.click(screen.getByTestId("late-swap-run"));
    const table = await screen.findByTestId("late-swap-result");
    expect(runs.swaps).toHaveLength(1);
    expect(runs.swaps[0]).toMatchObject({
      slate_id: 1,
      entries: "/home/u/DKEntries.csv",
      out: "/home/u/DKEntries-late-swap.csv",
    });
    expect(new Date(runs.swaps[0]!.as_of!).getTime()).toBe(new Date("2027-01-03T14:00").getTime());
    const rows = table.querySelectorAll("tbody tr");
    expect(rows).toHaveLength(2);
    expect(rows[0]!.textContent).toContain("131.75");
    expect(rows[1]!.textContent).toContain("nothing can change");
  });
});
