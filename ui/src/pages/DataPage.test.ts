import { beforeEach, describe, expect, it } from "vitest";
import { fireEvent, render, screen, waitFor } from "@testing-library/svelte";
import { mockIPC } from "@tauri-apps/api/mocks";
import { emit } from "@tauri-apps/api/event";
import DataPage from "./DataPage.svelte";
import type {
  DownloadInput,
  IngestInput,
  LinkPlayerInput,
  LoadProgress,
  SeasonData,
  SlateMatches,
} from "../lib/bindings";
import { selectSlate, session } from "../lib/session.svelte";

function matches(linked = false): SlateMatches {
  return {
    slate_id: 1,
    season: 2018,
    players: [
      {
        slate_player_id: 1,
        dk_id: 91000001,
        name: "Todd Gurley II",
        position: "RB",
        team: "LA",
        gsis_id: "00-0032241",
        nfl_name: "Todd Gurley",
        how: "exact",
        has_game: true,
        avg_points_per_game: 28.3,
      },
      {
        slate_player_id: 2,
        dk_id: 91000002,
        name: "Robby Anderson",
        position: "WR",
        team: "NYJ",
        gsis_id: linked ? "00-0032464" : null,
        nfl_name: linked ? "Chosen Anderson" : null,
        how: linked ? "manual" : "unmatched",
        has_game: true,
        avg_points_per_game: 9.1,
      },
      {
        slate_player_id: 3,
        dk_id: 91000003,
        name: "Rams ",
        position: "DST",
        team: "LA",
        gsis_id: null,
        nfl_name: null,
        how: "team",
        has_game: true,
        avg_points_per_game: 8,
      },
    ],
    matched: linked ? 3 : 2,
    with_game: 3,
    scorers_matched: linked ? 3 : 2,
    scorers_with_game: 3,
    dst_matched: 1,
    dst_with_game: 1,
  };
}

const seasons: SeasonData[] = [
  { season: 2018, player_weeks: 5281, team_weeks: 534, games: 267, last_week: 21 },
];

function mockData(hold?: Promise<void>) {
  const calls = {
    ingests: [] as IngestInput[],
    downloads: [] as DownloadInput[],
    links: [] as LinkPlayerInput[],
    cancels: 0,
  };
  let linked = false;
  mockIPC(async (cmd, args) => {
    if (cmd === "list_nfl_seasons") return calls.ingests.length ? seasons : [];
    if (cmd === "get_settings") return [{ key: "nfl_seasons", value: 4 }];
    if (cmd === "health")
      return { data: { last_nfl_load: calls.ingests.length ? new Date().toISOString() : null } };
    if (cmd === "cancel_load") {
      calls.cancels += 1;
      return null;
    }
    if (cmd === "download_nfl") {
      calls.downloads.push((args as { input: DownloadInput }).input);
      await hold;
      return {
        files: [{ file: "games.csv", kind: "schedule", rows: 7263, seasons: [2024] }],
        refused: [],
        ignored: [],
        missing: ["injuries_2026.csv"],
        unchanged: ["roster_2024.csv"],
        stale: [],
      };
    }
    if (cmd === "match_slate") return matches(linked);
    if (cmd === "plugin:dialog|open") return ["/home/u/nflverse/games.csv", "/home/u/x.csv"];
    if (cmd === "ingest_nfl") {
      calls.ingests.push((args as { input: IngestInput }).input);
      return {
        files: [{ file: "games.csv", kind: "schedule", rows: 7263, seasons: [2018, 2019] }],
        refused: ["x.csv, line 1: not an nflverse file this app reads"],
        ignored: ["dictionary_rosters.csv"],
        missing: [],
        unchanged: [],
        stale: [],
      };
    }
    if (cmd === "search_nfl_players")
      return [{ gsis_id: "00-0032464", name: "Chosen Anderson", position: "WR", team: "CAR" }];
    if (cmd === "link_player") {
      calls.links.push((args as { input: LinkPlayerInput }).input);
      linked = true;
      return matches(true);
    }
    throw { code: "not_found", message: `unexpected ${cmd}` };
  }, { shouldMockEvents: true });
  return calls;
}

