import { describe, expect, it } from "vitest";
import { fireEvent, render, screen, waitFor, within } from "@testing-library/svelte";
import { mockIPC } from "@tauri-apps/api/mocks";
import { emit } from "@tauri-apps/api/event";
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
    await fireEvent.keyDown(window, { key: String(settingsIndex % 10), altKey: true });
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

  it("offers the newest good backup when the database does not open, and recovers", async () => {
    let restored = false;
    mockIPC((cmd, args) => {
      if (cmd === "health") {
        if (restored) return healthFixture();
        throw { code: "database", message: "database error while opening the database: file is not a database" };
      }
      if (cmd === "run_doctor")
        return {
          problems: 1,
          warnings: 0,
          checks: [
            {
              name: "Database",
              status: "problem",
              detail: "file is not a database",
              fix: "Restore the newest good backup, db-1.sqlite (the damaged file is kept).",
              action: { action: "restore", file: "/data/backups/db-1.sqlite" },
              command: 'nfl-dfs-cli restore "/data/backups/db-1.sqlite"',
            },
          ],
        };
      if (cmd === "restore_backup") {
        expect((args as { file: string }).file).toBe("/data/backups/db-1.sqlite");
        restored = true;
        return { kind: "database", file: "/data/backups/db-1.sqlite", check: null, kept: "/data/backups/damaged-1" };
      }
      if (cmd === "get_settings") return settingsFixture();
      throw { code: "database", message: `unexpected ${cmd}` };
    });
    render(App);
    await screen.findByTestId("startup-error");
    await fireEvent.click(await screen.findByRole("button", { name: "Restore this backup" }));
    await waitFor(() => expect(screen.queryByTestId("startup-error")).toBeNull());
    expect(screen.getByTestId("status-database").textContent).toContain("Database ready");
  });

  it("shows monitoring alerts in the status bar, which opens the System page", async () => {
    mockIPC(
      (cmd) => {
        if (cmd === "health") return healthFixture();
        if (cmd === "get_settings") return settingsFixture();
        if (cmd === "run_doctor") return { problems: 0, warnings: 0, checks: [] };
        if (cmd === "list_backups") return [];
        if (cmd === "monitor_snapshot") return { samples: [], latency: { count: 0, p50_ms: 0, p95_ms: 0, commands: [] }, alerts: [] };
        throw { code: "database", message: `unexpected ${cmd}` };
      },
      { shouldMockEvents: true },
    );
    render(App);
    await screen.findByText(/Database ready/);
    await emit("monitor-updated", {
      samples: [],
      latency: { count: 0, p50_ms: 0, p95_ms: 0, commands: [] },
      alerts: [{ kind: "stale_data", message: "NFL data was last loaded 9 days ago (alert after 8).", since: "" }],
    });
    const alert = await screen.findByTestId("status-alerts");
    expect(alert.textContent).toContain("9 days ago");
    await fireEvent.click(alert);
    expect(screen.getByRole("heading", { level: 1 }).textContent).toBe("System");
  });

  it("announces models a background run put in production, until dismissed", async () => {
    mockIPC(
      (cmd) => {
        if (cmd === "health") return healthFixture();
        if (cmd === "get_settings") return settingsFixture();
        throw { code: "database", message: `unexpected ${cmd}` };
      },
      { shouldMockEvents: true },
    );
    render(App);
    await screen.findByText(/Database ready/);
    const words = "Self-tuning put new models in production: RB (validated error 5.10, was 5.32).";
    await emit("models-trained", { run_id: 3, seconds: 2, results: [], version: "r3", deployed: ["RB"], kept: [], announcement: words });
    const note = await screen.findByTestId("deploy-note");
    expect(note.textContent).toContain(words);
    await fireEvent.click(within(note).getByRole("button", { name: "OK" }));
    expect(screen.queryByTestId("deploy-note")).toBeNull();
    // A run that deployed nothing says nothing.
    await emit("models-trained", { run_id: 4, seconds: 2, results: [], version: "r4", deployed: [], kept: ["QB: kept"], announcement: null });
    expect(screen.queryByTestId("deploy-note")).toBeNull();
  });

  it("offers an update announced at start-up and installs it with progress", async () => {
    let installed = 0;
    mockIPC(
      (cmd) => {
        if (cmd === "health") return healthFixture();
        if (cmd === "get_settings") return settingsFixture();
        if (cmd === "install_update") {
          installed += 1;
          return { version: "0.2.0", current_version: "0.1.0", notes: null, date: null };
        }
        throw { code: "database", message: `unexpected ${cmd}` };
      },
      { shouldMockEvents: true },
    );
    render(App);
    await screen.findByText(/Database ready/);
    await emit("update-available", {
      version: "0.2.0",
      current_version: "0.1.0",
      notes: "Backups and a troubleshooter.",
      date: "2026-11-28 12:00:00.0 +00:00:00",
    });
    const panel = await screen.findByTestId("update-panel");
    expect(panel.textContent).toContain("NFL DFS 0.2.0 is available");
    expect(panel.textContent).toContain("Backups and a troubleshooter.");
    await fireEvent.click(within(panel).getByRole("button", { name: "Install" }));
    await waitFor(() => expect(screen.getByTestId("update-panel").textContent).toContain("Restart NFL DFS"));
    expect(installed).toBe(1);
  });

  it("checks for updates from the Help menu", async () => {
    mockIPC(
      (cmd) => {
        if (cmd === "health") return healthFixture();
        if (cmd === "get_settings") return settingsFixture();
        if (cmd === "check_update") return null;
        throw { code: "database", message: `unexpected ${cmd}` };
      },
      { shouldMockEvents: true },
    );
    render(App);
    await screen.findByText(/Database ready/);
    await emit("menu-check-updates");
    expect((await screen.findByTestId("update-note")).textContent).toContain("latest version");
  });
});

describe("first launch", () => {
  it("offers the NFL history or the demo, and the demo says how to leave it", async () => {
    let demo = false;
    let left = false;
    mockIPC((cmd) => {
      if (cmd === "health") return { ...healthFixture(), demo };
      if (cmd === "get_settings") return settingsFixture();
      if (cmd === "list_slates") return [];
      if (cmd === "open_demo") {
        demo = true;
        return { slate_id: 1, nfl_files: 5, models: ["QB baseline"] };
      }
      if (cmd === "leave_demo") {
        demo = false;
        left = true;
        return null;
      }
      throw { code: "database", message: `unexpected ${cmd}` };
    });
    history.replaceState(null, "", "#slate");
    render(App);
    const welcome = await screen.findByTestId("welcome");
    expect(welcome.textContent).toContain("Download the NFL history");
    await fireEvent.click(screen.getByTestId("welcome-demo"));
    const note = await screen.findByTestId("demo-note");
    expect(note.textContent).toContain("exploring the demo");
    await waitFor(() => expect(screen.queryByTestId("welcome")).toBeNull());
    await fireEvent.click(screen.getByTestId("leave-demo"));
    await waitFor(() => expect(screen.queryByTestId("demo-note")).toBeNull());
    expect(left).toBe(true);
  });
});
