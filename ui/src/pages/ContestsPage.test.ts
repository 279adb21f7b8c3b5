import { beforeEach, describe, expect, it } from "vitest";
import { fireEvent, render, screen, waitFor } from "@testing-library/svelte";
import { mockIPC } from "@tauri-apps/api/mocks";
import ContestsPage from "./ContestsPage.svelte";
import type {
  Contest,
  ContestEdit,
  LineupOutcome,
  NewContest,
  PickReport,
  FieldCheck,
  FieldShape,
  PickRequest,
  SavePickInput,
  ImportStandingsInput,
  StandingsReport,
} from "../lib/bindings";
import { selectSlate } from "../lib/session.svelte";

function contest(): Contest {
  return {
    id: 3,
    slate_id: 1,
    name: "$50 Double-up (2272 entries)",
    contest_type: "double-up",
    entry_fee: 50,
    entries: 2272,
    payouts: { tiers: [{ first: 1, last: 1000, prize: 100 }] },
    places_paid: 1000,
    prize_total: 100000,
    dk_contest_id: null,
    games: [],
  };
}

function lineup(p_cash: number, first: string): LineupOutcome {
  const histogram = Array.from({ length: 200 }, (_, i) => (i > 60 && i < 90 ? 10 : 0));
  return {
    players: Array.from({ length: 9 }, (_, i) => ({
      slate_player_id: i + 1,
      dk_id: 1000 + i,
      name: i === 0 ? first : `Player ${i}`,
      position: "WR",
      team: "KC",
      salary: 5500,
      projection: 15.5,
      ownership: 12.25,
      top_rate: i === 0 ? 40.5 : 12.25,
      leverage: i === 0 ? 28.25 : 0,
    })),
    salary: 49500,
    projection: 139.5,
    ownership: 110.25,
    outcome: {
      p_cash,
      p_cash_low: p_cash - 0.1,
      p_cash_high: p_cash + 0.08,
      expected_payout: 100 * p_cash,
      roi: 2 * p_cash - 1,
      p_top1: 0.012,
      mean: 140.2,
      p10: 110,
      p50: 139,
      p90: 171,
    },
    histogram,
  };
}

function report(): PickReport {
  return {
    contest: contest(),
    pick: lineup(0.61, "Pat Mahomes"),
    max_projection: lineup(0.55, "Josh Allen"),
    gain: 6,
    candidates: 312,
    simulations: 10000,
    field_size: 2271,
    cash_line: { p10: 121.5, p50: 133.2, p90: 148.9 },
    cash_line_histogram: Array.from({ length: 200 }, (_, i) => (i > 65 && i < 80 ? 5 : 0)),
    histogram_from: -10,
    bin_points: 2,
    ownership_model: "shipped (fitted on real DraftKings contests)",
    field_edge: 0.14,
    correlations: "shipped (estimated from NFL seasons 2018-2022)",
    path: null,
    lineup_id: null,
    seconds: 1.4,
  };
}

function shape(projected: number, salary: number): FieldShape {
  return {
    lineups: 2271,
    projected: { p10: projected - 10, p50: projected, p90: projected + 9 },
    projected_mean: projected,
    salary_median: salary,
    near_cap_share: 0.98,
    stack_rate: 0.55,
    bring_back_rate: 0.42,
  };
}

function fieldCheck(): FieldCheck {
  return {
    contest: contest(),
    simulated: shape(137.4, 49700),
    simulated_points: { p10: 92.8, p50: 130.6, p90: 173.7 },
    simulated_median_range: { p10: 112.1, p50: 130.6, p90: 152.9 },
    real: shape(137.8, 50000),
    real_points: { p10: 115.2, p50: 138.0, p90: 164.8 },
    real_simulated_points: { p10: 101.3, p50: 136.9, p90: 171.2 },
    simulated_real_points: { p10: 113.2, p50: 139.7, p90: 168.4 },
    simulated_real_cash_line: 127.0,
    real_cash_line: 133.4,
    drafted_cash_line: 132.9,
    measured_edge: 0.0504,
    real_left_out: 1,
    real_field_size: 555,
    standings: "contest-standings-1.csv",
    simulations: 1000,
  };
}

