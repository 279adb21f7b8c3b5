import { beforeEach, describe, expect, it } from "vitest";
import { fireEvent, render, screen, waitFor, within } from "@testing-library/svelte";
import { mockIPC } from "@tauri-apps/api/mocks";
import PlayersPage from "./PlayersPage.svelte";
import type { SetPlayerFlagsInput, SlatePlayer } from "../lib/bindings";
import { selectSlate } from "../lib/session.svelte";
import { slateFixture } from "../test/fixtures";

function mockSlate(onFlags?: (input: SetPlayerFlagsInput) => SlatePlayer) {
  const calls: SetPlayerFlagsInput[] = [];
  // The core's state: flags saved are on the slate the page reloads.
  const slate = slateFixture();
  mockIPC((cmd, args) => {
    if (cmd === "get_slate") return structuredClone(slate);
    if (cmd === "slate_ownership")
      return {
        slate_id: 1,
        model: "shipped",
        players: slate.players.map((p, k) => ({
          slate_player_id: p.id,
          dk_id: p.dk_id,
          name: p.name,
          position: p.position,
          team: p.team,
          salary: p.salary,
          projection: p.projection,
          ownership: 10 + k * 2.5,
        })),
      };
    if (cmd === "set_player_flags") {
      const input = (args as { input: SetPlayerFlagsInput }).input;
      calls.push(input);
      if (onFlags) return onFlags(input);
      const p = slate.players.find((x) => x.id === input.slate_player_id)!;
      const { plays, ...rest } = input.flags;
      Object.assign(p, rest, { play_override: plays ?? null });
      return { ...p };
    }
    throw { code: "not_found", message: `unexpected ${cmd}` };
  });
  return calls;
}

const rowNames = () =>
  screen.getAllByTestId("player-row").map((r) => r.querySelector("td")!.textContent!.trim());

