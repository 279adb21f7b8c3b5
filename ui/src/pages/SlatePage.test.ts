import { beforeEach, describe, expect, it } from "vitest";
import { fireEvent, render, screen } from "@testing-library/svelte";
import { mockIPC } from "@tauri-apps/api/mocks";
import SlatePage from "./SlatePage.svelte";
import type { ImportSlateInput } from "../lib/bindings";
import { selectSlate, session } from "../lib/session.svelte";
import { importReportFixture, slateFixture, slateSummaryFixture } from "../test/fixtures";

function mockImport(result: () => unknown, chosen: string | null = "/home/u/DKSalaries.csv") {
  const imports: ImportSlateInput[] = [];
  let imported = false;
  mockIPC((cmd, args) => {
    if (cmd === "plugin:dialog|open") return chosen;
    if (cmd === "list_slates") return imported ? [slateSummaryFixture()] : [];
    if (cmd === "get_slate") return slateFixture();
    if (cmd === "import_slate") {
      imports.push((args as { input: ImportSlateInput }).input);
      const report = result();
      imported = true;
      return report;
    }
    throw { code: "not_found", message: `unexpected ${cmd}` };
  });
  return imports;
}

describe("Slate page", () => {
  beforeEach(() => {
    selectSlate(null);
    session.lastImport = null;
    session.importError = null;
  });

  it("imports the chosen file and shows players, games and positions", async () => {
    const imports = mockImport(() => importReportFixture());
    render(SlatePage);
    expect(await screen.findByTestId("no-slates")).toBeTruthy();
    await fireEvent.click(screen.getByTestId("import-slate"));
    const summary = await screen.findByTestId("import-summary");
    expect(imports).toEqual([{ path: "/home/u/DKSalaries.csv", name: null }]);
    expect(screen.getByTestId("summary-players").textContent).toBe("5");
    expect(screen.getByTestId("summary-games").textContent).toBe("2");
    expect(summary.textContent).toMatch(/1 player has no\s+playable game/);
    expect(await screen.findByTestId("slates-table")).toBeTruthy();
    expect((await screen.findByTestId("games-strip")).textContent).toContain("BUF @ MIA");
    expect(session.slateId).toBe(1);
  });

  it("says when the same file was imported before", async () => {
    mockImport(() => importReportFixture({ already_imported: true }));
    render(SlatePage);
    await fireEvent.click(screen.getByTestId("import-slate"));
    expect((await screen.findByTestId("import-summary")).textContent).toContain("Already imported");
  });

  it("shows where a bad file is wrong and that nothing changed", async () => {
    mockImport(() => {
      throw {
        code: "invalid_file",
        message: "DKSalaries.csv, line 41, column 'Salary': 'x9200' is not a salary",
      };
    });
    render(SlatePage);
    await fireEvent.click(screen.getByTestId("import-slate"));
    const alert = await screen.findByTestId("import-error");
    expect(alert.textContent).toContain("line 41, column 'Salary'");
    expect(alert.textContent).toContain("Nothing was changed");
    expect(session.slateId).toBeNull();
  });

  it("does nothing when the dialog is cancelled", async () => {
    const imports = mockImport(() => importReportFixture(), null);
    render(SlatePage);
    await fireEvent.click(screen.getByTestId("import-slate"));
    await screen.findByTestId("no-slates");
    expect(imports).toHaveLength(0);
  });
});
