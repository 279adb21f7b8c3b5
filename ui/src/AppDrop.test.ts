import { beforeEach, describe, expect, it } from "vitest";
import { render, screen, waitFor } from "@testing-library/svelte";
import { mockIPC, mockWindows } from "@tauri-apps/api/mocks";
import { emit } from "@tauri-apps/api/event";
import App from "./App.svelte";
import type { ImportSlateInput } from "./lib/bindings";
import { selectSlate, session } from "./lib/session.svelte";
import { healthFixture, importReportFixture, slateFixture, slateSummaryFixture } from "./test/fixtures";

/** The app with webview events mocked, so a drop can be emitted as Tauri would. */
function mockAppWithEvents() {
  const imports: ImportSlateInput[] = [];
  mockWindows("main");
  mockIPC(
    (cmd, args) => {
      if (cmd === "health") return healthFixture();
      if (cmd === "list_slates") return imports.length ? [slateSummaryFixture()] : [];
      if (cmd === "get_slate") return slateFixture();
      if (cmd === "import_slate") {
        imports.push((args as { input: ImportSlateInput }).input);
        return importReportFixture();
      }
      throw { code: "not_found", message: `unexpected ${cmd}` };
    },
    { shouldMockEvents: true },
  );
  return imports;
}

const drop = (paths: string[]) =>
  emit("tauri://drag-drop", { paths, position: { x: 10, y: 10 } });

describe("dropping files on the window", () => {
  beforeEach(() => {
    selectSlate(null);
    session.lastImport = null;
    session.importError = null;
    location.hash = "#settings";
  });

  it("imports a dropped salary CSV and shows the summary on the Slate page", async () => {
    const imports = mockAppWithEvents();
    render(App);
    await screen.findByRole("heading", { level: 1, name: "Settings" });
    await waitFor(async () => {
      await drop(["/home/u/Downloads/DKSalaries.csv"]);
      expect(imports.length).toBeGreaterThan(0);
    });
    expect(imports[0]).toEqual({ path: "/home/u/Downloads/DKSalaries.csv", name: null });
    expect(await screen.findByTestId("import-summary")).toBeTruthy();
    expect(screen.getByRole("heading", { level: 1 }).textContent).toBe("Slate");
  });

  it("refuses a file that is not a CSV without calling the app", async () => {
    const imports = mockAppWithEvents();
    render(App);
    await screen.findByRole("heading", { level: 1, name: "Settings" });
    await waitFor(async () => {
      await drop(["/home/u/Downloads/lineup.png"]);
      expect(session.importError).not.toBeNull();
    });
    expect((await screen.findByTestId("import-error")).textContent).toContain(
      "/home/u/Downloads/lineup.png is not a CSV file",
    );
    expect(imports).toHaveLength(0);
  });
});
