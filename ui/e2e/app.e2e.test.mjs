// End-to-end test of the real app binary in a real WebKit window, driven through tauri-driver
// (WebDriver) — run by ../../test.sh under Xvfb. It checks the app frame and the first-launch
// offer on an empty data folder (the demo opens in its own folder and is left), changes a setting
// through the UI, restarts the app and sees the setting persisted in SQLite (read back both by
// the restarted window and by nfl-dfs-cli on the same database). Then it works a slate: the
// demo salary file and a lineup are stored with the CLI (native file dialogs cannot be driven
// over WebDriver), and the window shows the slate, filters and locks players, and lists the
// lineup, builds three lineups with the optimizer that all hold the locked QB, and lists all
// four; the lock is read back from the database. Then the System page: the monitor samples,
// the troubleshooter runs, a backup made in the window restores after a change made with the CLI.
// Then the Models page follows the start-up self-tuning, and the Players page shows the
// optimizer's projections. Last, the Contests page adds a contest and finds the pick, with the
// same P(cash) as the CLI's pick with the same seed.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync, spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
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

/**
 * Starts the app in a new window (a new WebDriver session). tauri-driver listens before the
 * WebKitWebDriver behind it does, so a first request can meet a closed socket: that (and only
 * that) is retried, a few times.
 */
