import { beforeEach, describe, expect, it } from "vitest";
import { fireEvent, render, screen, waitFor } from "@testing-library/svelte";
import { mockIPC } from "@tauri-apps/api/mocks";
import LineupsPage from "./LineupsPage.svelte";
import type { ExportRequest } from "../lib/bindings";
import { selectSlate } from "../lib/session.svelte";
import { exposureFixture, lineupFixture, slateSummaryFixture } from "../test/fixtures";

function mockLineups(exportResult?: () => unknown) {
  const exports: ExportRequest[] = [];
  mockIPC((cmd, args) => {
    if (cmd === "list_slates") return [slateSummaryFixture({ lineups: 2 })];
    if (cmd === "list_lineups")
      return {
        lineups: [lineupFixture(7, [1, 2, 3]), { ...lineupFixture(8, [1, 4, 3]), earlier_models: true }],
        exposure: [exposureFixture(1, "Avery Brooks", "QB", 2, 2), exposureFixture(4, "Dallas Ellison", "TE", 1, 2)],
      };
    if (cmd === "plugin:dialog|save") return "/home/u/DKUpload.csv";
    if (cmd === "plugin:dialog|open") return "/home/u/DKEntries.csv";
    if (cmd === "export_lineups") {
      const request = (args as { request: ExportRequest }).request;
      exports.push(request);
      if (exportResult) return exportResult();
      return {
        path: request.out,
        lineups_written: request.lineup_ids?.length ?? 2,
        entries_total: request.entries ? 3 : 0,
        entries_kept: request.entries ? ["entry 5003 (line 4): no lineup left to put in it"] : [],
      };
    }
    throw { code: "not_found", message: `unexpected ${cmd}` };
  });
  return exports;
}

describe("Lineups page", () => {
  beforeEach(() => selectSlate(1));

  it("lists lineups with exposure", async () => {
    mockLineups();
    render(LineupsPage);
    expect(await screen.findAllByTestId("lineup-row")).toHaveLength(2);
    const shown = screen.getByLabelText("Exposure").textContent ?? "";
    expect(shown).toContain("Avery Brooks");
    expect(shown).toContain("100%");
    expect(shown).toContain("50%");
  });

  it("marks the lineups built on earlier models", async () => {
    mockLineups();
    render(LineupsPage);
    const [first, second] = await screen.findAllByTestId("lineup-row");
    expect(first?.querySelector("[data-testid=earlier-models]")).toBeNull();
    expect(second?.querySelector("[data-testid=earlier-models]")?.textContent).toBe("earlier models");
  });

  it("exports the selected lineups to the chosen file", async () => {
    const exports = mockLineups();
    render(LineupsPage);
    await screen.findAllByTestId("lineup-row");
    await fireEvent.click(screen.getByLabelText("Select lineup 8"));
    await fireEvent.click(screen.getByTestId("export-upload"));
    await waitFor(() => expect(exports).toHaveLength(1));
    expect(exports[0]).toEqual({
      slate_id: 1,
      lineup_ids: [8],
      out: "/home/u/DKUpload.csv",
      entries: null,
      as_of: null,
    });
    expect((await screen.findByTestId("lineups-status")).textContent).toBe(
      "Wrote 1 lineup to /home/u/DKUpload.csv.",
    );
  });

  it("fills an entries file and reports the entries it kept", async () => {
    const exports = mockLineups();
    render(LineupsPage);
    await screen.findAllByTestId("lineup-row");
    await fireEvent.click(screen.getByTestId("fill-entries"));
    await waitFor(() => expect(exports).toHaveLength(1));
    expect(exports[0]!.entries).toBe("/home/u/DKEntries.csv");
    expect(exports[0]!.lineup_ids).toBeNull();
    const status = await screen.findByTestId("lineups-status");
    expect(status.textContent).toContain("Filled 2 of 3 entries");
    expect(status.textContent).toContain("entry 5003");
  });

  it("shows why an export was refused", async () => {
    mockLineups(() => {
      throw {
        code: "invalid_lineup",
        message: "Lineup 7 is not a valid DraftKings lineup: its salary of 50100 is over the 50000 cap.",
      };
    });
    render(LineupsPage);
    await screen.findAllByTestId("lineup-row");
    await fireEvent.click(screen.getByTestId("export-upload"));
    expect((await screen.findByTestId("lineups-error")).textContent).toContain("over the 50000 cap");
  });
});
