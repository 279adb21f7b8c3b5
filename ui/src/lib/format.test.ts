import { describe, expect, it } from "vitest";
import { formatBytes, money, timeAgo } from "./format";

describe("timeAgo", () => {
  const now = new Date("2026-11-28T12:00:00Z");
  it.each([
    ["2026-11-28T12:00:00Z", "just now"],
    ["2026-11-28T11:59:00Z", "1 minute ago"],
    ["2026-11-28T09:00:00Z", "3 hours ago"],
    ["2026-11-26T12:00:00Z", "2 days ago"],
  ])("%s is %s", (iso, expected) => {
    expect(timeAgo(iso, now)).toBe(expected);
  });
});

describe("formatBytes", () => {
  it("picks the unit", () => {
    expect(formatBytes(812)).toBe("812 B");
    expect(formatBytes(46_387)).toBe("45.3 KB");
    expect(formatBytes(32_505_856)).toBe("31.0 MB");
  });
});

describe("money", () => {
  it("has cents and thousands separators, and its sign in front", () => {
    expect(money(1234.5)).toBe("$1,234.50");
    expect(money(0)).toBe("$0.00");
    expect(money(-12)).toBe("-$12.00");
  });
});