async function launchApp() {
  for (let attempt = 1; ; attempt++) {
    try {
      return await remote({
        hostname: "127.0.0.1",
        port: driverPort,
        logLevel: "silent",
        connectionRetryCount: 0,
        // No browserName: WebKitWebDriver rejects one it does not know.
        capabilities: { "tauri:options": { application: appBinary } },
      });
    } catch (error) {
      if (attempt >= 4 || !String(error).includes("UND_ERR_SOCKET")) throw error;
      await new Promise((r) => setTimeout(r, 1000));
    }
  }
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
    assert.equal(nav.length, 10);
    const status = await testId(app, "status-database");
    await app.waitUntil(async () => (await status.getText()).includes("Database ready"), {
      timeout: 20_000,
      timeoutMsg: "the status bar never reported the database ready",
    });
    assert.match(await (await testId(app, "status-freshness")).getText(), /No data yet/);

    // An empty data folder: the first launch offers the NFL history or the demo. The demo opens
    // in its own folder (the user's stays empty) with its slate projected by the baseline
    // models, and leaving it brings the offer back.
    await testId(app, "welcome");
    await (await testId(app, "welcome-demo")).click();
    await testId(app, "demo-note");
    const demo = JSON.parse(
      execFileSync(cliBinary, ["--data-dir", join(dataDir, "demo"), "--json", "slate", "show"], {
        encoding: "utf8",
      }),
    );
    assert.ok(
      demo.players.some((p) => p.projection_source === "model"),
      "the demo slate is projected by the baseline models",
    );
    await (await testId(app, "leave-demo")).click();
    await testId(app, "welcome");

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

function cli(...args) {
  return JSON.parse(
    execFileSync(cliBinary, ["--data-dir", dataDir, "--json", ...args], { encoding: "utf8" }),
  );
}

test("an imported slate shows its games and players; a lock made in the window is stored", async () => {
  const imported = cli("slate", "import", join(root, "data", "DKSalaries-demo.csv"));
  const slateId = imported.slate.id;
  // One valid lineup of cheap players from the stored slate, stored through an upload file.
  const players = cli("slate", "show", String(slateId)).players.filter(
    (p) => p.game_state === "scheduled",
  );
  const cheapest = (position, n) =>
    players
      .filter((p) => p.position === position)
      .sort((a, b) => a.salary - b.salary)
      .slice(0, n)
      .map((p) => p.dk_id);
  const [rb1, rb2, flex] = cheapest("RB", 3);
  const lineup = [cheapest("QB", 1)[0], rb1, rb2, ...cheapest("WR", 3), cheapest("TE", 1)[0], flex, cheapest("DST", 1)[0]];
  const upload = join(dataDir, "upload.csv");
  writeFileSync(upload, `QB,RB,RB,WR,WR,WR,TE,FLEX,DST\n${lineup.join(",")}\n`);
  assert.equal(cli("lineups", "import", "--slate", String(slateId), upload).added, 1);

  const app = await launchApp();
  let lockedName;
  try {
    // The Slate page is the home page: the current slate with its 8 games.
    await (await testId(app, "nav-slate")).click();
    const current = await testId(app, "current-slate");
    await app.waitUntil(async () => (await current.getText()).includes("353 players"), {
      timeout: 20_000,
      timeoutMsg: "the Slate page never showed the demo slate",
    });
    const games = await app.$$('[data-testid="games-strip"] button');
    assert.equal(games.length, 8);

    // Players: the pool, filtered to quarterbacks, then the top one locked.
    await (await testId(app, "nav-players")).click();
    await testId(app, "players-table");
    const counts = await testId(app, "pool-counts");
    assert.match(await counts.getText(), /353 of 353 shown/);
    await (await app.$('button[aria-pressed="false"]=QB')).click();
    await app.waitUntil(async () => /48 of 353 shown/.test(await counts.getText()), {
      timeout: 10_000,
      timeoutMsg: "the QB filter did not apply",
    });
    const firstRow = (await app.$$('[data-testid="player-row"]'))[0];
    lockedName = (await firstRow.$("td").getText()).trim();
    await (await firstRow.$('input[aria-label^="Lock "]')).click();
    await app.waitUntil(async () => /1 locked/.test(await counts.getText()), {
      timeout: 10_000,
      timeoutMsg: "the lock was not confirmed",
    });
    await app.saveScreenshot(join(targetDir, "e2e-players.png"));

    // Optimizer: three lineups, each with the QB locked above.
    await (await testId(app, "nav-optimizer")).click();
    const count = await testId(app, "rule-lineups");
    await count.clearValue();
    await count.setValue("3");
    await (await testId(app, "optimize-run")).click();
    await app.waitUntil(async () => (await app.$$('[data-testid="lineup-card"]')).length === 3, {
      timeout: 60_000,
      timeoutMsg: "the optimizer did not show three lineups",
    });
    for (const card of await app.$$('[data-testid="lineup-card"]')) {
      assert.match(await card.getText(), new RegExp(lockedName));
    }
    assert.match(await (await testId(app, "optimizer-summary")).getText(), /^3 lineups in/);
    await app.saveScreenshot(join(targetDir, "e2e-optimizer.png"));

    // Lineups: the imported lineup and the three built are listed.
    await (await testId(app, "nav-lineups")).click();
    await testId(app, "lineups-table");
    assert.equal((await app.$$('[data-testid="lineup-row"]')).length, 4);
    await app.saveScreenshot(join(targetDir, "e2e-lineups.png"));
  } finally {
    await app.deleteSession();
  }

  const stored = cli("slate", "show", String(slateId)).players.filter((p) => p.locked);
  assert.deepEqual(
    stored.map((p) => p.name),
    [lockedName],
  );
  assert.equal(stored[0].position, "QB");
});

test("the System page samples, backs up, and restores a backup made in the window", async () => {
  const app = await launchApp();
  try {
    await (await testId(app, "nav-system")).click();
    // The monitor's first sample arrives within seconds; the troubleshooter has run.
    const memory = await testId(app, "sparkline-Memory in use");
    await app.waitUntil(async () => /\d+(\.\d)? %/.test(await memory.getText()), {
      timeout: 30_000,
      timeoutMsg: "the monitor never showed a memory sample",
    });
    await app.waitUntil(async () => (await app.$$('[data-testid="check-Database"]')).length === 1, {
      timeout: 20_000,
      timeoutMsg: "the troubleshooter never listed the database check",
    });
    assert.match(await (await testId(app, "check-Database")).getText(), /integrity ok/);

    // Back up now from the Backups card: a database and a models backup more.
    const card = await testId(app, "backups");
    const rowsBefore = (await app.$$('[data-testid="backup-row"]')).length;
    await (await card.$("button=Back up now")).click();
    await app.waitUntil(
      async () => (await app.$$('[data-testid="backup-row"]')).length === rowsBefore + 2,
      { timeout: 20_000, timeoutMsg: "the backups list did not grow by two" },
    );

    // A change after the backup (made with the CLI beside the open app)...
    cli("settings", "set", "salary_cap", "60000");
    assert.equal(cli("settings", "get", "salary_cap").value, 60000);

    // ...is undone by restoring the manual database backup in the window.
    let manual;
    for (const row of await app.$$('[data-testid="backup-row"]')) {
      const text = await row.getText();
      if (/database/.test(text) && /manual/.test(text)) {
        manual = row;
        break;
      }
    }
    assert.ok(manual, "the manual database backup is listed");
    await (await manual.$("button=Restore…")).click();
    await (await card.$("button=Restore")).click();
    await app.waitUntil(async () => /Restored the database/.test(await card.getText()), {
      timeout: 20_000,
      timeoutMsg: "the restore was not confirmed",
    });
    await app.saveScreenshot(join(targetDir, "e2e-system.png"));
  } finally {
    await app.deleteSession();
  }
  assert.equal(cli("settings", "get", "salary_cap").value, 50000);
  const reasons = cli("backups", "list").map((b) => b.reason);
  assert.ok(reasons.includes("before_restore"), reasons.join(", "));
  assert.ok(reasons.includes("daily"), "the start-up backup was made: " + reasons.join(", "));
});

test("the Models page updates after the start-up self-tuning, and the Players page shows the optimizer's projections", async () => {
  // NFL history and the shipped models: the app's start-up self-tuning will train on the history.
  cli("ingest", "--from", join(root, "data", "nflverse-demo"));
  cli("models", "install", join(root, "models"));
  // The demo slate (already there after the tests above; importing it again adds nothing).
  const slateId = cli("slate", "import", join(root, "data", "DKSalaries-demo.csv")).slate.id;

  // The window of the test before may still be closing (it restored a backup); a session opened
  // meanwhile can lose its window.
  await new Promise((r) => setTimeout(r, 3000));
  const app = await launchApp();
  try {
    // The Models page, opened while the start-up training runs, lists the shipped versions...
    await (await testId(app, "nav-models")).click();
    await testId(app, "versions");
    // The Version column of the table, as shown.
    const listed = async () => {
      const shown = [];
      for (const cell of await app.$$('[data-testid="versions"] tbody td:nth-child(2)')) {
        shown.push(await cell.getText());
      }
      return shown;
    };
    const first = await listed();
    assert.ok(first.includes("baseline"), `the shipped versions are listed: ${first}`);
    assert.ok(!first.includes("r1"), `the page opened before training ended: ${first}`);
    // ...and shows the run's versions when it ends, without a restart or a click.
    await app.waitUntil(async () => (await listed()).includes("r1"), {
      timeout: 240_000,
      interval: 1_000,
      timeoutMsg: "the Models page never showed the self-tuning run's versions",
    });
    await app.saveScreenshot(join(targetDir, "e2e-models.png"));

    // One lineup: its points are the optimizer's projections of its nine players.
    await (await testId(app, "nav-optimizer")).click();
    const count = await testId(app, "rule-lineups");
    await count.clearValue();
    await count.setValue("1");
    const run = await testId(app, "optimize-run");
    await run.waitForEnabled({ timeout: 30_000 });
    await run.click();
    await app
      .waitUntil(async () => (await app.$$('[data-testid="lineup-card"]')).length === 1, {
        timeout: 60_000,
        timeoutMsg: "the optimizer did not show a lineup",
      })
      .catch(async (e) => {
        // Say what the page showed instead (an error card, or nothing).
        await app.saveScreenshot(join(targetDir, "e2e-optimizer-failed.png"));
        const shown = await app.$$('[data-testid="optimizer-error"]');
        const why = shown.length ? await shown[0].getText() : "no error shown";
        throw new Error(`${e.message}: ${why}`);
      });
    const card = (await app.$$('[data-testid="lineup-card"]'))[0];
    const points = Number((await card.$("header span").getText()).replace(/ pts$/, ""));
    const picked = [];
    for (const row of await card.$$("tbody tr")) {
      const cells = await row.$$("td");
      picked.push({ name: await cells[0].getText(), team: await cells[1].getText() });
    }
    assert.equal(picked.length, 9);

    // The Players page shows each of them at the projection the optimizer used.
    await (await testId(app, "nav-players")).click();
    await testId(app, "players-table");
    const search = await testId(app, "player-search");
    let shown = 0;
    for (const { name, team } of picked) {
      await search.clearValue();
      await search.setValue(name);
      let projection;
      await app.waitUntil(
        async () => {
          for (const row of await app.$$('[data-testid="player-row"]')) {
            const cells = await row.$$("td");
            if ((await cells[0].getText()).startsWith(name) && (await cells[2].getText()) === team) {
              // The number, then the source where it is not the model's ("8.1 salary").
              projection = Number.parseFloat(
                await (await row.$('[data-testid="player-projection"]')).getText(),
              );
              return true;
            }
          }
          return false;
        },
        { timeout: 10_000, timeoutMsg: `${name} (${team}) is not on the Players page` },
      );
      shown += projection;
    }
    // Each shown to 0.1: nine roundings of at most 0.05.
    assert.ok(Math.abs(shown - points) <= 0.46, `Players page ${shown.toFixed(2)} vs optimizer ${points}`);
  } finally {
    await app.deleteSession();
  }
  // The CLI shows the same numbers as `project`.
  const shownByCli = new Map(cli("slate", "show", String(slateId)).players.map((p) => [p.id, p.projection]));
  for (const p of cli("project", "--slate", String(slateId)).players) {
    assert.equal(shownByCli.get(p.slate_player_id), p.projection);
  }
});

test("the Contests page adds a contest and finds the pick the CLI finds with the same seed", async () => {
  const slateId = cli("slate", "import", join(root, "data", "DKSalaries-demo.csv")).slate.id;
  await new Promise((r) => setTimeout(r, 3000));
  const app = await launchApp();
  let shown;
  try {
    await (await testId(app, "nav-contests")).click();
    await (await testId(app, "contest-type")).selectByAttribute("value", "double-up");
    const entries = await testId(app, "contest-entries");
    await entries.clearValue();
    await entries.setValue("100");
    const fee = await testId(app, "contest-fee");
    await fee.clearValue();
    await fee.setValue("10");
    await (await testId(app, "contest-add")).click();
    const list = await testId(app, "contest-list");
    await app.waitUntil(async () => /Double-up/.test(await list.getText()), {
      timeout: 20_000,
      timeoutMsg: "the contest was not listed",
    });
    const sims = await testId(app, "pick-simulations");
    await sims.clearValue();
    await sims.setValue("1000");
    const candidates = await testId(app, "pick-candidates");
    await candidates.clearValue();
    await candidates.setValue("40");
    await (await testId(app, "pick-run")).click();
    const pCash = await (await app.$('[data-testid="p-cash-pick"]'));
    await pCash.waitForDisplayed({ timeout: 180_000 });
    // The chance and its range: "28.2% (19%–38%)".
    shown = (await pCash.getText()).trim().replace(/\s+/g, " ");
    assert.match(shown, /^\d+\.\d% \(\d+%–\d+%\)$/);
    assert.equal((await app.$$('[data-testid="player-leverage"]')).length, 18);
    await app.saveScreenshot(join(targetDir, "e2e-contests.png"));
  } finally {
    await app.deleteSession();
  }
  const contestId = cli("contest", "list", "--slate", String(slateId)).find((c) => c.entries === 100).id;
  const upload = join(dataDir, "pick.csv");
  const pick = cli(
    "contest", "pick", "--contest", String(contestId), "--sims", "1000", "--candidates", "40",
    "--seed", "1", "--out", upload,
  );
  assert.equal(
    `${(100 * pick.p_cash).toFixed(1)}% (${(100 * pick.p_cash_low).toFixed(0)}%–${(100 * pick.p_cash_high).toFixed(0)}%)`,
    shown,
    "the window and the CLI found the same pick",
  );
});