describe("Data page", () => {
  beforeEach(() => selectSlate(1));

  it("loads files, lists what was stored and refused, and shows the seasons", async () => {
    const calls = mockData();
    render(DataPage);
    expect(await screen.findByText("No NFL data yet. Download it or load nflverse files above.")).toBeTruthy();
    await fireEvent.click(screen.getByTestId("ingest-files"));
    const report = await screen.findByTestId("ingest-report");
    expect(calls.ingests[0]!.paths).toEqual(["/home/u/nflverse/games.csv", "/home/u/x.csv"]);
    expect(report.textContent).toContain("games.csv: 7,263 rows (schedule, 2018, 2019)");
    expect(report.textContent).toContain("Refused: x.csv, line 1");
    expect(report.textContent).toContain("Left alone, not nflverse data the app reads: dictionary_rosters.csv");
    const table = await screen.findByTestId("seasons");
    expect(table.textContent).toContain("5,281");
    expect((await screen.findByTestId("last-load")).textContent).toBe("Last loaded just now.");
  });

  it("lists unmatched players and links one by hand", async () => {
    const calls = mockData();
    render(DataPage);
    const rate = await screen.findByTestId("match-rate");
    expect(rate.textContent).toContain("2 of 3 players with a game (66.7%)");
    const unmatched = screen.getByTestId("unmatched");
    expect(unmatched.textContent).toContain("Robby Anderson");
    expect(unmatched.textContent).not.toContain("Gurley");
    expect(unmatched.textContent).not.toContain("Rams");
    await fireEvent.click(screen.getByText("Link…"));
    await fireEvent.click(await screen.findByText(/Chosen Anderson · WR · CAR/));
    await waitFor(() => expect(calls.links).toHaveLength(1));
    expect(calls.links[0]).toEqual({ slate_id: 1, slate_player_id: 2, gsis_id: "00-0032464" });
    expect(await screen.findByText("Every player with a game is matched.")).toBeTruthy();
  });

  it("loads files dropped on the window", async () => {
    const calls = mockData();
    render(DataPage);
    await screen.findByText("No NFL data yet. Download it or load nflverse files above.");
    session.droppedData = ["/home/u/play_by_play_2023.csv.gz"];
    await screen.findByTestId("ingest-report");
    expect(calls.ingests[0]!.paths).toEqual(["/home/u/play_by_play_2023.csv.gz"]);
    expect(session.droppedData).toEqual([]);
  });

  it("downloads the chosen seasons with progress and cancel, then lists the outcome", async () => {
    let release = () => {};
    const calls = mockData(new Promise<void>((r) => (release = r)));
    render(DataPage);
    const first = (await screen.findByTestId("first-season")) as HTMLInputElement;
    const last = screen.getByTestId("last-season") as HTMLInputElement;
    await waitFor(() => expect(Number(last.value) - Number(first.value)).toBe(3));
    await fireEvent.input(first, { target: { value: "2024" } });
    await fireEvent.input(last, { target: { value: "2023" } });
    expect((await screen.findByRole("alert")).textContent).toContain("first season comes after");
    expect((screen.getByTestId("download") as HTMLButtonElement).disabled).toBe(true);
    await fireEvent.input(last, { target: { value: "2026" } });
    await fireEvent.click(screen.getByTestId("download"));
    await waitFor(() => expect(calls.downloads).toHaveLength(1));
    expect(calls.downloads[0]).toEqual({ seasons: [2024, 2025, 2026], play_by_play: false });

    const progress: LoadProgress = {
      file: "stats_player_week_2024.csv",
      file_index: 1,
      files: 16,
      stage: "download",
      bytes: 3_145_728,
      total_bytes: 6_291_456,
      rows: 0,
    };
    await emit("ingest-progress", progress);
    await waitFor(() =>
      expect(screen.getByTestId("load-text").textContent).toContain(
        "Downloading stats_player_week_2024.csv (2 of 16) · 3.0 MB of 6.0 MB",
      ),
    );
    await fireEvent.click(screen.getByTestId("load-cancel"));
    await waitFor(() => expect(calls.cancels).toBe(1));
    release();
    const report = await screen.findByTestId("ingest-report");
    expect(report.textContent).toContain("games.csv: 7,263 rows (schedule, 2024)");
    expect(report.textContent).toContain("roster_2024.csv: unchanged since the last download");
    expect(report.textContent).toContain("injuries_2026.csv: not published by nflverse (yet)");
    expect(screen.queryByTestId("load-status")).toBeNull();
  });
});
