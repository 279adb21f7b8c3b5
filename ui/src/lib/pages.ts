// The app's pages in sidebar order. A page whose capability has not shipped yet is listed,
// disabled, with a sentence on what it will hold, so no page is a dead placeholder.

export type PageId =
  | "slate"
  | "players"
  | "optimizer"
  | "contests"
  | "lineups"
  | "projections"
  | "models"
  | "data"
  | "system"
  | "settings";

export interface Page {
  id: PageId;
  label: string;
  /** Whether the page's capability is available in this version. */
  available: boolean;
  /** What the page holds (shown as a tooltip, and as the page's intro). */
  summary: string;
}

export const PAGES: readonly Page[] = [
  {
    id: "slate",
    label: "Slate",
    available: true,
    summary: "Import a DraftKings salary CSV and see its games and kickoff times.",
  },
  {
    id: "players",
    label: "Players",
    available: true,
    summary: "The slate's player pool: sort, filter, lock, exclude and override projections.",
  },
  {
    id: "optimizer",
    label: "Optimizer",
    available: true,
    summary: "Build optimal lineups under DraftKings rules and your stacking rules.",
  },
  {
    id: "contests",
    label: "Contests",
    available: true,
    summary: "Single-entry contests: simulate the slate and the field, and pick the lineup most likely to get paid.",
  },
  {
    id: "lineups",
    label: "Lineups",
    available: true,
    summary: "Saved lineups: compare, check exposure and export an upload-ready CSV.",
  },
  {
    id: "projections",
    label: "Projections",
    available: true,
    summary: "Every player's projected points with floor and ceiling.",
  },
  {
    id: "models",
    label: "Models",
    available: true,
    summary: "Trained models per position: accuracy, versions, deploy and rollback.",
  },
  {
    id: "data",
    label: "Data",
    available: true,
    summary: "NFL data from nflverse: import stats and schedules, and match slate players.",
  },
  {
    id: "system",
    label: "System",
    available: true,
    summary: "Version, database, schema and what data and models the app has.",
  },
  {
    id: "settings",
    label: "Settings",
    available: true,
    summary: "Salary cap, data loading, self-tuning, monitoring and performance.",
  },
];

/** The page shown at start: the first available one. */
export const HOME: PageId = PAGES.find((p) => p.available)?.id ?? "settings";

export function pageById(id: string): Page | undefined {
  return PAGES.find((p) => p.id === id);
}
