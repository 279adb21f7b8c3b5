import { describe, expect, it } from "vitest";
import { fireEvent, render, screen } from "@testing-library/svelte";
import { mockIPC } from "@tauri-apps/api/mocks";
import TrackRecord from "./TrackRecord.svelte";
import type { RecordRequest, TrackRecord as Record } from "../lib/bindings";

function record(): Record {
  const bin = (from: number, contests: number, predicted: number, realized: number) => ({
    from,
    to: from + 0.2,
    contests,
    predicted,
    realized,
  });
  return {
    contests: [
      {
        contest_id: 3,
        name: "2019 week 3 tournament",
        entries: 1111,
        entry_fee: 100,
        predicted: 0.7,
        expected_payout: 615,
        simulated_cash_line: 139.6,
        cash_line: 169.8,
        points: 164.2,
        rank: 501,
        rank_known: false,
        cashed: false,
        payout: 0,
        stored: true,
      },
    ],
    skipped: ["2018 week 8 double-up: its standings were exported before the games ended"],
    summary: {
      contests: 1,
      cash_rate: 0,
      mean_predicted: 0.7,
      brier: 0.49,
      brier_paid_fraction: 0.06,
      roi: -1,
      bins: [bin(0, 0, 0, 0), bin(0.2, 0, 0, 0), bin(0.4, 0, 0, 0), bin(0.6, 1, 0.7, 0), bin(0.8, 0, 0, 0)],
      verdict: "On 1 contest, the pick was given a 70% chance to cash on average and cashed 0% of the time.",
    },
  };
}

describe("Track record", () => {
  it("replays the imported contests and shows the verdict, each contest and the bins", async () => {
    const requests: RecordRequest[] = [];
    mockIPC((cmd, args) => {
      if (cmd === "contest_record") {
        requests.push((args as { request: RecordRequest }).request);
        return record();
      }
      throw { code: "not_found", message: `unexpected ${cmd}` };
    });
    render(TrackRecord);
    await fireEvent.click(screen.getByTestId("record-run"));
    expect((await screen.findByTestId("record-verdict")).textContent).toContain("70% chance to cash");
    expect(requests).toHaveLength(1);
    const rows = screen.getAllByTestId("record-row");
    expect(rows).toHaveLength(1);
    expect(rows[0]?.textContent).toContain("70.0%");
    expect(rows[0]?.textContent).toContain("169.80 (139.60)");
    expect(rows[0]?.textContent).toContain("no cash");
    // Below a listing of the top 500: where it finished is said as far as it is known.
    expect(rows[0]?.textContent).toContain("501 or lower");
    expect(rows[0]?.textContent).toContain("as made");
    // One bin holds a contest: a predicted and a realized bar.
    expect(document.querySelectorAll("rect.predicted")).toHaveLength(1);
    expect(screen.getByText(/Left out: 2018 week 8/)).toBeTruthy();
  });

  it("shows why a replay failed", async () => {
    mockIPC(() => {
      throw { code: "invalid_input", message: "Simulations must be from 100 to 100000, not 5." };
    });
    render(TrackRecord);
    await fireEvent.click(screen.getByTestId("record-run"));
    expect((await screen.findByRole("alert")).textContent).toContain("Simulations must be");
  });
});
