import { describe, expect, it } from "vitest";
import { fireEvent, render, screen, waitFor } from "@testing-library/svelte";
import { mockIPC } from "@tauri-apps/api/mocks";
import App from "./App.svelte";
import { PAGES } from "./lib/pages";
import { healthFixture, settingsFixture } from "./test/fixtures";

function mockApp(health: () => unknown = () => healthFixture()) {
  mockIPC((cmd) => {
    if (cmd === "health") return health();
    if (cmd === "get_settings") return settingsFixture();
    throw { code: "database", message: `unexpected ${cmd}` };
  });
}

describe("App frame", () => {
  it("lists every page, disabling the ones not available yet", () => {
    mockApp();
    render(App);
    for (const page of PAGES) {
      const button = screen.getByTestId(`nav-${page.id}`);
      expect(button.textContent).toContain(page.label);
      expect((button as HTMLButtonElement).disabled).toBe(!page.available);
    }
  });

  it("shows the database and data freshness in the status bar", async () => {
    mockApp();
    render(App);
    await waitFor(() =>
      expect(screen.getByTestId("status-database").textContent).toContain("Database ready"),
    );
    expect(screen.getByTestId("status-freshness").textContent).toBe("No data yet");
  });

  it("switches pages with Alt+number", async () => {
    mockApp();
    render(App);
    const settingsIndex = PAGES.findIndex((p) => p.id === "settings") + 1;
    await fireEvent.keyDown(window, { key: String(settingsIndex), altKey: true });
    expect(screen.getByRole("heading", { level: 1 }).textContent).toBe("Settings");
    expect(screen.getByTestId("nav-settings").getAttribute("aria-current")).toBe("page");
  });

  it("blocks the pages with the reason when the database cannot be used", async () => {
    mockApp(() => {
      throw { code: "schema_too_new", message: "written by a newer version of NFL DFS" };
    });
    render(App);
    const alert = await screen.findByTestId("startup-error");
    expect(alert.textContent).toContain("written by a newer version");
    expect(screen.getByTestId("status-database").textContent).toContain("schema_too_new");
  });
});