function mockContests() {
  const added: NewContest[] = [];
  const picks: PickRequest[] = [];
  const saves: SavePickInput[] = [];
  const edits: { contestId: number; input: ContestEdit }[] = [];
  let stored: Contest[] = [];
  mockIPC((cmd, args) => {
    if (cmd === "list_contests") return stored;
    if (cmd === "edit_contest") {
      const edit = args as { contestId: number; input: ContestEdit };
      edits.push(edit);
      stored = [
        {
          ...contest(),
          entries: edit.input.entries ?? 2272,
          name: edit.input.name ?? contest().name,
          dk_contest_id: edit.input.dk_contest_id || null,
        },
      ];
      return stored[0];
    }
    if (cmd === "add_contest") {
      added.push((args as { input: NewContest }).input);
      stored = [contest()];
      return contest();
    }
    if (cmd === "pick_contest") {
      picks.push((args as { request: PickRequest }).request);
      return report();
    }
    if (cmd === "contest_field") return fieldCheck();
    if (cmd === "plugin:dialog|save") return "/home/u/DKUpload-pick.csv";
    if (cmd === "save_pick") {
      saves.push((args as { input: SavePickInput }).input);
      return { path: "/home/u/DKUpload-pick.csv", lineup_id: 44 };
    }
    throw { code: "not_found", message: `unexpected ${cmd}` };
  });
  return { added, picks, saves, edits };
}