describe("Players page", () => {
  beforeEach(() => selectSlate(1));

  it("shows each player's projected ownership as the core computed it", async () => {
    mockSlate();
    render(PlayersPage);
    await screen.findByTestId("players-table");
    await waitFor(() =>
      expect(screen.getAllByTestId("player-ownership").map((c) => c.textContent!.trim())).toContain(
        "10.0%",
      ),
    );
  });

  it("shows a team's implied total where the lines are known, and nothing where they are not", async () => {
    mockSlate();
    render(PlayersPage);
    await screen.findByTestId("players-table");
    const totals = screen.getAllByTestId("player-team-total").map((c) => c.textContent!.trim());
    expect(totals).toContain("· 27.5 implied");
    expect(totals).toContain("· 21.0 implied");
    const rows = screen.getAllByTestId("player-row");
    const withTotal = rows.filter((r) => r.querySelector("[data-testid=player-team-total]"));
    expect(withTotal.length).toBeGreaterThan(0);
    expect(withTotal.length).toBeLessThan(rows.length);
  });

  it("lists the slate by salary and re-sorts on a header click", async () => {
    mockSlate();
    render(PlayersPage);
    await screen.findByTestId("players-table");
    expect(rowNames()[0]).toBe("Avery Brooks");
    await fireEvent.click(screen.getByRole("button", { name: /^Player/ }));
    expect(rowNames()[0]).toBe("Avery Brooks");
    expect(rowNames()[1]).toBe("Blake Carter");
    await fireEvent.click(screen.getByRole("button", { name: /^Salary/ }));
    expect(rowNames()[0]).toBe("Avery Brooks");
    await fireEvent.click(screen.getByRole("button", { name: /^Salary/ }));
    expect(rowNames()[0]).toBe("Dallas Ellison");
  });

  it("shows the projection and value the core computed, not DraftKings' average", async () => {
    mockSlate();
    render(PlayersPage);
    await screen.findByTestId("players-table");
    const qb = screen.getAllByTestId("player-row")[0]!;
    expect(within(qb).getByTestId("player-projection").textContent!.trim()).toBe("27.5");
    expect(qb.textContent).toContain("3.44");
    expect(qb.textContent).not.toContain("24.0");
  });

  it("shows where a projection comes from and why he may sit in the row, not only on hover", async () => {
    const slate = slateFixture();
    Object.assign(slate.players[3]!, {
      projection_source: "salary",
      play_probability: 0.25,
      status: "unknown",
      availability_reason: "no NFL game yet: 25% of new players at his salary play",
    });
    mockIPC((cmd) => {
      if (cmd === "get_slate") return structuredClone(slate);
      if (cmd === "slate_ownership") return { slate_id: 1, model: "shipped", players: [] };
      throw { code: "not_found", message: `unexpected ${cmd}` };
    });
    render(PlayersPage);
    await screen.findByTestId("players-table");
    const row = screen.getAllByTestId("player-row").find((r) => r.textContent!.includes("Dallas Ellison"))!;
    expect(within(row).getByTestId("player-source").textContent).toBe("salary");
    expect(within(row).getByTestId("player-reason").textContent).toBe(
      "no NFL game yet: 25% of new players at his salary play",
    );
    // A model's projection needs no label; every row says why he plays or may not.
    const qb = screen.getAllByTestId("player-row")[0]!;
    expect(within(qb).queryByTestId("player-source")).toBeNull();
    expect(within(qb).getByTestId("player-reason").textContent).toBe("played his team's last game");
  });

  it("shows who may sit and saves the user's plays/out", async () => {
    const calls = mockSlate();
    render(PlayersPage);
    await screen.findByTestId("players-table");
    const select = screen.getByLabelText("Does Blake Carter play?") as HTMLSelectElement;
    expect(select.value).toBe("auto");
    expect(select.selectedOptions[0]!.textContent).toBe("100% active");
    await fireEvent.change(select, { target: { value: "out" } });
    await waitFor(() => expect(calls).toHaveLength(1));
    expect(calls[0]!.flags.plays).toBe(false);
    await waitFor(() =>
      expect((screen.getByLabelText("Does Blake Carter play?") as HTMLSelectElement).value).toBe("out"),
    );
  });

  it("says plainly when projections are only DraftKings' averages", async () => {
    const slate = slateFixture();
    mockIPC((cmd) => {
      if (cmd === "get_slate") return { ...slate, notice: "No model is in production: projections are DraftKings' averages." };
      throw { code: "not_found", message: `unexpected ${cmd}` };
    });
    render(PlayersPage);
    expect((await screen.findByTestId("projection-notice")).textContent).toContain("DraftKings' averages");
  });

  it("filters by position chip, search and game", async () => {
    mockSlate();
    render(PlayersPage);
    await screen.findByTestId("players-table");
    await fireEvent.click(screen.getByRole("button", { name: "QB" }));
    expect(rowNames()).toEqual(["Avery Brooks"]);
    await fireEvent.click(screen.getByRole("button", { name: "QB" }));
    await fireEvent.input(screen.getByTestId("player-search"), { target: { value: "dawson" } });
    expect(rowNames()).toEqual(["Carter Dawson"]);
    await fireEvent.input(screen.getByTestId("player-search"), { target: { value: "" } });
    await fireEvent.click(within(screen.getByTestId("games-strip")).getByText("KC @ LV"));
    expect(rowNames()).toEqual(["Blake Carter", "Dallas Ellison"]);
    expect(screen.getByTestId("pool-counts").textContent).toContain("2 of 5 shown");
  });

  it("locks with a click and excludes with the X key", async () => {
    const calls = mockSlate();
    render(PlayersPage);
    await screen.findByTestId("players-table");
    await fireEvent.click(screen.getByLabelText("Lock Avery Brooks"));
    await waitFor(() => expect(calls).toHaveLength(1));
    expect(calls[0]).toEqual({
      slate_player_id: 1,
      flags: { locked: true, excluded: false, projection_override: null, plays: null },
    });
    await waitFor(() => expect(screen.getByTestId("pool-counts").textContent).toContain("1 locked"));

    const row = screen.getAllByTestId("player-row")[1]!;
    await fireEvent.keyDown(row, { key: "x" });
    await waitFor(() => expect(calls).toHaveLength(2));
    expect(calls[1]!.flags.excluded).toBe(true);
    expect(calls[1]!.slate_player_id).toBe(2);
  });

  it("does not offer a lock for a player without a game", async () => {
    mockSlate();
    render(PlayersPage);
    await screen.findByTestId("players-table");
    expect((screen.getByLabelText("Lock Elliot Fletcher") as HTMLInputElement).disabled).toBe(true);
    expect(screen.getByText("no game on this slate")).toBeTruthy();
  });

  it("saves an override and refuses one out of range", async () => {
    const calls = mockSlate();
    render(PlayersPage);
    await screen.findByTestId("players-table");
    const input = screen.getByLabelText("Projection override for Blake Carter");
    await fireEvent.change(input, { target: { value: "250" } });
    expect((await screen.findByTestId("row-error")).textContent).toContain("between 0 and 100");
    expect(calls).toHaveLength(0);
    await fireEvent.change(input, { target: { value: "28.5" } });
    await waitFor(() => expect(calls).toHaveLength(1));
    expect(calls[0]!.flags.projection_override).toBe(28.5);
  });

  it("shows the app's refusal", async () => {
    mockSlate(() => {
      throw { code: "invalid_input", message: "Avery Brooks (BUF) cannot be locked and excluded at once" };
    });
    render(PlayersPage);
    await screen.findByTestId("players-table");
    await fireEvent.click(screen.getByLabelText("Lock Avery Brooks"));
    expect((await screen.findByTestId("row-error")).textContent).toContain("cannot be locked");
  });
});
