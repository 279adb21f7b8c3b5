import { describe, expect, it } from "vitest";
import { EMPTY_FILTER, kickoffLabel, pool } from "./players";
import { slateFixture } from "../test/fixtures";

const players = slateFixture().players;
const names = (list: { name: string }[]) => list.map((p) => p.name);

describe("player pool", () => {
  it("sorts by salary, highest first, and flips on request", () => {
    expect(names(pool(players, EMPTY_FILTER, "salary", true))).toEqual([
      "Avery Brooks",
      "Blake Carter",
      "Carter Dawson",
      "Elliot Fletcher",
      "Dallas Ellison",
    ]);
    expect(names(pool(players, EMPTY_FILTER, "salary", false))[0]).toBe("Dallas Ellison");
  });

  it("filters by position, FLEX meaning RB, WR and TE", () => {
    const flex = pool(players, { ...EMPTY_FILTER, positions: ["FLEX"] }, "name", false);
    expect(names(flex)).toEqual(["Blake Carter", "Carter Dawson", "Dallas Ellison", "Elliot Fletcher"]);
    const qb = pool(players, { ...EMPTY_FILTER, positions: ["QB"] }, "name", false);
    expect(names(qb)).toEqual(["Avery Brooks"]);
  });

  it("filters by team, game, name and playability", () => {
    expect(names(pool(players, { ...EMPTY_FILTER, team: "KC" }, "name", false))).toEqual(["Blake Carter"]);
    expect(pool(players, { ...EMPTY_FILTER, gameId: 1 }, "name", false)).toHaveLength(2);
    expect(names(pool(players, { ...EMPTY_FILTER, search: " ELLI" }, "name", false))).toEqual([
      "Dallas Ellison",
      "Elliot Fletcher",
    ]);
    const playable = pool(players, { ...EMPTY_FILTER, playableOnly: true }, "name", false);
    expect(names(playable)).not.toContain("Elliot Fletcher");
  });

  it("sorts by the core's projection and value, not by DraftKings' average", () => {
    const cheapStar = { ...players[3]!, projection: 40, value: 10 };
    const list = [players[0]!, players[1]!, cheapStar];
    expect(names(pool(list, EMPTY_FILTER, "projection", true))).toEqual([
      "Dallas Ellison",
      "Avery Brooks",
      "Blake Carter",
    ]);
    expect(pool(list, EMPTY_FILTER, "value", true)[0]!.name).toBe("Dallas Ellison");
  });

  it("shows kickoffs in Eastern time", () => {
    expect(kickoffLabel("2027-01-03T18:00:00Z")).toBe("Sun 1:00 PM ET");
    expect(kickoffLabel(null)).toBe("—");
  });
});