describe("Contests page", () => {
  beforeEach(() => selectSlate(1));

  it("adds a contest, finds the pick and shows it beside the highest-projected lineup", async () => {
    const calls = mockContests();
    render(ContestsPage);
    await fireEvent.change(screen.getByTestId("contest-type"), { target: { value: "double-up" } });
    await fireEvent.input(screen.getByTestId("contest-entries"), { target: { value: "2272" } });
    await fireEvent.input(screen.getByTestId("contest-fee"), { target: { value: "50" } });
    await fireEvent.click(screen.getByTestId("contest-add"));
    await waitFor(() => expect(calls.added).toHaveLength(1));
    expect(calls.added[0]).toMatchObject({
      slate_id: 1,
      contest_type: "double-up",
      entries: 2272,
      entry_fee: 50,
      dk_contest_id: null,
      places_paid: null,
    });
    expect((await screen.findByTestId("contest-list")).textContent).toContain("$50 Double-up");
    // Places paid and the prize total as the core computed them, with thousands separators.
    expect(screen.getByTestId("contest-list").textContent).toContain("$100,000.00");
    expect(screen.getByTestId("contest-list").textContent).toContain("1,000");
    await fireEvent.click(screen.getByTestId("pick-run"));
    await waitFor(() => expect(calls.picks).toHaveLength(1));
    expect(calls.picks[0]).toMatchObject({ contest_id: 3, simulations: 10000, candidates: 400, seed: 1, out: null });
    expect((await screen.findByTestId("p-cash-pick")).textContent).toContain("61.0%");
    expect(screen.getByTestId("p-cash-max").textContent).toContain("55.0%");
    // The chance comes with its range: where the projections proved least and most right.
    expect(screen.getByTestId("p-cash-range-pick").textContent).toBe("(51%–69%)");
    expect(screen.getByTestId("pick-card-pick").textContent).toContain("Pat Mahomes");
    expect(screen.getByTestId("pick-card-max").textContent).toContain("Josh Allen");
    // Ownership and leverage as the core computed them, signed.
    const leverage = screen.getAllByTestId("player-leverage").map((c) => c.textContent!.trim());
    expect(leverage).toContain("+28.3");
    expect(leverage).toContain("0.0");
    expect(screen.getByTestId("pick-report").textContent).toContain("+$6.00");
    // Words, not bare figures: ownership as a sum, the columns explained, the chances' caveat.
    const card = screen.getByTestId("pick-card-pick").textContent ?? "";
    expect(card).toMatch(/its players' ownership adds to \d+%/);
    expect(card).toContain("Lev: Top minus Own");
    expect(screen.getByTestId("pick-caution").textContent).toContain("Track record");
    expect(screen.getByTestId("pick-caution").textContent).toContain("chance that the app is wrong");
    expect(screen.getByTestId("pick-caution").textContent).toContain("score 14% more on average");
    expect(screen.getByTestId("score-histogram").querySelectorAll("rect.pick").length).toBeGreaterThan(0);
    await fireEvent.click(screen.getByTestId("pick-save"));
    await waitFor(() => expect(calls.saves).toHaveLength(1));
    expect(calls.saves[0]).toMatchObject({ contest_id: 3, players: [1, 2, 3, 4, 5, 6, 7, 8, 9], out: "/home/u/DKUpload-pick.csv" });
    expect((await screen.findByTestId("pick-saved")).textContent).toContain("lineup 44");
  });

  it("lays the simulated field beside the real one", async () => {
    mockContests();
    render(ContestsPage);
    await fireEvent.click(screen.getByTestId("contest-add"));
    await screen.findByTestId("contest-list");
    await fireEvent.click(screen.getByTestId("field-run"));
    const simulated = await screen.findByTestId("field-row-simulated");
    expect(simulated.textContent).toContain("127.4 / 137.4 / 146.4");
    expect(simulated.textContent).toContain("$49,700");
    expect(simulated.textContent).toContain("92.8 / 130.6 / 173.7");
    const real = screen.getByTestId("field-row-real");
    expect(real.textContent).toContain("115.2 / 138.0 / 164.8");
    expect(real.textContent).toContain("42%");
    const replayed = screen.getByTestId("field-row-real-simulated");
    expect(replayed.textContent).toContain("101.3 / 136.9 / 171.2");
    // The sampled lineups on the real points, and the edge the core measured from them.
    expect(screen.getByTestId("field-row-simulated-real-points").textContent).toContain("113.2 / 139.7 / 168.4");
    const edge = screen.getByTestId("field-edge").textContent ?? "";
    expect(edge).toContain("cash line is 127.0 and the real one 133.4");
    expect(edge).toContain("drafted 5.0% better");
    const drafted = screen.getByTestId("field-drafted").textContent ?? "";
    expect(drafted).toContain("cashes at 132.9 on the real points (the real line: 133.4)");
    expect(screen.getByTestId("field-check").textContent).toContain("1 real entries were left out");
    expect(screen.getByTestId("field-check").textContent).toContain("only the top ranks of the real field's 555 entries");
  });

  it("imports the contest chosen of a listing and says it lists only the top ranks", async () => {
    const imports: ImportStandingsInput[] = [];
    const added: NewContest[] = [];
    mockIPC((cmd, args) => {
      if (cmd === "list_contests") return [contest()];
      if (cmd === "add_contest") {
        added.push((args as { input: NewContest }).input);
        return contest();
      }
      if (cmd === "plugin:dialog|open") return "/home/u/lineups-2019-w3.csv";
      if (cmd === "import_standings") {
        imports.push((args as { input: ImportStandingsInput }).input);
        return {
          slate_id: 1,
          file_name: "lineups-2019-w3.csv",
          entries: 500,
          field_size: 555,
          contest: { id: "76804964", name: "NFL 50K Spy", entries: 555, paid: 120, entry_fee: 100 },
          players: 180,
          matched: 179,
          unmatched: ["Robbie Chosen"],
          live: false,
          already_imported: false,
          ownership_error: null,
          games: ["ATL@MIN", "BAL@MIA", "KC@JAX"],
          slate_games: 16,
        } satisfies StandingsReport;
      }
      throw { code: "not_found", message: `unexpected ${cmd}` };
    });
    render(ContestsPage);
    await screen.findByTestId("contest-list");
    await fireEvent.input(screen.getByTestId("standings-contest"), { target: { value: " 76804964 " } });
    await fireEvent.click(screen.getByTestId("standings-import"));
    await waitFor(() => expect(imports).toHaveLength(1));
    expect(imports[0]).toEqual({ slate_id: 1, path: "/home/u/lineups-2019-w3.csv", contest: "76804964" });
    const text = (await screen.findByTestId("standings-report")).textContent ?? "";
    expect(text).toContain("Contest 76804964 NFL 50K Spy (555 entries, pays 120)");
    expect(text).toContain("500 entries listed of its 555");
    expect(screen.getByTestId("standings-games").textContent).toContain(
      "drafted from 3 of the slate's 16 games (ATL@MIN, BAL@MIA, KC@JAX)",
    );
    // The listed contest fills the form: its size, fee, places paid and ID.
    await fireEvent.click(screen.getByTestId("standings-fill"));
    expect((screen.getByTestId("contest-entries") as HTMLInputElement).value).toBe("555");
    expect((screen.getByTestId("contest-paid") as HTMLInputElement).value).toBe("120");
    expect((screen.getByTestId("contest-dk-id") as HTMLInputElement).value).toBe("76804964");
    await fireEvent.change(screen.getByTestId("contest-type"), { target: { value: "tournament" } });
    await fireEvent.click(screen.getByTestId("contest-add"));
    await waitFor(() => expect(added).toHaveLength(1));
    expect(added[0]).toMatchObject({
      contest_type: "tournament",
      entries: 555,
      entry_fee: 100,
      places_paid: 120,
      dk_contest_id: "76804964",
      name: "NFL 50K Spy",
      // The games its lineups drafted from come with it.
      games: ["ATL@MIN", "BAL@MIA", "KC@JAX"],
    });
  });

  it("adds a contest on some of the slate's games and lists how many it covers", async () => {
    const added: NewContest[] = [];
    let stored: Contest[] = [];
    const game = (id: number, away: string, home: string, kickoff: string) => ({ id, away, home, kickoff_utc: kickoff });
    mockIPC((cmd, args) => {
      if (cmd === "get_slate")
        return {
          games: [
            game(1, "GB", "CHI", "2019-09-06T00:20:00Z"),
            game(2, "ATL", "MIN", "2019-09-08T17:00:00Z"),
            game(3, "BAL", "MIA", "2019-09-08T17:00:00Z"),
          ],
        };
      if (cmd === "list_contests") return stored;
      if (cmd === "add_contest") {
        const input = (args as { input: NewContest }).input;
        added.push(input);
        stored = [{ ...contest(), games: input.games }];
        return stored[0];
      }
      throw { code: "not_found", message: `unexpected ${cmd}` };
    });
    render(ContestsPage);
    const games = await screen.findByTestId("contest-games");
    expect(games.textContent).toContain("Games it covers: all 3");
    const boxes = Array.from(games.querySelectorAll("input[type=checkbox]")) as HTMLInputElement[];
    expect(boxes.map((b) => b.checked)).toEqual([true, true, true]);
    // Clearing Thursday's game leaves the other two.
    await fireEvent.click(boxes[0]!);
    expect(games.textContent).toContain("Games it covers: 2 of 3");
    await fireEvent.click(screen.getByTestId("contest-add"));
    await waitFor(() => expect(added).toHaveLength(1));
    expect(added[0]!.games).toEqual(["ATL@MIN", "BAL@MIA"]);
    expect((await screen.findByTestId("contest-covers")).textContent).toContain("2 of 3 games");
    // Ticking it again means every game: the core is sent none.
    await fireEvent.click(boxes[0]!);
    expect(games.textContent).toContain("Games it covers: all 3");
  });

  it("edits a listed contest in the form and lists it changed", async () => {
    const calls = mockContests();
    render(ContestsPage);
    await fireEvent.click(screen.getByTestId("contest-add"));
    await screen.findByTestId("contest-list");
    await fireEvent.click(screen.getByRole("button", { name: "Edit $50 Double-up (2272 entries)" }));
    expect((screen.getByTestId("contest-entries") as HTMLInputElement).value).toBe("2272");
    await fireEvent.input(screen.getByTestId("contest-entries"), { target: { value: "500" } });
    await fireEvent.input(screen.getByTestId("contest-dk-id"), { target: { value: " 76804964 " } });
    await fireEvent.click(screen.getByTestId("contest-save"));
    await waitFor(() => expect(calls.edits).toHaveLength(1));
    expect(calls.edits[0]).toMatchObject({
      contestId: 3,
      input: { entries: 500, entry_fee: 50, contest_type: "double-up", dk_contest_id: "76804964" },
    });
    await waitFor(() => expect(screen.getByTestId("contest-list").textContent).toContain("500"));
    expect(screen.getByTestId("contest-list").textContent).toContain("DK 76804964");
    expect(screen.getByTestId("contest-add")).toBeTruthy();
  });

  it("shows why a contest was refused", async () => {
    mockIPC((cmd) => {
      if (cmd === "list_contests") return [];
      if (cmd === "add_contest") throw { code: "invalid_input", message: "The contest: a contest has at least 2 entries, not 1" };
      throw { code: "not_found", message: `unexpected ${cmd}` };
    });
    render(ContestsPage);
    await fireEvent.input(screen.getByTestId("contest-entries"), { target: { value: "1" } });
    await fireEvent.click(screen.getByTestId("contest-add"));
    expect((await screen.findByTestId("contest-problem")).textContent).toContain("at least 2 entries");
  });
});
