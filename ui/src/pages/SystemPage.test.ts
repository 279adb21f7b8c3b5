import { describe, expect, it } from "vitest";
import { fireEvent, render, screen, waitFor, within } from "@testing-library/svelte";
import { mockIPC } from "@tauri-apps/api/mocks";
import { emit } from "@tauri-apps/api/event";
import SystemPage from "./SystemPage.svelte";
import { healthFixture } from "../test/fixtures";
import type { BackupEntry, DoctorReport, MonitorSnapshot, ResourceSample } from "../lib/bindings";

const backup = (file_name: string, kind: BackupEntry["kind"]): BackupEntry => ({
  file_name,
  path: `/data/backups/${file_name}`,
  kind,
  reason: "daily",
  created: "2026-11-28T03:00:00.000Z",
  bytes: 2_097_152,
});

const sample = (memory_used_pct: number): ResourceSample => ({
  at: "2026-11-28T20:00:00Z",
  process_cpu_pct: 3,
  process_memory_bytes: 150 * 1_048_576,
  system_cpu_pct: 12,
  memory_used_pct,
  memory_total_bytes: 16 * 1_073_741_824,
  disk_free_bytes: 20 * 1_073_741_824,
  disk_total_bytes: 250 * 1_073_741_824,
});

const snapshot: MonitorSnapshot = {
  samples: [sample(40), sample(85)],
  latency: {
    count: 12,
    p50_ms: 14,
    p95_ms: 2400,
    commands: [{ command: "optimize", count: 2, p50_ms: 2300, p95_ms: 2400 }],
  },
  alerts: [{ kind: "memory", message: "Memory use is 85% (alert above 80%).", since: "2026-11-28T20:00:00Z" }],
};

function doctor(backedUp: boolean): DoctorReport {
  return {
    problems: 0,
    warnings: backedUp ? 0 : 1,
    checks: [
      { name: "Database", status: "ok", detail: "integrity ok", fix: null, action: null, command: null },
      backedUp
        ? { name: "Backups", status: "ok", detail: "newest verifies", fix: null, action: null, command: null }
        : {
            name: "Backups",
            status: "warning",
            detail: "no database backup yet",
            fix: "Back up now.",
            action: { action: "backup_now" },
            command: "nfl-dfs-cli backup",
          },
    ],
  };
}

