import { describe, expect, it } from "vitest";
import { exposure, playersOf, shortName, uploadFileName } from "./lineups";
import { lineupFixture } from "../test/fixtures";

describe("lineups", () => {
  it("counts each player's share of lineups, most used first", () => {
    const lineups = [lineupFixture(1, [1, 2, 3]), lineupFixture(2, [1, 4, 3])];
    const top = exposure(lineups.map(playersOf));
    expect(top[0]).toMatchObject({ name: "Avery Brooks", count: 2, share: 1 });
    const te = top.find((e) => e.name === "Dallas Ellison")!;
    expect(te.share).toBe(0.5);
  });

  it("names the upload file after the slate's day", () => {
    expect(uploadFileName("2027-01-03T18:00:00Z")).toBe("DKUpload-2027-01-03.csv");
    expect(uploadFileName(null, new Date("2026-11-28T12:00:00Z"))).toBe("DKUpload-2026-11-28.csv");
  });

  it("shortens names to fit nine slots in a row", () => {
    expect(shortName("Avery Garrison")).toBe("A. Garrison");
    expect(shortName("Amon-Ra St. Brown")).toBe("A. St. Brown");
    expect(shortName("Cardinals")).toBe("Cardinals");
  });
});
