// End-to-end test of the real app binary in a real WebKit window, driven through tauri-driver
// (WebDriver) — run by ../../test.sh under Xvfb. It checks the app frame, changes a setting
// through the UI, restarts the app and sees the setting persisted in SQLite (read back both by
// the restarted window and by nfl-dfs-cli on the same database).
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createConnection } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { remote } from "webdriverio";

const root = resolve(import.meta.dirname, "../..");
const targetDir = process.env.CARGO_TARGET_DIR ?? join(root, "target");
const appBinary = join(targetDir, "debug", "nfl-dfs");
const cliBinary = join(targetDir, "debug", "nfl-dfs-cli");
const driverPort = 4444;
const dataDir = mkdtempSync(join(tmpdir(), "nfl-dfs-e2e-"));

let driver;

function portOpen(port) {
  return new Promise((done) => {
    const socket = createConnection({ host: "127.0.0.1", port }, () => {
      socket.end();
      done(true);
    });
    socket.on("error", () => done(false));
  });
}

async function waitForPort(port, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await portOpen(port)) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`tauri-driver did not listen on ${port} within ${timeoutMs} ms`);
}

/** Starts the app in a new window (a new WebDriver session). */
function launchApp() {
  return remote({
    hostname: "127.0.0.1",
    port: driverPort,
    logLevel: "warn",
    connectionRetryCount: 0,
    // No browserName: WebKitWebDriver rejects one it does not know.
    capabilities: { "tauri:options": { application: appBinary } },
  });
}

async function testId(app, id) {
  const element = await app.$(`[data-testid="${id}"]`);
  await element.waitForDisplayed({ timeout: 20_000 });
  return element;
}

before(async () => {
  driver = spawn("tauri-driver", ["--port", String(driverPort)], {
    env: { ...process.env, NFL_DFS_DATA_DIR: dataDir, RUST_LOG: "warn" },
    stdio: ["ignore", "inherit", "inherit"],
  });
  await waitForPort(driverPort, 15_000);
});

after(() => {
  driver?.kill();
  rmSync(dataDir, { recursive: true, force: true });
});

test("the app frame shows, a setting changed in the UI survives a restart", async () => {
  // First launch: the frame, the sidebar and a ready database in the status bar.
  let app = await launchApp();
  try {
    await testId(app, "app-frame");
    const nav = await app.$$('nav[aria-label="Pages"] button');
    assert.equal(nav.length, 9);
    const status = await testId(app, "status-database");
    await app.waitUntil(async () => (await status.getText()).includes("Database ready"), {
      timeout: 20_000,
      timeoutMsg: "the status bar never reported the database ready",
    });
    assert.match(await (await testId(app, "status-freshness")).getText(), /No data yet/);

    // Change "NFL seasons to load" from 3 to 5 on the Settings page.
    await (await testId(app, "nav-settings")).click();
    const seasons = await app.$("#setting-input-nfl_seasons");
    await seasons.waitForDisplayed({ timeout: 10_000 });
    assert.equal(await seasons.getValue(), "3");
    await seasons.clearValue();
    await seasons.setValue("5");
    await (await testId(app, "settings-save")).click();
    const saved = await testId(app, "settings-status");
    await app.waitUntil(async () => (await saved.getText()) === "Saved 1 setting.", {
      timeout: 10_000,
      timeoutMsg: "the settings page never confirmed the save",
    });
  } finally {
    await app.deleteSession();
  }

  // The value is in the SQLite database, as the CLI reads it with the app closed.
  const fromCli = JSON.parse(
    execFileSync(cliBinary, ["--data-dir", dataDir, "--json", "settings", "get", "nfl_seasons"], {
      encoding: "utf8",
    }),
  );
  assert.equal(fromCli.value, 5);
  assert.equal(fromCli.source, "database");

  // Second launch: the restarted app reads it back.
  app = await launchApp();
  try {
    await (await testId(app, "nav-settings")).click();
    const seasons = await app.$("#setting-input-nfl_seasons");
    await seasons.waitForDisplayed({ timeout: 10_000 });
    assert.equal(await seasons.getValue(), "5");
    await app.saveScreenshot(join(targetDir, "e2e-settings.png"));
  } finally {
    await app.deleteSession();
  }
});