describe("System page", () => {
  it("runs the troubleshooter and makes the fix it offers", async () => {
    let backedUp = false;
    const calls: string[] = [];
    mockIPC((cmd) => {
      calls.push(cmd);
      if (cmd === "run_doctor") return doctor(backedUp);
      if (cmd === "backup_now") {
        backedUp = true;
        return [backup("db-20261128T200000000Z-manual.sqlite", "database")];
      }
      if (cmd === "list_backups") return [];
      if (cmd === "monitor_snapshot") return snapshot;
      throw { code: "not_found", message: `unexpected ${cmd}` };
    });
    render(SystemPage, { health: { ...healthFixture(), profile: "testing" }, error: null, onrefresh: () => {} });
    expect(screen.getByTestId("health-profile").textContent).toBe("testing");
    expect(screen.getByTestId("backup-schedule").textContent).toContain("daily at 03:00");
    const check = await screen.findByTestId("check-Backups");
    expect(check.textContent).toContain("nfl-dfs-cli backup");
    await fireEvent.click(within(check).getByRole("button", { name: "Back up now" }));
    await waitFor(() => expect(screen.getByTestId("doctor-summary").textContent).toBe("Everything checks out."));
    expect(calls.filter((c) => c === "run_doctor")).toHaveLength(2);
  });

  it("restores a backup only after confirming, and shows why one is refused", async () => {
    const restored: string[] = [];
    mockIPC((cmd, args) => {
      if (cmd === "list_backups")
        return [backup("db-20261128T030000000Z-daily.sqlite", "database"), backup("models-20261128T030000000Z-weekly.tar.gz", "models")];
      if (cmd === "restore_backup") {
        const file = (args as { file: string }).file;
        restored.push(file);
        if (file.endsWith(".tar.gz"))
          throw { code: "invalid_backup", message: `The backup ${file} cannot be restored: not a .tar.gz archive. Nothing was changed.` };
        return { kind: "database", file, check: null, kept: "/data/backups/db-before-restore.sqlite" };
      }
      if (cmd === "run_doctor") return doctor(true);
      if (cmd === "monitor_snapshot") return snapshot;
      throw { code: "not_found", message: `unexpected ${cmd}` };
    });
    render(SystemPage, { health: healthFixture(), error: null, onrefresh: () => {} });
    const rows = await screen.findAllByTestId("backup-row");
    expect(rows).toHaveLength(2);
    expect(rows[0]!.textContent).toContain("2.0 MB");
    await fireEvent.click(rows[0]!.querySelector("button")!);
    expect(restored).toHaveLength(0);
    await fireEvent.click(screen.getByRole("button", { name: "Restore" }));
    await waitFor(() => expect(screen.getByRole("status").textContent).toContain("db-before-restore"));
    expect(restored).toEqual(["/data/backups/db-20261128T030000000Z-daily.sqlite"]);

    const models = (await screen.findAllByTestId("backup-row"))[1]!;
    await fireEvent.click(models.querySelector("button")!);
    await fireEvent.click(screen.getByRole("button", { name: "Restore" }));
    await waitFor(() => expect(screen.getByTestId("backups").textContent).toContain("Nothing was changed"));
  });

  it("charts the monitor's samples, lists command times and updates from events", async () => {
    mockIPC(
      (cmd) => {
        if (cmd === "monitor_snapshot") return snapshot;
        if (cmd === "run_doctor") return doctor(true);
        if (cmd === "list_backups") return [];
        throw { code: "not_found", message: `unexpected ${cmd}` };
      },
      { shouldMockEvents: true },
    );
    render(SystemPage, { health: healthFixture(), error: null, onrefresh: () => {} });
    const memory = await screen.findByTestId("sparkline-Memory in use");
    expect(memory.textContent).toContain("85.0 %");
    expect(memory.querySelector("polyline")!.getAttribute("points")!.split(" ")).toHaveLength(2);
    expect(screen.getByTestId("alert-memory").textContent).toContain("85%");
    expect(screen.getByTestId("latency-overall").textContent).toContain("p95 2400 ms");
    expect(screen.getByTestId("monitor-disk").textContent).toContain("20.0 GB free of 250 GB");

    await emit("monitor-updated", { ...snapshot, samples: [...snapshot.samples, sample(50)], alerts: [] });
    await waitFor(() => expect(screen.queryByTestId("alert-memory")).toBeNull());
    expect(screen.getByTestId("sparkline-Memory in use").textContent).toContain("50.0 %");
  });

  it("checks for updates from the Version row", async () => {
    let newer = false;
    mockIPC((cmd) => {
      if (cmd === "check_update")
        return newer ? { version: "0.2.0", current_version: "0.1.0", notes: "Faster.", date: null } : null;
      if (cmd === "run_doctor") return doctor(true);
      if (cmd === "list_backups") return [];
      if (cmd === "monitor_snapshot") return snapshot;
      throw { code: "not_found", message: `unexpected ${cmd}` };
    });
    render(SystemPage, { health: healthFixture(), error: null, onrefresh: () => {} });
    await fireEvent.click(screen.getByRole("button", { name: "Check for updates" }));
    await waitFor(() => expect(screen.getByTestId("update-message").textContent).toBe("You have the latest version."));
    newer = true;
    await fireEvent.click(screen.getByRole("button", { name: "Check for updates" }));
    expect((await screen.findByTestId("update-panel")).textContent).toContain("0.2.0 is available");
  });
});
