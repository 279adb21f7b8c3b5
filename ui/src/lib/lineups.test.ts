import { describe, expect, it } from "vitest";
import { shortName, uploadFileName } from "./lineups";

describe("lineups", () => {
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
