import { render, screen } from "@testing-library/svelte";
import { describe, expect, it } from "vitest";
import ScoreHistogram from "./ScoreHistogram.svelte";

const bins = (filled: Record<number, number>) => Array.from({ length: 200 }, (_, i) => filled[i] ?? 0);

describe("ScoreHistogram", () => {
  it("labels the scores it shows once each, the end labels inside the chart", () => {
    render(ScoreHistogram, {
      pick: bins({ 60: 5, 80: 3 }),
      maxProjection: bins({ 70: 4 }),
      cashLine: bins({ 65: 8 }),
      from: -10,
      binPoints: 2,
    });
    const labels = [...screen.getByTestId("score-histogram").querySelectorAll("text")];
    const values = labels.map((t) => Number(t.textContent));
    // Bins 58 to 82 shown (two of margin): scores -10 + 2 * bin.
    expect(values[0]).toBe(106);
    expect(values.at(-1)).toBe(154);
    expect(new Set(values).size).toBe(values.length);
    expect(labels[0]!.getAttribute("text-anchor")).toBe("start");
    expect(labels.at(-1)!.getAttribute("text-anchor")).toBe("end");
  });

  it("draws a one-bin simulation without repeating a label", () => {
    render(ScoreHistogram, { pick: bins({ 0: 10 }), maxProjection: bins({ 0: 10 }), cashLine: bins({}), from: 0, binPoints: 2 });
    const values = [...screen.getByTestId("score-histogram").querySelectorAll("text")].map((t) => t.textContent);
    expect(values.length).toBeGreaterThan(0);
    expect(new Set(values).size).toBe(values.length);
  });
});
